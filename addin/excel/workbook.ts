/**
 * The workbook adapter: every Excel.run in the add-in lives here or, for the portfolio's pages
 * (loaded on first use), in ./portfolioSheets.ts. React components get plain
 * async functions. One batched read or write per user action; results always go to a NEW sheet
 * (Office.js changes cannot be undone with Ctrl+Z, so Saldo never writes over the user's data).
 * Each result sheet is described in core/report (the same descriptions the CLI's files are drawn
 * from) and drawn by ./sheetRenderer.
 */
import type { AgreementHenstand, Analysis, Schedule, Statement, StatusOnDate } from '../../core/commands/index.js';
import { henstandSheets, planSheet, statusSheet } from '../../core/report/agreementSheets.js';
import { analysisSheet, caseworkerSheet, errorsSheet, lettersSheets, statementClaimsSheet } from '../../core/report/ledgerSheets.js';
import { letterPlanSummary, letterRows, type LetterOptions } from '../../core/report/ledgerTables.js';
import { followupChartSheet, followupMonthSheet, followupSheet } from '../../core/report/followupSheets.js';
import { annualReportSheet } from '../../core/report/annualReport.js';
import type { SheetDescription, TableBlock } from '../../core/report/sheet.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';
import { blockAddress } from '../../core/report/a1.js';
import type { Followup } from '../../core/followup/followup.js';
import { asTextCell, nextTask, RequestBatch, REQUEST_BUDGET_BYTES, valueBytes, writeBlock } from './cells.js';
import { renderSheet, type RenderOptions } from './sheetRenderer.js';

export { asTextCell, RequestBatch, REQUEST_BUDGET_BYTES, writeBlock } from './cells.js';
export { blockAddress, columnLetter } from '../../core/report/a1.js';

/** Where a ledger is: a whole sheet (its used range) or an Excel table (header row included). */
export type LedgerSource = { kind: 'sheet'; name: string } | { kind: 'table'; name: string };

/** The first read of a range: a few cells, to learn how many bytes a row of it takes. */
const FIRST_READ_CELLS = 20_000;

/**
 * Reads a range in pieces of rows, each answer under Excel on the web's 5 MB a request: the first
 * piece is small, and each next one is sized by the widest rows seen so far (a ledger of long
 * names and addresses takes more bytes a cell than one of amounts). Reports progress; the ledger
 * itself is never written to.
 */
async function readInChunks(
  context: Excel.RequestContext,
  range: Excel.Range,
  onRows: (rows: unknown[][]) => void,
  onProgress?: (done: number, total: number) => void,
  budget = REQUEST_BUDGET_BYTES,
  signal?: AbortSignal,
): Promise<void> {
  range.load(['rowCount', 'columnCount', 'rowIndex', 'columnIndex']);
  range.worksheet.load('name');
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(range.worksheet.name);
  let rowsPerRead = Math.max(1, Math.floor(FIRST_READ_CELLS / Math.max(1, range.columnCount)));
  let widestRow = 0;
  for (let start = 0; start < range.rowCount;) {
    signal?.throwIfAborted();
    const rows = Math.min(rowsPerRead, range.rowCount - start);
    const part = sheet.getRange(blockAddress(range.rowIndex + 1 + start, range.columnIndex + 1, rows, range.columnCount));
    part.load('values');
    await context.sync();
    // The widest of a sample of rows (every row of a small piece): sizing the next read needs no
    // more, and weighing every row of a 200.000-row ledger would cost the UI thread its time.
    const values = part.values;
    const every = Math.max(1, Math.floor(values.length / 500));
    for (let i = 0; i < values.length; i += every) {
      widestRow = Math.max(
        widestRow,
        values[i]!.reduce<number>((sum, v) => sum + valueBytes(v), 2),
      );
    }
    onRows(values);
    start += rows;
    onProgress?.(start, range.rowCount);
    // Twice the widest row seen: the rows ahead may be wider than those read so far.
    rowsPerRead = Math.max(1, Math.floor(budget / (2 * Math.max(widestRow, 1))));
  }
}

/** A sheet's used range, read in chunks. */
export async function readSheetInChunks(name: string, onProgress?: (done: number, total: number) => void, budget = REQUEST_BUDGET_BYTES): Promise<unknown[][]> {
  return readLedgerInChunks({ kind: 'sheet', name }, onProgress, budget);
}

/** A ledger sheet or table, read in chunks. */
export async function readLedgerInChunks(source: LedgerSource, onProgress?: (done: number, total: number) => void, budget = REQUEST_BUDGET_BYTES): Promise<unknown[][]> {
  return (await readSourceAt(source, onProgress, budget)).values;
}

/**
 * A sheet's used range or a table, read in chunks, with where it begins on its sheet (1-based):
 * a used range starts at the first used cell, not always A1, and messages name sheet rows.
 */
export async function readSourceAt(
  source: LedgerSource,
  onProgress?: (done: number, total: number) => void,
  budget = REQUEST_BUDGET_BYTES,
): Promise<{ values: unknown[][]; row: number; column: number }> {
  const values: unknown[][] = [];
  const at = await readSourceInPieces(
    source,
    (rows) => {
      for (const row of rows) values.push(row);
    },
    onProgress,
    budget,
  );
  return { values, ...at };
}

/**
 * A sheet's used range or a table, handed over piece by piece as read (to a computation that
 * takes the rows as they come: nothing holds the whole ledger twice). Stops between pieces when
 * `signal` is aborted. Gives where the range begins on its sheet (1-based).
 */
export async function readSourceInPieces(
  source: LedgerSource,
  onRows: (rows: unknown[][]) => void,
  onProgress?: (done: number, total: number) => void,
  budget = REQUEST_BUDGET_BYTES,
  signal?: AbortSignal,
): Promise<{ row: number; column: number }> {
  return Excel.run(async (context) => {
    const range = source.kind === 'sheet' ? context.workbook.worksheets.getItem(source.name).getUsedRange() : context.workbook.tables.getItem(source.name).getRange();
    await readInChunks(context, range, onRows, onProgress, budget, signal);
    return { row: range.rowIndex + 1, column: range.columnIndex + 1 };
  });
}

/** The workbook's Excel tables (names), for picking a ledger. */
export async function listTables(): Promise<string[]> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load('items/name');
    await context.sync();
    return tables.items.map((t) => t.name);
  });
}

/**
 * The values of the user's selected range, trimmed to its cells in use (one read): a selection of
 * whole columns (A:C) is a million rows, and only the rows with values are read.
 */
export async function readSelection(): Promise<{ address: string; values: unknown[][] }> {
  return Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    const used = selected.getUsedRangeOrNullObject(true);
    selected.load('address');
    used.load(['address', 'values']);
    await context.sync();
    return used.isNullObject ? { address: selected.address, values: [] } : { address: used.address, values: used.values };
  });
}

export interface WrittenSheet {
  sheetName: string;
  rows: number;
}

export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((x) => x.name);
}

/** A NEW sheet for the description, its name made unique among `taken` (and added to it), drawn. */
export async function addSheet(batch: RequestBatch, taken: string[], d: SheetDescription, options?: RenderOptions): Promise<{ sheet: Excel.Worksheet; sheetName: string }> {
  const sheetName = uniqueSheetName(d.name, taken);
  taken.push(sheetName);
  const sheet = batch.context.workbook.worksheets.add(sheetName);
  await renderSheet(batch, sheet, d, options);
  return { sheet, sheetName };
}

/** One result sheet per user action, activated: described, drawn, synced once. */
async function writeOneSheet(d: SheetDescription): Promise<string> {
  return Excel.run(async (context) => {
    const taken = await sheetNames(context);
    const batch = new RequestBatch(context);
    const { sheet, sheetName } = await addSheet(batch, taken, d);
    sheet.activate();
    await batch.send();
    return sheetName;
  });
}

/**
 * Writes a schedule to a new sheet: the table (an Excel table, kr. and date formats), the summary
 * beside it and a line chart of the remaining balance. One Excel.run, calculation suspended.
 */
export async function writePlanSheet(plan: Schedule, reference?: string): Promise<WrittenSheet> {
  const wanted = reference?.trim() ? reference : 'Afdragsplan';
  const sheetName = await writeOneSheet(planSheet(wanted, plan, { summary: 'beside', ...(reference !== undefined ? { reference } : {}) }));
  return { sheetName, rows: plan.rows.length };
}

/** The names of the workbook's sheets (one read). */
export async function listSheets(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** The values of a sheet's used range (one read). */
export async function readSheetValues(name: string): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRange();
    range.load('values');
    await context.sync();
    return range.values;
  });
}

/**
 * A henstand on a new sheet: the comparison, the warnings, both schedules side by side and one
 * chart with both balance curves (x: due date, y: remaining balance).
 */
export async function writeHenstandSheet(out: AgreementHenstand, reference?: string): Promise<WrittenSheet> {
  const name = reference?.trim() ? `Henstand ${reference.trim()}` : 'Henstand';
  const sheetName = await writeOneSheet(henstandSheets(out, { name, schedules: 'beside' })[0]!);
  return { sheetName, rows: out.after.rows.length };
}

/** An agreement's status on a new sheet: the summary, each installment coloured by state, the next steps. */
export async function writeStatusSheet(out: StatusOnDate, reference?: string): Promise<WrittenSheet> {
  const sheetName = await writeOneSheet(statusSheet(reference?.trim() ? `Status ${reference.trim()}` : 'Status', out));
  return { sheetName, rows: out.installments.length };
}

export interface StatementSheetsOptions {
  letters?: LetterOptions;
  onProgress?: (done: number, total: number) => void;
}

export interface StatementSheetsWritten {
  sheets: string[];
  /** What the letters run did, in Danish (null without letters). */
  letters: string | null;
}

/** Debtors whose rows are made in one task of the UI thread (a few tens of ms). */
const DEBTORS_A_SLICE = 5_000;

/**
 * `statementClaimsSheet`, its rows made a slice of debtors at a time with a task between slices:
 * the rows of 100.000 debtors made at once held the pane for over a second (issue 22). A
 * statement's rows are its debtors' rows in order, so the slices' rows together are the whole
 * sheet's (test/addin/workbook.test.ts holds them equal).
 */
export async function statementClaimsSheetInSlices(name: string, s: Statement, slice = DEBTORS_A_SLICE): Promise<SheetDescription> {
  const whole = statementClaimsSheet(name, { ...s, debtors: s.debtors.slice(0, slice) });
  const [first, ...others] = whole.blocks;
  if (first?.type !== 'table' || others.length > 0) throw new Error('The statement sheet is one table.');
  const rows = [...first.rows];
  for (let i = slice; i < s.debtors.length; i += slice) {
    await nextTask();
    const part = statementClaimsSheet(name, { ...s, debtors: s.debtors.slice(i, i + slice) }).blocks[0] as TableBlock;
    for (const row of part.rows) rows.push(row);
  }
  return { ...whole, blocks: [{ ...first, rows }] };
}

/**
 * Statements on new sheets: the per-claim table, the errors and (optionally) one letter per
 * debtor with page breaks, and the forældede claims the letters left out for the caseworker.
 */
export async function writeStatementSheets(s: Statement, options: StatementSheetsOptions = {}): Promise<StatementSheetsWritten> {
  return Excel.run(async (context) => {
    const taken = await sheetNames(context);
    const batch = new RequestBatch(context);
    const first = await addSheet(batch, taken, await statementClaimsSheetInSlices(`Saldoopgørelse ${s.year}`, s), options.onProgress ? { onProgress: options.onProgress } : {});
    const written = [first.sheetName, (await addSheet(batch, taken, errorsSheet(`Fejl ${s.year}`, s.errors))).sheetName];
    let summary: string | null = null;
    if (options.letters) {
      const lines = letterRows(s, options.letters);
      for (const sheet of lettersSheets(`Breve ${s.year}`, s, options.letters, lines)) written.push((await addSheet(batch, taken, sheet)).sheetName);
      if (lines.plan.forCaseworker.length > 0) written.push((await addSheet(batch, taken, caseworkerSheet(`Forældede ${s.year}`, lines))).sheetName);
      summary = letterPlanSummary(lines.plan);
    }
    first.sheet.activate();
    await batch.send();
    return { sheets: written, letters: summary };
  });
}

/** An analysis on a new sheet: summary, aging by claim type (with a stacked column chart) and the development per month (with a line chart). */
export async function writeAnalysisSheet(a: Analysis): Promise<string> {
  return writeOneSheet(analysisSheet(`Analyse ${a.asOf}`, a));
}

export interface FollowupSheets {
  sheetName: string;
  /** The months, when the template shows quarters of monthly data; else null. */
  monthSheetName: string | null;
  chartSheetName: string | null;
  annualSheetName: string;
}

/** The follow-up's period in a sheet name: "2025 Q3", "2016 M04", or just the year before any data. */
export function followupPeriodLabel(f: Followup): string {
  if (f.elapsed === 0) return String(f.year);
  return f.granularity === 'month' ? `${f.year} M${String(f.elapsed).padStart(2, '0')}` : `${f.year} Q${f.elapsed}`;
}

/**
 * A follow-up on new sheets: the ministry's template with its title, number formats per goal, the
 * status column coloured by conditional formatting (a status typed over by hand is coloured too),
 * last follow-up's text that lost its goal and the warnings below the table; the months on a sheet
 * of their own when the template shows quarters of monthly data; one line chart per measured goal,
 * its periods against the target; and the year-end report's table of målopfyldelse.
 */
export async function writeFollowupSheets(f: Followup, note: string): Promise<FollowupSheets> {
  return Excel.run(async (context) => {
    const label = followupPeriodLabel(f);
    const taken = await sheetNames(context);
    const batch = new RequestBatch(context);
    const { sheet, sheetName } = await addSheet(batch, taken, followupSheet(`Opfølgning ${label}`, f, note));
    const months = followupMonthSheet(`Måneder ${label}`, f);
    const monthSheetName = months ? (await addSheet(batch, taken, months)).sheetName : null;
    const charts = followupChartSheet(`Diagrammer ${label}`, f);
    const chartSheetName = charts ? (await addSheet(batch, taken, charts)).sheetName : null;
    const annualSheetName = (await addSheet(batch, taken, annualReportSheet(`Årsrapport ${label}`, f))).sheetName;
    sheet.activate();
    await batch.send();
    return { sheetName, monthSheetName, chartSheetName, annualSheetName };
  });
}

/** An Excel table name from a sheet name: letters, digits and _ only, and free (compared without case). */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  const base = wanted.replace(/[^\p{L}\p{N}_]/gu, '_').replace(/^(?=\d)/, '_');
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}_${n}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * A bundled template on new sheets, each as an Excel table named after the sheet: the goals
 * and the counts to fill in. Returns the table names (for the pickers).
 */
export async function writeTemplateTables(tables: ReadonlyArray<{ name: string; rows: Array<Array<string | number>>; formats?: string[][] }>): Promise<string[]> {
  return Excel.run(async (context) => {
    // A table's name must differ from every table's and every defined name's.
    const taken = context.workbook.tables;
    taken.load('items/name');
    const defined = context.workbook.names;
    defined.load('items/name');
    const names = await sheetNames(context);
    const tableNames = [...taken.items.map((t) => t.name), ...defined.items.map((n) => n.name)];
    const written: string[] = [];
    const batch = new RequestBatch(context);
    for (const t of tables) {
      const sheetName = uniqueSheetName(t.name, names);
      names.push(sheetName);
      const sheet = context.workbook.worksheets.add(sheetName);
      const width = t.rows[0]!.length;
      // Text as text; blank cells stay General so the numbers people type there are numbers.
      const formats = t.formats ?? t.rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
      await writeBlock(
        batch,
        sheet,
        1,
        1,
        t.rows.map((r) => r.map((v) => (typeof v === 'string' ? asTextCell(v) : v))),
        formats,
      );
      const table = sheet.tables.add(blockAddress(1, 1, t.rows.length, width), true);
      const tableName = uniqueTableName(sheetName, tableNames);
      tableNames.push(tableName);
      table.name = tableName;
      table.style = 'TableStyleLight9';
      sheet.getRange(blockAddress(1, 1, t.rows.length, width)).format.autofitColumns();
      written.push(tableName);
    }
    await batch.send();
    return written;
  });
}
