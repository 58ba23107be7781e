import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the state change that caused it, naming who must
 * hear of it. The worker's relay delivers these; nothing is lost if a process dies after commit.
 */
@Entity('outbox_events')
@Index('outbox_events_unpublished', ['id'], { where: '"published_at" IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** e.g. `application.offered`. */
  @Column('text')
  kind: string;

  /** The id of the thing the event is about (an application, a placement…). */
  @Column('uuid')
  subjectId: string;

  /** Users to notify. */
  @Column('uuid', { array: true })
  recipients: string[];

  @Column('jsonb', { default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** For scheduled reminders: the same reminder is recorded once, however often the job runs. */
  @Index('outbox_events_dedupe_key', { unique: true, where: '"dedupe_key" IS NOT NULL' })
  @Column('text', { nullable: true })
  dedupeKey: string | null;

  /** W3C traceparent of the request that recorded it (when tracing is on): the worker's spans join that trace. */
  @Column('text', { nullable: true })
  traceparent: string | null;
}
