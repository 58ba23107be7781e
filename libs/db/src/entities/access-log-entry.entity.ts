import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 个人信息访问记录 — who read whose personal data, what and why. Append-only: a trigger in the
 * migration refuses UPDATE and DELETE.
 */
@Entity('access_log')
@Index('access_log_subject', ['subjectId', 'at'])
@Index('access_log_actor', ['actorId', 'at'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  actorId: string;

  @Column('text')
  actorRole: string;

  /** The person whose data was read. */
  @Column('uuid')
  subjectId: string;

  /** What was read, e.g. `applications.list`. */
  @Column('text')
  what: string;

  /** The purpose the route serves, e.g. reviewing applicants. */
  @Column('text')
  why: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
