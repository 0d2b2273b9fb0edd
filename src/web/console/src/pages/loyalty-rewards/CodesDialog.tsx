import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Result, Typography, Upload } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../components/errors';
import { nameIn } from '../loyalty/loyalty-vocab';
import { codeCount } from './reward-form';
import type { CodesResult, Reward } from '../loyalty/types';

const SHOWN = 20;

/**
 * 上传券码: paste codes or choose a .txt / .csv file; the server adds the new ones to the coupon's
 * pool and says which were there already and which lines it could not read.
 */
export function CodesDialog({
  reward,
  onClose,
  onUploaded,
}: {
  reward: Reward | null;
  onClose: () => void;
  onUploaded: () => void;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CodesResult | null>(null);

  useEffect(() => {
    setText('');
    setError(null);
    setResult(null);
  }, [reward]);

  const upload = async () => {
    if (!reward) return;
    if (codeCount(text) === 0) {
      setError(t('codes.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(
        await call(
          api.POST('/api/v1/loyalty/rewards/{id}/codes', {
            params: { path: { id: reward.id } },
            body: { codes: text },
          }),
        ),
      );
      onUploaded();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={reward ? t('codes.title', { name: nameIn(reward, locale) }) : ''}
      open={reward !== null}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      footer={
        result
          ? [
              <Button
                key="more"
                onClick={() => {
                  setResult(null);
                  setText('');
                }}
              >
                {t('codes.uploadMore')}
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="c" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={busy} onClick={() => void upload()}>
                {t('codes.submit')}
              </Button>,
            ]
      }
    >
      {result ? (
        <div data-testid="codes-result">
          <Result
            status={result.added > 0 ? 'success' : 'info'}
            title={t('codes.added', { count: result.added })}
            style={{ padding: '8px 0 16px' }}
            subTitle={[
              result.alreadyInPool.length ? t('codes.already', { count: result.alreadyInPool.length }) : null,
              result.rejected.length ? t('codes.rejected', { count: result.rejected.length }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          {result.alreadyInPool.length ? (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={t('codes.already', { count: result.alreadyInPool.length })}
              description={
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {result.alreadyInPool.slice(0, SHOWN).join(', ')}
                  {result.alreadyInPool.length > SHOWN ? ' …' : ''}
                </Typography.Text>
              }
            />
          ) : null}
          {result.rejected.length ? (
            <Alert
              type="warning"
              title={t('codes.rejected', { count: result.rejected.length })}
              description={
                <Flex vertical gap={4} style={{ maxHeight: 240, overflow: 'auto' }}>
                  {result.rejected.slice(0, SHOWN).map((r, i) => (
                    <div key={i}>
                      <Typography.Text type="danger">{t('codes.line', { line: r.line })}</Typography.Text>{' '}
                      <span style={{ wordBreak: 'break-all' }}>{r.message}</span>
                    </div>
                  ))}
                  {result.rejected.length > SHOWN ? <span>…</span> : null}
                </Flex>
              }
            />
          ) : null}
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('codes.intro')}</Typography.Paragraph>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
            aria-label={t('codes.paste')}
            placeholder={'SY-2026-0001\nSY-2026-0002'}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 8 }} wrap gap={8}>
            <Upload
              accept=".txt,.csv,text/plain,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then(setText);
                return false;
              }}
            >
              <Button icon={<FileTextOutlined />}>{t('codes.pick')}</Button>
            </Upload>
            <Typography.Text type="secondary">{t('codes.lines', { count: codeCount(text) })}</Typography.Text>
          </Flex>
          {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} /> : null}
        </>
      )}
    </Modal>
  );
}
