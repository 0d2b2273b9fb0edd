import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, InboxOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { Can } from '../../session/Can';
import { describeError } from '../../components/errors';
import { REWARD_COLORS, nameIn } from '../loyalty/loyalty-vocab';
import { archiveBody } from './reward-form';
import type { Reward } from '../loyalty/types';
import { usePinnedActions } from '../loyalty/LoyaltyBits';

/** The rewards catalogue: what each costs, how many are left, who may redeem it, until when. */
export function RewardsTable({
  items,
  loading,
  tierName,
  onEdit,
  onCodes,
  onChanged,
}: {
  items: Reward[];
  loading: boolean;
  tierName: (id: number) => string;
  onEdit: (r: Reward) => void;
  onCodes: (r: Reward) => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const pinned = usePinnedActions();
  const typeLabel = (x: string) => {
    const k = `rewardType.${x}`;
    return hasMessage(k) ? t(k) : x;
  };
  const lastDay = (until: string) => fmt.date(new Date(Date.parse(until) - 1));

  const archive = async (r: Reward, archived: boolean) => {
    setBusy(r.id);
    try {
      await call(
        api.PUT('/api/v1/loyalty/rewards/{id}', { params: { path: { id: r.id } }, body: archiveBody(r, archived) }),
      );
      message.success(t(archived ? 'rewards.archivedDone' : 'rewards.unarchivedDone', { name: nameIn(r, locale) }));
      onChanged();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<Reward>['columns'] = [
    {
      key: 'name',
      title: t('rewards.col.name'),
      width: 200,
      render: (_, r) => (
        <div style={{ maxWidth: 260 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{nameIn(r, locale)}</Typography.Text>
            {r.archived ? <Tag style={{ margin: 0 }}>{t('loyalty.archived')}</Tag> : null}
          </Flex>
          <div className="kith-muted">{locale === 'zh-CN' ? r.nameEn : r.nameZh}</div>
          {r.description ? (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
              {r.description}
            </Typography.Paragraph>
          ) : null}
        </div>
      ),
    },
    {
      key: 'type',
      title: t('rewards.col.type'),
      width: 90,
      render: (_, r) => (
        <Tag color={REWARD_COLORS[r.type]} style={{ margin: 0 }}>
          {typeLabel(r.type)}
        </Tag>
      ),
    },
    { key: 'cost', title: t('rewards.col.cost'), width: 100, align: 'right', render: (_, r) => fmt.number(r.cost) },
    {
      key: 'stock',
      title: t('rewards.col.stock'),
      width: 150,
      render: (_, r) => (
        <div>
          {r.stock === null ? (
            t('rewards.unlimited')
          ) : r.type === 'coupon' && r.stock === 0 ? (
            <Typography.Text type="warning">{t('rewards.noCodes')}</Typography.Text>
          ) : (
            <Typography.Text type={r.available === 0 ? 'danger' : undefined}>
              {t('rewards.stock', { available: r.available ?? 0, stock: r.stock })}
            </Typography.Text>
          )}
          <div className="kith-muted">
            {t('rewards.redeemed', { count: r.redeemed })}
            {r.perMemberLimit !== null ? ` · ${t('rewards.perMember', { count: r.perMemberLimit })}` : ''}
          </div>
        </div>
      ),
    },
    {
      key: 'tiers',
      title: t('rewards.col.tiers'),
      width: 160,
      responsive: ['md'],
      render: (_, r) =>
        r.tierIds.length ? (
          <Flex gap={4} wrap>
            {r.tierIds.map((id) => (
              <Tag key={id} style={{ margin: 0 }}>
                {tierName(id)}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('loyalty.allTiers')}</Typography.Text>
        ),
    },
    {
      key: 'validity',
      title: t('rewards.col.validity'),
      width: 180,
      responsive: ['lg'],
      render: (_, r) =>
        r.validFrom && r.validUntil ? (
          t('rewards.range', { from: fmt.date(r.validFrom), until: lastDay(r.validUntil) })
        ) : r.validFrom ? (
          t('rewards.fromOnly', { from: fmt.date(r.validFrom) })
        ) : r.validUntil ? (
          t('rewards.untilOnly', { until: lastDay(r.validUntil) })
        ) : (
          <Typography.Text type="secondary">{t('rewards.always')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: '',
      width: 150,
      align: 'right',
      fixed: pinned,
      render: (_, r) => {
        const name = nameIn(r, locale);
        return (
          <Can permission="loyalty:manage">
            <Flex gap={2} justify="flex-end" align="center">
              {r.type === 'coupon' && !r.archived ? (
                <Button size="small" type="text" icon={<UploadOutlined />} onClick={() => onCodes(r)}>
                  {t('rewards.uploadCodes')}
                </Button>
              ) : null}
              <Tooltip title={t('loyalty.edit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(r)}
                  aria-label={`${t('loyalty.edit')} ${name}`}
                />
              </Tooltip>
              {r.archived ? (
                <Tooltip title={t('loyalty.unarchive')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<RollbackOutlined />}
                    loading={busy === r.id}
                    onClick={() => void archive(r, false)}
                    aria-label={`${t('loyalty.unarchive')} ${name}`}
                  />
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('rewards.archiveConfirm', { name })}
                  description={t('rewards.archiveHint')}
                  okText={t('loyalty.archive')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => archive(r, true)}
                >
                  {/* No tooltip here: it would sit on top of the confirmation. */}
                  <Button
                    size="small"
                    type="text"
                    icon={<InboxOutlined />}
                    loading={busy === r.id}
                    aria-label={`${t('loyalty.archive')} ${name}`}
                    title={t('loyalty.archive')}
                  />
                </Popconfirm>
              )}
            </Flex>
          </Can>
        );
      },
    },
  ];
  return (
    <Table<Reward>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <div style={{ padding: 16 }}>
            <Typography.Text type="secondary">{t('rewards.empty')}</Typography.Text>
          </div>
        ),
      }}
    />
  );
}
