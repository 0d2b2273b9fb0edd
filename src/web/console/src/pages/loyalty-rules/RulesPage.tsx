import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { RulesTable } from './RulesTable';
import { RuleDrawer } from './RuleDrawer';
import { RuleHistory } from './RuleHistory';
import { ReplayDialog } from './ReplayDialog';
import type { Rule } from '../loyalty/types';

/**
 * 会员制度 · 行为规则: which activities earn points and growth, how much and how often; every change
 * is a new version (kept, with who made it), and the ledger can be replayed from a date.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const list = useRequest((signal) => call(api.GET('/api/v1/loyalty/rules', { signal })), []);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [history, setHistory] = useState<Rule | null>(null);
  const [replaying, setReplaying] = useState(false);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={<Typography.Text type="secondary">{t('rules.subtitle')}</Typography.Text>}
        extra={
          <Can permission="loyalty:manage">
            <Button icon={<HistoryOutlined />} onClick={() => setReplaying(true)}>
              {t('replay.action')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('rules.create')}
            </Button>
          </Can>
        }
      />
      <Card
        size="small"
        title={list.data ? t('rules.count', { count: items.length }) : t('rules.title')}
        styles={{ body: { padding: 0 } }}
      >
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <RulesTable items={items} loading={list.loading} onEdit={setEditing} onHistory={setHistory} />
      </Card>
      <RuleDrawer
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <RuleHistory rule={history} onClose={() => setHistory(null)} />
      <ReplayDialog open={replaying} onClose={() => setReplaying(false)} />
    </>
  );
}
