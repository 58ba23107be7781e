import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@skillbridge/domain';
import { ApiNoSecurity, ApiProblems } from './openapi';

export const IS_PUBLIC = 'skillbridge:public';
export const ROLES = 'skillbridge:roles';

/** The route needs no signed-in user (documented as `security: []`). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiNoSecurity());

/** Only these roles may call the route; others get 403 FORBIDDEN (documented with the route's problems). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiProblems('FORBIDDEN'));

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The signed-in user making the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
