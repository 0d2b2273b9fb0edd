import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Spin, Steps, Tooltip } from 'antd';
import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, call } from '@shared/api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useRequest } from '../../hooks/useRequest';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../components/errors';
import { ImportSetup } from './ImportSetup';
import { ColumnMapping } from './ColumnMapping';
import { PreviewRows } from './PreviewRows';
import { ImportReportView } from './ImportReportView';
import { RecentImports } from './RecentImports';
import { useImportProgress } from './useImportProgress';
import { previewImport, startImport } from './upload';
import { NewNamesChoice, type NewNames } from './NewNamesChoice';
import {
  importOptions,
  withOverride,
  type ImportKind,
  type ImportSettings,
  type MappingOverrides,
} from './import-options';

/**
 * 导入: bring members, orders and chat logs in from a CRM or a spreadsheet. Choose the file, check
 * how its columns are read (and correct them), see the rows and the lines that would be refused,
 * run it with a progress bar, then read the report — rejected lines with their line numbers.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const fmt = useFormat();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<ImportSettings>({});
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [running, setRunning] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  // What to do with communities and tags the file names that do not exist yet: asked every time.
  const [newNames, setNewNames] = useState<NewNames | null>(null);

  const options = useMemo(
    () => importOptions(kind, settings, overrides, fmt.timeZone),
    [kind, settings, overrides, fmt.timeZone],
  );
  const preview = useRequest(
    (signal) => (file ? previewImport(kind, file, options, signal) : Promise.resolve(undefined)),
    [file, kind, JSON.stringify(options)],
  );
  const progress = useImportProgress(running);
  const recent = useRequest((signal) => call(api.GET('/api/v1/imports', { signal })), [progress.report?.status]);

  const reset = () => {
    setFile(null);
    setNewNames(null);
    setOverrides({});
    setRunning(null);
    setStartError(null);
  };
  const chooseKind = (k: ImportKind) => {
    setKind(k);
    setOverrides({});
    setFile(null);
  };
  const chooseFile = (f: File | null) => {
    setFile(f);
    setNewNames(null);
    setOverrides({});
    setStartError(null);
  };

  const run = async () => {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    try {
      const r = await startImport(kind, file, newNames === 'existing' ? { ...options, onlyExisting: true } : options);
      setRunning(r.id);
      if (r.alreadyImported) message.info(t('import.alreadyImported'));
    } catch (e) {
      setStartError(describeError(e, t).message);
    } finally {
      setStarting(false);
    }
  };

  const p = file ? preview.data : undefined;
  const asksNewNames = !!p?.wouldCreate && p.wouldCreate.communities.length + p.wouldCreate.tags.length > 0;
  const canRun =
    !!p && !preview.loading && !p.missing?.length && p.rows + p.rejected.length > 0 && (!asksNewNames || !!newNames);
  const step = running !== null ? 2 : file ? 1 : 0;

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.step.file') },
          { title: t('import.step.check') },
          { title: t('import.step.report') },
        ]}
      />
      <Flex vertical gap={12}>
        {running === null ? (
          <Card size="small" title={t('import.step.file')}>
            <ImportSetup
              kind={kind}
              file={file}
              settings={settings}
              disabled={starting}
              onKind={chooseKind}
              onFile={chooseFile}
              onSettings={setSettings}
            />
          </Card>
        ) : null}

        {file && running === null ? (
          <Card size="small" title={t('import.step.check')} extra={preview.loading ? <Spin size="small" /> : null}>
            {preview.error ? <ErrorState error={preview.error} onRetry={preview.reload} compact /> : null}
            {!p && preview.loading ? (
              <Flex justify="center" style={{ padding: 32 }}>
                <Spin />
              </Flex>
            ) : null}
            {p ? (
              <Flex vertical gap={16}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2, lg: 5 }}
                  items={[
                    {
                      key: 'format',
                      label: t('import.format'),
                      children: (
                        <span data-testid="import-format">
                          {t('import.formatName', { format: p.format.toUpperCase() })}
                        </span>
                      ),
                    },
                    {
                      key: 'encoding',
                      label: t('import.encoding'),
                      children: (
                        <Tooltip title={p.encoding ? t('import.encodingHint') : undefined}>
                          <span data-testid="import-encoding">{t(`import.encoding.${p.encoding ?? 'workbook'}`)}</span>
                        </Tooltip>
                      ),
                    },
                    { key: 'rows', label: t('import.readable'), children: fmt.number(p.rows) },
                    { key: 'rejected', label: t('import.rejected'), children: fmt.number(p.rejected.length) },
                    { key: 'skipped', label: t('import.skipped'), children: fmt.number(p.skipped) },
                  ]}
                />
                {p.columns ? (
                  <ColumnMapping
                    kind={kind}
                    preview={p}
                    overrides={overrides}
                    disabled={preview.loading || starting}
                    onChange={(header, field) => setOverrides((o) => withOverride(o, header, field))}
                    onReset={() => setOverrides({})}
                  />
                ) : null}
                <PreviewRows preview={p} />
                <NewNamesChoice preview={p} value={newNames} onChange={setNewNames} disabled={starting} />
                {startError ? <Alert type="error" showIcon title={startError} role="alert" /> : null}
                <Flex justify="flex-end" gap={8} wrap>
                  <Button onClick={reset}>{t('common.cancel')}</Button>
                  <Button
                    type="primary"
                    icon={<CloudUploadOutlined />}
                    disabled={!canRun}
                    loading={starting}
                    onClick={() => void run()}
                  >
                    {t('import.run', { count: p.rows })}
                  </Button>
                </Flex>
              </Flex>
            ) : null}
          </Card>
        ) : null}

        {running !== null ? (
          <Card
            size="small"
            title={t('import.step.report')}
            extra={
              <Button
                size="small"
                icon={<ReloadOutlined />}
                onClick={reset}
                disabled={progress.report?.status === 'running'}
              >
                {t('import.another')}
              </Button>
            }
          >
            {progress.error && !progress.report ? <ErrorState error={progress.error} compact /> : null}
            {progress.report ? (
              <ImportReportView report={progress.report} />
            ) : (
              <Flex justify="center" style={{ padding: 32 }}>
                <Spin />
              </Flex>
            )}
          </Card>
        ) : null}

        <RecentImports list={recent} />
      </Flex>
    </>
  );
}
