import type { Role } from '@skillbridge/contracts';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { useMe } from '../../auth/session';

/** Each role's home is its own chunk: a student never downloads the bureau's tables. */
const HOMES: Record<Role, LazyExoticComponent<ComponentType>> = {
  student: lazy(() => import('../student/student-home')),
  teacher: lazy(() => import('../teacher/teacher-home')),
  school_admin: lazy(() => import('../school/school-admin-home')),
  enterprise_admin: lazy(() => import('../enterprise/enterprise-admin-home')),
  bureau_officer: lazy(() => import('../bureau/bureau-officer-home')),
  platform_admin: lazy(() => import('../platform/platform-admin-home')),
};

export default function HomePage() {
  const { role } = useMe();
  const Home = HOMES[role];
  return <Home />;
}
