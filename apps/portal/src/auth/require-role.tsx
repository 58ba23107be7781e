import type { Role } from '@skillbridge/contracts';
import type { ReactNode } from 'react';
import { useMe } from './session';

/** A page of some roles only: anyone else gets the fallback (the not-found page), as if it were not there. */
export function RequireRole({ roles, children, fallback }: { roles: Role[]; children: ReactNode; fallback: ReactNode }) {
  const { role } = useMe();
  return <>{roles.includes(role) ? children : fallback}</>;
}
