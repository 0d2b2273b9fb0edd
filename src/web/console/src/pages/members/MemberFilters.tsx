import { useEffect, useState } from 'react';
import { Badge, Button, Flex, Grid, Input, Select } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { ACCOUNT_TYPES } from '@shared/vocabulary';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf, LIFECYCLE_STAGES, MEMBER_CHANNELS } from '../../i18n/labels';
import { useCommunities } from '../../hooks/useCommunities';
import { useTags } from '../../hooks/useTags';
import { DayRangeFilter } from './DayRangeFilter';
import { activeFilterCount, type MemberQuery } from './member-query';

/** Search and filters of the member list. Every change goes to the address (and back to page 1). */
export function MemberFilters({ query, onChange }: { query: MemberQuery; onChange: (q: MemberQuery) => void }) {
  const { t } = useI18n();
  const communities = useCommunities();
  const tags = useTags();
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const set = (patch: Partial<MemberQuery>) => onChange({ ...query, ...patch });
  const filtered = activeFilterCount(query) > 0 || !!query.q;
  // On a phone the filters fold away behind one button, so the list starts on the first screen.
  const phone = !Grid.useBreakpoint().md;
  const [unfolded, setUnfolded] = useState(false);
  const showFilters = !phone || unfolded;

  return (
    <Flex vertical gap={8} className="kith-filters" style={{ marginBottom: 12 }}>
      <Flex gap={8}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '' && query.q) set({ q: undefined });
          }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('members.search')}
          aria-label={t('members.search')}
          style={{ maxWidth: 520 }}
          maxLength={100}
        />
        {phone ? (
          <Badge count={activeFilterCount(query)} size="small">
            <Button
              icon={<FilterOutlined />}
              aria-expanded={unfolded}
              onClick={() => setUnfolded(!unfolded)}
              aria-label={t('members.filter.more')}
            />
          </Badge>
        ) : null}
      </Flex>
      {showFilters ? (
        <Flex gap={8} wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('members.filter.community')}
            aria-label={t('members.filter.community')}
            loading={communities.loading}
            value={query.communityId}
            onChange={(v) => set({ communityId: v })}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 200 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={2}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('members.filter.tags')}
            aria-label={t('members.filter.tags')}
            loading={tags.loading}
            value={query.tagIds}
            onChange={(v) => set({ tagIds: v })}
            options={(tags.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            style={{ width: 220 }}
          />
          {query.tagIds.length > 1 ? (
            <Select
              value={query.tagMatch}
              onChange={(v) => set({ tagMatch: v })}
              style={{ width: 130 }}
              aria-label={t('members.filter.tags')}
              options={[
                { value: 'any', label: t('members.filter.tagMatchAny') },
                { value: 'all', label: t('members.filter.tagMatchAll') },
              ]}
            />
          ) : null}
          <Select
            mode="multiple"
            allowClear
            maxTagCount={2}
            placeholder={t('members.filter.stages')}
            aria-label={t('members.filter.stages')}
            value={query.lifecycleStages}
            onChange={(v) => set({ lifecycleStages: v })}
            options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: labelOf(t, 'stage', s) }))}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('members.filter.channel')}
            aria-label={t('members.filter.channel')}
            value={query.channel}
            onChange={(v) => set({ channel: v })}
            options={MEMBER_CHANNELS.map((c) => ({ value: c, label: labelOf(t, 'channel', c) }))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('member.accountType')}
            aria-label={t('member.accountType')}
            value={query.accountType}
            onChange={(v) => set({ accountType: v })}
            options={ACCOUNT_TYPES.map((c) => ({ value: c, label: labelOf(t, 'accountType', c) }))}
            style={{ width: 140 }}
          />
          <DayRangeFilter
            from={query.createdFrom}
            to={query.createdTo}
            label={t('members.filter.created')}
            onChange={(createdFrom, createdTo) => set({ createdFrom, createdTo })}
          />
          <DayRangeFilter
            from={query.lastActiveFrom}
            to={query.lastActiveTo}
            label={t('members.filter.lastActive')}
            onChange={(lastActiveFrom, lastActiveTo) => set({ lastActiveFrom, lastActiveTo })}
          />
          {filtered ? (
            <Button
              icon={<ClearOutlined />}
              onClick={() =>
                onChange({
                  ...query,
                  q: undefined,
                  communityId: undefined,
                  tagIds: [],
                  lifecycleStages: [],
                  channel: undefined,
                  accountType: undefined,
                  createdFrom: undefined,
                  createdTo: undefined,
                  lastActiveFrom: undefined,
                  lastActiveTo: undefined,
                })
              }
            >
              {t('members.filter.reset')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
