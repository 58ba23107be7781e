import { ArrowLeftOutlined, CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { SchoolComplianceRow, SchoolComplianceSummary } from '@skillbridge/contracts';
import { Button, Card, Col, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchoolCompliance } from '../../api/practice.hooks';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { Chart } from '../../components/chart';
import { targetShare } from './practice-util';
import { CHART_COLORS, percentOf } from '../../components/figures';
import { ResponsiveTable } from '../../components/responsive-table';

/** One school's teachers against §12: a row each, the dual-qualified share against its target, and charts. */
export function SchoolCompliance({
  schoolId,
  year,
  yearPicker,
  onBack,
}: {
  schoolId: string;
  year: number;
  yearPicker: ReactNode;
  onBack?: () => void;
}) {
  const { t } = useTranslation();
  const compliance = useSchoolCompliance(schoolId, year);
  const name = compliance.data?.summary.schoolName;

  return (
    <div data-testid="school-compliance-page" data-school-id={schoolId}>
      <PageTitle
        title={name ? t('practice.school.titleOf', { school: name }) : t('practice.school.title')}
        subtitle={t('practice.school.subtitle')}
        extra={
          <>
            {onBack && (
              <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="compliance-back">
                {t('practice.school.back')}
              </Button>
            )}
            {yearPicker}
          </>
        }
      />
      <QueryState query={compliance}>
        {({ summary, teachers }) => (
          <div className="sb-stack" style={{ opacity: compliance.isPlaceholderData ? 0.6 : 1 }}>
            <SummaryStats summary={summary} rows={teachers} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={8}>
                <Card title={t('practice.school.dualChart')} className="sb-chart-card" style={{ height: '100%' }}>
                  <DualQualifiedGauge summary={summary} />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card title={t('practice.school.statusChart')} className="sb-chart-card" style={{ height: '100%' }}>
                  <StatusDonut rows={teachers} />
                </Card>
              </Col>
              <Col xs={24} lg={8}>
                <Card title={t('practice.school.servedChart')} className="sb-chart-card" style={{ height: '100%' }}>
                  <ServedHistogram rows={teachers} />
                </Card>
              </Col>
            </Row>
            <Card title={t('practice.school.teachers', { n: teachers.length })}>
              <TeachersTable rows={teachers} />
            </Card>
          </div>
        )}
      </QueryState>
    </div>
  );
}

function SummaryStats({ summary, rows }: { summary: SchoolComplianceSummary; rows: SchoolComplianceRow[] }) {
  const { t, i18n } = useTranslation();
  const target = targetShare(summary.dualQualifiedTarget);
  const complianceRate = summary.teachers > 0 ? summary.compliant / summary.teachers : 0;
  return (
    <Row gutter={[16, 16]} data-testid="school-compliance-summary">
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic title={t('practice.school.teacherCount')} value={summary.teachers} suffix={t('practice.people')} />
          <Typography.Text type="secondary">
            {t('practice.school.withBookings', { n: rows.filter((r) => r.daysBooked > 0).length })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic
            title={t('practice.school.compliantCount')}
            value={summary.compliant}
            suffix={`/ ${summary.teachers}`}
            styles={{
              content: { color: summary.compliant > 0 && summary.compliant === summary.teachers ? CHART_COLORS.green : undefined },
            }}
            data-testid="school-compliant-count"
          />
          <Progress
            aria-label={t('practice.school.compliantCount')}
            percent={Math.round(complianceRate * 100)}
            size="small"
            strokeColor={CHART_COLORS.green}
            style={{ margin: 0 }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic title={t('practice.school.specialtyCount')} value={summary.specialtyCourseTeachers} suffix={t('practice.people')} />
          <Typography.Text type="secondary">{t('practice.school.dualOf', { n: summary.dualQualified })}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic
            title={t('practice.school.dualShare')}
            value={percentOf(summary.dualQualifiedShare, i18n.language)}
            styles={{ content: { color: summary.meetsDualQualifiedTarget ? CHART_COLORS.green : CHART_COLORS.amber } }}
            data-testid="school-dual-share"
          />
          <TargetTag meets={summary.meetsDualQualifiedTarget} target={target} />
        </Card>
      </Col>
    </Row>
  );
}

export function TargetTag({ meets, target }: { meets: boolean; target: number }) {
  const { t, i18n } = useTranslation();
  return meets ? (
    <Tag color="success" data-testid="dual-target" data-meets="true">
      {t('practice.school.meetsTarget', { target: percentOf(target, i18n.language) })}
    </Tag>
  ) : (
    <Tag color="warning" data-testid="dual-target" data-meets="false">
      {t('practice.school.belowTarget', { target: percentOf(target, i18n.language) })}
    </Tag>
  );
}

/** The dual-qualified share as a gauge, its arc amber below the target and green above, the target itself marked. */
function DualQualifiedGauge({ summary }: { summary: SchoolComplianceSummary }) {
  const { t, i18n } = useTranslation();
  const target = targetShare(summary.dualQualifiedTarget);
  const value = Math.round(summary.dualQualifiedShare * 1000) / 10;
  const color = summary.meetsDualQualifiedTarget ? CHART_COLORS.green : CHART_COLORS.amber;
  const geometry = {
    min: 0,
    max: 100,
    startAngle: 200,
    endAngle: -20,
    radius: '84%',
    center: ['50%', '60%'] as [string, string],
    splitNumber: 20,
  };
  const option: EChartsOption = {
    tooltip: { show: false },
    series: [
      {
        type: 'gauge',
        ...geometry,
        axisLine: {
          lineStyle: {
            width: 16,
            color: [
              [target, '#fbd38d'],
              [1, '#9ae6b4'],
            ],
          },
        },
        progress: { show: true, width: 16, itemStyle: { color } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: {
          distance: -42,
          fontSize: 11,
          color: CHART_COLORS.muted,
          formatter: (v: number) => (v === 0 || v === 100 ? `${v}%` : ''),
        },
        anchor: { show: false },
        title: { offsetCenter: [0, '38%'], fontSize: 12, color: CHART_COLORS.muted },
        detail: {
          offsetCenter: [0, '8%'],
          fontSize: 28,
          fontWeight: 600,
          color,
          formatter: () => percentOf(summary.dualQualifiedShare, i18n.language),
        },
        data: [
          { value, name: t('practice.school.dualOfSpecialty', { dual: summary.dualQualified, total: summary.specialtyCourseTeachers }) },
        ],
      },
      {
        // The target: a dark notch standing out of the arc on both sides, labelled outside it.
        type: 'gauge',
        ...geometry,
        radius: '91%',
        axisLine: {
          lineStyle: {
            width: 30,
            color: [
              [target - 0.005, 'rgba(0,0,0,0)'],
              [target + 0.005, '#2d3748'],
              [1, 'rgba(0,0,0,0)'],
            ],
          },
        },
        progress: { show: false },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: {
          distance: -44,
          fontSize: 12,
          fontWeight: 600,
          color: '#2d3748',
          formatter: (v: number) => (Math.abs(v - target * 100) < 0.01 ? percentOf(target, i18n.language) : ''),
        },
        anchor: { show: false },
        title: { show: false },
        detail: { show: false },
        data: [{ value: target * 100 }],
      },
    ],
  };
  return (
    <>
      <Chart option={option} height={230} testId="dual-gauge" />
      <div className="sb-target-note">
        <Typography.Text type="secondary">{t('practice.school.targetLine', { target: percentOf(target, i18n.language) })}</Typography.Text>
        <TargetTag meets={summary.meetsDualQualifiedTarget} target={target} />
      </div>
    </>
  );
}

/** Teachers by where they stand this year: compliant, practising (booked, not yet 30 days served), nothing booked. */
function StatusDonut({ rows }: { rows: SchoolComplianceRow[] }) {
  const { t } = useTranslation();
  const compliant = rows.filter((r) => r.compliant).length;
  const booked = rows.filter((r) => !r.compliant && r.daysBooked > 0).length;
  const none = rows.length - compliant - booked;
  const data = [
    { value: compliant, name: t('practice.school.status.compliant'), itemStyle: { color: CHART_COLORS.green } },
    { value: booked, name: t('practice.school.status.booked'), itemStyle: { color: CHART_COLORS.blue } },
    { value: none, name: t('practice.school.status.none'), itemStyle: { color: CHART_COLORS.grey } },
  ];
  const option: EChartsOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      bottom: 0,
      icon: 'circle',
      itemWidth: 10,
      formatter: (name: string) => `${name} ${data.find((d) => d.name === name)?.value ?? 0}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: {
          show: true,
          position: 'center',
          formatter: () => `${compliant}/${rows.length}`,
          fontSize: 22,
          fontWeight: 600,
          color: CHART_COLORS.text,
        },
        labelLine: { show: false },
        emphasis: { scale: false },
        data,
      },
    ],
  };
  return <Chart option={option} height={262} testId="status-donut" />;
}

const BUCKETS = [
  { key: 'zero', from: 0, to: 0 },
  { key: 'under10', from: 1, to: 9 },
  { key: 'under20', from: 10, to: 19 },
  { key: 'under30', from: 20, to: 29 },
  { key: 'done', from: 30, to: Infinity },
] as const;

/** How many teachers have served how many practice days this year. */
function ServedHistogram({ rows }: { rows: SchoolComplianceRow[] }) {
  const { t } = useTranslation();
  const counts = BUCKETS.map((b) => rows.filter((r) => r.daysServed >= b.from && r.daysServed <= b.to).length);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 12, top: 24, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: BUCKETS.map((b) => t(`practice.school.bucket.${b.key}`)),
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.text, fontSize: 11 },
      name: '',
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: CHART_COLORS.muted }, splitLine: { lineStyle: { color: '#eef2f7' } } },
    series: [
      {
        type: 'bar',
        name: t('practice.school.teacherCount'),
        barWidth: '55%',
        data: counts.map((value, i) => ({
          value,
          itemStyle: { color: i === BUCKETS.length - 1 ? CHART_COLORS.green : CHART_COLORS.blue, borderRadius: [4, 4, 0, 0] },
        })),
        label: { show: true, position: 'top', color: CHART_COLORS.text },
      },
    ],
  };
  return (
    <>
      <Chart option={option} height={240} testId="served-histogram" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('practice.school.servedAxis')}
      </Typography.Text>
    </>
  );
}

function TeachersTable({ rows }: { rows: SchoolComplianceRow[] }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (
    <Space size={6}>
      {value ? <CheckCircleFilled style={{ color: CHART_COLORS.green }} /> : <MinusCircleOutlined style={{ color: '#a0aec0' }} />}
      {value ? t('practice.yes') : t('practice.no')}
    </Space>
  );
  const yesNoFilters = [
    { text: t('practice.yes'), value: true },
    { text: t('practice.no'), value: false },
  ];
  const columns: ColumnsType<SchoolComplianceRow> = [
    {
      key: 'name',
      title: t('practice.school.name'),
      dataIndex: 'name',
      width: 120,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { key: 'specialty', title: t('practice.school.specialty'), dataIndex: 'specialty' },
    {
      key: 'specialtyCourseTeacher',
      title: t('practice.school.specialtyCourseTeacher'),
      dataIndex: 'specialtyCourseTeacher',
      width: 130,
      filters: yesNoFilters,
      onFilter: (value, r) => r.specialtyCourseTeacher === value,
      render: yesNo,
    },
    {
      key: 'dualQualified',
      title: t('practice.school.dualQualified'),
      dataIndex: 'dualQualified',
      width: 120,
      filters: yesNoFilters,
      onFilter: (value, r) => r.dualQualified === value,
      render: (dual: boolean) =>
        dual ? <Tag color="purple">{t('practice.school.dualTag')}</Tag> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'daysBooked',
      title: t('practice.compliance.daysBooked'),
      dataIndex: 'daysBooked',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.daysBooked - b.daysBooked,
      render: (n: number) => t('practice.daysValue', { n }),
    },
    {
      key: 'daysServed',
      title: t('practice.compliance.daysServed'),
      dataIndex: 'daysServed',
      width: 170,
      sorter: (a, b) => a.daysServed - b.daysServed,
      render: (n: number, r) => (
        <div>
          <Typography.Text>{t('practice.daysOf', { n, required: r.required })}</Typography.Text>
          <Progress
            aria-label={t('practice.daysOf', { n, required: r.required })}
            percent={r.required > 0 ? Math.min(100, Math.round((n / r.required) * 100)) : 100}
            size="small"
            showInfo={false}
            strokeColor={r.compliant ? CHART_COLORS.green : CHART_COLORS.blue}
            style={{ margin: 0 }}
          />
        </div>
      ),
    },
    {
      key: 'compliant',
      title: t('practice.school.compliantColumn'),
      dataIndex: 'compliant',
      width: 110,
      filters: [
        { text: t('practice.compliance.compliant'), value: true },
        { text: t('practice.compliance.notCompliant'), value: false },
      ],
      onFilter: (value, r) => r.compliant === value,
      render: (compliant: boolean) =>
        compliant ? (
          <Tag color="success" data-testid="teacher-compliant" data-compliant="true">
            {t('practice.compliance.compliant')}
          </Tag>
        ) : (
          <Tag color="warning" data-testid="teacher-compliant" data-compliant="false">
            {t('practice.compliance.notCompliant')}
          </Tag>
        ),
    },
  ];
  return (
    <ResponsiveTable<SchoolComplianceRow>
      data-testid="compliance-table"
      rowKey="teacherId"
      size="middle"
      dataSource={rows}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('practice.school.noTeachers') }}
    />
  );
}
