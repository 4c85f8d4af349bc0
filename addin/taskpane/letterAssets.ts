/**
 * The files the task pane's letters need, fetched from the add-in's own origin (webpack copies
 * them to dist/: the fonts from their npm package, the default templates from assets/letters):
 * nothing is fetched from anywhere else. Each is fetched once; the font arrays are kept, since
 * the PDF writer caches a parsed font by its array.
 */
import type { LetterFonts } from '../../letters/pdf/renderPdf.js';

const cache = new Map<string, Promise<Uint8Array>>();

function bytesOf(path: string): Promise<Uint8Array> {
  let p = cache.get(path);
  if (!p) {
    p = fetch(path).then(async (r) => {
      if (!r.ok) throw new Error(`${path} kunne ikke hentes fra tilføjelsesprogrammet (${r.status}).`);
      return new Uint8Array(await r.arrayBuffer());
    });
    // A failed fetch is tried again next time.
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export async function browserLetterFonts(): Promise<LetterFonts> {
  const [regular, bold, italic, boldItalic] = await Promise.all(['Regular', 'Bold', 'Italic', 'BoldItalic'].map((n) => bytesOf(`fonts/IBMPlexSans-${n}.ttf`)));
  return { regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}

/** Saldo's own template for a kind of letter. */
export const defaultTemplate = (kind: 'saldoopgoerelse' | 'aftalebrev' | 'henstand'): Promise<Uint8Array> => bytesOf(`letters/${kind}.docx`);
