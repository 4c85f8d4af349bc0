/**
 * A result sheet described once, as data: where its blocks of cells go (title lines, key/value
 * summaries, tables with typed columns), its charts, column widths, frozen header and print
 * setup. Two renderers draw a description: ExcelJS for the CLI's files (cli/xlsx/sheetRenderer)
 * and the Office JavaScript API for the add-in (addin/excel/sheetRenderer). Nothing here knows either.
 *
 * Numbers are what the cells hold: kroner and Excel date serials (1900 system). Rows and columns
 * are 1-based, as Excel counts them.
 */
import { NUMBER_FORMATS } from './planTable.js';

export type CellValue = string | number | null;

/** How a cell is shown. */
export type CellKind = 'text' | 'integer' | 'kroner' | 'date' | 'percent' | 'decimal' | 'count';

/** Excel's number format for each kind (locale-independent codes; Danish Excel shows 1.234,56 kr.). */
export const CELL_FORMATS: Readonly<Record<CellKind, string>> = {
  ...NUMBER_FORMATS,
  percent: '0.0 %',
  // Not '#,##0.##': Danish Excel shows a whole number in it with a trailing separator ("310,").
  decimal: '#,##0.00',
  /** Whole counts with a thousands separator: 12.000. */
  count: '#,##0',
};

/** A cell's place on the sheet. */
export interface Place {
  row: number;
  col: number;
}

/** A block of cells on the sheet (for charts: their data). */
export interface CellRange extends Place {
  rows: number;
  cols: number;
}

/** Status words coloured by fills (hex RGB): fixed on the cells, or as rules that colour what is typed later. */
export interface StatusFills {
  colours: Readonly<Record<string, string>>;
  rule: 'static' | 'conditional';
}

export interface Column {
  header: string;
  /** `byRow`: the kind is the row's (`rowKinds`), e.g. a follow-up goal's unit. */
  kind: CellKind | 'byRow';
  fills?: StatusFills;
}

/** A table: a bold header row, rows of values, an optional bold total row. */
export interface TableBlock {
  type: 'table';
  at: Place;
  columns: readonly Column[];
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  rowKinds?: readonly CellKind[];
  total?: readonly CellValue[];
  /** 0-based rows in bold (total rows inside the table, e.g. a month's "I alt" under the types). */
  boldRows?: readonly number[];
  /** Filter buttons on the header (an Excel table in the add-in, an autofilter in a file). */
  filter?: boolean;
  /** Wrapped text, top-aligned, rows as tall as their text. */
  wrap?: boolean;
}

/** Label/value lines, e.g. a summary; an optional bold title line above them. */
export interface PairsBlock {
  type: 'pairs';
  at: Place;
  title?: readonly [CellValue, CellValue];
  lines: ReadonlyArray<{ label: string; value: CellValue; kind: CellKind; fill?: string; bold?: boolean }>;
  boldLabels?: boolean;
}

/** Lines of cells: titles, notes, letters (text unless `kinds` says otherwise). */
export interface LinesBlock {
  type: 'lines';
  at: Place;
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Per row, the kinds of its cells (rows may share one array). */
  kinds?: ReadonlyArray<ReadonlyArray<CellKind>>;
  /** 0-based rows in bold. */
  bold?: readonly number[];
  /** 0-based rows in a larger font (points). */
  sizes?: Readonly<Record<number, number>>;
  /** 0-based rows that begin a printed page. */
  pageStarts?: readonly number[];
}

export type Block = TableBlock | PairsBlock | LinesBlock;

export interface ChartSeries {
  name: string;
  values: CellRange;
  /** Category labels (line, column) or x values (scatter). */
  categories?: CellRange;
}

/**
 * A chart of cells on its own sheet. `source` and `seriesBy` are what a person would select
 * (Excel names the series and takes the categories from a text row or column in it); `series`
 * is what that gives, plus series and x values from outside it.
 */
export interface ChartDescription {
  type: 'line' | 'stackedColumn' | 'scatterLines';
  title: string;
  source: CellRange;
  seriesBy: 'rows' | 'columns';
  series: readonly ChartSeries[];
  legend?: boolean;
  /** Top-left cell, and bottom-right where the size matters. */
  from: Place;
  to?: Place;
  /** The value axis's number format where the cells' format is no good (a file has no linked format). */
  valueFormat?: string;
  /** A line's points drawn as markers: a period alone between gaps (or the only one so far) shows. */
  markers?: boolean;
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** All columns on one page wide, as many pages down as needed. */
  fitToWidth: boolean;
}

export interface SheetDescription {
  /** The name wanted (a writer makes it unique in its workbook). */
  name: string;
  blocks: readonly Block[];
  charts?: readonly ChartDescription[];
  /** Widths in characters of the default font, by 1-based column. */
  columnWidths?: Readonly<Record<number, number>>;
  /** Rows kept in view when scrolling. */
  freezeRows?: number;
  print?: PrintSetup;
}

/** One line of a block as the renderers write it: contiguous cells from `col`. */
export interface RenderedLine {
  row: number;
  col: number;
  values: readonly CellValue[];
  formats: readonly string[];
  bold: boolean;
  /** Only the first cell in bold (a summary's label). */
  boldFirst?: boolean;
  size?: number;
  /** Static fills (hex RGB) by position in `values`. */
  fills?: ReadonlyArray<string | undefined>;
  pageBreakBefore?: boolean;
}

/** Text is always shown as text, whatever its column: Excel must never read it as a number or date. */
const formatOf = (value: CellValue, kind: CellKind): string => CELL_FORMATS[typeof value === 'string' && value !== '' ? 'text' : kind];
const TEXT = CELL_FORMATS.text;

/** How many columns a block takes. */
export function blockWidth(block: Block): number {
  switch (block.type) {
    case 'table':
      return block.columns.length;
    case 'pairs':
      return 2;
    case 'lines':
      return block.rows.reduce((w, r) => Math.max(w, r.length), 0);
  }
}

/**
 * A block's lines, top to bottom, each as wide as the block: the one reading of a description
 * both renderers share, so formats, bold rows and fills cannot differ between them.
 */
export function* blockLines(block: Block): Generator<RenderedLine> {
  const { row, col } = block.at;
  const width = blockWidth(block);
  const pad = (values: readonly CellValue[]) => (values.length >= width ? values : [...values, ...Array<CellValue>(width - values.length).fill(null)]);
  switch (block.type) {
    case 'table': {
      const kindAt = (c: number, r: number): CellKind => {
        const k = block.columns[c]!.kind;
        return k === 'byRow' ? (block.rowKinds?.[r] ?? 'text') : k;
      };
      const fillsOf = (values: readonly CellValue[]) => {
        if (!block.columns.some((c) => c.fills?.rule === 'static')) return undefined;
        return values.map((v, c) => {
          const f = block.columns[c]!.fills;
          return f?.rule === 'static' ? (f.colours[String(v)] ?? 'FFFFFF') : undefined;
        });
      };
      yield { row, col, values: block.columns.map((c) => c.header), formats: block.columns.map(() => TEXT), bold: true };
      const boldRows = new Set(block.boldRows ?? []);
      for (let r = 0; r < block.rows.length; r += 1) {
        const values = pad(block.rows[r]!);
        const fills = fillsOf(values);
        yield { row: row + 1 + r, col, values, formats: values.map((v, c) => formatOf(v, kindAt(c, r))), bold: boldRows.has(r), ...(fills ? { fills } : {}) };
      }
      if (block.total) {
        const values = pad(block.total);
        yield { row: row + 1 + block.rows.length, col, values, formats: values.map((v, c) => formatOf(v, kindAt(c, -1))), bold: true };
      }
      return;
    }
    case 'pairs': {
      let r = row;
      if (block.title) yield { row: r++, col, values: block.title, formats: [TEXT, TEXT], bold: true };
      for (const l of block.lines) {
        const line: RenderedLine = { row: r++, col, values: [l.label, l.value], formats: [TEXT, formatOf(l.value, l.kind)], bold: l.bold === true };
        yield { ...line, ...(l.fill ? { fills: [undefined, l.fill] } : {}), ...(block.boldLabels && !l.bold ? { boldFirst: true } : {}) };
      }
      return;
    }
    case 'lines': {
      const bold = new Set(block.bold ?? []);
      const starts = new Set((block.pageStarts ?? []).slice(1));
      for (let r = 0; r < block.rows.length; r += 1) {
        const values = pad(block.rows[r]!);
        const kinds = block.kinds?.[r];
        const size = block.sizes?.[r];
        yield {
          row: row + r,
          col,
          values,
          formats: values.map((v, c) => formatOf(v, kinds?.[c] ?? 'text')),
          bold: bold.has(r),
          ...(size ? { size } : {}),
          ...(starts.has(r) ? { pageBreakBefore: true } : {}),
        };
      }
      return;
    }
  }
}

/** Where each column with status fills as rules is: the rule's range and its colours. */
export function conditionalFills(block: Block): Array<{ range: CellRange; colours: Readonly<Record<string, string>> }> {
  if (block.type !== 'table') return [];
  return block.columns.flatMap((c, i) =>
    c.fills?.rule === 'conditional' ? [{ range: { row: block.at.row + 1, col: block.at.col + i, rows: Math.max(1, block.rows.length), cols: 1 }, colours: c.fills.colours }] : [],
  );
}

/** The range of a table's header and rows (without the total). */
export function tableRange(block: TableBlock): CellRange {
  return { row: block.at.row, col: block.at.col, rows: 1 + block.rows.length, cols: block.columns.length };
}

/** Is `inner` within `outer`? */
export function within(inner: CellRange, outer: CellRange): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

/** A column's cells from `row`, `rows` long. */
export const columnRange = (col: number, row: number, rows: number): CellRange => ({ row, col, rows, cols: 1 });
/** A row's cells from `col`, `cols` wide. */
export const rowRange = (row: number, col: number, cols: number): CellRange => ({ row, col, rows: 1, cols });
