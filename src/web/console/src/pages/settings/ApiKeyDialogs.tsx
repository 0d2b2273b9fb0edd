import { useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { READ_ONLY_SCOPES, SCOPE_GROUPS, type Scope } from './types';

interface Values {
  name: string;
  scopes: Scope[];
}
const ALL_SCOPES = SCOPE_GROUPS.flatMap((g) => g.scopes);

/** Name a new API key and choose what it may do; the key itself is shown once, after. */
export function CreateKeyDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: string, name: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const r = await call(api.POST('/api/v1/api-keys', { body: { name: v.name.trim(), scopes: v.scopes } }));
      form.resetFields();
      onCreated(r.key, r.apiKey.name);
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, ['name', 'scopes'] as const, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('apiKeys.createTitle')}
      open={open}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('apiKeys.create')}
      cancelText={t('common.cancel')}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        initialValues={{ scopes: READ_ONLY_SCOPES }}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          extra={t('apiKeys.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('apiKeys.rule.name') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item label={t('apiKeys.scopes')} required extra={t('apiKeys.grantHint')}>
          <Flex gap={8} style={{ marginBottom: 8 }} wrap>
            <Button size="small" onClick={() => form.setFieldValue('scopes', READ_ONLY_SCOPES)}>
              {t('apiKeys.presetReadOnly')}
            </Button>
            <Button size="small" onClick={() => form.setFieldValue('scopes', ALL_SCOPES)}>
              {t('apiKeys.presetAll')}
            </Button>
            <Button size="small" onClick={() => form.setFieldValue('scopes', [])}>
              {t('apiKeys.presetNone')}
            </Button>
          </Flex>
          <Form.Item
            name="scopes"
            noStyle
            rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.rule.scopes') }]}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8} style={{ width: '100%' }}>
                {SCOPE_GROUPS.map((g) => (
                  <div key={g.key}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`apiKeys.group.${g.key}`)}
                    </Typography.Text>
                    <Flex wrap gap={4} style={{ marginTop: 2 }}>
                      {g.scopes.map((s) => (
                        <Checkbox key={s} value={s} style={{ minWidth: 180 }}>
                          {t(`scope.${s}`)}
                        </Checkbox>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}

/**
 * The new key, shown this once: Kith keeps only its hash, so closing this dialog is the last
 * chance to copy it. Closing asks nothing more, but the warning says so plainly.
 */
export function KeyShownOnce({ secret, name, onClose }: { secret: string | null; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal
      title={t('apiKeys.shownTitle', { name })}
      open={!!secret}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      width={600}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiKeys.saved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{
          text: secret ?? '',
          onCopy: () => message.success(t('apiKeys.copied')),
          tooltips: [t('apiKeys.copy'), t('apiKeys.copied')],
        }}
        style={{ wordBreak: 'break-all', fontSize: 14 }}
        data-testid="api-key-secret"
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('apiKeys.usage')}
      </Typography.Text>
      <Typography.Paragraph
        code
        style={{ fontSize: 12, wordBreak: 'break-all', marginTop: 4 }}
      >{`curl -H "Authorization: Bearer ${secret ? `${secret.slice(0, 12)}…` : ''}" ${location.origin}/api/v1/members`}</Typography.Paragraph>
    </Modal>
  );
}
