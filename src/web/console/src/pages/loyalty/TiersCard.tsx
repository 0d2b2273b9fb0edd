import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { labelOf } from '../../i18n/labels';
import { useFormat } from '../../i18n/useFormat';
import { Can } from '../../session/Can';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { benefitLine, obligationLine } from './tier-form';
import { nameIn, safeColor } from './loyalty-vocab';
import { TierDialog } from './TierDialog';
import type { Programme, Tier } from './types';
import { usePinnedActions } from './LoyaltyBits';

/** The tier's colour as a dot before its name. */
export function TierName({ tier }: { tier: Tier }) {
  const { locale } = useI18n();
  return (
    <Flex align="center" gap={6}>
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          flex: 'none',
          background: safeColor(tier.color) ?? '#8c8c8c',
        }}
      />
      <Typography.Text strong>{nameIn(tier, locale)}</Typography.Text>
    </Flex>
  );
}

/** 会员等级, lowest first: thresholds, keep thresholds, benefits and obligations; add, edit, delete. */
export function TiersCard({
  tiers,
  programme,
  loading,
  error,
  onReload,
}: {
  tiers: Tier[];
  programme: Programme;
  loading: boolean;
  error: unknown;
  onReload: () => void;
}) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Tier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const pinned = usePinnedActions();

  const remove = async (tier: Tier) => {
    setDeleting(tier.id);
    try {
      await call(api.DELETE('/api/v1/loyalty/tiers/{id}', { params: { path: { id: tier.id } } }));
      message.success(t('tiers.deleted', { name: nameIn(tier, locale) }));
      onReload();
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setDeleting(null);
    }
  };

  const columns: TableProps<Tier>['columns'] = [
    {
      key: 'name',
      title: t('tiers.col.name'),
      width: 150,
      render: (_, x, i) => (
        <div>
          <TierName tier={x} />
          <div className="kith-muted">
            {locale === 'zh-CN' ? x.nameEn : x.nameZh}
            {i === 0 ? ` · ${t('tiers.entry')}` : ''}
          </div>
        </div>
      ),
    },
    {
      key: 'threshold',
      title: t('tiers.col.threshold'),
      width: 110,
      align: 'right',
      render: (_, x) => fmt.number(x.threshold),
    },
    {
      key: 'keep',
      // On a phone the name, threshold and actions fit; the rest is on the tier's dialog.
      responsive: ['md'],
      title: t('tiers.col.keep'),
      width: 130,
      align: 'right',
      render: (_, x) => (
        <div>
          {fmt.number(x.effectiveKeepThreshold)}
          {x.keepThreshold === null ? <div className="kith-muted">{t('tiers.keepFromRatio')}</div> : null}
        </div>
      ),
    },
    {
      key: 'benefits',
      responsive: ['md'],
      title: t('tiers.col.benefits'),
      render: (_, x) =>
        x.benefits.length ? (
          <Flex gap={4} wrap style={{ maxWidth: 300 }}>
            {x.benefits.map((b, i) => {
              const line = benefitLine(b, locale);
              return (
                <Tag key={i} color={b.type === 'text' ? undefined : 'cyan'} style={{ margin: 0, whiteSpace: 'normal' }}>
                  {typeof line === 'string' ? line : t(line.key, line.values)}
                </Tag>
              );
            })}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('loyalty.none')}</Typography.Text>
        ),
    },
    {
      key: 'obligations',
      title: t('tiers.col.obligations'),
      responsive: ['md'],
      width: 200,
      render: (_, x) =>
        x.obligations.length ? (
          x.obligations.map((o, i) => {
            const l = obligationLine(o, (k) => labelOf(t, 'kind', k), sep);
            return <div key={i}>{t(l.key, l.values)}</div>;
          })
        ) : (
          <Typography.Text type="secondary">{t('loyalty.none')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: '',
      width: 96,
      align: 'right',
      fixed: pinned,
      render: (_, x) => (
        <Can permission="loyalty:manage">
          <Flex gap={4} justify="flex-end">
            <Tooltip title={t('loyalty.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                onClick={() => setEditing(x)}
                aria-label={`${t('loyalty.edit')} ${nameIn(x, locale)}`}
              />
            </Tooltip>
            <Popconfirm
              title={t('tiers.deleteConfirm', { name: nameIn(x, locale) })}
              description={t('tiers.deleteHint')}
              okText={t('loyalty.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(x)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                loading={deleting === x.id}
                aria-label={`${t('loyalty.delete')} ${nameIn(x, locale)}`}
              />
            </Popconfirm>
          </Flex>
        </Can>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={tiers.length ? t('tiers.count', { count: tiers.length }) : t('tiers.title')}
      styles={{ body: { padding: 0 } }}
      extra={
        <Can permission="loyalty:manage">
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('tiers.add')}
          </Button>
        </Can>
      }
      data-testid="tiers-card"
    >
      {error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={error} onRetry={onReload} compact />
        </div>
      ) : null}
      <Table<Tier>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tiers}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">{t('tiers.empty')}</Typography.Text>
            </div>
          ),
        }}
      />
      <TierDialog
        open={editing !== null}
        tier={editing === 'new' ? null : editing}
        programme={programme}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onReload();
        }}
      />
    </Card>
  );
}
