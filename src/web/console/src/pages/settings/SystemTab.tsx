import { Alert, Card, Descriptions, Typography } from 'antd';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { ErrorState } from '../../components/ErrorState';

const BACKUP = 'npm run kith -- backup';
const RESTORE = 'npm run kith -- restore <FILE> --replace';

/**
 * 数据与备份: where the data lives and how to back it up. Backups are made with the CLI on the
 * machine Kith runs on (see modules/system/README.md); this tab says how, and when it last happened.
 */
export function SystemTab() {
  const { t } = useI18n();
  const fmt = useFormat();
  const info = useRequest((signal) => call(api.GET('/api/v1/system', { signal })), []);
  if (info.error) return <ErrorState error={info.error} onRetry={info.reload} />;
  const d = info.data;
  const event = (e: NonNullable<typeof d>['lastBackup']) =>
    e
      ? t('system.event', { at: fmt.dateTime(e.at), by: e.by ?? '—', rows: e.rows === null ? '—' : fmt.number(e.rows) })
      : t('system.never');
  return (
    <Card loading={info.loading && !d}>
      {d ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 160 } }}
            items={[
              {
                key: 'kind',
                label: t('system.database'),
                children: t(d.database.kind === 'embedded' ? 'system.embedded' : 'system.external', {
                  version: d.database.version,
                }),
              },
              {
                key: 'location',
                label: t('system.location'),
                children: (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {d.database.location}
                  </Typography.Text>
                ),
              },
              {
                key: 'size',
                label: t('system.size'),
                children: `${fmt.number(Math.round(d.database.sizeBytes / 1048576))} MB`,
              },
              { key: 'backup', label: t('system.lastBackup'), children: event(d.lastBackup) },
              ...(d.lastRestore
                ? [{ key: 'restore', label: t('system.lastRestore'), children: event(d.lastRestore) }]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('system.howTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('system.howBackup')}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text code copyable>
              {BACKUP}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>{t('system.howRestore')}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text code copyable>
              {RESTORE}
            </Typography.Text>
          </Typography.Paragraph>
          {!d.lastBackup ? <Alert type="warning" showIcon title={t('system.noBackupYet')} /> : null}
        </>
      ) : null}
    </Card>
  );
}
