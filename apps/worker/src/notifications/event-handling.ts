export class EventHandlingError extends Error {}

/**
 * Checks at boot that every event kind this build declares is either handled (the fan-out has its
 * words and can read its facts) or marked recorded-only. An event nobody handles would otherwise
 * be skipped in silence, every time, and its recipients never told.
 */
export function checkEventHandling(declared: readonly string[], handles: (kind: string) => boolean, recordedOnly: readonly string[]): void {
  const problems: string[] = [];
  for (const kind of declared) {
    const handled = handles(kind);
    if (!handled && !recordedOnly.includes(kind)) problems.push(`no handler for event '${kind}'`);
    if (handled && recordedOnly.includes(kind)) problems.push(`event '${kind}' is handled but marked recorded-only`);
  }
  for (const kind of recordedOnly) if (!declared.includes(kind)) problems.push(`recorded-only event '${kind}' is not declared`);
  if (problems.length) throw new EventHandlingError(`Event handling is inconsistent: ${problems.join('; ')}`);
}
