import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An imported account that has no password yet. Hashing 10^5 passwords with argon2 would take
 * hours, so an import writes none: the school hands each person a one-time code (stored only as
 * its SHA-256), and the person sets a password with it. The row is deleted once used.
 *
 * No foreign keys, on purpose: these rows are written in bulk beside the users they belong to, in
 * the same transaction, and a foreign key costs a query per row — measured at three times the
 * cost of the insert itself. Every read joins `users` (and names its import), so a row whose
 * user or import is gone matches nothing and does nothing.
 */
@Entity('account_activations')
export class AccountActivation {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_account_activations' })
  userId: string;

  @Index('account_activations_import_id')
  @Column('uuid')
  importId: string;

  /** SHA-256 (hex) of the current code; null until the school has downloaded the codes. */
  @Column('text', { nullable: true })
  codeHash: string | null;
}
