import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { MemberAvatar } from '../../components/MemberBits';
import { describeError } from '../../components/errors';
import { MEMBERSHIP_ROLES, ROLE_COLORS, type MembershipRole } from '../communities/community-vocab';
import { AddMembersDialog } from './AddMembersDialog';
import type { CommunityMember } from './types';

const PAGE = 20;

/**
 * Who is in the community now, newest first, paged by the server (keyset, so a 500-person group
 * and a 50,000-person forum page alike). Writers change roles, remove and add members here.
 */
export function MembersCard({
  communityId,
  editable,
  onChanged,
}: {
  communityId: number;
  editable: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message, modal } = App.useApp();
  const [role, setRole] = useState<MembershipRole | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [more, setMore] = useState<CommunityMember[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);

  const first = useRequest(
    (signal) =>
      call(
        api.GET('/api/v1/communities/{id}/members', {
          params: { path: { id: communityId }, query: { role, limit: PAGE } },
          signal,
        }),
      ),
    [communityId, role, version],
  );
  useEffect(() => {
    setMore([]);
    setNext(first.data?.nextCursor ?? null);
  }, [first.data]);
  const items = [...(first.data?.items ?? []), ...more];

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await call(
        api.GET('/api/v1/communities/{id}/members', {
          params: { path: { id: communityId }, query: { role, limit: PAGE, cursor: next } },
        }),
      );
      setMore((m) => [...m, ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const refresh = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  const changeRole = (m: CommunityMember, to: MembershipRole) => {
    const run = async () => {
      setBusy(m.memberId);
      try {
        await call(
          api.PATCH('/api/v1/communities/{id}/members/{memberId}', {
            params: { path: { id: communityId, memberId: m.memberId } },
            body: { role: to },
          }),
        );
        message.success(
          t('community.members.roleChanged', { name: nameOf(m), role: labelOf(t, 'membershipRole', to) }),
        );
        refresh();
      } catch (e) {
        message.error(describeError(e, t).message);
      } finally {
        setBusy(null);
      }
    };
    // One owner per group: making someone owner hands the role over.
    if (to === 'owner')
      modal.confirm({
        title: t('community.members.handOverTitle'),
        content: t('community.members.handOver', { name: nameOf(m) }),
        okText: t('common.ok'),
        cancelText: t('common.cancel'),
        onOk: run,
      });
    else void run();
  };

  const remove = async (m: CommunityMember) => {
    setBusy(m.memberId);
    try {
      await call(
        api.DELETE('/api/v1/communities/{id}/members/{memberId}', {
          params: { path: { id: communityId, memberId: m.memberId } },
        }),
      );
      message.success(t('community.members.removed', { name: nameOf(m) }));
      refresh();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setBusy(null);
    }
  };

  const nameOf = (m: CommunityMember) => m.memberName ?? t('member.id', { id: String(m.memberId) });

  const columns: TableProps<CommunityMember>['columns'] = [
    {
      key: 'member',
      title: t('members.col.member'),
      width: 180,
      render: (_, m) => (
        <div className="kith-table-name">
          <MemberAvatar id={m.memberId} name={nameOf(m)} size={28} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/members/${m.memberId}`}>{nameOf(m)}</Link>
            <div className="kith-muted">#{m.memberId}</div>
          </div>
        </div>
      ),
    },
    {
      key: 'role',
      title: t('member.community.role'),
      width: 120,
      render: (_, m) =>
        editable ? (
          <Select<MembershipRole>
            size="small"
            value={m.role}
            style={{ width: 100 }}
            disabled={busy === m.memberId}
            aria-label={t('community.members.roleOf', { name: nameOf(m) })}
            onChange={(to) => changeRole(m, to)}
            options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: labelOf(t, 'membershipRole', r) }))}
          />
        ) : (
          <Tag color={ROLE_COLORS[m.role]} style={{ margin: 0 }}>
            {labelOf(t, 'membershipRole', m.role)}
          </Tag>
        ),
    },
    {
      key: 'source',
      title: t('member.community.source'),
      responsive: ['xxl'],
      width: 100,
      render: (_, m) => labelOf(t, 'joinSource', m.joinSource),
    },
    {
      key: 'joined',
      title: t('member.community.joined'),
      responsive: ['sm'],
      width: 120,
      render: (_, m) => fmt.date(m.joinedAt),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: '',
            width: 48,
            align: 'right' as const,
            render: (_: unknown, m: CommunityMember) => (
              <Popconfirm
                title={t('community.members.removeConfirm', { name: nameOf(m) })}
                okText={t('community.members.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(m)}
              >
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<UserDeleteOutlined />}
                  loading={busy === m.memberId}
                  aria-label={t('community.members.removeOf', { name: nameOf(m) })}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('community.members.title')}
      extra={
        <Flex gap={8} align="center">
          <Select<MembershipRole>
            allowClear
            size="small"
            placeholder={t('community.members.allRoles')}
            aria-label={t('member.community.role')}
            value={role}
            onChange={setRole}
            style={{ width: 120 }}
            options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: labelOf(t, 'membershipRole', r) }))}
          />
          {editable ? (
            <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('community.members.add')}
            </Button>
          ) : null}
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      {first.error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={first.error} onRetry={first.reload} compact />
        </div>
      ) : null}
      <Table<CommunityMember>
        rowKey="membershipId"
        size="small"
        columns={columns}
        dataSource={items}
        loading={first.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">
                {role ? t('community.members.noneWithRole') : t('community.members.none')}
              </Typography.Text>
            </div>
          ),
        }}
      />
      {next ? (
        <Flex justify="center" style={{ padding: 12 }}>
          <Button onClick={() => void loadMore()} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
      <AddMembersDialog
        open={adding}
        communityId={communityId}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          refresh();
        }}
      />
    </Card>
  );
}
