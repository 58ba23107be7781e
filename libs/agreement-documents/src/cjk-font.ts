import * as fontkit from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font the agreement PDF embeds (a subset, as real text): Noto Sans CJK SC from Debian's `fonts-noto-cjk`
 * (SIL Open Font License), installed by the project itself — `npm start`, `npm test` and the Docker image — and
 * never downloaded at run time.
 */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

const FONT_DIRECTORIES = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];
/** The collection file and the face in it (by PostScript name): Simplified Chinese, regular (headings are a faux bold). */
const FACE = { file: 'NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' } as const;

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

/** Where the face's collection file is, or `CjkFontMissingError`. */
export function cjkFontFile(): string {
  const { file } = FACE;
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
  ['ccmp', 'locl', 'rlig', 'rclt', 'calt', 'clig', 'liga', 'dlig', 'curs', 'kern', 'mark', 'mkmk', 'rvrn', 'palt', 'halt'].map(
    (feature) => [feature, false],
  ),
);

/** Variation selectors join the code point before them in one glyph. */
const isVariationSelector = (codePoint: number): boolean =>
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);

interface LaidOut {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
}

/**
 * A run of text laid out without shaping, each glyph carrying the code points it stands for in this text.
 * fontkit keeps one glyph object per glyph id with the code points it was first met with; where two code points share
 * a glyph (一 U+4E00 and the radical ⼀ U+2F00), a PDF's text map would otherwise depend on what the process rendered
 * before — and its bytes with it.
 */
function layOut(font: fontkit.Font, text: string): LaidOut {
  const run = font.layout(text, NO_SHAPING);
  const groups: number[][] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (groups.length && isVariationSelector(codePoint)) groups[groups.length - 1].push(codePoint);
    else groups.push([codePoint]);
  }
  const glyphs =
    groups.length === run.glyphs.length
      ? run.glyphs.map((glyph, index) =>
          Object.create(glyph, { codePoints: { value: groups[index] }, advanceWidth: { value: glyph.advanceWidth } }),
        )
      : run.glyphs;
  return { glyphs, positions: run.positions.map((position) => ({ ...position })) };
}

/** Runs laid out, across renders (an agreement's text is mostly the same words); emptied when it grows past this. */
const RUN_CACHE_LIMIT = 50_000;

let loaded: fontkit.Font | undefined;

/**
 * The face, parsed once per process (the collections are tens of megabytes, their tables slow to read) and shared by
 * every render: pdfkit takes the font object as it is and makes each document's own subset from it. Its `layout` is
 * unshaped (NO_SHAPING), remembered across renders, and gives each call positions of its own (pdfkit scales them in place).
 */
export function cjkFont(): fontkit.Font {
  if (!loaded) {
    const file = cjkFontFile();
    const parsed = fontkit.create(readFileSync(file), FACE.postscriptName);
    if (!('layout' in parsed)) throw new Error(`${FACE.postscriptName} is not in ${file}`);
    const runs = new Map<string, LaidOut>();
    const font = Object.create(parsed) as fontkit.Font;
    font.layout = (text: string) => {
      let run = runs.get(text);
      if (!run) {
        if (runs.size >= RUN_CACHE_LIMIT) runs.clear();
        run = layOut(parsed, text);
        runs.set(text, run);
      }
      const positions = run.positions.map((position) => ({ ...position }));
      // What pdfkit reads of a fontkit GlyphRun: the glyphs, the positions and the advance width they add up to.
      return {
        glyphs: run.glyphs,
        positions,
        get advanceWidth() {
          return positions.reduce((width, position) => width + position.xAdvance, 0);
        },
      } as unknown as fontkit.GlyphRun;
    };
    loaded = font;
  }
  return loaded;
}

/**
 * Loads the font now (the first render of a process otherwise does, for about a second), and fails with
 * `CjkFontMissingError` when its package is absent: for a service to call at start.
 */
export function loadAgreementFont(): void {
  cjkFont().layout('三方实习协议 Agreement');
}
