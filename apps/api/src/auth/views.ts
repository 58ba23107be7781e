import type { UserView } from '@skillbridge/contracts';
import type { User } from '@skillbridge/db';

export const userView = (user: User): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
  authority: user.authority,
  locale: user.locale,
});
