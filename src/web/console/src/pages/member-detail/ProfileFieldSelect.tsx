import { useState } from 'react';
import { App, Select } from 'antd';
import { api, call } from '@shared/api/client';
import { ACCOUNT_TYPES } from '@shared/vocabulary';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf, LIFECYCLE_STAGES } from '../../i18n/labels';
import { describeError } from '../../components/errors';
import type { Member } from './types';

/** A profile field with a fixed vocabulary the header lets a writer change in one pick. */
const FIELDS = {
  lifecycleStage: { group: 'stage', values: LIFECYCLE_STAGES, label: 'member.stage', width: 190 },
  accountType: { group: 'accountType', values: ACCOUNT_TYPES, label: 'member.accountType', width: 150 },
} as const;

/**
 * Move the member along the lifecycle (acquired → activated → retained → monetised, or dormant /
 * churned), or say the profile is the brand's own account (staff / official), which member figures
 * then leave out.
 */
export function ProfileFieldSelect({
  member,
  field,
  onChanged,
}: {
  member: Member;
  field: keyof typeof FIELDS;
  onChanged: (m: Member) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const f = FIELDS[field];
  const change = async (value: string) => {
    setSaving(true);
    try {
      const m = await call(
        api.PATCH('/api/v1/members/{id}', {
          params: { path: { id: member.id } },
          body: { [field]: value } as { lifecycleStage?: never; accountType?: never },
        }),
      );
      message.success(t('member.fieldChanged', { field: t(f.label), value: labelOf(t, f.group, value) }));
      onChanged(m);
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Select<string>
      value={member[field]}
      onChange={change}
      loading={saving}
      disabled={saving}
      aria-label={t(f.label)}
      style={{ minWidth: f.width }}
      prefix={<span className="kith-muted">{t(f.label)}</span>}
      options={f.values.map((s) => ({ value: s, label: labelOf(t, f.group, s) }))}
      popupMatchSelectWidth={false}
    />
  );
}
