/**
 * The sheets made from a ledger — statements per claim, the rows that could not be read, the
 * letters, and the analyses — described once for both renderers (core/report/sheet.ts). They take
 * the statement and the analysis in øre; amounts become kroner as their cells are made.
 */
import type { Analysis } from '../ledger/analyse.js';
import { POSTING_KINDS } from '../ledger/posting.js';
import type { Statement } from '../ledger/statement.js';
import { danishDate } from '../calendar/date.js';
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { toKroner } from '../money/ore.js';
import {
  agingTable,
  analysisSummaryLines,
  caseworkerRows,
  creditsTable,
  developmentTable,
  KIND_LABELS,
  letterRows,
  movementsTable,
  STATEMENT_COLUMNS,
  statementClaimRows,
  type LetterLines,
  type LetterOptions,
} from './ledgerTables.js';
import { columnRange, rowRange, type CellValue, type ChartDescription, type Place, type SheetDescription, type TableBlock } from './sheet.js';

const A1: Place = { row: 1, col: 1 };

/** The year's totals (the CLI's first sheet): debtors, claims, primo, movements by kind, ultimo, and the reconciliation to the postings. */
export function statementSummarySheet(name: string, s: Statement): SheetDescription {
  const t = s.totals;
  return {
    name,
    blocks: [
      {
        type: 'pairs',
        at: A1,
        title: ['Saldoopgørelse', String(s.year)],
        lines: [
          { label: 'Debitorer', value: t.debtors, kind: 'integer' },
          { label: 'Fordringer', value: t.claims, kind: 'integer' },
          { label: 'Åbne fordringer 31. december', value: t.openClaims, kind: 'integer' },
          { label: 'Primo (1. januar)', value: toKroner(t.opening), kind: 'kroner' },
          ...POSTING_KINDS.filter((k) => t.movements[k] !== undefined).map((k) => ({ label: KIND_LABELS[k], value: toKroner(t.movements[k]!), kind: 'kroner' as const })),
          { label: 'Ultimo (31. december)', value: toKroner(t.closing), kind: 'kroner' },
          { label: 'Posteringer i opgørelsen', value: t.rows, kind: 'integer' },
          { label: 'Posteringernes sum (afstemt mod ultimo)', value: toKroner(t.rowsSum), kind: 'kroner' },
          { label: 'Posteringer efter årets udgang (udeladt)', value: t.rowsAfterYear, kind: 'integer' },
          { label: 'Fejlbehæftede rækker (se arket Fejl)', value: s.errors.length, kind: 'integer' },
        ],
      },
    ],
    columnWidths: { 1: 34, 2: 20 },
  };
}

/** One row per claim with frozen header; the forældelse grounds are a sentence or two, so the last column is wide. */
export function statementClaimsSheet(name: string, s: Statement): SheetDescription {
  const last = STATEMENT_COLUMNS.length;
  const widths = Object.fromEntries(STATEMENT_COLUMNS.map((c, i) => [i + 1, i === last - 1 ? 90 : ([12, 26, 13, 16, 16][i] ?? Math.max(12, c.header.length + 2))]));
  return { name, blocks: [{ type: 'table', at: A1, columns: STATEMENT_COLUMNS, rows: statementClaimRows(s) }], columnWidths: widths, freezeRows: 1 };
}

/** The rows that could not be read, by row number, or one line saying there were none. */
export function errorsSheet(name: string, errors: ReadonlyArray<{ row: number; message: string }>): SheetDescription {
  const rows: CellValue[][] = errors.length === 0 ? [[null, 'Ingen fejl: alle rækker blev læst.']] : errors.map((e) => [e.row, e.message]);
  return {
    name,
    blocks: [
      {
        type: 'table',
        at: A1,
        columns: [
          { header: 'Række', kind: 'integer' },
          { header: 'Fejl', kind: 'text' },
        ],
        rows,
      },
    ],
    columnWidths: { 1: 10, 2: 90 },
    freezeRows: 1,
  };
}

/** One printable page per debtor (letterRows, or the lines already made), a page break before each; portrait, one page wide. */
export function lettersSheet(name: string, s: Statement, options: LetterOptions, letters: LetterLines = letterRows(s, options)): SheetDescription {
  return {
    name,
    blocks: [{ type: 'lines', at: A1, rows: letters.rows, kinds: letters.kinds, bold: letters.bold, pageStarts: letters.pageStarts }],
    columnWidths: { 1: 22, 2: 30, 3: 19, 4: 19, 5: 21 },
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

/**
 * Excel keeps at most 1,026 manual page breaks on a sheet (one per letter here): letters beyond
 * it would print run together. So at most this many letters go on one sheet.
 */
export const LETTERS_PER_SHEET = 1000;

/** The letters as sheets of at most LETTERS_PER_SHEET letters each: "Breve 2025", then "Breve 2025 (2)" … */
export function lettersSheets(name: string, s: Statement, options: LetterOptions, letters: LetterLines = letterRows(s, options), perSheet = LETTERS_PER_SHEET): SheetDescription[] {
  const starts = letters.pageStarts;
  if (starts.length <= perSheet) return [lettersSheet(name, s, options, letters)];
  const sheets: SheetDescription[] = [];
  for (let i = 0; i < starts.length; i += perSheet) {
    const from = starts[i]!;
    const to = starts[i + perSheet] ?? letters.rows.length;
    const part: LetterLines = {
      rows: letters.rows.slice(from, to),
      kinds: letters.kinds.slice(from, to),
      pageStarts: starts.slice(i, i + perSheet).map((r) => r - from),
      bold: letters.bold.filter((r) => r >= from && r < to).map((r) => r - from),
      plan: letters.plan,
    };
    sheets.push(lettersSheet(i === 0 ? name : `${name} (${i / perSheet + 1})`, s, options, part));
  }
  return sheets;
}

/** The analysis in figures, its first line (the date) in bold. */
function analysisSummary(a: Analysis, at: Place) {
  return { type: 'pairs' as const, at, lines: analysisSummaryLines(a).map((l, i) => (i === 0 ? { ...l, bold: true } : l)) };
}

function agingBlock(a: Analysis, at: Place): TableBlock {
  return { type: 'table', at, ...agingTable(a) };
}

/** The credits under the aging, a blank row between (the aging's total row included). */
function creditsBlock(a: Analysis, aging: TableBlock): TableBlock {
  return { type: 'table', at: { row: aging.at.row + aging.rows.length + 3, col: aging.at.col }, ...creditsTable(a) };
}

/** The row after a table with its header, rows and total row. */
const below = (t: TableBlock): number => t.at.row + 1 + t.rows.length + (t.total ? 1 : 0);

/** A stacked column per claim type: its balance by age (the buckets, not the total). */
function agingChart(a: Analysis, table: TableBlock, from: Place, to?: Place): ChartDescription[] {
  if (table.rows.length === 0) return [];
  const buckets = table.columns.length - 2;
  const { row, col } = table.at;
  return [
    {
      type: 'stackedColumn',
      title: `Aldersfordeling pr. ${danishDate(a.asOf)}`,
      source: { row, col, rows: table.rows.length + 1, cols: buckets + 1 },
      seriesBy: 'rows',
      series: table.rows.map((r, i) => ({ name: String(r[0]), values: rowRange(row + 1 + i, col + 1, buckets), categories: rowRange(row, col + 1, buckets) })),
      from,
      ...(to ? { to } : {}),
    },
  ];
}

function developmentBlock(a: Analysis, at: Place): TableBlock {
  return { type: 'table', at, ...developmentTable(a) };
}

/** A line per claim type: its balance at each month end (the "I alt" column, last, is not drawn: it would flatten the types). */
function developmentChart(table: TableBlock, from: Place, to?: Place): ChartDescription[] {
  if (table.rows.length === 0) return [];
  const { row, col } = table.at;
  const types = table.columns.slice(1, -1);
  return [
    {
      type: 'line',
      title: 'Saldo ultimo pr. måned',
      source: { row, col, rows: table.rows.length + 1, cols: types.length + 1 },
      seriesBy: 'columns',
      series: types.map((c, i) => ({ name: c.header, values: columnRange(col + 1 + i, row + 1, table.rows.length), categories: columnRange(col, row + 1, table.rows.length) })),
      from,
      ...(to ? { to } : {}),
    },
  ];
}

/**
 * The analysis on one sheet (the add-in: one new sheet in the user's workbook): the figures,
 * the aging with its total and the credits under it, the month-end balances; a stacked column
 * chart of the aging and a line chart of the balances beside.
 */
export function analysisSheet(name: string, a: Analysis): SheetDescription {
  const summary = analysisSummary(a, A1);
  const aging = agingBlock(a, { row: summary.lines.length + 2, col: 1 });
  const credits = creditsBlock(a, aging);
  const development = developmentBlock(a, { row: below(credits) + 2, col: 1 });
  const chartCol = aging.columns.length + 2;
  return {
    name,
    blocks: [summary, aging, credits, development],
    charts: [...agingChart(a, aging, { row: 1, col: chartCol }), ...developmentChart(development, { row: 20, col: chartCol })],
    columnWidths: { 1: 40, ...Object.fromEntries(Array.from({ length: Math.max(aging.columns.length, development.columns.length) - 1 }, (_, i) => [i + 2, 16])) },
  };
}

/**
 * The analysis as a workbook of its own (the CLI): figures, aging with the credits under it
 * (chart below), development (chart beside), additions and reductions by month, the largest
 * debtors, and the unread rows.
 */
export function analysisSheets(a: Analysis): SheetDescription[] {
  const summary: SheetDescription = { name: 'Oversigt', blocks: [analysisSummary(a, A1)], columnWidths: { 1: 40, 2: 18 } };
  const aging = agingBlock(a, A1);
  const credits = creditsBlock(a, aging);
  const chartRow = below(credits) + 1;
  const agingSheet: SheetDescription = {
    name: 'Aldersfordeling',
    blocks: [aging, credits],
    charts: agingChart(a, aging, { row: chartRow, col: 1 }, { row: chartRow + 22, col: 10 }),
    columnWidths: Object.fromEntries(aging.columns.map((_, i) => [i + 1, i === 0 ? 18 : i === aging.columns.length - 1 ? 16 : 15])),
  };
  const development = developmentBlock(a, A1);
  const devCols = development.columns.length;
  const developmentSheet: SheetDescription = {
    name: 'Udvikling',
    blocks: [development],
    charts: developmentChart(development, { row: 1, col: devCols + 2 }, { row: 23, col: devCols + 11 }),
    columnWidths: Object.fromEntries(development.columns.map((_, i) => [i + 1, i === 0 ? 10 : 18])),
  };
  const { totalRows, ...moved } = movementsTable(a);
  const movements: SheetDescription = {
    name: 'Tilgang og afgang',
    blocks: [{ type: 'table', at: A1, ...moved, boldRows: totalRows }],
    columnWidths: { 1: 18, 2: 10, 3: 16, 4: 16, 5: 16 },
  };
  const top: SheetDescription = {
    name: 'Største debitorer',
    blocks: [
      {
        type: 'table',
        at: A1,
        columns: [
          { header: 'Debitor', kind: 'text' },
          { header: 'Navn', kind: 'text' },
          { header: 'Saldo', kind: 'kroner' },
          { header: 'Åbne fordringer', kind: 'integer' },
          { header: 'Ældste forfald', kind: 'date' },
        ],
        rows: a.topDebtors.map((t) => [t.debtorId, t.name, toKroner(t.balance), t.openClaims, t.oldestDueDate ? dateToExcelSerial(t.oldestDueDate) : null]),
      },
    ],
    columnWidths: { 1: 12, 2: 28, 3: 16, 4: 15, 5: 14 },
  };
  return [summary, agingSheet, developmentSheet, movements, top, errorsSheet('Fejl', a.errors)];
}

/** The forældede claims the letters left out, for the caseworker (the kommune decides what to do with them). */
export function caseworkerSheet(name: string, letters: LetterLines): SheetDescription {
  return {
    name,
    blocks: [
      {
        type: 'table',
        at: A1,
        columns: [
          { header: 'Debitor', kind: 'text' },
          { header: 'Fordring', kind: 'text' },
          { header: 'Beløb', kind: 'kroner' },
          { header: 'Forældet – grundlag', kind: 'text' },
        ],
        rows: caseworkerRows(letters.plan),
      },
    ],
    columnWidths: { 1: 14, 2: 14, 3: 14, 4: 90 },
    freezeRows: 1,
  };
}
