import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app inbox entry: its kind, subject and facts, rendered in the reader's language when read (one per
 * event and person). Entries written before facts were kept hold their words (title, body) instead; every
 * row has one or the other, so none shows blank.
 */
@Entity('notifications')
@Check('notifications_facts_or_words', `"facts" IS NOT NULL OR ("title" IS NOT NULL AND "body" IS NOT NULL)`)
@Index('notifications_event_user', ['eventId', 'userId'], { unique: true })
@Index('notifications_user_created', ['userId', 'createdAt'])
@Index('notifications_user_unread', ['userId'], { where: '"read_at" IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('bigint')
  eventId: string;

  @Column('text')
  kind: string;

  @Column('uuid')
  subjectId: string;

  /** What the message mentions (MessageFacts, libs/domain), rendered when read. */
  @Column('jsonb', { nullable: true })
  facts: Record<string, unknown> | null;

  /** The words of an entry written before facts were kept. */
  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
