import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from './organisation.entity';

export type SlotType = 'internship' | 'apprenticeship' | 'teacher_practice';
export type SlotState = 'draft' | 'open' | 'closed' | 'cancelled';

/**
 * 岗位 — a place an enterprise offers: 岗位实习 post internship, 现代学徒制 apprenticeship, or
 * 教师企业实践 teacher practice. `taken` counts accepted seats; the CHECK is the last line of
 * defence against overbooking.
 */
@Entity('slots')
@Check('slots_type', `"type" IN ('internship', 'apprenticeship', 'teacher_practice')`)
@Check('slots_state', `"state" IN ('draft', 'open', 'closed', 'cancelled')`)
@Check('slots_capacity', '"capacity" > 0')
@Check('slots_taken', '"taken" >= 0 AND "taken" <= "capacity"')
@Check('slots_dates', '"end_date" >= "start_date"')
@Index('slots_open_type_start', ['state', 'type', 'startDate'])
@Index('slots_open_by_start', { synchronize: false })
// What placements reference (their slot and its enterprise in one key); also the enterprise's slots.
@Unique('slots_enterprise_slot', ['enterpriseId', 'id'])
export class Slot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  enterpriseId: string;

  @Column('text')
  type: SlotType;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text', { array: true, default: () => "'{}'" })
  majors: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  skills: string[];

  @Column('text')
  district: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column('int')
  capacity: number;

  @Column('int', { default: 0 })
  taken: number;

  /** Monthly stipend in yuan (decimal string). */
  @Column('numeric', { precision: 10, scale: 2, nullable: true })
  stipend: string | null;

  /** Regular staff in this post (岗位): interns in it are capped at 20 % of them (postInternCapRate). */
  @Column('int', { nullable: true })
  postStaff: number | null;

  /** The same post's monthly wage in yuan: the stipend must be ≥ 80 % of it. */
  @Column('numeric', { precision: 10, scale: 2, nullable: true })
  postWage: string | null;

  @Column('numeric', { precision: 3, scale: 1, default: 8 })
  hoursPerDay: string;

  @Column('boolean', { default: false })
  nightShift: boolean;

  @Column('date', { nullable: true })
  applicationDeadline: string | null;

  @Column('text', { default: 'draft' })
  state: SlotState;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** Bigrams and words of the title and description (libs/domain searchTerms), GIN-indexed. */
  @Index('slots_search_terms', { synchronize: false })
  @Column('text', { array: true, default: () => "'{}'", select: false })
  searchTerms: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: Organisation;
}
