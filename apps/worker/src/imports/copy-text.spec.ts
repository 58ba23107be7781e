import { copyLine } from './copy-text';

describe('COPY text lines', () => {
  it('joins fields with tabs, writes null as \\N and escapes backslashes, tabs and line breaks', () => {
    expect(copyLine([1, '王五', null, true, 'a\\b\tc\nd\re'])).toBe('1\t王五\t\\N\ttrue\ta\\\\b\\tc\\nd\\re\n');
  });

  it('writes arrays as array literals, quoted and escaped, then escaped again for COPY', () => {
    expect(copyLine([[]])).toBe('{}\n');
    expect(copyLine([['PLC编程', '说"好"', 'a,b', 'x\\y']])).toBe('{"PLC编程","说\\\\"好\\\\"","a,b","x\\\\\\\\y"}\n');
  });
});
