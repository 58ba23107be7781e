import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { FONT_FAMILY } from '../theme';
import type { ChartClick, ChartProps } from './chart';

// Only the parts of ECharts these pages draw, so that the chunk stays small.
echarts.use([BarChart, GaugeChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart in the portal's type; loaded through `Chart` (chart.tsx) only where a page draws one. */
export default function EChartsChart({ option, height = 260, testId, onClick }: ChartProps) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: FONT_FAMILY }, animationDuration: 400, ...option }}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: (params: ChartClick) => onClick(params) } : undefined}
      />
    </div>
  );
}
