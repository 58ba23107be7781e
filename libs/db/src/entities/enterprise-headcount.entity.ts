import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** An enterprise's total employees in a year: the base of its intern quota (§13). */
@Entity('enterprise_headcounts')
@Check('enterprise_headcounts_employees', '"employees" >= 0')
export class EnterpriseHeadcount {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  employees: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;
}
