import { isEventKind } from '@skillbridge/domain';
import { PUBLISHED_EVENT_KINDS, PUBLISH_ROUND } from './publish-round.statements';

// The publish writes its events in SQL, where the kind is a literal: held here to the kinds the worker knows.
describe('the publish statement’s events', () => {
  it('writes exactly the declared kinds, each one the worker handles', () => {
    const written = [...PUBLISH_ROUND.text.matchAll(/INSERT INTO outbox_events \(kind[^)]*\)\s+SELECT '([^']+)'/g)].map((m) => m[1]);
    expect(written).toEqual([...PUBLISHED_EVENT_KINDS]);
    expect(written.filter((kind) => !isEventKind(kind))).toEqual([]);
  });
});
