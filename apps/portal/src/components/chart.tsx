import type { EChartsOption } from 'echarts';
import { lazy, Suspense } from 'react';

// ECharts is the heaviest library of the portal (about 200 KB compressed): it loads when a chart is
// first drawn, so the figures and tables of a page show before it arrives.
const EChartsChart = lazy(() => import('./echarts-chart'));

export type ChartClick = { dataIndex: number; name: string };

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  testId?: string;
  /** Gets the clicked datum. */
  onClick?: (params: ChartClick) => void;
}

/** An ECharts chart in the portal's type; until the library arrives, an empty box of the chart's height holds its place. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 260;
  return (
    <Suspense fallback={<div aria-busy="true" style={{ height, width: '100%' }} />}>
      <EChartsChart {...props} />
    </Suspense>
  );
}
