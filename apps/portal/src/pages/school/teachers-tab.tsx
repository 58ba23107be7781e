import type { TeacherView } from '@skillbridge/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchoolTeachers } from '../../api/schools.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';

const LIMIT = 20;

export function TeachersTab({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const query = { cursor: pager.cursor, limit: LIMIT };
  const teachers = useSchoolTeachers(schoolId, query);
  const flag = (value: boolean) => (value ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>);

  return (
    <>
      {teachers.error && <ProblemAlert error={teachers.error} />}
      <ResponsiveTable<TeacherView>
        data-testid="teachers-table"
        rowKey="id"
        size="middle"
        loading={teachers.isFetching}
        dataSource={teachers.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          { key: 'name', title: t('person.name'), dataIndex: 'name', width: 120 },
          { key: 'specialty', title: t('teacher.specialty'), dataIndex: 'specialty' },
          {
            key: 'specialtyCourseTeacher',
            title: t('teacher.specialtyCourseTeacher'),
            render: (_, teacher) => flag(teacher.specialtyCourseTeacher),
            width: 140,
          },
          { key: 'dualQualified', title: t('teacher.dualQualified'), render: (_, teacher) => flag(teacher.dualQualified), width: 140 },
          { key: 'email', title: t('person.email'), dataIndex: 'email', ellipsis: true },
        ]}
      />
      <CursorPager pager={pager} nextCursor={teachers.data?.nextCursor} loading={teachers.isFetching} />
    </>
  );
}
