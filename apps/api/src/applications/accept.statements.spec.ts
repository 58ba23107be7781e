import { RECIPIENTS_SQL, eventKindSql } from '@skillbridge/notifications';
import { ACCEPT_APPLICATIONS } from './accept.statements';
import { APPLICATION_AS_PLATFORM } from './applications.statements';

// The accept's text is written out in full (no SQL is assembled from strings): these keep its copies
// of the outbox's recipients and of the application read from drifting away from their originals.
describe('the accept statement', () => {
  it('writes its event as recordEvent does: the kind, and the recipients RECIPIENTS_SQL makes', () => {
    expect(ACCEPT_APPLICATIONS.text).toContain(`SELECT ${eventKindSql('application.accepted')}, win.id,`);
    expect(ACCEPT_APPLICATIONS.text).toContain(RECIPIENTS_SQL('ARRAY[win.student_id]', 'ARRAY[win.enterprise_id, win.school_id]'));
  });

  it('answers with the columns of the application read, from the row its UPDATE returned', () => {
    const read = APPLICATION_AS_PLATFORM.text.replace(' WHERE a.id = $1', '').replace('FROM applications a', 'FROM accepted a');
    expect(ACCEPT_APPLICATIONS.text).toContain(`LEFT JOIN (${read}) AS answer ON answer.id = r.id`);
  });

  it('is prepared, under its own name', () => {
    expect(ACCEPT_APPLICATIONS).toMatchObject({ name: 'applications.accept', prepared: true });
  });
});
