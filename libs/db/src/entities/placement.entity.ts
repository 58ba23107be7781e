import { PLACEMENT_STATUSES, type PlacementStatus } from '@skillbridge/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { oneOf } from './checks';
import { Organisation } from './organisation.entity';
import { Slot } from './slot.entity';
import { User } from './user.entity';

/**
 * A person placed at an enterprise for dates: an accepted application (a student) or a practice
 * booking (a teacher). A student's placements never overlap: an exclusion constraint in the
 * migration guards it.
 */
@Entity('placements')
@Check('placements_kind', `"kind" IN ('student', 'teacher')`)
@Check('placements_status', oneOf('status', PLACEMENT_STATUSES))
@Check('placements_dates', '"end_date" >= "start_date"')
@Index('placements_enterprise_status', ['enterpriseId', 'status'])
@Index('placements_school_id', ['schoolId'])
@Exclusion(
  'placements_student_no_overlap',
  `USING gist ("person_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("kind" = 'student' AND "status" <> 'terminated')`,
)
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: 'student' | 'teacher';

  @Index('placements_application_id', { unique: true, where: '"application_id" IS NOT NULL' })
  @Column('uuid', { nullable: true })
  applicationId: string | null;

  @Column('uuid')
  slotId: string;

  @Column('uuid')
  enterpriseId: string;

  @Index('placements_person_id')
  @Column('uuid')
  personId: string;

  @Column('uuid')
  schoolId: string;

  @Column('text')
  slotType: 'internship' | 'apprenticeship' | 'teacher_practice';

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column('text', { default: 'pending' })
  status: PlacementStatus;

  @Column('text', { nullable: true })
  insurancePolicyNo: string | null;

  @Column('timestamptz', { nullable: true })
  activatedAt: Date | null;

  /** When the last signature of its agreement's current version landed (issue 18): hosted counts need it. */
  @Column('timestamptz', { nullable: true })
  agreementSignedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** The enterprise's evaluation at completion. */
  @Column('text', { nullable: true })
  evaluation: string | null;

  /** For teachers: the days actually served, confirmed by the enterprise. */
  @Column('int', { nullable: true })
  daysServed: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** The slot and its enterprise, checked by one key (enterprise_id, slot_id) → slots (enterprise_id, id). */
  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'enterprise_id', referencedColumnName: 'enterpriseId', foreignKeyConstraintName: 'placements_slot_of_enterprise' },
    { name: 'slot_id', referencedColumnName: 'id', foreignKeyConstraintName: 'placements_slot_of_enterprise' },
  ])
  slot?: Slot;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: User;

  /** Guarded through the slot (see `slot`): no key of its own. */
  @ManyToOne(() => Organisation, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Organisation;
}
