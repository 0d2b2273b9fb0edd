import { useState } from 'react';
import { Badge, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useMe } from '../../session/SessionProvider';
import { useRequest } from '../../hooks/useRequest';
import { useCommunities } from '../../hooks/useCommunities';
import { ErrorState } from '../../components/ErrorState';
import { StaffDialog } from './StaffDialog';
import type { Staff } from './types';

const ROLE_COLORS: Record<string, string> = {
  owner: 'gold',
  admin: 'red',
  operator: 'blue',
  analyst: 'default',
  community_manager: 'purple',
};

/** Staff accounts: who signs in to the console, with which role, and which communities a community manager runs. */
export function StaffTab() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { me } = useMe();
  const communities = useCommunities();
  const list = useRequest((signal) => call(api.GET('/api/v1/staff', { signal })), []);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const names = new Map((communities.data ?? []).map((c) => [c.id, c.name]));
  // Only an owner manages owners.
  const manageable = (s: Staff) => s.role !== 'owner' || me.role === 'owner';

  const columns: TableProps<Staff>['columns'] = [
    {
      key: 'name',
      title: t('staff.name'),
      width: 220,
      render: (_, s) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{s.name}</Typography.Text>
          {me.id === s.id ? <Tag style={{ marginInlineStart: 6 }}>{t('staff.you')}</Tag> : null}
          <div className="kith-muted">{s.email}</div>
        </div>
      ),
    },
    {
      key: 'role',
      title: t('staff.role'),
      width: 130,
      render: (_, s) => (
        <Tag color={ROLE_COLORS[s.role]} style={{ margin: 0 }}>
          {labelOf(t, 'role', s.role)}
        </Tag>
      ),
    },
    {
      key: 'communities',
      title: t('staff.communities'),
      responsive: ['md'],
      width: 220,
      render: (_, s) =>
        s.role !== 'community_manager' ? (
          <Typography.Text type="secondary">{t('staff.allCommunities')}</Typography.Text>
        ) : s.communityIds.length ? (
          <Flex gap={4} wrap>
            {s.communityIds.map((id) => (
              <Tag key={id} style={{ margin: 0 }}>
                {names.get(id) ?? `#${id}`}
              </Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="warning">{t('staff.noCommunities')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('staff.status'),
      width: 100,
      render: (_, s) =>
        s.disabled ? (
          <Badge status="default" text={t('staff.disabledState')} />
        ) : (
          <Badge status="success" text={t('staff.active')} />
        ),
    },
    {
      key: 'created',
      title: t('settings.createdAt'),
      responsive: ['lg'],
      width: 130,
      render: (_, s) => fmt.date(s.createdAt),
    },
    {
      key: 'actions',
      title: '',
      width: 80,
      align: 'right',
      render: (_, s) =>
        manageable(s) ? (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => setEditing(s)}
            aria-label={t('staff.editTitle', { name: s.name })}
          >
            {t('community.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title={list.data ? t('staff.count', { count: list.data.items.length }) : t('settings.staff')}
      styles={{ body: { padding: 0 } }}
      extra={
        <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={() => setEditing('new')}>
          {t('staff.create')}
        </Button>
      }
    >
      {list.error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={list.error} onRetry={list.reload} compact />
        </div>
      ) : null}
      <Table<Staff>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <StaffDialog
        open={editing !== null}
        staff={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Card>
  );
}
