import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderAgreementPdf } from './agreement-pdf';
import { sampleTerms } from './sample-terms.test-util';

/**
 * Two code points drawn by one glyph — 一 (U+4E00) and the Kangxi radical ⼀ (U+2F00) — each extract as themselves,
 * whatever the process rendered before: the font is shared across renders (its own file: a fresh one per spec file),
 * and a text map from the first code point met would make a PDF's bytes depend on the renders before it.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'agreement-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdftotext(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const input = (agreementId: string) => ({
  agreementId,
  version: 1,
  terms: sampleTerms(),
  termsSha256: '0'.repeat(64),
  issuedAt: new Date('2026-08-20T02:00:00Z'),
});

it('each text extracts its own code points, the glyph shared or not', async () => {
  // The radical comes first in this process: in the header's agreement id, before any 一 of the text.
  const radical = pdftotext(await renderAgreementPdf(input('\u2F00-radical')), 'radical');
  expect(radical).toContain('\u2F00-radical');
  const plain = pdftotext(await renderAgreementPdf(input('plain')), 'plain');
  expect(plain).toContain('第\u4E00条');
  expect(plain).not.toContain('\u2F00');
});
