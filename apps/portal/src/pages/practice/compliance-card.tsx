import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { TeacherComplianceView } from '@skillbridge/contracts';
import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyCompliance } from '../../api/practice.hooks';
import { QueryState } from '../../components/query-state';
import { CHART_COLORS } from '../../components/figures';
import './practice.css';

/** §12 for the signed-in teacher: the year's days booked and served against the 30 required; green once compliant. */
export function ComplianceCard({ year, extra }: { year: number; extra?: ReactNode }) {
  const { t } = useTranslation();
  const compliance = useMyCompliance(year);
  return (
    <Card
      title={t('practice.compliance.title', { year })}
      extra={extra}
      data-testid="compliance-card"
      data-compliant={compliance.data ? String(compliance.data.compliant) : undefined}
    >
      <QueryState query={compliance}>{(data) => <ComplianceFigures data={data} />}</QueryState>
    </Card>
  );
}

function ComplianceFigures({ data }: { data: TeacherComplianceView }) {
  const { t } = useTranslation();
  const percent = data.required > 0 ? Math.min(100, Math.round((data.daysServed / data.required) * 100)) : 100;
  const left = Math.max(0, data.required - data.daysServed);
  const color = data.compliant ? CHART_COLORS.green : CHART_COLORS.blue;
  return (
    <Row gutter={[24, 16]} align="middle">
      <Col xs={24} md={7} className="sb-practice-ring">
        <Progress
          aria-label={t('practice.compliance.required')}
          type="circle"
          percent={percent}
          size={132}
          strokeColor={color}
          format={() => <span style={{ color }}>{`${data.daysServed}/${data.required}`}</span>}
        />
      </Col>
      <Col xs={24} md={17}>
        <div className="sb-practice-status">
          {data.compliant ? (
            <Tag color="success" icon={<CheckCircleFilled />} data-testid="compliance-status" data-compliant="true">
              {t('practice.compliance.compliant')}
            </Tag>
          ) : (
            <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="compliance-status" data-compliant="false">
              {t('practice.compliance.notCompliant')}
            </Tag>
          )}
          <Typography.Text type="secondary">
            {data.compliant
              ? t('practice.compliance.compliantHelp', { year: data.year })
              : t('practice.compliance.leftHelp', { left, year: data.year })}
          </Typography.Text>
        </div>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={8}>
            <Statistic
              title={t('practice.compliance.daysBooked')}
              value={data.daysBooked}
              suffix={t('practice.days')}
              data-testid="compliance-booked"
            />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('practice.compliance.daysServed')}
              value={data.daysServed}
              suffix={t('practice.days')}
              styles={{ content: { color } }}
              data-testid="compliance-served"
            />
          </Col>
          <Col span={8}>
            <Statistic title={t('practice.compliance.required')} value={data.required} suffix={t('practice.days')} />
          </Col>
        </Row>
        <Progress
          aria-label={t('practice.compliance.required')}
          percent={percent}
          strokeColor={color}
          showInfo={false}
          style={{ marginTop: 12, marginBottom: 0 }}
        />
      </Col>
    </Row>
  );
}
