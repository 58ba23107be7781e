import { inputProblems } from './input-problems';

const body = { type: 'body' as const, metatype: Object };
const query = { type: 'query' as const, metatype: Object };

describe('input refused before class-validator sees it', () => {
  it('a body must be a JSON object (or absent)', () => {
    for (const value of [null, [], 'x', 42, true])
      expect(inputProblems(value, body)).toEqual([{ field: 'body', message: 'The request body must be a JSON object' }]);
    expect(inputProblems(undefined, body)).toEqual([]);
    expect(inputProblems({}, body)).toEqual([]);
  });

  it('names null fields, prototype keys, NUL characters and lone surrogates, nested ones by path', () => {
    const problems = inputProblems(
      { title: null, prototype: {}, constructor: 1, skills: ['a', null, 'b\u0000'], email: 'a\ud800@b.cn', ok: '技能桥 😀' },
      body,
    );
    expect(problems).toEqual([
      { field: 'title', message: 'title must be left out rather than null' },
      { field: 'prototype', message: 'is not a known field' },
      { field: 'constructor', message: 'is not a known field' },
      { field: 'skills.1', message: 'must not be null' },
      { field: 'skills.2', message: 'must not contain NUL characters' },
      { field: 'email', message: 'must be valid Unicode text' },
    ]);
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString', '__defineGetter__', '__proto__'])(
    'names a field called %s, which class-validator’s whitelist would take for a known one, in a query or a body',
    (name) => {
      const inherited = JSON.parse(`{"${name}": "1", "nested": {"${name}": "2"}}`) as object;
      expect(inputProblems(inherited, query)).toEqual([
        { field: name, message: 'is not a known field' },
        { field: `nested.${name}`, message: 'is not a known field' },
      ]);
      expect(inputProblems(inherited, body)).toHaveLength(2);
    },
  );

  it('stops at a depth no DTO reaches, without recursing through the rest', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(inputProblems(deep, body)).toEqual([{ field: 'a.a.a.a.a.a.a.a.a', message: 'is nested too deeply' }]);
  });

  it('checks query strings too, but leaves path parameters to the routes', () => {
    expect(inputProblems({ q: 'x\u0000' }, query)).toEqual([{ field: 'q', message: 'must not contain NUL characters' }]);
    expect(inputProblems('x\u0000', { type: 'param' })).toEqual([]);
  });
});
