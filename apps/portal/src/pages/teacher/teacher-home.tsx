import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMyTeacherProfile } from '../../api/people.hooks';
import { useMe } from '../../auth/session';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { ComplianceCard } from '../practice/compliance-card';
import { lanzhouYear } from '../../components/figures';

/** The teacher's own profile, and this year's enterprise practice (§12) against the 30 days required. */
export default function TeacherHome() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const profile = useMyTeacherProfile();

  const yesNo = (value: boolean) => (
    <Space size={6}>
      {value ? <CheckCircleFilled style={{ color: '#38a169' }} /> : <MinusCircleOutlined style={{ color: '#a0aec0' }} />}
      {value ? t('common.yes') : t('common.no')}
    </Space>
  );

  return (
    <div data-testid="home-teacher">
      <PageTitle title={t('teacher.title')} subtitle={t('teacher.subtitle')} />
      <QueryState query={profile}>
        {(teacher) => (
          <div className="sb-stack">
            <Card title={t('teacher.basics')}>
              <Descriptions
                column={{ xs: 1, sm: 2, lg: 3 }}
                items={[
                  { key: 'name', label: t('person.name'), children: teacher.name },
                  { key: 'email', label: t('person.email'), children: teacher.email },
                  { key: 'school', label: t('teacher.school'), children: me.organisation?.name ?? '—' },
                  { key: 'specialty', label: t('teacher.specialty'), children: teacher.specialty },
                  {
                    key: 'specialtyCourseTeacher',
                    label: t('teacher.specialtyCourseTeacher'),
                    children: yesNo(teacher.specialtyCourseTeacher),
                  },
                  { key: 'dualQualified', label: t('teacher.dualQualified'), children: yesNo(teacher.dualQualified) },
                ]}
              />
            </Card>
            <ComplianceCard
              year={lanzhouYear()}
              extra={
                <Button type="primary" onClick={() => navigate('/practice')} data-testid="home-book-practice">
                  {t('practice.mine.book')}
                </Button>
              }
            />
            <Alert type="info" showIcon title={t('teacher.practiceRuleTitle')} description={t('practice.home.rule')} />
          </div>
        )}
      </QueryState>
    </div>
  );
}
