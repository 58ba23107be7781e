import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderAgreementPdf, shanghaiTime } from './agreement-pdf';
import { sampleSignatures, sampleTerms } from './sample-terms.test-util';
import { sha256Hex } from './sha256';

/**
 * The PDF as a reader gets it, checked with poppler (`poppler-utils`, installed by `npm test`): the text is
 * extractable Chinese, every font is embedded, and the bytes depend on nothing but the input.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'agreement-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function poppler(program: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, ...args: string[]): string {
  const file = path.join(dir, `${sha256Hex(pdf)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(program, [...args, file, ...(program === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

const AGREEMENT_ID = '5f0c2a7e-3b1d-4e8a-9c6f-2d4b7a1e8c30';
const terms = sampleTerms();
const termsSha256 = sha256Hex(Buffer.from(JSON.stringify(terms)));
const input = { agreementId: AGREEMENT_ID, version: 2, terms, termsSha256, issuedAt: new Date('2026-08-20T02:00:00Z') };

describe('renderAgreementPdf', () => {
  let unsigned: Buffer;
  let signed: Buffer;
  beforeAll(async () => {
    unsigned = await renderAgreementPdf(input);
    signed = await renderAgreementPdf({ ...input, signatures: sampleSignatures(termsSha256, 2) });
  });

  it('is a PDF whose Chinese text is extractable: the parties, the post, the policy number', () => {
    expect(unsigned.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = poppler('pdftotext', unsigned, '-enc', 'UTF-8');
    for (const fact of [
      '三方实习协议',
      '兰州市职业技术学校',
      '兰州新区智能装备制造有限公司',
      '张小明',
      '张大山',
      '装配工艺实习生',
      'PZAT202662010000123456',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain('每月人民币3,200.00元（大写：叁仟贰佰元整）');
    expect(text).toContain('保单号：PZAT202662010000123456');
  });

  it('says on its first page whether it is the signed file, and when the version was issued', () => {
    const [unsignedFirst] = poppler('pdftotext', unsigned, '-enc', 'UTF-8').split('\f');
    const [signedFirst] = poppler('pdftotext', signed, '-enc', 'UTF-8').split('\f');
    expect(unsignedFirst).toContain('本文件为待签署的协议文本');
    expect(unsignedFirst).not.toContain('本文件为各方已签署');
    expect(signedFirst).toContain('本文件为各方已签署的协议文本');
    expect(unsignedFirst).toContain('本版本生成于 2026-08-20 10:00:00 (UTC+8)');
  });

  it('follows the Chinese text with the English rendering, marked as one', () => {
    const text = poppler('pdftotext', unsigned, '-enc', 'UTF-8');
    const english = text.indexOf('English rendering');
    expect(english).toBeGreaterThan(text.indexOf('第十四条 签署'));
    expect(text.slice(english)).toContain('A rendering for reference only');
    expect(text.slice(english)).toContain('Policy number: PZAT202662010000123456');
  });

  it('heads every page with the agreement id, version and terms SHA-256', () => {
    const pages = poppler('pdftotext', unsigned, '-enc', 'UTF-8')
      .split('\f')
      .filter((page) => page.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toContain(AGREEMENT_ID);
      expect(page).toContain('v2');
      expect(page.replace(/\s/g, '')).toContain(termsSha256);
    }
  });

  it('embeds every font (a subset of the CJK font)', () => {
    // pdffonts prints a table; its dashes line gives the columns ("type" has spaces in it).
    const [header, dashes, ...rows] = poppler('pdffonts', signed).trimEnd().split('\n');
    const columns = [...dashes.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
    const fonts = rows.map((row) =>
      Object.fromEntries(columns.map(([start, end]) => [header.slice(start, end).trim(), row.slice(start, end).trim()])),
    );
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    expect(fonts.map((font) => font.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/)]));
  });

  it('with signatures, ends with a signature page: each party, signer, method, time in Asia/Shanghai, the SHA-256, how to verify', () => {
    const pages = poppler('pdftotext', signed, '-enc', 'UTF-8')
      .split('\f')
      .filter((page) => page.trim());
    const last = pages[pages.length - 1];
    expect(last).toContain('签署页');
    for (const [party, signer] of [
      ['甲方（学校）', '王建国'],
      ['乙方（实习单位）', '李晓梅'],
      ['丙方（学生）', '张小明'],
      ['丙方法定监护人', '张大山'],
    ]) {
      expect(last).toContain(party);
      expect(last).toContain(`签署人 Signer：${signer}`);
    }
    // In the parties' order, whatever order they were given in.
    expect(last.indexOf('王建国')).toBeLessThan(last.indexOf('李晓梅'));
    expect(last.indexOf('李晓梅')).toBeLessThan(last.indexOf('签署人 Signer：张小明'));
    expect(last.indexOf('签署人 Signer：张小明')).toBeLessThan(last.indexOf('签署人 Signer：张大山'));
    expect(last).toContain('一次性签署链接');
    expect(last).toContain('one-time code');
    // 2026-08-22T16:30:00Z is past midnight in Shanghai.
    expect(last).toContain('2026-08-23 00:30:00 (UTC+8)');
    expect(last).toContain('Asia/Shanghai');
    expect(last.replace(/\s/g, '')).toContain(termsSha256);
    expect(last).toContain('/verify');
    expect(last.replace(/\s/g, '')).toContain(`GET/api/v1/agreements/${AGREEMENT_ID}/verify`);
    expect(pages.length).toBe(
      poppler('pdftotext', unsigned)
        .split('\f')
        .filter((page) => page.trim()).length + 1,
    );
  });

  it('dates the document at issuedAt, not at the clock', () => {
    const info = poppler('pdfinfo', unsigned, '-isodates');
    expect(info).toMatch(/CreationDate:\s+2026-08-20T02:00:00(Z|\+00)/);
    expect(info).toMatch(/ModDate:\s+2026-08-20T02:00:00(Z|\+00)/);
  });

  it('is deterministic: the same input gives the same bytes, another input other bytes', async () => {
    const again = await renderAgreementPdf({ ...input, signatures: sampleSignatures(termsSha256, 2) });
    expect(again.equals(signed)).toBe(true);
    expect(sha256Hex(again)).toBe(sha256Hex(signed));
    const otherVersion = await renderAgreementPdf({ ...input, version: 3 });
    expect(otherVersion.equals(unsigned)).toBe(false);
  });

  it('renders at once give the bytes of renders one by one (the font is shared by every render)', async () => {
    const adult = sampleTerms({ student: { ...terms.student, name: '欧阳娜娜', minorAtStart: false }, guardian: null });
    const adultInput = { ...input, agreementId: 'other', terms: adult };
    const [first, second] = await Promise.all([
      renderAgreementPdf(adultInput),
      renderAgreementPdf({ ...input, signatures: sampleSignatures(termsSha256, 2) }),
    ]);
    expect(second.equals(signed)).toBe(true);
    expect(first.equals(await renderAgreementPdf(adultInput))).toBe(true);
  });

  it('one changed byte changes the SHA-256', () => {
    const changed = Buffer.from(signed);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    expect(sha256Hex(changed)).not.toBe(sha256Hex(signed));
    expect(sha256Hex(signed)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('shanghaiTime', () => {
  it.each([
    ['2026-08-21T01:12:09Z', '2026-08-21 09:12:09 (UTC+8)'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00 (UTC+8)'],
  ])('%s → %s', (instant, shown) => expect(shanghaiTime(instant)).toBe(shown));
});
