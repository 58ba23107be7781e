import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Major } from './major.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** 职业院校学生 — a student's profile; the login is the `users` row with the same id. */
@Entity('students')
@Check('students_enrolment_year', '"enrolment_year" BETWEEN 1990 AND 2100')
@Index('students_school_major', ['schoolId', 'major'])
export class Student {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('uuid')
  schoolId: string;

  @Column('date')
  dateOfBirth: string;

  /** The major's Chinese name (majors.name_zh): one of the catalogue's, following its renames. */
  @Column('text')
  major: string;

  @Column('int')
  enrolmentYear: number;

  @Column('text', { array: true, default: () => "'{}'" })
  skills: string[];

  /** 1+X vocational skill certificates. */
  @Column('text', { array: true, default: () => "'{}'" })
  certificates: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  preferredDistricts: string[];

  /** 班级 — the class the school puts the student in ('' when not stated); school admins filter by it. */
  @Column('text', { default: '' })
  className: string;

  /** 自我介绍 — in the student's words, read by the enterprises the student applies to. */
  @Column('text', { default: '' })
  selfIntroduction: string;

  /** The guardian (监护人), entered by the school only (never the student): signs the agreement of a student under 18. */
  @Column('text', { nullable: true })
  guardianName: string | null;

  @Column('text', { nullable: true })
  guardianPhone: string | null;

  @Column('text', { nullable: true })
  guardianEmail: string | null;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organisation;

  @ManyToOne(() => Major, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'major', referencedColumnName: 'nameZh', foreignKeyConstraintName: 'students_major' })
  majorOf?: Major;
}
