import type { RegistrationApplication } from '@skillbridge/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A self-registration waiting for its e-mailed link: written by the worker for an e-mail no account
 * has, with the link's SHA-256 (`tokenHash`) and what the applicant stated. Confirming it (once, until
 * `expiresAt`, 24 hours after the request) with a password creates the enterprise and its admin.
 */
@Entity('enterprise_registrations')
export class EnterpriseRegistration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_enterprise_registrations' })
  id: string;

  @Index('enterprise_registrations_email')
  @Column('text')
  email: string;

  @Column('jsonb')
  application: RegistrationApplication;

  @Index('enterprise_registrations_token_hash', { unique: true })
  @Column('text')
  tokenHash: string;

  @Index('enterprise_registrations_expires_at')
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
