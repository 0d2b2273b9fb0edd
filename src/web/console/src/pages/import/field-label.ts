import { hasMessage, type Translate } from '../../i18n/I18nProvider';

/** The name of an import field (`phone`, `identity:qq`, `attr:会员等级`) in the operator's language, with its code. */
export function importFieldLabel(t: Translate, field: string): string {
  if (field.startsWith('attr:')) return t('import.field.attr', { name: field.slice(5) });
  const key = `importField.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/** A column of the preview sample (`consentMarketing`, `identities`…) in the operator's language. */
export function sampleColumnLabel(t: Translate, key: string): string {
  for (const k of [`field.${key}`, `importSample.${key}`]) if (hasMessage(k)) return t(k);
  return key;
}
