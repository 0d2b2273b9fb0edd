import type { EChartsCoreOption } from 'echarts/core';
import { CHART } from '../../app/theme';
import type { Format } from '../../i18n/useFormat';
import type { Translate } from '../../i18n/I18nProvider';
import type { Overview } from './types';

/**
 * ECharts options of the overview, built from the API answer. Labels and numbers go through the
 * same formatters as the rest of the console, so the charts switch language with it.
 */
const grid = { left: 8, right: 8, top: 40, bottom: 8, containLabel: true };
const legend = { top: 0, left: 0, itemWidth: 14, itemHeight: 8 };

function axisTooltip(fmt: Format) {
  return {
    trigger: 'axis' as const,
    valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt.number(v) : String(v ?? '')),
  };
}

export function growthOption(d: Overview, t: Translate, fmt: Format): EChartsCoreOption {
  return {
    grid,
    legend: { ...legend, data: [t('overview.series.total'), t('overview.series.new')] },
    tooltip: axisTooltip(fmt),
    xAxis: { type: 'category', data: d.days.map((x) => fmt.day(x.date)), axisTick: { alignWithLabel: true } },
    yAxis: [
      {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => fmt.number(v) },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('overview.series.total'),
        type: 'line',
        data: d.days.map((x) => x.totalMembers),
        smooth: true,
        showSymbol: false,
        color: CHART.members,
        areaStyle: { opacity: 0.08 },
      },
      {
        name: t('overview.series.new'),
        type: 'bar',
        yAxisIndex: 1,
        data: d.days.map((x) => x.newMembers),
        color: CHART.newMembers,
        barMaxWidth: 16,
      },
    ],
  };
}

export function activityOption(d: Overview, t: Translate, fmt: Format): EChartsCoreOption {
  return {
    grid,
    legend: { ...legend, data: [t('overview.series.messages'), t('overview.series.active')] },
    tooltip: axisTooltip(fmt),
    xAxis: { type: 'category', data: d.days.map((x) => fmt.day(x.date)), axisTick: { alignWithLabel: true } },
    yAxis: [
      {
        type: 'value',
        axisLabel: { formatter: (v: number) => fmt.number(v) },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('overview.series.messages'),
        type: 'bar',
        data: d.days.map((x) => x.messages),
        color: CHART.messages,
        barMaxWidth: 16,
      },
      {
        name: t('overview.series.active'),
        type: 'line',
        yAxisIndex: 1,
        data: d.days.map((x) => x.activeMembers),
        smooth: true,
        showSymbol: false,
        color: CHART.active,
      },
    ],
  };
}

/** Horizontal bars: long Chinese group names stay readable, also on a phone. */
export function communityFlowOption(d: Overview, t: Translate, fmt: Format): EChartsCoreOption {
  const rows = [...d.communities].reverse(); // busiest on top
  return {
    grid: { ...grid, right: 24 },
    legend: { ...legend, data: [t('overview.series.joined'), t('overview.series.left')] },
    tooltip: { ...axisTooltip(fmt), axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => fmt.number(v) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: { type: 'category', data: rows.map((c) => c.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        name: t('overview.series.joined'),
        type: 'bar',
        data: rows.map((c) => c.joined),
        color: CHART.joined,
        barMaxWidth: 14,
        label: { show: true, position: 'right', fontSize: 11 },
      },
      {
        name: t('overview.series.left'),
        type: 'bar',
        data: rows.map((c) => c.left),
        color: CHART.left,
        barMaxWidth: 14,
        label: { show: true, position: 'right', fontSize: 11 },
      },
    ],
  };
}
