import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { Can } from '../../session/Can';
import { MemberLink, usePinnedActions } from '../loyalty/LoyaltyBits';
import { REDEMPTION_COLORS } from '../loyalty/loyalty-vocab';
import type { Redemption } from '../loyalty/types';

/** Redemptions, newest first: who, what, for how many points, the coupon code, how it was handled. */
export function RedemptionsTable({
  items,
  loading,
  reward,
  empty,
  onDecide,
}: {
  items: Redemption[];
  loading: boolean;
  reward: (r: Redemption) => string;
  empty: string;
  onDecide: (r: Redemption, action: 'fulfil' | 'cancel') => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const pinned = usePinnedActions();
  const statusLabel = (s: string) => {
    const k = `redemptionStatus.${s}`;
    return hasMessage(k) ? t(k) : s;
  };
  const columns: TableProps<Redemption>['columns'] = [
    {
      key: 'at',
      title: t('loyalty.createdAt'),
      width: 160,
      render: (_, r) => (
        <div>
          <span style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.createdAt)}</span>
          <div className="kith-muted">{t('redemptions.by', { by: r.requestedBy })}</div>
        </div>
      ),
    },
    {
      key: 'member',
      title: t('loyalty.member'),
      width: 180,
      render: (_, r) => <MemberLink id={r.memberId} name={r.memberName} avatarUrl={r.memberAvatarUrl} />,
    },
    {
      key: 'reward',
      title: t('redemptions.col.reward'),
      width: 180,
      render: (_, r) => <Typography.Text strong>{reward(r)}</Typography.Text>,
    },
    {
      key: 'points',
      title: t('redemptions.col.points'),
      width: 90,
      align: 'right',
      render: (_, r) => fmt.number(r.points),
    },
    {
      key: 'code',
      title: t('redemptions.col.code'),
      width: 150,
      responsive: ['md'],
      render: (_, r) =>
        r.couponCode ? (
          <Typography.Text code copyable>
            {r.couponCode}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('loyalty.status'),
      width: 180,
      render: (_, r) => (
        <div>
          <Tag color={REDEMPTION_COLORS[r.status]} style={{ margin: 0 }}>
            {statusLabel(r.status)}
          </Tag>
          {r.decidedBy ? (
            <div className="kith-muted">
              {t('redemptions.decided', {
                by: r.decidedBy,
                at: fmt.dateTime(r.fulfilledAt ?? r.cancelledAt ?? r.createdAt),
              })}
            </div>
          ) : null}
          {r.note ? (
            <div className="kith-message-text" style={{ fontSize: 12 }}>
              {r.note}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 170,
      align: 'right',
      fixed: pinned,
      render: (_, r) =>
        r.status === 'requested' ? (
          <Can permission="loyalty:adjust">
            <Flex gap={4} justify="flex-end">
              <Button size="small" type="primary" ghost icon={<CheckOutlined />} onClick={() => onDecide(r, 'fulfil')}>
                {t('redemptions.fulfil')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => onDecide(r, 'cancel')}>
                {t('redemptions.cancel')}
              </Button>
            </Flex>
          </Can>
        ) : null,
    },
  ];
  return (
    <Table<Redemption>
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
            <Typography.Text type="secondary">{empty}</Typography.Text>
          </div>
        ),
      }}
    />
  );
}
