import { statement } from '@skillbridge/db';
import type { MajorLevel } from '@skillbridge/contracts';

/** Majors and synonyms: reference data, small tables read whole or by a handful of names. */

/** The names ($1) the catalogue does not know. */
export const UNKNOWN_MAJOR_NAMES = statement<[names: string[]], { name: string }>(
  'majors.unknown-names',
  `SELECT n.name FROM unnest($1::text[]) AS n(name) WHERE NOT EXISTS (SELECT 1 FROM majors m WHERE m.name_zh = n.name)`,
);

/** What the search rewrites a query with: the synonyms, and each major's English name as its Chinese one. */
export const SEARCH_SYNONYMS = statement<[], { term: string; means: string }>(
  'majors.search-synonyms',
  `SELECT term, means FROM search_synonyms UNION ALL SELECT name_en, name_zh FROM majors WHERE name_en <> ''`,
);

export type MajorRow = { code: string; nameZh: string; nameEn: string; level: MajorLevel; category: string };

/**
 * Majors for an autocomplete: by code, Chinese name or English name ($1, a fragment; empty for all),
 * of a level ($2, null for every level), names starting with the fragment first.
 */
export const FIND_MAJORS = statement<[fragment: string, level: MajorLevel | null, limit: number], MajorRow>(
  'majors.find',
  `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", level, category FROM majors
    WHERE ($1 = '' OR strpos(name_zh, $1) > 0 OR strpos(lower(name_en), lower($1)) > 0 OR code LIKE $1 || '%')
      AND ($2::text IS NULL OR level = $2::text)
    ORDER BY (name_zh LIKE $1 || '%' OR lower(name_en) LIKE lower($1) || '%') DESC, length(name_zh), code
    LIMIT $3`,
);
