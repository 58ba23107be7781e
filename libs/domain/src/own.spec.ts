import { isImportKind, templateHeaders } from './imports';
import { defaultPreference, preferenceFor, renderMessage } from './notifications';
import { isOwnKey, ownValue } from './own';

/** The names every plain object answers to without holding them. */
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];

describe('lookups by a name from outside', () => {
  const table: Record<string, number> = { students: 1, teachers: 2 };

  it.each(INHERITED)('%s is not in a table that does not hold it', (name) => {
    expect(ownValue(table, name)).toBeUndefined();
    expect(isOwnKey(table, name)).toBe(false);
    // What a plain lookup would have found (the bug): something, not undefined.
    expect((table as Record<string, unknown>)[name]).toBeDefined();
  });

  it('finds what the table holds itself', () => {
    expect(ownValue(table, 'teachers')).toBe(2);
    expect(isOwnKey(table, 'students')).toBe(true);
    expect(ownValue(table, 'nobody')).toBeUndefined();
  });

  it.each(INHERITED)('the import kind %s does not exist (GET /imports/templates/:kind answers 404)', (name) => {
    expect(isImportKind(name)).toBe(false);
  });

  it('the import kinds do', () => {
    for (const kind of ['students', 'teachers', 'headcounts']) expect(isImportKind(kind)).toBe(true);
    expect(templateHeaders('students', 'en')[0]).toBe('Name');
  });

  it.each(INHERITED)('a stored preference map never yields the inherited %s', (name) => {
    expect(preferenceFor(name as never, {})).toEqual(defaultPreference(name as never));
  });

  it('messages: an unknown kind is an error that names it; an unknown locale reads in Chinese; a placeholder never reads an inherited fact', () => {
    expect(() => renderMessage('constructor' as never, 'student', 'zh-CN', {})).toThrow(
      'No message template for the event kind "constructor"',
    );
    expect(() => renderMessage('toString' as never, 'student', 'zh-CN', {})).toThrow('No message template');
    const facts = { slotTitle: '数控加工实习生', enterpriseName: '兰州飞天', respondBy: '2027-02-25' };
    expect(renderMessage('application.offered', 'student', 'constructor' as never, facts)).toEqual(
      renderMessage('application.offered', 'student', 'zh-CN', facts),
    );
    expect(renderMessage('application.offered', 'constructor' as never, 'en', facts)).toEqual(
      renderMessage('application.offered', 'officer', 'en', facts),
    );
    const withInherited = Object.assign(Object.create({ slotTitle: 'inherited' }) as object, {}) as never;
    expect(renderMessage('application.submitted', 'student', 'en', withInherited).body).toContain('“—”');
  });
});
