import { useState } from 'react';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useMe } from '../../session/SessionProvider';
import { describeError } from '../../components/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf, sourceName } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import type { Member } from './types';

/**
 * Who the member is: contact details, consent and custom attributes, as Kith holds them. Phone and
 * email arrive masked; a role that may see contacts shows them with one click, which the audit log
 * records (docs/security.md → personal data).
 */
export function ProfileCard({ member }: { member: Member }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { can } = useMe();
  const { message } = App.useApp();
  const [shown, setShown] = useState<{ id: number; phone: string | null; email: string | null } | null>(null);
  const contact = shown?.id === member.id ? shown : null;
  const reveal = async () => {
    try {
      const m = await call(
        api.GET('/api/v1/members/{id}', { params: { path: { id: member.id }, query: { reveal: 'contact' } } }),
      );
      setShown({ id: member.id, phone: m.phone, email: m.email });
    } catch (e) {
      message.error(describeError(e, t).message);
    }
  };
  const showButton =
    !contact && can('members:contact') && (member.phone || member.email) ? (
      <Button
        size="small"
        type="link"
        icon={<EyeOutlined />}
        onClick={() => void reveal()}
        data-testid="reveal-contact"
      >
        {t('member.revealContact')}
      </Button>
    ) : null;
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
            children: member.phone ? (
              <>
                <Typography.Text copyable={!!contact} data-testid="member-phone">
                  {contact?.phone ?? member.phone}
                </Typography.Text>
                {showButton}
              </>
            ) : (
              none
            ),
          },
          {
            key: 'email',
            label: t('field.email'),
            children: member.email ? (
              <>
                <Typography.Text copyable={!!contact}>{contact?.email ?? member.email}</Typography.Text>
                {member.phone ? null : showButton}
              </>
            ) : (
              none
            ),
          },
          { key: 'city', label: t('field.city'), children: text(member.city) },
          { key: 'company', label: t('field.company'), children: text(member.company) },
          { key: 'source', label: t('field.source'), children: text(member.source && sourceName(t, member.source)) },
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
