import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LoginResponse, MeView } from '@skillbridge/contracts';
import { Organisation, User, hashPassword, verifyPassword } from '@skillbridge/db';
import { Actor, DomainError, notFound } from '@skillbridge/domain';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { LoginThrottle } from './login-throttle.service';
import { TokenService } from './token.service';
import { userView } from './views';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so that it takes as long as a wrong password. */
  private readonly unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, address);
    const user = await this.db.getRepository(User).findOneBy({ email: normalised });
    const valid = await verifyPassword(user?.passwordHash ?? (await this.unknownUserHash), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(normalised, address);
      throw new DomainError('INVALID_CREDENTIALS', 'unauthenticated', 'The e-mail or password is wrong');
    }
    await this.throttle.recordSuccess(normalised);
    return { ...(await this.tokens.issue(user)), user: userView(user) };
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw notFound('The user');
    const organisation = user.organisationId ? await this.db.getRepository(Organisation).findOneBy({ id: user.organisationId }) : null;
    return {
      ...userView(user),
      organisation: organisation && { id: organisation.id, kind: organisation.kind, name: organisation.name, district: organisation.district },
    };
  }
}
