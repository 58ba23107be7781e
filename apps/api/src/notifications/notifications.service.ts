import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DeadLetterView,
  Locale,
  NotificationLanguageView,
  NotificationPreferenceView,
  NotificationView,
  Page,
} from '@skillbridge/contracts';
import { run, runCount, runOne } from '@skillbridge/db';
import { Actor, NotificationLocale, audienceOf, defaultPreference, kindsReaching, notFound, renderEntry } from '@skillbridge/domain';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { DataSource } from 'typeorm';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { ListNotificationsQuery, PreferencesDto } from './dto/notification.dto';
import {
  DEAD_LETTERS,
  LANGUAGE_OF,
  MARK_ALL_READ,
  MARK_READ,
  PREFERENCES_OF,
  REVIVE_DELIVERY,
  SET_LANGUAGE,
  SET_PREFERENCE,
  UNREAD_COUNT,
} from './notifications.statements';

interface InboxRow {
  id: string;
  kind: string;
  subject_id: string;
  slot_id: string | null;
  facts: object | null;
  title: string | null;
  body: string | null;
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

  /**
   * A page of the person's own inbox, each entry rendered now from its kind and facts in the reader's
   * language and for the reader's side (audienceOf the role); an application's entry names its slot, for the link.
   */
  async inbox(
    actor: Actor,
    query: ListNotificationsQuery,
    language: NotificationLocale,
  ): Promise<Page<NotificationView> & { unread: number }> {
    const qb = this.db
      .createQueryBuilder()
      .from('notifications', 'n')
      .leftJoin('applications', 'a', `a.id = n.subject_id AND n.kind LIKE 'application.%'`)
      .select(['n.id AS id', 'n.kind AS kind', 'n.subject_id AS subject_id', 'a.slot_id AS slot_id', 'n.facts AS facts'])
      .addSelect(['n.title AS title', 'n.body AS body', 'n.read_at AS read_at', 'n.created_at AS created_at'])
      .addSelect(`to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at')
      .where('n.user_id = :userId', { userId: actor.userId });
    if (query.unread === 'true') qb.andWhere('n.read_at IS NULL');
    if (query.kind) qb.andWhere('n.kind = :kind', { kind: query.kind });
    const page = await paginateRows(qb, query, NEWEST_FIRST, 'DESC');
    const audience = audienceOf(actor.role);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        kind: r.kind,
        subjectId: r.subject_id,
        slotId: r.slot_id,
        ...renderEntry(r, audience, language),
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

  /** Every event kind that can reach the person's role, with the channels in force: their own choice or the default. */
  async preferences(actor: Actor): Promise<NotificationPreferenceView[]> {
    const rows = await run(this.db, PREFERENCES_OF, [actor.userId]);
    const own = new Map(rows.map((r) => [r.kind, r]));
    return kindsReaching(actor.role).map((kind) => {
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

  /** The language the person's e-mails are written in: rendered at sending, in it. */
  async language(actor: Actor): Promise<NotificationLanguageView> {
    const row = await runOne(this.db, LANGUAGE_OF, [actor.userId]);
    if (!row) throw notFound('The user');
    return { locale: row.locale };
  }

  async setLanguage(actor: Actor, locale: Locale): Promise<NotificationLanguageView> {
    const row = await runOne(this.db, SET_LANGUAGE, [actor.userId, locale]);
    if (!row) throw notFound('The user');
    return { locale: row.locale };
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
