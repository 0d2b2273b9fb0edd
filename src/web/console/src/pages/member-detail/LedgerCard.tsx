import { useEffect, useState } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { actorName } from '../../i18n/labels';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { Pager } from '../members/Pager';
import { PointsDelta } from '../loyalty/LoyaltyBits';
import { POSTING_COLORS } from '../loyalty/loyalty-vocab';
import { postingExtras, reasonText } from './loyalty-text';
import { SaidText } from './LoyaltyText';
import type { Posting } from '../loyalty/types';

/**
 * 积分明细: the member's ledger, newest first, page by page on the server (keyset cursors; the
 * cursors of earlier pages are kept to step back).
 */
export function LedgerCard({ memberId, version }: { memberId: number; version: number }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const [limit, setLimit] = useState(20);
  const [stack, setStack] = useState<string[]>([]);
  useEffect(() => setStack([]), [memberId, version, limit]);
  const cursor = stack.at(-1);
  const page = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/members/{id}/loyalty/ledger', {
          params: { path: { id: memberId }, query: { limit, cursor } },
          signal,
        }),
      ),
    [memberId, version, limit, cursor],
  );
  const kindLabel = (k: string) => {
    const key = `postingKind.${k}`;
    return hasMessage(key) ? t(key) : k;
  };

  const columns: TableProps<Posting>['columns'] = [
    {
      key: 'at',
      title: t('memberLoyalty.ledger.at'),
      width: 140,
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(p.occurredAt)}</span>,
    },
    {
      key: 'kind',
      title: t('memberLoyalty.ledger.kind'),
      width: 84,
      render: (_, p) => (
        <Tag color={POSTING_COLORS[p.kind]} style={{ margin: 0 }}>
          {kindLabel(p.kind)}
        </Tag>
      ),
    },
    {
      key: 'points',
      title: t('memberLoyalty.ledger.points'),
      width: 80,
      align: 'right',
      render: (_, p) => <PointsDelta points={p.points} />,
    },
    {
      key: 'growth',
      title: t('memberLoyalty.ledger.growth'),
      width: 80,
      align: 'right',
      responsive: ['sm'],
      render: (_, p) =>
        p.growth ? <PointsDelta points={p.growth} /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'reason',
      title: t('memberLoyalty.ledger.reason'),
      render: (_, p) => {
        const extras = postingExtras(p);
        return (
          <div style={{ wordBreak: 'break-word' }}>
            <Typography.Text className="kith-message-text">
              <SaidText said={reasonText(p.reason)} />
            </Typography.Text>
            <div className="kith-muted">
              {[
                ...extras.map((x) => t(x.key, x.values)),
                actorName(t, p.actor),
                ...(p.expiresAt && p.points > 0
                  ? [t('memberLoyalty.ledger.expiresOn', { at: fmt.dateTime(p.expiresAt) })]
                  : []),
              ].join(' · ')}
            </div>
          </div>
        );
      },
    },
  ];

  return (
    <Card size="small" title={t('memberLoyalty.ledger')} styles={{ body: { padding: 0 } }}>
      {page.error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={page.error} onRetry={page.reload} compact />
        </div>
      ) : null}
      <Table<Posting>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.loading}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="loyalty-ledger"
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">{t('memberLoyalty.ledger.empty')}</Typography.Text>
            </div>
          ),
        }}
      />
      {stack.length || page.data?.nextCursor ? (
        <div style={{ padding: '0 12px 12px' }}>
          <Pager
            page={stack.length + 1}
            hasNext={!!page.data?.nextCursor && !page.loading}
            limit={limit}
            onPrev={() => setStack((s) => s.slice(0, -1))}
            onNext={() => page.data?.nextCursor && setStack((s) => [...s, page.data!.nextCursor!])}
            onLimit={setLimit}
          />
        </div>
      ) : null}
    </Card>
  );
}
