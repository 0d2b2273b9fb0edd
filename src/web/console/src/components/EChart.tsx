import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';

// Only the chart types the console draws, so the bundle stays small.
echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  VisualMapComponent,
  CanvasRenderer,
  LabelLayout,
]);

export type ChartClick = (e: { dataIndex: number; seriesIndex: number | undefined; name: string }) => void;

/**
 * One ECharts chart that follows its container's size (sider collapse, phone rotation) and
 * redraws when its option changes. Clicking a point or bar reports which one, so a figure can
 * open the list behind it.
 */
export function EChart({
  option,
  height = 300,
  onClick,
  ariaLabel,
  categoryAxis = 'x',
}: {
  option: EChartsCoreOption;
  height?: number;
  onClick?: ChartClick;
  ariaLabel: string;
  /** The axis holding the categories (days, communities): clicks anywhere in a column choose it. */
  categoryAxis?: 'x' | 'y';
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const axis = useRef(categoryAxis);
  axis.current = categoryAxis;

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (e) => {
      const ev = e as ECElementEvent;
      click.current?.({ dataIndex: ev.dataIndex, seriesIndex: ev.seriesIndex, name: ev.name });
    });
    // Clicks on the empty space of a category axis column count too (a day with no bar).
    c.getZr().on('click', (e) => {
      if (e.target || !click.current) return;
      const point = [e.offsetX, e.offsetY];
      if (!c.containPixel('grid', point)) return;
      const [x, y] = c.convertFromPixel('grid', point) as number[];
      const index = axis.current === 'x' ? x : y;
      if (typeof index === 'number' && Number.isFinite(index))
        click.current({ dataIndex: Math.round(index), seriesIndex: undefined, name: '' });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
