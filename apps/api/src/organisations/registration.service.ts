import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword, sha256 } from '@skillbridge/accounts';
import type { LoginResponse } from '@skillbridge/contracts';
import { Organisation, User, runOne } from '@skillbridge/db';
import { DomainError, RegistrationApplication, normaliseUscc, usccProblem } from '@skillbridge/domain';
import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { AccountMail } from '../auth/account-mail';
import { DeviceCookies } from '../auth/device-cookie';
import { TokenService } from '../auth/token.service';
import { userView } from '../auth/views';
import { EmailAndAddressLimit, limitPerEmailAndAddress } from '../common/rate-limit';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';
import { RegisterEnterpriseDto } from './dto/enterprise.dto';
import { uniqueViolation, usccTaken } from './enterprises.service';
import { LIVE_REGISTRATION, SPEND_REGISTRATION, USCC_HELD_BY_VERIFIED } from './organisations.statements';

const linkInvalid = () =>
  new DomainError('REGISTRATION_LINK_INVALID', 'invalid', 'This registration link is wrong, used or expired: register again');

const emailTaken = () =>
  new DomainError('EMAIL_TAKEN', 'conflict', 'This e-mail address already has an account: sign in, or use “forgot password”');

/**
 * Self-registration in two steps, so that it tells nothing about who has an account:
 * `register` answers the same 202 for every e-mail and queues an e-mail (the worker writes the pending
 * registration with a one-time link, or tells an existing account's owner so); `confirm` takes the
 * link's secret and the admin's password and creates the enterprise (unverified) and its admin.
 *
 * The password is asked for on the confirm page, not at registration: nothing secret waits in the
 * database or the queue, and the account's password is chosen by whoever holds the mailbox — someone
 * registering another person's e-mail can never sign in to the account that person confirms.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly mail: AccountMail,
    private readonly tokens: TokenService,
    private readonly devices: DeviceCookies,
  ) {}

  /**
   * Limited per e-mail and per client address; then refuses what reveals nothing about anyone's
   * account (a code no authority could issue, a verified enterprise's code — verified enterprises
   * are public) and queues the e-mail. No argon2 and no lookup of the e-mail here, so neither the
   * answer nor its time depends on whether the e-mail has an account.
   */
  async register(body: RegisterEnterpriseDto, address: string): Promise<void> {
    const email = body.adminEmail.trim().toLowerCase();
    await limitPerEmailAndAddress(this.redis, this.limit, email, address);
    if (usccProblem(body.uscc) === 'void') {
      throw new DomainError(
        'USCC_VOID',
        'unprocessable',
        'This unified social credit code cannot have been issued (GB 32100: unknown registration authority or organisation type, or no administrative division)',
      );
    }
    const uscc = normaliseUscc(body.uscc);
    if (await this.heldByVerified(this.db.manager, uscc)) throw usccTaken();
    const registrationId = randomUUID();
    const application: RegistrationApplication = {
      name: body.name.trim(),
      uscc,
      ownership: body.ownership,
      industry: body.industry.trim(),
      district: body.district,
      adminName: body.adminName.trim(),
    };
    await this.mail.queueSend('registration.send', registrationId, {
      registrationId,
      email,
      requestedAt: new Date().toISOString(),
      application,
    });
  }

  private get limit(): EmailAndAddressLimit {
    const { REGISTRATION_PER_EMAIL, REGISTRATION_PER_ADDRESS, REGISTRATION_WINDOW_SECONDS } = this.config;
    return {
      purpose: 'registration',
      perEmail: REGISTRATION_PER_EMAIL,
      perAddress: REGISTRATION_PER_ADDRESS,
      windowSeconds: REGISTRATION_WINDOW_SECONDS,
    };
  }

  /**
   * Finishes a registration with its link's secret, once: in one transaction the link is spent and the
   * enterprise and its admin are created, or nothing is. Of two confirms of one link one wins (the
   * other: REGISTRATION_LINK_INVALID); an account made for the e-mail meanwhile (another registration's
   * link, an import) wins over this one (EMAIL_TAKEN: the users_email unique index decides), as does a
   * verified enterprise that took the code meanwhile (USCC_TAKEN). Signs the new admin in.
   */
  async confirm(token: string, password: string): Promise<{ response: LoginResponse; deviceCookie: string }> {
    const tokenHash = sha256(token);
    // Looked up before hashing: a wrong secret costs no argon2.
    if (!(await runOne(this.db, LIVE_REGISTRATION, [tokenHash]))) throw linkInvalid();
    const passwordHash = await hashPassword(password);
    let admin: User;
    try {
      admin = await this.db.transaction(async (tx) => {
        const spent = await runOne(tx, SPEND_REGISTRATION, [tokenHash]);
        if (!spent) throw linkInvalid();
        return this.createEnterprise(tx, spent.email, spent.application, passwordHash);
      });
    } catch (error) {
      const index = uniqueViolation(error);
      if (index === 'organisations_uscc') throw usccTaken();
      if (index === 'users_email') throw emailTaken();
      throw error;
    }
    return { response: { ...(await this.tokens.issue(admin)), user: userView(admin) }, deviceCookie: this.devices.issue(admin.id) };
  }

  /** The enterprise (unverified: it counts nowhere until verified) and its first admin. */
  private async createEnterprise(
    tx: EntityManager,
    email: string,
    application: RegistrationApplication,
    passwordHash: string,
  ): Promise<User> {
    if (await this.heldByVerified(tx, application.uscc)) throw usccTaken();
    const enterprise = await tx.getRepository(Organisation).save(
      tx.getRepository(Organisation).create({
        kind: 'enterprise',
        name: application.name,
        uscc: application.uscc,
        ownership: application.ownership as Organisation['ownership'],
        industry: application.industry,
        district: application.district,
        verification: 'unverified',
      }),
    );
    return tx.getRepository(User).save(
      tx.getRepository(User).create({
        email,
        passwordHash,
        name: application.adminName,
        role: 'enterprise_admin',
        organisationId: enterprise.id,
        authority: null,
      }),
    );
  }

  /** Only a verified enterprise holds its code; an unverified registration never blocks it. */
  private async heldByVerified(manager: EntityManager, uscc: string): Promise<boolean> {
    return !!(await runOne(manager, USCC_HELD_BY_VERIFIED, [uscc]));
  }
}
