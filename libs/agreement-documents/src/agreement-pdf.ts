import { AGREEMENT_PARTIES } from '@skillbridge/contracts';
import type { AgreementClause, AgreementParty, AgreementSignatureView, AgreementTerms, SignatureMethod } from '@skillbridge/contracts';
import PDFDocument from 'pdfkit';
import { agreementText } from './agreement-text';
import { cjkFont } from './cjk-font';

export interface AgreementPdfInput {
  agreementId: string;
  version: number;
  terms: AgreementTerms;
  /** The SHA-256 of the version's terms as stored (what signatures bind to), printed in every page's header. */
  termsSha256: string;
  /** When this version was issued: the PDF's creation and modification dates, so that a render never depends on the clock. */
  issuedAt: Date;
  /** With signatures, a last page lists them (the signed PDF). */
  signatures?: AgreementSignatureView[];
}

const PARTY_NAMES: Record<AgreementParty, { zh: string; en: string }> = {
  school: { zh: '甲方（学校）', en: 'Party A (school)' },
  enterprise: { zh: '乙方（实习单位）', en: 'Party B (enterprise)' },
  student: { zh: '丙方（学生）', en: 'Party C (student)' },
  guardian: { zh: '丙方法定监护人', en: "Party C's guardian" },
};

const METHOD_NAMES: Record<SignatureMethod, { zh: string; en: string }> = {
  password: { zh: '本人密码确认', en: 'own password' },
  one_time_code: { zh: '一次性验证码确认', en: 'one-time code' },
  guardian_link: { zh: '一次性签署链接', en: 'one-time link' },
};

/** China keeps one offset all year (no daylight saving): Asia/Shanghai is UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An instant in Asia/Shanghai time: `2026-09-01 10:23:45 (UTC+8)`. */
export function shanghaiTime(instant: string | Date): string {
  const shifted = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} (UTC+8)`;
}

/**
 * Headings: the regular face filled and stroked, a faux bold. One embedded face instead of two: subsetting a Noto
 * CJK face costs about the same however few glyphs it keeps (fontkit walks all of its subroutines), a fifth of a render.
 */
const BOLD = { fill: true, stroke: true } as const;
function bold(doc: PDFKit.PDFDocument, size: number): PDFKit.PDFDocument {
  return doc
    .font('regular')
    .fontSize(size)
    .fillColor(INK)
    .strokeColor(INK)
    .lineWidth(size / 36);
}

const PAGE = { size: 'A4', margins: { top: 64, bottom: 56, left: 56, right: 56 } } as const;
const INK = '#1f1f1f';
const MUTED = '#595959';

/**
 * The agreement as a PDF: the zh-CN legal text, then its English rendering (smaller, marked as a rendering),
 * every page headed by the agreement's id, version and terms SHA-256; with `signatures`, a last page lists who
 * signed, how and when, and how to verify the file.
 *
 * Deterministic: the same input gives the same bytes (dates fixed to `issuedAt`, a document ID derived from the
 * agreement, subset tags from the font's order), so a signed PDF's SHA-256 identifies it and can be re-derived.
 */
export function renderAgreementPdf(input: AgreementPdfInput): Promise<Buffer> {
  const { agreementId, version, terms, termsSha256, issuedAt, signatures } = input;
  // The face first: a missing font package fails here, with its name, before any work.
  const font = cjkFont();
  const text = agreementText(terms);
  const title = `三方实习协议 — ${terms.student.name} · ${terms.enterprise.name}`;

  const doc = new PDFDocument({
    ...PAGE,
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Author: 'SkillBridge 技能桥',
      Subject: `Tripartite internship agreement ${agreementId}, version ${version}`,
      Keywords: `agreement ${agreementId}; version ${version}; terms sha256 ${termsSha256}`,
      Creator: 'SkillBridge',
      Producer: 'SkillBridge (pdfkit)',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  // pdfkit takes a parsed font object as it is (@types/pdfkit knows only files and buffers).
  doc.registerFont('regular', font as unknown as Buffer);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;

  // Title block.
  bold(doc, 18).text('三方实习协议', { ...BOLD, align: 'center', width });
  doc.moveDown(0.2);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('学校 · 实习单位 · 学生' + (terms.student.minorAtStart ? ' · 法定监护人' : ''), { align: 'center' });
  doc.moveDown(0.6);
  doc
    .fontSize(8.5)
    .text(`协议编号：${agreementId}    版本：第 ${version} 版    本版本生成于 ${shanghaiTime(issuedAt)}`, { width })
    .text(`条款 SHA-256：${termsSha256}`, { width })
    // Whether this file is the signed one, on its first page: a reader should not mistake the version sent for signing for it.
    .fillColor(INK)
    .text(
      signatures
        ? '本文件为各方已签署的协议文本，签署情况见末页签署页。 Signed by the parties: see the signature page at the end.'
        : '本文件为待签署的协议文本，尚不具有已签署协议的效力。 The version for signing: not yet signed.',
      { width },
    );
  doc.moveDown(0.8);

  writeClauses(doc, text['zh-CN'], { heading: 11.5, body: 10.5, gap: 3 });

  // The English rendering: a new page, smaller, marked as a rendering.
  doc.addPage();
  bold(doc, 13).text('Tripartite internship agreement — English rendering', { ...BOLD, width });
  doc.moveDown(0.2);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text('英文译本，仅供参考；以中文文本为准。 A rendering for reference only: the Chinese text above is the agreement.', { width });
  doc.moveDown(0.8);
  writeClauses(doc, text.en, { heading: 9.5, body: 8.5, gap: 2 });

  if (signatures) writeSignaturePage(doc, { agreementId, version, termsSha256, signatures }, width);

  writeRunningHeads(doc, { agreementId, version, termsSha256 });
  doc.end();
  return done;
}

function writeClauses(doc: PDFKit.PDFDocument, clauses: AgreementClause[], size: { heading: number; body: number; gap: number }): void {
  for (const clause of clauses) {
    // A heading never ends a page: it moves to the next one with (at least) its first lines.
    if (doc.y + size.heading * 2 + size.body * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    bold(doc, size.heading).text(clause.heading, { ...BOLD, paragraphGap: size.gap });
    doc.font('regular').fontSize(size.body);
    for (const paragraph of clause.paragraphs) doc.text(paragraph, { lineGap: size.gap / 2, paragraphGap: size.gap });
    doc.moveDown(0.5);
  }
}

function writeSignaturePage(
  doc: PDFKit.PDFDocument,
  signed: { agreementId: string; version: number; termsSha256: string; signatures: AgreementSignatureView[] },
  width: number,
): void {
  doc.addPage();
  bold(doc, 15).text('签署页  Signature page', { ...BOLD, width });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`协议编号 Agreement：${signed.agreementId}    版本 Version：${signed.version}`, { width })
    .text(`所签版本条款 SHA-256 / SHA-256 of the version signed：${signed.termsSha256}`, { width });
  doc.moveDown(0.8);

  // In the parties' order (school, enterprise, student, guardian), whatever order they were given in.
  const inOrder = [...signed.signatures].sort((a, b) => AGREEMENT_PARTIES.indexOf(a.party) - AGREEMENT_PARTIES.indexOf(b.party));
  for (const signature of inOrder) {
    const party = PARTY_NAMES[signature.party];
    const method = METHOD_NAMES[signature.method];
    bold(doc, 11).text(`${party.zh}  ${party.en}`, { ...BOLD, width });
    doc.font('regular').fontSize(9.5);
    doc.text(`签署人 Signer：${signature.signerName}`, { width });
    doc.text(`签署方式 Method：${method.zh}  ${method.en}`, { width });
    doc.text(`签署时间 Signed at：${shanghaiTime(signature.signedAt)}  Asia/Shanghai`, { width });
    doc.text(`版本 Version：${signature.version}    SHA-256：${signature.termsSha256}`, { width });
    doc.moveDown(0.7);
  }

  doc.moveDown(0.5);
  bold(doc, 10).text('核验  How to verify', { ...BOLD, width });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `在 SkillBridge（技能桥）的 /verify 页面上传本文件，或以本文件的 SHA-256 调用 GET /api/v1/agreements/${signed.agreementId}/verify?sha256=<SHA-256>，即可核验本文件是否为未经改动的已签署版本及各方的签署情况；文件改动任何一个字节，核验即不通过。`,
      { width, lineGap: 1.5 },
    )
    .moveDown(0.3)
    .text(
      `Drop this file on the /verify page of SkillBridge, or call GET /api/v1/agreements/${signed.agreementId}/verify?sha256=<its SHA-256>, to check that it is an unchanged signed version and see who signed when; a file with any byte changed fails.`,
      { width, lineGap: 1.5 },
    );
}

/** Every page: the agreement's id, version and terms SHA-256 above, the page number below. */
function writeRunningHeads(doc: PDFKit.PDFDocument, head: { agreementId: string; version: number; termsSha256: string }): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    // Writing in the margins: lift them so that pdfkit does not break onto a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`SkillBridge 三方实习协议 · ${head.agreementId} · v${head.version} · SHA-256 ${head.termsSha256}`, margins.left, 28, {
        width: width - margins.left - margins.right,
        lineBreak: false,
      })
      .text(`第 ${index + 1} 页 / 共 ${range.count} 页`, margins.left, height - 36, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
}
