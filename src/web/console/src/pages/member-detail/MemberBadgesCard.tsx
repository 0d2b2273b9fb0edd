import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { actorName, labelOf } from '../../i18n/labels';
import { criteriaLine } from '../loyalty-badges/badge-form';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { nameIn } from '../loyalty/loyalty-vocab';
import { BadgeMark } from '../loyalty-badges/BadgeDialog';
import type { Member } from './types';

/** The badges and titles the member holds, with award (by hand) and take back for roles that may. */
export function MemberBadgesCard({
  member,
  editable,
  version,
}: {
  member: Member;
  editable: boolean;
  version: number;
}) {
  const { t, locale } = useI18n();
  // An automatic award is worded from the criteria it met, in the operator's language.
  const awardWords = (c: NonNullable<(typeof items)[number]['criteria']>) => {
    const l = criteriaLine(c, (k) => labelOf(t, 'kind', k), locale === 'zh-CN' ? '、' : ', ');
    return t(l.key, l.values);
  };
  const fmt = useFormat();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [awarding, setAwarding] = useState(false);
  const held = useRequest(
    (signal) => call(api.GET('/api/v1/members/{id}/loyalty/badges', { params: { path: { id: member.id } }, signal })),
    [member.id, version, tick],
  );
  const items = held.data?.items ?? [];

  const revoke = async (awardId: number, name: string) => {
    try {
      await call(
        api.DELETE('/api/v1/members/{id}/loyalty/badges/{awardId}', { params: { path: { id: member.id, awardId } } }),
      );
      message.success(t('memberLoyalty.badges.revoked', { badge: name }));
      setTick((n) => n + 1);
    } catch (e) {
      message.error(describeError(e, t).message);
    }
  };

  return (
    <Card
      size="small"
      title={t('memberLoyalty.badges')}
      loading={held.loading && !held.data}
      data-testid="member-badges"
      extra={
        editable ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAwarding(true)}>
            {t('memberLoyalty.badges.award')}
          </Button>
        ) : null
      }
    >
      {held.error ? <ErrorState error={held.error} compact onRetry={held.reload} /> : null}
      {held.data && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberLoyalty.badges.empty')} />
      ) : null}
      <Flex vertical gap={10}>
        {items.map((b) => {
          const name = nameIn(b, locale);
          return (
            <Flex key={b.id} gap={10} align="flex-start" className="kith-award">
              <BadgeMark color={b.color} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{name}</Typography.Text>
                  {b.period ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('memberLoyalty.badges.period', { period: b.period })}
                    </Typography.Text>
                  ) : null}
                </Flex>
                <div className="kith-message-text" style={{ fontSize: 13 }}>
                  {b.criteria ? awardWords(b.criteria) : b.reason}
                </div>
                <div className="kith-muted">
                  {t('memberLoyalty.badges.meta', { by: actorName(t, b.awardedBy), at: fmt.date(b.awardedAt) })}
                </div>
              </div>
              {editable ? (
                <Popconfirm
                  title={t('memberLoyalty.badges.revokeConfirm', { badge: name })}
                  okText={t('memberLoyalty.badges.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke(b.id, name)}
                >
                  <Button size="small" type="text" danger>
                    {t('memberLoyalty.badges.revoke')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          );
        })}
      </Flex>
      {editable ? (
        <AwardBadgeDialog
          open={awarding}
          member={member}
          onClose={() => setAwarding(false)}
          onDone={() => {
            setAwarding(false);
            setTick((n) => n + 1);
          }}
        />
      ) : null}
    </Card>
  );
}

interface AwardValues {
  badgeId: number;
  reason: string;
}

function AwardBadgeDialog({
  open,
  member,
  onClose,
  onDone,
}: {
  open: boolean;
  member: Member;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AwardValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const badges = useRequest(
    (signal) => (open ? call(api.GET('/api/v1/loyalty/badges', { signal })) : Promise.resolve({ items: [] })),
    [open],
  );
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (v: AwardValues) => {
    setSaving(true);
    setError(null);
    try {
      await call(
        api.POST('/api/v1/members/{id}/loyalty/badges', {
          params: { path: { id: member.id } },
          body: { badgeId: v.badgeId, reason: v.reason.trim() },
        }),
      );
      const b = badges.data?.items.find((x) => x.id === v.badgeId);
      message.success(t('memberLoyalty.badges.awarded', { badge: b ? nameIn(b, locale) : `#${v.badgeId}` }));
      onDone();
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, ['badgeId', 'reason'] as const, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('memberLoyalty.badges.awardTitle', { name: member.displayName })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('memberLoyalty.badges.award')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<AwardValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="badgeId"
          label={t('memberLoyalty.badges.pick')}
          rules={[{ required: true, message: t('loyalty.required') }]}
        >
          <Select
            loading={badges.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(badges.data?.items ?? [])
              .filter((b) => !b.archived)
              .map((b) => ({ value: b.id, label: nameIn(b, locale) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('memberLoyalty.badges.reason')}
          rules={[{ required: true, whitespace: true, message: t('loyalty.required') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
