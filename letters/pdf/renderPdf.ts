/**
 * Letters drawn to PDF (issue 18): one PDF of any number of letters, each starting on a new page
 * and numbered on its own ("Side 1 af 2"), so the combined print file and a recipient's own file
 * show the same pages. A letter's header and footer (the kommune's letterhead: logo, address,
 * CVR) are drawn on each of its pages, and its pictures where they stand; a picture is embedded
 * once per PDF however many letters show it. Runs in Node (the CLI) and in the task pane's
 * browser alike: PDFKit's browser build needs no Node polyfills, and fonts and pictures come in
 * as bytes.
 */
import { create, type Font } from 'fontkit';
import PDFDocument, { type PDFKitImage } from 'pdfkit';
import type { Align, Block, LetterDocument, LetterImage, PageBand, Run } from '../blocks.js';
import { columnWidths } from './columnWidths.js';
import { pngOnWhite } from './pngOnWhite.js';

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
/** "Side N af M": the top of its line, 15 mm above the page's foot. */
const PAGE_NUMBER_Y = PAGE.height - 15 * MM;
/** Header and footer text: a little smaller than the letter's. */
const BAND_SIZE = 9;
/** The header starts 10 mm from the top edge, as Word's default header distance (12.5 mm) nearly does. */
const HEADER_TOP = 10 * MM;
/** Between a header or footer and the letter's text. */
const BAND_GAP = 4 * MM;
/** Between the footer and "Side N af M" under it. */
const FOOTER_ABOVE_NUMBER = 1.5 * MM;
const BAND_PARAGRAPH_GAP = 1;
/** A header or footer may take this much of the page; what is beyond it is not drawn, so the letter keeps room. */
const MAX_BAND_HEIGHT = 0.3 * PAGE.height;
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

  const images: Images = new Map();
  const bands = new WeakMap<readonly Block[], BandLayout>();
  // The letter being laid out: which page is its first, and the margins its header and footer leave.
  const letter: LetterPages = { first: 0, margins: { first: BODY_MARGINS, rest: BODY_MARGINS } };
  // Every new page, whether added here or by PDFKit when text runs over (which copies the previous
  // page's options), gets the margins of its place in the letter; the line wrapper reads them after this.
  pdf.on('pageAdded', () => {
    const { start, count } = pdf.bufferedPageRange();
    const margins = start + count - 1 === letter.first ? letter.margins.first : letter.margins.rest;
    pdf.page.margins.top = margins.top;
    pdf.page.margins.bottom = margins.bottom;
    pdf.y = margins.top;
  });

  for (const [i, doc] of docs.entries()) {
    const first = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count;
    const header = bandLayouts(pdf, doc.header, bands);
    const footer = bandLayouts(pdf, doc.footer, bands);
    letter.first = first;
    letter.margins = { first: pageMargins(header?.first, footer?.first), rest: pageMargins(header?.rest, footer?.rest) };
    pdf.addPage();
    const page: PageState = { fresh: true, breakPending: false };
    for (const block of doc.blocks) drawBlock(pdf, block, page, images);
    writeFooters(pdf, first, header, footer, images);
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
 * same bytes thousands of times, and parsing the tables took most of a small letter's time (a
 * letter took ten times as long with its own). PDFKit makes its own subset of a parsed font for
 * each PDF; what the PDFs share is fontkit's cache of glyphs, which needs the repair below.
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();
function parsed(bytes: Uint8Array): Font {
  let font = parsedFonts.get(bytes);
  if (font === undefined) {
    const made = create(bytes);
    if (!('layout' in made)) throw new Error('Brevets skrifttype skal være én TrueType- eller OpenType-fil, ikke en samling (.ttc).');
    font = made;
    // fontkit caches a glyph with the characters it was first asked for. Writing a PDF's subset
    // asks for the parts of composite glyphs (the A of Å, the O of Ő) with none, and a later PDF
    // laying out "A" got that cached glyph: its text said nothing for A (copy, search and screen
    // readers lost every A after the first letter with an Å). The characters asked for now are
    // given to a glyph that has none (the fix proposed in diegomura/react-pdf#3404).
    const getGlyph = made.getGlyph.bind(made);
    made.getGlyph = (id, characters = []) => {
      const glyph = getGlyph(id, characters);
      if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters;
      return glyph;
    };
    parsedFonts.set(bytes, font);
  }
  return font;
}

/** The body's margins on a page, where its header and footer decide them. */
interface PageMargins {
  top: number;
  bottom: number;
}
const BODY_MARGINS: PageMargins = { top: MARGINS.top, bottom: MARGINS.bottom };

/** The letter being laid out: its first page (0-based, in the whole PDF) and its pages' margins. */
interface LetterPages {
  first: number;
  margins: { first: PageMargins; rest: PageMargins };
}

/** PDFKit's pictures in one PDF, by the bytes they were made from: each is embedded once. */
type Images = Map<Uint8Array, PDFKitImage>;

/** The picture opened for this PDF the first time it is drawn (PDFKit embeds it then), the same object after. */
function opened(pdf: PDFDocument, images: Images, image: LetterImage): PDFKitImage {
  let made = images.get(image.bytes);
  if (!made) {
    try {
      made = pdf.openImage(image.format === 'png' ? drawablePng(image.bytes) : image.bytes);
    } catch (e) {
      // PDFKit throws plain strings ("Invalid JPEG.") as well as errors.
      throw new Error(`Et billede i brevet (${image.format.toUpperCase()}) kan ikke læses: ${e instanceof Error ? e.message : String(e)}. Gem billedet igen, og indsæt det i skabelonen på ny.`, {
        cause: e,
      });
    }
    images.set(image.bytes, made);
  }
  return made;
}

/**
 * A PNG that PDFKit embeds as it is. PDFKit unpacks a PNG with transparency, or one saved
 * interlaced, asynchronously — in the browser in a Web Worker made from a blob: address, which the
 * task pane's Content-Security-Policy forbids, and a worker that fails leaves the PDF unfinished.
 * Such a PNG is unpacked by pngOnWhite instead and laid on white: letters are printed on white paper
 * and nothing is drawn under a picture, so this is how it looks. Done once per picture, not per PDF.
 */
function drawablePng(bytes: Uint8Array): Uint8Array {
  let made = opaquePngs.get(bytes);
  if (!made) {
    made = pngOnWhite(bytes);
    opaquePngs.set(bytes, made);
  }
  return made;
}
const opaquePngs = new WeakMap<Uint8Array, Uint8Array>();

interface PageState {
  /** Nothing drawn on the current page yet. */
  fresh: boolean;
  /**
   * A page break waits for something to draw: two breaks in a row, or one at a letter's end,
   * would otherwise print a blank sheet.
   */
  breakPending: boolean;
}

function drawBlock(pdf: PDFDocument, block: Block, page: PageState, images: Images): void {
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
      drawTable(pdf, block, page, images);
      return;
    case 'image':
      drawImage(pdf, block.image, block.align ?? 'left', page, images);
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

/** A picture's size scaled down (never up) to fit `width` and `height`, keeping its proportions. */
function fitted(image: LetterImage, width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, width / image.width, height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** Where a thing `free` points narrower than its line starts, by its alignment. */
const shift = (align: Align | undefined, free: number): number => (align === 'right' ? free : align === 'center' ? free / 2 : 0);

/** A picture on a line of its own, within the text width; one that does not fit below the text goes to a new page. */
function drawImage(pdf: PDFDocument, image: LetterImage, align: Align, page: PageState, images: Images): void {
  const fit = () => fitted(image, TEXT_WIDTH, pdf.page.maxY() - pdf.page.margins.top);
  let size = fit();
  if (!page.fresh && pdf.y + size.height > pdf.page.maxY()) {
    newPage(pdf, page);
    // A later page may have more room than the first (whose header can be taller).
    size = fit();
  }
  pdf.image(opened(pdf, images, image), MARGINS.left + shift(align, TEXT_WIDTH - size.width), pdf.y, size);
  pdf.x = MARGINS.left;
  pdf.y += size.height + PARAGRAPH_GAP;
  page.fresh = false;
}

/** A table's columns and rows measured: each column's width and left edge, each row's height. */
interface TableLayout {
  columns: number;
  widths: number[];
  lefts: number[];
  heights: number[];
}

type TableBlock = Extract<Block, { kind: 'table' }>;

const cellOf = (row: readonly Run[][], j: number): Run[] => (row[j] ?? []).filter((run) => run.text !== '');
/** Between a cell's pictures, and between them and its text. */
const CELL_PICTURE_GAP = 2;
/** A cell's pictures, each within the cell's width, stacked: their height with the gaps after them. */
const picturesHeight = (pictures: readonly LetterImage[], width: number): number => pictures.reduce((sum, p) => sum + fitted(p, width, MAX_BAND_HEIGHT).height + CELL_PICTURE_GAP, 0);

function tableLayout(pdf: PDFDocument, table: TableBlock, size: number): TableLayout {
  const { rows, images } = table;
  const columns = Math.max(...rows.map((row) => row.length));
  const widest = (r: number, j: number): number => Math.max(0, ...(images?.[r]?.[j] ?? []).map((p) => p.width));
  const natural = Array.from(
    { length: columns },
    (_, j) => Math.max(0, ...rows.map((row, r) => (images ? Math.max(naturalWidth(pdf, cellOf(row, j), size), widest(r, j)) : naturalWidth(pdf, cellOf(row, j), size)))) + 2 * CELL_PAD_X + 0.5,
  );
  const widths = columnWidths(natural, TEXT_WIDTH);
  const lefts = widths.map((_, j) => MARGINS.left + widths.slice(0, j).reduce((sum, w) => sum + w, 0));
  const cellHeight = (row: readonly Run[][], r: number, j: number): number => {
    const text = measureRuns(pdf, cellOf(row, j), widths[j]! - 2 * CELL_PAD_X, size);
    return images ? picturesHeight(images[r]?.[j] ?? [], widths[j]! - 2 * CELL_PAD_X) + text : text;
  };
  const heights = rows.map((row, r) => Math.max(pdf.currentLineHeight(true), ...Array.from({ length: columns }, (_, j) => cellHeight(row, r, j))) + 2 * CELL_PAD_Y);
  return { columns, widths, lefts, heights };
}

/** Row `r`'s cells drawn from `y`: each cell's pictures, then its text. */
function drawCells(pdf: PDFDocument, table: TableBlock, r: number, layout: TableLayout, y: number, size: number, images: Images): void {
  const row = table.rows[r]!;
  const height = layout.heights[r]!;
  const align = table.align ?? [];
  for (let j = 0; j < layout.columns; j += 1) {
    const runs = cellOf(row, j);
    const inner = layout.widths[j]! - 2 * CELL_PAD_X;
    let top = y + CELL_PAD_Y;
    for (const picture of table.images?.[r]?.[j] ?? []) {
      const box = fitted(picture, inner, MAX_BAND_HEIGHT);
      pdf.image(opened(pdf, images, picture), layout.lefts[j]! + CELL_PAD_X + shift(align[j], inner - box.width), top, box);
      top += box.height + CELL_PICTURE_GAP;
    }
    if (runs.length === 0) continue;
    // The height option keeps PDFKit from turning the page inside a cell: the row was measured to fit.
    drawRuns(pdf, runs, layout.lefts[j]! + CELL_PAD_X, top, inner, align[j] ?? 'left', size, height + 1 - (top - (y + CELL_PAD_Y)));
  }
}

function drawTable(pdf: PDFDocument, table: TableBlock, page: PageState, images: Images): void {
  const { rows } = table;
  const headerRows = table.headerRows ?? 0;
  if (rows.length === 0) return;
  const layout = tableLayout(pdf, table, TABLE_SIZE);
  const { heights } = layout;
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
    drawCells(pdf, table, r, layout, y, TABLE_SIZE, images);
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
    if (y + heights[r]! > pdf.page.maxY() && y > pdf.page.margins.top + headerHeight) {
      newPage(pdf, page);
      y = drawHeader(pdf.y);
    }
    y = drawRow(r, y);
  }
  pdf.x = MARGINS.left;
  pdf.y = y + PARAGRAPH_GAP;
  page.fresh = false;
}

/** A header or footer laid out once: each block at its offset from the band's top. */
interface BandLayout {
  items: Array<{ block: Block; top: number; table?: TableLayout }>;
  height: number;
}

/** The layouts of a letter's header or footer: on its first page and on the others. */
interface BandLayouts {
  first: BandLayout;
  rest: BandLayout;
}

/**
 * A band's layouts, measured before its letter is laid out (the margins depend on them). Letters
 * from one template share their header's blocks, so it is measured once per PDF.
 */
function bandLayouts(pdf: PDFDocument, band: PageBand | undefined, cache: WeakMap<readonly Block[], BandLayout>): BandLayouts | undefined {
  if (!band) return undefined;
  const layout = (blocks: readonly Block[]): BandLayout => {
    let made = cache.get(blocks);
    if (!made) cache.set(blocks, (made = bandLayout(pdf, blocks)));
    return made;
  };
  return { first: layout(band.first), rest: layout(band.rest) };
}

/** Blocks stacked in BAND_SIZE; what would make the band taller than MAX_BAND_HEIGHT is left out. */
function bandLayout(pdf: PDFDocument, blocks: readonly Block[]): BandLayout {
  const items: BandLayout['items'] = [];
  let height = 0;
  for (const block of blocks) {
    let table: TableLayout | undefined;
    let h = 0;
    switch (block.kind) {
      case 'paragraph': {
        const visible = block.runs.filter((run) => run.text !== '');
        if (visible.length === 0) {
          pdf.font('regular').fontSize(BAND_SIZE);
          h = pdf.currentLineHeight(true) + LINE_GAP;
        } else h = measureRuns(pdf, visible, TEXT_WIDTH, BAND_SIZE, block.heading ?? false) + BAND_PARAGRAPH_GAP;
        break;
      }
      case 'image':
        h = fitted(block.image, TEXT_WIDTH, MAX_BAND_HEIGHT).height + BAND_PARAGRAPH_GAP;
        break;
      case 'table':
        if (block.rows.length === 0) break;
        table = tableLayout(pdf, block, BAND_SIZE);
        h = table.heights.reduce((sum, r) => sum + r, 0) + BAND_PARAGRAPH_GAP;
        break;
      case 'pageBreak':
        break;
    }
    if (h === 0) continue;
    if (height + h > MAX_BAND_HEIGHT) break;
    items.push({ block, top: height, ...(table ? { table } : {}) });
    height += h;
  }
  return { items, height };
}

/** A band drawn from `top`; a table in it is a layout (logo beside address), so it has no rules. */
function drawBand(pdf: PDFDocument, band: BandLayout, top: number, images: Images): void {
  for (const { block, top: offset, table } of band.items) {
    const y = top + offset;
    switch (block.kind) {
      case 'paragraph': {
        const visible = block.runs.filter((run) => run.text !== '');
        if (visible.length === 0) break;
        const styled = block.heading ? visible.map((run) => ({ ...run, bold: true })) : visible;
        drawRuns(pdf, styled, MARGINS.left, y, TEXT_WIDTH, block.align ?? 'left', BAND_SIZE);
        break;
      }
      case 'image': {
        const size = fitted(block.image, TEXT_WIDTH, MAX_BAND_HEIGHT);
        pdf.image(opened(pdf, images, block.image), MARGINS.left + shift(block.align, TEXT_WIDTH - size.width), y, size);
        break;
      }
      case 'table': {
        if (!table) break;
        let rowTop = y;
        block.rows.forEach((_, r) => {
          drawCells(pdf, block, r, table, rowTop, BAND_SIZE, images);
          rowTop += table.heights[r]!;
        });
        break;
      }
      case 'pageBreak':
        break;
    }
  }
}

/** The body's top and bottom margin on a page: the default ones, or more where a header or footer needs room. */
function pageMargins(header: BandLayout | undefined, footer: BandLayout | undefined): PageMargins {
  return {
    top: header && header.height > 0 ? Math.max(MARGINS.top, HEADER_TOP + header.height + BAND_GAP) : MARGINS.top,
    bottom: footer && footer.height > 0 ? Math.max(MARGINS.bottom, PAGE.height - PAGE_NUMBER_Y + FOOTER_ABOVE_NUMBER + footer.height + BAND_GAP) : MARGINS.bottom,
  };
}

/**
 * The header, the footer and "Side N af M" on each page of the letter that began on page `first`
 * (0-based, in the whole PDF): drawn when the letter is done and its page count known.
 */
function writeFooters(pdf: PDFDocument, first: number, header: BandLayouts | undefined, footer: BandLayouts | undefined, images: Images): void {
  const { start, count } = pdf.bufferedPageRange();
  const last = start + count - 1;
  const total = last - first + 1;
  for (let n = first; n <= last; n += 1) {
    const page = pdf.switchToPage(n);
    // Writing in the margins would make PDFKit turn the page: lift them while the bands are drawn.
    const { top, bottom } = page.margins;
    page.margins.top = 0;
    page.margins.bottom = 0;
    const head = n === first ? header?.first : header?.rest;
    if (head) drawBand(pdf, head, HEADER_TOP, images);
    const foot = n === first ? footer?.first : footer?.rest;
    if (foot) drawBand(pdf, foot, PAGE_NUMBER_Y - FOOTER_ABOVE_NUMBER - foot.height, images);
    pdf
      .font('regular')
      .fontSize(FOOTER_SIZE)
      .fillColor('#444444')
      .text(`Side ${n - first + 1} af ${total}`, MARGINS.left, PAGE_NUMBER_Y, { width: TEXT_WIDTH, align: 'right', lineBreak: false });
    pdf.fillColor('#000000');
    page.margins.top = top;
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
