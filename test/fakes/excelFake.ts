/**
 * A small in-memory Excel for tests: the subset of the Excel JavaScript API that Saldo's adapters
 * use, with Excel's behaviour where it matters for safety — a string starting with "=" written to
 * a cell not formatted as text becomes a formula (unless it starts with Excel's text prefix "'";
 * stricter than Excel, also after leading white space),
 * and sheet names are unique without regard to case. Reading `values` needs `load` first, as in
 * Office.js. Used by the adapter tests (Node) and, bundled, by the browser e2e tests.
 */

/** A formatting call's weight in a request (a guess; what matters is that it counts). */
const FORMAT_CALL_BYTES = 200;

const encoder = new TextEncoder();
/** Exact UTF-8 bytes of a value as JSON, by building the JSON: the reference for `jsonBytes`. */
export const jsonBytesOfText = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** Signals a value `jsonBytes` does not count itself (an object other than an array). */
const NOT_COUNTED = -1;

/** UTF-8 bytes of a string in JSON (JSON.stringify's escapes), quotes included. */
function stringJsonBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // " and \ and \b \t \n \f \r get a backslash; other control characters are \u00XX.
      bytes += c === 0x22 || c === 0x5c ? 2 : c >= 0x20 ? 1 : c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    } else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      // A surrogate pair is one character of four bytes; a lone surrogate is escaped as \uXXXX.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 6;
    } else if (c >= 0xdc00 && c <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of a number in JSON: its shortest round-trip digits, `null` when not finite. */
function numberJsonBytes(n: number): number {
  if (!Number.isFinite(n)) return 4;
  if (!Number.isSafeInteger(n)) return String(n).length;
  let digits = n < 0 ? 2 : 1; // -0 is written 0
  for (let a = Math.abs(n); a >= 10; a = Math.floor(a / 10)) digits += 1;
  return digits;
}

/** Bytes of an array's element in JSON (undefined, functions and symbols are `null` there), or NOT_COUNTED. */
function elementJsonBytes(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return stringJsonBytes(v);
    case 'number':
      return numberJsonBytes(v);
    case 'boolean':
      return v ? 4 : 5;
    case 'undefined':
    case 'function':
    case 'symbol':
      return 4;
    case 'object':
      if (v === null) return 4;
      if (!Array.isArray(v)) return NOT_COUNTED;
      return arrayJsonBytes(v);
    default:
      return NOT_COUNTED; // bigint: JSON.stringify throws
  }
}

function arrayJsonBytes(a: readonly unknown[]): number {
  let bytes = a.length > 0 ? a.length + 1 : 2; // brackets and commas
  for (let i = 0; i < a.length; i += 1) {
    const b = elementJsonBytes(a[i]);
    if (b === NOT_COUNTED) return NOT_COUNTED;
    bytes += b;
  }
  return bytes;
}

/**
 * Exact UTF-8 bytes of a value as JSON. Grids of strings, numbers, booleans and nulls are counted
 * without building their text (a 5 MB request's JSON and its encoding cost the page's thread tens
 * of milliseconds, which Excel spends in its own process); anything else is stringified.
 */
export function jsonBytes(value: unknown): number {
  const bytes = typeof value === 'object' && value !== null && !Array.isArray(value) ? NOT_COUNTED : elementJsonBytes(value);
  return bytes === NOT_COUNTED || value === undefined || typeof value === 'function' || typeof value === 'symbol' ? jsonBytesOfText(value) : bytes;
}

export interface FakeCell {
  value: unknown;
  formula?: string;
  numberFormat: string;
  fill?: string;
  bold?: boolean;
  /** Font size in points, where one was set. */
  size?: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** A cell, or a whole column ("C": row undefined) or a whole row ("5": col undefined). */
function parseCell(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new Error(`fake Excel: bad cell reference ${ref}`);
  const col = m[1] === '' ? undefined : [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { ...(m[2] === '' ? {} : { row: Number(m[2]) }), ...(col === undefined ? {} : { col }) };
}

export function parseAddress(address: string): { sheet?: string; top: number; left: number; rows: number; cols: number } {
  const bang = address.lastIndexOf('!');
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
  const [a, b = a] = address.slice(bang + 1).split(':') as [string, string?];
  const p = parseCell(a);
  const q = parseCell(b);
  // "A:C" is the whole of columns A to C; "2:5" the whole of rows 2 to 5.
  const [r1, r2] = p.row === undefined || q.row === undefined ? [1, EXCEL_ROWS] : [p.row, q.row];
  const [c1, c2] = p.col === undefined || q.col === undefined ? [1, EXCEL_COLUMNS] : [p.col, q.col];
  return { ...(sheet ? { sheet } : {}), top: Math.min(r1, r2), left: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export interface FakeConditionalFormat {
  address: string;
  type: string;
  fill: string;
  rule: { formula1: string; operator: string } | null;
}

export class FakeRange {
  private loaded = new Set<string>();
  /** The values built by `load('values')`, handed to the first read of `values` if none changed since. */
  private loadedGrid?: { grid: unknown[][]; edits: number };
  readonly format: { font: { bold: boolean; size: number }; fill: { color: string }; wrapText: boolean; verticalAlignment: string; columnWidth: number; autofitColumns(): void; autofitRows(): void };
  constructor(
    readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rowCount: number,
    readonly columnCount: number,
  ) {
    const each = (f: (c: CellLook) => void) => {
      sheet.workbook.queue(FORMAT_CALL_BYTES);
      this.each((r, c) => f(this.sheet.look(r, c)));
    };
    this.format = {
      font: {
        set bold(v: boolean) {
          each((c) => (c.bold = v));
        },
        get bold() {
          return false;
        },
        set size(v: number) {
          each((c) => (c.size = v));
        },
        get size() {
          return 11;
        },
      },
      fill: {
        set color(v: string) {
          each((c) => (c.fill = v));
        },
        get color() {
          return '';
        },
      },
      wrapText: false,
      verticalAlignment: 'Bottom',
      set columnWidth(points: number) {
        sheet.workbook.queue(FORMAT_CALL_BYTES);
        for (let j = 0; j < columnCount; j += 1) sheet.columnWidths[left + j] = points;
      },
      get columnWidth() {
        return sheet.columnWidths[left] ?? 48;
      },
      autofitColumns: () => undefined,
      autofitRows: () => undefined,
    };
  }

  /** Range.conditionalFormats: cell-value rules, recorded on the sheet. */
  get conditionalFormats() {
    return {
      add: (type: string) => {
        const cf: FakeConditionalFormat = { address: rangeText(this), type, fill: '', rule: null };
        this.sheet.conditionalList.push(cf);
        return {
          cellValue: {
            format: {
              fill: {
                set color(v: string) {
                  cf.fill = v;
                },
                get color() {
                  return cf.fill;
                },
              },
            },
            set rule(r: { formula1: string; operator: string }) {
              cf.rule = r;
            },
            get rule() {
              return cf.rule!;
            },
          },
        };
      },
    };
  }

  get address(): string {
    this.need('address');
    return `${this.sheet.name}!${colLetter(this.left)}${this.top}:${colLetter(this.left + this.columnCount - 1)}${this.top + this.rowCount - 1}`;
  }

  readonly isNullObject = false;

  load(props: string | string[]): this {
    const wanted = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim());
    for (const p of wanted) this.loaded.add(p);
    if (wanted.includes('values')) {
      this.sheet.workbook.readSizes.push(this.rowCount * this.columnCount);
      // What the answer weighs: the values as JSON in UTF-8, as Excel sends them. The grid is
      // kept for the first read of `values` (built once, not twice), while no value has changed.
      const grid = this.grid();
      this.sheet.workbook.readBytes.push(jsonBytes(grid));
      this.loadedGrid = { grid, edits: this.sheet.workbook.edits };
    }
    return this;
  }

  /** Range.getUsedRangeOrNullObject: the part of this range from its first used cell to its last. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange | { isNullObject: true; load(): void } {
    // A cell is used when it holds a value other than "" or a formula.
    const used = this.sheet.usedBounds(this, (v) => v !== null && v !== '');
    if (!used) return { isNullObject: true, load: () => undefined };
    return new FakeRange(this.sheet, used.top, used.left, used.bottom - used.top + 1, used.right - used.left + 1);
  }

  /** The sheet this range is on (Range.worksheet). */
  get worksheet(): FakeSheet {
    return this.sheet;
  }

  get rowIndex(): number {
    return this.top - 1;
  }

  get columnIndex(): number {
    return this.left - 1;
  }

  private need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was read without load()`);
  }

  private each(f: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rowCount; i += 1) for (let j = 0; j < this.columnCount; j += 1) f(this.top + i, this.left + j, i, j);
  }

  private checkShape(v: unknown[][], what: string): void {
    if (v.length !== this.rowCount || v.some((row) => row.length !== this.columnCount)) {
      throw new Error(`InvalidArgument: ${what} is ${v.length}×${v[0]?.length ?? 0}, range is ${this.rowCount}×${this.columnCount}`);
    }
  }

  set numberFormat(formats: string[][]) {
    this.checkShape(formats, 'numberFormat');
    this.sheet.workbook.queue(jsonBytes(formats));
    for (let j = 0; j < this.columnCount; j += 1) this.sheet.setFormats(this.left + j, this.top, this.rowCount, (i) => formats[i]![j]!);
  }

  get numberFormat(): string[][] {
    this.need('numberFormat');
    const { sheet, top, left } = this;
    return Array.from({ length: this.rowCount }, (_, i) =>
      Array.from({ length: this.columnCount }, (_, j) => {
        sheet.touch(top + i, left + j);
        return sheet.formatAt(top + i, left + j);
      }),
    );
  }

  set values(values: unknown[][]) {
    this.checkShape(values, 'values');
    const { sheet, top, rowCount } = this;
    sheet.workbook.requests += 1;
    sheet.workbook.queue(jsonBytes(values));
    sheet.workbook.edits += 1;
    for (let j = 0; j < this.columnCount; j += 1) {
      const c = this.left + j;
      const column = sheet.valueColumn(c);
      for (let i = 0; i < rowCount; i += 1) {
        const r = top + i;
        const v = values[i]![j];
        sheet.clearFormula(r, c);
        if (typeof v === 'string' && v.length > 0) {
          const first = v.charCodeAt(0);
          if (first === 0x27) {
            column.set(r, v.slice(1)); // Excel's text prefix "'"
            continue;
          }
          // Stricter than Excel: leading spaces, tabs and line breaks do not protect the text either
          // (so a test with "\t=1+1" proves the writer's own protection, not the fake's leniency).
          if (startsLikeFormula(v, first) && sheet.formatAt(r, c) !== '@' && v.trim().length > 1) {
            sheet.look(r, c).formula = v; // what Excel does with such text: it becomes a formula
            column.set(r, null);
            continue;
          }
        }
        column.set(r, v === undefined ? UNDEFINED_VALUE : v);
      }
    }
  }

  get values(): unknown[][] {
    this.need('values');
    const loaded = this.loadedGrid;
    this.loadedGrid = undefined;
    return loaded && loaded.edits === this.sheet.workbook.edits ? loaded.grid : this.grid();
  }

  /** The values of the range, row by row ("" for an empty cell); reading makes its cells, as before. */
  private grid(): unknown[][] {
    const { sheet, top, rowCount, columnCount } = this;
    const columns = Array.from({ length: columnCount }, (_, j) => sheet.valueColumn(this.left + j));
    const grid = new Array<unknown[]>(rowCount);
    for (let i = 0; i < rowCount; i += 1) {
      const r = top + i;
      const row = new Array<unknown>(columnCount);
      for (let j = 0; j < columnCount; j += 1) {
        const v = columns[j]!.get(r);
        if (v === undefined) columns[j]!.set(r, null);
        row[j] = v === undefined || v === null || v === UNDEFINED_VALUE ? '' : v;
      }
      grid[i] = row;
    }
    return grid;
  }
}

/** Text Excel takes for a formula: "=", "+", "-" or "@" first, after any white space. */
const FORMULA_START = /^\s*[=+\-@]/;

/** FORMULA_START, with its answer known from the first character for most text. */
const startsLikeFormula = (text: string, first: number): boolean =>
  first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || ((first <= 0x20 || first >= 0xa0) && FORMULA_START.test(text));

export interface FakeSeries {
  /** The name the add-in set ('' when it set none: Excel then shows `label`). */
  name: string;
  /** The series' name as Excel takes it from the source's label cell. */
  label?: string;
  values?: string;
  xValues?: string;
  /** Categories Excel takes from the source's label row or column. */
  categories?: string;
  setValues(r: FakeRange): void;
  setXAxisValues(r: FakeRange): void;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text: string };
  legend: { visible: boolean };
  xAxis?: string;
  position?: string;
  seriesList: FakeSeries[];
  series: { getItemAt(i: number): FakeSeries; add(name: string): FakeSeries };
  setPosition(start: string, end?: string): void;
}

const rangeText = (r: FakeRange) => `${colLetter(r.left)}${r.top}:${colLetter(r.left + r.columnCount - 1)}${r.top + r.rowCount - 1}`;

function makeSeries(name: string, values?: string, inferred: { label?: string; categories?: string } = {}): FakeSeries {
  const s: FakeSeries = {
    name,
    ...(values ? { values } : {}),
    ...inferred,
    setValues: (r) => void (s.values = rangeText(r)),
    setXAxisValues: (r) => void (s.xValues = rangeText(r)),
  };
  return s;
}

/** A cell's formula and the formatting set on it other than its number format. */
type CellLook = Pick<FakeCell, 'formula' | 'fill' | 'bold' | 'size'>;

/** The value of a cell set to `undefined`, told apart from a slot with no cell. */
const UNDEFINED_VALUE = Symbol('undefined');

/** Rows `from` to `to` of a column with one number format. */
interface FormatRun {
  from: number;
  to: number;
  format: string;
}

/** The index of the last run that starts at or before `row` (-1: none). */
function lastRunFrom(runs: readonly FormatRun[], row: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.from <= row) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Rows of a column's block of values (a power of two). */
const BLOCK_ROWS = 1024;

/**
 * A column's values by row, in blocks of BLOCK_ROWS rows made as they are first written: a write
 * of many rows fills new arrays, not one long-lived array grown a row at a time (each such store
 * costs the page's thread a write barrier, and growing copies it), and a cell far down a column
 * does not make the rows above it.
 */
class Column {
  private readonly blocks: Array<unknown[] | undefined> = [];
  /** The last row with a cell (0: none); cells are never removed. */
  last = 0;

  /** The row's value; `undefined`: no cell. */
  get(row: number): unknown {
    return this.blocks[Math.floor(row / BLOCK_ROWS)]?.[row % BLOCK_ROWS];
  }

  set(row: number, value: unknown): void {
    const b = Math.floor(row / BLOCK_ROWS);
    let block = this.blocks[b];
    if (!block) {
      block = new Array<unknown>(BLOCK_ROWS);
      this.blocks[b] = block;
    }
    block[row % BLOCK_ROWS] = value;
    if (row > this.last) this.last = row;
  }
}

/** A cell's key among the sheet's looks. */
const cellKey = (row: number, col: number) => row * (EXCEL_COLUMNS + 1) + col;

/**
 * A sheet's cells are kept by column: its values by row, in blocks (see Column; a slot
 * without a cell is empty), number formats as runs of rows, and formulas and other formatting in a
 * map of the few cells that have them. A 200.000-row ledger is then a few arrays, not a million
 * objects with a string key each: reading or writing a block is array access, and the page's
 * garbage collector has little to walk (in Excel the cells are not in the add-in's memory at all).
 */
export class FakeSheet {
  /** Values by column, then row (1-based); `undefined`: no cell. */
  private readonly valueColumns: Array<Column | undefined> = [];
  /** Number formats by column: runs of rows with one format, in order (a cell in none: "General"). */
  private readonly formatRuns: Array<FormatRun[] | undefined> = [];
  private readonly looks = new Map<number, CellLook>();
  private formulas = 0;
  readonly tableList: Array<{ name: string; style: string; address: string; hasHeaders: boolean }> = [];
  readonly chartList: FakeChart[] = [];
  activated = false;
  readonly pageBreaks: string[] = [];
  readonly horizontalPageBreaks = {
    add: (at: string) => {
      this.workbook.queue(FORMAT_CALL_BYTES);
      this.pageBreaks.push(at);
    },
  };
  readonly pageLayout: { orientation: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } } = { orientation: 'Portrait' };
  readonly conditionalList: FakeConditionalFormat[] = [];
  /** Column widths in points by 1-based column. */
  readonly columnWidths: Record<number, number> = {};
  frozenRows = 0;
  readonly freezePanes = {
    freezeRows: (n: number) => {
      this.workbook.queue(FORMAT_CALL_BYTES);
      this.frozenRows = n;
    },
  };

  constructor(
    readonly workbook: FakeWorkbook,
    public name: string,
  ) {}

  /** A column's values (made when first needed). */
  valueColumn(col: number): Column {
    let column = this.valueColumns[col];
    if (!column) {
      column = new Column();
      this.valueColumns[col] = column;
    }
    return column;
  }

  /** Makes the cell, empty, unless it exists: a cell once made stays (and counts in `grid()`). */
  touch(row: number, col: number): void {
    const column = this.valueColumn(col);
    if (column.get(row) === undefined) column.set(row, null);
  }

  /** The value of a cell that exists. */
  private valueAt(row: number, col: number): unknown {
    const v = this.valueColumns[col]?.get(row);
    return v === UNDEFINED_VALUE ? undefined : (v ?? null);
  }

  /** The run of a column's number formats that holds a row, if any. */
  private formatRun(row: number, col: number): FormatRun | undefined {
    const runs = this.formatRuns[col];
    if (!runs) return undefined;
    const i = lastRunFrom(runs, row);
    return i >= 0 && runs[i]!.to >= row ? runs[i] : undefined;
  }

  formatAt(row: number, col: number): string {
    return this.formatRun(row, col)?.format ?? 'General';
  }

  /** Whether a cell exists: it has a value slot, or a number format was set on it. */
  private exists(row: number, col: number): boolean {
    return this.valueColumns[col]?.get(row) !== undefined || this.formatRun(row, col) !== undefined;
  }

  /**
   * Sets the number formats of `count` rows of a column from `top` (the cells are made): as runs
   * of equal formats, so a column of 25.000 amounts is one run, not 25.000 stores.
   */
  setFormats(col: number, top: number, count: number, formatOf: (i: number) => string): void {
    const fresh: FormatRun[] = [];
    let run: FormatRun | undefined;
    for (let i = 0; i < count; i += 1) {
      const format = formatOf(i);
      if (run && run.format === format) run.to = top + i;
      else fresh.push((run = { from: top + i, to: top + i, format }));
    }
    const runs = this.formatRuns[col] ?? [];
    const bottom = top + count - 1;
    // The runs that overlap [top, bottom] are cut to what lies outside it.
    let first = lastRunFrom(runs, top);
    if (first < 0 || runs[first]!.to < top) first += 1;
    let last = lastRunFrom(runs, bottom);
    const head = first < runs.length && runs[first]!.from < top ? [{ ...runs[first]!, to: top - 1 }] : [];
    const tail = last >= first && runs[last]!.to > bottom ? [{ ...runs[last]!, from: bottom + 1 }] : [];
    if (last < first) last = first - 1;
    this.formatRuns[col] = [...runs.slice(0, first), ...head, ...fresh, ...tail, ...runs.slice(last + 1)];
  }

  /** Sets a cell's number format (the cell is made). */
  setFormat(row: number, col: number, format: string): void {
    this.setFormats(col, row, 1, () => format);
  }

  /** A cell's formula and formatting, for setting them (the cell is made). */
  look(row: number, col: number): CellLook {
    this.touch(row, col);
    const key = cellKey(row, col);
    let look = this.looks.get(key);
    if (!look) {
      let formula: string | undefined;
      // The sheet counts its formulas, so that a write to a sheet without any need not look for them.
      const count = (f: string | undefined) => (this.formulas += (f === undefined ? 0 : 1) - (formula === undefined ? 0 : 1));
      look = {
        get formula() {
          return formula;
        },
        set formula(f: string | undefined) {
          count(f);
          formula = f;
        },
      };
      this.looks.set(key, look);
    }
    return look;
  }

  clearFormula(row: number, col: number): void {
    if (this.formulas > 0) {
      const look = this.looks.get(cellKey(row, col));
      if (look && look.formula !== undefined) look.formula = undefined;
    }
  }

  /** Sets a cell's value, as typed: the cell is made; its formula and format stay. */
  setValue(row: number, col: number, value: unknown): void {
    this.workbook.edits += 1;
    this.valueColumn(col).set(row, value === undefined ? UNDEFINED_VALUE : value);
  }

  /**
   * A cell, made if it does not exist: its value, formula and formatting, read from and written
   * to the sheet (each call a new view of the same cell).
   */
  cell(row: number, col: number): FakeCell {
    this.touch(row, col);
    const value = () => this.valueAt(row, col);
    const setValue = (v: unknown) => this.setValue(row, col, v);
    const numberFormat = () => this.formatAt(row, col);
    const setNumberFormat = (f: string) => this.setFormat(row, col, f);
    const look = () => this.looks.get(cellKey(row, col));
    const setLook = () => this.look(row, col);
    return {
      get value() {
        return value();
      },
      set value(v: unknown) {
        setValue(v);
      },
      get formula() {
        return look()?.formula;
      },
      set formula(f: string | undefined) {
        if (f !== undefined || look()) setLook().formula = f;
      },
      get numberFormat() {
        return numberFormat();
      },
      set numberFormat(f: string) {
        setNumberFormat(f);
      },
      get fill() {
        return look()?.fill;
      },
      set fill(v: string | undefined) {
        setLook().fill = v;
      },
      get bold() {
        return look()?.bold;
      },
      set bold(v: boolean | undefined) {
        setLook().bold = v;
      },
      get size() {
        return look()?.size;
      },
      set size(v: number | undefined) {
        setLook().size = v;
      },
    };
  }

  /** Every cell, as `cell(row, col)` under the key "row,col", row by row (built on each call: for tests). */
  get cells(): ReadonlyMap<string, FakeCell> {
    const cells = new Map<string, FakeCell>();
    const rows = this.lastRow();
    const columns = this.lastColumn();
    for (let r = 1; r <= rows; r += 1) {
      for (let c = 1; c <= columns; c += 1) if (this.exists(r, c)) cells.set(`${r},${c}`, this.cell(r, c));
    }
    return cells;
  }

  /** The last row with a cell (0: none). */
  private lastRow(): number {
    const lastValue = this.valueColumns.reduce((last, column) => Math.max(last, column?.last ?? 0), 0);
    return this.formatRuns.reduce((last, runs) => Math.max(last, runs?.[runs.length - 1]?.to ?? 0), lastValue);
  }

  /** The last column with a cell (0: none). */
  private lastColumn(): number {
    for (let c = Math.max(this.valueColumns.length, this.formatRuns.length) - 1; c > 0; c -= 1) {
      if ((this.valueColumns[c]?.last ?? 0) > 0 || (this.formatRuns[c]?.length ?? 0) > 0) return c;
    }
    return 0;
  }

  /**
   * The smallest block within `within` that holds every used cell: one whose value passes
   * `hasValue` (the value of a cell set to undefined included), or that has a formula.
   */
  usedBounds(
    within: { top: number; left: number; rowCount: number; columnCount: number },
    hasValue: (v: unknown) => boolean,
  ): { top: number; left: number; bottom: number; right: number } | undefined {
    const bottomEdge = within.top + within.rowCount - 1;
    const rightEdge = Math.min(within.left + within.columnCount - 1, this.valueColumns.length - 1);
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (let c = within.left; c <= rightEdge; c += 1) {
      const column = this.valueColumns[c];
      if (!column) continue;
      const last = Math.min(bottomEdge, column.last);
      const used = (r: number) => {
        const v = column.get(r);
        return v !== undefined && hasValue(v);
      };
      let first = within.top;
      while (first <= last && !used(first)) first += 1;
      if (first > last) continue;
      let end = last;
      while (!used(end)) end -= 1;
      top = Math.min(top, first);
      bottom = Math.max(bottom, end);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    if (this.formulas > 0) {
      for (const [key, look] of this.looks) {
        if (look.formula === undefined) continue;
        const r = Math.floor(key / (EXCEL_COLUMNS + 1));
        const c = key - r * (EXCEL_COLUMNS + 1);
        if (r < within.top || r > bottomEdge || c < within.left || c >= within.left + within.columnCount) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return top === Infinity ? undefined : { top, left, bottom, right };
  }

  getRange(address: string): FakeRange {
    const a = parseAddress(address);
    return new FakeRange(this, a.top, a.left, a.rows, a.cols);
  }

  readonly tables = {
    add: (address: string, hasHeaders: boolean) => {
      this.workbook.queue(FORMAT_CALL_BYTES);
      const t = { name: `Table${this.workbook.tableCount + 1}`, style: 'TableStyleMedium2', address, hasHeaders };
      this.workbook.tableCount += 1;
      this.tableList.push(t);
      return t;
    },
  };

  readonly charts = {
    add: (type: string, source: FakeRange, seriesBy: string): FakeChart => {
      this.workbook.queue(FORMAT_CALL_BYTES);
      const seriesList = this.inferSeries(source, seriesBy);
      const chart: FakeChart = {
        type,
        source: rangeText(source),
        seriesBy,
        title: { text: '' },
        legend: { visible: true },
        seriesList,
        series: {
          getItemAt: (i: number) => {
            const s = seriesList[i]!;
            const setX = s.setXAxisValues;
            // the first series' categories are the chart's x axis
            s.setXAxisValues = (r) => {
              setX(r);
              if (i === 0) chart.xAxis = rangeText(r);
            };
            return s;
          },
          add: (name: string) => {
            const s = makeSeries(name);
            seriesList.push(s);
            return s;
          },
        },
        setPosition: (start: string, end?: string) => void (chart.position = end ? `${start}:${end}` : start),
      };
      this.chartList.push(chart);
      return chart;
    },
  };

  /**
   * The series Excel makes of a source range, by its rule for labels: with the top-left cell
   * empty, the first row and column are labels; otherwise the first row is when all its cells
   * are text, and the first column likewise. Each data row (or column) is a series, named by its
   * label cell, its categories the label row (or column).
   */
  private inferSeries(source: FakeRange, seriesBy: string): FakeSeries[] {
    const at = (r: number, c: number) => (this.valueColumns[c]?.get(r) === undefined ? null : (this.valueAt(r, c) ?? null));
    const { top, left, rowCount: rows, columnCount: cols } = source;
    const blank = (v: unknown) => v === null || v === '';
    const text = (v: unknown) => typeof v === 'string';
    const cornerBlank = blank(at(top, left));
    const rowLabels = rows > 1 && (cornerBlank || Array.from({ length: cols - (cols > 1 ? 1 : 0) }, (_, j) => at(top, left + (cols > 1 ? 1 : 0) + j)).every(text));
    const colLabels = cols > 1 && (cornerBlank || Array.from({ length: rows - (rows > 1 ? 1 : 0) }, (_, i) => at(top + (rows > 1 ? 1 : 0) + i, left)).every(text));
    const r0 = top + (rowLabels ? 1 : 0);
    const c0 = left + (colLabels ? 1 : 0);
    const range = (r: number, c: number, h: number, w: number) => `${colLetter(c)}${r}:${colLetter(c + w - 1)}${r + h - 1}`;
    const byRows = seriesBy === 'Rows';
    const count = byRows ? top + rows - r0 : left + cols - c0;
    return Array.from({ length: count }, (_, k) => {
      const values = byRows ? range(r0 + k, c0, 1, left + cols - c0) : range(r0, c0 + k, top + rows - r0, 1);
      const labelCell = byRows ? (colLabels ? at(r0 + k, left) : null) : rowLabels ? at(top, c0 + k) : null;
      const categories = byRows ? (rowLabels ? range(top, c0, 1, left + cols - c0) : undefined) : colLabels ? range(r0, left, top + rows - r0, 1) : undefined;
      return makeSeries('', values, { ...(labelCell !== null ? { label: String(labelCell) } : {}), ...(categories ? { categories } : {}) });
    });
  }

  /** Worksheet.getUsedRangeOrNullObject: the used range, or a null object for a sheet with no values. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange | { isNullObject: true; load(): void } {
    return new FakeRange(this, 1, 1, EXCEL_ROWS, EXCEL_COLUMNS).getUsedRangeOrNullObject(valuesOnly);
  }

  /** From the first used cell to the last, as Excel's (not always from A1). */
  getUsedRange(): FakeRange {
    // Here a cell of "" is used (unlike in getUsedRangeOrNullObject), as it was.
    const used = this.usedBounds({ top: 1, left: 1, rowCount: EXCEL_ROWS, columnCount: EXCEL_COLUMNS }, (v) => v !== null);
    if (!used) return new FakeRange(this, 1, 1, 1, 1);
    return new FakeRange(this, used.top, used.left, used.bottom - used.top + 1, used.right - used.left + 1);
  }

  activate(): void {
    for (const s of this.workbook.sheets) s.activated = false;
    this.activated = true;
  }

  /** Worksheet.delete(): the sheet and its cells are gone. */
  delete(): void {
    const i = this.workbook.sheets.indexOf(this);
    if (i >= 0) this.workbook.sheets.splice(i, 1);
  }

  load(): this {
    return this;
  }

  /** The sheet's used cells as a dense grid from A1 (for assertions). */
  grid(): unknown[][] {
    return Array.from({ length: this.lastRow() }, (_, i) =>
      Array.from({ length: this.lastColumn() }, (_, j) => {
        if (this.valueColumns[j + 1]?.get(i + 1) === undefined) return null;
        return this.looks.get(cellKey(i + 1, j + 1))?.formula ?? this.valueAt(i + 1, j + 1) ?? null;
      }),
    );
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  tableCount = 0;
  syncs = 0;
  /** Changes of cells' values so far: a range's loaded values are rebuilt when there were some since. */
  edits = 0;
  /** How long a sync takes with `fakeExcel(…, { roundTrip: true })`: a slow Excel, for a test that stops a read. */
  roundTripMs = 0;
  requests = 0;
  /** Cells read per request (Excel's limit is 5 MB a request). */
  readonly readSizes: number[] = [];
  /** Bytes of each read's answer (the values as JSON, UTF-8). */
  readonly readBytes: number[] = [];
  calculationSuspended = 0;
  /**
   * Each sync's request: the bytes of the changes queued since the last sync, whether it changed
   * anything, and whether API calculation was suspended for it (a sync ends a suspension).
   */
  readonly batches: Array<{ bytes: number; wrote: boolean; suspended: boolean }> = [];
  private pending = { bytes: 0, wrote: false, suspended: false };

  /** A change queued in the current batch. */
  queue(bytes: number): void {
    this.pending.bytes += bytes;
    this.pending.wrote = true;
  }

  /** context.sync(): the queued batch is sent. */
  sync(): void {
    this.syncs += 1;
    this.batches.push(this.pending);
    this.pending = { bytes: 0, wrote: false, suspended: false };
  }
  /** Address of the user's selection, e.g. "Ark1!A1:D4". */
  selection = 'Ark1!A1';

  constructor(sheetNames: string[] = ['Ark1']) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(this, n));
    this.sheets[0]!.activated = true;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  readonly worksheets = {
    items: [] as FakeSheet[],
    load: (_props?: string) => {
      this.worksheets.items = [...this.sheets];
      return this.worksheets;
    },
    add: (name: string) => {
      this.queue(FORMAT_CALL_BYTES);
      if (this.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name} exists`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: bad sheet name ${name}`);
      const s = new FakeSheet(this, name);
      this.sheets.push(s);
      return s;
    },
    getItem: (name: string) => {
      const s = this.sheet(name);
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return s;
    },
  };

  readonly tables = {
    items: [] as Array<{ name: string }>,
    load: (_props?: string) => {
      this.tables.items = this.sheets.flatMap((s) => s.tableList.map((t) => ({ name: t.name })));
      return this.tables;
    },
    getItem: (name: string) => {
      const sheet = this.sheets.find((s) => s.tableList.some((t) => t.name === name));
      const table = sheet?.tableList.find((t) => t.name === name);
      if (!sheet || !table) throw new Error(`ItemNotFound: table ${name}`);
      return { name, getRange: () => sheet.getRange(table.address) };
    },
  };

  /** Defined names (none unless a test adds some). */
  readonly names = {
    items: [] as Array<{ name: string }>,
    load: (_props?: string) => this.names,
  };

  /** Full recalculations asked for (Application.calculate). */
  calculations: string[] = [];

  readonly application = {
    suspendApiCalculationUntilNextSync: () => {
      this.calculationSuspended += 1;
      this.pending.suspended = true;
    },
    calculate: (type: string) => void this.calculations.push(type),
  };

  getSelectedRange(): FakeRange {
    const a = parseAddress(this.selection);
    const sheet = (a.sheet && this.sheet(a.sheet)) || this.sheets.find((s) => s.activated) || this.sheets[0]!;
    return new FakeRange(sheet, a.top, a.left, a.rows, a.cols);
  }

  /** Fills a block of cells (as a user would type them). */
  put(sheetName: string, topLeft: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName)!;
    const { top, left } = parseAddress(topLeft);
    values.forEach((row, i) => row.forEach((v, j) => sheet.setValue(top + i, left + j, v)));
  }
}

/** An `Excel` global backed by a fake workbook. */
/**
 * `roundTrip`: a sync answers in a later task, as Excel's does (the request leaves the add-in's
 * thread, which is free meanwhile), after the workbook's `roundTripMs`; by default at once, which
 * is quicker for unit tests.
 */
export function fakeExcel(workbook: FakeWorkbook, { roundTrip = false }: { roundTrip?: boolean } = {}) {
  const context = {
    workbook,
    sync: async () => {
      workbook.sync();
      if (roundTrip) await new Promise((resolve) => setTimeout(resolve, workbook.roundTripMs));
    },
  };
  return {
    run: async <T>(callback: (ctx: typeof context) => Promise<T>): Promise<T> => callback(context),
    ChartType: { line: 'Line', lineMarkers: 'LineMarkers', xyscatterLines: 'XYScatterLines', columnStacked: 'ColumnStacked' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    ConditionalFormatType: { cellValue: 'CellValue' },
    ChartSeriesBy: { columns: 'Columns', rows: 'Rows', auto: 'Auto' },
    CalculationType: { full: 'Full', recalculate: 'Recalculate', fullRebuild: 'FullRebuild' },
  };
}
