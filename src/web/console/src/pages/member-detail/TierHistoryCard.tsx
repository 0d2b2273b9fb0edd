import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CrownOutlined, StopOutlined } from '@ant-design/icons';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { actorName, labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { obligationLine } from '../loyalty/tier-form';
import { historyDetails, reasonText } from './loyalty-text';
import { SaidText } from './LoyaltyText';
import type { HistoryEntry } from '../loyalty/types';

const LOOK = {
  promoted: { color: 'green', icon: <ArrowUpOutlined /> },
  demoted: { color: 'red', icon: <ArrowDownOutlined /> },
  manual: { color: 'purple', icon: <CrownOutlined /> },
  manual_ended: { color: 'gray', icon: <StopOutlined /> },
} as const;

/** Every tier change, newest first: from which tier to which, why, with the figures behind it. */
export function TierHistoryCard({
  history,
  tierName,
}: {
  history: HistoryEntry[];
  tierName: (id: number | null | undefined) => string;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const writers = {
    number: fmt.number,
    dateTime: fmt.dateTime,
    sep,
    obligation: (o: { count: number; kinds: string[] }) => {
      const l = obligationLine({ type: 'min_activities', ...o }, (k) => labelOf(t, 'kind', k), sep);
      return t(l.key, l.values);
    },
  };
  const changeLabel = (c: string) => {
    const k = `tierChange.${c}`;
    return hasMessage(k) ? t(k) : c;
  };
  return (
    <Card size="small" title={t('memberLoyalty.history')}>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberLoyalty.history.empty')} />
      ) : (
        <Timeline
          data-testid="tier-history"
          items={history.map((h) => {
            const look = LOOK[h.change] ?? LOOK.manual;
            const details = historyDetails(h.details, writers);
            return {
              key: h.id,
              color: look.color,
              icon: look.icon,
              content: (
                <Flex vertical gap={2}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Flex gap={6} align="center" wrap>
                      <Tag color={look.color} style={{ margin: 0 }}>
                        {changeLabel(h.change)}
                      </Tag>
                      <Typography.Text strong>
                        {tierName(h.fromTierId)} → {tierName(h.toTierId)}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmt.dateTime(h.effectiveAt)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text className="kith-message-text">
                    <SaidText said={reasonText(h.reason)} />
                  </Typography.Text>
                  {details.length ? (
                    <div className="kith-muted">
                      {details.map((d, i) => (
                        <span key={i}>
                          {i ? ' · ' : ''}
                          <SaidText said={d} />
                        </span>
                      ))}
                    </div>
                  ) : null}
                  <span className="kith-muted">{t('memberLoyalty.history.by', { actor: actorName(t, h.actor) })}</span>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
