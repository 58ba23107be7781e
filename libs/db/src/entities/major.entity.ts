import { MAJOR_LEVELS, type MajorLevel } from '@skillbridge/contracts';
import { Check, Column, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';

/**
 * 专业 — a major of the national vocational major catalogue (职业教育专业目录, 2021), reference data the
 * platform admin keeps by importing the catalogue. Students and slots name majors by their Chinese
 * name, which is unique: "机电一体化" and "机电一体化技术" cannot both exist (a student's major is a
 * foreign key to it; a slot's majors are checked against it when it is written).
 */
@Entity('majors')
@Check('majors_code', `"code" ~ '^[0-9]{6}$'`)
@Check('majors_level', oneOf('level', MAJOR_LEVELS))
@Unique('majors_name_zh', ['nameZh'])
export class Major {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_majors' })
  code: string;

  @Column('text')
  nameZh: string;

  @Column('text')
  nameEn: string;

  @Column('text')
  level: MajorLevel;

  /** 专业类, e.g. 自动化类. */
  @Column('text')
  category: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A word people search for and what the slots say instead (焊工 → 焊接, welding → 焊接): the search
 * rewrites a query with them. Data, kept short; each major's English name is one too, without a row here.
 */
@Entity('search_synonyms')
export class SearchSynonym {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_search_synonyms' })
  term: string;

  @Column('text')
  means: string;
}
