import { addDays } from '../../i18n/format';
import type { MessageKey } from '../../i18n/catalog';

export interface DayRange {
  from: string;
  to: string;
}

/** Quick periods, counted back from today in the workspace time zone. */
export function periodPresets(today: string): { label: MessageKey; range: DayRange }[] {
  const month = today.slice(0, 7);
  const firstOfMonth = `${month}-01`;
  const lastMonthEnd = addDays(firstOfMonth, -1);
  return [
    { label: 'period.last7', range: { from: addDays(today, -6), to: today } },
    { label: 'period.last30', range: { from: addDays(today, -29), to: today } },
    { label: 'period.last90', range: { from: addDays(today, -89), to: today } },
    { label: 'period.thisMonth', range: { from: firstOfMonth, to: today } },
    { label: 'period.lastMonth', range: { from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd } },
    { label: 'period.last365', range: { from: addDays(today, -364), to: today } },
  ];
}
