import type { MajorLevel, Role, SlotType } from '@skillbridge/contracts';

/**
 * 专业 — the national vocational major catalogue (职业教育专业目录, 2021): a major is reference data,
 * named by its six-digit catalogue code (中职 7xxxxx, 高职专科 4xxxxx–5xxxxx, 高职本科 2xxxxx–3xxxxx).
 */
export const MAJOR_CODE = /^\d{6}$/;

/** A level as people write it in a catalogue file (Chinese or English) → its stored code. */
const LEVEL_NAMES: ReadonlyArray<[MajorLevel, readonly string[]]> = [
  ['secondary', ['中职', '中等职业教育', 'secondary', 'secondary vocational']],
  ['associate', ['高职专科', '高等职业教育专科', '专科', 'associate', 'higher vocational (associate)']],
  ['bachelor', ['高职本科', '职业本科', '高等职业教育本科', 'bachelor', 'vocational bachelor']],
];

export function majorLevelOf(text: string): MajorLevel | null {
  const wanted = text.trim().toLowerCase();
  return LEVEL_NAMES.find(([, names]) => names.includes(wanted))?.[0] ?? null;
}

/**
 * Which slots a person may find in the marketplace: students the student slots (post internships and
 * apprenticeships), teachers the teacher-practice months; everyone else (enterprises, officers,
 * schools, the platform admin) every type.
 */
export function slotTypesFor(role: Role): readonly SlotType[] | null {
  if (role === 'student') return ['internship', 'apprenticeship'];
  if (role === 'teacher') return ['teacher_practice'];
  return null;
}
