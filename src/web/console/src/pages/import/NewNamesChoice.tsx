import { Alert, Flex, Radio, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import type { ImportPreview as Preview } from './types';

export type NewNames = 'create' | 'existing';

/**
 * Before anything is written: the communities and tags the file names that do not exist yet (a typo
 * in 所在社群 would otherwise quietly make a new group). The operator either confirms creating them
 * or imports with existing ones only, whose rows naming others are then refused and reported.
 */
export function NewNamesChoice({
  preview,
  value,
  onChange,
  disabled,
}: {
  preview: Preview;
  value: NewNames | null;
  onChange: (v: NewNames) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const w = preview.wouldCreate;
  if (!w || (w.communities.length === 0 && w.tags.length === 0)) return null;
  const list = (items: { name: string; rows: number }[]) => (
    <Flex gap={4} wrap>
      {items.map((x) => (
        <Tag key={x.name}>
          {x.name} · {t('import.newNameRows', { count: fmt.number(x.rows) })}
        </Tag>
      ))}
    </Flex>
  );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-new-names"
      title={t('import.newNamesTitle', {
        communities: fmt.number(w.communities.length),
        tags: fmt.number(w.tags.length),
      })}
      description={
        <Flex vertical gap={8}>
          {w.communities.length ? (
            <div>
              <Typography.Text strong>{t('import.newCommunities')}</Typography.Text>
              {list(w.communities)}
            </div>
          ) : null}
          {w.tags.length ? (
            <div>
              <Typography.Text strong>{t('import.newTags')}</Typography.Text>
              {list(w.tags)}
            </div>
          ) : null}
          <Radio.Group
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value as NewNames)}
            options={[
              { value: 'create', label: t('import.newNamesCreate') },
              { value: 'existing', label: t('import.newNamesExisting') },
            ]}
          />
        </Flex>
      }
    />
  );
}
