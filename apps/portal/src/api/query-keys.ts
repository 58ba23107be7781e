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
  slotsAll: ['slots'] as const,
  slot: (id: string) => ['slots', 'one', id] as const,
  slotSearch: (query: object) => ['slots', 'search', query] as const,
  enterpriseSlots: (enterpriseId: string, query: object) => ['slots', 'enterprise', enterpriseId, query] as const,
  recommendedSlots: ['slots', 'recommended'] as const,
  applicationsAll: ['applications'] as const,
  applications: (query: object) => ['applications', 'list', query] as const,
  placementsAll: ['placements'] as const,
  placements: (year: number | undefined) => ['placements', 'list', year ?? 'all'] as const,
  notificationsAll: ['notifications'] as const,
  inbox: (query: object) => ['notifications', 'inbox', query] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  deadLetters: ['dead-letters'] as const,
  importRun: (id: string) => ['imports', id] as const,
  schoolImports: (schoolId: string) => ['imports', 'school', schoolId] as const,
  headcountImports: ['imports', 'headcounts'] as const,
};

/** What a move of an application can change: the applications, the slots' seats taken, the placements. */
export const afterApplicationMove = [queryKeys.applicationsAll, queryKeys.slotsAll, queryKeys.placementsAll] as const;
