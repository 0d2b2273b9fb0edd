import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { needsApproval } from './loyalty-text';
import type { Member } from './types';

interface Values {
  points: number;
  reason: string;
}

/**
 * 调整积分: points up or down with a reason. The dialog says before submitting whether the amount
 * reaches the programme's approval threshold (then it waits for a second operator), and after
 * whether it was posted or is pending — the server's answer decides.
 */
export function AdjustPointsDialog({
  open,
  member,
  threshold,
  onClose,
  onDone,
}: {
  open: boolean;
  member: Member;
  threshold: number | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const points = Form.useWatch('points', form);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  const signed = (n: number) => `${n > 0 ? '+' : ''}${fmt.number(n)}`;

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const a = await call(
        api.POST('/api/v1/members/{id}/loyalty/adjustments', {
          params: { path: { id: member.id } },
          body: { points: v.points, reason: v.reason.trim() },
        }),
      );
      if (a.status === 'pending') message.warning(t('memberLoyalty.adjust.pending', { points: signed(a.points) }));
      else message.success(t('memberLoyalty.adjust.posted', { points: signed(a.points) }));
      onDone();
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, ['points', 'reason'] as const, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  const waits = threshold !== null && needsApproval(points, threshold);
  return (
    <Modal
      title={t('memberLoyalty.adjustTitle', { name: member.displayName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('memberLoyalty.adjust.submit')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="points"
          label={t('memberLoyalty.adjust.points')}
          rules={[
            { required: true, message: t('memberLoyalty.adjust.pointsRequired') },
            {
              validator: (_, v) =>
                v === 0 ? Promise.reject(new Error(t('memberLoyalty.adjust.pointsRequired'))) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={-10_000_000} max={10_000_000} precision={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        {threshold !== null && typeof points === 'number' && points !== 0 ? (
          <Alert
            type={waits ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="approval-hint"
            title={
              waits
                ? t('memberLoyalty.adjust.needsApproval', { threshold: fmt.number(threshold) })
                : t('memberLoyalty.adjust.immediate', { threshold: fmt.number(threshold) })
            }
          />
        ) : null}
        <Form.Item
          name="reason"
          label={t('memberLoyalty.adjust.reason')}
          extra={t('memberLoyalty.adjust.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('memberLoyalty.adjust.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} showCount />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
