/** Spreadsheets for the import tests: n students or teachers, with e-mails unique to the run. */
export const STUDENT_HEADER = ['姓名', '邮箱', '专业', '入学年份', '出生日期', '技能', '证书'];
export const TEACHER_HEADER = ['姓名', '邮箱', '专业方向', '专业课教师', '双师型'];

const MAJORS = ['机电一体化技术', '数控技术', '汽车检测与维修技术', '计算机网络技术', '护理'];
const SURNAMES = '王李张刘陈杨赵黄周吴';
const GIVEN = '子涵浩然欣怡宇轩梓萱俊杰雨桐博文诗琪';

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
export const toCsv = (rows: string[][], bom = true): string =>
  (bom ? '\uFEFF' : '') + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** Row i (0-based) is on line i + 2 of the file. */
export function studentRows(n: number, tag: string): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const name = SURNAMES[i % 10] + GIVEN[(i * 7) % 16] + GIVEN[(i * 3 + 1) % 16];
    const year = 2023 + (i % 3);
    const birth = `${year - 16}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    rows.push([
      name,
      `s${i}.${tag}@import.example.cn`,
      MAJORS[i % MAJORS.length],
      String(year),
      birth,
      i % 2 ? 'PLC编程、电气装调' : '',
      i % 5 ? '' : '1+X 工业机器人',
    ]);
  }
  return rows;
}

export function teacherRows(n: number, tag: string): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `${SURNAMES[i % 10]}老师${i}`,
    `t${i}.${tag}@import.example.cn`,
    MAJORS[i % MAJORS.length],
    i % 4 ? '是' : '否',
    i % 3 ? '是' : '否',
  ]);
}
