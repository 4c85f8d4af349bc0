/**
 * The workbook adapter: every Excel.run in the add-in lives here. React components get plain
 * async functions. One batched read or write per user action; results always go to a NEW sheet
 * (Office.js changes cannot be undone with Ctrl+Z, so Saldo never writes over the user's data).
 */
import type { PlanOutput } from '../../core/commands/plan.js';
import { NUMBER_FORMATS, PLAN_COLUMNS, planRows, planSummaryLines } from '../../core/report/planTable.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';

/** Excel on the web refuses requests over 5 MB; stay well under it (values ≈ 20 bytes a cell). */
export const MAX_CELLS_PER_WRITE = 100_000;

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `A1:H13` for a block starting at (row, col), 1-based. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}

/**
 * Text from the user's data must never become a formula: Excel reads a value that starts with
 * =, +, - or @ as one. Such text is written with a leading apostrophe (Excel's text prefix,
 * not shown in the cell), and text columns also get the text format "@".
 */
export function asTextCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
    range.values = part as never;
    chunks += 1;
  }
  return chunks;
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
    context.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const sheetName = uniqueSheetName(reference?.trim() ? reference : 'Afdragsplan', sheets.items.map((s) => s.name));
    const sheet = sheets.add(sheetName);

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

    const balance = sheet.getRange(blockAddress(1, header.length, rows.length + 1, 1));
    const chart = sheet.charts.add(Excel.ChartType.line, balance, Excel.ChartSeriesBy.columns);
    chart.title.text = 'Restgæld efter hver ydelse';
    chart.legend.visible = false;
    chart.series.getItemAt(0).setXAxisValues(sheet.getRange(blockAddress(2, 3, rows.length, 1)));
    chart.setPosition(`${columnLetter(summaryCol)}${summary.length + 4}`);

    sheet.getRange(blockAddress(1, 1, rows.length + 1, header.length + 3)).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { sheetName, rows: rows.length };
  });
}
