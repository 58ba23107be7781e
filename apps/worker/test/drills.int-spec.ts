import { spawn } from 'child_process';
import path from 'path';

/**
 * The short fault drill (`npm run drills -- --short`): the production build under load while the
 * API, the worker and Redis are killed and restarted and PostgreSQL (the drill's own) is restarted; every
 * invariant must hold afterwards (seats, bookings, acknowledged writes, exactly-once delivery).
 */
describe('fault drills (short)', () => {
  it('kill -9 of the API, the worker and Redis, and a PostgreSQL restart, under load: every invariant holds', async () => {
    const root = path.resolve(__dirname, '../../..');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['scripts/drills.mjs', '--short', '--no-build'], { cwd: root, env: process.env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
    if (code !== 0) throw new Error(`the drill failed:\n${output.slice(-6000)}`);
    expect(output).toContain('all invariants held');
    expect(output).not.toContain('❌');
  }, 420_000);
});
