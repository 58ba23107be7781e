import { spawn } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { REPO_ROOT, RunningProcess, freePort, waitUntilUp } from './processes';

/** Debian's nginx; `npm test` installs it (scripts/test.mjs) as it does Chromium. */
export const NGINX = '/usr/sbin/nginx';

/** One edit of the shipped file that must apply exactly once, or the test says which did not. */
function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length === 0) throw new Error(`docker/nginx.conf no longer has ${pattern}: update test/support/nginx.ts`);
  return text.replace(pattern, replacement);
}

/**
 * The shipped portal site (docker/nginx.conf) run by Debian's nginx on loopback, in front of
 * `upstream` (host:port) instead of the containers: only what names the containers' world is
 * changed — Docker's resolver, the replicas' names (and `resolve`, which needs nginx ≥ 1.27.3;
 * Debian 12 has 1.22), the port and the static root. Every proxy header line is as shipped.
 */
export async function startNginx(upstream: string): Promise<RunningProcess & { url: string }> {
  if (!existsSync(NGINX))
    throw new Error(
      `these tests need Debian's nginx at ${NGINX}: run them with \`npm test\` (which installs it) or \`sudo apt-get install nginx-light\``,
    );
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-nginx-'));
  chmodSync(dir, 0o755); // nginx's workers run as another user when the tests run as root
  mkdirSync(path.join(dir, 'html'));
  writeFileSync(path.join(dir, 'html', 'index.html'), '<!doctype html><title>SkillBridge</title>');
  const port = await freePort();

  let site = readFileSync(path.join(REPO_ROOT, 'docker/nginx.conf'), 'utf8');
  site = replaceOnce(site, /^resolver .*;$/m, '');
  site = replaceOnce(site, /^(\s*)server api-1:3000 [^;]*;$/m, `$1server ${upstream};`);
  site = replaceOnce(site, /^\s*server api-2:3000 [^;]*;\n/m, '');
  site = replaceOnce(site, /listen 8080 default_server;/, `listen 127.0.0.1:${port} default_server;`);
  site = replaceOnce(site, /root \/usr\/share\/nginx\/html;/, `root ${path.join(dir, 'html')};`);
  writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(dir, 'site.conf')};`,
      '}',
    ].join('\n'),
  );

  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const running: RunningProcess = {
    child,
    output: () => output + (existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : ''),
    stop: async (signal: NodeJS.Signals = 'SIGQUIT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const result = await exited;
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/healthz`, running);
  return Object.assign(running, { url });
}
