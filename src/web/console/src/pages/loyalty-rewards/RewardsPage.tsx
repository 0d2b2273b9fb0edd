import { useState } from 'react';
import { Button, Card, Flex, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { useTiers } from '../loyalty/useTiers';
import { RewardsTable } from './RewardsTable';
import { RewardDialog } from './RewardDialog';
import { CodesDialog } from './CodesDialog';
import type { Reward } from '../loyalty/types';

/** 会员制度 · 奖励: the catalogue members redeem points for — stock, limits, tiers, validity — and coupon codes. */
export default function RewardsPage() {
  const { t } = useI18n();
  const [archived, setArchived] = useState(false);
  const list = useRequest(
    (signal) => call(api.GET('/api/v1/loyalty/rewards', { params: { query: { archived } }, signal })),
    [archived],
  );
  const tiers = useTiers();
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const [codesFor, setCodesFor] = useState<Reward | null>(null);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('rewards.title')}
        subtitle={<Typography.Text type="secondary">{t('rewards.subtitle')}</Typography.Text>}
        extra={
          <Can permission="loyalty:manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('rewards.create')}
            </Button>
          </Can>
        }
      />
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={list.data ? t('rewards.count', { count: items.length }) : t('rewards.title')}
        extra={
          <Flex gap={6} align="center">
            <Switch size="small" checked={archived} onChange={setArchived} aria-label={t('loyalty.showArchived')} />
            <span>{t('loyalty.showArchived')}</span>
          </Flex>
        }
      >
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <RewardsTable
          items={items}
          loading={list.loading}
          tierName={tiers.name}
          onEdit={setEditing}
          onCodes={setCodesFor}
          onChanged={list.reload}
        />
      </Card>
      <RewardDialog
        open={editing !== null}
        reward={editing === 'new' ? null : editing}
        tiers={tiers.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <CodesDialog reward={codesFor} onClose={() => setCodesFor(null)} onUploaded={list.reload} />
    </>
  );
}
