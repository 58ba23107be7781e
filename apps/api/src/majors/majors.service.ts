import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MajorLevel, MajorView } from '@skillbridge/contracts';
import { run } from '@skillbridge/db';
import { DomainError, Synonym } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { FIND_MAJORS, SEARCH_SYNONYMS, UNKNOWN_MAJOR_NAMES } from './majors.statements';

/** How long the synonyms are kept between reads: reference data, changed by an import now and then. */
const SYNONYMS_TTL_MS = 30_000;

/** 专业: the national catalogue as reference data — the autocomplete, the check of named majors, the search's synonyms. */
@Injectable()
export class MajorsService {
  private synonyms: { at: number; list: Promise<Synonym[]> } | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(fragment: string, level: MajorLevel | null, limit: number): Promise<MajorView[]> {
    return run(this.db, FIND_MAJORS, [fragment.trim(), level, limit]);
  }

  /** Every name must be a major of the catalogue: else 422 UNKNOWN_MAJOR, with the unknown names. */
  async assertKnown(names: readonly string[], tx: DataSource | EntityManager = this.db): Promise<void> {
    if (!names.length) return;
    const unknown = await run(tx, UNKNOWN_MAJOR_NAMES, [[...names]]);
    if (unknown.length) {
      throw new DomainError('UNKNOWN_MAJOR', 'unprocessable', `Not a major of the catalogue: ${unknown.map((u) => u.name).join(', ')}`, {
        majors: unknown.map((u) => u.name),
      });
    }
  }

  /** The synonyms (and English major names), kept SYNONYMS_TTL_MS. */
  searchSynonyms(): Promise<Synonym[]> {
    if (!this.synonyms || Date.now() - this.synonyms.at > SYNONYMS_TTL_MS) {
      const list = run(this.db, SEARCH_SYNONYMS, []);
      this.synonyms = { at: Date.now(), list };
      list.catch(() => (this.synonyms = null));
    }
    return this.synonyms.list;
  }
}
