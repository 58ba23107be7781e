import type { JobName } from '@skillbridge/jobs';
import type { JobHandler } from './job-handler';

export class JobRegistryError extends Error {}

/**
 * Pairs every declared job name with exactly one handler. Built once at boot; a name with no
 * handler, two handlers, or a handler for an undeclared name stops the worker before it takes a job.
 */
export function buildJobRegistry(
  declared: readonly JobName[],
  found: Array<{ name: string; handler: JobHandler }>,
): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const registry = new Map<JobName, JobHandler>();
  for (const { name, handler } of found) {
    if (!declared.includes(name as JobName)) problems.push(`handler for undeclared job '${name}'`);
    else if (registry.has(name as JobName)) problems.push(`two handlers for job '${name}'`);
    else registry.set(name as JobName, handler);
  }
  for (const name of declared)
    if (!registry.has(name) && !problems.some((p) => p.includes(`'${name}'`))) problems.push(`no handler for job '${name}'`);
  if (problems.length) throw new JobRegistryError(`Job registry is inconsistent: ${problems.join('; ')}`);
  return registry;
}
