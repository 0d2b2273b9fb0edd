import { Card, Descriptions, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import type { Member } from './types';

/** Who the member is: contact details, consent and custom attributes, as Kith holds them. */
export function ProfileCard({ member }: { member: Member }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const text = (v: string | null) => (v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : none);
  const attrs = Object.entries(member.attributes ?? {});
  return (
    <Card size="small" title={t('member.profile')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('field.name'), children: text(member.name) },
          { key: 'nickname', label: t('field.nickname'), children: text(member.nickname) },
          { key: 'gender', label: t('field.gender'), children: labelOf(t, 'gender', member.gender) },
          {
            key: 'birthday',
            label: t('field.birthday'),
            children: member.birthday ? fmt.fullDay(member.birthday) : none,
          },
          {
            key: 'phone',
            label: t('field.phone'),
            children: member.phone ? <Typography.Text copyable>{member.phone}</Typography.Text> : none,
          },
          {
            key: 'email',
            label: t('field.email'),
            children: member.email ? <Typography.Text copyable>{member.email}</Typography.Text> : none,
          },
          { key: 'city', label: t('field.city'), children: text(member.city) },
          { key: 'company', label: t('field.company'), children: text(member.company) },
          { key: 'source', label: t('field.source'), children: text(member.source) },
          {
            key: 'cm',
            label: t('field.consentMarketing'),
            children: member.consentMarketing ? t('common.yes') : t('common.no'),
          },
          {
            key: 'cd',
            label: t('field.consentDataProcessing'),
            children: member.consentDataProcessing ? t('common.yes') : t('common.no'),
          },
          { key: 'created', label: t('field.createdAt'), children: fmt.dateTime(member.createdAt) },
          {
            key: 'active',
            label: t('field.lastActiveAt'),
            children: member.lastActiveAt ? fmt.dateTime(member.lastActiveAt) : t('members.neverActive'),
          },
          ...attrs.map(([k, v]) => ({
            key: `attr-${k}`,
            label: k,
            children: text(typeof v === 'string' ? v : JSON.stringify(v)),
          })),
        ]}
      />
    </Card>
  );
}
