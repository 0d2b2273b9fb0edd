import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { usePagedList } from '../../hooks/usePagedList';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { DecisionDialog, StatusFilter } from '../loyalty/LoyaltyBits';
import { ADJUSTMENT_STATUSES } from '../loyalty/loyalty-vocab';
import { parseStatus, statusParam, statusQuery } from '../loyalty/queue-query';
import { AdjustmentsTable } from './AdjustmentsTable';
import type { Adjustment } from '../loyalty/types';

const LIMIT = 50;

/**
 * 会员制度 · 积分调整: manual adjustments, those waiting for approval first by default; a second
 * operator approves (the points post) or rejects. The server refuses the requester deciding their own.
 */
export default function AdjustmentsPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = parseStatus(params.get('status'), ADJUSTMENT_STATUSES);
  const list = usePagedList(
    (cursor, signal) =>
      call(
        api.GET('/api/v1/loyalty/adjustments', {
          params: { query: { status: statusQuery(status), limit: LIMIT, cursor } },
          signal,
        }),
      ),
    [status],
  );
  const items = list.items;
  const [deciding, setDeciding] = useState<{ a: Adjustment; action: 'approve' | 'reject' } | null>(null);

  const values = (a: Adjustment) => ({
    member: a.memberName,
    points: `${a.points > 0 ? '+' : ''}${fmt.number(a.points)}`,
    reason: a.reason,
  });

  const decide = async (note: string) => {
    if (!deciding) return;
    const { a, action } = deciding;
    if (action === 'approve')
      await call(
        api.POST('/api/v1/loyalty/adjustments/{id}/approve', { params: { path: { id: a.id } }, body: { note } }),
      );
    else
      await call(
        api.POST('/api/v1/loyalty/adjustments/{id}/reject', { params: { path: { id: a.id } }, body: { note } }),
      );
    message.success(t(action === 'approve' ? 'adjustments.approved' : 'adjustments.rejected'));
    setDeciding(null);
    list.reload();
  };

  return (
    <>
      <PageHeader
        title={t('adjustments.title')}
        subtitle={<Typography.Text type="secondary">{t('adjustments.subtitle')}</Typography.Text>}
      />
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <StatusFilter
            value={status}
            statuses={ADJUSTMENT_STATUSES}
            group="adjustmentStatus"
            onChange={(s) => navigate({ search: statusParam(s, ADJUSTMENT_STATUSES) }, { replace: true })}
          />
        }
      >
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <AdjustmentsTable
          items={items}
          loading={list.loading}
          empty={status === 'pending' ? t('adjustments.empty') : t('adjustments.emptyOther')}
          onDecide={(a, action) => setDeciding({ a, action })}
        />
        {list.hasMore ? (
          <div style={{ padding: 12, textAlign: 'center' }}>
            <Button onClick={list.more} loading={list.loadingMore}>
              {t('common.loadMore')}
            </Button>
          </div>
        ) : null}
      </Card>
      <DecisionDialog
        open={deciding !== null}
        danger={deciding?.action === 'reject'}
        onClose={() => setDeciding(null)}
        onSubmit={decide}
        okText={deciding?.action === 'reject' ? t('adjustments.reject') : t('adjustments.approve')}
        title={
          deciding
            ? t(
                deciding.action === 'approve' ? 'adjustments.approveTitle' : 'adjustments.rejectTitle',
                values(deciding.a),
              )
            : ''
        }
        intro={
          deciding ? (
            <Typography.Text className="kith-message-text">
              {t(
                deciding.action === 'approve' ? 'adjustments.approveIntro' : 'adjustments.rejectIntro',
                values(deciding.a),
              )}
            </Typography.Text>
          ) : null
        }
      />
    </>
  );
}
