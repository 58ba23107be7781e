import { EditOutlined } from '@ant-design/icons';
import type { StudentView } from '@skillbridge/contracts';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { useMyStudentProfile } from '../../api/people.hooks';
import { useMe } from '../../auth/session';
import { districtLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const StudentProfileForm = lazy(() => import('./student-profile-form').then((module) => ({ default: module.StudentProfileForm })));

/** 我的档案: the student's own profile, with skills, certificates and preferred districts editable. */
export default function StudentHome() {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useMyStudentProfile();
  const [editing, setEditing] = useState(false);

  return (
    <div data-testid="home-student">
      <PageTitle
        title={t('student.title')}
        subtitle={t('student.subtitle')}
        extra={
          profile.data && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-profile">
              {t('student.edit')}
            </Button>
          )
        }
      />
      <QueryState query={profile}>
        {(student) => (
          <div className="sb-stack">
            <Card title={t('student.basics')}>
              <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} items={basics(student, me.organisation?.name ?? '—', t)} />
            </Card>
            <Card title={t('student.skills')}>
              <TagList values={student.skills} color="blue" empty={t('student.noSkills')} />
            </Card>
            <Card title={t('student.certificates')}>
              <TagList values={student.certificates} color="gold" empty={t('student.noCertificates')} />
            </Card>
            <Card title={t('review.profile.selfIntroduction')}>
              {student.selfIntroduction ? (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="self-introduction">
                  {student.selfIntroduction}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('review.profile.selfIntroductionHint')}</Typography.Text>
              )}
            </Card>
            <Card title={t('student.preferredDistricts')}>
              <TagList values={student.preferredDistricts.map((d) => districtLabel(t, d))} color="green" empty={t('student.noDistricts')} />
            </Card>
            <OnceOpened open={editing}>
              <StudentProfileForm student={student} open={editing} onClose={() => setEditing(false)} />
            </OnceOpened>
          </div>
        )}
      </QueryState>
    </div>
  );
}

function basics(student: StudentView, schoolName: string, t: ReturnType<typeof useTranslation>['t']) {
  const yearOfStudy = Math.max(1, new Date().getFullYear() - student.enrolmentYear + (new Date().getMonth() >= 8 ? 1 : 0));
  return [
    { key: 'name', label: t('person.name'), children: student.name },
    { key: 'email', label: t('person.email'), children: student.email },
    { key: 'school', label: t('student.school'), children: schoolName },
    { key: 'major', label: t('student.major'), children: student.major },
    ...(student.className
      ? [{ key: 'className', label: t('review.profile.className'), children: <span data-user-entered="true">{student.className}</span> }]
      : []),
    {
      key: 'enrolmentYear',
      label: t('student.enrolmentYear'),
      children: t('student.enrolmentYearValue', { year: student.enrolmentYear, n: yearOfStudy }),
    },
    { key: 'dateOfBirth', label: t('student.dateOfBirth'), children: student.dateOfBirth },
  ];
}

function TagList({ values, color, empty }: { values: string[]; color: string; empty: string }) {
  if (values.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Space size={[8, 8]} wrap>
      {values.map((value) => (
        <Tag key={value} color={color} style={{ fontSize: 14, padding: '2px 10px' }}>
          {value}
        </Tag>
      ))}
    </Space>
  );
}
