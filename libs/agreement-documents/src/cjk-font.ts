import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font the agreement PDF embeds (a subset of it, as real text): Noto Sans CJK SC from Debian's
 * `fonts-noto-cjk` (SIL Open Font License), which the project installs itself — `npm start`, `npm test` and the
 * Docker image — and never downloads at run time. Regular for the text, Bold for the headings.
 */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

const FONT_DIRECTORIES = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];

export interface CjkFontFace {
  /** The collection file (.ttc) and the face in it, by PostScript name. */
  file: string;
  postscriptName: string;
}

/** Raised when the font's package is not installed: the message names the package to install. */
export class CjkFontMissingError extends Error {
  constructor(file: string) {
    super(
      `The agreement PDF needs the CJK font ${file} from the Debian package ${CJK_FONT_PACKAGE}: ` +
        `install it with \`apt-get install ${CJK_FONT_PACKAGE}\` (npm start and npm test install it when run as root).`,
    );
    this.name = 'CjkFontMissingError';
  }
}

function face(file: string, postscriptName: string): CjkFontFace {
  const found = FONT_DIRECTORIES.map((directory) => `${directory}/${file}`).find((path) => existsSync(path));
  if (!found) throw new CjkFontMissingError(`${FONT_DIRECTORIES[0]}/${file}`);
  return { file: found, postscriptName };
}

/** The faces used, found on disk; throws `CjkFontMissingError` when the package is absent. */
export function cjkFontFaces(): { regular: CjkFontFace; bold: CjkFontFace } {
  return { regular: face('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'), bold: face('NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold') };
}

const loaded = new Map<string, Buffer>();

/** A font file's bytes, read once per process (the collections are tens of megabytes). */
export function fontBytes(file: string): Buffer {
  let bytes = loaded.get(file);
  if (!bytes) {
    bytes = readFileSync(file);
    loaded.set(file, bytes);
  }
  return bytes;
}
