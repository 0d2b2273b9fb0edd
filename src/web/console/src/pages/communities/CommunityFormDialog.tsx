import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { forgetCommunities } from '../../hooks/useCommunities';
import { PersonPicker, type KnownPerson } from './PersonPicker';
import {
  COMMUNITY_FORM_FIELDS,
  communityBody,
  communityFormValues,
  personKeyOf,
  type CommunityFormValues,
} from './community-form';
import {
  COMMUNITY_CHANNELS,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  POSITIONING_TYPES,
  communityLabel,
} from './community-vocab';
import type { Community, CommunityDetail } from './types';

const LIMITS = { name: 100, description: 2000, rules: 20000, externalId: 200, capacity: 1_000_000 };

/**
 * Create a community, or edit one: positioning (type, goal, stage), channel, capacity, who runs it
 * and its rules. The server checks everything again; its field problems show on the fields.
 */
export function CommunityFormDialog({
  open,
  community,
  onClose,
  onSaved,
}: {
  open: boolean;
  community: CommunityDetail | null;
  onClose: () => void;
  onSaved: (c: Community) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CommunityFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stage = Form.useWatch('stage', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(communityFormValues(community));
      setError(null);
    }
  }, [open, community, form]);

  const known = useMemo<KnownPerson[]>(
    () =>
      (community ? [community.owner, ...community.admins] : []).flatMap((p) => {
        const key = p && personKeyOf(p);
        return key && p ? [{ key, name: p.name ?? key }] : [];
      }),
    [community],
  );

  const submit = async (v: CommunityFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const body = communityBody(v);
      const saved = community
        ? await call(api.PATCH('/api/v1/communities/{id}', { params: { path: { id: community.id } }, body }))
        : await call(api.POST('/api/v1/communities', { body }));
      forgetCommunities();
      message.success(community ? t('common.saved') : t('community.created', { name: saved.name }));
      onSaved(saved);
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, COMMUNITY_FORM_FIELDS, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));

  return (
    <Modal
      title={community ? t('community.editTitle', { name: community.name }) : t('community.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={community ? t('common.save') : t('community.create')}
      cancelText={t('common.cancel')}
      width={720}
      destroyOnHidden
    >
      <Form<CommunityFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark="optional"
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('community.field.name')}
              rules={[{ required: true, whitespace: true, message: t('community.rule.name') }, { max: LIMITS.name }]}
            >
              <Input maxLength={LIMITS.name} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="channel"
              label={t('community.field.channel')}
              rules={[{ required: true, message: t('community.rule.pick') }]}
            >
              <Select options={options(COMMUNITY_CHANNELS, (c) => labelOf(t, 'channel', c))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="positioningType"
              label={t('community.field.positioningType')}
              rules={[{ required: true, message: t('community.rule.pick') }]}
            >
              <Select options={options(POSITIONING_TYPES, (v) => communityLabel(t, 'positioning', v))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="goal"
              label={t('community.field.goal')}
              rules={[{ required: true, message: t('community.rule.pick') }]}
            >
              <Select options={options(COMMUNITY_GOALS, (v) => communityLabel(t, 'goal', v))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="stage"
              label={t('community.field.stage')}
              rules={[{ required: true, message: t('community.rule.pick') }]}
            >
              <Select options={options(COMMUNITY_STAGES, (v) => communityLabel(t, 'communityStage', v))} />
            </Form.Item>
          </Col>
          {stage ? (
            <Col xs={24}>
              <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
                {communityLabel(t, 'communityStageHint', stage)}
              </Typography.Paragraph>
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item name="capacity" label={t('community.field.capacity')} extra={t('community.capacityHint')}>
              <InputNumber
                min={1}
                max={LIMITS.capacity}
                precision={0}
                placeholder={t('community.noLimit')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="externalId"
              label={t('community.field.externalId')}
              extra={t('community.externalIdHint')}
              rules={[{ max: LIMITS.externalId }]}
            >
              <Input maxLength={LIMITS.externalId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="owner" label={t('community.field.owner')}>
              <PersonPicker known={known} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="admins" label={t('community.field.admins')}>
              <PersonPicker known={known} multiple />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="description"
              label={t('community.field.description')}
              rules={[{ max: LIMITS.description }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={LIMITS.description} showCount />
            </Form.Item>
            <Form.Item
              name="rules"
              label={t('community.field.rules')}
              extra={t('community.rulesHint')}
              rules={[{ max: LIMITS.rules }]}
            >
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={LIMITS.rules} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
