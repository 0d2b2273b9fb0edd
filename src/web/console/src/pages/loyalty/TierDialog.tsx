import { useEffect } from 'react';
import { Alert, App, Col, ColorPicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormSave } from '../../hooks/useFormSave';
import { useFormat } from '../../i18n/useFormat';
import { tierBody, tierFieldName, tierFormValues, type TierFormValues } from './tier-form';
import { TierBenefitsFields, TierObligationsFields } from './TierBenefitsFields';
import { nameIn } from './loyalty-vocab';
import type { Programme, Tier } from './types';

/**
 * Add a tier, or change one: names in both languages, the growth that reaches it and keeps it,
 * its benefits (typed: multiplier, discount, events, service, texts) and obligations.
 */
export function TierDialog({
  open,
  tier,
  programme,
  onClose,
  onSaved,
}: {
  open: boolean;
  tier: Tier | null;
  programme: Programme;
  onClose: () => void;
  onSaved: (t: Tier) => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<TierFormValues>();
  const { saving, error, setError, run } = useFormSave(form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(tierFormValues(tier));
      setError(null);
    }
  }, [open, tier, form]);

  const submit = async (v: TierFormValues) => {
    const body = tierBody(v);
    await run(
      async () => {
        const saved = tier
          ? await call(api.PUT('/api/v1/loyalty/tiers/{id}', { params: { path: { id: tier.id } }, body }))
          : await call(api.POST('/api/v1/loyalty/tiers', { body }));
        message.success(tier ? t('common.saved') : t('tiers.created', { name: nameIn(saved, locale) }));
        onSaved(saved);
      },
      (s) => tierFieldName(s, body),
    );
  };

  return (
    <Modal
      title={tier ? t('tiers.editTitle', { name: nameIn(tier, locale) }) : t('tiers.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={tier ? t('common.save') : t('tiers.add')}
      cancelText={t('common.cancel')}
      width={720}
      destroyOnHidden
    >
      <Form<TierFormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('loyalty.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={50} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameEn"
              label={t('loyalty.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item
              name="threshold"
              label={t('tiers.threshold')}
              extra={t('tiers.thresholdHint')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={9}>
            <Form.Item
              name="keepThreshold"
              label={t('tiers.keepThreshold')}
              extra={t('tiers.keepThresholdHint', { percent: fmt.percent(programme.keepRatio * 100) })}
            >
              <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item
              name="color"
              label={t('loyalty.color')}
              getValueFromEvent={(c: { toHexString(): string }) => c.toHexString()}
            >
              <ColorPicker disabledAlpha showText format="hex" />
            </Form.Item>
          </Col>
        </Row>
        <TierBenefitsFields />
        <TierObligationsFields />
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
