import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterView, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import { run, runCount, runOne } from '@skillbridge/db';
import { Actor, EVENT_KINDS, defaultPreference, notFound } from '@skillbridge/domain';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { DataSource } from 'typeorm';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import {
  DEAD_LETTERS,
  MARK_ALL_READ,
  MARK_READ,
  PREFERENCES_OF,
  REVIVE_DELIVERY,
  SET_PREFERENCE,
  UNREAD_COUNT,
} from './notifications.statements';

interface InboxRow {
  id: string;
  kind: string;
  subject_id: string;
  title: string;
  body: string;
  read_at: Date | null;
  created_at: Date;
  /** created_at to the microsecond, for the cursor: a Date keeps only milliseconds. */
  at: string;
}

/** Newest first: (created_at, id), over notifications_user_created. */
const NEWEST_FIRST: SortKey<InboxRow>[] = [
  { column: 'n.created_at', of: (r) => r.at, kind: 'timestamp' },
  { column: 'n.id', of: (r) => r.id, kind: 'uuid' },
];

/** A person's own inbox and notification preferences, and the platform admin's dead letters. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
  ) {}

  async inbox(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationView> & { unread: number }> {
    const qb = this.db
      .createQueryBuilder()
      .from('notifications', 'n')
      .select(['n.id AS id', 'n.kind AS kind', 'n.subject_id AS subject_id', 'n.title AS title', 'n.body AS body', 'n.read_at AS read_at'])
      .addSelect(['n.created_at AS created_at', `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`])
      .where('n.user_id = :userId', { userId: actor.userId });
    if (query.unread === 'true') qb.andWhere('n.read_at IS NULL');
    const page = await paginateRows(qb, query, NEWEST_FIRST, 'DESC');
    return {
      items: page.items.map((r) => ({
        id: r.id,
        kind: r.kind,
        subjectId: r.subject_id,
        title: r.title,
        body: r.body,
        readAt: r.read_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
      unread: await this.unreadCount(actor),
    };
  }

  async unreadCount(actor: Actor): Promise<number> {
    return (await runOne(this.db, UNREAD_COUNT, [actor.userId]))?.n ?? 0;
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound('The notification');
    if ((await runCount(this.db, MARK_READ, [id, actor.userId])) === 0) throw notFound('The notification');
  }

  async markAllRead(actor: Actor): Promise<void> {
    await runCount(this.db, MARK_ALL_READ, [actor.userId]);
  }

  /** Every event kind with the channels in force: the person's own choice or the default. */
  async preferences(actor: Actor): Promise<NotificationPreferenceView[]> {
    const rows = await run(this.db, PREFERENCES_OF, [actor.userId]);
    const own = new Map(rows.map((r) => [r.kind, r]));
    return EVENT_KINDS.map((kind) => {
      const mine = own.get(kind);
      return mine
        ? { kind, channels: mine.channels, mode: mine.mode, isDefault: false }
        : { kind, ...defaultPreference(kind), isDefault: true };
    });
  }

  async setPreferences(actor: Actor, body: PreferencesDto): Promise<NotificationPreferenceView[]> {
    await this.db.transaction(async (tx) => {
      for (const p of body.preferences) {
        await runCount(tx, SET_PREFERENCE, [actor.userId, p.kind, p.channels, p.mode]);
      }
    });
    return this.preferences(actor);
  }

  /** Deliveries that exhausted their attempts, newest first: the platform admin's dead-letter list. */
  async deadLetters(): Promise<DeadLetterView[]> {
    const rows = await run(this.db, DEAD_LETTERS, []);
    return rows.map((r) => ({
      id: r.id,
      eventId: String(r.event_id),
      kind: r.kind,
      channel: r.channel,
      userId: r.user_id,
      userEmail: r.email,
      attempts: r.attempts,
      lastError: r.last_error,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  /** Gives a dead delivery a fresh set of attempts. */
  async retry(id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound('The delivery');
    const revived = await runOne(this.db, REVIVE_DELIVERY, [id]);
    if (!revived) throw notFound('The dead delivery');
    await this.jobs.add(
      'notification.deliver',
      { eventId: String(revived.event_id), userId: revived.user_id },
      jobId('notification.deliver', revived.event_id, revived.user_id, `retry-${revived.attempts}`),
    );
  }
}
