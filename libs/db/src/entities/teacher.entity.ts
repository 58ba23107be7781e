import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** 专业课教师 — a teacher's profile; the login is the `users` row with the same id. */
@Entity('teachers')
export class Teacher {
  @PrimaryColumn('uuid')
  userId: string;

  @Index('teachers_school_id')
  @Column('uuid')
  schoolId: string;

  @Column('text')
  specialty: string;

  /** Teaches specialty courses: the base of the dual-qualified share (§12). */
  @Column('boolean')
  specialtyCourseTeacher: boolean;

  /** 双师型 — holds both teaching and industry qualifications. */
  @Column('boolean')
  dualQualified: boolean;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organisation;
}
