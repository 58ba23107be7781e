import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { EnterpriseView, HeadcountView } from '@skillbridge/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCorrectEnterprise, useEnterprise, type CorrectedProfile } from '../../api/enterprises.hooks';
import { useOwnQuota } from '../../api/quotas.hooks';
import { useMe } from '../../auth/session';
import { lanzhouYear, formatNumber } from '../../components/figures';
import { districtLabel, districtOptions, industryLabel, ownershipLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { HeadcountForm } from './headcount-form';
import { ResponsiveTable } from '../../components/responsive-table';

/** How far this year's intake is: hosted of required, what is left (the same line the bureaus see). */
function OwnQuotaLine({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useTranslation();
  const line = useOwnQuota(enterpriseId, year);
  if (!line.data) return null;
  const { hosted, required, remaining } = line.data;
  return (
    <div data-testid="own-quota" data-hosted={hosted} data-remaining={remaining} style={{ marginTop: 12 }}>
      <Progress
        aria-label={`${hosted} / ${required}`}
        percent={required > 0 ? Math.min(100, Math.round((hosted / required) * 100)) : 100}
        strokeColor="#fff"
        railColor="rgba(255,255,255,0.3)"
        format={() => ''}
        style={{ margin: 0 }}
      />
      <Typography.Text style={{ color: '#fff' }}>
        {t('quotas.own.progress', { hosted, required })} ·{' '}
        {remaining > 0 ? t('quotas.own.remaining', { n: remaining }) : t('quotas.own.done')}
      </Typography.Text>
    </div>
  );
}

/** The enterprise admin's enterprise: profile, verification, yearly headcount and the intake it implies (§13). */
export default function EnterpriseAdminHome() {
  const me = useMe();
  const enterpriseId = me.organisationId ?? '';
  const enterprise = useEnterprise(enterpriseId);

  return (
    <div data-testid="home-enterprise_admin">
      <QueryState query={enterprise}>{(data) => <EnterpriseOverview enterprise={data} />}</QueryState>
    </div>
  );
}

function EnterpriseOverview({ enterprise }: { enterprise: EnterpriseView }) {
  const { t, i18n } = useTranslation();
  const year = lanzhouYear();
  const thisYear = enterprise.headcounts.find((h) => h.year === year);
  const verified = enterprise.verification === 'verified';
  const headcounts = [...enterprise.headcounts].sort((a, b) => b.year - a.year);

  return (
    <>
      <PageTitle
        title={enterprise.name}
        subtitle={t('enterprise.subtitle')}
        extra={
          verified ? (
            <Tag icon={<CheckCircleOutlined />} color="success" data-testid="verification-status">
              {t('verification.verified')}
            </Tag>
          ) : enterprise.verification === 'refused' ? (
            <Tag icon={<CloseCircleOutlined />} color="error" data-testid="verification-status">
              {t('verification.refused')}
            </Tag>
          ) : (
            <Tag icon={<ClockCircleOutlined />} color="warning" data-testid="verification-status">
              {t('verification.unverified')}
            </Tag>
          )
        }
      />
      <div className="sb-stack">
        {enterprise.verification === 'unverified' && (
          <Alert type="warning" showIcon title={t('enterprise.unverifiedTitle')} description={t('enterprise.unverifiedText')} />
        )}
        {enterprise.verification === 'refused' && <RefusedNotice enterprise={enterprise} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} md={10} lg={8}>
            <Card className="sb-intake" data-testid="required-intake" style={{ height: '100%' }}>
              <Statistic
                title={t('enterprise.requiredIntakeThisYear', { year })}
                value={thisYear ? thisYear.requiredIntake : '—'}
                suffix={thisYear ? t('enterprise.interns') : undefined}
                styles={{ content: { fontSize: 40, fontWeight: 600 } }}
              />
              <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 0, marginTop: 8 }}>
                {thisYear
                  ? t('enterprise.requiredIntakeBasis', { employees: thisYear.employees, cap: thisYear.internCap })
                  : t('enterprise.noHeadcountYet', { year })}
              </Typography.Paragraph>
              {thisYear && verified && <OwnQuotaLine enterpriseId={enterprise.id} year={year} />}
            </Card>
          </Col>
          <Col xs={24} md={14} lg={16}>
            <Card title={t('enterprise.setHeadcount', { year })} style={{ height: '100%' }}>
              <HeadcountForm enterpriseId={enterprise.id} year={year} current={thisYear?.employees} />
            </Card>
          </Col>
        </Row>
        <Card title={t('enterprise.profile')}>
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'name', label: t('enterprise.name'), children: enterprise.name },
              { key: 'uscc', label: t('enterprise.uscc'), children: <Typography.Text code>{enterprise.uscc}</Typography.Text> },
              { key: 'ownership', label: t('enterprise.ownership'), children: ownershipLabel(t, enterprise.ownership) },
              { key: 'industry', label: t('enterprise.industry'), children: industryLabel(t, enterprise.industry) },
              { key: 'district', label: t('enterprise.district'), children: districtLabel(t, enterprise.district) },
              {
                key: 'verification',
                label: t('enterprise.verification'),
                children: verified
                  ? t('enterprise.verifiedOn', { date: (enterprise.verifiedAt ?? '').slice(0, 10) })
                  : enterprise.verification === 'refused'
                    ? t('enterprise.refusedOn', { date: (enterprise.refusedAt ?? '').slice(0, 10) })
                    : t('verification.unverified'),
              },
            ]}
          />
        </Card>
        <Card title={t('enterprise.headcounts')}>
          <ResponsiveTable<HeadcountView>
            data-testid="headcounts-table"
            rowKey="year"
            size="middle"
            pagination={false}
            dataSource={headcounts}
            locale={{ emptyText: t('enterprise.noHeadcounts') }}
            columns={[
              { key: 'year', title: t('enterprise.year'), dataIndex: 'year' },
              {
                key: 'employees',
                title: t('enterprise.employees'),
                dataIndex: 'employees',
                align: 'right',
                render: (n: number) => formatNumber(n, i18n.language),
              },
              { key: 'requiredIntake', title: t('enterprise.requiredIntake'), dataIndex: 'requiredIntake', align: 'right' },
              { key: 'internCap', title: t('enterprise.internCap'), dataIndex: 'internCap', align: 'right' },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

/**
 * A refused enterprise sees why, in the platform's words, and may correct its profile: saving it
 * submits the enterprise for verification again.
 */
function RefusedNotice({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectedProfile>();
  const reapply = useCorrectEnterprise(enterprise.id, { onSuccess: () => void message.success(t('enterprise.reapplied')) });
  return (
    <Alert
      type="error"
      showIcon
      data-testid="refusal"
      title={t('enterprise.refusedTitle')}
      description={
        <>
          <Typography.Paragraph data-testid="refusal-reason">
            {t('enterprise.refusedText', { reason: enterprise.refusalReason ?? '—' })}
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ name: enterprise.name, industry: enterprise.industry, district: enterprise.district }}
            onFinish={(values) => reapply.mutate({ name: values.name.trim(), industry: values.industry.trim(), district: values.district })}
          >
            <Form.Item
              name="name"
              label={t('enterprise.name')}
              rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('validation.required') }]}
            >
              <Input maxLength={100} data-testid="reapply-name" />
            </Form.Item>
            <Form.Item
              name="industry"
              label={t('enterprise.industry')}
              rules={[{ required: true, whitespace: true, max: 50, message: t('validation.required') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="district" label={t('enterprise.district')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={districtOptions(t)} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={reapply.isPending} data-testid="reapply">
              {t('enterprise.reapply')}
            </Button>
          </Form>
          <ProblemAlert error={reapply.error} />
        </>
      }
    />
  );
}
