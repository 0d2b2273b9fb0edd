import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useMe } from '../../session/SessionProvider';
import { useCommunities } from '../../hooks/useCommunities';
import { describeError } from '../../components/errors';
import { serverFieldErrors } from '../../components/field-errors';
import { STAFF_ROLES, type Staff, type StaffRole } from './types';

interface Values {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
  communityIds: number[];
  disabled: boolean;
}
const FIELDS = ['email', 'name', 'role', 'password', 'communityIds', 'disabled'] as const;

/**
 * Create a staff account, or change one: name, role, the communities a community manager runs,
 * and whether the account may sign in. Only an owner hands out the owner role.
 */
export function StaffDialog({
  open,
  staff,
  onClose,
  onSaved,
}: {
  open: boolean;
  staff: Staff | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const communities = useCommunities();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const self = staff !== null && me.type === 'staff' && me.id === staff.id;
  const roles = STAFF_ROLES.filter((r) => r !== 'owner' || me.role === 'owner');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      staff
        ? { name: staff.name, role: staff.role, communityIds: staff.communityIds, disabled: staff.disabled }
        : { role: 'operator', communityIds: [], disabled: false },
    );
    setError(null);
  }, [open, staff, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    const communityIds = v.role === 'community_manager' ? (v.communityIds ?? []) : [];
    try {
      if (staff) {
        await call(
          api.PATCH('/api/v1/staff/{id}', {
            params: { path: { id: staff.id } },
            body: { name: v.name.trim(), role: v.role, disabled: v.disabled, communityIds },
          }),
        );
        message.success(t('common.saved'));
      } else {
        await call(
          api.POST('/api/v1/staff', {
            body: { email: v.email.trim(), name: v.name.trim(), role: v.role, password: v.password, communityIds },
          }),
        );
        message.success(t('staff.created', { name: v.name.trim() }));
      }
      onSaved();
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, FIELDS, t);
      form.setFields(fields);
      setError(fields.length && !other.length ? null : [describeError(e, t).message, ...other].join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={staff ? t('staff.editTitle', { name: staff.name }) : t('staff.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={staff ? t('common.save') : t('staff.create')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {staff ? null : (
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[{ required: true, type: 'email', message: t('staff.rule.email') }]}
          >
            <Input type="email" autoComplete="off" maxLength={320} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('staff.name')}
          rules={[{ required: true, whitespace: true, message: t('staff.rule.name') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('staff.role')}
          rules={[{ required: true }]}
          extra={role ? t(`staff.roleHint.${role}`) : null}
        >
          <Select disabled={self} options={roles.map((r) => ({ value: r, label: labelOf(t, 'role', r) }))} />
        </Form.Item>
        {role === 'community_manager' ? (
          <Form.Item name="communityIds" label={t('staff.communities')} extra={t('staff.communitiesHint')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={communities.loading}
              options={(communities.data ?? []).map((c) => ({
                value: c.id,
                label: c.archived ? `${c.name} (${t('communities.archivedTag')})` : c.name,
              }))}
            />
          </Form.Item>
        ) : null}
        {staff ? null : (
          <Form.Item
            name="password"
            label={t('staff.password')}
            extra={t('password.hint')}
            rules={[{ required: true, min: 10, message: t('password.tooShort') }]}
          >
            <Input.Password autoComplete="new-password" maxLength={256} />
          </Form.Item>
        )}
        {staff ? (
          <Form.Item
            name="disabled"
            label={t('staff.disabled')}
            valuePropName="checked"
            extra={self ? t('staff.notSelf') : t('staff.disabledHint')}
          >
            <Switch disabled={self} />
          </Form.Item>
        ) : null}
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
