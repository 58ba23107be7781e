/**
 * 三方实习协议 — the tripartite internship agreement as a document: its text from the terms (zh-CN, the legal
 * text, and an English rendering), its PDF (deterministic, Chinese embedded as text), and the SHA-256 that
 * signatures and verification go by. No database, no clock: the API and the worker call these.
 */
export { agreementText, enDate, groupedYuan, zhDate, zhUpperYuan } from './agreement-text';
export type { AgreementText } from './agreement-text';
export { renderAgreementPdf, shanghaiTime } from './agreement-pdf';
export type { AgreementPdfInput } from './agreement-pdf';
export { CJK_FONT_PACKAGE, CjkFontMissingError, cjkFontFile, loadAgreementFont } from './cjk-font';
export { sha256Hex } from './sha256';
