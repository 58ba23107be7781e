import { ROLES, type MeView, type Role } from '@skillbridge/contracts';
import type { TFunction } from 'i18next';
import { mayOpen, ROUTE_TABLE, type RouteEntry } from '../route-table';
import { menuFor, selectedEntry } from './role-menu';

// The icons are ESM-only inside; the menus' structure is what is tested here.
jest.mock('@ant-design/icons', () => new Proxy({}, { get: (_, name) => (name === '__esModule' ? false : () => null) }));

const t = ((key: string) => key) as unknown as TFunction;
const me = (role: Role, authority: MeView['authority'] = null): MeView => ({
  id: 'u',
  email: 'u@x.cn',
  name: 'U',
  role,
  organisationId: null,
  authority,
  locale: 'zh-CN',
  organisation: null,
});
const everyone = [
  ...ROLES.map((role) => me(role)),
  me('bureau_officer', 'MIIT'),
  me('bureau_officer', 'SASAC'),
  me('bureau_officer', 'EDU'),
];

describe('role menus', () => {
  it.each(everyone.map((m) => [`${m.role}${m.authority ? `/${m.authority}` : ''}`, m] as const))(
    '%s: every entry is a route of the router table the user may open, once',
    (_, user) => {
      const entries = menuFor(user, t);
      expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
      const routes: readonly RouteEntry[] = ROUTE_TABLE;
      const open = routes.filter((r) => mayOpen(r, user.role, user.authority)).map((r) => r.path);
      for (const entry of entries) expect(open).toContain(entry.path);
    },
  );

  it('everyone has the inbox, the notification settings and the account', () => {
    for (const user of everyone)
      expect(menuFor(user, t).map((e) => e.path)).toEqual(expect.arrayContaining(['/notifications', '/notification-settings', '/me']));
  });

  it('selects the entry a nested page belongs to', () => {
    const entries = menuFor(me('enterprise_admin'), t);
    expect(selectedEntry(entries, '/slots')).toBe('/slots');
    expect(selectedEntry(entries, '/slots/6d24e9ee-656b-4cd3-93dc-f8385439900d')).toBe('/slots');
    expect(selectedEntry(entries, '/slotsx')).toBeUndefined();
    expect(selectedEntry(entries, '/home')).toBe('/home');
  });
});
