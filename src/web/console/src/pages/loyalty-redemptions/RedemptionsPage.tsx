import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { usePagedList } from '../../hooks/usePagedList';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { DecisionDialog, StatusFilter } from '../loyalty/LoyaltyBits';
import { REDEMPTION_STATUSES, nameIn } from '../loyalty/loyalty-vocab';
import { parseStatus, statusParam, statusQuery } from '../loyalty/queue-query';
import { RedemptionsTable } from './RedemptionsTable';
import type { Redemption } from '../loyalty/types';

const LIMIT = 50;

/**
 * 会员制度 · 兑换处理: the redemptions queue, waiting ones first by default (the status lives in the
 * address); fulfil once sent, or cancel — points back, stock freed.
 */
export default function RedemptionsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = parseStatus(params.get('status'), REDEMPTION_STATUSES);
  const list = usePagedList(
    (cursor, signal) =>
      call(
        api.GET('/api/v1/loyalty/redemptions', {
          params: { query: { status: statusQuery(status), limit: LIMIT, cursor } },
          signal,
        }),
      ),
    [status],
  );
  const items = list.items;
  const [deciding, setDeciding] = useState<{ r: Redemption; action: 'fulfil' | 'cancel' } | null>(null);

  const member = (r: Redemption) => r.memberName;
  const reward = (r: Redemption) =>
    r.rewardNameZh || r.rewardNameEn
      ? nameIn({ nameZh: r.rewardNameZh ?? '', nameEn: r.rewardNameEn ?? '' }, locale)
      : `#${r.rewardId}`;

  const decide = async (note: string) => {
    if (!deciding) return;
    const { r, action } = deciding;
    if (action === 'fulfil')
      await call(
        api.POST('/api/v1/loyalty/redemptions/{id}/fulfil', { params: { path: { id: r.id } }, body: { note } }),
      );
    else
      await call(
        api.POST('/api/v1/loyalty/redemptions/{id}/cancel', { params: { path: { id: r.id } }, body: { note } }),
      );
    message.success(t(action === 'fulfil' ? 'redemptions.fulfilled' : 'redemptions.cancelled'));
    setDeciding(null);
    list.reload();
  };

  return (
    <>
      <PageHeader
        title={t('redemptions.title')}
        subtitle={<Typography.Text type="secondary">{t('redemptions.subtitle')}</Typography.Text>}
      />
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <StatusFilter
            value={status}
            statuses={REDEMPTION_STATUSES}
            group="redemptionStatus"
            onChange={(s) => navigate({ search: statusParam(s, REDEMPTION_STATUSES) }, { replace: true })}
          />
        }
      >
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <RedemptionsTable
          items={items}
          loading={list.loading}
          reward={reward}
          empty={status === 'requested' ? t('redemptions.empty') : t('redemptions.emptyOther')}
          onDecide={(r, action) => setDeciding({ r, action })}
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
        danger={deciding?.action === 'cancel'}
        onClose={() => setDeciding(null)}
        onSubmit={decide}
        okText={deciding?.action === 'cancel' ? t('redemptions.cancel') : t('redemptions.fulfil')}
        title={
          deciding
            ? t(deciding.action === 'fulfil' ? 'redemptions.fulfilTitle' : 'redemptions.cancelTitle', {
                reward: reward(deciding.r),
                member: member(deciding.r),
              })
            : ''
        }
        intro={
          deciding?.action === 'cancel' ? (
            <Typography.Text type="warning">
              {t('redemptions.cancelIntro', { points: deciding.r.points })}
            </Typography.Text>
          ) : null
        }
      />
    </>
  );
}
