/**
 * 统一社会信用代码 — the unified social credit code (GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V); the last is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('a USCC body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not a USCC character`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = 'length' | 'characters' | 'check_digit' | 'void';

/**
 * GB 32100-2015 Table 1 (with the later additions for the military and agricultural authorities):
 * the registration authority (1st character) and the organisation types (2nd) it registers.
 */
export const USCC_ORGANISATION_TYPES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直管群团, 其他
  '2': '19', // 外交
  '3': '123459', // 司法行政: 律所, 公证处, 基层法律服务所, 司法鉴定, 仲裁委, 其他
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

/**
 * Why a code is not a valid USCC, or null when it is. Letters are compared in upper case.
 * `void`: the check character fits but the code cannot have been issued — an authority or
 * organisation type GB 32100 does not define, no administrative division (000000), or all zeros.
 */
export function usccProblem(code: string): UsccProblem | null {
  const normalised = code.trim().toUpperCase();
  if (normalised.length !== 18) return 'length';
  if (!SHAPE.test(normalised)) return 'characters';
  if (usccCheckCharacter(normalised.slice(0, 17)) !== normalised[17]) return 'check_digit';
  return isIssuable(normalised) ? null : 'void';
}

const isIssuable = (code: string): boolean =>
  (USCC_ORGANISATION_TYPES[code[0]] ?? '').includes(code[1]) && code.slice(2, 8) !== '000000' && !/^0+$/.test(code.slice(8, 17));

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

/** Upper-cased, trimmed form under which codes are stored and compared. */
export const normaliseUscc = (code: string): string => code.trim().toUpperCase();
