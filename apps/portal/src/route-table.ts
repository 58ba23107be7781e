import type { Authority, Role } from '@skillbridge/contracts';

/**
 * Every address of the portal as data: who may open it and what the phone sweep
 * (apps/portal-e2e/src/phone.e2e-spec.ts) does there. `routes.tsx` adds the lazy page of each path
 * and renders from it, so a page added later joins the sweep and the axe run by being listed here.
 * Plain data (no React): the browser tests read it under `@skillbridge/portal-routes`.
 */

/** Something the sweep finds on a page by its `data-testid`, for some roles only when `roles` is given. */
export interface SweepTarget {
  testId: string;
  roles?: readonly Role[];
}

/** A dialog or drawer a page can open, with the button that opens it (the first one, when a list has several). */
export interface SweepDialog extends SweepTarget {
  /** Press the dialog's primary button with its form empty, to check the error state too. */
  submitEmpty?: true;
}

export interface RouteSweep {
  /** A parameterised route is visited at an address found at run time: the first `link` on the page `from`. */
  sample?: { from: string; link: string };
  /** The page's primary action: visible and not clipped on a phone. */
  primary?: readonly SweepTarget[];
  dialogs?: readonly SweepDialog[];
}

export interface RouteEntry {
  path: string;
  /** Signed-in pages: the roles that may open it (every role when absent). Public pages have `public: true`. */
  roles?: readonly Role[];
  /** A bureau officer sees the page only with one of these authorities (the role menu shows it to them only). */
  authorities?: readonly Authority[];
  public?: true;
  sweep?: RouteSweep;
}

/** Who takes part in match rounds: students list, enterprises rank, schools and officers run them. */
const ROUND_ROLES: Role[] = ['student', 'enterprise_admin', 'school_admin', 'bureau_officer', 'platform_admin'];
const ROUND_OWNERS: Role[] = ['school_admin', 'bureau_officer']; // an education bureau officer (the route needs EDU)
/** Who signs the tripartite agreement in the portal (the guardian signs through a one-time link, without an account). */
const AGREEMENT_ROLES: Role[] = ['student', 'enterprise_admin', 'school_admin'];

export const ROUTE_TABLE = [
  { path: '/login', public: true, sweep: { primary: [{ testId: 'login-submit' }] } },
  { path: '/register', public: true, sweep: { primary: [{ testId: 'register-submit' }] } },
  { path: '/register/confirm', public: true },
  { path: '/activate', public: true },
  { path: '/forgot-password', public: true, sweep: { primary: [{ testId: 'forgot-submit' }] } },
  { path: '/reset-password', public: true },
  { path: '/guardian-sign', public: true },
  { path: '/verify', public: true },
  {
    path: '/home',
    sweep: {
      primary: [
        { testId: 'add-student', roles: ['school_admin'] },
        { testId: 'create-school', roles: ['platform_admin'] },
        { testId: 'home-book-practice', roles: ['teacher'] },
      ],
      dialogs: [
        { testId: 'add-student', roles: ['school_admin'], submitEmpty: true },
        { testId: 'add-teacher', roles: ['school_admin'] },
        { testId: 'import-people', roles: ['school_admin'] },
        { testId: 'create-school', roles: ['platform_admin'] },
      ],
    },
  },
  { path: '/me' },
  { path: '/notifications' },
  { path: '/notification-settings' },
  {
    path: '/slots',
    roles: ['enterprise_admin'],
    sweep: { primary: [{ testId: 'post-slot' }], dialogs: [{ testId: 'post-slot', submitEmpty: true }] },
  },
  { path: '/slots/:slotId', roles: ['enterprise_admin'], sweep: { sample: { from: '/slots', link: 'slot-applicants' } } },
  { path: '/placements', roles: ['enterprise_admin', 'student'] },
  {
    path: '/find-slots',
    roles: ['student'],
    sweep: { primary: [{ testId: 'slot-search-submit' }], dialogs: [{ testId: 'slot-card' }] },
  },
  { path: '/recommended', roles: ['student'], sweep: { dialogs: [{ testId: 'slot-card' }] } },
  { path: '/applications', roles: ['student'] },
  { path: '/approvals', roles: ['school_admin'] },
  { path: '/dead-letters', roles: ['platform_admin'] },
  {
    path: '/majors',
    roles: ['platform_admin'],
    sweep: { primary: [{ testId: 'import-majors' }], dialogs: [{ testId: 'import-majors' }] },
  },
  { path: '/rules', roles: ['platform_admin'], sweep: { primary: [{ testId: 'rules-review' }] } },
  { path: '/access-log', roles: ['platform_admin'], sweep: { primary: [{ testId: 'access-log-search' }] } },
  { path: '/practice', roles: ['teacher'], sweep: { primary: [{ testId: 'practice-search-submit' }] } },
  { path: '/my-practice', roles: ['teacher'] },
  { path: '/practice-bookings', roles: ['enterprise_admin'] },
  { path: '/practice-compliance', roles: ['school_admin', 'bureau_officer', 'platform_admin'], authorities: ['EDU'] },
  {
    path: '/practice-compliance/:schoolId',
    roles: ['bureau_officer', 'platform_admin'],
    authorities: ['EDU'],
    sweep: { sample: { from: '/practice-compliance', link: 'open-school' } },
  },
  {
    path: '/quotas',
    roles: ['bureau_officer', 'platform_admin'],
    authorities: ['MIIT', 'SASAC'],
    sweep: {
      primary: [{ testId: 'export-quotas' }],
      dialogs: [{ testId: 'open-enterprise' }, { testId: 'import-headcounts', roles: ['platform_admin'] }],
    },
  },
  {
    path: '/match-rounds',
    roles: ROUND_ROLES,
    authorities: ['EDU'],
    sweep: {
      primary: [{ testId: 'create-round', roles: ROUND_OWNERS }],
      dialogs: [{ testId: 'create-round', roles: ROUND_OWNERS }],
    },
  },
  {
    path: '/match-rounds/:roundId',
    roles: ROUND_ROLES,
    authorities: ['EDU'],
    sweep: { sample: { from: '/match-rounds', link: 'round-link' } },
  },
  { path: '/agreements', roles: AGREEMENT_ROLES },
  {
    path: '/agreements/:agreementId',
    roles: AGREEMENT_ROLES,
    sweep: { sample: { from: '/agreements', link: 'agreement-link' } },
  },
] as const satisfies readonly RouteEntry[];

export type RoutePath = (typeof ROUTE_TABLE)[number]['path'];

/** Whether a signed-in user of this role (and authority, for an officer) may open the route. */
export function mayOpen(route: RouteEntry, role: Role, authority: Authority | null | undefined): boolean {
  if (route.public) return false;
  if (route.roles && !route.roles.includes(role)) return false;
  // An officer without a known authority is judged by the role alone.
  if (role === 'bureau_officer' && route.authorities && authority) return route.authorities.includes(authority);
  return true;
}
