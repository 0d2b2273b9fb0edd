import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormSave } from '../../hooks/useFormSave';
import { useFormat } from '../../i18n/useFormat';
import { addDays } from '../../i18n/format';
import { useMe } from '../../session/SessionProvider';
import { describeError } from '../../components/errors';
import { nameIn } from '../loyalty/loyalty-vocab';
import type { Standing, Tier } from '../loyalty/types';
import type { Member } from './types';

interface Values {
  tierId: number;
  reason: string;
  until?: Dayjs | null;
}

/** 指定等级: a tier by hand, with a reason and an optional last day (it ends at that day's end, workspace time). */
export function ManualTierDialog({
  open,
  member,
  tiers,
  current,
  onClose,
  onDone,
}: {
  open: boolean;
  member: Member;
  tiers: Tier[];
  current: number | null;
  onClose: () => void;
  onDone: (s: Standing) => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { workspace } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, run } = useFormSave(form);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ tierId: current ?? undefined });
      setError(null);
    }
  }, [open, current, form]);

  const submit = async (v: Values) => {
    const until = v.until ? fmt.dayStart(addDays(v.until.format('YYYY-MM-DD'), 1)) : null;
    await run(
      async () => {
        const s = await call(
          api.PUT('/api/v1/members/{id}/loyalty/tier', {
            params: { path: { id: member.id } },
            body: { tierId: v.tierId, reason: v.reason.trim(), until },
          }),
        );
        const tier = tiers.find((x) => x.id === v.tierId);
        message.success(t('memberLoyalty.assigned', { tier: tier ? nameIn(tier, locale) : `#${v.tierId}` }));
        onDone(s);
      },
      (s) => (s[0] === 'tierId' || s[0] === 'reason' || s[0] === 'until' ? [s[0]] : null),
    );
  };

  return (
    <Modal
      title={t('memberLoyalty.assignTitle', { name: member.displayName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('memberLoyalty.assign')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('memberLoyalty.assign.hint')}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="tierId"
          label={t('memberLoyalty.assign.tier')}
          rules={[{ required: true, message: t('loyalty.required') }]}
        >
          <Select options={tiers.map((x) => ({ value: x.id, label: nameIn(x, locale) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('memberLoyalty.assign.reason')}
          rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="until" label={t('memberLoyalty.assign.until')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(workspace.today), 'day')} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}

/** 结束人工等级: back to the tier growth earns, with an optional reason. */
export function EndManualTierDialog({
  open,
  member,
  earned,
  onClose,
  onDone,
}: {
  open: boolean;
  member: Member;
  earned: string;
  onClose: () => void;
  onDone: (s: Standing) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setReason('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await call(
        api.DELETE('/api/v1/members/{id}/loyalty/tier', {
          params: { path: { id: member.id }, query: reason.trim() ? { reason: reason.trim() } : {} },
        }),
      );
      message.success(t('memberLoyalty.ended'));
      onDone(s);
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('memberLoyalty.endManualTitle', { name: member.displayName })}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('memberLoyalty.endManual')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('memberLoyalty.endManualHint', { tier: earned })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('memberLoyalty.endManualReason')}>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            aria-label={t('memberLoyalty.endManualReason')}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
