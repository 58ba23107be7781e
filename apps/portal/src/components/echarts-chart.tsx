import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useCallback, useRef } from 'react';
import { FONT_FAMILY } from '../theme';
import type { ChartClick, ChartProps } from './chart';

// Only the parts of ECharts these pages draw, so that the chunk stays small.
echarts.use([BarChart, GaugeChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * The chart's box carries its ECharts instance (`chartOf` reads it): the browser tests compare each
 * bar's drawn extent with its datum through ECharts' own `convertToPixel`, which only the instance has.
 */
export interface ChartHost extends HTMLDivElement {
  __chart?: echarts.ECharts;
}

/**
 * An ECharts chart in the portal's type; loaded through `Chart` (chart.tsx) only where a page draws one.
 * Drawn without animation: a bar growing from zero while its label already reads 62.5 % shows a figure
 * that is not true (and a screenshot or print caught in that moment keeps it); every frame is the data.
 */
export default function EChartsChart({ option, height = 260, testId, onClick }: ChartProps) {
  const host = useRef<ChartHost>(null);
  const onChartReady = useCallback((instance: echarts.ECharts) => {
    if (host.current) host.current.__chart = instance;
  }, []);
  return (
    <div data-testid={testId} data-chart="echarts" ref={host}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: FONT_FAMILY }, ...option, animation: false }}
        notMerge
        style={{ height, width: '100%' }}
        onChartReady={onChartReady}
        onEvents={onClick ? { click: (params: ChartClick) => onClick(params) } : undefined}
      />
    </div>
  );
}
