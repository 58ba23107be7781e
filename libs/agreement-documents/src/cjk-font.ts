import * as fontkit from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font the agreement PDF embeds (a subset, as real text): Noto Sans CJK SC from Debian's `fonts-noto-cjk`
 * (SIL Open Font License), installed by the project itself — `npm start`, `npm test` and the Docker image — and
 * never downloaded at run time. Regular for the text, Bold for the headings.
 */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

const FONT_DIRECTORIES = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];
const FACES = {
  regular: { file: 'NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  bold: { file: 'NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
} as const;
export type CjkFontWeight = keyof typeof FACES;

/** Raised when the font's package is not installed: the message names the package to install. */
export class CjkFontMissingError extends Error {
  constructor(file: string) {
    super(
      `The agreement PDF needs the CJK font ${file} from the Debian package ${CJK_FONT_PACKAGE}: ` +
        `install it with \`apt-get install ${CJK_FONT_PACKAGE}\` (npm start and npm test install it when run as root; the Docker image has it).`,
    );
    this.name = 'CjkFontMissingError';
  }
}

/** Where a face's collection file is, or `CjkFontMissingError`. */
export function cjkFontFile(weight: CjkFontWeight): string {
  const { file } = FACES[weight];
  const found = FONT_DIRECTORIES.map((directory) => `${directory}/${file}`).find((path) => existsSync(path));
  if (!found) throw new CjkFontMissingError(`${FONT_DIRECTORIES[0]}/${file}`);
  return found;
}

/**
 * Text is set without OpenType shaping: Chinese needs none (one glyph per character from the cmap; the SC face of
 * the collection already draws SC forms), while fontkit's contextual lookups over Noto CJK's large GSUB/GPOS tables
 * cost several times the rest of a render (the ceiling is 300 ms). The cost: no Latin ligatures or kerning in the
 * English rendering, which also keeps "fi" extractable as two letters.
 */
const NO_SHAPING: Record<string, boolean> = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'rclt', 'calt', 'clig', 'liga', 'dlig', 'curs', 'kern', 'mark', 'mkmk', 'rvrn', 'palt', 'halt'].map((feature) => [
    feature,
    false,
  ]),
);

const loaded = new Map<CjkFontWeight, fontkit.Font>();

/**
 * A face, parsed once per process (the collections are tens of megabytes, their tables slow to read) and shared by
 * every render: pdfkit takes the font object as it is and makes each document's own subset from it.
 */
export function cjkFont(weight: CjkFontWeight): fontkit.Font {
  let font = loaded.get(weight);
  if (!font) {
    const parsed = fontkit.create(readFileSync(cjkFontFile(weight)), FACES[weight].postscriptName);
    if (!('layout' in parsed)) throw new Error(`${FACES[weight].postscriptName} is not in ${cjkFontFile(weight)}`);
    // The same font, laid out without shaping (see NO_SHAPING); everything else is the parsed font's own.
    const unshaped = Object.create(parsed) as fontkit.Font;
    unshaped.layout = (text: string) => parsed.layout(text, NO_SHAPING);
    font = unshaped;
    loaded.set(weight, font);
  }
  return font;
}
