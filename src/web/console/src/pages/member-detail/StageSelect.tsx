import { useState } from 'react';
import { App, Select } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf, LIFECYCLE_STAGES } from '../../i18n/labels';
import { describeError } from '../../components/errors';
import type { Member } from './types';

/** Move the member along the lifecycle: acquired → activated → retained → monetised, or dormant / churned. */
export function StageSelect({ member, onChanged }: { member: Member; onChanged: (m: Member) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const change = async (stage: (typeof LIFECYCLE_STAGES)[number]) => {
    setSaving(true);
    try {
      const m = await call(
        api.PATCH('/api/v1/members/{id}', { params: { path: { id: member.id } }, body: { lifecycleStage: stage } }),
      );
      message.success(t('member.stageChanged', { stage: labelOf(t, 'stage', stage) }));
      onChanged(m);
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Select
      value={member.lifecycleStage as (typeof LIFECYCLE_STAGES)[number]}
      onChange={change}
      loading={saving}
      disabled={saving}
      aria-label={t('member.stage')}
      style={{ minWidth: 190 }}
      prefix={<span className="kith-muted">{t('member.stage')}</span>}
      options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: labelOf(t, 'stage', s) }))}
      popupMatchSelectWidth={false}
    />
  );
}
