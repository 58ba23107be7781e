import type { OrganisationKind, Ownership } from '@skillbridge/domain';
import { VERIFICATION_STATUSES, type VerificationStatus } from '@skillbridge/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';

export type SchoolLevel = 'secondary' | 'higher';
export type { VerificationStatus };

/**
 * A school (中职/高职), an enterprise, or a training base (实训基地). One table, so that tenancy
 * has one place to look. A trigger (organisations_to_quota_years) copies an enterprise's kind, name,
 * district, ownership, industry and verification onto its quota_years rows.
 */
@Entity('organisations')
@Check('organisations_kind', `"kind" IN ('school', 'enterprise', 'training_base')`)
@Check('organisations_ownership', `"ownership" IS NULL OR "ownership" IN ('municipal_soe', 'central_soe', 'private', 'foreign', 'other')`)
@Check('organisations_enterprise_fields', `"kind" = 'school' OR ("uscc" IS NOT NULL AND "ownership" IS NOT NULL)`)
@Check('organisations_school_level', `"kind" <> 'school' OR "school_level" IN ('secondary', 'higher')`)
@Check('organisations_verification', oneOf('verification', VERIFICATION_STATUSES))
@Check('organisations_refusal', `"verification" <> 'refused' OR "refusal_reason" IS NOT NULL`)
@Index('organisations_kind_ownership', ['kind', 'ownership'])
// Lists in name order (the quota table, the organisation lists) read a page and stop.
@Index('organisations_name', ['name', 'id'])
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: OrganisationKind;

  @Column('text')
  name: string;

  @Column('text')
  district: string;

  @Column('text', { nullable: true })
  schoolLevel: SchoolLevel | null;

  /** 统一社会信用代码, upper case, for enterprises and training bases. */
  // Only a verified enterprise holds its code: an unverified registration never blocks one.
  @Index('organisations_uscc', { unique: true, where: `"uscc" IS NOT NULL AND "verification" = 'verified'` })
  @Index('organisations_by_uscc')
  @Column('text', { nullable: true })
  uscc: string | null;

  @Column('text', { nullable: true })
  ownership: Ownership | null;

  @Column('text', { nullable: true })
  industry: string | null;

  /** Enterprises start unverified and cannot post until a platform admin verifies them. */
  @Column('text', { default: 'unverified' })
  verification: VerificationStatus;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  /** Why the platform admin refused it: told to the applicant, who may correct and re-apply. */
  @Column('text', { nullable: true })
  refusalReason: string | null;

  @Column('timestamptz', { nullable: true })
  refusedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
