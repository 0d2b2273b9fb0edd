import { useMemo } from 'react';
import { useI18n } from './I18nProvider';
import { useSession } from '../session/SessionProvider';
import * as f from './format';

/** The formatters bound to the operator's language and the workspace time zone. */
export function useFormat() {
  const { locale } = useI18n();
  const { state } = useSession();
  const timeZone =
    state.status === 'signedIn' ? state.workspace.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useMemo(
    () => ({
      locale,
      timeZone,
      number: (n: number) => f.formatNumber(n, locale),
      percent: (p: number, signed = false) => f.formatPercent(p, locale, { signed }),
      money: (amount: string | number, currency = 'CNY') => f.formatMoney(amount, currency, locale),
      date: (v: string | Date) => f.formatDate(v, locale, timeZone),
      dateTime: (v: string | Date) => f.formatDateTime(v, locale, timeZone),
      day: (d: string) => f.formatDay(d, locale),
      fullDay: (d: string) => f.formatFullDay(d, locale),
      relative: (v: string | Date) => f.formatRelative(v, new Date(), locale),
      /** The instant a workspace day starts, for the API's date-time filters. */
      dayStart: (d: string) => f.zonedDayStart(d, timeZone),
      dayOf: (v: string | Date) => f.dayIn(v, timeZone),
      /** The instant a workspace wall-clock time is (a date and HH:mm picked in the console). */
      wallTime: (date: string, time: string) => f.zonedDateTime(date, time, timeZone),
      timeOf: (v: string | Date) => f.timeIn(v, timeZone),
    }),
    [locale, timeZone],
  );
}
export type Format = ReturnType<typeof useFormat>;
