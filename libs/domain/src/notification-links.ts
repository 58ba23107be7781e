import type { Role } from './tenancy';

/** What an inbox entry or an e-mail is about: its kind, its subject's id, and the slot of an application. */
export interface MessageSubject {
  kind: string;
  subjectId: string;
  slotId: string | null;
}

/** A list page opened at one of its rows: the table shows that row marked and in view (ResponsiveTable reads `focus`). */
const focused = (path: string, id: string) => `${path}?focus=${encodeURIComponent(id)}`;

/**
 * Where a message leads, for the reader's role: the portal's page of its subject (an application, a placement,
 * a booking, a round, a slot, an import), with the subject marked when it is a row of a list. The inbox links
 * to it and e-mails end with it. Every kind that can reach a role (KIND_ROLES) leads somewhere for it (the
 * portal's subject-link.spec.ts checks each against its route table); null only for a kind of a newer build.
 */
export function subjectLink({ kind, subjectId, slotId }: MessageSubject, role: Role): string | null {
  const area = kind.slice(0, kind.indexOf('.'));
  switch (area) {
    case 'application':
      if (role === 'student') return focused('/applications', subjectId);
      if (role === 'school_admin') return focused('/approvals', subjectId);
      if (role === 'enterprise_admin') return slotId ? focused(`/slots/${slotId}`, subjectId) : '/slots';
      return null;
    case 'placement':
      if (role === 'student' || role === 'enterprise_admin') return focused('/placements', subjectId);
      if (role === 'school_admin') return '/approvals';
      return null;
    case 'slot':
      return role === 'enterprise_admin' ? `/slots/${subjectId}` : null;
    case 'booking':
      if (role === 'teacher') return focused('/my-practice', subjectId);
      if (role === 'enterprise_admin') return focused('/practice-bookings', subjectId);
      if (role === 'school_admin') return '/practice-compliance';
      return null;
    case 'practice':
      return role === 'teacher' ? '/practice' : null;
    case 'quota':
      // The reminder asks for internship slots: the enterprise's slots, where one is posted.
      return role === 'enterprise_admin' ? '/slots' : null;
    case 'enterprise':
      return role === 'enterprise_admin' ? '/home' : null;
    case 'import':
      // A school's people imports are listed on its home; the headcount imports on the quota dashboard.
      if (role === 'school_admin') return focused('/home', subjectId);
      if (role === 'bureau_officer' || role === 'platform_admin') return focused('/quotas', subjectId);
      return null;
    case 'round':
      return `/match-rounds/${subjectId}`;
    default:
      return null;
  }
}
