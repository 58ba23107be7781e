import { DeviceCookies, parseCookies } from './device-cookie';

describe('device cookies', () => {
  const cookies = new DeviceCookies(Buffer.from('k'.repeat(32)), { days: 180, secure: true, path: '/api/v1/auth' });
  const asSent = (setCookie: string) => setCookie.split(';')[0];

  it('are recognised for the account they were issued to, and keep the device on renewal', () => {
    const set = cookies.issue('user-a');
    const device = cookies.recognise('user-a', `other=1; ${asSent(set)}`);
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(cookies.recognise('user-a', asSent(cookies.issue('user-a', device)))).toBe(device);
  });

  it('are HttpOnly, SameSite=Strict, Secure when asked, for the auth routes only', () => {
    expect(cookies.issue('user-a')).toMatch(
      /^sb_device_[\w-]{16}=[\w-]{22}\.[\w-]{43}; Path=\/api\/v1\/auth; Max-Age=15552000; HttpOnly; SameSite=Strict; Secure$/,
    );
    expect(new DeviceCookies(Buffer.from('k'), { days: 1, secure: false, path: '/' }).issue('u')).not.toContain('Secure');
  });

  it('mean nothing for another account, under another key, or altered', () => {
    const [name, value] = asSent(cookies.issue('user-a')).split('=');
    expect(cookies.recognise('user-b', `${cookies.nameFor('user-b')}=${value}`)).toBeNull();
    expect(
      new DeviceCookies(Buffer.from('x'.repeat(32)), { days: 1, secure: true, path: '/' }).recognise('user-a', `${name}=${value}`),
    ).toBeNull();
    const altered = value.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(cookies.recognise('user-a', `${name}=${altered}`)).toBeNull();
    for (const junk of [undefined, '', `${name}=`, `${name}=a.b`, `${name}=${value}x`])
      expect(cookies.recognise('user-a', junk)).toBeNull();
  });

  it('parses a Cookie header', () => {
    expect([...parseCookies('a=1; b = 2;c=x=y; =z; a=9')]).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', 'x=y'],
    ]);
  });
});
