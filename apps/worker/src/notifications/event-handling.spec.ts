import { EVENT_KINDS, RECORDED_ONLY_KINDS, hasTemplate } from '@skillbridge/domain';
import { readsFactsOf } from '@skillbridge/notifications';
import { EventHandlingError, checkEventHandling } from './event-handling';

describe('checkEventHandling', () => {
  const handles = (kind: string) => kind !== 'import.archived';

  it('accepts kinds that are all handled', () => {
    expect(() => checkEventHandling(['import.done', 'import.rejected'], handles, [])).not.toThrow();
  });

  it('rejects a declared kind without a handler', () => {
    expect(() => checkEventHandling(['import.done', 'import.archived'], handles, [])).toThrow(
      new EventHandlingError("Event handling is inconsistent: no handler for event 'import.archived'"),
    );
  });

  it('lets a kind without a handler through when it is marked recorded-only', () => {
    expect(() => checkEventHandling(['import.done', 'import.archived'], handles, ['import.archived'])).not.toThrow();
  });

  it('rejects a handled kind marked recorded-only, and a recorded-only kind never declared', () => {
    expect(() => checkEventHandling(['import.done'], handles, ['import.done', 'import.lost'])).toThrow(
      "Event handling is inconsistent: event 'import.done' is handled but marked recorded-only; recorded-only event 'import.lost' is not declared",
    );
  });

  it('passes for this build: every kind has words and a facts reader', () => {
    expect(() => checkEventHandling(EVENT_KINDS, (kind) => hasTemplate(kind) && readsFactsOf(kind), RECORDED_ONLY_KINDS)).not.toThrow();
  });

  it('a kind of an area nobody reads is not handled', () => {
    expect(readsFactsOf('ledger.posted')).toBe(false);
    expect(hasTemplate('ledger.posted')).toBe(false);
  });
});
