import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldChoices, IGNORE, parseMissing, type ImportKind, type MappingOverrides } from './import-options';
import { importFieldLabel } from './field-label';
import type { ImportPreview } from './types';

type Column = NonNullable<ImportPreview['columns']>[number];

/**
 * Each column of the sheet, a few of its values and the field Kith reads it as. The operator can
 * point a column at another field or leave it out; the preview is read again with the choice.
 */
export function ColumnMapping({
  kind,
  preview,
  overrides,
  disabled,
  onChange,
  onReset,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  overrides: MappingOverrides;
  disabled: boolean;
  onChange: (header: string, field: string | null) => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  const fields = preview.fields ?? [];
  const missing = preview.missing ?? [];
  const missingText = missing.map((m) => {
    const p = parseMissing(m);
    return 'field' in p
      ? importFieldLabel(t, p.field)
      : t('import.mapping.oneOf', { fields: p.oneOf.map((f) => importFieldLabel(t, f)).join(t('import.mapping.or')) });
  });

  const columns: TableProps<Column>['columns'] = [
    {
      key: 'header',
      title: t('import.mapping.header'),
      width: 160,
      render: (_, c) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text strong>{c.header}</Typography.Text>
          {overrides[c.header] !== undefined ? (
            <Tag color="blue" style={{ margin: 0 }}>
              {t('import.mapping.byHand')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'examples',
      title: t('import.mapping.examples'),
      responsive: ['md'],
      render: (_, c) =>
        c.examples.length ? (
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: c.examples.join(' | ') }}
            style={{ maxWidth: 320, display: 'block' }}
          >
            {c.examples.join(' | ')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'field',
      title: t('import.mapping.field'),
      width: 240,
      render: (_, c) => (
        <Select<string>
          size="small"
          style={{ width: '100%', minWidth: 180 }}
          disabled={disabled}
          aria-label={t('import.mapping.fieldOf', { header: c.header })}
          value={c.field ?? IGNORE}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v) => onChange(c.header, v === IGNORE ? null : v)}
          options={[
            { value: IGNORE, label: t('import.field.ignore') },
            ...fieldChoices(kind, fields, c.header).map((f) => ({
              value: f.value,
              label: `${importFieldLabel(t, f.value)}${f.required ? ' *' : ''}`,
            })),
            // A field the server chose that the list lacks (identity:douyin) stays visible.
            ...(c.field && c.field !== IGNORE && !fieldChoices(kind, fields, c.header).some((f) => f.value === c.field)
              ? [{ value: c.field, label: importFieldLabel(t, c.field) }]
              : []),
          ]}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      {missing.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.mapping.missing')}
          description={missingText.join('; ')}
          role="alert"
        />
      ) : null}
      <Table<Column>
        rowKey="header"
        size="small"
        columns={columns}
        dataSource={preview.columns ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('import.mapping.hint')}
        </Typography.Text>
        {Object.keys(overrides).length ? (
          <Button size="small" onClick={onReset} disabled={disabled}>
            {t('import.mapping.reset')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
