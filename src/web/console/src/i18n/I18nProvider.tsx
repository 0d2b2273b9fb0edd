import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { CATALOG, type MessageKey } from './catalog';
import { interpolate, LOCALE_STORAGE_KEY, pickLocale, type Locale, type MessageValues } from './locale';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

interface I18n {
  locale: Locale;
  t: Translate;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    /* storage blocked: follow the browser */
  }
  return pickLocale(stored, navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The console's language: chosen once from the browser, then whatever the operator picks (kept in localStorage). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);

  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, l);
    } catch {
      /* the choice then lasts this visit only */
    }
    setLocaleState(l);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => interpolate(CATALOG[locale][key] ?? key, values, locale),
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Whether a key exists, for labels built from server values (a channel the console does not know yet). */
export const hasMessage = (key: string): key is MessageKey => key in CATALOG['zh-CN'];
