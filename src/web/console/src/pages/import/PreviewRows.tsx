import { useMemo } from 'react';
import { Empty, Table, Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { labelOf } from '../../i18n/labels';
import { sampleColumnLabel } from './field-label';
import { sampleTable } from './sample-table';
import type { ImportPreview } from './types';
import { lineReason, type RefusedLine } from './line-reason';

export function RejectedLines({
  items,
  pageSize = 10,
}: {
  items: (RefusedLine & { line: number })[];
  pageSize?: number;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  return (
    <Table
      rowKey="line"
      size="small"
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={items.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.noRejected')} /> }}
      columns={[
        {
          key: 'line',
          title: t('import.line'),
          width: 90,
          render: (_, r) => (
            <Typography.Text strong>{t('import.lineNo', { line: fmt.number(r.line) })}</Typography.Text>
          ),
        },
        {
          key: 'reason',
          title: t('import.reason'),
          render: (_, r) => <span className="kith-message-text">{lineReason(t, r)}</span>,
        },
      ]}
    />
  );
}

/** The first rows as Kith read them, and the lines it would refuse, with their reasons. */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const table = useMemo(
    () =>
      sampleTable(preview.sample, (key, v) => {
        if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
        if (key === 'gender' && typeof v === 'string') return labelOf(t, 'gender', v);
        // Times arrive in UTC; shown in the workspace zone like everywhere else.
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return fmt.dateTime(v);
        return undefined;
      }),
    [preview.sample, t, fmt],
  );
  return (
    <Tabs
      defaultActiveKey={preview.rejected.length && !preview.rows ? 'rejected' : 'sample'}
      items={[
        {
          key: 'sample',
          label: t('import.preview.sample', { count: table.rows.length }),
          children: (
            <Table
              rowKey="line"
              size="small"
              dataSource={table.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.preview.noRows')} />,
              }}
              columns={[
                { key: 'line', title: t('import.line'), width: 70, fixed: 'left', render: (_, r) => r.line },
                ...table.columns.map((c) => ({
                  key: c,
                  title: sampleColumnLabel(t, c),
                  render: (_: unknown, r: (typeof table.rows)[number]) => (
                    <Typography.Text ellipsis={{ tooltip: r.cells[c] }} style={{ maxWidth: 240 }}>
                      {r.cells[c] ?? ''}
                    </Typography.Text>
                  ),
                })),
              ]}
            />
          ),
        },
        {
          key: 'rejected',
          label: <span>{t('import.preview.rejected', { count: preview.rejected.length })}</span>,
          children: <RejectedLines items={preview.rejected} />,
        },
      ]}
    />
  );
}
