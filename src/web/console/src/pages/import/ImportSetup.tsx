import { Checkbox, Col, Flex, Form, Input, Row, Segmented, Select, Typography, Upload } from 'antd';
import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { useCommunities } from '../../hooks/useCommunities';
import { IMPORT_KINDS, type ImportKind, type ImportSettings } from './import-options';

const ACCEPT: Record<ImportKind, string> = {
  members: '.csv,.xlsx,.txt,.tsv',
  orders: '.csv,.xlsx,.txt,.tsv',
  chat: '.txt,.csv,.json',
};
const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/** Step 1: what to import, the file, and the few options of that kind. */
export function ImportSetup({
  kind,
  file,
  settings,
  disabled,
  onKind,
  onFile,
  onSettings,
}: {
  kind: ImportKind;
  file: File | null;
  settings: ImportSettings;
  disabled: boolean;
  onKind: (k: ImportKind) => void;
  onFile: (f: File | null) => void;
  onSettings: (s: ImportSettings) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const communities = useCommunities();
  const zones = [...new Set([fmt.timeZone, ...ZONES])];
  const set = (patch: Partial<ImportSettings>) => onSettings({ ...settings, ...patch });

  return (
    <Flex vertical gap={16}>
      <div>
        <Segmented<ImportKind>
          value={kind}
          onChange={onKind}
          disabled={disabled}
          aria-label={t('import.kindLabel')}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t(`import.kindHint.${kind}`)}
        </Typography.Paragraph>
      </div>
      <Upload.Dragger
        accept={ACCEPT[kind]}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(f) => {
          onFile(f);
          return false;
        }}
        aria-label={t('import.choose')}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        {file ? (
          <p className="ant-upload-text">
            <PaperClipOutlined /> {file.name}{' '}
            <Typography.Text type="secondary">
              ({t('import.size', { kb: fmt.number(Math.max(1, Math.round(file.size / 1024))) })})
            </Typography.Text>
          </p>
        ) : (
          <p className="ant-upload-text">{t('import.choose')}</p>
        )}
        <p className="ant-upload-hint">{file ? t('import.chooseAnother') : t(`import.accept.${kind}`)}</p>
      </Upload.Dragger>
      <Form layout="vertical" disabled={disabled}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('import.timeZone')} extra={t('import.timeZoneHint')} style={{ marginBottom: 8 }}>
              <Select
                value={settings.timeZone ?? fmt.timeZone}
                onChange={(timeZone) => set({ timeZone })}
                showSearch={{ optionFilterProp: 'label' }}
                options={zones.map((z) => ({ value: z, label: z }))}
                aria-label={t('import.timeZone')}
              />
            </Form.Item>
          </Col>
          {kind === 'members' ? (
            <Col xs={24} md={16}>
              <Form.Item label={t('import.unmappedLabel')} style={{ marginBottom: 8 }}>
                <Checkbox checked={!!settings.keepUnmapped} onChange={(e) => set({ keepUnmapped: e.target.checked })}>
                  {t('import.keepUnmapped')}
                </Checkbox>
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'orders' ? (
            <Col xs={24} md={8}>
              <Form.Item label={t('import.source')} extra={t('import.sourceHint')} style={{ marginBottom: 8 }}>
                <Input
                  value={settings.source ?? ''}
                  onChange={(e) => set({ source: e.target.value })}
                  maxLength={100}
                  placeholder="orders-import"
                />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'chat' ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item label={t('import.community')} extra={t('import.communityHint')} style={{ marginBottom: 8 }}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    value={settings.communityId}
                    onChange={(communityId) => set({ communityId })}
                    loading={communities.loading}
                    options={(communities.data ?? [])
                      .filter((c) => !c.archived)
                      .map((c) => ({ value: c.id, label: c.name }))}
                    placeholder={t('import.communityAuto')}
                    aria-label={t('import.community')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('import.group')} extra={t('import.groupHint')} style={{ marginBottom: 8 }}>
                  <Input
                    value={settings.group ?? ''}
                    onChange={(e) => set({ group: e.target.value })}
                    maxLength={100}
                  />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      </Form>
    </Flex>
  );
}
