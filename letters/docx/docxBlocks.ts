/**
 * A filled Word letter as layout blocks (letters/blocks.ts) for the PDF writer: the main
 * document's paragraphs with bold and italic runs, headings, alignment, tables and page breaks.
 * Word's look is read where it is simple — a run's own bold/italic, else its character style,
 * else its paragraph style, else the document's defaults; a heading is a paragraph whose style is
 * (based on) "heading n" or "Title". Headers, footers, pictures and list numbers are not drawn.
 *
 * Bytes in, blocks out, no Node: the same code runs in the task pane.
 */
import { XMLParser } from 'fast-xml-parser';
import type { LetterFields } from '../../core/letters/letterFields.js';
import type { Align, Block, Run } from '../blocks.js';
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
const kids = (n: Node): Node[] => (n[nameOf(n)] as Node[] | undefined) ?? [];
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

/** Reads runs in document order; one per document, because a Word field can span paragraphs. */
interface Reader {
  styles: Styles;
  /** Open fields: true while reading the instruction (not shown), false in the shown result. */
  fields: boolean[];
}

/** Paragraphs in text boxes, found while reading a run; drawn after their paragraph. */
type Boxes = Node[];

function runPieces(r: Node, base: Look, reader: Reader, out: Piece[], boxes: Boxes): void {
  const rPr = child(r, 'w:rPr');
  // Hidden text is not printed.
  if (onOff(child(rPr, 'w:vanish')) === true) return;
  const look: Look = { ...base, ...reader.styles.character(attr(child(rPr, 'w:rStyle'), 'w:val')), ...lookOf(rPr) };
  const text = (t: string) => {
    if (reader.fields[reader.fields.length - 1] !== true) out.push({ text: t, look });
  };
  for (const k of kids(r)) {
    switch (nameOf(k)) {
      case 'w:t':
        text(
          unescapeXml(
            kids(k)
              .map((x) => String(x['#text'] ?? ''))
              .join(''),
          ),
        );
        break;
      case 'w:tab':
      case 'w:ptab':
        text(' ');
        break;
      case 'w:noBreakHyphen':
        text('-');
        break;
      case 'w:br':
        if (reader.fields[reader.fields.length - 1] === true) break;
        out.push(attr(k, 'w:type') === 'page' ? 'page' : 'line');
        break;
      case 'w:cr':
        if (reader.fields[reader.fields.length - 1] !== true) out.push('line');
        break;
      case 'w:fldChar': {
        const type = attr(k, 'w:fldCharType');
        if (type === 'begin') reader.fields.push(true);
        else if (type === 'separate' && reader.fields.length > 0) reader.fields[reader.fields.length - 1] = false;
        else if (type === 'end') reader.fields.pop();
        break;
      }
      case 'w:drawing':
      case 'w:pict':
      case 'mc:AlternateContent':
        textBoxes(k, boxes);
        break;
      default:
        break;
    }
  }
}

/** The paragraphs of the first text box inside a drawing (Word writes each box twice: DrawingML and a VML fallback). */
function textBoxes(n: Node, boxes: Boxes): void {
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

/** The pieces of a paragraph's content: runs, and runs inside links, insertions, content controls. */
function inlinePieces(nodes: readonly Node[], base: Look, reader: Reader, out: Piece[], boxes: Boxes): void {
  for (const k of nodes) {
    switch (nameOf(k)) {
      case 'w:r':
        runPieces(k, base, reader, out, boxes);
        break;
      case 'w:hyperlink':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:dir':
      case 'w:bdo':
        inlinePieces(kids(k), base, reader, out, boxes);
        break;
      case 'w:sdt':
        inlinePieces(kids(child(k, 'w:sdtContent') ?? {}), base, reader, out, boxes);
        break;
      case 'mc:AlternateContent':
        inlinePieces(kids(child(k, 'mc:Choice') ?? {}), base, reader, out, boxes);
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

interface Paragraph {
  pPr: Node | undefined;
  style: ParagraphStyle;
  pieces: Piece[];
  boxes: Boxes;
}

function readParagraph(p: Node, reader: Reader): Paragraph {
  const pPr = child(p, 'w:pPr');
  const style = reader.styles.paragraph(attr(child(pPr, 'w:pStyle'), 'w:val'));
  const base: Look = { ...reader.styles.defaults, ...(style.bold !== undefined ? { bold: style.bold } : {}), ...(style.italic !== undefined ? { italic: style.italic } : {}) };
  const pieces: Piece[] = [];
  const boxes: Boxes = [];
  inlinePieces(kids(p), base, reader, pieces, boxes);
  return { pPr, style, pieces, boxes };
}

function paragraphBlocks(p: Node, reader: Reader, out: Block[]): void {
  const { pPr, style, pieces, boxes } = readParagraph(p, reader);
  const align = alignOf(pPr) ?? style.align;
  const paragraph = (line: readonly Piece[]): Block => ({
    kind: 'paragraph',
    runs: runsOf(line),
    ...(align && align !== 'left' ? { align } : {}),
    ...(style.heading ? { heading: true } : {}),
  });
  if (onOff(child(pPr, 'w:pageBreakBefore')) === true) out.push({ kind: 'pageBreak' });
  const pages = split(pieces, (x) => x === 'page');
  pages.forEach((page, i) => {
    if (i > 0) out.push({ kind: 'pageBreak' });
    // A page break alone in its paragraph (Word's Ctrl+Enter) is a break, not an empty line too.
    if (pages.length > 1 && page.length === 0) return;
    for (const line of split(page, (x) => x === 'line')) out.push(paragraph(line));
  });
  blocksOf(boxes, reader, out);
  // A section break starts the next section on a new page, unless it is continuous.
  const section = child(pPr, 'w:sectPr');
  if (section && !/^(continuous|nextColumn)$/.test(attr(child(section, 'w:type'), 'w:val') ?? 'nextPage')) out.push({ kind: 'pageBreak' });
}

/** A cell's text: its paragraphs (and any table inside it) joined by spaces. */
function cellRuns(tc: Node, reader: Reader): { runs: Run[]; align: Align | undefined } {
  const pieces: Piece[] = [];
  let align: Align | undefined;
  let first = true;
  const walk = (nodes: readonly Node[]) => {
    for (const k of nodes) {
      const name = nameOf(k);
      if (name === 'w:p') {
        const p = readParagraph(k, reader);
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
  return { runs: runsOf(pieces), align };
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
  const aligns: Array<Array<Align | undefined>> = [];
  let headerRows = 0;
  let inHeader = true;
  for (const tr of rowsOf(tbl)) {
    const header = onOff(child(child(tr, 'w:trPr'), 'w:tblHeader')) === true;
    if (inHeader && header) headerRows += 1;
    else inHeader = false;
    const row: Run[][] = [];
    const rowAlign: Array<Align | undefined> = [];
    for (const tc of cellsOf(tr)) {
      const { runs, align } = cellRuns(tc, reader);
      row.push(runs);
      rowAlign.push(align ?? 'left');
      // A cell spanning columns: the columns it covers are empty, so each column stays in its place.
      const span = Number(attr(child(child(tc, 'w:tcPr'), 'w:gridSpan'), 'w:val') ?? 1);
      for (let s = 1; s < Math.min(span, 64); s += 1) {
        row.push([]);
        rowAlign.push(undefined);
      }
    }
    rows.push(row);
    aligns.push(rowAlign);
  }
  const columns = Math.max(0, ...rows.map((r) => r.length));
  // A column's alignment is its first data row's (a header is often aligned otherwise), else its
  // header's; a column a cell spans over has none of its own there.
  const order = [...aligns.slice(headerRows), ...aligns.slice(0, headerRows)];
  const align = Array.from({ length: columns }, (_, c) => order.find((r) => r[c] !== undefined)?.[c] ?? 'left');
  return { kind: 'table', rows, align, ...(headerRows > 0 ? { headerRows } : {}) };
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

/** The blocks of a main document's XML, with its styles. */
export function documentBlocks(xml: string, styles: Styles): Block[] {
  if (/<!DOCTYPE/i.test(xml)) throw fileError(filledFile(''), 'kan ikke læses: brevet er ikke skrevet af Word.');
  const document = (parser.parse(xml) as Node[]).find((n) => nameOf(n) === 'w:document');
  const body = child(document, 'w:body');
  const out: Block[] = [];
  blocksOf(body ? kids(body) : [], { styles, fields: [] }, out);
  // A break before the first block or after the last would only add an empty page.
  while (out[0]?.kind === 'pageBreak') out.shift();
  while (out[out.length - 1]?.kind === 'pageBreak') out.pop();
  return out;
}

/** The part a relationship of `part` of this type points to (`word/styles.xml`). */
function related(pkg: DocxPackage, part: string, type: string): string | undefined {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = pkg.parts.get(`${dir}_rels/${part.slice(dir.length)}.rels`);
  if (!rels) return undefined;
  for (const m of partText(rels).matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Type?.endsWith(`/${type}`) || /^external$/i.test(a.TargetMode ?? '') || !a.Target) continue;
    const path: string[] = [];
    for (const step of (a.Target.startsWith('/') ? a.Target.slice(1) : dir + a.Target).split('/')) {
      if (step === '..') path.pop();
      else if (step !== '.' && step !== '') path.push(step);
    }
    return path.join('/');
  }
  return undefined;
}

function stylesOfPackage(pkg: DocxPackage): Styles {
  const part = related(pkg, pkg.main, 'styles');
  const bytes = part === undefined ? undefined : pkg.parts.get(part);
  return parseStyles(bytes ? partText(bytes) : undefined);
}

/** A .docx (a filled letter, or fillTemplateAll's bundle) as blocks; `name` names the file in messages. */
export function docxBlocks(bytes: Uint8Array, name = ''): Block[] {
  const pkg = openDocx(bytes, filledFile(name));
  return documentBlocks(partText(pkg.parts.get(pkg.main)!), stylesOfPackage(pkg));
}

const stylesCache = new WeakMap<CompiledTemplate, Styles>();

/**
 * One letter filled straight into blocks, without writing a .docx: the fast path for thousands
 * of letters (the template compiled once by compileTemplate, its styles read once).
 */
export function fillToBlocks(template: CompiledTemplate, fields: LetterFields): Block[] {
  let styles = stylesCache.get(template);
  if (!styles) {
    styles = stylesOfPackage(template.pkg);
    stylesCache.set(template, styles);
  }
  return documentBlocks(partText(template.fillPart(template.pkg.main, fields)), styles);
}
