import { EVENT_KINDS, KIND_ROLES, subjectLink } from '@skillbridge/domain';
import { matchPath } from 'react-router-dom';
import { mayOpen, ROUTE_TABLE } from '../../route-table';

const SUBJECT = '11111111-1111-4111-8111-111111111111';
const SLOT = '22222222-2222-4222-8222-222222222222';

describe('where an inbox entry leads', () => {
  const reaching = EVENT_KINDS.flatMap((kind) => KIND_ROLES[kind].map((role) => [kind, role] as const));

  it.each(reaching)('%s, read by a %s: a page of the route table the reader may open', (kind, role) => {
    const link = subjectLink({ kind, subjectId: SUBJECT, slotId: kind.startsWith('application.') ? SLOT : null }, role);
    expect(link).not.toBeNull();
    const path = link!.split('?')[0];
    const route = ROUTE_TABLE.find((r) => matchPath(r.path, path));
    expect(route).toBeDefined();
    expect(mayOpen(route!, role, null)).toBe(true);
  });
});
