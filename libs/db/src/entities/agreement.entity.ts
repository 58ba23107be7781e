import {
  AGREEMENT_PARTIES,
  AGREEMENT_STATUSES,
  SIGNATURE_METHODS,
  type AgreementParty,
  type AgreementStatus,
  type AgreementTerms,
  type SignatureMethod,
} from '@skillbridge/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { oneOf } from './checks';
import { Placement } from './placement.entity';
import { User } from './user.entity';

/**
 * 三方实习协议 — the tripartite agreement of a student's internship or apprenticeship placement (issue 18):
 * one per placement, its terms in versions (`agreement_versions`); `status` follows the current version.
 */
@Entity('agreements')
@Check('agreements_status', oneOf('status', AGREEMENT_STATUSES))
export class Agreement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_agreements' })
  id: string;

  @Index('agreements_placement_id', { unique: true })
  @Column('uuid')
  placementId: string;

  @Column('int', { default: 1 })
  currentVersion: number;

  @Column('text', { default: 'awaiting_insurance' })
  status: AgreementStatus;

  /** When the last signature of the current version landed. */
  @Column('timestamptz', { nullable: true })
  signedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Placement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'FK_agreements_placement' })
  placement?: Placement;
}

/**
 * One version of an agreement's terms. `terms_sha256` is the SHA-256 of `terms::text` as PostgreSQL prints
 * the jsonb: what a signature binds to. The PDF is rendered on first view and kept; the signed PDF (with its
 * signature page) once every party signed.
 */
@Entity('agreement_versions')
export class AgreementVersion {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_agreement_versions' })
  agreementId: string;

  @PrimaryColumn('int', { primaryKeyConstraintName: 'PK_agreement_versions' })
  version: number;

  @Column('jsonb')
  terms: AgreementTerms;

  @Column('text')
  termsSha256: string;

  @Column('bytea', { nullable: true })
  pdf: Buffer | null;

  @Column('text', { nullable: true })
  pdfSha256: string | null;

  @Column('bytea', { nullable: true })
  signedPdf: Buffer | null;

  @Index('agreement_versions_signed_pdf_sha256', { where: '"signed_pdf_sha256" IS NOT NULL' })
  @Column('text', { nullable: true })
  signedPdfSha256: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_agreement_versions_agreement' })
  agreement?: Agreement;
}

/**
 * A signature: who signed which version (and its SHA-256), how they confirmed and in which sign-in session.
 * Append-only (a trigger refuses UPDATE and DELETE); one per (agreement, version, party), so two parallel
 * signatures of one party leave one row. Signatures on an older version stay, and no longer count.
 */
@Entity('agreement_signatures')
@Unique('agreement_signatures_one_per_party', ['agreementId', 'version', 'party'])
@Check('agreement_signatures_party', oneOf('party', AGREEMENT_PARTIES))
@Check('agreement_signatures_method', oneOf('method', SIGNATURE_METHODS))
export class AgreementSignature {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_agreement_signatures' })
  id: string;

  @Column('uuid')
  agreementId: string;

  @Column('int')
  version: number;

  @Column('text')
  party: AgreementParty;

  /** The signer's account; null for the guardian, who has none. */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('text')
  signerName: string;

  @Column('text')
  termsSha256: string;

  @Column('text')
  method: SignatureMethod;

  /** The sign-in session (the refresh-token family), or the guardian link's id. */
  @Column('text', { nullable: true })
  sessionId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  signedAt: Date;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_agreement_signatures_agreement' })
  agreement?: Agreement;
}

/**
 * The guardian's one-time link to one version: only the SHA-256 of its secret (set by the worker when it sends
 * the link), 72 hours, single use; a new link replaces the older. The guardian must view before signing.
 */
@Entity('guardian_links')
@Check('guardian_links_channel', `"channel" IN ('email', 'webhook')`)
@Index('guardian_links_agreement', ['agreementId'])
export class GuardianLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_guardian_links' })
  id: string;

  @Column('uuid')
  agreementId: string;

  @Column('int')
  version: number;

  @Index('guardian_links_token_hash', { unique: true })
  @Column('text', { nullable: true })
  tokenHash: string | null;

  @Column('text')
  channel: 'email' | 'webhook';

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  viewedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('boolean', { default: false })
  replaced: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_guardian_links_agreement' })
  agreement?: Agreement;
}

/** A one-time code a signer confirms a signature with: its SHA-256 (set by the worker as it e-mails it), 10 minutes, 5 tries. */
@Entity('signing_codes')
@Index('signing_codes_signer', ['userId', 'agreementId'])
export class SigningCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_signing_codes' })
  id: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  agreementId: string;

  @Column('int')
  version: number;

  @Column('text', { nullable: true })
  codeHash: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_signing_codes_user' })
  user?: User;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_signing_codes_agreement' })
  agreement?: Agreement;
}
