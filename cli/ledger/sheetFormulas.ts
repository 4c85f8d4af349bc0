/**
 * Formulas taken out of a sheet's XML before ExcelJS reads it. ExcelJS's stream reader keeps a
 * formula's saved result only when it is truthy: a formula showing 0, "" or an error (#DIV/0!)
 * comes out as `{formula}`, the same as a formula saved without any value. Without its `<f>` a
 * cell is read as the value Excel shows (0, "", {error}); the formula itself is told here, by
 * row and column, so the ledger reader can still refuse a formula where a value must be typed.
 */

export interface FormulaCell {
  /** The formula as written (`1/0`), '' for a cell that shares another cell's formula. */
  formula: string;
  /** True when the file holds the formula's value (Excel saves it; some generators do not). */
  saved: boolean;
}

/** Formula cells by row number, then by 0-based column; a row's entry is taken when it is read. */
export type FormulaCells = Map<number, Map<number, FormulaCell>>;

const ROW = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c(?=[\s>/])([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/;
const ENTITY = /&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function xmlText(s: string): string {
  return s.replace(ENTITY, (_, e: string) => NAMED[e] ?? String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

/** A column's 0-based index from its letters (A → 0, AA → 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/**
 * Whole rows of sheet XML with the formulas taken out of their cells and put in `cells`.
 * A row without its number (r="…") keeps its formulas: the reader sees them as ExcelJS gives them.
 */
export function takeFormulas(xml: string, cells: FormulaCells): string {
  if (xml.indexOf('<f') < 0) return xml;
  return xml.replace(ROW, (row: string, attrs: string, _end: string, inner: string | undefined) => {
    const r = /\br="(\d+)"/.exec(attrs);
    if (inner === undefined || r === null || inner.indexOf('<f') < 0) return row;
    const number = Number(r[1]);
    const found = new Map<number, FormulaCell>();
    const body = inner.replace(CELL, (cell: string, cellAttrs: string, _e: string, content: string | undefined) => {
      const ref = /\br="([A-Z]{1,3})\d+"/.exec(cellAttrs);
      const f = content === undefined || ref === null ? null : FORMULA.exec(content);
      if (f === null || ref === null || content === undefined) return cell;
      const rest = content.replace(f[0], '');
      found.set(columnIndex(ref[1]!), { formula: xmlText(f[1] ?? ''), saved: /<(v|is)[\s>/]/.test(rest) });
      return `<c${cellAttrs}>${rest}</c>`;
    });
    if (found.size === 0) return row;
    cells.set(number, found);
    return `<row${attrs}>${body}</row>`;
  });
}

/** A row longer than this without its end is no sheet Excel wrote (16,384 cells of text fit). */
const LONGEST_ROW = 64 * 1024 * 1024;

/**
 * The sheet's bytes with formulas taken out, row by row: text is cut after the last complete
 * `</row>` of what has come, so a cell is never split. Only new text is searched for the cut (a
 * long row searched again at every chunk took minutes).
 */
export async function* sheetWithoutFormulas(chunks: AsyncIterable<Buffer>, cells: FormulaCells, broken: () => Error): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8');
  let pieces: string[] = [];
  let size = 0;
  // The end of what is held: "</row>" may begin there and end in the next chunk.
  let tail = '';
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    const at = (tail + text).lastIndexOf('</row>');
    if (at < 0) {
      pieces.push(text);
      size += text.length;
      if (size > LONGEST_ROW) throw broken();
      tail = (tail + text).slice(-5);
      continue;
    }
    const cut = at + 6 - tail.length;
    yield Buffer.from(takeFormulas(pieces.join('') + text.slice(0, cut), cells), 'utf8');
    const rest = text.slice(cut);
    pieces = [rest];
    size = rest.length;
    tail = rest.slice(-5);
  }
  const rest = pieces.join('') + decoder.decode();
  if (rest !== '') yield Buffer.from(takeFormulas(rest, cells), 'utf8');
}
