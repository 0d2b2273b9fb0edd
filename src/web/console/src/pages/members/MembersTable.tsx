import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, Grid, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { AccountTypeTag, Chip, MemberAvatar, StageChip } from '../../components/MemberBits';
import type { MemberItem } from './types';
import { activeFilterCount, type MemberQuery, type MemberSort } from './member-query';

/** At most `max` items, then "+N". */
function Few<T>({
  items,
  max,
  render,
  more,
}: {
  items: T[];
  max: number;
  render: (x: T) => ReactNode;
  more: (n: number) => string;
}) {
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const rest = items.slice(max);
  return (
    <Flex gap={4} wrap>
      {items.slice(0, max).map(render)}
      {rest.length ? (
        <Chip title={rest.map((x) => String((x as { name?: string }).name ?? '')).join('、')}>{more(rest.length)}</Chip>
      ) : null}
    </Flex>
  );
}

function channelsOf(m: MemberItem) {
  const by = new Map<string, string[]>();
  for (const i of m.identities)
    by.set(i.channel, [
      ...(by.get(i.channel) ?? []),
      i.displayName ? `${i.displayName} (${i.externalId})` : i.externalId,
    ]);
  return [...by].map(([channel, accounts]) => ({ channel, name: channel, accounts }));
}

const SORTABLE: Record<string, MemberSort> = { member: 'name', lastActive: 'last_active_at', created: 'created_at' };

/**
 * One page of members. Cells use plain `title` hints rather than antd tooltips: a page of rows
 * renders in a fraction of the time (the first page has to appear in under 300 ms). Wide columns (accounts, communities, tags) give way on a phone so the
 * name, stage and last activity stay readable.
 */
export function MembersTable({
  items,
  loading,
  query,
  selectable,
  selected,
  onSelect,
  onSort,
}: {
  items: MemberItem[];
  loading: boolean;
  query: MemberQuery;
  selectable: boolean;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onSort: (sort: MemberSort, order: 'asc' | 'desc') => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const phone = !Grid.useBreakpoint().md;
  const order = (key: string) => (SORTABLE[key] === query.sort ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<MemberItem>['columns'] = [
    {
      key: 'member',
      title: t('members.col.member'),
      sorter: true,
      sortOrder: order('member'),
      width: 200,
      render: (_, m) => (
        <div className="kith-table-name">
          <MemberAvatar id={m.id} name={m.displayName} url={m.avatarUrl} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/members/${m.id}`}>{m.displayName}</Link>{' '}
            {m.accountType !== 'member' ? <AccountTypeTag type={m.accountType} /> : null}
            <div className="kith-muted">
              {[m.name && m.nickname && m.nickname !== m.name ? m.nickname : null, m.phone ?? m.email]
                .filter(Boolean)
                .join(' · ') || `#${m.id}`}
            </div>
          </div>
        </div>
      ),
    },
    {
      key: 'identities',
      title: t('members.col.identities'),
      responsive: ['lg'],
      // One tag per channel; the accounts themselves are in the tooltip (and on the member's page).
      render: (_, m) => (
        <Few
          items={channelsOf(m)}
          max={3}
          more={(n) => t('members.more', { count: n })}
          render={(c) => (
            <Chip key={c.channel} title={c.accounts.join('\n')}>
              {labelOf(t, 'channel', c.channel)}
            </Chip>
          )}
        />
      ),
    },
    {
      key: 'communities',
      title: t('members.col.communities'),
      responsive: ['md'],
      render: (_, m) => (
        <Few
          items={m.communities}
          max={2}
          more={(n) => t('members.more', { count: n })}
          render={(c) => (
            <Chip key={c.id} className="kith-tag-clip" title={c.name}>
              {c.name}
            </Chip>
          )}
        />
      ),
    },
    {
      key: 'tags',
      title: t('members.col.tags'),
      responsive: ['md'],
      render: (_, m) => (
        <Few
          items={m.tags}
          max={3}
          more={(n) => t('members.more', { count: n })}
          render={(x) => (
            <Chip key={x.id} color={x.color}>
              {x.name}
            </Chip>
          )}
        />
      ),
    },
    { key: 'stage', title: t('members.col.stage'), render: (_, m) => <StageChip stage={m.lifecycleStage} /> },
    {
      key: 'lastActive',
      title: t('members.col.lastActive'),
      sorter: true,
      sortOrder: order('lastActive'),
      render: (_, m) =>
        m.lastActiveAt ? (
          <span title={fmt.dateTime(m.lastActiveAt)}>{fmt.relative(m.lastActiveAt)}</span>
        ) : (
          <Typography.Text type="secondary">{t('members.neverActive')}</Typography.Text>
        ),
    },
    {
      key: 'created',
      title: t('members.col.created'),
      sorter: true,
      sortOrder: order('created'),
      responsive: ['sm'],
      render: (_, m) => fmt.date(m.createdAt),
    },
  ];

  return (
    <Table<MemberItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      // Horizontal scrolling only where the columns cannot fit; on a desk screen it costs layout work for nothing.
      scroll={phone ? { x: 'max-content' } : undefined}
      sortDirections={['descend', 'ascend', 'descend']}
      rowSelection={
        selectable
          ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]), preserveSelectedRowKeys: true }
          : undefined
      }
      onChange={(_, __, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const sort = s?.columnKey ? SORTABLE[String(s.columnKey)] : undefined;
        if (sort) onSort(sort, s.order === 'ascend' ? 'asc' : 'desc');
      }}
      locale={{
        // Nothing yet and nothing matching are different news: the first needs a way in.
        emptyText:
          query.q || activeFilterCount(query) > 0 ? (
            <div style={{ padding: 24 }} data-testid="members-none-match">
              <Typography.Text strong>{t('members.empty')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('members.emptyHint')}</Typography.Text>
            </div>
          ) : (
            <div style={{ padding: 24 }} data-testid="members-none-yet">
              <Typography.Text strong>{t('members.noneYet')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('members.noneYetHint')}</Typography.Text>
              <br />
              <Link to="/import">{t('members.noneYetImport')}</Link>
            </div>
          ),
      }}
    />
  );
}
