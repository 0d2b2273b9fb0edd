import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined, SyncOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequest } from '../../hooks/useRequest';
import { describeError } from '../../components/errors';
import type { Evaluation } from './types';

/**
 * One line on the ledger's health: every balance recomputed from the postings by the server
 * (GET /loyalty/verify). It reads the whole ledger (seconds at millions of postings), so it runs when
 * the operator asks, not on every visit.
 */
export function LedgerHealth() {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  if (!asked) {
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        icon={<CheckCircleOutlined />}
        onClick={() => setAsked(true)}
        data-testid="ledger-health-check"
      >
        {t('programme.healthCheck')}
      </Button>
    );
  }
  return <LedgerHealthResult />;
}

function LedgerHealthResult() {
  const { t } = useI18n();
  const check = useRequest((signal) => call(api.GET('/api/v1/loyalty/verify', { signal })), []);
  if (check.loading && !check.data)
    return (
      <Typography.Text type="secondary">
        <LoadingOutlined /> {t('programme.healthChecking')}
      </Typography.Text>
    );
  if (check.error || !check.data) {
    return (
      <Tooltip title={check.error ? describeError(check.error, t).message : null}>
        <Typography.Text type="warning" data-testid="ledger-health">
          <ExclamationCircleOutlined /> {t('programme.healthFailed')}
        </Typography.Text>
      </Tooltip>
    );
  }
  const v = check.data;
  const drift = v.drift.length + v.growthDrift.length;
  return v.ok && drift === 0 ? (
    <Typography.Text type="success" data-testid="ledger-health">
      <CheckCircleOutlined /> {t('programme.healthOk', { accounts: v.accounts, postings: v.postings })}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" data-testid="ledger-health">
      <ExclamationCircleOutlined /> {t('programme.healthDrift', { count: drift })}
    </Typography.Text>
  );
}

/** 立即评定等级 (loyalty:manage): the periodic evaluation, now; the result replaces the button's hint. */
export function EvaluateButton({ onDone }: { onDone: (r: Evaluation) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      onDone(await call(api.POST('/api/v1/loyalty/evaluate')));
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={t('programme.evaluateConfirm')}
      description={<div style={{ maxWidth: 320 }}>{t('programme.evaluateHint')}</div>}
      okText={t('programme.evaluate')}
      cancelText={t('common.cancel')}
      onConfirm={run}
    >
      <Button icon={<SyncOutlined />} loading={busy}>
        {t('programme.evaluate')}
      </Button>
    </Popconfirm>
  );
}

export function EvaluationResult({ result, onClose }: { result: Evaluation; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="evaluation-result"
      title={t('programme.evaluateDone', { period: result.period })}
      description={t('programme.evaluateResult', {
        evaluated: result.evaluated,
        promoted: result.promoted,
        demoted: result.demoted,
      })}
    />
  );
}
