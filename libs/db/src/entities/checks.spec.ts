import { APPLICATION_STATUSES } from '@skillbridge/contracts';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { getMetadataArgsStorage } from 'typeorm';
import { oneOf } from './checks';
import './index';

/** The CHECKs that hold a column to one of a list (built by oneOf from libs/contracts). */
const LIST_CHECKS = [
  'applications_status',
  'bookings_status',
  'deliveries_status',
  'imports_status',
  'match_rounds_status',
  'organisations_verification',
  'placements_status',
  'slots_state',
  'slots_type',
];

describe('list CHECKs', () => {
  const migrations = readdirSync(join(__dirname, '../migrations'))
    .filter((name) => /^\d+-.*\.ts$/.test(name))
    .map((name) => readFileSync(join(__dirname, '../migrations', name), 'utf8'))
    .join('\n');

  it('reads as SQL', () => {
    expect(oneOf('status', ['a', 'b'])).toBe(`"status" IN ('a', 'b')`);
    expect(oneOf('status', APPLICATION_STATUSES)).toBe(
      `"status" IN ('submitted', 'shortlisted', 'offered', 'accepted', 'rejected', 'withdrawn', 'declined', 'expired')`,
    );
  });

  it.each(LIST_CHECKS)('%s, built from its contract list, is the committed schema’s (a new value needs a migration)', (name) => {
    const check = getMetadataArgsStorage().checks.find((c) => c.name === name);
    expect(check?.expression).toBeDefined();
    expect(migrations).toContain(`"${name}" CHECK (${check!.expression})`);
  });
});
