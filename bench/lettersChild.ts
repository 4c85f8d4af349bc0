/**
 * Draws N realistic two-page letters to PDF in this process and prints its wall time, peak memory
 * and what it made, for `npm run bench` (issue 18):
 *
 *   combined: one print PDF of all the letters;
 *   each:     one PDF per recipient, written to a folder as the CLI will.
 *
 * Usage: tsx bench/lettersChild.ts combined|each N [out-dir]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { letterFonts } from '../cli/letterFonts.js';
import { renderPdf } from '../letters/pdf/renderPdf.js';
import { sampleLetter } from './letterSample.js';

const [mode = 'combined', count = '5000', out = mkdtempSync(join(tmpdir(), 'saldo-letters-'))] = process.argv.slice(2);
if (mode !== 'combined' && mode !== 'each') throw new Error(`mode must be combined or each, got ${mode}`);
const n = Number(count);
const fonts = letterFonts();
const letters = Array.from({ length: n }, (_, i) => sampleLetter(i));
// PDFKit writes one "/Type /Page" dictionary per page: counted to show each letter took two.
const pagesIn = (pdf: Uint8Array) => new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\n/g)?.length ?? 0;

const t0 = performance.now();
let bytes = 0;
let pages = 0;
if (mode === 'combined') {
  const pdf = await renderPdf(letters, { fonts, author: 'Eksempel Kommune' });
  writeFileSync(join(out, 'breve.pdf'), pdf);
  bytes = pdf.byteLength;
  const ms = performance.now() - t0;
  pages = pagesIn(pdf);
  report(ms);
} else {
  let counting = 0;
  for (const letter of letters) {
    const pdf = await renderPdf([letter], { fonts, author: 'Eksempel Kommune' });
    writeFileSync(join(out, `${letter.id}.pdf`), pdf);
    bytes += pdf.byteLength;
    const c0 = performance.now();
    pages += pagesIn(pdf);
    counting += performance.now() - c0;
  }
  // The count is the bench's check, not the work: its time is left out.
  report(performance.now() - t0 - counting);
}

function report(ms: number): void {
  console.log(JSON.stringify({ mode, letters: n, pages, bytes, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, out }));
}
