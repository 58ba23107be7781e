import { Actor, remitOf } from '@skillbridge/domain';
import { RemitParameters, remitParameters } from './imports.statements';

const actor = (role: Actor['role'], authority: Actor['authority'] = null, organisationId: string | null = null): Actor => ({
  userId: 'u',
  role,
  organisationId,
  authority,
});

describe('remitParameters: who a headcounts file may name, as MATCH_ENTERPRISES reads it', () => {
  const cases: Array<[string, Actor, RemitParameters]> = [
    ['the platform admin: every enterprise', actor('platform_admin'), [true, null, null, null, null]],
    [
      'MIIT: enterprises and bases, municipal SOEs excepted',
      actor('bureau_officer', 'MIIT'),
      [true, null, ['enterprise', 'training_base'], null, ['municipal_soe']],
    ],
    [
      'SASAC: the municipal SOEs only',
      actor('bureau_officer', 'SASAC'),
      [true, null, ['enterprise', 'training_base'], ['municipal_soe'], null],
    ],
    ['EDU: schools and bases', actor('bureau_officer', 'EDU'), [true, null, ['school', 'training_base'], null, null]],
    ['an officer of no authority: none', actor('bureau_officer'), [false, null, null, null, null]],
    ['an enterprise admin: its own', actor('enterprise_admin', null, 'e1'), [true, 'e1', null, null, null]],
    ['an admin of no organisation: none', actor('school_admin'), [false, null, null, null, null]],
  ];

  it.each(cases)('%s', (_, who, expected) => {
    expect(remitParameters(remitOf(who))).toEqual(expected);
  });
});
