import type { Role } from '@skillbridge/contracts';
import type { ComponentType } from 'react';

/** Each role's home is its own chunk: a student never downloads the bureau's tables. */
export const HOME_LOADERS: Record<Role, () => Promise<{ default: ComponentType }>> = {
  student: () => import('../student/student-home'),
  teacher: () => import('../teacher/teacher-home'),
  school_admin: () => import('../school/school-admin-home'),
  enterprise_admin: () => import('../enterprise/enterprise-admin-home'),
  bureau_officer: () => import('../bureau/bureau-officer-home'),
  platform_admin: () => import('../platform/platform-admin-home'),
};

/** Fetches a role's home (routes.tsx asks for it early, beside GET /me, when a session is stored). */
export const loadHome = (role: Role) => HOME_LOADERS[role]();
