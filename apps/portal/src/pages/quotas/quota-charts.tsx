import { QUOTA_STATUSES, type QuotaSummary } from '@skillbridge/contracts';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/chart';
import { CHART_COLORS } from '../../components/figures';
import { districtLabel, industryLabel } from '../../components/labels';
import { QUOTA_STATUS_COLOR, quotaStatusLabel } from './quota-status';

type Group = QuotaSummary['byDistrict'][number] | QuotaSummary['byIndustry'][number];

/** Enterprises of each group stacked by status; a click on a bar filters the table to that group. */
function StatusBars({
  groups,
  names,
  horizontal,
  height,
  testId,
  onPick,
}: {
  groups: Group[];
  names: string[];
  horizontal: boolean;
  height: number;
  testId: string;
  onPick: (index: number) => void;
}) {
  const { t } = useTranslation();
  const category = {
    type: 'category' as const,
    data: names,
    axisTick: { show: false },
    axisLabel: { color: CHART_COLORS.text, interval: 0 },
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: CHART_COLORS.muted },
    splitLine: { lineStyle: { color: '#eef2f7' } },
  };
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10 },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: QUOTA_STATUSES.map((status) => ({
      type: 'bar',
      stack: 'enterprises',
      name: quotaStatusLabel(t, status),
      barMaxWidth: 36,
      itemStyle: { color: QUOTA_STATUS_COLOR[status] },
      emphasis: { focus: 'series' },
      data: groups.map((g) => g[status]),
    })),
  };
  return <Chart option={option} height={height} testId={testId} onClick={({ dataIndex }) => onPick(dataIndex)} />;
}

/** Both charts stand side by side at the height the industries' bars need. */
const chartHeight = (summary: QuotaSummary) => Math.max(280, summary.byIndustry.length * 30 + 60);

export function DistrictChart({ summary, onPick }: { summary: QuotaSummary; onPick: (district: string) => void }) {
  const { t } = useTranslation();
  const groups = summary.byDistrict;
  return (
    <StatusBars
      groups={groups}
      names={groups.map((g) => districtLabel(t, g.district))}
      horizontal={false}
      height={chartHeight(summary)}
      testId="district-chart"
      onPick={(i) => groups[i] && onPick(groups[i].district)}
    />
  );
}

export function IndustryChart({ summary, onPick }: { summary: QuotaSummary; onPick: (industry: string) => void }) {
  const { t } = useTranslation();
  const groups = summary.byIndustry;
  return (
    <StatusBars
      groups={groups}
      names={groups.map((g) => industryLabel(t, g.industry))}
      horizontal
      height={chartHeight(summary)}
      testId="industry-chart"
      onPick={(i) => groups[i] && onPick(groups[i].industry)}
    />
  );
}
