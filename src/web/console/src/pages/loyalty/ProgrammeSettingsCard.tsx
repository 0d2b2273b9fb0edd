import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useCan } from '../../session/SessionProvider';
import { describeError } from '../../components/errors';
import { serverFieldErrorsAt } from '../../components/field-errors';
import { PROGRAMME_FIELD, programmeFormValues, programmePatch, type ProgrammeFormValues } from './programme-form';
import type { Programme } from './types';

/**
 * 制度设置: how growth is counted, how tiers are kept, when points expire, what a refund of spent
 * points does and from when a manual adjustment needs a second operator. Read-only without
 * loyalty:manage (the inputs are shown, disabled, so the rules of the programme stay readable).
 */
export function ProgrammeSettingsCard({
  programme,
  onSaved,
}: {
  programme: Programme;
  onSaved: (p: Programme) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const editable = useCan()('loyalty:manage');
  const [form] = Form.useForm<ProgrammeFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const qualification = Form.useWatch('qualification', form);
  const expiry = Form.useWatch('expiry', form);

  useEffect(() => {
    form.setFieldsValue(programmeFormValues(programme));
  }, [programme, form]);

  const submit = async (v: ProgrammeFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await call(api.PATCH('/api/v1/loyalty/programme', { body: programmePatch(v) }));
      message.success(t('programme.saved'));
      onSaved(saved);
    } catch (e) {
      const { fields, other } = serverFieldErrorsAt(
        e,
        (s) => (PROGRAMME_FIELD[s[0]!] ? [PROGRAMME_FIELD[s[0]!]!] : null),
        t,
      );
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('programme.settings')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('programme.updatedAt', { at: fmt.dateTime(programme.updatedAt) })}
        </Typography.Text>
      }
    >
      <Form<ProgrammeFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={!editable}
        requiredMark={false}
        initialValues={programmeFormValues(programme)}
      >
        <MonthsOrNot
          label={t('programme.qualification')}
          hint={t('programme.qualificationHint')}
          modeName="qualification"
          monthsName="qualificationMonths"
          modes={[
            { value: 'window', label: t('programme.qualificationWindow') },
            { value: 'lifetime', label: t('programme.qualificationLifetime') },
          ]}
          showMonths={qualification === 'window'}
          monthsLabel={t('programme.qualificationWindow')}
          monthsUnit={t('programme.months')}
          required={t('loyalty.required')}
        />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="evaluationPeriod" label={t('programme.evaluationPeriod')}>
              <Select
                options={[
                  { value: 'monthly', label: t('programme.period.monthly') },
                  { value: 'quarterly', label: t('programme.period.quarterly') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="keepPercent"
              label={t('programme.keepRatio')}
              tooltip={t('programme.keepRatioHint')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={0.1} max={100} step={5} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="graceDays"
              label={t('programme.graceDays')}
              tooltip={t('programme.graceDaysHint')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={0} max={3650} precision={0} suffix={t('programme.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="maxDemotionSteps"
              label={t('programme.maxDemotionSteps')}
              rules={[{ required: true, message: t('loyalty.required') }]}
            >
              <InputNumber min={1} max={20} precision={0} suffix={t('programme.tiersUnit')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <MonthsOrNot
          label={t('programme.expiry')}
          hint={t('programme.expiryHint')}
          modeName="expiry"
          monthsName="pointsExpiryMonths"
          modes={[
            { value: 'months', label: t('programme.expiryMonths') },
            { value: 'never', label: t('programme.expiryNever') },
          ]}
          showMonths={expiry === 'months'}
          monthsLabel={t('programme.expiry')}
          monthsUnit={t('programme.months')}
          required={t('loyalty.required')}
        />
        <Form.Item name="refundPolicy" label={t('programme.refundPolicy')}>
          <Radio.Group
            options={[
              { value: 'debt', label: t('programme.refund.debt') },
              { value: 'cap', label: t('programme.refund.cap') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="approvalThreshold"
          label={t('programme.approvalThreshold')}
          extra={t('programme.approvalThresholdHint')}
          rules={[{ required: true, message: t('loyalty.required') }]}
        >
          <InputNumber
            min={1}
            max={1_000_000_000}
            precision={0}
            suffix={t('loyalty.points')}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
        {editable ? (
          <Flex justify="flex-end" gap={8}>
            <Button
              onClick={() => {
                form.setFieldsValue(programmeFormValues(programme));
                setError(null);
              }}
            >
              {t('common.reset')}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Form>
    </Card>
  );
}

/** A choice between a number of months and none (the growth window or lifetime; expiry or never). */
function MonthsOrNot(p: {
  label: string;
  hint: string;
  modeName: 'qualification' | 'expiry';
  monthsName: 'qualificationMonths' | 'pointsExpiryMonths';
  modes: { value: string; label: string }[];
  showMonths: boolean;
  monthsLabel: string;
  monthsUnit: string;
  required: string;
}) {
  return (
    <Form.Item label={p.label} extra={p.showMonths ? p.hint : null}>
      <Flex gap={8} wrap align="center">
        <Form.Item name={p.modeName} noStyle>
          <Radio.Group optionType="button" options={p.modes} />
        </Form.Item>
        {p.showMonths ? (
          <Flex gap={4} align="center">
            <Form.Item name={p.monthsName} noStyle rules={[{ required: true, message: p.required }]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: 90 }} aria-label={p.monthsLabel} />
            </Form.Item>
            <span className="kith-muted" style={{ fontSize: 14 }}>
              {p.monthsUnit}
            </span>
          </Flex>
        ) : null}
      </Flex>
    </Form.Item>
  );
}
