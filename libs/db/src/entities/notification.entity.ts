import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app inbox entry, rendered in the recipient's language when delivered. One per event and person. */
@Entity('notifications')
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

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
