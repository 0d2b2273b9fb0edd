import type { EChartsCoreOption } from 'echarts/core';
import { CHART } from '../../app/theme';
import type { Format } from '../../i18n/useFormat';
import type { Translate } from '../../i18n/I18nProvider';
import type { CommunityTrend } from './types';

/**
 * Joins and leaves per day as bars, members at the end of each day as a line on its own axis (not smoothed: a
 * smoothed line would dip below counts that never happened): a
 * group that grows by inviting shows green bars lifting the line; a crisis shows red ones.
 */
export function trendOption(d: CommunityTrend, t: Translate, fmt: Format): EChartsCoreOption {
  const num = (v: number) => fmt.number(v);
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      data: [t('community.trend.joined'), t('community.trend.left'), t('community.trend.members')],
    },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? num(v) : String(v ?? '')) },
    xAxis: { type: 'category', data: d.days.map((x) => fmt.day(x.date)), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { formatter: num }, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', scale: true, minInterval: 1, axisLabel: { formatter: num }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('community.trend.joined'),
        type: 'bar',
        data: d.days.map((x) => x.joined),
        color: CHART.joined,
        barMaxWidth: 12,
      },
      {
        name: t('community.trend.left'),
        type: 'bar',
        data: d.days.map((x) => x.left),
        color: CHART.left,
        barMaxWidth: 12,
      },
      {
        name: t('community.trend.members'),
        type: 'line',
        yAxisIndex: 1,
        data: d.days.map((x) => x.members),
        showSymbol: false,
        color: CHART.members,
        areaStyle: { opacity: 0.06 },
      },
    ],
  };
}
