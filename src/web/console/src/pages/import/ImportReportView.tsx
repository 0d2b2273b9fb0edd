import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { RejectedLines } from './PreviewRows';
import { rejectionsCsvUrl } from './upload';
import { importProgress } from './import-progress';
import type { ImportReport } from './types';

const STATUS_COLORS: Record<ImportReport['status'], string> = {
  running: 'processing',
  completed: 'success',
  failed: 'error',
  interrupted: 'warning',
};

export function ImportStatusTag({ status }: { status: ImportReport['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ margin: 0 }}>
      {t(`import.status.${status}`)}
    </Tag>
  );
}

/**
 * How an import went: a progress bar while it runs, then what it created, updated, found already
 * known, skipped and rejected — every rejected line with its reason, and the list to download.
 */
export function ImportReportView({ report: r }: { report: ImportReport }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const progress = importProgress(r);
  const reading = r.status === 'running' && !r.format;
  const figure = (key: string, title: string, value: number, tone?: 'success' | 'danger' | 'secondary') => (
    <Col xs={12} sm={8} lg={{ flex: '1 1 0' }} key={key}>
      <Card size="small" className="kith-kpi" data-testid={`import-${key}`}>
        <Statistic
          title={title}
          value={value}
          formatter={(v) => (
            <Typography.Text type={tone} style={{ fontSize: 'inherit' }}>
              {fmt.number(Number(v))}
            </Typography.Text>
          )}
        />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <ImportStatusTag status={r.status} />
        <Typography.Text strong>{r.fileName}</Typography.Text>
        <Typography.Text type="secondary">
          {t('import.reportMeta', {
            id: String(r.id),
            format: r.format ? r.format.toUpperCase() : '…',
            at: fmt.dateTime(r.createdAt),
          })}
        </Typography.Text>
      </Flex>
      <Progress
        percent={progress.percent}
        status={
          r.status === 'failed' || r.status === 'interrupted'
            ? 'exception'
            : r.status === 'running'
              ? 'active'
              : 'success'
        }
        // The file is read in the background after the upload: until then its rows are not counted.
        format={() =>
          reading
            ? t('import.reading')
            : t('import.progress', { done: fmt.number(progress.done), total: fmt.number(progress.total) })
        }
        aria-label={t('import.progressLabel')}
      />
      {r.alreadyImported ? <Alert type="info" showIcon title={t('import.alreadyImported')} /> : null}
      {/* A file that never read has no format: resuming it would fail the same way. */}
      {r.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t(r.format ? 'import.failed' : 'import.failedUnread')}
          description={r.error ?? undefined}
          role="alert"
        />
      ) : null}
      {r.status === 'interrupted' ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.interrupted')}
          description={t('import.interruptedHow')}
          role="alert"
        />
      ) : null}
      <Row gutter={[12, 12]}>
        {figure('created', t('import.created'), r.createdRows, 'success')}
        {figure('updated', t('import.updated'), r.updatedRows)}
        {figure('duplicate', t('import.duplicate'), r.duplicateRows, 'secondary')}
        {figure('skipped', t('import.skipped'), r.skippedRows, 'secondary')}
        {figure('rejected', t('import.rejected'), r.rejectedRows, r.rejectedRows ? 'danger' : undefined)}
      </Row>
      {r.rejectedRows > 0 ? (
        <Card
          size="small"
          title={t('import.rejectedTitle', { count: r.rejectedRows })}
          extra={
            <Button size="small" icon={<DownloadOutlined />} href={rejectionsCsvUrl(r.id)} download>
              {t('import.downloadRejected')}
            </Button>
          }
        >
          <RejectedLines items={r.rejections} />
          {r.rejections.length < r.rejectedRows ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('import.rejectedMore', { shown: r.rejections.length })}
            </Typography.Text>
          ) : null}
        </Card>
      ) : null}
    </Flex>
  );
}
