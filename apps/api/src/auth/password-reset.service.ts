import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword, sha256 } from '@skillbridge/accounts';
import { runCount, runOne } from '@skillbridge/db';
import { DomainError } from '@skillbridge/domain';
import { randomUUID } from 'crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { EmailAndAddressLimit, limitPerEmailAndAddress } from '../common/rate-limit';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';
import { AccountMail } from './account-mail';
import { LIVE_PASSWORD_RESET, REVOKE_ALL_SESSIONS, SET_PASSWORD, SPEND_ALL_PASSWORD_RESETS, SPEND_PASSWORD_RESET } from './auth.statements';

const linkInvalid = () =>
  new DomainError('RESET_LINK_INVALID', 'invalid', 'This password-reset link is wrong, used or expired: ask for a new one');

/**
 * 忘记密码: an e-mailed one-time link (30 minutes, stored only as its SHA-256; made and sent by the
 * worker) and a new password with it, which signs the account out everywhere.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly mail: AccountMail,
  ) {}

  /**
   * Queues the request whatever the e-mail: the answer, and its time, say nothing of whether an
   * account has it (the worker finds out). Limited per e-mail and per client address.
   */
  async request(email: string, address: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    await limitPerEmailAndAddress(this.redis, this.limit, normalised, address);
    const resetId = randomUUID();
    await this.mail.queueSend('password-reset.send', resetId, { resetId, email: normalised, requestedAt: new Date().toISOString() });
  }

  private get limit(): EmailAndAddressLimit {
    const { PASSWORD_RESET_PER_ACCOUNT, PASSWORD_RESET_PER_ADDRESS, PASSWORD_RESET_WINDOW_SECONDS } = this.config;
    return {
      purpose: 'password-reset',
      perEmail: PASSWORD_RESET_PER_ACCOUNT,
      perAddress: PASSWORD_RESET_PER_ADDRESS,
      windowSeconds: PASSWORD_RESET_WINDOW_SECONDS,
    };
  }

  /**
   * Sets the new password with a link's secret, once: in one transaction the link is spent (with
   * every other link of the account) and every session of the account is revoked.
   */
  async reset(token: string, password: string): Promise<void> {
    const tokenHash = sha256(token);
    // Looked up before hashing: a wrong secret costs no argon2.
    if (!(await runOne(this.db, LIVE_PASSWORD_RESET, [tokenHash]))) throw linkInvalid();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      // Guarded: of two uses of one link at once, one wins.
      const spent = await runOne(tx, SPEND_PASSWORD_RESET, [tokenHash]);
      if (!spent) throw linkInvalid();
      await runCount(tx, SET_PASSWORD, [spent.user_id, passwordHash]);
      await runCount(tx, SPEND_ALL_PASSWORD_RESETS, [spent.user_id]);
      await runCount(tx, REVOKE_ALL_SESSIONS, [spent.user_id]);
    });
  }
}
