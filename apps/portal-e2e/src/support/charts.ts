import type { Page } from 'playwright-core';

/** One drawn bar (or pie sector, as a share of the circle) against what its datum says it should be. */
export interface DrawnMark {
  chart: string;
  series: string;
  index: number;
  category: string;
  value: number;
  /** The extent along the value axis its datum maps to (ECharts' own `convertToPixel`), in pixels; a sector's share of the circle. */
  expected: [number, number];
  /** The extent of the element on the canvas, once the chart stands still. */
  drawn: [number, number];
}

/** The parts of an ECharts instance (and its model) the measurement reads; the page's ECharts is not imported here. */
interface Shape {
  x: number;
  y: number;
  width: number;
  height: number;
  startAngle: number;
  endAngle: number;
}
interface SeriesOption {
  type: string;
  name?: string;
  stack?: string;
  data: Array<number | { value: number; name?: string } | null>;
}
interface MeasuredChart {
  isDisposed(): boolean;
  getOption(): { series: SeriesOption[]; xAxis: Array<{ data?: string[] }>; yAxis: Array<{ data?: string[] }> };
  getModel(): {
    getSeriesCount(): number;
    getSeriesByIndex(index: number): {
      getBaseAxis(): { dim: string };
      getData(): { getItemGraphicEl(index: number): { shape: Shape } | undefined };
    };
  };
  convertToPixel(finder: { seriesIndex: number }, value: number[]): number[];
}
type ChartHost = HTMLElement & { __chart?: MeasuredChart };

/** The charts on the page, by `data-testid` (every `Chart` of the portal carries one). */
export async function chartsOnPage(page: Page): Promise<string[]> {
  return page.locator('[data-chart="echarts"]').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-testid') ?? '?'));
}

/**
 * Every bar of a chart and every sector of a pie, measured: the element ECharts drew (its shape
 * after the animation ends) against the pixels its datum maps to through the chart's own axes
 * (`convertToPixel`), stacked bars on top of the series stacked before them, as the option says.
 */
export async function drawnMarks(page: Page, testId: string): Promise<DrawnMark[]> {
  const host = page.locator(`[data-testid="${testId}"][data-chart="echarts"]`).first();
  await host.locator('canvas').first().waitFor();
  // Measured as soon as the chart is drawn, not after its animations: what a reader (or a screenshot) sees at
  // any moment must be true, so a bar may not grow towards its value while its label already shows it.
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"][data-chart="echarts"]`) as ChartHost | null;
    const chart = el?.__chart;
    return !!chart && !chart.isDisposed() && (chart.getModel()?.getSeriesCount() ?? 0) > 0;
  }, testId);
  return host.evaluate((el, chartName) => {
    type Datum = number | { value: number } | null;
    const chart = (el as ChartHost).__chart!;
    const option = chart.getOption();
    const raw = (d: Datum) => (d === null || d === undefined ? 0 : typeof d === 'number' ? d : Number(d.value));
    const marks: DrawnMark[] = [];
    const stacks = new Map<string, number[]>();
    option.series.forEach((series, seriesIndex) => {
      const model = chart.getModel().getSeriesByIndex(seriesIndex);
      const data = model.getData();
      if (series.type === 'bar') {
        const horizontal = model.getBaseAxis().dim === 'y';
        const categoryAxis = horizontal ? option.yAxis[0] : option.xAxis[0];
        const below = series.stack ? (stacks.get(series.stack) ?? []) : [];
        (series.data as Datum[]).forEach((datum, index) => {
          const value = raw(datum);
          const base = below[index] ?? 0;
          const point = (v: number) => {
            const [x, y] = chart.convertToPixel({ seriesIndex }, horizontal ? [v, index] : [index, v]);
            return horizontal ? x : y;
          };
          const shape = data.getItemGraphicEl(index)?.shape ?? { x: NaN, y: NaN, width: NaN, height: NaN };
          const [from, to] = horizontal ? [shape.x, shape.x + shape.width] : [shape.y + shape.height, shape.y];
          const sorted = (a: number, b: number): [number, number] => [Math.min(a, b), Math.max(a, b)];
          marks.push({
            chart: chartName,
            series: String(series.name ?? seriesIndex),
            index,
            category: String(categoryAxis.data?.[index] ?? index),
            value,
            expected: sorted(point(base), point(base + value)),
            drawn: value === 0 && !data.getItemGraphicEl(index) ? sorted(point(base), point(base)) : sorted(from, to),
          });
          below[index] = base + value;
        });
        if (series.stack) stacks.set(series.stack, below);
      } else if (series.type === 'pie') {
        const values = (series.data as Datum[]).map(raw);
        const total = values.reduce((a, b) => a + b, 0);
        values.forEach((value, index) => {
          const shape = data.getItemGraphicEl(index)?.shape;
          const share = shape ? Math.abs(shape.endAngle - shape.startAngle) / (2 * Math.PI) : 0;
          // As per mille of the circle, so that the same tolerance of a pixel reads as 0.1 %.
          marks.push({
            chart: chartName,
            series: String(series.name ?? seriesIndex),
            index,
            category: String((series.data[index] as { name?: string })?.name ?? index),
            value,
            expected: [0, total > 0 ? (1000 * value) / total : 0],
            drawn: [0, 1000 * share],
          });
        });
      }
    });
    return marks;
  }, testId);
}

/** The marks whose drawn extent is off its datum by more than a pixel (a sector: by more than 0.1 % of the circle). */
export const untrue = (marks: DrawnMark[]) =>
  marks.filter((m) => Math.abs(m.drawn[0] - m.expected[0]) > 1 || Math.abs(m.drawn[1] - m.expected[1]) > 1);
