/**
 * A filled Word letter as layout blocks (letters/blocks.ts) for the PDF writer: the main
 * document's paragraphs with bold and italic runs, headings, alignment, tables and page breaks.
 * Word's look is read where it is simple — a run's own bold/italic, else its character style,
 * else its paragraph style, else the document's defaults; a heading is a paragraph whose style is
 * (based on) "heading n" or "Title". Pictures (PNG, JPEG) come as image blocks, and the section's
 * header and footer as page bands (fillToLetter, docxLetter). What the PDF cannot show — a picture
 * in another format, a shape, a watermark — is not dropped in silence: pdfLayoutNotes says it.
 * List numbers are not drawn.
 *
 * Bytes in, blocks out, no Node: the same code runs in the task pane.
 */
import { XMLParser } from 'fast-xml-parser';
import type { LetterFields } from '../../core/letters/letterFields.js';
import { MAX_IMAGE_PIXELS, type Align, type Block, type LetterDocument, type LetterImage, type PageBand, type Run } from '../blocks.js';
import { attributes, openDocx, partText, unescapeXml, type DocxPackage } from './docxPackage.js';
import { fileError, filledFile } from './docxZip.js';
import type { CompiledTemplate } from './template.js';

/** A parsed element: `{ 'w:p': children, ':@': attributes }`, or a text `{ '#text': … }`. */
type Node = Record<string, unknown>;

// Entities are decoded here (unescapeXml), in one pass: fast-xml-parser leaves &#x41; as it is,
// and decoding after it would turn a citizen's literal "&amp;#x41;" into "A".
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const nameOf = (n: Node): string => {
  for (const k in n) if (k !== ':@') return k;
  return '';
};
/** An element's children; a text node has none (its value is the text, not a list). */
const kids = (n: Node): Node[] => {
  const value = n[nameOf(n)];
  return Array.isArray(value) ? (value as Node[]) : [];
};
const attr = (n: Node | undefined, key: string): string | undefined => (n?.[':@'] as Record<string, string> | undefined)?.[key];
const child = (n: Node | undefined, tag: string): Node | undefined => (n ? kids(n).find((k) => nameOf(k) === tag) : undefined);

/** A Word on/off property: `<w:b/>` is on, `<w:b w:val="0"/>` (or false, off) is off. */
const onOff = (n: Node | undefined): boolean | undefined => (n === undefined ? undefined : !/^(0|false|off)$/.test(attr(n, 'w:val') ?? 'true'));

/** Word's `w:jc`: start/left and justified text are left, end is right. */
function alignOf(pPr: Node | undefined): Align | undefined {
  const jc = attr(child(pPr, 'w:jc'), 'w:val');
  if (jc === undefined) return undefined;
  if (jc === 'right' || jc === 'end') return 'right';
  if (jc === 'center') return 'center';
  return 'left';
}

interface Look {
  bold?: boolean;
  italic?: boolean;
}

const lookOf = (rPr: Node | undefined): Look => {
  const out: Look = {};
  const bold = onOff(child(rPr, 'w:b'));
  const italic = onOff(child(rPr, 'w:i'));
  if (bold !== undefined) out.bold = bold;
  if (italic !== undefined) out.italic = italic;
  return out;
};

interface ParagraphStyle extends Look {
  heading: boolean;
  align?: Align;
}

/** The styles of a document, each resolved through its `basedOn` chain. */
export interface Styles {
  paragraph(id: string | undefined): ParagraphStyle;
  character(id: string | undefined): Look;
  defaults: Look;
}

interface RawStyle {
  type: string;
  name: string;
  basedOn: string | undefined;
  look: Look;
  align: Align | undefined;
}

/** Built-in names are English in styles.xml whatever Word's language; ids are translated ("Overskrift1"). */
const HEADING = (s: RawStyle, id: string): boolean => /^(heading \d|title)$/i.test(s.name) || /^(heading|overskrift|title|titel)\d*$/i.test(id);

export function parseStyles(xml: string | undefined): Styles {
  const raw = new Map<string, RawStyle>();
  let defaults: Look = {};
  let defaultParagraph: string | undefined;
  const root = xml ? (parser.parse(xml) as Node[]).find((n) => nameOf(n) === 'w:styles') : undefined;
  for (const n of root ? kids(root) : []) {
    if (nameOf(n) === 'w:docDefaults') defaults = lookOf(child(child(n, 'w:rPrDefault'), 'w:rPr'));
    if (nameOf(n) !== 'w:style') continue;
    const id = attr(n, 'w:styleId');
    if (id === undefined) continue;
    const type = attr(n, 'w:type') ?? 'paragraph';
    if (type === 'paragraph' && /^(1|true|on)$/.test(attr(n, 'w:default') ?? '')) defaultParagraph = id;
    raw.set(id, {
      type,
      name: attr(child(n, 'w:name'), 'w:val') ?? '',
      basedOn: attr(child(n, 'w:basedOn'), 'w:val'),
      look: lookOf(child(n, 'w:rPr')),
      align: alignOf(child(n, 'w:pPr')),
    });
  }
  const resolved = new Map<string, ParagraphStyle>();
  const resolve = (id: string | undefined, depth = 0): ParagraphStyle => {
    const s = id === undefined ? undefined : raw.get(id);
    // A chain longer than Word's own (it allows few levels) or a loop ends here.
    if (!s || depth > 20) return { heading: false };
    const hit = resolved.get(id!);
    if (hit) return hit;
    const base = resolve(s.basedOn, depth + 1);
    const own: ParagraphStyle = { ...base, ...s.look, heading: base.heading || HEADING(s, id!) };
    const align = s.align ?? base.align;
    if (align !== undefined) own.align = align;
    resolved.set(id!, own);
    return own;
  };
  return {
    paragraph: (id) => resolve(id ?? defaultParagraph),
    character: (id) => {
      const { heading: _heading, align: _align, ...look } = resolve(id);
      return look;
    },
    defaults,
  };
}

/** A piece of a paragraph: text with its look, a line break, or a page break. */
type Piece = { text: string; look: Look } | 'line' | 'page';

/**
 * The part being read: its relationships find a picture's file (document.xml.rels for the body,
 * header1.xml.rels for a header …), and `where` says in a note where the picture is.
 */
interface Source {
  pkg: DocxPackage;
  part: string;
  /** "i brevet", "i sidehovedet", "i sidefoden". */
  where: string;
  /** A header or footer: its page numbers are the PDF writer's own. */
  band: boolean;
  /** Gathered for pdfLayoutNotes; reading a letter gathers none. */
  notes?: Set<string>;
}

/** Reads runs in document order; one per document, because a Word field can span paragraphs. */
interface Reader {
  styles: Styles;
  /** Open fields: true while reading the instruction (not shown), false in the shown result. */
  fields: boolean[];
  /** Page-number fields (PAGE, NUMPAGES …) read so far. */
  pageFields: number;
  /** Where pictures are found; without it (documentBlocks alone) pictures are left out. */
  source: Source | undefined;
}

const note = (reader: Reader, text: string): void => {
  reader.source?.notes?.add(text);
};

/** A picture found in a paragraph, with the alignment an anchored picture gives itself. */
interface Picture {
  image: LetterImage;
  align?: Align;
}

/** What a paragraph's runs hold besides text: text boxes (drawn after it) and pictures (before it). */
interface Found {
  boxes: Node[];
  pictures: Picture[];
}

const PAGE_FIELD = /^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b/i;

function runPieces(r: Node, base: Look, reader: Reader, out: Piece[], found: Found): void {
  const rPr = child(r, 'w:rPr');
  // Hidden text is not printed.
  if (onOff(child(rPr, 'w:vanish')) === true) return;
  const look: Look = { ...base, ...reader.styles.character(attr(child(rPr, 'w:rStyle'), 'w:val')), ...lookOf(rPr) };
  const inInstruction = () => reader.fields[reader.fields.length - 1] === true;
  const text = (t: string) => {
    if (!inInstruction()) out.push({ text: t, look });
  };
  for (const k of kids(r)) {
    switch (nameOf(k)) {
      case 'w:t':
        text(unescapeXml(textOf(k)));
        break;
      case 'w:tab':
      case 'w:ptab':
        text(' ');
        break;
      case 'w:noBreakHyphen':
        text('-');
        break;
      case 'w:br':
        if (inInstruction()) break;
        out.push(attr(k, 'w:type') === 'page' ? 'page' : 'line');
        break;
      case 'w:cr':
        if (!inInstruction()) out.push('line');
        break;
      case 'w:fldChar': {
        const type = attr(k, 'w:fldCharType');
        if (type === 'begin') reader.fields.push(true);
        else if (type === 'separate' && reader.fields.length > 0) reader.fields[reader.fields.length - 1] = false;
        else if (type === 'end') reader.fields.pop();
        break;
      }
      case 'w:instrText':
        if (inInstruction() && PAGE_FIELD.test(unescapeXml(textOf(k)))) reader.pageFields += 1;
        break;
      case 'w:drawing':
      case 'w:pict':
      case 'mc:AlternateContent':
        textBoxes(k, found.boxes);
        if (!inInstruction()) picturesIn(k, reader, found.pictures);
        break;
      default:
        break;
    }
  }
}

/** The text content of an element (`<w:t>`, `<wp:align>`), still escaped. */
const textOf = (n: Node): string =>
  kids(n)
    .map((x) => String(x['#text'] ?? ''))
    .join('');

/** The paragraphs of the first text box inside a drawing (Word writes each box twice: DrawingML and a VML fallback). */
function textBoxes(n: Node, boxes: Node[]): void {
  const stack: Node[] = [n];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (nameOf(x) === 'w:txbxContent') {
      boxes.push(...kids(x));
      return;
    }
    // The fallback repeats the choice.
    if (nameOf(x) === 'mc:Fallback') continue;
    stack.push(...kids(x).slice().reverse());
  }
}

/**
 * The elements under `n` that `hit` names, in document order; not inside a fallback (Word writes
 * each drawing twice in mc:AlternateContent: DrawingML, and VML for older readers) nor inside a
 * text box (its paragraphs are read as paragraphs, with their own pictures).
 */
function descendants(n: Node, hit: (name: string) => boolean): Node[] {
  const out: Node[] = [];
  const stack = kids(n).slice().reverse();
  while (stack.length > 0) {
    const x = stack.pop()!;
    const name = nameOf(x);
    if (hit(name)) out.push(x);
    else if (name !== 'mc:Fallback' && name !== 'w:txbxContent') stack.push(...kids(x).slice().reverse());
  }
  return out;
}

/** The pictures of a run's drawing (DrawingML `wp:inline`/`wp:anchor`) or old-style VML picture (`w:pict`). */
function picturesIn(n: Node, reader: Reader, out: Picture[]): void {
  for (const frame of descendants({ run: [n] }, (name) => name === 'wp:inline' || name === 'wp:anchor' || name === 'w:pict')) {
    if (nameOf(frame) === 'w:pict') vmlPictures(frame, reader, out);
    else drawingPictures(frame, reader, out);
  }
}

/** DrawingML sizes are in EMU: 914,400 to the inch, so 12,700 to the point. */
const EMU_PER_POINT = 12_700;
/** A4 in points: a picture behind the text that covers half of it is the page's background. */
const PAGE_AREA = 595.28 * 841.89;

const emu = (n: Node | undefined, key: string): number => Number(attr(n, key) ?? NaN) / EMU_PER_POINT;

/** An anchored picture's own horizontal alignment (`wp:positionH/wp:align`), if it has one. */
function anchorAlign(frame: Node): Align | undefined {
  const value = textOf(child(child(frame, 'wp:positionH'), 'wp:align') ?? {}).trim();
  if (value === 'left' || value === 'inside') return 'left';
  if (value === 'right' || value === 'outside') return 'right';
  if (value === 'center') return 'center';
  return undefined;
}

const FIGURE = (where: string) => `En figur ${where} (fx et diagram, en form eller en streg) kommer ikke med i PDF-brevene. Indsæt den som et billede (PNG eller JPEG), hvis den skal med.`;

function drawingPictures(frame: Node, reader: Reader, out: Picture[]): void {
  const where = reader.source?.where ?? '';
  const pics = descendants(frame, (name) => name === 'pic:pic');
  if (pics.length === 0) {
    // A text box is read as paragraphs; a chart, SmartArt, a shape or a line is not drawn.
    if (descendants(frame, (name) => name === 'w:txbxContent').length === 0) note(reader, FIGURE(where));
    return;
  }
  const behind = nameOf(frame) === 'wp:anchor' && /^(1|true|on)$/.test(attr(frame, 'behindDoc') ?? '');
  const align = nameOf(frame) === 'wp:anchor' ? anchorAlign(frame) : undefined;
  for (const pic of pics) {
    // One picture fills the drawing's frame; pictures grouped in one drawing have each their own size.
    const size = pics.length === 1 ? child(frame, 'wp:extent') : child(child(child(pic, 'pic:spPr'), 'a:xfrm'), 'a:ext');
    const blip = descendants(pic, (name) => name === 'a:blip')[0];
    picture(reader, attr(blip, 'r:embed'), { width: emu(size, 'cx'), height: emu(size, 'cy'), align, behind }, out);
  }
}

/** CSS lengths in a VML shape's style, in points (Word writes pt; px is 1/96 inch). */
const CSS_UNIT: Readonly<Record<string, number>> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, px: 0.75, pc: 12, '': 0.75 };

function cssLength(style: string, property: string): number {
  const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([\\d.]+)\\s*(pt|in|cm|mm|px|pc)?\\s*(?:;|$)`, 'i').exec(style);
  return m ? Number(m[1]) * CSS_UNIT[(m[2] ?? '').toLowerCase()]! : NaN;
}

function vmlPictures(pict: Node, reader: Reader, out: Picture[]): void {
  const where = reader.source?.where ?? '';
  for (const shape of descendants(pict, (name) => name === 'v:shape' || name === 'v:rect')) {
    const data = child(shape, 'v:imagedata');
    const style = attr(shape, 'style') ?? '';
    // Word's watermark: text along a path, or a picture, behind the page's text.
    if (child(shape, 'v:textpath') || /WaterMark/i.test(attr(shape, 'id') ?? '')) {
      note(reader, `Vandmærket ${where} kommer ikke med i PDF-brevene.`);
      continue;
    }
    if (!data) {
      if (descendants(shape, (name) => name === 'w:txbxContent').length === 0) note(reader, FIGURE(where));
      continue;
    }
    const behind = /position\s*:\s*absolute/i.test(style) && /z-index\s*:\s*-/i.test(style);
    picture(reader, attr(data, 'r:id') ?? attr(data, 'o:relid'), { width: cssLength(style, 'width'), height: cssLength(style, 'height'), align: undefined, behind }, out);
  }
}

interface Placement {
  /** Points; not a number when the document does not say. */
  width: number;
  height: number;
  align: Align | undefined;
  /** Placed behind the text. */
  behind: boolean;
}

function picture(reader: Reader, id: string | undefined, at: Placement, out: Picture[]): void {
  const source = reader.source;
  if (!source) return;
  const where = source.where;
  const media = id === undefined ? undefined : mediaOf(source.pkg, source.part, id);
  if (media === undefined) {
    note(reader, `Et billede ${where} findes ikke i skabelonen og kommer ikke med i PDF-brevene. Indsæt billedet igen i Word.`);
    return;
  }
  const file = `"${media.part.slice(media.part.lastIndexOf('/') + 1)}"`;
  if (media.kind === 'other') {
    note(reader, `Billedet ${file} ${where} er i et format, PDF-brevene ikke kan vise (${media.format}). Gem det som PNG eller JPEG i skabelonen.`);
    return;
  }
  if (media.pixels === undefined) {
    note(reader, `Billedet ${file} ${where} kan ikke læses og kommer ikke med i PDF-brevene. Indsæt det igen i Word.`);
    return;
  }
  const [pixelsWide, pixelsHigh] = media.pixels;
  if (pixelsWide * pixelsHigh > MAX_IMAGE_PIXELS) {
    note(reader, `Billedet ${file} ${where} er for stort (${pixelsWide} × ${pixelsHigh} punkter) til PDF-brevene. Gør det mindre i et billedprogram, og indsæt det igen.`);
    return;
  }
  // Without a size in the document, the picture's own at 96 dots per inch, as Word inserts it.
  const sized = at.width > 0 && at.height > 0;
  const width = sized ? at.width : pixelsWide * 0.75;
  const height = sized ? at.height : pixelsHigh * 0.75;
  if (at.behind && width * height > PAGE_AREA / 2) {
    note(reader, `Billedet ${file} ${where} ligger bag teksten som baggrund for siden og kommer ikke med i PDF-brevene.`);
    return;
  }
  out.push({ image: { bytes: media.bytes, format: media.format, width, height }, ...(at.align ? { align: at.align } : {}) });
}

/** The pieces of a paragraph's content: runs, and runs inside links, insertions, content controls. */
function inlinePieces(nodes: readonly Node[], base: Look, reader: Reader, out: Piece[], found: Found): void {
  for (const k of nodes) {
    switch (nameOf(k)) {
      case 'w:r':
        runPieces(k, base, reader, out, found);
        break;
      case 'w:fldSimple':
        if (PAGE_FIELD.test(attr(k, 'w:instr') ?? '')) reader.pageFields += 1;
        inlinePieces(kids(k), base, reader, out, found);
        break;
      case 'w:hyperlink':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:dir':
      case 'w:bdo':
        inlinePieces(kids(k), base, reader, out, found);
        break;
      case 'w:sdt':
        inlinePieces(kids(child(k, 'w:sdtContent') ?? {}), base, reader, out, found);
        break;
      case 'mc:AlternateContent':
        inlinePieces(kids(child(k, 'mc:Choice') ?? {}), base, reader, out, found);
        break;
      default:
        // Deleted text (w:del, w:moveFrom), bookmarks, comments and proofing marks are not shown.
        break;
    }
  }
}

/** Runs with the same look joined, and without looks that are off: what a reader sees. */
function runsOf(pieces: readonly Piece[]): Run[] {
  const runs: Run[] = [];
  for (const p of pieces) {
    if (typeof p === 'string' || p.text === '') continue;
    const last = runs[runs.length - 1];
    if (last && (last.bold === true) === (p.look.bold === true) && (last.italic === true) === (p.look.italic === true)) {
      last.text += p.text;
      continue;
    }
    runs.push({ text: p.text, ...(p.look.bold ? { bold: true } : {}), ...(p.look.italic ? { italic: true } : {}) });
  }
  return runs;
}

function split<T>(items: readonly T[], at: (item: T) => boolean): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    if (at(item)) out.push([]);
    else out[out.length - 1]!.push(item);
  }
  return out;
}

interface Paragraph extends Found {
  pPr: Node | undefined;
  style: ParagraphStyle;
  pieces: Piece[];
  /** A page number of Word's in a header or footer: the PDF writer numbers the pages itself. */
  pageNumber: boolean;
}

function readParagraph(p: Node, reader: Reader): Paragraph {
  const pPr = child(p, 'w:pPr');
  const style = reader.styles.paragraph(attr(child(pPr, 'w:pStyle'), 'w:val'));
  const base: Look = { ...reader.styles.defaults, ...(style.bold !== undefined ? { bold: style.bold } : {}), ...(style.italic !== undefined ? { italic: style.italic } : {}) };
  const pieces: Piece[] = [];
  const found: Found = { boxes: [], pictures: [] };
  const before = reader.pageFields;
  inlinePieces(kids(p), base, reader, pieces, found);
  const pageNumber = reader.source?.band === true && reader.pageFields > before;
  if (pageNumber)
    note(
      reader,
      `Sidetallet ${reader.source!.where} kommer ikke med i PDF-brevene: de skriver selv "Side 1 af 2" nederst til højre. Linjen med sidetallet udelades${found.pictures.length > 0 ? ' (ikke dens billede)' : ''}.`,
    );
  return { pPr, style, pieces: pageNumber ? [] : pieces, pageNumber, ...found };
}

function paragraphBlocks(p: Node, reader: Reader, out: Block[]): void {
  const { pPr, style, pieces, boxes, pictures, pageNumber } = readParagraph(p, reader);
  const align = alignOf(pPr) ?? style.align;
  const paragraph = (line: readonly Piece[]): Block => ({
    kind: 'paragraph',
    runs: runsOf(line),
    ...(align && align !== 'left' ? { align } : {}),
    ...(style.heading ? { heading: true } : {}),
  });
  if (onOff(child(pPr, 'w:pageBreakBefore')) === true) out.push({ kind: 'pageBreak' });
  // A picture stands on its own line before the paragraph's text; a paragraph of only pictures is no empty line.
  for (const picture of pictures) {
    const placed = picture.align ?? align;
    out.push({ kind: 'image', image: picture.image, ...(placed && placed !== 'left' ? { align: placed } : {}) });
  }
  const text = pieces.some((x) => x === 'page' || x === 'line' || x.text !== '');
  if (!pageNumber && (text || pictures.length === 0)) {
    const pages = split(pieces, (x) => x === 'page');
    pages.forEach((page, i) => {
      if (i > 0) out.push({ kind: 'pageBreak' });
      // A page break alone in its paragraph (Word's Ctrl+Enter) is a break, not an empty line too.
      if (pages.length > 1 && page.length === 0) return;
      for (const line of split(page, (x) => x === 'line')) out.push(paragraph(line));
    });
  }
  blocksOf(boxes, reader, out);
  // A section break starts the next section on a new page, unless it is continuous.
  const section = child(pPr, 'w:sectPr');
  if (section && kids(section).some((k) => nameOf(k) === 'w:headerReference' || nameOf(k) === 'w:footerReference'))
    note(reader, 'Skabelonen har flere sektioner med hver sit sidehoved eller sin sidefod. PDF-brevene bruger den sidste sektions på alle sider.');
  if (section && !/^(continuous|nextColumn)$/.test(attr(child(section, 'w:type'), 'w:val') ?? 'nextPage')) out.push({ kind: 'pageBreak' });
}

/** A cell's text: its paragraphs (and any table inside it) joined by spaces; and its pictures. */
function cellRuns(tc: Node, reader: Reader): { runs: Run[]; align: Align | undefined; pictures: LetterImage[] } {
  const pieces: Piece[] = [];
  const pictures: LetterImage[] = [];
  let align: Align | undefined;
  let first = true;
  const walk = (nodes: readonly Node[]) => {
    for (const k of nodes) {
      const name = nameOf(k);
      if (name === 'w:p') {
        const p = readParagraph(k, reader);
        pictures.push(...p.pictures.map((x) => x.image));
        if (first) align = alignOf(p.pPr) ?? p.style.align;
        first = false;
        const text = p.pieces.filter((x): x is Exclude<Piece, string> => typeof x !== 'string' && x.text !== '');
        if (text.length === 0) continue;
        if (pieces.length > 0) pieces.push({ text: ' ', look: text[0]!.look });
        pieces.push(...text);
      } else if (name === 'w:tbl' || name === 'w:tr' || name === 'w:tc' || name === 'w:sdtContent' || name === 'w:customXml') walk(kids(k));
      else if (name === 'w:sdt') walk(kids(child(k, 'w:sdtContent') ?? {}));
    }
  };
  walk(kids(tc));
  return { runs: runsOf(pieces), align, pictures };
}

/** The rows of a table, through content controls around rows or cells. */
function rowsOf(tbl: Node): Node[] {
  const rows: Node[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const k of nodes) {
      if (nameOf(k) === 'w:tr') rows.push(k);
      else if (nameOf(k) === 'w:sdt') walk(kids(child(k, 'w:sdtContent') ?? {}));
      else if (nameOf(k) === 'w:customXml') walk(kids(k));
    }
  };
  walk(kids(tbl));
  return rows;
}

function cellsOf(tr: Node): Node[] {
  const cells: Node[] = [];
  for (const k of kids(tr)) {
    if (nameOf(k) === 'w:tc') cells.push(k);
    else if (nameOf(k) === 'w:sdt') cells.push(...kids(child(k, 'w:sdtContent') ?? {}).filter((c) => nameOf(c) === 'w:tc'));
  }
  return cells;
}

function tableBlock(tbl: Node, reader: Reader): Block {
  const rows: Run[][][] = [];
  const images: LetterImage[][][] = [];
  const aligns: Array<Array<Align | undefined>> = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of rowsOf(tbl)) {
    const header = onOff(child(child(tr, 'w:trPr'), 'w:tblHeader')) === true;
    if (inHeader && header) headerRows += 1;
    else inHeader = false;
    const row: Run[][] = [];
    const rowImages: LetterImage[][] = [];
    const rowAlign: Array<Align | undefined> = [];
    for (const tc of cellsOf(tr)) {
      const { runs, align, pictures } = cellRuns(tc, reader);
      row.push(runs);
      rowImages.push(pictures);
      rowAlign.push(align ?? 'left');
      // A cell spanning columns: the columns it covers are empty, so each column stays in its place.
      const span = Number(attr(child(child(tc, 'w:tcPr'), 'w:gridSpan'), 'w:val') ?? 1);
      for (let s = 1; s < Math.min(span, 64); s += 1) {
        row.push([]);
        rowImages.push([]);
        rowAlign.push(undefined);
      }
    }
    rows.push(row);
    images.push(rowImages);
    aligns.push(rowAlign);
  }
  const columns = Math.max(0, ...rows.map((r) => r.length));
  // A column's alignment is its first data row's (a header is often aligned otherwise), else its
  // header's; a column a cell spans over has none of its own there.
  const order = [...aligns.slice(headerRows), ...aligns.slice(0, headerRows)];
  const align = Array.from({ length: columns }, (_, c) => order.find((r) => r[c] !== undefined)?.[c] ?? 'left');
  const pictured = images.some((row) => row.some((cell) => cell.length > 0));
  return { kind: 'table', rows, align, ...(headerRows > 0 ? { headerRows } : {}), ...(pictured ? { images } : {}) };
}

function blocksOf(nodes: readonly Node[], reader: Reader, out: Block[]): void {
  for (const k of nodes) {
    switch (nameOf(k)) {
      case 'w:p':
        paragraphBlocks(k, reader, out);
        break;
      case 'w:tbl':
        out.push(tableBlock(k, reader));
        break;
      case 'w:sdt':
        blocksOf(kids(child(k, 'w:sdtContent') ?? {}), reader, out);
        break;
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
        blocksOf(kids(k), reader, out);
        break;
      case 'mc:AlternateContent':
        blocksOf(kids(child(k, 'mc:Choice') ?? {}), reader, out);
        break;
      default:
        break;
    }
  }
}

const notWord = () => fileError(filledFile(''), 'kan ikke læses: brevet er ikke skrevet af Word.');

/** A page break at the start or end of the body would only add an empty page. */
function trimBreaks(out: Block[]): Block[] {
  while (out[0]?.kind === 'pageBreak') out.shift();
  while (out[out.length - 1]?.kind === 'pageBreak') out.pop();
  return out;
}

/** The main document's body, read: its blocks, and its last section (headers, footers, first page). */
function readMain(xml: string, styles: Styles, source: Source | undefined): { blocks: Block[]; section: Node | undefined } {
  if (/<!DOCTYPE/i.test(xml)) throw notWord();
  const document = (parser.parse(xml) as Node[]).find((n) => nameOf(n) === 'w:document');
  const body = child(document, 'w:body');
  const out: Block[] = [];
  blocksOf(body ? kids(body) : [], { styles, fields: [], pageFields: 0, source }, out);
  // The body's own section is its last child (a section ending earlier sits in a paragraph's w:pPr).
  const section = body
    ? kids(body)
        .filter((k) => nameOf(k) === 'w:sectPr')
        .pop()
    : undefined;
  return { blocks: trimBreaks(out), section };
}

/** The blocks of a main document's XML, with its styles; without its package, pictures are left out. */
export function documentBlocks(xml: string, styles: Styles): Block[] {
  return readMain(xml, styles, undefined).blocks;
}

const isEmptyLine = (b: Block | undefined): boolean => b?.kind === 'paragraph' && b.runs.every((r) => r.text.trim() === '');

/**
 * A header's or footer's blocks (`w:hdr`, `w:ftr`): a page break means nothing there, and empty
 * lines after its last text (Word always ends a header with a paragraph) would only push the body down.
 */
function bandBlocks(xml: string, styles: Styles, source: Source): Block[] {
  if (/<!DOCTYPE/i.test(xml)) throw notWord();
  const root = (parser.parse(xml) as Node[]).find((n) => nameOf(n) === 'w:hdr' || nameOf(n) === 'w:ftr');
  const out: Block[] = [];
  blocksOf(root ? kids(root) : [], { styles, fields: [], pageFields: 0, source }, out);
  const kept = out.filter((b) => b.kind !== 'pageBreak');
  while (kept.length > 0 && isEmptyLine(kept[kept.length - 1])) kept.pop();
  return kept;
}

/** A relationship of a part: what it is and the part it points to (a path in the package). */
interface Relationship {
  type: string;
  /** Undefined for a target outside the package (refused in a template by refuseUnsafe). */
  target: string | undefined;
}

const relationshipsCache = new WeakMap<DocxPackage, Map<string, Map<string, Relationship>>>();

/** The relationships of `part` by id, read once per package and part. */
function relationships(pkg: DocxPackage, part: string): Map<string, Relationship> {
  let byPart = relationshipsCache.get(pkg);
  if (!byPart) relationshipsCache.set(pkg, (byPart = new Map()));
  let rels = byPart.get(part);
  if (rels) return rels;
  rels = new Map();
  byPart.set(part, rels);
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const bytes = pkg.parts.get(`${dir}_rels/${part.slice(dir.length)}.rels`);
  for (const m of bytes ? partText(bytes).matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) : []) {
    const a = attributes(m[0]);
    if (a.Id === undefined || rels.has(a.Id)) continue;
    let target: string | undefined;
    if (!/^external$/i.test(a.TargetMode ?? '') && a.Target) {
      const path: string[] = [];
      for (const step of (a.Target.startsWith('/') ? a.Target.slice(1) : dir + a.Target).split('/')) {
        if (step === '..') path.pop();
        else if (step !== '.' && step !== '') path.push(step);
      }
      target = path.join('/');
    }
    rels.set(a.Id, { type: a.Type ?? '', target });
  }
  return rels;
}

/** The part a relationship of `part` of this type points to (`word/styles.xml`). */
function related(pkg: DocxPackage, part: string, type: string): string | undefined {
  for (const rel of relationships(pkg, part).values()) if (rel.type.endsWith(`/${type}`) && rel.target !== undefined) return rel.target;
  return undefined;
}

/** A picture's file: its bytes, format by its first bytes, and size in pixels when it can be read. */
type Media =
  | { kind: 'image'; part: string; format: 'png' | 'jpeg'; bytes: Uint8Array; pixels: [number, number] | undefined }
  /** Another format, named for the note: "EMF", "GIF" … */
  | { kind: 'other'; part: string; format: string };

const mediaCache = new WeakMap<DocxPackage, Map<string, Media>>();

/**
 * The picture that relationship `id` of `part` points to, read once per package: letters from one
 * compiled template get the very same `bytes` object, so a PDF embeds the picture once.
 */
function mediaOf(pkg: DocxPackage, part: string, id: string): Media | undefined {
  const target = relationships(pkg, part).get(id)?.target;
  const bytes = target === undefined ? undefined : pkg.parts.get(target);
  if (target === undefined || bytes === undefined) return undefined;
  let byPart = mediaCache.get(pkg);
  if (!byPart) mediaCache.set(pkg, (byPart = new Map()));
  let media = byPart.get(target);
  if (!media) {
    const format = imageFormat(bytes, target);
    media =
      format === 'png'
        ? { kind: 'image', part: target, format, bytes, pixels: pngPixels(bytes) }
        : format === 'jpeg'
          ? { kind: 'image', part: target, format, bytes, pixels: jpegPixels(bytes) }
          : { kind: 'other', part: target, format };
    byPart.set(target, media);
  }
  return media;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);

/** A picture's format by its first bytes (a file's name can lie); another format by name, for the note. */
function imageFormat(bytes: Uint8Array, part: string): string {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // EMF: record type 1, and " EMF" at byte 40 of its header.
  if (startsWith(bytes, [0x01, 0, 0, 0]) && startsWith(bytes, [0x20, 0x45, 0x4d, 0x46], 40)) return 'EMF';
  if (startsWith(bytes, [0xd7, 0xcd, 0xc6, 0x9a]) || startsWith(bytes, [0x01, 0x00, 0x09, 0x00]) || startsWith(bytes, [0x02, 0x00, 0x09, 0x00])) return 'WMF';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsWith(bytes, [0x42, 0x4d])) return 'BMP';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'WebP';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i.test(new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, ''))) return 'SVG';
  const extension = /\.(\w+)$/.exec(part)?.[1];
  return extension ? extension.toUpperCase() : 'ukendt';
}

/** The bit depths PNG allows for each colour type (PNG specification, table 11.1). */
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** A PNG's width and height from its IHDR chunk, or undefined when the header is not a PNG's. */
function pngPixels(bytes: Uint8Array): [number, number] | undefined {
  if (bytes.length < 33 || !startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [width, height, depth, colour] = [view.getUint32(16), view.getUint32(20), bytes[24]!, bytes[25]!];
  return width > 0 && height > 0 && PNG_DEPTHS[colour]?.includes(depth) ? [width, height] : undefined;
}

/** A JPEG's width and height from its frame header (SOF0–SOF15, not DHT, JPG or DAC). */
function jpegPixels(bytes: Uint8Array): [number, number] | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      return width > 0 && height > 0 ? [width, height] : undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

function stylesOfPackage(pkg: DocxPackage): Styles {
  const part = related(pkg, pkg.main, 'styles');
  const bytes = part === undefined ? undefined : pkg.parts.get(part);
  return parseStyles(bytes ? partText(bytes) : undefined);
}

/** Which header and footer parts a section shows: Word's default, first-page and even-page ones. */
type BandParts = Partial<Record<'default' | 'first' | 'even', string>>;

interface Section {
  /** "Different first page" (w:titlePg): the first page has its own header and footer. */
  titlePg: boolean;
  header: BandParts;
  footer: BandParts;
}

function sectionOf(sectPr: Node | undefined, pkg: DocxPackage): Section {
  const rels = relationships(pkg, pkg.main);
  const parts = (tag: string): BandParts => {
    const out: BandParts = {};
    for (const ref of sectPr ? kids(sectPr) : []) {
      if (nameOf(ref) !== tag) continue;
      const type = attr(ref, 'w:type') ?? 'default';
      const target = rels.get(attr(ref, 'r:id') ?? '')?.target;
      if ((type === 'default' || type === 'first' || type === 'even') && target !== undefined && pkg.parts.has(target)) out[type] = target;
    }
    return out;
  };
  return { titlePg: onOff(child(sectPr, 'w:titlePg')) === true, header: parts('w:headerReference'), footer: parts('w:footerReference') };
}

/**
 * A header or footer for the PDF: without "different first page" the first page shows the default
 * one like every other page; with it, the first page shows its own, or none when there is none
 * (as Word does in a one-section letter). A band with nothing to show is no band.
 */
function pageBand(parts: BandParts, titlePg: boolean, read: (part: string) => Block[]): PageBand | undefined {
  const rest = parts.default === undefined ? [] : read(parts.default);
  const first = !titlePg ? rest : parts.first === undefined ? [] : read(parts.first);
  return first.length === 0 && rest.length === 0 ? undefined : { first, rest };
}

/** A letter's layout: the body's blocks, and the header and footer drawn on its pages. */
export type FilledLetter = Pick<LetterDocument, 'blocks' | 'header' | 'footer'>;

function withBands(blocks: Block[], section: Section, read: (part: string, where: string) => Block[]): FilledLetter {
  const header = pageBand(section.header, section.titlePg, (part) => read(part, 'i sidehovedet'));
  const footer = pageBand(section.footer, section.titlePg, (part) => read(part, 'i sidefoden'));
  return { blocks, ...(header ? { header } : {}), ...(footer ? { footer } : {}) };
}

const BODY = 'i brevet';

/** A .docx (a filled letter, or fillTemplateAll's bundle) as blocks; `name` names the file in messages. */
export function docxBlocks(bytes: Uint8Array, name = ''): Block[] {
  const pkg = openDocx(bytes, filledFile(name));
  return readMain(partText(pkg.parts.get(pkg.main)!), stylesOfPackage(pkg), { pkg, part: pkg.main, where: BODY, band: false }).blocks;
}

/** A filled .docx as the PDF draws it: the body's blocks with its pictures, and its header and footer. */
export function docxLetter(bytes: Uint8Array, name = ''): FilledLetter {
  const pkg = openDocx(bytes, filledFile(name));
  const styles = stylesOfPackage(pkg);
  const { blocks, section } = readMain(partText(pkg.parts.get(pkg.main)!), styles, { pkg, part: pkg.main, where: BODY, band: false });
  return withBands(blocks, sectionOf(section, pkg), (part, where) => bandBlocks(partText(pkg.parts.get(part)!), styles, { pkg, part, where, band: true }));
}

/** What is read once per compiled template, not once per letter. */
interface TemplateLayout {
  styles: Styles;
  section: Section;
  /** The blocks of header and footer parts without fields: the same for every letter. */
  fixed: Map<string, Block[]>;
  notes?: readonly string[];
}

const layoutCache = new WeakMap<CompiledTemplate, TemplateLayout>();

function layoutOf(template: CompiledTemplate): TemplateLayout {
  let layout = layoutCache.get(template);
  if (!layout) {
    const { pkg } = template;
    const styles = stylesOfPackage(pkg);
    // The section is read from the template itself: fields fill text, never a section's settings.
    const { section } = readMain(partText(pkg.parts.get(pkg.main)!), styles, undefined);
    layout = { styles, section: sectionOf(section, pkg), fixed: new Map() };
    layoutCache.set(template, layout);
  }
  return layout;
}

/**
 * One letter filled straight into blocks, without writing a .docx: the fast path for thousands
 * of letters (the template compiled once by compileTemplate, its styles read once). The body
 * only; fillToLetter gives the header and footer too.
 */
export function fillToBlocks(template: CompiledTemplate, fields: LetterFields): Block[] {
  const { pkg } = template;
  return readMain(partText(template.fillPart(pkg.main, fields)), layoutOf(template).styles, { pkg, part: pkg.main, where: BODY, band: false }).blocks;
}

/**
 * One letter filled straight into what the PDF draws: the body, and the header and footer with
 * the letter's fields filled in ({dato} in a header). A header or footer without fields is read
 * once per template and shared by all its letters, as are its pictures' bytes.
 *
 * @example
 * const compiled = compileTemplate(bytes, 'brev.docx');
 * const doc: LetterDocument = { id: 'D-17', title: 'Saldoopgørelse 2026 – D-17', ...fillToLetter(compiled, fields) };
 */
export function fillToLetter(template: CompiledTemplate, fields: LetterFields): FilledLetter {
  const layout = layoutOf(template);
  const { pkg } = template;
  const blocks = readMain(partText(template.fillPart(pkg.main, fields)), layout.styles, { pkg, part: pkg.main, where: BODY, band: false }).blocks;
  return withBands(blocks, layout.section, (part, where) => {
    const source: Source = { pkg, part, where, band: true };
    if (template.templated.get(part)?.some((p) => p.type === 'placeholder')) return bandBlocks(partText(template.fillPart(part, fields)), layout.styles, source);
    let fixed = layout.fixed.get(part);
    if (!fixed) layout.fixed.set(part, (fixed = bandBlocks(partText(pkg.parts.get(part)!), layout.styles, source)));
    return fixed;
  });
}

/**
 * What the PDF letters will not show of a template, in Danish, one sentence each: a picture in a
 * format other than PNG or JPEG (EMF, WMF, GIF, SVG without a PNG copy, TIFF), a shape or chart,
 * a watermark, a picture behind the text as the page's background, Word's own page numbers, a
 * header for even pages, more sections than one. Empty when the PDF shows all of it. Callers show these as warnings.
 *
 * @example
 * pdfLayoutNotes(compileTemplate(bytes, 'brev.docx'))
 * // ['Billedet "image3.emf" i sidehovedet er i et format, PDF-brevene ikke kan vise (EMF). Gem det som PNG eller JPEG i skabelonen.']
 */
export function pdfLayoutNotes(template: CompiledTemplate): string[] {
  const layout = layoutOf(template);
  if (!layout.notes) {
    const { pkg } = template;
    const notes = new Set<string>();
    // The template as written: a field is text here, and a picture in a loop is read once.
    readMain(partText(pkg.parts.get(pkg.main)!), layout.styles, { pkg, part: pkg.main, where: BODY, band: false, notes });
    const { section } = layout;
    const used = (parts: BandParts) => [parts.default, ...(section.titlePg ? [parts.first] : [])].filter((p): p is string => p !== undefined);
    for (const part of used(section.header)) bandBlocks(partText(pkg.parts.get(part)!), layout.styles, { pkg, part, where: 'i sidehovedet', band: true, notes });
    for (const part of used(section.footer)) bandBlocks(partText(pkg.parts.get(part)!), layout.styles, { pkg, part, where: 'i sidefoden', band: true, notes });
    const settings = related(pkg, pkg.main, 'settings');
    const evenAndOdd = settings !== undefined && /<w:evenAndOddHeaders(?![^>]*w:val="(0|false|off)")[^>]*\/?>/.test(partText(pkg.parts.get(settings) ?? new Uint8Array()));
    if (evenAndOdd && (section.header.even !== undefined || section.footer.even !== undefined))
      notes.add('Skabelonen har et andet sidehoved eller en anden sidefod på lige sider. PDF-brevene bruger det samme på alle sider efter den første.');
    layout.notes = [...notes];
  }
  return [...layout.notes];
}
