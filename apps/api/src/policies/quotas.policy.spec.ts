import type { Actor } from '@skillbridge/domain';
import { QuotaLineFacts, monitorsQuotas, quotasPolicy as sut } from './quotas.policy';

const soe: QuotaLineFacts = { enterprise_id: 'soe', kind: 'enterprise', ownership: 'municipal_soe' };
const firm: QuotaLineFacts = { enterprise_id: 'firm', kind: 'enterprise', ownership: 'private' };
const base: QuotaLineFacts = { enterprise_id: 'base', kind: 'training_base', ownership: 'private' };
const LINES = { soe, firm, base };
type Name = keyof typeof LINES;

const member = (role: Actor['role'], organisationId: string | null): Actor => ({ userId: 'u', role, organisationId, authority: null });
const officer = (authority: Actor['authority']): Actor => ({ userId: 'u', role: 'bureau_officer', organisationId: null, authority });

// Actors × the quota lines each may see and remind, whether they monitor (else 403), and their table's condition.
const TABLE: Array<[string, Actor, { see: Name[]; remind: Name[] }, boolean, string]> = [
  ['the platform admin', member('platform_admin', null), { see: ['soe', 'firm', 'base'], remind: ['soe', 'firm', 'base'] }, true, 'true'],
  [
    'a MIIT officer',
    officer('MIIT'),
    { see: ['firm', 'base'], remind: ['firm', 'base'] },
    true,
    'q.kind IN (:...remitKinds) AND (q.ownership IS NULL OR q.ownership NOT IN (:...remitOwnershipNotIn))',
  ],
  [
    'a SASAC officer',
    officer('SASAC'),
    { see: ['soe'], remind: ['soe'] },
    true,
    'q.kind IN (:...remitKinds) AND q.ownership IN (:...remitOwnershipIn)',
  ],
  ['an EDU officer', officer('EDU'), { see: ['base'], remind: [] }, false, 'false'],
  ['an officer of no authority', officer(null), { see: [], remind: [] }, false, 'false'],
  ['the private firm’s admin', member('enterprise_admin', 'firm'), { see: ['firm'], remind: [] }, false, 'false'],
  ['the training base’s admin', member('enterprise_admin', 'base'), { see: ['base'], remind: [] }, false, 'false'],
  ['a school admin', member('school_admin', 'school'), { see: [], remind: [] }, false, 'false'],
  ['a student', member('student', 'school'), { see: [], remind: [] }, false, 'false'],
];

describe('quotasPolicy: actors × quota lines', () => {
  it.each(TABLE)('%s', (_who, who, may, monitors, where) => {
    for (const action of ['see', 'remind'] as const) {
      const allowed = (Object.keys(LINES) as Name[]).filter((name) => sut.can(who, action, LINES[name]));
      expect([action, allowed]).toEqual([action, may[action]]);
    }
    expect(monitorsQuotas(who)).toBe(monitors);
    expect(sut.visible(who).where).toBe(where);
  });
});
