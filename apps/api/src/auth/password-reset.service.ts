import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, hashPassword, jobId } from '@skillbridge/db';
import { DomainError } from '@skillbridge/domain';
import { Queue } from 'bullmq';
import { createHash, randomUUID } from 'crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { countingRedis } from '../common/rate-limit';
import { AppConfig } from '../config/app.config';
import { InjectRedis } from '../redis/redis.module';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const linkInvalid = () =>
  new DomainError('RESET_LINK_INVALID', 'invalid', 'This password-reset link is wrong, used or expired: ask for a new one');

/**
 * 忘记密码: an e-mailed one-time link (30 minutes, stored only as its SHA-256; made and sent by the
 * worker) and a new password with it, which signs the account out everywhere.
 */
@Injectable()
export class PasswordResetService implements OnApplicationShutdown {
  private queue?: Queue;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Queues the request whatever the e-mail: the answer, and its time, say nothing of whether an
   * account has it (the worker finds out). Limited per e-mail and per client address.
   */
  async request(email: string, address: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    await this.withinLimits(normalised, address);
    const resetId = randomUUID();
    this.queue ??= new Queue(QUEUES.notifications, { connection: { url: this.config.REDIS_URL }, prefix: this.config.QUEUE_PREFIX });
    await this.queue.add(
      'password-reset.send',
      { resetId, email: normalised, requestedAt: new Date().toISOString() },
      // The link is only worth its 30 minutes: a job that has failed that long is dropped.
      { jobId: jobId('password-reset.send', resetId), attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { age: 86_400 } },
    );
  }

  private async withinLimits(email: string, address: string): Promise<void> {
    const windowSeconds = this.config.PASSWORD_RESET_WINDOW_SECONDS;
    const window = Math.floor(Date.now() / 1000 / windowSeconds);
    const redis = countingRedis(this.redis);
    const [byAccount, byAddress] = await Promise.all([
      redis.countInWindow(`password-reset:account:${email}:${window}`, windowSeconds + 1),
      redis.countInWindow(`password-reset:address:${address}:${window}`, windowSeconds + 1),
    ]);
    if (byAccount > this.config.PASSWORD_RESET_PER_ACCOUNT || byAddress > this.config.PASSWORD_RESET_PER_ADDRESS) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window + 1) * windowSeconds - Date.now() / 1000));
      throw new DomainError('RATE_LIMITED', 'rate_limited', `Too many password-reset requests; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, { retryAfterSeconds });
    }
  }

  /**
   * Sets the new password with a link's secret, once: in one transaction the link is spent (with
   * every other link of the account) and every session of the account is revoked.
   */
  async reset(token: string, password: string): Promise<void> {
    const tokenHash = sha256(token);
    // Looked up before hashing: a wrong secret costs no argon2.
    const [live]: Array<{ user_id: string }> = await this.db.query(
      `SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    if (!live) throw linkInvalid();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      // Guarded: of two uses of one link at once, one wins.
      const [spent]: [Array<{ user_id: string }>, number] = await tx.query(
        `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [tokenHash],
      );
      if (!spent.length) throw linkInvalid();
      const userId = spent[0].user_id;
      await tx.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
