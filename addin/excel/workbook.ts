/**
 * The workbook adapter: every Excel.run in the add-in lives here. React components get plain
 * async functions. One batched read or write per user action; results always go to a NEW sheet
 * (Office.js changes cannot be undone with Ctrl+Z, so Saldo never writes over the user's data).
 */
import type { HenstandOutput } from '../../core/commands/henstand.js';
import type { PlanOutput } from '../../core/commands/plan.js';
import type { StatusOutput } from '../../core/commands/status.js';
import type { AnalyseOutput, StatementsOutput } from '../../core/ledger/ledgerJson.js';
import { agingRows, analysisSummaryRows, developmentRows, letterRows, statementClaimRows } from '../../core/report/ledgerTables.js';
import { henstandComparison, HENSTAND_HEADERS } from '../../core/report/henstandTable.js';
import { NUMBER_FORMATS, PLAN_COLUMNS, planRows, planSummaryLines, planWarningText } from '../../core/report/planTable.js';
import { NEXT_STEP_HEADERS, nextStepRows, STATE_COLORS, STATUS_COLUMNS, statusRows, statusSummaryLines } from '../../core/report/statusTable.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';
import { blockAddress, columnLetter } from '../../core/report/a1.js';
import { xmlSafeText } from '../../core/report/xmlText.js';
import type { Followup } from '../../core/followup/followup.js';
import { FOLLOWUP_COLUMN, FOLLOWUP_HEADERS, FOLLOWUP_WIDTHS, followupRows, followupTitle, STATUS_FILLS, UNMATCHED_TITLE, unitFormat } from '../../core/report/followupTable.js';

/** Excel on the web refuses requests over 5 MB; stay well under it (values ≈ 20 bytes a cell). */
export const MAX_CELLS_PER_WRITE = 100_000;

export { blockAddress, columnLetter } from '../../core/report/a1.js';

/**
 * Text from the user's data must never become a formula: Excel reads a value that starts with
 * =, +, - or @ as one. Such text is written with a leading apostrophe (Excel's text prefix,
 * not shown in the cell), and text columns also get the text format "@".
 */
export function asTextCell(value: string): string {
  const text = xmlSafeText(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Writes a block of values in pieces that keep each request under the payload limit. */
export function writeChunked(sheet: Excel.Worksheet, row: number, col: number, values: unknown[][], formats?: string[][], maxCells = MAX_CELLS_PER_WRITE): number {
  const width = values[0]?.length ?? 0;
  if (width === 0) return 0;
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / width));
  let chunks = 0;
  for (let start = 0; start < values.length; start += rowsPerChunk) {
    const part = values.slice(start, start + rowsPerChunk);
    const range = sheet.getRange(blockAddress(row + start, col, part.length, width));
    if (formats) range.numberFormat = formats.slice(start, start + rowsPerChunk);
    // Every block of cells passes here: text XML cannot hold is shown as U+FFFD (core/report/xmlText).
    range.values = part.map((r) => r.map((v) => (typeof v === 'string' ? xmlSafeText(v) : v))) as never;
    chunks += 1;
  }
  return chunks;
}

/**
 * Writes a large block in pieces, sending each piece before the next is queued, so no request
 * passes Excel's 5 MB payload limit (a 200,000-row table is ~40 requests). Reports progress.
 */
export async function writeLarge(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  values: unknown[][],
  formats: string[][] | undefined,
  onProgress?: (done: number, total: number) => void,
  maxCells = MAX_CELLS_PER_WRITE,
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / width));
  for (let start = 0; start < values.length; start += rowsPerChunk) {
    writeChunked(sheet, row + start, col, values.slice(start, start + rowsPerChunk), formats?.slice(start, start + rowsPerChunk), maxCells);
    if (start + rowsPerChunk < values.length) await context.sync();
    onProgress?.(Math.min(values.length, start + rowsPerChunk), values.length);
  }
}

/** Where a ledger is: a whole sheet (its used range) or an Excel table (header row included). */
export type LedgerSource = { kind: 'sheet'; name: string } | { kind: 'table'; name: string };

/**
 * Reads a range in chunks of rows (each read stays far below Excel's 5 MB request limit and its
 * 5-million-cell read cap), reporting progress. The ledger itself is never written to.
 */
async function readInChunks(context: Excel.RequestContext, range: Excel.Range, onProgress?: (done: number, total: number) => void, chunkRows = 10_000): Promise<unknown[][]> {
  range.load(['rowCount', 'columnCount', 'rowIndex', 'columnIndex']);
  range.worksheet.load('name');
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(range.worksheet.name);
  const out: unknown[][] = [];
  for (let start = 0; start < range.rowCount; start += chunkRows) {
    const rows = Math.min(chunkRows, range.rowCount - start);
    const part = sheet.getRange(blockAddress(range.rowIndex + 1 + start, range.columnIndex + 1, rows, range.columnCount));
    part.load('values');
    await context.sync();
    for (const r of part.values) out.push(r);
    onProgress?.(start + rows, range.rowCount);
  }
  return out;
}

/** A sheet's used range, read in chunks. */
export async function readSheetInChunks(name: string, onProgress?: (done: number, total: number) => void, chunkRows = 10_000): Promise<unknown[][]> {
  return readLedgerInChunks({ kind: 'sheet', name }, onProgress, chunkRows);
}

/** A ledger sheet or table, read in chunks. */
export async function readLedgerInChunks(source: LedgerSource, onProgress?: (done: number, total: number) => void, chunkRows = 10_000): Promise<unknown[][]> {
  return (await readSourceAt(source, onProgress, chunkRows)).values;
}

/**
 * A sheet's used range or a table, read in chunks, with where it begins on its sheet (1-based):
 * a used range starts at the first used cell, not always A1, and messages name sheet rows.
 */
export async function readSourceAt(source: LedgerSource, onProgress?: (done: number, total: number) => void, chunkRows = 10_000): Promise<{ values: unknown[][]; row: number; column: number }> {
  return Excel.run(async (context) => {
    const range = source.kind === 'sheet' ? context.workbook.worksheets.getItem(source.name).getUsedRange() : context.workbook.tables.getItem(source.name).getRange();
    const values = await readInChunks(context, range, onProgress, chunkRows);
    return { values, row: range.rowIndex + 1, column: range.columnIndex + 1 };
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

/** The values of the user's selected range (one read). */
export async function readSelection(): Promise<{ address: string; values: unknown[][] }> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load(['address', 'values']);
    await context.sync();
    return { address: range.address, values: range.values };
  });
}

export interface WrittenSheet {
  sheetName: string;
  rows: number;
}

/**
 * Writes a schedule to a new sheet: the table (header row, kr. and date formats), a summary
 * beside it and a line chart of the remaining balance. One Excel.run, calculation suspended.
 */
export async function writePlanSheet(plan: PlanOutput, reference?: string): Promise<WrittenSheet> {
  return Excel.run(async (context) => {
    const { sheet, sheetName } = await newSheet(context, reference?.trim() ? reference : 'Afdragsplan');

    const rows = planRows(plan);
    const header = PLAN_COLUMNS.map((c) => c.header);
    const formats = rows.map(() => PLAN_COLUMNS.map((c) => NUMBER_FORMATS[c.kind]));
    writeChunked(sheet, 1, 1, [header, ...rows], [PLAN_COLUMNS.map(() => NUMBER_FORMATS.text), ...formats]);
    const tableRange = blockAddress(1, 1, rows.length + 1, header.length);
    const table = sheet.tables.add(tableRange, true);
    table.name = `Saldo_${Date.now().toString(36)}`;
    table.style = 'TableStyleMedium2';

    // The summary to the right of the table: labels as text, values with their formats.
    const summary = planSummaryLines(plan);
    const summaryCol = header.length + 2;
    const titleRange = sheet.getRange(blockAddress(1, summaryCol, 1, 2));
    titleRange.numberFormat = [['@', '@']];
    titleRange.values = [['Oversigt', reference?.trim() ? asTextCell(reference.trim()) : '']];
    titleRange.format.font.bold = true;
    writeChunked(
      sheet,
      2,
      summaryCol,
      summary.map((l) => [l.label, l.value]),
      summary.map((l) => ['@', NUMBER_FORMATS[l.kind]]),
    );
    // A warning (another year's betalingsevne table) stays with the plan it is about.
    const warning = planWarningText(plan);
    if (warning !== '') {
      const cell = sheet.getRange(blockAddress(summary.length + 2, summaryCol, 1, 2));
      cell.numberFormat = [['@', '@']];
      cell.values = [['Advarsel', asTextCell(warning)]];
    }

    const balance = sheet.getRange(blockAddress(1, header.length, rows.length + 1, 1));
    const chart = sheet.charts.add(Excel.ChartType.line, balance, Excel.ChartSeriesBy.columns);
    chart.title.text = 'Restgæld efter hver ydelse';
    chart.legend.visible = false;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(blockAddress(2, 3, rows.length, 1)));
    chart.setPosition(`${columnLetter(summaryCol)}${summary.length + 5}`);

    sheet.getRange(blockAddress(1, 1, rows.length + 1, header.length + 3)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { sheetName, rows: rows.length };
  });
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

/** A new sheet with a unique name, after reading the existing names. */
async function newSheet(context: Excel.RequestContext, wanted: string): Promise<{ sheet: Excel.Worksheet; sheetName: string }> {
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const sheetName = uniqueSheetName(wanted, sheets.items.map((s) => s.name));
  return { sheet: sheets.add(sheetName), sheetName };
}

function planBlock(sheet: Excel.Worksheet, row: number, col: number, title: string, plan: PlanOutput): { dueRange: Excel.Range; balanceRange: Excel.Range } {
  const rows = planRows(plan);
  const titleCell = sheet.getRange(blockAddress(row, col, 1, 1));
  titleCell.values = [[title]];
  titleCell.format.font.bold = true;
  writeChunked(sheet, row + 1, col, [PLAN_COLUMNS.map((c) => c.header), ...rows], [PLAN_COLUMNS.map(() => NUMBER_FORMATS.text), ...rows.map(() => PLAN_COLUMNS.map((c) => NUMBER_FORMATS[c.kind]))]);
  sheet.getRange(blockAddress(row + 1, col, 1, PLAN_COLUMNS.length)).format.font.bold = true;
  return {
    dueRange: sheet.getRange(blockAddress(row + 2, col + 2, rows.length, 1)),
    balanceRange: sheet.getRange(blockAddress(row + 2, col + PLAN_COLUMNS.length - 1, rows.length, 1)),
  };
}

/**
 * A henstand on a new sheet: the comparison, the warnings, both schedules side by side and one
 * chart with both balance curves (x: due date, y: remaining balance).
 */
export async function writeHenstandSheet(out: HenstandOutput, reference?: string): Promise<WrittenSheet> {
  return Excel.run(async (context) => {
    const { sheet, sheetName } = await newSheet(context, reference?.trim() ? `Henstand ${reference.trim()}` : 'Henstand');
    const lines = henstandComparison(out);
    writeChunked(
      sheet,
      1,
      1,
      [[...HENSTAND_HEADERS], ...lines.map((l) => [l.label, l.before, l.after, l.difference ?? ''])],
      [HENSTAND_HEADERS.map(() => '@'), ...lines.map((l) => ['@', NUMBER_FORMATS[l.kind], NUMBER_FORMATS[l.kind], NUMBER_FORMATS[l.kind]])],
    );
    sheet.getRange('A1:D1').format.font.bold = true;
    let row = lines.length + 3;
    if (out.warnings.length > 0) {
      const warnings = [['Advarsler'], ...out.warnings.map((w) => [w.message])];
      const range = sheet.getRange(blockAddress(row, 1, warnings.length, 1));
      range.numberFormat = warnings.map(() => ['@']);
      range.values = warnings;
      sheet.getRange(blockAddress(row, 1, 1, 1)).format.font.bold = true;
      row += warnings.length + 1;
    }
    const before = planBlock(sheet, row, 1, 'Før henstand', out.before);
    const after = planBlock(sheet, row, PLAN_COLUMNS.length + 2, 'Efter henstand', out.after);
    const chart = sheet.charts.add(Excel.ChartType.xyscatterLines, before.balanceRange, Excel.ChartSeriesBy.columns);
    chart.title.text = 'Restgæld før og efter henstand';
    const first = chart.series.getItemAt(0);
    first.name = 'Før henstand';
    first.setXAxisValues(before.dueRange);
    const second = chart.series.add('Efter henstand');
    second.setValues(after.balanceRange);
    second.setXAxisValues(after.dueRange);
    chart.setPosition(`F1`);
    sheet.activate();
    await context.sync();
    return { sheetName, rows: out.after.rows.length };
  });
}

/** An agreement's status on a new sheet: the summary, each installment coloured by state, the next steps. */
export async function writeStatusSheet(out: StatusOutput, reference?: string): Promise<WrittenSheet> {
  return Excel.run(async (context) => {
    const { sheet, sheetName } = await newSheet(context, reference?.trim() ? `Status ${reference.trim()}` : 'Status');
    const summary = statusSummaryLines(out);
    writeChunked(sheet, 1, 1, summary.map((l) => [l.label, l.value ?? '']), summary.map((l) => ['@', NUMBER_FORMATS[l.kind]]));
    sheet.getRange(blockAddress(1, 1, summary.length, 1)).format.font.bold = true;
    sheet.getRange('B1').format.fill.color = `#${STATE_COLORS[out.state] ?? 'FFFFFF'}`;

    const top = summary.length + 2;
    const rows = statusRows(out).map((r) => r.map((v) => v ?? ''));
    writeChunked(sheet, top, 1, [STATUS_COLUMNS.map((c) => c.header), ...rows], [STATUS_COLUMNS.map(() => '@'), ...rows.map(() => STATUS_COLUMNS.map((c) => NUMBER_FORMATS[c.kind]))]);
    sheet.getRange(blockAddress(top, 1, 1, STATUS_COLUMNS.length)).format.font.bold = true;
    rows.forEach((r, i) => {
      sheet.getRange(blockAddress(top + 1 + i, 6, 1, 1)).format.fill.color = `#${STATE_COLORS[String(r[5])] ?? 'FFFFFF'}`;
    });

    const steps = nextStepRows(out);
    if (steps.length > 0) {
      const at = top + rows.length + 2;
      writeChunked(sheet, at, 1, [[...NEXT_STEP_HEADERS], ...steps], [NEXT_STEP_HEADERS.map(() => '@'), ...steps.map(() => ['@', NUMBER_FORMATS.date, NUMBER_FORMATS.kroner])]);
      sheet.getRange(blockAddress(at, 1, 1, 3)).format.font.bold = true;
    }
    sheet.getRange(blockAddress(1, 1, top + rows.length + steps.length + 3, STATUS_COLUMNS.length)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { sheetName, rows: rows.length };
  });
}

export interface StatementSheetsOptions {
  letters?: { kommune: string; contact: string };
  onProgress?: (done: number, total: number) => void;
}

/** Statements on new sheets: the per-claim table, the errors and (optionally) one letter per debtor with page breaks. */
export async function writeStatementSheets(s: StatementsOutput, options: StatementSheetsOptions = {}): Promise<string[]> {
  return Excel.run(async (context) => {
    const written: string[] = [];
    const { sheet, sheetName } = await newSheet(context, `Saldoopgørelse ${s.year}`);
    written.push(sheetName);
    const table = statementClaimRows(s);
    await writeLarge(context, sheet, 1, 1, table.values, table.formats, options.onProgress);
    sheet.getRange(blockAddress(1, 1, 1, table.values[0]!.length)).format.font.bold = true;

    const errors = context.workbook.worksheets.add(uniqueSheetName(`Fejl ${s.year}`, [...(await sheetNames(context)), sheetName]));
    const errorRows = [['Række', 'Fejl'], ...(s.errors.length === 0 ? [['', 'Ingen fejl: alle rækker blev læst.']] : s.errors.map((e) => [e.row, e.message]))];
    await writeLarge(context, errors, 1, 1, errorRows, errorRows.map(() => ['0', '@']));
    errors.load('name');
    await context.sync();
    written.push(errors.name);

    if (options.letters) {
      const lettersSheet = context.workbook.worksheets.add(uniqueSheetName(`Breve ${s.year}`, [...(await sheetNames(context))]));
      const { values, formats, pageStarts } = letterRows(s, options.letters);
      await writeLarge(context, lettersSheet, 1, 1, values, formats);
      for (const start of pageStarts.slice(1)) lettersSheet.horizontalPageBreaks.add(`A${start}`);
      lettersSheet.pageLayout.orientation = Excel.PageOrientation.portrait;
      lettersSheet.load('name');
      await context.sync();
      written.push(lettersSheet.name);
    }
    sheet.activate();
    await context.sync();
    return written;
  });
}

async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((x) => x.name);
}

/** An analysis on a new sheet: summary, aging by claim type (with a stacked column chart) and the development per month (with a line chart). */
export async function writeAnalysisSheet(a: AnalyseOutput): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, sheetName } = await newSheet(context, `Analyse ${a.asOf}`);
    const summary = analysisSummaryRows(a);
    writeChunked(sheet, 1, 1, summary.values, summary.formats);
    const agingTop = summary.values.length + 2;
    const aging = agingRows(a);
    writeChunked(sheet, agingTop, 1, aging.values, aging.formats);
    sheet.getRange(blockAddress(agingTop, 1, 1, aging.values[0]!.length)).format.font.bold = true;
    if (aging.values.length > 1) {
      const chart = sheet.charts.add(Excel.ChartType.columnStacked, sheet.getRange(blockAddress(agingTop, 1, aging.values.length, aging.values[0]!.length - 1)), Excel.ChartSeriesBy.rows);
      chart.title.text = `Aldersfordeling pr. ${a.asOf}`;
      chart.setPosition(`${columnLetter(aging.values[0]!.length + 2)}1`);
    }
    const devTop = agingTop + aging.values.length + 2;
    const dev = developmentRows(a);
    writeChunked(sheet, devTop, 1, dev.values, dev.formats);
    sheet.getRange(blockAddress(devTop, 1, 1, dev.values[0]!.length)).format.font.bold = true;
    if (dev.values.length > 1) {
      const chart = sheet.charts.add(Excel.ChartType.line, sheet.getRange(blockAddress(devTop, 1, dev.values.length, dev.values[0]!.length)), Excel.ChartSeriesBy.columns);
      chart.title.text = 'Saldo ultimo pr. måned';
      chart.setPosition(`${columnLetter(aging.values[0]!.length + 2)}20`);
    }
    sheet.activate();
    await context.sync();
    return sheetName;
  });
}

/** Excel's column width is in points; a character of the default font is about 6 points wide. */
const POINTS_PER_CHAR = 6;

export interface FollowupSheets {
  sheetName: string;
  chartSheetName: string | null;
}

/** The follow-up's period in a sheet name: "2025 Q3", "2016 M04", or just the year before any data. */
export function followupPeriodLabel(f: Followup): string {
  if (f.elapsed === 0) return String(f.year);
  return f.granularity === 'month' ? `${f.year} M${String(f.elapsed).padStart(2, '0')}` : `${f.year} Q${f.elapsed}`;
}

/**
 * A follow-up on new sheets: the ministry's template with its title, number formats per goal, the
 * status column coloured by conditional formatting (a status typed over by hand is coloured too),
 * last follow-up's text that lost its goal and the warnings below the table; and on a second new
 * sheet one line chart per measured goal, its periods against the target.
 */
export async function writeFollowupSheets(f: Followup, note: string): Promise<FollowupSheets> {
  return Excel.run(async (context) => {
    const label = followupPeriodLabel(f);
    const { sheet, sheetName } = await newSheet(context, `Opfølgning ${label}`);
    const title = sheet.getRange('A1:A2');
    title.numberFormat = [['@'], ['@']];
    title.values = [[followupTitle(f)], [asTextCell(note)]];
    sheet.getRange('A1').format.font.bold = true;
    sheet.getRange('A1').format.font.size = 14;

    const header = 3;
    const width = FOLLOWUP_HEADERS.length;
    const rows = followupRows(f).map((r) => r.map((v) => (typeof v === 'string' ? asTextCell(v) : (v ?? ''))));
    const valueColumns = new Set<number>([0, 1, 2, 3].map((q) => FOLLOWUP_COLUMN.quarters + q).concat([FOLLOWUP_COLUMN.ytd, FOLLOWUP_COLUMN.target, FOLLOWUP_COLUMN.forecast]));
    const formats = f.rows.map((r, i) => rows[i]!.map((v, c) => (valueColumns.has(c + 1) && typeof v === 'number' ? unitFormat(r.unit) : '@')));
    writeChunked(sheet, header, 1, [[...FOLLOWUP_HEADERS], ...rows], [FOLLOWUP_HEADERS.map(() => '@'), ...formats]);
    const table = sheet.getRange(blockAddress(header, 1, rows.length + 1, width));
    table.format.wrapText = true;
    table.format.verticalAlignment = 'Top';
    sheet.getRange(blockAddress(header, 1, 1, width)).format.font.bold = true;
    FOLLOWUP_WIDTHS.forEach((w, i) => (sheet.getRange(blockAddress(header, i + 1, 1, 1)).format.columnWidth = w * POINTS_PER_CHAR));
    table.format.autofitRows();
    if (rows.length > 0) {
      const status = sheet.getRange(blockAddress(header + 1, FOLLOWUP_COLUMN.status, rows.length, 1));
      for (const [word, rgb] of Object.entries(STATUS_FILLS)) {
        const rule = status.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
        rule.cellValue.format.fill.color = `#${rgb}`;
        rule.cellValue.rule = { formula1: `="${word}"`, operator: 'EqualTo' };
      }
    }
    sheet.freezePanes.freezeRows(header);
    // Printed for management: landscape, the template's columns on one page wide.
    sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1 };

    // Nothing typed is dropped: text whose goal is gone, and the warnings, go below the table.
    const below = header + rows.length + 2;
    // The unmatched block keeps the template's headers and ends at an empty row: the next
    // follow-up reads it back like the table (previousTextFromRows).
    const notes: string[][] = [
      ...(f.unmatchedPrevious.length > 0 ? [[UNMATCHED_TITLE, '', ''], ['Nr.', 'Årsag/konsekvens', 'Handling'], ...f.unmatchedPrevious.map((p) => [p.id, p.cause, p.action]), ['', '', '']] : []),
      ...(f.warnings.length > 0 ? [['Bemærkninger', '', ''], ...f.warnings.map((w) => [w, '', ''])] : []),
    ];
    if (notes.length > 0) {
      writeChunked(sheet, below, 1, notes.map((r) => r.map(asTextCell)), notes.map(() => ['@', '@', '@']));
    }

    const measured = f.rows.filter((r) => r.kind !== 'milestone');
    let chartSheetName: string | null = null;
    if (measured.length > 0) {
      const charts = context.workbook.worksheets.add(uniqueSheetName(`Diagrammer ${label}`, [...(await sheetNames(context)), sheetName]));
      measured.forEach((r, i) => {
        // Per goal a block: the quarters, its values and its target (a count goal's target per quarter).
        const top = 1 + i * 16;
        const target = r.kind === 'count' ? r.target! / 4 : r.target!;
        const block = [['', '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.'], [r.kind === 'count' ? 'Pr. kvartal' : 'Resultat', ...r.quarters.map((q) => q ?? '')], ['Mål', target, target, target, target]];
        const format = unitFormat(r.unit);
        writeChunked(charts, top, 1, block, [['@', '@', '@', '@', '@'], ['@', format, format, format, format], ['@', format, format, format, format]]);
        const chart = charts.charts.add(Excel.ChartType.line, charts.getRange(blockAddress(top, 1, 3, 5)), Excel.ChartSeriesBy.rows);
        chart.title.text = `${r.id} ${r.name}`.slice(0, 120);
        chart.setPosition(`G${top}`, `N${top + 14}`);
      });
      charts.load('name');
      await context.sync();
      chartSheetName = charts.name;
    }
    sheet.activate();
    await context.sync();
    return { sheetName, chartSheetName };
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
    context.workbook.application.suspendApiCalculationUntilNextSync();
    // A table's name must differ from every table's and every defined name's.
    const taken = context.workbook.tables;
    taken.load('items/name');
    const defined = context.workbook.names;
    defined.load('items/name');
    const names = await sheetNames(context);
    const tableNames = [...taken.items.map((t) => t.name), ...defined.items.map((n) => n.name)];
    const written: string[] = [];
    for (const t of tables) {
      const sheetName = uniqueSheetName(t.name, names);
      names.push(sheetName);
      const sheet = context.workbook.worksheets.add(sheetName);
      const width = t.rows[0]!.length;
      // Text as text; blank cells stay General so the numbers people type there are numbers.
      const formats = t.formats ?? t.rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
      writeChunked(sheet, 1, 1, t.rows.map((r) => r.map((v) => (typeof v === 'string' ? asTextCell(v) : v))), formats);
      const table = sheet.tables.add(blockAddress(1, 1, t.rows.length, width), true);
      const tableName = uniqueTableName(sheetName, tableNames);
      tableNames.push(tableName);
      table.name = tableName;
      table.style = 'TableStyleLight9';
      sheet.getRange(blockAddress(1, 1, t.rows.length, width)).format.autofitColumns();
      written.push(tableName);
    }
    await context.sync();
    return written;
  });
}
