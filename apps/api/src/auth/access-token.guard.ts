import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, DomainError, Role } from '@skillbridge/domain';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from '../common/auth.decorators';
import { AccessTokenClaims } from './token.service';
import { VerifiedTokens } from './verified-tokens';

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', 'unauthenticated', message);

/**
 * Every route is signed-in unless marked @Public(); @Roles() narrows it further. Global, so no
 * route can forget it.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<AccessTokenClaims & { exp: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated('Sign in first: send Authorization: Bearer <accessToken>');
    let claims = this.verified.get(token);
    if (!claims) {
      try {
        claims = await this.jwt.verifyAsync<AccessTokenClaims & { exp: number }>(token);
      } catch {
        throw unauthenticated('The access token is invalid or has expired');
      }
      this.verified.remember(token, claims);
    }
    const actor: Actor = { userId: claims.sub, role: claims.role, organisationId: claims.org, authority: claims.auth };
    request.actor = actor;
    request.sessionId = claims.sid ?? null;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Your role may not do this');
    }
    return true;
  }
}
