import { ImportRowValidator } from './imports';
import { majorLevelOf, slotTypesFor } from './majors';

describe('majors', () => {
  it('reads a level as catalogues write it, in Chinese or English', () => {
    expect(majorLevelOf('中职')).toBe('secondary');
    expect(majorLevelOf(' 高职专科 ')).toBe('associate');
    expect(majorLevelOf('职业本科')).toBe('bachelor');
    expect(majorLevelOf('Associate')).toBe('associate');
    expect(majorLevelOf('博士')).toBeNull();
  });

  it('students find student slots, teachers teacher practice, everyone else every type', () => {
    expect(slotTypesFor('student')).toEqual(['internship', 'apprenticeship']);
    expect(slotTypesFor('teacher')).toEqual(['teacher_practice']);
    expect(slotTypesFor('enterprise_admin')).toBeNull();
    expect(slotTypesFor('bureau_officer')).toBeNull();
  });

  it('validates a catalogue file: six-digit codes, known levels, no code or name twice', () => {
    const validator = new ImportRowValidator('majors', ['专业代码', '专业名称', '英文名称', '层次', '专业类'], { today: '2026-12-07' });
    expect(validator.headerErrors).toEqual([]);
    expect(validator.validate(['460301', '机电一体化技术', 'Mechatronics Technology', '高职专科', '自动化类'], 2)).toEqual({
      row: { code: '460301', nameZh: '机电一体化技术', nameEn: 'Mechatronics Technology', level: 'associate', category: '自动化类' },
      errors: [],
    });
    expect(validator.validate(['46030', '数控技术', 'NC', '高职', '机械设计制造类'], 3).errors.map((e) => [e.field, e.reason])).toEqual([
      ['code', 'INVALID_MAJOR_CODE'],
      ['level', 'INVALID_MAJOR_LEVEL'],
    ]);
    expect(validator.validate(['460301', '机电技术', 'x', '中职', '自动化类'], 4).errors).toEqual([
      { line: 4, field: 'code', reason: 'DUPLICATE_IN_FILE', value: '460301 (2)' },
    ]);
    expect(validator.validate(['460399', '机电一体化技术', 'x', '中职', '自动化类'], 5).errors).toEqual([
      { line: 5, field: 'nameZh', reason: 'DUPLICATE_IN_FILE', value: '机电一体化技术 (2)' },
    ]);
  });
});
