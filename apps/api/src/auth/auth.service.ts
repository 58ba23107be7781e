import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashActivationCode, hashPassword, verifyPassword } from '@skillbridge/accounts';
import type { LoginResponse, MeView } from '@skillbridge/contracts';
import { Organisation, User, runCount, runOne } from '@skillbridge/db';
import { Actor, DomainError, notFound } from '@skillbridge/domain';
import { randomBytes, timingSafeEqual } from 'crypto';
import { DataSource } from 'typeorm';
import { BURN_ACTIVATION_CODE, PENDING_ACTIVATION, SET_PASSWORD } from './auth.statements';
import { DeviceCookies } from './device-cookie';
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
    private readonly devices: DeviceCookies,
  ) {}

  /**
   * Signs in, and answers the browser's device cookie for the account (new, or the same renewed).
   * The try is reserved with the throttle before the password is checked; a known browser (its
   * cookie in `cookieHeader`) is held only by its own failures.
   */
  async login(
    email: string,
    password: string,
    address: string,
    cookieHeader?: string,
  ): Promise<{ response: LoginResponse; deviceCookie: string }> {
    const normalised = email.trim().toLowerCase();
    const user = await this.db.getRepository(User).findOneBy({ email: normalised });
    const device = user ? this.devices.recognise(user.id, cookieHeader) : null;
    // Refused or not, the answer to an unknown e-mail looks the same as to a known one.
    const ticket = await this.throttle.reserve(normalised, address, device);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.unknownUserHash), password);
    if (user && user.passwordHash === null) {
      // Imported and never activated: no password can match; say what to do instead. Counted as a
      // failure (the reserved try stands), so that probing which accounts wait for activation is as
      // limited as guessing passwords.
      throw new DomainError(
        'ACCOUNT_NOT_ACTIVATED',
        'forbidden',
        'This account has no password yet: activate it with the one-time code from your school',
      );
    }
    if (!user || !valid) throw new DomainError('INVALID_CREDENTIALS', 'unauthenticated', 'The e-mail or password is wrong');
    await this.throttle.succeeded(ticket);
    return { response: { ...(await this.tokens.issue(user)), user: userView(user) }, deviceCookie: this.devices.issue(user.id, device) };
  }

  /**
   * An imported account sets its first password with the school's one-time code; the code is
   * burnt in the same transaction. Wrong codes count against the same limits as wrong passwords.
   */
  async activate(
    email: string,
    code: string,
    password: string,
    address: string,
  ): Promise<{ response: LoginResponse; deviceCookie: string }> {
    const normalised = email.trim().toLowerCase();
    const ticket = await this.throttle.reserve(normalised, address);
    const codeHash = hashActivationCode(code);
    const pending = await runOne(this.db, PENDING_ACTIVATION, [normalised]);
    const matches = !!pending?.code_hash && timingSafeEqual(Buffer.from(pending.code_hash, 'hex'), Buffer.from(codeHash, 'hex'));
    if (!pending || !matches) {
      throw new DomainError(
        'INVALID_ACTIVATION_CODE',
        'unauthenticated',
        'The e-mail or activation code is wrong, or the account is already active',
      );
    }
    const passwordHash = await hashPassword(password);
    const user = await this.db.transaction(async (tx) => {
      if (!(await runOne(tx, BURN_ACTIVATION_CODE, [pending.user_id, codeHash]))) return null; // used a moment ago by a concurrent request
      await runCount(tx, SET_PASSWORD, [pending.user_id, passwordHash]);
      return tx.getRepository(User).findOneByOrFail({ id: pending.user_id });
    });
    if (!user)
      throw new DomainError(
        'INVALID_ACTIVATION_CODE',
        'unauthenticated',
        'The e-mail or activation code is wrong, or the account is already active',
      );
    await this.throttle.succeeded(ticket);
    return { response: { ...(await this.tokens.issue(user)), user: userView(user) }, deviceCookie: this.devices.issue(user.id) };
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.db.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw notFound('The user');
    const organisation = user.organisationId ? await this.db.getRepository(Organisation).findOneBy({ id: user.organisationId }) : null;
    return {
      ...userView(user),
      organisation: organisation && {
        id: organisation.id,
        kind: organisation.kind,
        name: organisation.name,
        district: organisation.district,
      },
    };
  }
}
