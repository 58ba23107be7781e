import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person's choice for one event kind: which channels, and now or in the daily digest. */
@Entity('notification_preferences')
@Check('notification_preferences_mode', `"mode" IN ('immediate', 'digest')`)
@Check('notification_preferences_channels', `"channels" <@ ARRAY['inbox', 'email', 'webhook']::text[]`)
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  kind: string;

  @Column('text', { array: true })
  channels: Array<'inbox' | 'email' | 'webhook'>;

  @Column('text', { default: 'immediate' })
  mode: 'immediate' | 'digest';

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
