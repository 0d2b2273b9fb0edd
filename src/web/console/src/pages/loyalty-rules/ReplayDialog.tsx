import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Modal, Result, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { describeError } from '../../components/errors';
import type { Replay } from '../loyalty/types';

/**
 * 从某日重算: the operator picks a day (in the workspace time zone), confirms, and sees what the
 * replay did — members and activities looked at, postings added and reversed.
 */
export function ReplayDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { workspace } = useMe();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Replay | null>(null);

  useEffect(() => {
    if (open) {
      setFrom(null);
      setError(null);
      setResult(null);
    }
  }, [open]);

  const run = async () => {
    if (!from) {
      setError(t('replay.fromRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(
        await call(api.POST('/api/v1/loyalty/replay', { body: { from: fmt.dayStart(from.format('YYYY-MM-DD')) } })),
      );
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('replay.title')}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        ) : (
          [
            <Button key="c" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" danger loading={busy} onClick={run}>
              {t('replay.confirm')}
            </Button>,
          ]
        )
      }
    >
      {result ? (
        <Result
          status="success"
          title={t('replay.done')}
          subTitle={<span data-testid="replay-result">{t('replay.result', result)}</span>}
          style={{ padding: '16px 0' }}
        />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('replay.intro')} style={{ marginBottom: 16 }} />
          <Form layout="vertical">
            <Form.Item label={t('replay.from')} required>
              <DatePicker
                value={from}
                onChange={setFrom}
                style={{ width: '100%' }}
                aria-label={t('replay.from')}
                disabledDate={(d) => d.isAfter(dayjs(workspace.today))}
              />
            </Form.Item>
          </Form>
          {error ? (
            <Typography.Text type="danger" role="alert">
              {error}
            </Typography.Text>
          ) : null}
        </>
      )}
    </Modal>
  );
}
