import { useEffect } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '@shared/api/client';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormSave } from '../../hooks/useFormSave';
import { useFormat } from '../../i18n/useFormat';
import { REWARD_TYPES, nameIn } from '../loyalty/loyalty-vocab';
import { rewardBody, rewardFieldName, rewardFormValues, type RewardFormValues } from './reward-form';
import type { Reward, Tier } from '../loyalty/types';

type Values = Omit<RewardFormValues, 'fromDay' | 'untilDay'> & { fromDay?: Dayjs | null; untilDay?: Dayjs | null };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Add a reward or change one: names, type, cost, stock, per-member limit, tiers, first and last day. */
export function RewardDialog({
  open,
  reward,
  tiers,
  onClose,
  onSaved,
}: {
  open: boolean;
  reward: Reward | null;
  tiers: Tier[];
  onClose: () => void;
  onSaved: (r: Reward) => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, setError, run } = useFormSave(form);
  const type = Form.useWatch('type', form);
  const days = { dayStart: fmt.dayStart, dayOf: fmt.dayOf };

  useEffect(() => {
    if (!open) return;
    const v = rewardFormValues(reward, days);
    form.resetFields();
    form.setFieldsValue({
      ...v,
      fromDay: v.fromDay ? dayjs(v.fromDay) : null,
      untilDay: v.untilDay ? dayjs(v.untilDay) : null,
    });
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, reward, form]);

  const submit = async (v: Values) => {
    const body = rewardBody({ ...v, fromDay: day(v.fromDay), untilDay: day(v.untilDay) }, days, reward);
    await run(async () => {
      const saved = reward
        ? await call(api.PUT('/api/v1/loyalty/rewards/{id}', { params: { path: { id: reward.id } }, body }))
        : await call(api.POST('/api/v1/loyalty/rewards', { body }));
      message.success(reward ? t('common.saved') : t('rewards.created', { name: nameIn(saved, locale) }));
      onSaved(saved);
    }, rewardFieldName);
  };

  const typeLabel = (x: string) => {
    const k = `rewardType.${x}`;
    return hasMessage(k) ? t(k) : x;
  };
  // Coupons stay coupons; the other types may change among themselves.
  const lockedType = (x: string) => !!reward && (reward.type === 'coupon') !== (x === 'coupon');

  return (
    <Modal
      title={reward ? t('rewards.editTitle', { name: nameIn(reward, locale) }) : t('rewards.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={reward ? t('common.save') : t('rewards.create')}
      cancelText={t('common.cancel')}
      width={680}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('loyalty.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameEn"
              label={t('loyalty.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('loyalty.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="type"
              label={t('rewards.type')}
              extra={reward ? t('rewards.typeLocked') : null}
              rules={[{ required: true }]}
            >
              <Select options={REWARD_TYPES.map((x) => ({ value: x, label: typeLabel(x), disabled: lockedType(x) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item
              name="cost"
              label={t('rewards.cost')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            {type === 'coupon' ? (
              <Form.Item label={t('rewards.stockField')} extra={t('rewards.couponStockHint')}>
                <InputNumber disabled value={reward?.stock ?? 0} style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item name="stock" label={t('rewards.stockField')} extra={t('rewards.stockHint')}>
                <InputNumber
                  min={0}
                  max={1_000_000_000}
                  precision={0}
                  placeholder={t('rewards.unlimited')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="perMemberLimit" label={t('rewards.perMemberLimit')}>
              <InputNumber
                min={1}
                max={100_000}
                precision={0}
                placeholder={t('rewards.noLimit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="tierIds" label={t('rewards.tierIds')} extra={t('rewards.tierIdsHint')}>
              <Select
                mode="multiple"
                allowClear
                options={tiers.map((x) => ({ value: x.id, label: nameIn(x, locale) }))}
                placeholder={t('loyalty.allTiers')}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="fromDay" label={t('rewards.validFrom')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="untilDay" label={t('rewards.validUntil')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
