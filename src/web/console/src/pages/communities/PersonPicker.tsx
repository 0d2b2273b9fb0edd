import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import type { PersonKey } from './community-form';

export interface KnownPerson {
  key: PersonKey;
  name: string;
}

/**
 * Pick community owners and admins (群主、管理员): members found by search, and staff accounts for
 * those who may list them. People already chosen keep their names while the search changes.
 */
export function PersonPicker({
  value,
  onChange,
  known,
  multiple = false,
  id,
}: {
  value?: PersonKey | PersonKey[] | null;
  onChange?: (v: PersonKey | PersonKey[] | null) => void;
  known: KnownPerson[];
  multiple?: boolean;
  id?: string;
}) {
  const { t } = useI18n();
  const { can } = useMe();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<KnownPerson[]>([]);
  const staff = useRequest(
    async (signal) =>
      can('staff:manage') ? (await call(api.GET('/api/v1/staff', { signal }))).items.filter((s) => !s.disabled) : [],
    [],
  );
  const members = useRequest(
    async (signal) =>
      q.trim()
        ? (await call(api.GET('/api/v1/members', { params: { query: { q: q.trim(), limit: 10 } }, signal }))).items
        : [],
    [q],
  );

  const options = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const staffOptions = (staff.data ?? [])
      .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.email.toLowerCase().includes(needle))
      .map((s) => ({ value: `staff:${s.id}`, label: `${s.name} · ${t('community.person.staff')}` }));
    const memberOptions = (members.data ?? []).map((m) => ({
      value: `member:${m.id}`,
      label: `${m.displayName} · ${t('community.person.member')} #${m.id}`,
    }));
    const seen = new Set([...staffOptions, ...memberOptions].map((o) => o.value));
    const kept = [...known, ...picked]
      .filter((p) => !seen.has(p.key) && (seen.add(p.key), true))
      .map((p) => ({ value: p.key, label: p.name }));
    return [
      ...(kept.length ? [{ label: t('community.person.chosen'), options: kept }] : []),
      ...(staffOptions.length ? [{ label: t('community.person.staffGroup'), options: staffOptions }] : []),
      ...(memberOptions.length ? [{ label: t('community.person.memberGroup'), options: memberOptions }] : []),
    ];
  }, [staff.data, members.data, known, picked, q, t]);

  const remember = (keys: PersonKey[]) => {
    const labels = new Map(options.flatMap((g) => g.options).map((o) => [o.value, o.label]));
    setPicked((prev) => [...prev, ...keys.filter((k) => labels.has(k)).map((k) => ({ key: k, name: labels.get(k)! }))]);
  };

  return (
    <Select<PersonKey | PersonKey[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v) => {
        remember(Array.isArray(v) ? v : v ? [v] : []);
        setQ('');
        onChange?.(v ?? null);
      }}
      options={options}
      loading={members.loading && !!q}
      placeholder={t('community.person.search')}
      notFoundContent={q && !members.loading ? t('members.empty') : null}
      style={{ width: '100%' }}
    />
  );
}
