/**
 * The PDF writer runs in the task pane's browser (issue 18): bundled for the browser with no Node
 * polyfills it must build, and the bundle must draw a letter — with its letterhead and pictures —
 * where there is no `process`, `Buffer`, `require`, file system or Web Worker, only what a browser has.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { letterFonts } from '../../cli/letterFonts.js';
import type { LetterDocument } from '../../letters/blocks.js';
import { ROOT } from '../cli/helpers.js';
import { embeddedImages, jpeg, pdfImages, png } from './imageHelpers.js';
import { readPdf } from './pdfText.js';

/** The pane loads the writer lazily, on the first "Gem som PDF"; a megabyte minified is our budget. */
const BUDGET_BYTES = 1024 * 1024;

async function browserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'letters/pdf/renderPdf.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'SaldoPdf',
    minify: true,
    write: false,
    logLevel: 'silent',
    // PDFKit names a data file relative to its module (`new URL(…, import.meta.url)`), which an
    // IIFE has no value for: the page's address stands in, as webpack's ESM output gives one.
    define: { 'import.meta.url': JSON.stringify('https://localhost:3000/taskpane.js') },
  });
  expect(result.errors).toEqual([]);
  return result.outputFiles[0]!.text;
}

describe('the PDF writer in the browser', () => {
  it('bundles for the browser without Node polyfills, within the size budget', async () => {
    const code = await browserBundle();
    expect(code.length).toBeLessThan(BUDGET_BYTES);
    // The Node build of PDFKit reads fonts from disk; the browser build must have been chosen.
    expect(code).not.toMatch(/require\(["'](fs|zlib|stream)["']\)/);
  });

  it('draws a letter in a context with only browser globals (no process, Buffer, require)', async () => {
    const code = await browserBundle();
    const browserish = createContext({ setTimeout, clearTimeout, queueMicrotask, TextEncoder, TextDecoder, URL, atob, btoa, console });
    runInContext(code, browserish);
    expect(runInContext('[typeof process, typeof Buffer, typeof require]', browserish)).toEqual(['undefined', 'undefined', 'undefined']);
    // A logo with transparency, which PDFKit would unpack in a Web Worker (forbidden in the task pane), and a JPEG.
    const logo = png(4, 2, (x) => [0, 80, 160, 60 * x]);
    const letter: LetterDocument = {
      id: 'D-9',
      title: 'Brev i browseren',
      header: {
        first: [
          { kind: 'image', image: { bytes: logo, format: 'png', width: 80, height: 40 }, align: 'right' },
          { kind: 'paragraph', runs: [{ text: 'Ishøj Kommune' }] },
        ],
        rest: [],
      },
      footer: { first: [{ kind: 'paragraph', runs: [{ text: 'CVR 11931316' }] }], rest: [] },
      blocks: [
        { kind: 'image', image: { bytes: jpeg(16, 16, () => [40, 160, 40]), format: 'jpeg', width: 30, height: 30 } },
        { kind: 'paragraph', runs: [{ text: 'Kære Łukasz Şahin Dvořák, ' }, { text: 'æøå', bold: true }] },
        {
          kind: 'table',
          headerRows: 1,
          align: ['left', 'right'],
          rows: [
            [[{ text: 'Krav' }], [{ text: 'Beløb' }]],
            [[{ text: 'Renovation' }], [{ text: '1.234,50' }]],
          ],
        },
      ],
    };
    // Bytes made inside the context: PDFKit checks `instanceof Uint8Array`, and a realm has its own.
    browserish.input = { letter, fonts: letterFonts() };
    const made = (await runInContext(
      `(() => {
        const copy = (b) => b && new Uint8Array(b);
        const f = input.fonts;
        const fonts = { regular: copy(f.regular), bold: copy(f.bold), italic: copy(f.italic), boldItalic: copy(f.boldItalic) };
        const letter = structuredCopy(input.letter);
        return SaldoPdf.renderPdf([letter], { fonts, creationDate: new Date(Date.UTC(2026, 11, 31)) });
        // The letter's picture bytes made in this realm too.
        function structuredCopy(value) {
          if (ArrayBuffer.isView(value)) return copy(value);
          if (Array.isArray(value)) return value.map(structuredCopy);
          if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
          return value;
        }
      })()`,
      browserish,
    )) as Uint8Array;
    const bytes = new Uint8Array(made);
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.lines).toEqual(['Ishøj Kommune', 'Kære Łukasz Şahin Dvořák, æøå', 'Krav Beløb', 'Renovation 1.234,50', 'CVR 11931316', 'Side 1 af 1']);
    expect(pdf.info.Title).toBe('Brev i browseren');
    // Both pictures drawn, the logo laid on white (opacity 0, 60, 120, 180 of 255 over the paper).
    const [drawn] = await pdfImages(bytes);
    expect(drawn!.map((i) => [i.width, i.height])).toEqual([
      [30, 30],
      [80, 40],
    ]);
    const white = (c: number, a: number) => Math.round((c * a + 255 * (255 - a)) / 255);
    expect(drawn![1]!.pixels.rgb.subarray(0, 12)).toEqual(Uint8Array.from([0, 1, 2, 3].flatMap((x) => [white(0, 60 * x), white(80, 60 * x), white(160, 60 * x)])));
    expect(embeddedImages(bytes)).toBe(2);
  });
});
