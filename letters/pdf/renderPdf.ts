/**
 * Letters drawn to PDF (issue 18): one PDF of any number of letters, each starting on a new page
 * and numbered on its own ("Side 1 af 2"), so the combined print file and a recipient's own file
 * show the same pages. Runs in Node (the CLI) and in the task pane's browser alike: PDFKit's
 * browser build needs no Node polyfills, and the fonts come in as bytes.
 */
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Align, Block, LetterDocument, Run } from '../blocks.js';
import { columnWidths } from './columnWidths.js';

/** TrueType/OpenType fonts (bytes); italic falls back to regular, bold italic to bold. */
export interface LetterFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic?: Uint8Array;
  boldItalic?: Uint8Array;
}

export interface PdfOptions {
  fonts: LetterFonts;
  author?: string;
  subject?: string;
  /** Fixed for reproducible files (the tests); otherwise the time of writing. */
  creationDate?: Date;
  /** Called after each letter: `done` of `total` letters laid out. */
  onProgress?: (done: number, total: number) => void;
}

const MM = 72 / 25.4;
/**
 * A4 with room for a window envelope: the address sits 25 mm from the left edge, inside the
 * window of a C5/C65 envelope (which starts about 20 mm in); the bottom margin holds the footer.
 */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGINS = { top: 20 * MM, bottom: 25 * MM, left: 25 * MM, right: 20 * MM } as const;
const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const BODY_SIZE = 10.5;
const HEADING_SIZE = 13;
const TABLE_SIZE = 10;
const FOOTER_SIZE = 8.5;
const LINE_GAP = 1.5;
const PARAGRAPH_GAP = 5;
const HEADING_GAP_BEFORE = 6;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
/** Light rules: a firmer one under the header rows, a faint one between rows. */
const HEADER_RULE = { width: 0.8, color: '#555555' } as const;
const ROW_RULE = { width: 0.3, color: '#bbbbbb' } as const;
/** Yield to the event loop this often, so a task pane can repaint its progress bar. */
const LETTERS_PER_YIELD = 25;

type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';
const fontKey = (run: Run): FontKey => (run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular');

/**
 * One PDF of the letters, in order. Each letter starts on a new page and has its own page count
 * in the footer. The document title is the letter's title, or "Breve (N)" for several.
 *
 * @example
 * const pdf = await renderPdf([{ id: 'D-17', title: 'Saldoopgørelse 2026 – D-17', blocks }], { fonts: letterFonts() });
 */
export async function renderPdf(docs: readonly LetterDocument[], options: PdfOptions): Promise<Uint8Array> {
  if (docs.length === 0) throw new Error('Der er ingen breve at skrive til PDF.');
  const { fonts } = options;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    // No default font: the browser build has no Helvetica metrics, and every text here names its font.
    font: null,
    autoFirstPage: false,
    // Pages are kept until a letter is done, so its footers can say how many pages it has.
    bufferPages: true,
    displayTitle: true,
    lang: 'da-DK',
    info: {
      Title: docs.length === 1 ? docs[0]!.title : `Breve (${docs.length})`,
      Creator: 'Saldo',
      ...(options.author === undefined ? {} : { Author: options.author }),
      ...(options.subject === undefined ? {} : { Subject: options.subject }),
      ...(options.creationDate === undefined ? {} : { CreationDate: options.creationDate }),
    },
  });
  const bytes = collect(pdf);
  pdf.registerFont('regular', parsed(fonts.regular));
  pdf.registerFont('bold', parsed(fonts.bold));
  pdf.registerFont('italic', parsed(fonts.italic ?? fonts.regular));
  pdf.registerFont('boldItalic', parsed(fonts.boldItalic ?? fonts.bold));

  for (const [i, doc] of docs.entries()) {
    const first = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count;
    pdf.addPage();
    const page: PageState = { fresh: true, breakPending: false };
    for (const block of doc.blocks) drawBlock(pdf, block, page);
    writeFooters(pdf, first);
    // The letter is done: its pages go to the output and leave memory.
    pdf.flushPages();
    options.onProgress?.(i + 1, docs.length);
    if ((i + 1) % LETTERS_PER_YIELD === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  pdf.end();
  return bytes;
}

/**
 * Fonts parsed once per font file, not once per PDF: a batch of per-recipient files hands in the
 * same bytes thousands of times, and parsing the tables took most of a small letter's time.
 * PDFKit reads a parsed font and makes its own subset for each PDF, so sharing one is safe.
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();
function parsed(bytes: Uint8Array): Font {
  let font = parsedFonts.get(bytes);
  if (font === undefined) {
    const made = create(bytes);
    if (!('layout' in made)) throw new Error('Brevets skrifttype skal være én TrueType- eller OpenType-fil, ikke en samling (.ttc).');
    font = made;
    parsedFonts.set(bytes, font);
  }
  return font;
}

interface PageState {
  /** Nothing drawn on the current page yet. */
  fresh: boolean;
  /**
   * A page break waits for something to draw: two breaks in a row, or one at a letter's end,
   * would otherwise print a blank sheet.
   */
  breakPending: boolean;
}

function drawBlock(pdf: PDFDocument, block: Block, page: PageState): void {
  if (block.kind === 'pageBreak') {
    if (!page.fresh) page.breakPending = true;
    return;
  }
  if (page.breakPending) newPage(pdf, page);
  switch (block.kind) {
    case 'paragraph':
      drawParagraph(pdf, block.runs, block.align ?? 'left', block.heading ?? false, page);
      return;
    case 'table':
      drawTable(pdf, block.rows, block.align ?? [], block.headerRows ?? 0, page);
      return;
  }
}

function newPage(pdf: PDFDocument, page: PageState): void {
  pdf.addPage();
  page.fresh = true;
  page.breakPending = false;
}

function drawParagraph(pdf: PDFDocument, runs: readonly Run[], align: Align, heading: boolean, page: PageState): void {
  const size = heading ? HEADING_SIZE : BODY_SIZE;
  const visible = runs.filter((run) => run.text !== '');
  pdf.x = MARGINS.left;
  if (visible.length === 0) {
    pdf.font('regular').fontSize(size);
    pdf.y += pdf.currentLineHeight(true) + LINE_GAP;
    return;
  }
  if (heading) {
    if (!page.fresh) pdf.y += HEADING_GAP_BEFORE;
    // A heading stays with the start of what it heads: room for it and three lines, or a new page.
    const needed = measureRuns(pdf, visible, TEXT_WIDTH, size, true) + 3 * (BODY_SIZE * 1.3 + LINE_GAP);
    if (!page.fresh && pdf.y + needed > pdf.page.maxY()) newPage(pdf, page);
  }
  // Headings are bold whatever their runs say; the runs may still ask for italic.
  const styled = heading ? visible.map((run) => ({ ...run, bold: true })) : visible;
  drawRuns(pdf, styled, MARGINS.left, pdf.y, TEXT_WIDTH, align, size);
  pdf.y += PARAGRAPH_GAP;
  page.fresh = false;
}

/** Writes runs as one wrapped paragraph from (x, y); PDFKit turns the page when it runs out. */
function drawRuns(pdf: PDFDocument, runs: readonly Run[], x: number, y: number, width: number, align: Align, size: number, height?: number): void {
  pdf.fontSize(size);
  runs.forEach((run, i) => {
    pdf.font(fontKey(run));
    const options = { width, align, lineGap: LINE_GAP, continued: i < runs.length - 1, ...(height === undefined ? {} : { height }) };
    if (i === 0) pdf.text(run.text, x, y, options);
    else pdf.text(run.text, options);
  });
}

/** The height runs take wrapped to `width`, measured in the boldest font among them (never too low). */
function measureRuns(pdf: PDFDocument, runs: readonly Run[], width: number, size: number, bold = false): number {
  const text = runs.map((run) => run.text).join('');
  if (text === '') return 0;
  const anyBold = bold || runs.some((run) => run.bold);
  pdf.font(anyBold ? 'bold' : 'regular').fontSize(size);
  return pdf.heightOfString(text, { width, lineGap: LINE_GAP });
}

/** The width runs need on one line (their longest line, where a text holds line breaks). */
function naturalWidth(pdf: PDFDocument, runs: readonly Run[], size: number): number {
  pdf.fontSize(size);
  let line = 0;
  let widest = 0;
  for (const run of runs) {
    pdf.font(fontKey(run));
    const [head = '', ...rest] = run.text.split('\n');
    line += pdf.widthOfString(head);
    for (const next of rest) {
      widest = Math.max(widest, line);
      line = pdf.widthOfString(next);
    }
  }
  return Math.max(widest, line);
}

function drawTable(pdf: PDFDocument, rows: readonly (readonly Run[][])[], align: readonly Align[], headerRows: number, page: PageState): void {
  if (rows.length === 0) return;
  const columns = Math.max(...rows.map((row) => row.length));
  const cell = (row: readonly Run[][], j: number): Run[] => (row[j] ?? []).filter((run) => run.text !== '');
  const natural = Array.from({ length: columns }, (_, j) => Math.max(0, ...rows.map((row) => naturalWidth(pdf, cell(row, j), TABLE_SIZE))) + 2 * CELL_PAD_X + 0.5);
  const widths = columnWidths(natural, TEXT_WIDTH);
  const lefts = widths.map((_, j) => MARGINS.left + widths.slice(0, j).reduce((sum, w) => sum + w, 0));
  const heights = rows.map(
    (row) => Math.max(pdf.currentLineHeight(true), ...Array.from({ length: columns }, (_, j) => measureRuns(pdf, cell(row, j), widths[j]! - 2 * CELL_PAD_X, TABLE_SIZE))) + 2 * CELL_PAD_Y,
  );
  const header = Math.min(headerRows, rows.length);
  const headerHeight = heights.slice(0, header).reduce((sum, h) => sum + h, 0);

  const rule = (y: number, { width, color }: { width: number; color: string }) =>
    pdf
      .moveTo(MARGINS.left, y)
      .lineTo(MARGINS.left + TEXT_WIDTH, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  const drawRow = (r: number, y: number): number => {
    const row = rows[r]!;
    for (let j = 0; j < columns; j += 1) {
      const runs = cell(row, j);
      if (runs.length === 0) continue;
      // The height option keeps PDFKit from turning the page inside a cell: the row was measured to fit.
      drawRuns(pdf, runs, lefts[j]! + CELL_PAD_X, y + CELL_PAD_Y, widths[j]! - 2 * CELL_PAD_X, align[j] ?? 'left', TABLE_SIZE, heights[r]! + 1);
    }
    const bottom = y + heights[r]!;
    rule(bottom, r < header ? (r === header - 1 ? HEADER_RULE : ROW_RULE) : ROW_RULE);
    return bottom;
  };
  const drawHeader = (y: number): number => {
    let bottom = y;
    for (let r = 0; r < header; r += 1) bottom = drawRow(r, bottom);
    return bottom;
  };

  let y = pdf.y;
  // Keep the header with the first body row (a header alone at a page's foot says nothing).
  if (!page.fresh && y + headerHeight + (heights[header] ?? 0) > pdf.page.maxY()) {
    newPage(pdf, page);
    y = pdf.y;
  }
  y = drawHeader(y);
  for (let r = header; r < rows.length; r += 1) {
    if (y + heights[r]! > pdf.page.maxY() && y > MARGINS.top + headerHeight) {
      newPage(pdf, page);
      y = drawHeader(pdf.y);
    }
    y = drawRow(r, y);
  }
  pdf.x = MARGINS.left;
  pdf.y = y + PARAGRAPH_GAP;
  page.fresh = false;
}

/** "Side N af M" on each page of the letter that began on page `first` (0-based, in the whole PDF). */
function writeFooters(pdf: PDFDocument, first: number): void {
  const { start, count } = pdf.bufferedPageRange();
  const last = start + count - 1;
  const total = last - first + 1;
  for (let n = first; n <= last; n += 1) {
    const page = pdf.switchToPage(n);
    // Writing in the bottom margin would make PDFKit turn the page: lift the margin for the footer.
    const bottom = page.margins.bottom;
    page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(FOOTER_SIZE)
      .fillColor('#444444')
      .text(`Side ${n - first + 1} af ${total}`, MARGINS.left, PAGE.height - 15 * MM, { width: TEXT_WIDTH, align: 'right', lineBreak: false });
    pdf.fillColor('#000000');
    page.margins.bottom = bottom;
  }
}

/** The PDF's bytes, gathered as PDFKit writes them (listening before the first byte is written). */
function collect(pdf: PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('error', reject);
    pdf.on('end', () => {
      const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(out);
    });
  });
}
