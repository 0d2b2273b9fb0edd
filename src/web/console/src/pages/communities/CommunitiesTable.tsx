import { Link } from 'react-router';
import { Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { CapacityUse, StageBadge } from './CommunityBits';
import { communityLabel } from './community-vocab';
import type { CommunityItem } from './types';

/**
 * One page of communities: positioning, stage, channel, members against capacity and the joins and
 * leaves of the last 30 days. On a phone the name, members and stage stay.
 */
export function CommunitiesTable({
  items,
  loading,
  filtered,
}: {
  items: CommunityItem[];
  loading: boolean;
  filtered: boolean;
}) {
  const { t } = useI18n();
  const fmt = useFormat();

  const columns: TableProps<CommunityItem>['columns'] = [
    {
      key: 'name',
      title: t('community.field.name'),
      width: 220,
      render: (_, c) => (
        <div style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" wrap>
            <Link to={`/communities/${c.id}`} style={{ fontWeight: 500 }}>
              {c.name}
            </Link>
            {c.archived ? <Tag style={{ margin: 0 }}>{t('communities.archivedTag')}</Tag> : null}
          </Flex>
          {c.description ? (
            <Typography.Text
              type="secondary"
              ellipsis={{ tooltip: c.description }}
              style={{ fontSize: 12, maxWidth: 260, display: 'block' }}
            >
              {c.description}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'type',
      title: t('community.field.positioningType'),
      responsive: ['md'],
      width: 100,
      render: (_, c) => communityLabel(t, 'positioning', c.positioningType),
    },
    {
      key: 'goal',
      title: t('community.field.goal'),
      responsive: ['lg'],
      width: 110,
      render: (_, c) => communityLabel(t, 'goal', c.goal),
    },
    {
      key: 'stage',
      title: t('community.field.stage'),
      responsive: ['sm'],
      width: 100,
      render: (_, c) => <StageBadge stage={c.stage} />,
    },
    {
      key: 'channel',
      title: t('community.field.channel'),
      responsive: ['sm'],
      width: 100,
      render: (_, c) => labelOf(t, 'channel', c.channel),
    },
    {
      key: 'members',
      title: t('communities.col.members'),
      width: 170,
      render: (_, c) => (
        <CapacityUse membersNow={c.membersNow} capacity={c.capacity} percent={c.capacityUsePercent} compact />
      ),
    },
    {
      key: 'flow',
      title: <span style={{ whiteSpace: 'nowrap' }}>{t('communities.col.flow')}</span>,
      responsive: ['md'],
      width: 120,
      render: (_, c) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          <Typography.Text type="success">+{fmt.number(c.joined)}</Typography.Text>
          {' / '}
          <Typography.Text type="danger">−{fmt.number(c.left)}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'owner',
      title: t('community.field.owner'),
      responsive: ['xxl'],
      width: 120,
      render: (_, c) => c.owner?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Table<CommunityItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <div style={{ padding: 24 }}>
            <Typography.Text strong>
              {filtered ? t('communities.emptyFiltered') : t('communities.empty')}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {filtered ? t('members.emptyHint') : t('communities.emptyHint')}
            </Typography.Text>
          </div>
        ),
      }}
    />
  );
}
