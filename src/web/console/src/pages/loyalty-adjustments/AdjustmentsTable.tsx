import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { Can } from '../../session/Can';
import { MemberLink, PointsDelta, usePinnedActions } from '../loyalty/LoyaltyBits';
import { ADJUSTMENT_COLORS } from '../loyalty/loyalty-vocab';
import type { Adjustment } from '../loyalty/types';

/** Adjustments, newest first: member, points, the reason given, who asked, who decided. */
export function AdjustmentsTable({
  items,
  loading,
  empty,
  onDecide,
}: {
  items: Adjustment[];
  loading: boolean;
  empty: string;
  onDecide: (a: Adjustment, action: 'approve' | 'reject') => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const pinned = usePinnedActions();
  const statusLabel = (s: string) => {
    const k = `adjustmentStatus.${s}`;
    return hasMessage(k) ? t(k) : s;
  };
  const columns: TableProps<Adjustment>['columns'] = [
    {
      key: 'at',
      title: t('loyalty.createdAt'),
      width: 160,
      render: (_, a) => (
        <div>
          <span style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(a.createdAt)}</span>
          <div className="kith-muted">{t('adjustments.by', { by: a.requestedBy })}</div>
        </div>
      ),
    },
    {
      key: 'member',
      title: t('loyalty.member'),
      width: 180,
      render: (_, a) => <MemberLink id={a.memberId} name={a.memberName} avatarUrl={a.memberAvatarUrl} />,
    },
    {
      key: 'points',
      title: t('adjustments.col.points'),
      width: 100,
      align: 'right',
      render: (_, a) => <PointsDelta points={a.points} />,
    },
    {
      key: 'reason',
      title: t('loyalty.reason'),
      render: (_, a) => (
        <Typography.Paragraph
          className="kith-message-text"
          style={{ margin: 0, maxWidth: 320 }}
          ellipsis={{ rows: 3, tooltip: a.reason }}
        >
          {a.reason}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'status',
      title: t('loyalty.status'),
      width: 180,
      render: (_, a) => (
        <div>
          <Tag color={ADJUSTMENT_COLORS[a.status]} style={{ margin: 0 }}>
            {statusLabel(a.status)}
          </Tag>
          {a.decidedBy && a.decidedAt ? (
            <div className="kith-muted">
              {t('adjustments.decided', { by: a.decidedBy, at: fmt.dateTime(a.decidedAt) })}
            </div>
          ) : null}
          {a.decisionNote ? (
            <div className="kith-message-text" style={{ fontSize: 12 }}>
              {a.decisionNote}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'actions',
      title: '',
      width: 180,
      align: 'right',
      fixed: pinned,
      render: (_, a) =>
        a.status === 'pending' ? (
          <Can permission="loyalty:approve">
            {/* The requester may not decide their own request: the server says who asked. */}
            {a.requestedByYou ? (
              <Typography.Text type="secondary" data-testid="adjustment-yours">
                {t('adjustments.yours')}
              </Typography.Text>
            ) : (
              <Flex gap={4} justify="flex-end" align="center">
                <Button
                  size="small"
                  type="primary"
                  ghost
                  icon={<CheckOutlined />}
                  onClick={() => onDecide(a, 'approve')}
                >
                  {t('adjustments.approve')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => onDecide(a, 'reject')}>
                  {t('adjustments.reject')}
                </Button>
              </Flex>
            )}
          </Can>
        ) : null,
    },
  ];
  return (
    <Table<Adjustment>
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
