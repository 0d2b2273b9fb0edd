import { useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useRequest } from '../../hooks/useRequest';
import { describeError } from '../../components/errors';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../communities/community-vocab';

/**
 * Add members found by search, with one role. The server adds all or none: a group that would
 * go over its capacity takes nobody, and the dialog says so in the server's words.
 */
export function AddMembersDialog({
  open,
  communityId,
  onClose,
  onAdded,
}: {
  open: boolean;
  communityId: number;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ value: number; label: string }[]>([]);
  const [role, setRole] = useState<MembershipRole>('member');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const found = useRequest(
    async (signal) =>
      q.trim()
        ? (await call(api.GET('/api/v1/members', { params: { query: { q: q.trim(), limit: 20 } }, signal }))).items
        : [],
    [q],
  );
  const options = [
    ...picked,
    ...(found.data ?? [])
      .filter((m) => !picked.some((p) => p.value === m.id))
      .map((m) => ({ value: m.id, label: `${m.displayName} #${m.id}${m.phone ? ` · ${m.phone}` : ''}` })),
  ];

  const close = () => {
    setPicked([]);
    setQ('');
    setRole('member');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!picked.length) {
      setError(t('community.members.pickSomeone'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const r = await call(
        api.POST('/api/v1/communities/{id}/members', {
          params: { path: { id: communityId } },
          body: { items: picked.map((p) => ({ memberId: p.value, role, source: 'manual' as const })) },
        }),
      );
      message.success(
        r.alreadyMembers.length
          ? t('community.members.addedSome', { added: r.added.length, already: r.alreadyMembers.length })
          : t('community.members.added', { added: r.added.length }),
      );
      setPicked([]);
      onAdded();
    } catch (e) {
      setError(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('community.members.add')}
      open={open}
      onCancel={close}
      onOk={submit}
      confirmLoading={saving}
      okText={t('community.members.add')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('community.members.who')}>
          <Select<number[]>
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('merge.pickPlaceholder')}
            aria-label={t('community.members.who')}
            value={picked.map((p) => p.value)}
            loading={found.loading && !!q}
            notFoundContent={q && !found.loading ? t('members.empty') : null}
            onChange={(ids) => {
              setPicked(ids.map((id) => options.find((o) => o.value === id)!).filter(Boolean));
              setQ('');
            }}
            options={options}
          />
        </Form.Item>
        <Form.Item label={t('member.community.role')}>
          <Select<MembershipRole>
            value={role}
            onChange={setRole}
            options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: labelOf(t, 'membershipRole', r) }))}
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </Modal>
  );
}
