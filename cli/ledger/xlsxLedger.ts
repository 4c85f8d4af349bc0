/**
 * The .xlsx ledger reader: the workbook's first visible tab (or the one named with --sheet),
 * streamed row by row. The zip is read by Saldo (cli/xlsx/xlsxZip.ts): sizes are checked
 * before anything is unpacked, and ExcelJS is handed a zip of just the parts it needs, in the
 * order it needs them — the shared strings before the one sheet — so it never parks a sheet in
 * a temporary file (which a killed run used to leave behind). Cells ExcelJS reads are checked
 * against the ledger's columns here: Excel's error values and formulas in id columns are row
 * errors, never ids.
 */
import { Readable } from 'node:stream';
import { SaldoError } from '../../core/errors.js';
import { dateCell } from '../../core/input/cells.js';
import { mapColumns, type ColumnMap, type LedgerField } from '../../core/ledger/posting.js';
import { mappedHeader, NO_MAPPING, type LedgerMapping } from '../../core/ledger/ledgerMapping.js';
import { dataDescriptor, openXlsxFile, sheetTabs, storedHeader, tabList, XLSX_LIMITS, type SheetTab, type XlsxZip } from '../xlsx/xlsxZip.js';
import { sheetWithoutFormulas, type FormulaCell, type FormulaCells } from './sheetFormulas.js';
import type { BadRowHandler, ProgressHandler, RowHandler } from './readLedger.js';

export interface XlsxLedgerOptions {
  /** The sheet to read (--sheet); by default the first visible tab. */
  sheet?: string;
  /** Told the sheet's name before its rows are read. */
  onSheet?: (name: string) => void;
  /** The kommune's own header words (--mapping), so the checks find the ledger's columns. */
  mapping?: LedgerMapping;
}

/** What was read: the sheet, and the number of its last row (every row up to it was handed on or is blank). */
export interface XlsxRead {
  sheet: string;
  lastRow: number;
}

/** The tab to read: the named one (hidden or not: it was asked for), else the first visible. */
export function chooseSheet(tabs: readonly SheetTab[], wanted: string | undefined, path: string): SheetTab {
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', '--sheet', wanted, why);
  if (wanted !== undefined) {
    // Excel's sheet names are unique regardless of case.
    const tab = tabs.find((t) => t.name === wanted) ?? tabs.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!tab) throw fail(`${path} har intet ark med navnet "${wanted}". ${tabs.length === 0 ? 'Projektmappen har ingen regneark.' : `Arkene hedder ${tabList(tabs)}.`}`);
    return tab;
  }
  const tab = tabs.find((t) => t.state === 'visible');
  if (!tab) throw fail(tabs.length === 0 ? `${path} har ingen regneark.` : `${path} har intet synligt ark. Angiv arket med --sheet NAVN: ${tabList(tabs)}.`);
  return tab;
}

/**
 * The zip ExcelJS reads: relationships, workbook (for the 1904 date system), styles (number
 * formats say which numbers are dates), the shared strings (empty when the file has none) and
 * the chosen sheet, all stored unpacked. ExcelJS parks any sheet that comes before the shared
 * strings in a temporary file; in this order none does.
 */
function partsForExcelJs(zip: XlsxZip, sheet: SheetTab, formulas: FormulaCells, broken: () => Error, onSheetBytes: (done: number) => void): { input: Readable; watch: FailureWatch } {
  const small = (name: string) => {
    const bytes = zip.part(name);
    return bytes ? [storedHeader(name, bytes.length), bytes] : [];
  };
  const strings = zip.entries.get('xl/sharedStrings.xml');
  const sheetEntry = zip.entries.get(sheet.part)!;
  async function* parts(): AsyncGenerator<Buffer> {
    yield* small('xl/_rels/workbook.xml.rels');
    yield* small('xl/workbook.xml');
    yield* small('xl/styles.xml');
    if (strings) {
      yield storedHeader('xl/sharedStrings.xml', strings.size);
      yield* zip.stream(strings);
    } else {
      const empty = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
      yield storedHeader('xl/sharedStrings.xml', empty.length);
      yield empty;
    }
    yield storedHeader('xl/worksheets/sheet1.xml');
    let size = 0;
    for await (const chunk of sheetWithoutFormulas(zip.stream(sheetEntry, onSheetBytes), formulas, broken)) {
      size += chunk.length;
      yield chunk;
    }
    yield dataDescriptor(size);
    // An end record: the zip parser ends cleanly there (at a bare end of input it may fail).
    yield END_OF_DIRECTORY;
  }
  // A failure here (a part longer than declared) must reach the reader: ExcelJS pipes this
  // stream into its zip parser, and a pipe passes no errors on (the parser would wait for ever
  // on a zip cut short). So it ends the stream and tells the reader's current wait.
  let failure: unknown;
  let listener: ((e: unknown) => void) | null = null;
  const fail = (e: unknown) => {
    failure = e;
    listener?.(e);
  };
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* parts();
    } catch (e) {
      fail(e);
    }
  }
  return { input: Readable.from(guarded()), watch: { failure: () => failure, listen: (l) => (listener = l) } };
}

/** A failure of the parts stream: the one so far, and who is told of one (one listener at a time). */
interface FailureWatch {
  failure(): unknown;
  listen(listener: ((e: unknown) => void) | null): void;
}

/**
 * The items of `source` until the parts stream fails (then its error is thrown, whatever
 * `source` does). Not Promise.race against one pending promise: each race would hang a
 * reaction on it, keeping every row read alive (500 MB for 100,000 rows).
 */
async function* untilFailed<T>(source: AsyncIterable<T>, watch: FailureWatch): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (watch.failure() !== undefined) throw watch.failure();
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        watch.listen(reject);
        it.next().then(resolve, reject);
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    watch.listen(null);
  }
}

const END_OF_DIRECTORY = (() => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
})();

/** The ledger fields whose values are keys: a formula or a date there would make a wrong key. */
const ID_FIELDS: readonly LedgerField[] = ['debtorId', 'claimId', 'cpr'];

type Raw = { formula?: string; sharedFormula?: string; result?: unknown; error?: string; richText?: unknown; text?: unknown };
const isFormula = (v: unknown): v is Raw => typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * Why a row's cell in one of the ledger's columns cannot be read, or undefined. `formula` is the
 * cell's formula (taken out of the XML, see sheetFormulas.ts), else the cell may still be
 * ExcelJS's `{formula, result}`. An error value is never data; a formula counts with its saved
 * result (what Excel shows), except in an id column, where a computed key would change under a
 * sort or a lookup.
 */
export function cellProblem(v: unknown, formula: FormulaCell | undefined, column: string, idColumn: boolean): string | undefined {
  const where = `Kolonnen ${JSON.stringify(column)}`;
  const o = (typeof v === 'object' && v !== null ? v : {}) as Raw;
  const f = formula ?? (isFormula(o) ? { formula: o.formula ?? o.sharedFormula ?? '', saved: o.result !== undefined } : undefined);
  const error = typeof o.error === 'string' ? o.error : undefined;
  if (f !== undefined) {
    const shown = f.formula === '' ? 'en delt formel' : `formlen =${f.formula}`;
    if (idColumn) return `${where} er beregnet af ${shown}: et id skal stå som værdi, ikke som formel. Kopiér kolonnen og indsæt den som værdier.`;
    if (!f.saved) return `${where} har ${shown} uden en gemt værdi (filen er ikke beregnet i Excel). Åbn og gem den i Excel, eller indsæt værdierne.`;
    if (error !== undefined) return `${where} har ${shown}, som giver Excel-fejlen ${error} i stedet for en værdi.`;
    return undefined;
  }
  if (error !== undefined) return `${where} har Excel-fejlen ${error} (en formel, der ikke kan beregnes) i stedet for en værdi.`;
  if (v instanceof Date && idColumn) return `${where} er en dato (${isoDay(v)}): et id skal være tekst eller et tal. Formatér kolonnen som tekst i Excel og skriv id'et igen.`;
  return undefined;
}

/** A row's cells as ExcelJS holds them, holes filled: `row.values` is 1-based and sparse. */
function rowCells(values: unknown): unknown[] {
  const v = values as unknown[];
  const cells: unknown[] = [];
  for (let i = 1; i < v.length; i += 1) cells.push(v[i]);
  return cells;
}

/** The ledger's columns, left to right, each with whether it holds an id. */
function ledgerColumns(columns: ColumnMap): Array<{ index: number; id: boolean }> {
  return (Object.entries(columns) as Array<[LedgerField, number]>).sort((a, b) => a[1] - b[1]).map(([field, index]) => ({ index, id: ID_FIELDS.includes(field) }));
}

/** The first problem of a row in the ledger's columns (left to right), or undefined. */
function rowProblem(
  cells: readonly unknown[],
  formulas: ReadonlyMap<number, FormulaCell> | undefined,
  columns: ReadonlyArray<{ index: number; id: boolean }>,
  header: readonly unknown[],
): string | undefined {
  for (const { index, id } of columns) {
    const problem = cellProblem(cells[index], formulas?.get(index), String(header[index] ?? ''), id);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** True when a ledger column holds a formula whose value the file does not have (the row may not be blank). */
const unsavedFormula = (formulas: ReadonlyMap<number, FormulaCell> | undefined, columns: ReadonlyArray<{ index: number }>) =>
  formulas !== undefined && columns.some((c) => formulas.get(c.index)?.saved === false);

const isBlank = (cells: readonly unknown[]) => cells.every((c) => c === '' || c === null || c === undefined);

/**
 * Reads an .xlsx ledger sheet. Every row the sheet holds goes to `onRow` (row 1 = the header,
 * or the first row the sheet holds) or, when a cell in one of the ledger's columns cannot be
 * read, to `onBadRow` with a Danish reason; rows the sheet does not hold are blank. Returns the
 * sheet's name and its last row number.
 */
export async function readXlsxLedger(path: string, onRow: RowHandler, onProgress?: ProgressHandler, onBadRow?: BadRowHandler, options: XlsxLedgerOptions = {}): Promise<XlsxRead> {
  const label = `Posteringsfilen "${path}"`;
  const broken = () => new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `${label} kan ikke læses som .xlsx: filen er beskadiget eller ikke en Excel-projektmappe.`);
  const zip = openXlsxFile(path, label, 'ledger');
  try {
    const tab = chooseSheet(await sheetTabs(zip, broken), options.sheet, path);
    const strings = zip.entries.get('xl/sharedStrings.xml');
    if (strings) zip.checkSize(strings, XLSX_LIMITS.sharedStrings, 'de delte tekster (xl/sharedStrings.xml)');
    const sheetEntry = zip.entries.get(tab.part)!;
    zip.checkSize(sheetEntry, XLSX_LIMITS.sheet, `arket "${tab.name}"`);
    options.onSheet?.(tab.name);
    const total = sheetEntry.size;
    let lastProgress = 0;
    const formulas: FormulaCells = new Map();
    const { input, watch } = partsForExcelJs(zip, tab, formulas, broken, (done) => {
      if (done - lastProgress >= 1 << 20 || done === total) {
        lastProgress = done;
        onProgress?.(done, total);
      }
    });
    // ExcelJS takes ~150 ms to load: only when an .xlsx is read.
    const ExcelJS = (await import('exceljs')).default;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    let lastRow = 0;
    let header: unknown[] | null = null;
    let columns: Array<{ index: number; id: boolean }> = [];
    try {
      for await (const sheet of untilFailed(reader, watch)) {
        for await (const r of untilFailed(sheet, watch)) {
          const row = r as { values: unknown; number: number };
          // A row without its number (r="…") follows the one before (ECMA-376 §18.3.1.73).
          const number = Number.isInteger(row.number) && row.number > 0 ? row.number : lastRow + 1;
          const raw = rowCells(row.values);
          const rowFormulas = formulas.get(row.number);
          formulas.delete(row.number);
          if (number <= lastRow) {
            onBadRow?.(number, `Række ${number} står en gang til i arket (efter række ${lastRow}); filen er ikke skrevet af Excel. Åbn og gem den i Excel, eller gem posteringerne som CSV.`);
            continue;
          }
          lastRow = number;
          const cells = raw.map(cellValue);
          if (header === null) {
            header = cells;
            columns = ledgerColumns(mapColumns(mappedHeader(cells, options.mapping ?? NO_MAPPING)).columns);
            onRow(cells, number);
            continue;
          }
          // A row that shows nothing (formulas giving "" filled down a template) is blank.
          const problem = isBlank(cells) && !unsavedFormula(rowFormulas, columns) ? undefined : rowProblem(raw, rowFormulas, columns, header);
          if (problem !== undefined) onBadRow?.(number, problem);
          else onRow(cells, number);
        }
      }
      // ExcelJS may end quietly on a zip cut short: the rows so far are not the whole sheet.
      if (watch.failure() !== undefined) throw watch.failure();
    } catch (e) {
      // Saldo's own errors (a bad header, a limit) pass; ExcelJS's and the zip's are said in Danish.
      if (e instanceof SaldoError) throw e;
      throw broken();
    } finally {
      // Stops the unpacking (and closes its file) when the rows stop early.
      input.destroy();
    }
    return { sheet: tab.name, lastRow };
  } finally {
    zip.close();
  }
}

/**
 * ExcelJS cell values: rich text, formulas and hyperlinks to their plain value; a date cell (a
 * JavaScript Date at UTC midnight) to its day, here at the edge, so core never sees a Date.
 */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateCell(Math.floor(v.getTime() / 86_400_000));
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: string; formula?: string; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o && o.result !== undefined) return cellValue(o.result);
    // A formula saved without its value, or an error value (#DIV/0!): shown as such in the row's error.
    if (typeof o.formula === 'string') return `=${o.formula}`;
    if (typeof o.error === 'string') return o.error;
    if (typeof o.text === 'string') return o.text;
  }
  return v;
}
