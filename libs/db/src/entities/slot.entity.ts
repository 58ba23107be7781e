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
import { SLOT_STATES, SLOT_TYPES, type SlotState, type SlotType } from '@skillbridge/contracts';
import { oneOf } from './checks';
import { Organisation } from './organisation.entity';

export type { SlotState, SlotType };

/**
 * 岗位 — a place an enterprise offers: 岗位实习 post internship, 现代学徒制 apprenticeship, or
 * 教师企业实践 teacher practice. `taken` counts accepted seats; the CHECK is the last line of
 * defence against overbooking. Its pages are kept half empty (fillfactor 50, migration BulkWrites1796600000000),
 * so that taking a seat is a HOT update: a storage parameter, which an entity cannot state.
 */
@Entity('slots')
@Check('slots_type', oneOf('type', SLOT_TYPES))
@Check('slots_state', oneOf('state', SLOT_STATES))
@Check('slots_capacity', '"capacity" > 0')
@Check('slots_taken', '"taken" >= 0 AND "taken" <= "capacity"')
@Check('slots_dates', '"end_date" >= "start_date"')
@Index('slots_open_type_start', ['state', 'type', 'startDate'])
// Open slots in start order, a page at a time.
@Index('slots_open_by_start', ['startDate', 'id'], { where: `"state" = 'open'` })
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

  /** Bigrams and words of the title, description, majors and skills (libs/domain slotSearchTerms), GIN-indexed. */
  @Index('slots_search_terms', { type: 'gin' })
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
