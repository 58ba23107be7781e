import { RECIPIENTS_SQL } from './outbox';
import { RECORD_EVENT } from './outbox.statements';

describe('the outbox', () => {
  // The API's set-based statements build their recipients from RECIPIENTS_SQL; recordEvent's fixed text must say the same.
  it('records an event for the same recipients as RECIPIENTS_SQL names', () => {
    expect(RECORD_EVENT.text).toContain(RECIPIENTS_SQL('$3::uuid[]', '$4::uuid[]'));
  });
});
