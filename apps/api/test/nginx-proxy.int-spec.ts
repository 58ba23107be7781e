import { createServer, IncomingHttpHeaders, Server } from 'http';
import { AddressInfo } from 'net';
import { startNginx } from '../../../test/support/nginx';
import { RunningProcess } from '../../../test/support/processes';
import { TestApi, demo } from '../../../test/support/test-api';

/**
 * The shipped nginx config (docker/nginx.conf) with Debian's nginx on loopback: whatever a client
 * writes in X-Forwarded-For, the API sees the address nginx saw.
 */
describe('the proxy header means one thing (integration: Debian nginx with the shipped config, the API)', () => {
  let api: TestApi;
  let proxy: RunningProcess & { url: string };
  let echo: Server;
  let echoProxy: RunningProcess & { url: string };
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // One hop trusted, as in docker/compose.yaml; three failures per address, none given back soon.
    api = await TestApi.start({
      TRUST_PROXY: '1',
      LOGIN_ADDRESS_BURST: '3',
      LOGIN_ADDRESS_REFILL_SECONDS: '3600',
      LOGIN_FREE_FAILURES: '100',
    });
    proxy = await startNginx(new URL(api.url).host);
    // The same config in front of a server that keeps the headers it receives.
    echo = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoProxy = await startNginx(`127.0.0.1:${(echo.address() as AddressInfo).port}`);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await echoProxy?.stop();
    await new Promise((resolve) => echo?.close(resolve));
    await api?.stop();
  });

  it('nginx hands the API only the address it saw, never the client’s own header', async () => {
    for (const forged of [undefined, '6.6.6.6', '6.6.6.6, 7.7.7.7', 'garbage']) {
      await fetch(`${echoProxy.url}/api/v1/anything`, { headers: forged ? { 'x-forwarded-for': forged } : {} });
    }
    expect(seen.map((headers) => headers['x-forwarded-for'])).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });

  it('a client that forges a new address for every try is still one address to the sign-in limits', async () => {
    const attempt = (i: number) =>
      fetch(`${proxy.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}` },
        body: JSON.stringify({ email: demo(`student${i + 20}`), password: `Wrong#${i}pass` }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt(i)).status).toBe(401);
    const refused = await attempt(3);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
