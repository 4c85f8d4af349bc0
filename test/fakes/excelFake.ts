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
/** Exact UTF-8 bytes of a value as JSON. */
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

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
  readonly format: { font: { bold: boolean; size: number }; fill: { color: string }; wrapText: boolean; verticalAlignment: string; columnWidth: number; autofitColumns(): void; autofitRows(): void };
  constructor(
    readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rowCount: number,
    readonly columnCount: number,
  ) {
    const each = (f: (c: FakeCell) => void) => {
      sheet.workbook.queue(FORMAT_CALL_BYTES);
      this.each((r, c) => f(this.sheet.cell(r, c)));
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
      // What the answer weighs: the values as JSON in UTF-8, as Excel sends them.
      this.sheet.workbook.readBytes.push(jsonBytes(this.grid()));
    }
    return this;
  }

  /** Range.getUsedRangeOrNullObject: the part of this range from its first used cell to its last. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange | { isNullObject: true; load(): void } {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, c] of this.sheet.cells) {
      if ((c.value === null || c.value === '') && c.formula === undefined) continue;
      const [r, col] = key.split(',').map(Number) as [number, number];
      if (r < this.top || r >= this.top + this.rowCount || col < this.left || col >= this.left + this.columnCount) continue;
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    if (top === Infinity) return { isNullObject: true, load: () => undefined };
    return new FakeRange(this.sheet, top, left, bottom - top + 1, right - left + 1);
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
    this.each((r, c, i, j) => (this.sheet.cell(r, c).numberFormat = formats[i]![j]!));
  }

  get numberFormat(): string[][] {
    this.need('numberFormat');
    return Array.from({ length: this.rowCount }, (_, i) => Array.from({ length: this.columnCount }, (_, j) => this.sheet.cell(this.top + i, this.left + j).numberFormat));
  }

  set values(values: unknown[][]) {
    this.checkShape(values, 'values');
    this.sheet.workbook.requests += 1;
    this.sheet.workbook.queue(jsonBytes(values));
    this.each((r, c, i, j) => {
      const cell = this.sheet.cell(r, c);
      const v = values[i]![j];
      delete cell.formula;
      if (typeof v === 'string' && v.startsWith("'"))
        cell.value = v.slice(1); // Excel's text prefix
      // Stricter than Excel: leading spaces, tabs and line breaks do not protect the text either
      // (so a test with "\t=1+1" proves the writer's own protection, not the fake's leniency).
      else if (typeof v === 'string' && /^\s*[=+\-@]/.test(v) && cell.numberFormat !== '@' && v.trim().length > 1) {
        cell.formula = v; // what Excel does with such text: it becomes a formula
        cell.value = null;
      } else cell.value = v;
    });
  }

  get values(): unknown[][] {
    this.need('values');
    return this.grid();
  }

  private grid(): unknown[][] {
    return Array.from({ length: this.rowCount }, (_, i) => Array.from({ length: this.columnCount }, (_, j) => this.sheet.cell(this.top + i, this.left + j).value ?? ''));
  }
}

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

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
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

  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null, numberFormat: 'General' };
      this.cells.set(key, c);
    }
    return c;
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
    const at = (r: number, c: number) => this.cells.get(`${r},${c}`)?.value ?? null;
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
    let top = Infinity;
    let left = Infinity;
    let rows = 1;
    let cols = 1;
    for (const [key, c] of this.cells) {
      if (c.value === null && c.formula === undefined) continue;
      const [r, col] = key.split(',').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, col);
      rows = Math.max(rows, r);
      cols = Math.max(cols, col);
    }
    if (top === Infinity) return new FakeRange(this, 1, 1, 1, 1);
    return new FakeRange(this, top, left, rows - top + 1, cols - left + 1);
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
    let rows = 0;
    let cols = 0;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => {
        const cell = this.cells.get(`${i + 1},${j + 1}`);
        return cell?.formula ?? cell?.value ?? null;
      }),
    );
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  tableCount = 0;
  syncs = 0;
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
    values.forEach((row, i) => row.forEach((v, j) => (sheet.cell(top + i, left + j).value = v)));
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
