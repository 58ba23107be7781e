import type { Authority, Role } from '@skillbridge/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

export type Locale = 'zh-CN' | 'en';

@Entity('users')
@Check('users_role', `"role" IN ('student', 'teacher', 'school_admin', 'enterprise_admin', 'bureau_officer', 'platform_admin')`)
@Check('users_authority', `("role" = 'bureau_officer') = ("authority" IS NOT NULL AND "authority" IN ('MIIT', 'SASAC', 'EDU'))`)
@Check('users_organisation', `"role" IN ('bureau_officer', 'platform_admin') OR "organisation_id" IS NOT NULL`)
@Check('users_email_lower', `"email" = lower("email")`)
// Event recipients look up an organisation's admins: this index holds only them, not its students.
@Index('users_admins_by_organisation', ['organisationId'], { where: `"role" IN ('enterprise_admin', 'school_admin')` })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored in lower case; unique. */
  @Index('users_email', { unique: true })
  @Column('text')
  email: string;

  /** argon2id; null for an imported account not yet activated (see AccountActivation). */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Column('text')
  name: string;

  @Column('text')
  role: Role;

  @Index('users_organisation_id')
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column('text', { nullable: true })
  authority: Authority | null;

  @Column('text', { default: 'zh-CN' })
  locale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;
}
