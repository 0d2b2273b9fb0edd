import { useEffect } from 'react';
import { Alert, App, Col, ColorPicker, Form, Input, Modal, Row, Segmented, Typography } from 'antd';
import { TrophyFilled } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormSave } from '../../hooks/useFormSave';
import { nameIn, safeColor } from '../loyalty/loyalty-vocab';
import { badgeBody, badgeFieldName, badgeFormValues, type BadgeFormValues, type CriteriaKind } from './badge-form';
import { BadgeCriteriaFields } from './BadgeCriteriaFields';
import type { Badge } from '../loyalty/types';

/** A badge's mark: a trophy in its colour. */
export function BadgeMark({ color, size = 28 }: { color: string; size?: number }) {
  const c = safeColor(color) ?? '#faad14';
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        flex: 'none',
        borderRadius: '50%',
        background: `${c}22`,
        color: c,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: Math.round(size * 0.55),
      }}
    >
      <TrophyFilled />
    </span>
  );
}

/** Add a badge or change one: names, description, colour and how it is earned. */
export function BadgeDialog({
  open,
  badge,
  onClose,
  onSaved,
}: {
  open: boolean;
  badge: Badge | null;
  onClose: () => void;
  onSaved: (b: Badge) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BadgeFormValues>();
  const { saving, error, setError, run } = useFormSave(form);
  const criteria = Form.useWatch('criteria', form) as CriteriaKind | undefined;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(badgeFormValues(badge));
      setError(null);
    }
  }, [open, badge, form]);

  const submit = async (v: BadgeFormValues) => {
    const body = badgeBody(v);
    await run(
      async () => {
        const saved = badge
          ? await call(api.PUT('/api/v1/loyalty/badges/{id}', { params: { path: { id: badge.id } }, body }))
          : await call(api.POST('/api/v1/loyalty/badges', { body }));
        message.success(badge ? t('common.saved') : t('badges.created', { name: nameIn(saved, locale) }));
        onSaved(saved);
      },
      (s) => badgeFieldName(s, v),
    );
  };

  return (
    <Modal
      title={badge ? t('badges.editTitle', { name: nameIn(badge, locale) }) : t('badges.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={badge ? t('common.save') : t('badges.create')}
      cancelText={t('common.cancel')}
      width={680}
      destroyOnHidden
    >
      <Form<BadgeFormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="nameZh"
              label={t('loyalty.nameZh')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="nameEn"
              label={t('loyalty.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={4}>
            <Form.Item
              name="color"
              label={t('loyalty.color')}
              getValueFromEvent={(c: { toHexString(): string }) => c.toHexString()}
            >
              <ColorPicker disabledAlpha format="hex" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('loyalty.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="criteria" label={t('badges.criteria')} style={{ marginBottom: 4 }}>
          <Segmented<CriteriaKind>
            options={(['none', 'activity_count', 'top_contributor'] as const).map((c) => ({
              value: c,
              label: t(`badges.criteria.${c}`),
            }))}
          />
        </Form.Item>
        {criteria ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t(`badges.criteriaHint.${criteria}`)}
          </Typography.Paragraph>
        ) : null}
        <BadgeCriteriaFields criteria={criteria ?? 'none'} />
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
