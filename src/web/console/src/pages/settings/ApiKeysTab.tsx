import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { KeyOutlined, StopOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { hasMessage } from '../../i18n/I18nProvider';
import { CreateKeyDialog, KeyShownOnce } from './ApiKeyDialogs';
import type { ApiKey } from './types';

/** Scope tags shown in a key's row; the rest are counted, and listed on hover. */
const SHOWN_SCOPES = 3;

/** API keys for integrations: what each may do, when it was last used; create (shown once) and revoke. */
export function ApiKeysTab() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const list = useRequest((signal) => call(api.GET('/api/v1/api-keys', { signal })), []);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ secret: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);
  // Keys in use first, newest on top; revoked ones stay listed below for the record.
  const keys = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.id - a.id,
  );
  const scopeLabel = (s: string) => {
    const k = `scope.${s}`;
    return hasMessage(k) ? t(k) : s;
  };

  const revoke = async (k: ApiKey) => {
    setRevoking(k.id);
    try {
      await call(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: k.id } } }));
      message.success(t('apiKeys.revoked', { name: k.name }));
      list.reload();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setRevoking(null);
    }
  };

  const columns: TableProps<ApiKey>['columns'] = [
    {
      key: 'name',
      title: t('apiKeys.name'),
      width: 180,
      render: (_, k) => (
        <div>
          <Typography.Text strong delete={!!k.revokedAt}>
            {k.name}
          </Typography.Text>
          <div className="kith-muted">
            <code>{k.prefix}…</code>
          </div>
        </div>
      ),
    },
    {
      key: 'scopes',
      title: t('apiKeys.scopes'),
      responsive: ['md'],
      render: (_, k) => (
        <Flex gap={4} wrap style={{ maxWidth: 260 }}>
          {k.scopes.slice(0, SHOWN_SCOPES).map((s) => (
            <Tag key={s} style={{ margin: 0 }}>
              {scopeLabel(s)}
            </Tag>
          ))}
          {k.scopes.length > SHOWN_SCOPES ? (
            <Tooltip title={k.scopes.slice(SHOWN_SCOPES).map(scopeLabel).join('、')}>
              <Tag style={{ margin: 0 }}>{t('members.more', { count: k.scopes.length - SHOWN_SCOPES })}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'created',
      title: t('settings.createdAt'),
      responsive: ['lg'],
      width: 124,
      render: (_, k) => fmt.date(k.createdAt),
    },
    {
      key: 'createdBy',
      title: t('apiKeys.createdBy'),
      responsive: ['lg'],
      width: 140,
      render: (_, k) =>
        !k.createdBy ? (
          <Typography.Text type="secondary">{t('apiKeys.createdByCli')}</Typography.Text>
        ) : k.createdBy.type === 'staff' ? (
          k.createdBy.name
        ) : (
          t('apiKeys.createdByKey', { name: k.createdBy.name })
        ),
    },
    {
      key: 'used',
      title: t('apiKeys.lastUsed'),
      responsive: ['sm'],
      width: 110,
      render: (_, k) =>
        k.lastUsedAt ? (
          <Tooltip title={fmt.dateTime(k.lastUsedAt)}>{fmt.relative(k.lastUsedAt)}</Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('apiKeys.neverUsed')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('staff.status'),
      width: 110,
      render: (_, k) =>
        k.revokedAt ? (
          <Tooltip title={fmt.dateTime(k.revokedAt)}>
            <Badge status="default" text={t('apiKeys.revokedState')} />
          </Tooltip>
        ) : !k.active ? (
          <Tooltip title={k.inactiveReason ? t(`apiKeys.inactive.${k.inactiveReason}`) : undefined}>
            <Badge status="warning" text={t('apiKeys.inactiveState')} />
          </Tooltip>
        ) : (
          <Badge status="success" text={t('staff.active')} />
        ),
    },
    {
      key: 'actions',
      title: '',
      width: 80,
      align: 'right',
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: k.name })}
            description={t('apiKeys.revokeHint')}
            okText={t('apiKeys.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(k)}
          >
            <Button size="small" type="text" danger icon={<StopOutlined />} loading={revoking === k.id}>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={
        list.data
          ? t('apiKeys.count', { count: list.data.items.filter((k) => !k.revokedAt).length })
          : t('settings.apiKeys')
      }
      styles={{ body: { padding: 0 } }}
      extra={
        <Button type="primary" size="small" icon={<KeyOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '8px 12px', fontSize: 13 }}>
        {t('apiKeys.intro')}{' '}
        <Typography.Link href="/api/docs" target="_blank">
          {t('apiKeys.docs')}
        </Typography.Link>
      </Typography.Paragraph>
      {list.error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={list.error} onRetry={list.reload} compact />
        </div>
      ) : null}
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={keys}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">{t('apiKeys.none')}</Typography.Text>
            </div>
          ),
        }}
      />
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(secret, name) => {
          setCreating(false);
          setShown({ secret, name });
          list.reload();
        }}
      />
      <KeyShownOnce secret={shown?.secret ?? null} name={shown?.name ?? ''} onClose={() => setShown(null)} />
    </Card>
  );
}
