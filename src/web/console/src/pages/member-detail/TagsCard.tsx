import { useState } from 'react';
import { App, Card, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../session/SessionProvider';
import { useTags } from '../../hooks/useTags';
import { MemberTag } from '../../components/MemberBits';
import { describeError } from '../../components/errors';
import type { Member } from './types';

const NEW = '__new__:';

/**
 * The member's tags: take one off with its ×, add one from the list — or create it on the spot
 * (tags are shared by every community, so only workspace-wide staff create them).
 */
export function TagsCard({ member, editable, onChange }: { member: Member; editable: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const tags = useTags();
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = new Set(member.tags.map((x) => x.id));
  const canCreate = me.communityIds === null;
  const typed = search.trim();
  const exists = (tags.data ?? []).some((x) => x.name.toLowerCase() === typed.toLowerCase());

  const change = async (body: { add?: number[]; remove?: number[] }, done: string) => {
    setBusy(true);
    try {
      await call(api.POST('/api/v1/members/tags/bulk', { body: { memberIds: [member.id], ...body } }));
      message.success(done);
      onChange();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  const add = async (value: string | number) => {
    setSearch('');
    if (typeof value === 'string' && value.startsWith(NEW)) {
      const name = value.slice(NEW.length);
      try {
        const created = await call(api.POST('/api/v1/members/tags', { body: { name } }));
        tags.reload();
        await change({ add: [created.id] }, t('tags.added', { name }));
      } catch (e) {
        message.error(describeError(e, t).message);
      }
      return;
    }
    const tag = tags.data?.find((x) => x.id === value);
    if (tag) await change({ add: [tag.id] }, t('tags.added', { name: tag.name }));
  };

  return (
    <Card size="small" title={t('member.tags')}>
      <Flex gap={6} wrap align="center" data-testid="member-tags">
        {member.tags.length === 0 && !editable ? (
          <Typography.Text type="secondary">{t('tags.none')}</Typography.Text>
        ) : null}
        {member.tags.map((x) => (
          <MemberTag
            key={x.id}
            name={x.name}
            color={x.color}
            closable={editable && !busy}
            onClose={(e) => {
              e.preventDefault();
              void change({ remove: [x.id] }, t('tags.removed', { name: x.name }));
            }}
          />
        ))}
        {editable ? (
          <Select<string | number>
            size="small"
            value={null}
            placeholder={
              <>
                <PlusOutlined /> {t('tags.add')}
              </>
            }
            aria-label={t('tags.add')}
            style={{ minWidth: 140 }}
            popupMatchSelectWidth={220}
            loading={tags.loading || busy}
            disabled={busy}
            showSearch={{ searchValue: search, onSearch: setSearch, optionFilterProp: 'label' }}
            onChange={(v) => void add(v)}
            options={[
              ...(tags.data ?? []).filter((x) => !mine.has(x.id)).map((x) => ({ value: x.id, label: x.name })),
              ...(canCreate && typed && !exists
                ? [{ value: `${NEW}${typed}`, label: t('tags.create', { name: typed }) }]
                : []),
            ]}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
