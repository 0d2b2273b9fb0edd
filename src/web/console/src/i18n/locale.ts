/**
 * Which language the console speaks, and how a message is filled in. Pure, so it is unit-tested
 * without a browser.
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const LOCALE_STORAGE_KEY = 'kith.locale';

/**
 * The operator's own choice wins; otherwise the browser's first preference: Chinese (any variant)
 * gives zh-CN, anything else English.
 */
export function pickLocale(stored: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const first = browserLanguages.find((l) => typeof l === 'string' && l.trim() !== '');
  return first && /^zh\b/i.test(first) ? 'zh-CN' : 'en';
}

export type MessageValues = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. Numbers are written the language's way (12,345). A message with
 * `|` holds the singular and the plural form, chosen by `count` ("{count} member|{count} members").
 */
export function interpolate(message: string, values: MessageValues | undefined, locale: Locale): string {
  let m = message;
  if (m.includes('|')) {
    const [one, other] = m.split('|') as [string, string];
    const count = values?.count;
    m = typeof count === 'number' && new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
  }
  if (!values) return m;
  return m.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) return whole;
    return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
  });
}
