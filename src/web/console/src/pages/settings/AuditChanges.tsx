import { useMemo } from 'react';
import { Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { auditChanges, type AuditChange } from './audit-diff';
import type { AuditEntry } from './types';

const VALUE_STYLE = {
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  fontSize: 12,
  display: 'block',
  maxWidth: 420,
} as const;
const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

function Value({ v, tone }: { v: string | null; tone?: 'danger' | 'success' }) {
  if (v === null) return <Typography.Text type="secondary">—</Typography.Text>;
  // Plain text: member-written values are never read as HTML.
  return (
    <Typography.Text type={tone} style={VALUE_STYLE}>
      {v}
    </Typography.Text>
  );
}

/** Before and after of one audit entry, only what changed, side by side. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const changes = useMemo(() => auditChanges(entry.before, entry.after), [entry.before, entry.after]);
  return (
    <Flex vertical gap={6} style={{ padding: '4px 0' }}>
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      ) : (
        <Table<AuditChange>
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={changes}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'field',
              title: t('audit.field'),
              width: 160,
              render: (_, c) => (
                <Flex gap={6} align="center">
                  <Tag color={KIND_COLORS[c.kind]} style={{ margin: 0 }}>
                    {t(`audit.kind.${c.kind}`)}
                  </Tag>
                  <code>{c.field || '—'}</code>
                </Flex>
              ),
            },
            {
              key: 'before',
              title: t('audit.before'),
              render: (_, c) => <Value v={c.before} tone={c.kind === 'changed' ? 'danger' : undefined} />,
            },
            {
              key: 'after',
              title: t('audit.after'),
              render: (_, c) => <Value v={c.after} tone={c.kind === 'changed' ? 'success' : undefined} />,
            },
          ]}
        />
      )}
      {entry.requestId ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('error.requestId', { id: entry.requestId })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
