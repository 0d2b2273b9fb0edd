import type { EChartsCoreOption } from 'echarts/core';
import { BRAND } from '../../app/theme';
import type { Format } from '../../i18n/useFormat';
import type { Translate } from '../../i18n/I18nProvider';
import type { PreviewRow, Tier } from './types';

/** What the preview asks the server about: only thresholds the operator actually changed. */
export function proposals(
  tiers: readonly Tier[],
  edits: Readonly<Record<number, number | null | undefined>>,
): { tierId: number; threshold: number }[] {
  return tiers.flatMap((t) => {
    const v = edits[t.id];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v !== t.threshold
      ? [{ tierId: t.id, threshold: v }]
      : [];
  });
}

export const PROPOSED_COLOR = '#f59e0b';

/** Members per tier now and under the proposal, side by side; both counts come from the server. */
export function previewOption(
  rows: readonly PreviewRow[],
  tierName: (id: number) => string,
  t: Translate,
  fmt: Format,
): EChartsCoreOption {
  const now = t('preview.series.now');
  const proposed = t('preview.series.proposed');
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, data: [now, proposed] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt.number(v) : String(v ?? '')),
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => tierName(r.tierId)),
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => fmt.number(v) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        name: now,
        type: 'bar',
        data: rows.map((r) => r.members),
        color: BRAND,
        barMaxWidth: 28,
        labelLayout: { hideOverlap: true },
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => fmt.number(p.value) },
      },
      {
        name: proposed,
        type: 'bar',
        data: rows.map((r) => r.proposedMembers),
        color: PROPOSED_COLOR,
        barMaxWidth: 28,
        labelLayout: { hideOverlap: true },
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => fmt.number(p.value) },
      },
    ],
  };
}
