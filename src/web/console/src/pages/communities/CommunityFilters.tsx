import { useEffect, useState } from 'react';
import { Button, Col, Flex, Input, Row, Segmented, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { activeCommunityFilters, type ArchivedFilter, type CommunityQuery } from './community-query';
import {
  COMMUNITY_CHANNELS,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  POSITIONING_TYPES,
  communityLabel,
} from './community-vocab';

/** Search and positioning filters of the community list; every change goes to the address. */
export function CommunityFilters({
  query,
  onChange,
}: {
  query: CommunityQuery;
  onChange: (q: CommunityQuery) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(query.q ?? '');
  useEffect(() => setText(query.q ?? ''), [query.q]);
  const set = (patch: Partial<CommunityQuery>) => onChange({ ...query, ...patch });
  // Two filters a row on a phone, one after another on a wider screen.
  const select = <T extends string>(
    key: 'positioningType' | 'goal' | 'stage' | 'channel',
    placeholder: string,
    values: readonly T[],
    label: (v: T) => string,
  ) => (
    <Col xs={12} md={{ flex: 'none' }}>
      <Select
        allowClear
        placeholder={placeholder}
        aria-label={placeholder}
        value={query[key]}
        style={{ width: '100%', minWidth: 140 }}
        onChange={(v) => set({ [key]: v } as Partial<CommunityQuery>)}
        options={values.map((v) => ({ value: v, label: label(v) }))}
      />
    </Col>
  );

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Input.Search
          allowClear
          value={text}
          maxLength={100}
          style={{ flex: '1 1 260px', maxWidth: 420 }}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '' && query.q) set({ q: undefined });
          }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          placeholder={t('communities.search')}
          aria-label={t('communities.search')}
        />
        <Segmented<ArchivedFilter>
          value={query.archived}
          onChange={(archived) => set({ archived })}
          options={[
            { value: 'false', label: t('communities.active') },
            { value: 'true', label: t('communities.archived') },
            { value: 'all', label: t('communities.all') },
          ]}
        />
      </Flex>
      <Row gutter={[8, 8]}>
        {select('positioningType', t('community.field.positioningType'), POSITIONING_TYPES, (v) =>
          communityLabel(t, 'positioning', v),
        )}
        {select('goal', t('community.field.goal'), COMMUNITY_GOALS, (v) => communityLabel(t, 'goal', v))}
        {select('stage', t('community.field.stage'), COMMUNITY_STAGES, (v) => communityLabel(t, 'communityStage', v))}
        {select('channel', t('community.field.channel'), COMMUNITY_CHANNELS, (v) => labelOf(t, 'channel', v))}
        {activeCommunityFilters(query) > 0 || query.q ? (
          <Col xs={24} md={{ flex: 'none' }}>
            <Button
              icon={<ClearOutlined />}
              onClick={() =>
                onChange({
                  ...query,
                  q: undefined,
                  positioningType: undefined,
                  goal: undefined,
                  stage: undefined,
                  channel: undefined,
                })
              }
            >
              {t('members.filter.reset')}
            </Button>
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}
