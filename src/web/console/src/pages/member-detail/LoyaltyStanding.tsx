import { Card, Divider, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { TierName } from '../loyalty/TiersCard';
import { safeColor } from '../loyalty/loyalty-vocab';
import type { Standing } from '../loyalty/types';

type Lot = Standing['points']['lots'][number];

/** The member's tier: which one and why (by hand, until when), growth, and how far the next one is. */
export function StandingCard({
  standing,
  tierName,
}: {
  standing: Standing;
  tierName: (id: number | null | undefined) => string;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { tier, growth } = standing;
  const manual = tier.manual;
  return (
    <Card size="small" title={t('memberLoyalty.tier')} data-testid="loyalty-standing">
      {tier.current ? (
        <Flex vertical gap={6}>
          <Flex gap={8} align="center" wrap>
            <span style={{ fontSize: 18 }}>
              <TierName tier={tier.current} />
            </span>
            {manual ? (
              <Tag color="purple" style={{ margin: 0 }}>
                {t('memberLoyalty.manual')}
              </Tag>
            ) : null}
            {tier.since && !manual ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('memberLoyalty.since', { at: fmt.date(tier.since) })}
              </Typography.Text>
            ) : null}
          </Flex>
          {manual ? (
            <div className="kith-muted" style={{ fontSize: 13 }}>
              <div>
                {manual.until
                  ? t('memberLoyalty.manualUntil', { at: fmt.dateTime(manual.until) })
                  : t('memberLoyalty.manualForever')}
              </div>
              <div className="kith-message-text">{t('memberLoyalty.manualReason', { reason: manual.reason })}</div>
              <div>{t('memberLoyalty.earned', { tier: tierName(tier.earned?.id) })}</div>
            </div>
          ) : null}
          {tier.belowKeepSince ? (
            <Typography.Text type="warning" style={{ fontSize: 13 }}>
              <WarningOutlined /> {t('memberLoyalty.belowKeep', { at: fmt.date(tier.belowKeepSince) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('memberLoyalty.noTiers')}</Typography.Text>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <Flex gap={24} wrap>
        <Statistic
          title={
            growth.windowMonths === null
              ? t('memberLoyalty.growthLifetimeWindow')
              : t('memberLoyalty.growthWindow', { months: growth.windowMonths })
          }
          value={growth.window}
          formatter={(v) => fmt.number(Number(v))}
        />
        {growth.windowMonths !== null ? (
          <Statistic
            title={t('memberLoyalty.growthLifetime')}
            value={growth.lifetime}
            formatter={(v) => fmt.number(Number(v))}
          />
        ) : null}
      </Flex>
      {tier.current ? (
        tier.next ? (
          <div style={{ marginTop: 12 }} data-testid="tier-progress">
            <Typography.Text style={{ fontSize: 13 }}>
              {t('memberLoyalty.next', { tier: tierName(tier.next.tier.id), needed: fmt.number(tier.next.needed) })}
            </Typography.Text>
            <Progress percent={tier.next.percent} size="small" strokeColor={safeColor(tier.next.tier.color)} />
          </div>
        ) : (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 13 }}>
            {t('memberLoyalty.top')}
          </Typography.Text>
        )
      ) : null}
    </Card>
  );
}

/** Points: the balance, what expires when (earliest first), and the lots the balance is made of. */
export function PointsCard({ standing }: { standing: Standing }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { points } = standing;
  return (
    <Card size="small" title={t('memberLoyalty.points')}>
      <Statistic
        title={t('memberLoyalty.balance')}
        value={points.balance}
        formatter={(v) => <span data-testid="points-balance">{fmt.number(Number(v))}</span>}
      />
      <Flex vertical gap={2} style={{ margin: '8px 0 12px' }} data-testid="points-expiring">
        {points.expiring.length ? (
          points.expiring.map((e) => (
            <Typography.Text key={e.expiresAt} type="warning" style={{ fontSize: 13 }}>
              {t('memberLoyalty.expiring', { points: fmt.number(e.points), at: fmt.dateTime(e.expiresAt) })}
            </Typography.Text>
          ))
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('memberLoyalty.noExpiring')}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Text strong style={{ fontSize: 13 }}>
        {t('memberLoyalty.lots')}
      </Typography.Text>
      <Table<Lot>
        rowKey="postingId"
        size="small"
        pagination={points.lots.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
        dataSource={points.lots}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 6 }}
        locale={{ emptyText: t('memberLoyalty.lots.empty') }}
        columns={[
          {
            key: 'earned',
            title: t('memberLoyalty.lots.earned'),
            render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{fmt.date(l.earnedAt)}</span>,
          },
          {
            key: 'amount',
            title: t('memberLoyalty.lots.amount'),
            align: 'right',
            render: (_, l) => fmt.number(l.amount),
          },
          {
            key: 'remaining',
            title: t('memberLoyalty.lots.remaining'),
            align: 'right',
            render: (_, l) => fmt.number(l.remaining),
          },
          {
            key: 'expires',
            title: t('memberLoyalty.lots.expires'),
            render: (_, l) =>
              l.expiresAt ? (
                <span style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(l.expiresAt)}</span>
              ) : (
                <Typography.Text type="secondary">{t('memberLoyalty.lots.never')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
