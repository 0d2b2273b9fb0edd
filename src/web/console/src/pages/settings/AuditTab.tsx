import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { App, AutoComplete, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n, hasMessage } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { DayRangeFilter } from '../members/DayRangeFilter';
import { AuditChanges } from './AuditChanges';
import {
  ACTION_PREFIXES,
  ACTOR_TYPES,
  TARGET_TYPES,
  auditQueryToParams,
  parseAuditQuery,
  targetPath,
  type AuditQuery,
} from './audit-query';
import type { AuditEntry } from './types';

const PAGE = 50;

/**
 * 审计日志: every write by staff and API keys, newest first, filtered by who, what and when (the
 * filter lives in the address), with each entry's before and after.
 */
export function AuditTab() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { search } = useLocation();
  const query = useMemo(() => parseAuditQuery(new URLSearchParams(search)), [search]);
  const [action, setAction] = useState(query.action ?? '');
  const [targetId, setTargetId] = useState(query.targetId ?? '');
  useEffect(() => {
    setAction(query.action ?? '');
    setTargetId(query.targetId ?? '');
  }, [query.action, query.targetId]);
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const first = useRequest(
    (signal) => call(api.GET('/api/v1/audit', { params: { query: { ...query, limit: PAGE } }, signal })),
    [search],
  );
  useEffect(() => {
    setMore([]);
    setNext(first.data?.nextCursor ?? null);
  }, [first.data]);
  const items = [...(first.data?.items ?? []), ...more];

  const set = (patch: Partial<AuditQuery>) => {
    // From the address itself, not this render's copy: two filters set in quick succession both stay.
    const current = parseAuditQuery(new URLSearchParams(window.location.search));
    const s = auditQueryToParams({ ...current, ...patch }).toString();
    navigate({ search: s ? `?${s}` : '' }, { replace: true });
  };
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await call(api.GET('/api/v1/audit', { params: { query: { ...query, limit: PAGE, cursor: next } } }));
      setMore((m) => [...m, ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      message.error(describeError(e, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const actionLabel = (a: string) => {
    const k = `auditAction.${a}`;
    return hasMessage(k) ? t(k) : null;
  };
  const targetLabel = (x: string) => {
    const k = `auditTarget.${x}`;
    return hasMessage(k) ? t(k) : x;
  };
  const filtered = Object.values(query).some(Boolean);

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      title: t('audit.at'),
      width: 170,
      render: (_, e) => (
        <Tooltip title={fmt.relative(e.occurredAt)}>
          <span style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.occurredAt)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 200,
      render: (_, e) => (
        <div>
          <Typography.Text ellipsis style={{ maxWidth: 220 }}>
            {e.actorLabel}
          </Typography.Text>
          <div className="kith-muted">{t(`audit.actorType.${e.actorType}` as 'audit.actorType.staff')}</div>
        </div>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      width: 220,
      render: (_, e) => (
        <div>
          <Tag color="blue" style={{ margin: 0 }}>
            <code>{e.action}</code>
          </Tag>
          {actionLabel(e.action) ? <div className="kith-muted">{actionLabel(e.action)}</div> : null}
        </div>
      ),
    },
    {
      key: 'target',
      title: t('audit.target'),
      responsive: ['sm'],
      width: 180,
      render: (_, e) => {
        const path = targetPath(e.targetType, e.targetId);
        const text = `${targetLabel(e.targetType)}${e.targetId ? ` #${e.targetId}` : ''}`;
        return path ? <Link to={path}>{text}</Link> : <span>{text}</span>;
      },
    },
  ];

  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Flex gap={8} wrap className="kith-filters" style={{ padding: 12 }}>
        <Select
          allowClear
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={query.actorType}
          style={{ width: 140 }}
          onChange={(actorType) => set({ actorType })}
          options={ACTOR_TYPES.map((a) => ({ value: a, label: t(`audit.actorType.${a}`) }))}
        />
        <AutoComplete
          value={action}
          style={{ width: 200 }}
          placeholder={t('audit.actionPlaceholder')}
          aria-label={t('audit.action')}
          options={ACTION_PREFIXES.filter((a) => a.startsWith(action)).map((a) => ({
            value: a,
            label: (
              <span>
                <code>{a}</code> <span className="kith-muted">{actionLabel(a)}</span>
              </span>
            ),
          }))}
          onChange={setAction}
          onSelect={(v: string) => set({ action: v })}
          onBlur={() => {
            if ((action.trim() || undefined) !== query.action) set({ action: action.trim() || undefined });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set({ action: action.trim() || undefined });
          }}
          allowClear
          onClear={() => set({ action: undefined })}
        />
        <Select
          allowClear
          placeholder={t('audit.targetType')}
          aria-label={t('audit.targetType')}
          value={query.targetType}
          style={{ width: 150 }}
          onChange={(targetType) => set({ targetType })}
          options={TARGET_TYPES.map((x) => ({ value: x, label: targetLabel(x) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.targetId')}
          aria-label={t('audit.targetId')}
          value={targetId}
          style={{ width: 150 }}
          maxLength={100}
          onChange={(e) => {
            setTargetId(e.target.value);
            if (!e.target.value && query.targetId) set({ targetId: undefined });
          }}
          onSearch={(v) => set({ targetId: v.trim() || undefined })}
        />
        <DayRangeFilter
          from={query.from}
          to={query.to}
          label={t('audit.date')}
          onChange={(from, to) => set({ from, to })}
        />
        {filtered ? (
          <Button icon={<ClearOutlined />} onClick={() => navigate({ search: '' }, { replace: true })}>
            {t('members.filter.reset')}
          </Button>
        ) : null}
      </Flex>
      {first.error ? (
        <div style={{ padding: '0 12px 12px' }}>
          <ErrorState error={first.error} onRetry={first.reload} compact />
        </div>
      ) : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={first.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <AuditChanges entry={e} />,
          rowExpandable: (e) => e.before !== null || e.after !== null,
        }}
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">
                {filtered ? t('audit.emptyFiltered') : t('audit.empty')}
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
    </Card>
  );
}
