/**
 * Takes the next statement's accepts off the queue, oldest first: at most `most`, and never two of
 * one application (a double click) or of one student (two of their offers could overlap, and the
 * exclusion constraint would fail the whole statement). Those stay queued, in order, for the next.
 */
export function nextBatch<T extends { applicationId: string; studentId: string }>(queue: T[], most: number): T[] {
  const batch: T[] = [];
  const applications = new Set<string>();
  const students = new Set<string>();
  const left: T[] = [];
  for (const waiting of queue) {
    if (batch.length < most && !applications.has(waiting.applicationId) && !students.has(waiting.studentId)) {
      batch.push(waiting);
      applications.add(waiting.applicationId);
      students.add(waiting.studentId);
    } else {
      left.push(waiting);
    }
  }
  queue.splice(0, queue.length, ...left);
  return batch;
}
