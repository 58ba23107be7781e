import { subjectLink } from './notification-links';

const SUBJECT = '11111111-1111-4111-8111-111111111111';
const SLOT = '22222222-2222-4222-8222-222222222222';

describe('where a message leads', () => {
  it('opens the subject itself: the application among its slot’s applicants, the round, a list at its row', () => {
    expect(subjectLink({ kind: 'application.submitted', subjectId: SUBJECT, slotId: SLOT }, 'enterprise_admin')).toBe(
      `/slots/${SLOT}?focus=${SUBJECT}`,
    );
    expect(subjectLink({ kind: 'application.offered', subjectId: SUBJECT, slotId: SLOT }, 'student')).toBe(
      `/applications?focus=${SUBJECT}`,
    );
    expect(subjectLink({ kind: 'round.matched', subjectId: SUBJECT, slotId: null }, 'student')).toBe(`/match-rounds/${SUBJECT}`);
    expect(subjectLink({ kind: 'booking.booked', subjectId: SUBJECT, slotId: null }, 'enterprise_admin')).toBe(
      `/practice-bookings?focus=${SUBJECT}`,
    );
    expect(subjectLink({ kind: 'newer.kind', subjectId: SUBJECT, slotId: null }, 'student')).toBeNull();
  });
});
