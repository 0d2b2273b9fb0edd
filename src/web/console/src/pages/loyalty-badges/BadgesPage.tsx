import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, InboxOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { Can } from '../../session/Can';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { nameIn } from '../loyalty/loyalty-vocab';
import { badgeBody, badgeFormValues, criteriaLine } from './badge-form';
import { BadgeDialog, BadgeMark } from './BadgeDialog';
import type { Badge } from '../loyalty/types';
import { usePinnedActions } from '../loyalty/LoyaltyBits';

/** 会员制度 · 勋章: badges and honour titles, how each is earned and how many members hold it. */
export default function BadgesPage() {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const list = useRequest((signal) => call(api.GET('/api/v1/loyalty/badges', { signal })), []);
  const [editing, setEditing] = useState<Badge | 'new' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.id - b.id);
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const pinned = usePinnedActions();

  const archive = async (b: Badge, archived: boolean) => {
    setBusy(b.id);
    try {
      await call(
        api.PUT('/api/v1/loyalty/badges/{id}', {
          params: { path: { id: b.id } },
          body: badgeBody(badgeFormValues(b), archived),
        }),
      );
      message.success(t(archived ? 'badges.archivedDone' : 'badges.unarchivedDone', { name: nameIn(b, locale) }));
      list.reload();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableProps<Badge>['columns'] = [
    {
      key: 'name',
      title: t('badges.col.name'),
      width: 240,
      render: (_, b) => (
        <Flex gap={10} align="flex-start">
          <BadgeMark color={b.color} />
          <div style={{ minWidth: 0, maxWidth: 280 }}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{nameIn(b, locale)}</Typography.Text>
              {b.archived ? <Tag style={{ margin: 0 }}>{t('loyalty.archived')}</Tag> : null}
            </Flex>
            <div className="kith-muted">{locale === 'zh-CN' ? b.nameEn : b.nameZh}</div>
            {b.description ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                {b.description}
              </Typography.Paragraph>
            ) : null}
          </div>
        </Flex>
      ),
    },
    {
      key: 'criteria',
      title: t('badges.col.criteria'),
      render: (_, b) => {
        const l = criteriaLine(b.criteria, (k) => labelOf(t, 'kind', k), sep);
        return b.criteria ? t(l.key, l.values) : <Typography.Text type="secondary">{t(l.key)}</Typography.Text>;
      },
    },
    {
      key: 'holders',
      title: t('badges.col.holders'),
      width: 110,
      align: 'right',
      render: (_, b) => t('badges.holders', { count: b.holders }),
    },
    {
      key: 'created',
      title: t('settings.createdAt'),
      width: 130,
      responsive: ['lg'],
      render: (_, b) => fmt.date(b.createdAt),
    },
    {
      key: 'actions',
      title: '',
      width: 190,
      align: 'right',
      fixed: pinned,
      render: (_, b) => (
        <Can permission="loyalty:manage">
          <Flex gap={4} justify="flex-end">
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(b)}>
              {t('loyalty.edit')}
            </Button>
            {b.archived ? (
              <Button
                size="small"
                type="text"
                icon={<RollbackOutlined />}
                loading={busy === b.id}
                onClick={() => void archive(b, false)}
              >
                {t('loyalty.unarchive')}
              </Button>
            ) : (
              <Popconfirm
                title={t('badges.archiveConfirm', { name: nameIn(b, locale) })}
                description={t('badges.archiveHint')}
                okText={t('loyalty.archive')}
                cancelText={t('common.cancel')}
                onConfirm={() => archive(b, true)}
              >
                <Button size="small" type="text" icon={<InboxOutlined />} loading={busy === b.id}>
                  {t('loyalty.archive')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Can>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('badges.title')}
        subtitle={<Typography.Text type="secondary">{t('badges.subtitle')}</Typography.Text>}
        extra={
          <Can permission="loyalty:manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('badges.create')}
            </Button>
          </Can>
        }
      />
      <Card
        size="small"
        title={list.data ? t('badges.count', { count: items.length }) : t('badges.title')}
        styles={{ body: { padding: 0 } }}
      >
        {list.error ? (
          <div style={{ padding: 12 }}>
            <ErrorState error={list.error} onRetry={list.reload} compact />
          </div>
        ) : null}
        <Table<Badge>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <div style={{ padding: 16 }}>
                <Typography.Text type="secondary">{t('badges.empty')}</Typography.Text>
              </div>
            ),
          }}
        />
      </Card>
      <BadgeDialog
        open={editing !== null}
        badge={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
