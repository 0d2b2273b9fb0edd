import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from '../components/errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change my password. The server signs out my other sessions; this one stays. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await call(
        api.POST('/api/v1/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
      );
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('password.title')}
      open={open}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[{ required: true, min: 10, message: t('password.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error ? (
          <div role="alert" style={{ color: 'var(--ant-color-error)' }}>
            {error}
          </div>
        ) : null}
      </Form>
    </Modal>
  );
}
