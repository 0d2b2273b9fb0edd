import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useFormat } from '../../i18n/useFormat';
import { addDays } from '../../i18n/format';

const DAY = 'YYYY-MM-DD';

/**
 * A range of workspace days over an instant filter of the API: [start of the first day, start of
 * the day after the last) — the same cut the overview counts with, so its links show here as the
 * days they were.
 */
export function DayRangeFilter({
  from,
  to,
  label,
  onChange,
}: {
  from?: string;
  to?: string;
  label: string;
  onChange: (from?: string, to?: string) => void;
}) {
  const fmt = useFormat();
  const first = from ? fmt.dayOf(from) : null;
  const last = to ? fmt.dayOf(new Date(Date.parse(to) - 1)) : null;
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      prefix={<span className="kith-muted">{label}</span>}
      aria-label={label}
      value={[first ? dayjs(first, DAY) : null, last ? dayjs(last, DAY) : null]}
      onChange={(v) => {
        const a = v?.[0]?.format(DAY);
        const b = v?.[1]?.format(DAY);
        onChange(a ? fmt.dayStart(a) : undefined, b ? fmt.dayStart(addDays(b, 1)) : undefined);
      }}
    />
  );
}
