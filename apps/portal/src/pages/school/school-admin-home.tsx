import { TeamOutlined, UploadOutlined, UserAddOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { CreatedPerson } from '@skillbridge/contracts';
import { Button, Card, Descriptions, Tabs } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { useSchool } from '../../api/schools.hooks';
import { useMe } from '../../auth/session';
import { districtLabel, schoolLevelLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { StudentsTab } from './students-tab';
import { TeachersTab } from './teachers-tab';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const AddStudentDialog = lazy(() => import('./add-student-dialog').then((module) => ({ default: module.AddStudentDialog })));
const AddTeacherDialog = lazy(() => import('./add-teacher-dialog').then((module) => ({ default: module.AddTeacherDialog })));
const InitialPasswordDialog = lazy(() => import('./initial-password-dialog').then((module) => ({ default: module.InitialPasswordDialog })));
const PeopleImportDrawer = lazy(() => import('./people-import-drawer').then((module) => ({ default: module.PeopleImportDrawer })));

/** The school admin's school: its students and teachers, and adding one of each. */
export default function SchoolAdminHome() {
  const { t } = useTranslation();
  const me = useMe();
  const schoolId = me.organisationId ?? '';
  const school = useSchool(schoolId);
  const [tab, setTab] = useState<'students' | 'teachers'>('students');
  const [adding, setAdding] = useState<'student' | 'teacher' | null>(null);
  const [created, setCreated] = useState<CreatedPerson<{ name: string; email: string }> | null>(null);
  const [importing, setImporting] = useState(false);

  const onCreated = (result: CreatedPerson<{ name: string; email: string }>, kind: 'students' | 'teachers') => {
    setAdding(null);
    setTab(kind);
    setCreated(result);
  };

  return (
    <div data-testid="home-school_admin">
      <PageTitle
        title={school.data?.name ?? t('school.title')}
        subtitle={t('school.subtitle')}
        extra={
          <>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding('student')} data-testid="add-student">
              {t('school.addStudent')}
            </Button>
            <Button icon={<UsergroupAddOutlined />} onClick={() => setAdding('teacher')} data-testid="add-teacher">
              {t('school.addTeacher')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-people">
              {t('imports.button')}
            </Button>
          </>
        }
      />
      <div className="sb-stack">
        <QueryState query={school}>
          {(data) => (
            <Card>
              <Descriptions
                column={{ xs: 1, sm: 3 }}
                items={[
                  { key: 'name', label: t('school.name'), children: data.name },
                  { key: 'level', label: t('school.level'), children: schoolLevelLabel(t, data.level) },
                  { key: 'district', label: t('school.district'), children: districtLabel(t, data.district) },
                ]}
              />
            </Card>
          )}
        </QueryState>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as 'students' | 'teachers')}
            items={[
              { key: 'students', label: t('school.students'), icon: <TeamOutlined />, children: <StudentsTab schoolId={schoolId} /> },
              { key: 'teachers', label: t('school.teachers'), icon: <TeamOutlined />, children: <TeachersTab schoolId={schoolId} /> },
            ]}
          />
        </Card>
      </div>
      <OnceOpened open={adding === 'student'}>
        <AddStudentDialog
          schoolId={schoolId}
          open={adding === 'student'}
          onClose={() => setAdding(null)}
          onCreated={(r) => onCreated(r, 'students')}
        />
      </OnceOpened>
      <OnceOpened open={adding === 'teacher'}>
        <AddTeacherDialog
          schoolId={schoolId}
          open={adding === 'teacher'}
          onClose={() => setAdding(null)}
          onCreated={(r) => onCreated(r, 'teachers')}
        />
      </OnceOpened>
      <OnceOpened open={created !== null}>
        <InitialPasswordDialog created={created} onClose={() => setCreated(null)} />
      </OnceOpened>
      <OnceOpened open={importing}>
        <PeopleImportDrawer schoolId={schoolId} open={importing} initialKind={tab} onClose={() => setImporting(false)} />
      </OnceOpened>
    </div>
  );
}
