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
  /** The sign-in session of the access token (its refresh-token family), when the token names one. */
  sessionId?: string | null;
}

/** The signed-in user making the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** The sign-in session of the request's access token (the refresh-token family), or null for a token without one. */
export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | null => context.switchToHttp().getRequest<AuthenticatedRequest>().sessionId ?? null,
);
