import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TokenPair } from '@skillbridge/contracts';
import { RefreshToken, User, runCount, runOne } from '@skillbridge/db';
import { Authority, DomainError, Role } from '@skillbridge/domain';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app.config';
import { CLAIM_REFRESH_TOKEN, REVOKE_ALL_SESSIONS, REVOKE_FAMILY, REVOKE_REUSED_FAMILY } from './auth.statements';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  auth: Authority | null;
  /** The sign-in session: the refresh-token family the token was issued with (a signature records it). */
  sid?: string;
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Short-lived JWT access tokens and opaque, rotating refresh tokens. A refresh token works once;
 * presenting it again revokes its whole family (the pair was stolen, or a client misbehaves).
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** A new pair; a new family unless this is a rotation within one. */
  async issue(
    user: Pick<User, 'id' | 'role' | 'organisationId' | 'authority'>,
    familyId: string = randomUUID(),
    tx: EntityManager = this.db.manager,
  ): Promise<TokenPair> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, org: user.organisationId, auth: user.authority, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.getRepository(RefreshToken).insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }

  /** Exchanges a refresh token for a new pair, exactly once. */
  async rotate(refreshToken: string): Promise<TokenPair> {
    const hash = sha256(refreshToken);
    // One guarded statement: of two racing uses of one token, exactly one wins.
    const claimed = await runOne(this.db, CLAIM_REFRESH_TOKEN, [hash]);
    if (!claimed) {
      // A spent token presented again: revoke its family (counted among all of the family's tokens).
      const reused = await runCount(this.db, REVOKE_REUSED_FAMILY, [hash]);
      if (reused > 0) {
        throw new DomainError(
          'REFRESH_TOKEN_REUSED',
          'unauthenticated',
          'This refresh token was already used; every session it started has been signed out',
        );
      }
      throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'The refresh token is invalid, expired or revoked');
    }
    const user = await this.db.getRepository(User).findOneBy({ id: claimed.user_id });
    if (!user) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'The account no longer exists');
    return this.issue(user, claimed.family_id);
  }

  /** Signs out: the token's family, or every session of the user when no token is named. */
  async revoke(userId: string, refreshToken?: string): Promise<void> {
    if (refreshToken) await runCount(this.db, REVOKE_FAMILY, [sha256(refreshToken), userId]);
    else await runCount(this.db, REVOKE_ALL_SESSIONS, [userId]);
  }
}
