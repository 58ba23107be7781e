import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A requested password-reset link. `tokenHash` (SHA-256 of the link's secret) is set by the worker
 * when it sends the e-mail; the link works once (`usedAt`) until `expiresAt`, 30 minutes after the
 * request.
 */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_password_resets' })
  id: string;

  @Index('password_resets_user_id')
  @Column('uuid')
  userId: string;

  @Index('password_resets_token_hash', { unique: true })
  @Column('text', { nullable: true })
  tokenHash: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_resets_user' })
  user?: User;
}
