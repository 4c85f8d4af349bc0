/**
 * The letter font for the CLI: IBM Plex Sans (SIL Open Font License 1.1), read from the
 * @expo-google-fonts/ibm-plex-sans package, whose static TrueType files cover æøå and Latin
 * Extended-A (Łukasz, Şahin, Dvořák, Ő). The task pane bundles the same four files as assets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LetterFonts } from '../letters/pdf/renderPdf.js';

const PACKAGE = '@expo-google-fonts/ibm-plex-sans';
/** The files inside the package, by style. */
export const LETTER_FONT_FILES = {
  regular: '400Regular/IBMPlexSans_400Regular.ttf',
  bold: '700Bold/IBMPlexSans_700Bold.ttf',
  italic: '400Regular_Italic/IBMPlexSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/IBMPlexSans_700Bold_Italic.ttf',
} as const satisfies Record<keyof LetterFonts, string>;

let cached: LetterFonts | undefined;

/** The four styles' bytes, read once per process (a batch of letters asks for them per file). */
export function letterFonts(): LetterFonts {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (file: string) => new Uint8Array(readFileSync(require.resolve(`${PACKAGE}/${file}`)));
  cached = {
    regular: read(LETTER_FONT_FILES.regular),
    bold: read(LETTER_FONT_FILES.bold),
    italic: read(LETTER_FONT_FILES.italic),
    boldItalic: read(LETTER_FONT_FILES.boldItalic),
  };
  return cached;
}
