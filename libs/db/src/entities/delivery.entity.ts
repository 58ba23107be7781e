import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';

export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'dead', 'digest'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One (event, recipient, channel): the unique key makes each delivered at most once. External
 * channels carry the delivery id as an idempotency key (Message-ID, Idempotency-Key), so a send
 * repeated after a crash between sending and recording is recognised by the receiver.
 */
@Entity('deliveries')
@Index('deliveries_event_user_channel', ['eventId', 'userId', 'channel'], { unique: true })
@Index('deliveries_dead', ['updatedAt'], { where: `"status" = 'dead'` })
@Index('deliveries_digest', ['userId'], { where: `"status" = 'digest'` })
@Check('deliveries_channel', `"channel" IN ('inbox', 'email', 'webhook')`)
@Check('deliveries_status', oneOf('status', DELIVERY_STATUSES))
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('bigint')
  eventId: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  channel: 'inbox' | 'email' | 'webhook';

  @Column('text')
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
