import { APPLICATION_STATUSES, type ApplicationStatus } from '@skillbridge/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organisation } from './organisation.entity';
import { Slot } from './slot.entity';
import { User } from './user.entity';

/**
 * A student's bid for a slot. One live (or accepted) application per student and slot, enforced
 * by a partial unique index.
 */
@Entity('applications')
@Check('applications_status', oneOf('status', APPLICATION_STATUSES))
@Index('applications_one_live_per_slot', ['slotId', 'studentId'], {
  unique: true,
  where: `"status" IN ('submitted', 'shortlisted', 'offered', 'accepted')`,
})
@Index('applications_slot_status', ['slotId', 'status'])
@Index('applications_school_status', ['schoolId', 'status'])
@Index('applications_offered_respond_by', ['respondBy'], { where: `"status" = 'offered'` })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  slotId: string;

  @Index('applications_student_id')
  @Column('uuid')
  studentId: string;

  /** The student's school at the time of applying: the school that approves. */
  @Column('uuid')
  schoolId: string;

  /** The slot's enterprise, kept here so that tenancy needs no join. */
  @Column('uuid')
  enterpriseId: string;

  @Column('text', { default: 'submitted' })
  status: ApplicationStatus;

  @Column('text', { default: '' })
  motivation: string;

  /** The school signs the tripartite agreement: an offer cannot be accepted before this. */
  @Column('timestamptz', { nullable: true })
  schoolApprovedAt: Date | null;

  @Column('uuid', { nullable: true })
  schoolApprovedBy: string | null;

  /** The school sent the application back to the student, with its reason (the student and the enterprise are told); an approval later supersedes it. */
  @Column('timestamptz', { nullable: true })
  schoolSentBackAt: Date | null;

  @Column('text', { nullable: true })
  schoolSentBackReason: string | null;

  /** Recorded by the school for a student under 18. */
  @Column('timestamptz', { nullable: true })
  guardianConsentAt: Date | null;

  /** Last day the student may answer an offer; past it the offer expires. */
  @Column('date', { nullable: true })
  respondBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot?: Slot;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student?: User;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organisation;
}
