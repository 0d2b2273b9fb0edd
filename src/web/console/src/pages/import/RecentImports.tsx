import { useState } from 'react';
import { Button, Card, Drawer, Grid, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { ErrorState } from '../../components/ErrorState';
import type { Request } from '../../hooks/useRequest';
import { ImportReportView, ImportStatusTag } from './ImportReportView';
import type { ImportReport } from './types';

/** The latest imports of the workspace, newest first; each opens its report. */
export function RecentImports({ list }: { list: Request<{ items: ImportReport[] }> }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState<ImportReport | null>(null);
  const columns: TableProps<ImportReport>['columns'] = [
    { key: 'id', title: '#', width: 60, render: (_, r) => r.id },
    {
      key: 'file',
      title: t('import.file'),
      render: (_, r) => (
        <Typography.Link onClick={() => setOpen(r)} ellipsis style={{ maxWidth: 260 }}>
          {r.fileName}
        </Typography.Link>
      ),
    },
    {
      key: 'kind',
      title: t('import.kindColumn'),
      width: 90,
      responsive: ['sm'],
      render: (_, r) => t(`import.kind.${r.kind}` as 'import.kind.members'),
    },
    {
      key: 'status',
      title: t('import.statusLabel'),
      width: 90,
      render: (_, r) => <ImportStatusTag status={r.status} />,
    },
    {
      key: 'rows',
      title: t('import.rows'),
      width: 90,
      responsive: ['md'],
      align: 'right',
      render: (_, r) => fmt.number(r.totalRows),
    },
    {
      key: 'created',
      title: t('import.created'),
      width: 90,
      responsive: ['md'],
      align: 'right',
      render: (_, r) => fmt.number(r.createdRows),
    },
    {
      key: 'rejected',
      title: t('import.rejected'),
      width: 90,
      align: 'right',
      render: (_, r) =>
        r.rejectedRows ? <Typography.Text type="danger">{fmt.number(r.rejectedRows)}</Typography.Text> : '0',
    },
    {
      key: 'at',
      title: t('import.startedAt'),
      width: 170,
      responsive: ['lg'],
      render: (_, r) => fmt.dateTime(r.createdAt),
    },
    {
      key: 'open',
      title: '',
      width: 80,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => setOpen(r)}>
          {t('import.viewReport')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small" title={t('import.recent')} styles={{ body: { padding: 0 } }}>
      {list.error ? (
        <div style={{ padding: 12 }}>
          <ErrorState error={list.error} onRetry={list.reload} compact />
        </div>
      ) : null}
      <Table<ImportReport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        pagination={
          (list.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false
        }
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <div style={{ padding: 16 }}>
              <Typography.Text type="secondary">{t('import.noImports')}</Typography.Text>
            </div>
          ),
        }}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        title={t('import.reportTitle', { id: String(open?.id ?? '') })}
        size={screens.md ? 720 : '100%'}
        destroyOnHidden
      >
        {open ? <ImportReportView report={open} /> : null}
      </Drawer>
    </Card>
  );
}
