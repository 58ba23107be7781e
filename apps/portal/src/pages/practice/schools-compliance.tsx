import { RightOutlined } from '@ant-design/icons';
import type { SchoolComplianceSummary } from '@skillbridge/contracts';
import { Button, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchoolsCompliance } from '../../api/practice.hooks';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { Chart } from '../../components/chart';
import { targetShare } from './practice-util';
import { CHART_COLORS, percentOf } from '../../components/figures';
import { TargetTag } from './school-compliance';
import { ResponsiveTable } from '../../components/responsive-table';

/** The education bureau's view of §12: every school's teachers' practice and dual-qualified share against 60 %. */
export function SchoolsCompliance({
  year,
  yearPicker,
  onOpen,
}: {
  year: number;
  yearPicker: ReactNode;
  onOpen: (schoolId: string) => void;
}) {
  const { t } = useTranslation();
  const schools = useSchoolsCompliance(year);
  return (
    <div data-testid="schools-compliance-page">
      <PageTitle title={t('practice.edu.title')} subtitle={t('practice.edu.subtitle')} extra={yearPicker} />
      <QueryState query={schools}>
        {(rows) => (
          <div className="sb-stack" style={{ opacity: schools.isPlaceholderData ? 0.6 : 1 }}>
            <CityStats rows={rows} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card title={t('practice.edu.dualChart')} className="sb-chart-card" style={{ height: '100%' }}>
                  <DualShareBars rows={rows} onOpen={onOpen} />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('practice.edu.complianceChart')} className="sb-chart-card" style={{ height: '100%' }}>
                  <ComplianceBars rows={rows} onOpen={onOpen} />
                </Card>
              </Col>
            </Row>
            <Card title={t('practice.edu.schools', { n: rows.length })}>
              <SchoolsTable rows={rows} onOpen={onOpen} />
            </Card>
          </div>
        )}
      </QueryState>
    </div>
  );
}

function CityStats({ rows }: { rows: SchoolComplianceSummary[] }) {
  const { t, i18n } = useTranslation();
  const sum = (pick: (r: SchoolComplianceSummary) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const teachers = sum((r) => r.teachers);
  const compliant = sum((r) => r.compliant);
  const specialty = sum((r) => r.specialtyCourseTeachers);
  const dual = sum((r) => r.dualQualified);
  const target = targetShare(rows[0]?.dualQualifiedTarget ?? '0.60');
  const share = specialty > 0 ? dual / specialty : 0;
  const meeting = rows.filter((r) => r.meetsDualQualifiedTarget).length;
  return (
    <Row gutter={[16, 16]} data-testid="city-compliance-summary">
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic title={t('practice.edu.schoolCount')} value={rows.length} suffix={t('practice.edu.schoolUnit')} />
          <Typography.Text type="secondary">{t('practice.edu.teacherTotal', { n: teachers })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic title={t('practice.edu.compliantTotal')} value={compliant} suffix={`/ ${teachers}`} />
          <Progress
            aria-label={t('practice.edu.compliantTotal')}
            percent={teachers > 0 ? Math.round((compliant / teachers) * 100) : 0}
            size="small"
            strokeColor={CHART_COLORS.green}
            style={{ margin: 0 }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic
            title={t('practice.edu.cityDualShare')}
            value={percentOf(share, i18n.language)}
            styles={{ content: { color: share >= target ? CHART_COLORS.green : CHART_COLORS.amber } }}
          />
          <Typography.Text type="secondary">{t('practice.school.dualOfSpecialty', { dual, total: specialty })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic
            title={t('practice.edu.meetingTarget', { target: percentOf(target, i18n.language) })}
            value={meeting}
            suffix={`/ ${rows.length}`}
            styles={{ content: { color: meeting === rows.length ? CHART_COLORS.green : CHART_COLORS.amber } }}
          />
          <Progress
            aria-label={`${meeting} / ${rows.length}`}
            percent={rows.length > 0 ? Math.round((meeting / rows.length) * 100) : 0}
            size="small"
            strokeColor={CHART_COLORS.green}
            style={{ margin: 0 }}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** Long school names wrap on the axis. */
const wrapName = (name: string, width = 8) => name.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n').trim();

/** Each school's dual-qualified share, green at or over the target line, amber under it; a click opens the school. */
function DualShareBars({ rows, onOpen }: { rows: SchoolComplianceSummary[]; onOpen: (schoolId: string) => void }) {
  const { t, i18n } = useTranslation();
  const target = targetShare(rows[0]?.dualQualifiedTarget ?? '0.60');
  const option: EChartsOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => percentOf(Number(v) / 100, i18n.language),
    },
    grid: { left: 8, right: 56, top: 28, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => wrapName(r.schoolName)),
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.text, interval: 0 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: '{value}%', color: CHART_COLORS.muted },
      splitLine: { lineStyle: { color: '#eef2f7' } },
    },
    series: [
      {
        type: 'bar',
        name: t('practice.edu.dualShareColumn'),
        barMaxWidth: 56,
        data: rows.map((r) => ({
          value: Math.round(r.dualQualifiedShare * 1000) / 10,
          itemStyle: { color: r.meetsDualQualifiedTarget ? CHART_COLORS.green : CHART_COLORS.amber, borderRadius: [4, 4, 0, 0] },
        })),
        label: { show: true, position: 'top', formatter: (p) => percentOf(Number(p.value) / 100, i18n.language), color: CHART_COLORS.text },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: CHART_COLORS.red, type: 'dashed', width: 2 },
          label: {
            formatter: t('practice.edu.targetMark', { target: percentOf(target, i18n.language) }),
            position: 'end',
            color: CHART_COLORS.red,
          },
          data: [{ yAxis: target * 100 }],
        },
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={300}
      testId="dual-share-chart"
      onClick={({ dataIndex }) => rows[dataIndex] && onOpen(rows[dataIndex].schoolId)}
    />
  );
}

/** Each school's teachers: compliant and not, stacked. */
function ComplianceBars({ rows, onOpen }: { rows: SchoolComplianceSummary[]; onOpen: (schoolId: string) => void }) {
  const { t } = useTranslation();
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: CHART_COLORS.muted }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => wrapName(r.schoolName, 10)),
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.text },
    },
    series: [
      {
        type: 'bar',
        stack: 'teachers',
        name: t('practice.compliance.compliant'),
        barMaxWidth: 28,
        itemStyle: { color: CHART_COLORS.green },
        data: rows.map((r) => r.compliant),
      },
      {
        type: 'bar',
        stack: 'teachers',
        name: t('practice.compliance.notCompliant'),
        barMaxWidth: 28,
        itemStyle: { color: '#fbd38d' },
        data: rows.map((r) => r.teachers - r.compliant),
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={300}
      testId="compliance-chart"
      onClick={({ dataIndex }) => rows[dataIndex] && onOpen(rows[dataIndex].schoolId)}
    />
  );
}

function SchoolsTable({ rows, onOpen }: { rows: SchoolComplianceSummary[]; onOpen: (schoolId: string) => void }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<SchoolComplianceSummary> = [
    {
      key: 'school',
      title: t('practice.edu.school'),
      dataIndex: 'schoolName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { key: 'teachers', title: t('practice.school.teacherCount'), dataIndex: 'teachers', width: 90, align: 'right' },
    {
      key: 'compliant',
      title: t('practice.school.compliantCount'),
      width: 170,
      sorter: (a, b) => a.compliant / Math.max(a.teachers, 1) - b.compliant / Math.max(b.teachers, 1),
      render: (_, r) => (
        <div>
          <Typography.Text>{`${r.compliant} / ${r.teachers}`}</Typography.Text>
          <Progress
            aria-label={`${r.compliant} / ${r.teachers}`}
            percent={r.teachers > 0 ? Math.round((r.compliant / r.teachers) * 100) : 0}
            size="small"
            strokeColor={CHART_COLORS.green}
            style={{ margin: 0 }}
          />
        </div>
      ),
    },
    { key: 'specialty', title: t('practice.school.specialtyCount'), dataIndex: 'specialtyCourseTeachers', width: 110, align: 'right' },
    { key: 'dual', title: t('practice.school.dualQualified'), dataIndex: 'dualQualified', width: 90, align: 'right' },
    {
      key: 'share',
      title: t('practice.edu.dualShareColumn'),
      width: 120,
      align: 'right',
      sorter: (a, b) => a.dualQualifiedShare - b.dualQualifiedShare,
      render: (_, r) => <Typography.Text strong>{percentOf(r.dualQualifiedShare, i18n.language)}</Typography.Text>,
    },
    {
      key: 'target',
      title: t('practice.edu.targetColumn'),
      width: 150,
      render: (_, r) => <TargetTag meets={r.meetsDualQualifiedTarget} target={targetShare(r.dualQualifiedTarget)} />,
    },
    {
      key: 'open',
      title: t('common.actions'),
      width: 120,
      fixed: 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(r.schoolId);
          }}
          data-testid="open-school"
        >
          {t('practice.edu.open')} <RightOutlined />
        </Button>
      ),
    },
  ];
  return (
    <ResponsiveTable<SchoolComplianceSummary>
      data-testid="schools-compliance-table"
      rowKey="schoolId"
      size="middle"
      dataSource={rows}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      rowClassName={() => 'sb-clickable-row'}
      onRow={(r) => ({ onClick: () => onOpen(r.schoolId) })}
      locale={{ emptyText: t('practice.edu.empty') }}
    />
  );
}
