import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROOT_CONTEXT, Span } from '@opentelemetry/api';
import { run } from '@skillbridge/db';
import { jobId } from '@skillbridge/jobs';
import { loadMessageFacts, readsFactsOf } from '@skillbridge/notifications';
import { contextOf, spanContextOf } from '@skillbridge/runtime';
import {
  ChannelPreference,
  EVENT_KINDS,
  EventKind,
  MessageFacts,
  RECORDED_ONLY_KINDS,
  hasTemplate,
  isEventKind,
  preferenceFor,
} from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { QueueRuntime } from '../jobs/queue-runtime.service';
import { WorkerMetrics } from '../metrics/worker-metrics';
import { checkEventHandling } from './event-handling';
import { ENTER_INBOX_BATCH, EVENTS_OF_BATCH, OutboxEventRow, PREFERENCES_OF_BATCH, RECIPIENTS_OF_BATCH } from './notifications.statements';
import { inSpan, tracer } from '../telemetry/spans';

type EventRow = OutboxEventRow & { recipients: string[] };

/**
 * Fans a batch of outbox events out to their recipients. Per-row work would cost ten round trips
 * per message (bench: ~290 deliveries/s); here a batch costs a handful: the events, the people and
 * their preferences are read at once, each message's facts once per subject, and every inbox entry
 * (its kind, subject and facts: the inbox renders them in the reader's language when read) is written
 * in one statement that records its delivery in the same breath (exactly once: the
 * delivery's unique key decides). Whoever also wants e-mail or a webhook gets one
 * `notification.deliver` job for that, with its own retries and dead letter.
 */
@Injectable()
@HandlesJob('notification.fanout')
export class FanOutNotificationsJob implements JobHandler<'notification.fanout'>, OnModuleInit {
  private readonly logger = new Logger(FanOutNotificationsJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runtime: QueueRuntime,
    private readonly metrics: WorkerMetrics,
  ) {}

  /** A declared event kind nobody handles stops the worker at boot, rather than go untold in silence. */
  onModuleInit(): void {
    checkEventHandling(EVENT_KINDS, (kind) => hasTemplate(kind) && readsFactsOf(kind), RECORDED_ONLY_KINDS);
  }

  async handle({ eventIds }: { eventIds: string[] }): Promise<void> {
    const read = await run(this.db, EVENTS_OF_BATCH, [eventIds]);
    const events = read.filter((event) => this.toldOf(event));
    const pairs = events.flatMap((event) => event.recipients.map((userId) => ({ event, userId })));
    // A batch mixes events of many requests: its span links to each, and each event gets a span in
    // its own request's trace, so that a trace shows where its notifications went.
    const links = events.flatMap((event) => {
      const context = spanContextOf(event.traceparent);
      return context ? [{ context }] : [];
    });
    await inSpan('notification.fanout', ROOT_CONTEXT, { attributes: { 'skillbridge.events': events.length }, links }, async (batch) => {
      const perEvent: Span[] = events
        .filter((event) => event.traceparent)
        .map((event) =>
          tracer.startSpan(
            'notification.fanout.event',
            {
              attributes: {
                'skillbridge.event.id': String(event.id),
                'skillbridge.event.kind': event.kind,
                'skillbridge.recipients': event.recipients.length,
              },
              links: [{ context: batch.spanContext() }],
            },
            contextOf(event.traceparent),
          ),
        );
      try {
        await this.fanOut(events, pairs);
      } catch (error) {
        // Anything odd in the batch: hand every message to the one-by-one path, which retries and
        // dead-letters each on its own (and skips what this batch already delivered).
        this.logger.warn({ err: error, events: events.length }, 'batch fan-out failed; delivering one by one');
        await this.enqueueEach(pairs.map(({ event, userId }) => ({ eventId: String(event.id), userId })));
      } finally {
        for (const span of perEvent) span.end();
      }
    });
  }

  /**
   * Whether an event's recipients are told: not for a recorded-only kind (by design), nor for a
   * kind this build does not know (another build recorded it: said in the log, not dropped in silence).
   */
  private toldOf(event: EventRow): boolean {
    if (!isEventKind(event.kind)) {
      this.logger.warn({ eventId: event.id, kind: event.kind }, 'event of a kind this build does not know: nobody told');
      return false;
    }
    return !RECORDED_ONLY_KINDS.includes(event.kind);
  }

  private async fanOut(events: EventRow[], pairs: Array<{ event: EventRow; userId: string }>): Promise<void> {
    const userIds = [...new Set(pairs.map((p) => p.userId))];
    const [people, stored] = await Promise.all([
      run(this.db, RECIPIENTS_OF_BATCH, [userIds]),
      run(this.db, PREFERENCES_OF_BATCH, [userIds]),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const preferences = new Map<string, Record<string, ChannelPreference>>();
    for (const row of stored)
      preferences.set(row.user_id, { ...preferences.get(row.user_id), [row.kind]: { channels: row.channels, mode: row.mode } });
    const facts = await this.factsOf(events);
    // Each event's facts as JSON once, however many people hear of it.
    const factsText = new Map([...facts].map(([id, f]) => [id, JSON.stringify(f)]));

    const inbox = {
      eventIds: [] as string[],
      userIds: [] as string[],
      kinds: [] as string[],
      subjects: [] as string[],
      facts: [] as string[],
    };
    const external: Array<{ eventId: string; userId: string }> = [];
    for (const { event, userId } of pairs) {
      const recipient = byId.get(userId);
      const eventFacts = facts.get(event.id);
      // Gone since the event was recorded: nothing to deliver.
      if (!recipient || !eventFacts || !isEventKind(event.kind)) continue;
      const preference = preferenceFor(event.kind, preferences.get(userId) ?? {});
      if (preference.channels.includes('inbox')) {
        // The facts, not the words: the inbox renders them in the reader's language when read.
        inbox.eventIds.push(String(event.id));
        inbox.userIds.push(userId);
        inbox.kinds.push(event.kind);
        inbox.subjects.push(event.subject_id);
        inbox.facts.push(factsText.get(event.id)!);
      }
      if (preference.channels.some((channel) => channel !== 'inbox')) external.push({ eventId: String(event.id), userId });
    }
    if (inbox.eventIds.length) {
      const [{ delivered }] = await run(this.db, ENTER_INBOX_BATCH, [
        inbox.eventIds,
        inbox.userIds,
        inbox.kinds,
        inbox.subjects,
        inbox.facts,
      ]);
      this.metrics.delivered('inbox', 'sent', delivered);
    }
    if (external.length) await this.enqueueEach(external);
  }

  /** Each event's facts; events about the same subject share one read. */
  private async factsOf(events: EventRow[]): Promise<Map<string, MessageFacts | null>> {
    const reads = new Map<string, Promise<MessageFacts | null>>();
    const byEvent = new Map<string, Promise<MessageFacts | null>>();
    for (const event of events) {
      const key = `${event.kind}\u0000${event.subject_id}\u0000${JSON.stringify(event.payload)}`;
      if (!reads.has(key)) reads.set(key, loadMessageFacts(this.db.manager, event.kind as EventKind, event.subject_id, event.payload));
      byEvent.set(event.id, reads.get(key)!);
    }
    const facts = new Map<string, MessageFacts | null>();
    for (const [id, read] of byEvent) facts.set(id, await read);
    return facts;
  }

  private async enqueueEach(messages: Array<{ eventId: string; userId: string }>): Promise<void> {
    await this.runtime.jobs.addBulk(
      'notification.deliver',
      messages.map((data) => ({ data, jobId: jobId('notification.deliver', data.eventId, data.userId) })),
    );
  }
}
