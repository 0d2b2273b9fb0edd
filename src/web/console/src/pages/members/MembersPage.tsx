import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Card, Flex, Grid, Tooltip, Typography } from 'antd';
import { DownloadOutlined, TagsOutlined } from '@ant-design/icons';
import { api, call, queryString } from '@shared/api/client';
import { fetchMembers, takePrefetched } from './members-data';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { MembersTabs } from './MembersTabs';
import { MemberFilters } from './MemberFilters';
import { MembersTable } from './MembersTable';
import { Pager } from './Pager';
import { BulkTagDialog, type BulkTarget } from './BulkTagDialog';
import {
  activeFilterCount,
  memberFilter,
  memberQueryToParams,
  parseMemberQuery,
  type MemberQuery,
} from './member-query';

/** Where this list is in its pages: the cursors of the pages before, kept with the history entry so Back returns to the same page. */
interface ListState {
  stack?: string[];
}

/**
 * 会员: search, filter, page through, tag and export members. The filter lives in the address;
 * the page position lives in the history entry, so coming back from a member lands on the same page.
 */
export default function MembersPage() {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { can } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const search = location.search;
  const query = useMemo(() => parseMemberQuery(new URLSearchParams(search)), [search]);
  const stack = (location.state as ListState | null)?.stack ?? [];
  const cursor = stack.at(-1);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulk, setBulk] = useState<BulkTarget | null>(null);

  const list = useRequest(
    (signal) => takePrefetched(search, cursor) ?? fetchMembers(search, cursor, signal),
    [search, cursor],
  );
  // The total comes beside the page, not before it: the first rows never wait for a count.
  const total = useRequest(
    (signal) => call(api.GET('/api/v1/members/count', { params: { query: memberFilter(query) }, signal })),
    [search],
  );

  const go = (q: MemberQuery, nextStack: string[]) => {
    const s = memberQueryToParams(q).toString();
    navigate({ search: s ? `?${s}` : '' }, { replace: true, state: { stack: nextStack } satisfies ListState });
  };
  const setQuery = (q: MemberQuery) => {
    setSelected([]);
    go(q, []);
  };
  const exportHref = `/api/v1/members/export.csv${queryString({ ...memberFilter(query), sort: query.sort, order: query.order, lang: locale })}`;
  // Bulk tagging is desk work: on a phone the list stays read-only and roomy.
  const phone = !Grid.useBreakpoint().md;
  const canTag = can('members:write') && !phone;

  return (
    <>
      <PageHeader
        title={t('members.title')}
        subtitle={
          <span data-testid="members-total">
            {total.data
              ? t(total.data.exact ? 'members.total' : 'members.totalAbout', { count: fmt.number(total.data.count) })
              : '\u00a0'}
          </span>
        }
        extra={
          can('members:export') ? (
            <Tooltip title={t('members.exportHint')}>
              <Button icon={<DownloadOutlined />} href={exportHref} download>
                {t('members.export')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <MembersTabs />
      <MemberFilters query={query} onChange={setQuery} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {canTag && (selected.length > 0 || activeFilterCount(query) > 0 || query.q) ? (
          <Flex
            justify="space-between"
            align="center"
            gap={8}
            wrap
            style={{ padding: '8px 12px', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          >
            <Typography.Text type="secondary">
              {selected.length ? t('members.selected', { count: selected.length }) : null}
            </Typography.Text>
            <Flex gap={8} wrap>
              {selected.length ? (
                <>
                  <Button onClick={() => setSelected([])}>{t('members.clearSelection')}</Button>
                  <Button
                    type="primary"
                    icon={<TagsOutlined />}
                    onClick={() => setBulk({ kind: 'selected', ids: selected })}
                  >
                    {t('members.bulkTag')}
                  </Button>
                </>
              ) : (
                <Button icon={<TagsOutlined />} onClick={() => setBulk({ kind: 'filtered', query })}>
                  {t('members.tagFiltered')}
                </Button>
              )}
            </Flex>
          </Flex>
        ) : null}
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <MembersTable
          items={list.data?.items ?? []}
          loading={list.loading}
          query={query}
          selectable={canTag}
          selected={selected}
          onSelect={setSelected}
          onSort={(sort, order) => setQuery({ ...query, sort, order })}
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
      {/* Mounted only when asked for: the list itself appears sooner. */}
      {bulk ? (
        <BulkTagDialog
          target={bulk}
          onClose={() => setBulk(null)}
          onDone={() => {
            setSelected([]);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
