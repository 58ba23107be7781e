import { noStore } from './security-headers';

describe('Cache-Control: no-store', () => {
  it('on every answer that may carry a token or someone’s data: all but the health probes', () => {
    for (const url of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/activate',
      '/api/v1/enterprises',
      '/api/v1/me',
      '/api/v1/students/me?x=1',
      '/api/v1',
      '/api/v1/nowhere',
      '/api/v1/healthy',
      '/API/v1/me',
      '//api/v1/me',
      '/api/docs-json',
      '/metrics',
    ]) {
      expect([url, noStore(url)]).toEqual([url, true]);
    }
  });

  it('not on the health probes', () => {
    for (const url of ['/api/v1/health/live', '/api/v1/health/ready', '/api/v1/health/ready?verbose=1', '/api/v1/health'])
      expect([url, noStore(url)]).toEqual([url, false]);
  });
});
