import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { Pager } from '../members/Pager';
import { CommunityFilters } from './CommunityFilters';
import { CommunitiesTable } from './CommunitiesTable';
import { CommunityFormDialog } from './CommunityFormDialog';
import {
  activeCommunityFilters,
  communityQueryToParams,
  parseCommunityQuery,
  type CommunityQuery,
} from './community-query';

interface ListState {
  stack?: string[];
}

/**
 * 社群: every community the operator may see (a community manager: theirs, the server decides),
 * with its positioning, stage, channel and how full it is; filters live in the address.
 */
export default function CommunitiesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const search = location.search;
  const query = useMemo(() => parseCommunityQuery(new URLSearchParams(search)), [search]);
  const stack = (location.state as ListState | null)?.stack ?? [];
  const cursor = stack.at(-1);
  const [creating, setCreating] = useState(false);

  const list = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/communities', {
          params: {
            query: {
              q: query.q,
              positioningType: query.positioningType,
              goal: query.goal,
              stage: query.stage,
              channel: query.channel,
              archived: query.archived,
              limit: query.limit,
              cursor,
            },
          },
          signal,
        }),
      ),
    [search, cursor],
  );

  const go = (q: CommunityQuery, nextStack: string[]) => {
    const s = communityQueryToParams(q).toString();
    navigate({ search: s ? `?${s}` : '' }, { replace: true, state: { stack: nextStack } satisfies ListState });
  };
  const setQuery = (q: CommunityQuery) => go(q, []);

  return (
    <>
      <PageHeader
        title={t('communities.title')}
        subtitle={<Typography.Text type="secondary">{t('communities.subtitle')}</Typography.Text>}
        extra={
          <Can permission="communities:create">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('community.create')}
            </Button>
          </Can>
        }
      />
      <CommunityFilters query={query} onChange={setQuery} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <CommunitiesTable
          items={list.data?.items ?? []}
          loading={list.loading}
          filtered={activeCommunityFilters(query) > 0 || !!query.q || query.archived === 'true'}
        />
      </Card>
      <Pager
        page={stack.length + 1}
        hasNext={!!list.data?.nextCursor && !list.loading}
        limit={query.limit}
        onPrev={() => go(query, stack.slice(0, -1))}
        onNext={() => list.data?.nextCursor && go(query, [...stack, list.data.nextCursor])}
        onLimit={(limit) => setQuery({ ...query, limit })}
      />
      <CommunityFormDialog
        open={creating}
        community={null}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          // Newest first: the new community heads the first page.
          if (stack.length) go(query, []);
          else list.reload();
        }}
      />
    </>
  );
}
