/** TanStack Query keys, in one place so that invalidation hits what it means to. */
export const queryKeys = {
  me: ['me'] as const,
  studentProfile: ['students', 'me'] as const,
  teacherProfile: ['teachers', 'me'] as const,
  enterprise: (id: string) => ['enterprises', id] as const,
  enterprises: (query: object) => ['enterprises', 'list', query] as const,
  enterprisesAll: ['enterprises'] as const,
  school: (id: string) => ['schools', id] as const,
  schools: (query: object) => ['schools', 'list', query] as const,
  schoolsAll: ['schools'] as const,
  schoolStudents: (id: string, query: object) => ['schools', id, 'students', query] as const,
  schoolTeachers: (id: string, query: object) => ['schools', id, 'teachers', query] as const,
};
