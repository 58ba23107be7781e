import type { StudentView } from '@skillbridge/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchoolStudents } from '../../api/schools.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';

const LIMIT = 20;

export function StudentsTab({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const query = { cursor: pager.cursor, limit: LIMIT };
  const students = useSchoolStudents(schoolId, query);

  return (
    <>
      {students.error && <ProblemAlert error={students.error} />}
      <ResponsiveTable<StudentView>
        data-testid="students-table"
        rowKey="id"
        size="middle"
        loading={students.isFetching}
        dataSource={students.data?.items ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        columns={[
          { key: 'name', title: t('person.name'), dataIndex: 'name', width: 120 },
          { key: 'major', title: t('student.major'), dataIndex: 'major' },
          { key: 'enrolmentYear', title: t('student.enrolmentYear'), dataIndex: 'enrolmentYear', width: 110 },
          { key: 'dateOfBirth', title: t('student.dateOfBirth'), dataIndex: 'dateOfBirth', width: 130 },
          {
            key: 'skills',
            title: t('student.skills'),
            render: (_, student) =>
              student.skills.length === 0 ? (
                '—'
              ) : (
                <Space size={[4, 4]} wrap>
                  {student.skills.slice(0, 3).map((skill) => (
                    <Tag key={skill}>{skill}</Tag>
                  ))}
                </Space>
              ),
          },
          { key: 'email', title: t('person.email'), dataIndex: 'email', ellipsis: true },
        ]}
      />
      <CursorPager pager={pager} nextCursor={students.data?.nextCursor} loading={students.isFetching} />
    </>
  );
}
