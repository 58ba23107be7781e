import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Import } from './import.entity';
import { User } from './user.entity';

/**
 * An imported account that has no password yet. Hashing 10^5 passwords with argon2 would take
 * hours, so an import writes none: the school hands each person a one-time code (stored only as
 * its SHA-256), and the person sets a password with it. The row is deleted once used.
 */
@Entity('account_activations')
export class AccountActivation {
  @PrimaryColumn('uuid')
  userId: string;

  @Index('account_activations_import_id')
  @Column('uuid')
  importId: string;

  /** SHA-256 (hex) of the current code; null until the school has downloaded the codes. */
  @Column('text', { nullable: true })
  codeHash: string | null;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => Import, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: Import;
}
