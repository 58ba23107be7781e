import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { FONT_FAMILY } from '../theme';

// Only the parts of ECharts these pages draw, so that the chunk stays small.
echarts.use([BarChart, GaugeChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartClick = { dataIndex: number; name: string };

/** An ECharts chart in the portal's type; `onClick` gets the clicked datum. */
export function Chart({
  option,
  height = 260,
  testId,
  onClick,
}: {
  option: EChartsOption;
  height?: number;
  testId?: string;
  onClick?: (params: ChartClick) => void;
}) {
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
