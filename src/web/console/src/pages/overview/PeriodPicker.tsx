import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import { periodPresets, type DayRange } from './period';

const DAY = 'YYYY-MM-DD';

/** A period of whole workspace days, with the usual quick choices. Days after today cannot be picked. */
export function PeriodPicker({
  value,
  today,
  onChange,
}: {
  value: DayRange;
  today: string;
  onChange: (r: DayRange) => void;
}) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      aria-label={t('period.label')}
      allowClear={false}
      value={[dayjs(value.from, DAY), dayjs(value.to, DAY)]}
      disabledDate={(d) => d.format(DAY) > today}
      presets={periodPresets(today).map((p) => ({
        label: t(p.label),
        value: [dayjs(p.range.from, DAY), dayjs(p.range.to, DAY)] as [Dayjs, Dayjs],
      }))}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange({ from: v[0].format(DAY), to: v[1].format(DAY) });
      }}
    />
  );
}
