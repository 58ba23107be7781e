import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import { JobProducer, decodeCursor, encodeCursor, jobId } from '@skillbridge/db';
import { Actor, DomainError, EVENT_KINDS, defaultPreference, notFound } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import { UUID } from '../common/ids';


@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  async inbox(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationView> & { unread: number }> {
    const params: unknown[] = [actor.userId];
    let where = 'user_id = $1';
    if (query.unread === 'true') where += ' AND read_at IS NULL';
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      if (!key || !UUID.test(String(key[1]))) throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
      params.push(key[0], key[1]);
      where += ` AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    const limit = query.limit ?? 50;
    const rows: Array<{ id: string; kind: string; subject_id: string; title: string; body: string; read_at: Date | null; created_at: Date }> = await this.db.query(
      `SELECT id, kind, subject_id, title, body, read_at, created_at FROM notifications WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => ({ id: r.id, kind: r.kind, subjectId: r.subject_id, title: r.title, body: r.body, readAt: r.read_at?.toISOString() ?? null, createdAt: r.created_at.toISOString() })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
      unread: await this.unreadCount(actor),
    };
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [actor.userId]);
    return n;
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound('The notification');
    const [, changed]: [unknown, number] = await this.db.query(
      'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2',
      [id, actor.userId],
    );
    if (changed === 0) throw notFound('The notification');
  }

  async markAllRead(actor: Actor): Promise<void> {
    await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [actor.userId]);
  }

  /** Every event kind with the channels in force: the person's own choice or the default. */
  async preferences(actor: Actor): Promise<NotificationPreferenceView[]> {
    const rows: Array<{ kind: string; channels: NotificationPreferenceView['channels']; mode: 'immediate' | 'digest' }> = await this.db.query(
      'SELECT kind, channels, mode FROM notification_preferences WHERE user_id = $1',
      [actor.userId],
    );
    const own = new Map(rows.map((r) => [r.kind, r]));
    return EVENT_KINDS.map((kind) => {
      const mine = own.get(kind);
      return mine ? { kind, channels: mine.channels, mode: mine.mode, isDefault: false } : { kind, ...defaultPreference(kind), isDefault: true };
    });
  }

  async setPreferences(actor: Actor, body: PreferencesDto): Promise<NotificationPreferenceView[]> {
    await this.db.transaction(async (tx) => {
      for (const p of body.preferences) {
        await tx.query(
          `INSERT INTO notification_preferences (user_id, kind, channels, mode) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id, kind) DO UPDATE SET channels = EXCLUDED.channels, mode = EXCLUDED.mode, updated_at = now()`,
          [actor.userId, p.kind, p.channels, p.mode],
        );
      }
    });
    return this.preferences(actor);
  }

  /** Deliveries that exhausted their attempts, newest first: the platform admin's dead-letter list. */
  async deadLetters(): Promise<DeadLetterView[]> {
    const rows = await this.db.query(
      `SELECT d.id, d.event_id, e.kind, d.channel, d.user_id, u.email, d.attempts, d.last_error, d.updated_at
         FROM deliveries d JOIN outbox_events e ON e.id = d.event_id JOIN users u ON u.id = d.user_id
        WHERE d.status = 'dead' ORDER BY d.updated_at DESC LIMIT 500`,
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      eventId: String(r.event_id),
      kind: r.kind,
      channel: r.channel,
      userId: r.user_id,
      userEmail: r.email,
      attempts: r.attempts,
      lastError: r.last_error,
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }

  /** Gives a dead delivery a fresh set of attempts. */
  async retry(id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound('The delivery');
    const [rows]: [Array<{ event_id: string; user_id: string; attempts: number }>] = await this.db.query(
      `UPDATE deliveries SET status = 'failed', last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING event_id, user_id, attempts`,
      [id],
    );
    if (!rows[0]) throw notFound('The dead delivery');
    await this.jobs.add(
      'notification.deliver',
      { eventId: String(rows[0].event_id), userId: rows[0].user_id },
      jobId('notification.deliver', rows[0].event_id, rows[0].user_id, `retry-${rows[0].attempts}`),
    );
  }
}
