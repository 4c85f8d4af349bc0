/**
 * Draws a sheet description (core/report/sheet.ts) on a new worksheet through Office.js, inside
 * the caller's Excel.run. Values and formatting calls are counted into the caller's RequestBatch,
 * which sends before Excel's 5 MB request limit (a sheet of letters for many debtors too); text
 * goes through asTextCell, so nothing from the user's data becomes a formula.
 */
import { blockAddress, columnLetter } from '../../core/report/a1.js';
import { blockLines, conditionalFills, tableRange, within, type Block, type CellRange, type ChartDescription, type RenderedLine, type SheetDescription } from '../../core/report/sheet.js';
import { asTextCell, FORMAT_CALL_BYTES, writeRows, type RequestBatch } from './cells.js';

/** Excel's column width is in points; a character of the default font is about 6 points wide. */
export const POINTS_PER_CHAR = 6;

export interface RenderOptions {
  onProgress?: (done: number, total: number) => void;
}

const address = (r: CellRange) => blockAddress(r.row, r.col, r.rows, r.cols);
const cellText = (v: string | number | null) => (v === null ? '' : typeof v === 'string' ? asTextCell(v) : v);

/** Consecutive indices (ascending) as [first, count] pairs. */
function runs(indices: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1] += 1;
    else out.push([i, 1]);
  }
  return out;
}

/** How many lines `blockLines` gives for a block, without making them (for progress). */
export function lineCount(block: Block): number {
  switch (block.type) {
    case 'table':
      return 1 + block.rows.length + (block.total ? 1 : 0);
    case 'pairs':
      return (block.title ? 1 : 0) + block.lines.length;
    case 'lines':
      return block.rows.length;
  }
}

/** What of a line is drawn after the values are written: bold, size, fills, a page break. */
interface LineMarks {
  width: number;
  bold: number[];
  boldFirst: number[];
  rest: Array<{ i: number; line: RenderedLine }>;
}

/**
 * A block's lines as rows to write, made one at a time as the writer takes them (a table of
 * 100.000 rows is never held converted at once); each line's formatting is noted in `marks`.
 */
function* rowsOf(block: Block, marks: LineMarks): Generator<{ values: Array<string | number>; formats: readonly string[] }> {
  let i = 0;
  for (const l of blockLines(block)) {
    if (i === 0) marks.width = l.values.length;
    if (l.bold) marks.bold.push(i);
    if (l.boldFirst === true) marks.boldFirst.push(i);
    if (l.size || l.fills || l.pageBreakBefore) marks.rest.push({ i, line: l });
    yield { values: l.values.map(cellText), formats: l.formats };
    i += 1;
  }
}

const CHART_TYPES = { line: 'line', stackedColumn: 'columnStacked', scatterLines: 'xyscatterLines' } as const;

/** Adds one chart: Excel reads series and categories from the source; the rest is set by hand. */
function addChart(sheet: Excel.Worksheet, c: ChartDescription): void {
  const type = c.type === 'line' && c.markers ? Excel.ChartType.lineMarkers : Excel.ChartType[CHART_TYPES[c.type]];
  const chart = sheet.charts.add(type, sheet.getRange(address(c.source)), c.seriesBy === 'rows' ? Excel.ChartSeriesBy.rows : Excel.ChartSeriesBy.columns);
  chart.title.text = c.title;
  if (c.legend === false) chart.legend.visible = false;
  c.series.forEach((s, i) => {
    const fromSource = within(s.values, c.source);
    // The cell before the values (above a column, left of a row) names the series when it is in the source.
    const label = c.seriesBy === 'columns' ? { row: s.values.row - 1, col: s.values.col, rows: 1, cols: 1 } : { row: s.values.row, col: s.values.col - 1, rows: 1, cols: 1 };
    const named = fromSource && within(label, c.source);
    const needsX = s.categories !== undefined && !within(s.categories, c.source);
    if (fromSource && named && !needsX) return;
    const series = fromSource ? chart.series.getItemAt(i) : chart.series.add(s.name);
    if (fromSource && !named) series.name = s.name;
    if (!fromSource) series.setValues(sheet.getRange(address(s.values)));
    if (needsX) series.setXAxisValues(sheet.getRange(address(s.categories!)));
  });
  const at = (p: { row: number; col: number }) => `${columnLetter(p.col)}${p.row}`;
  if (c.to) chart.setPosition(at(c.from), at(c.to));
  else chart.setPosition(at(c.from));
}

/** Writes the described sheet onto `sheet` (a new, empty worksheet). */
export async function renderSheet(batch: RequestBatch, sheet: Excel.Worksheet, d: SheetDescription, options: RenderOptions = {}): Promise<void> {
  const call = () => batch.add(FORMAT_CALL_BYTES);
  for (const [col, width] of Object.entries(d.columnWidths ?? {})) {
    sheet.getRange(blockAddress(1, Number(col), 1, 1)).format.columnWidth = width * POINTS_PER_CHAR;
  }
  for (const block of d.blocks) {
    const count = lineCount(block);
    if (count === 0) continue;
    const { row, col } = block.at;
    const marks: LineMarks = { width: 0, bold: [], boldFirst: [], rest: [] };
    await writeRows(batch, sheet, row, col, rowsOf(block, marks), count, options.onProgress);
    const width = marks.width;
    for (const [first, n] of runs(marks.bold)) {
      sheet.getRange(blockAddress(row + first, col, n, width)).format.font.bold = true;
      await call();
    }
    for (const [first, n] of runs(marks.boldFirst)) {
      sheet.getRange(blockAddress(row + first, col, n, 1)).format.font.bold = true;
      await call();
    }
    for (const { i, line: l } of marks.rest) {
      if (l.size) {
        sheet.getRange(blockAddress(row + i, col, 1, width)).format.font.size = l.size;
        await call();
      }
      for (const [j, fill] of (l.fills ?? []).entries()) {
        if (fill === undefined) continue;
        sheet.getRange(blockAddress(row + i, col + j, 1, 1)).format.fill.color = `#${fill}`;
        await call();
      }
      if (l.pageBreakBefore) {
        sheet.horizontalPageBreaks.add(`A${row + i}`);
        await call();
      }
    }
    for (const { range, colours } of conditionalFills(block)) {
      const target = sheet.getRange(address(range));
      for (const [word, rgb] of Object.entries(colours)) {
        const rule = target.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
        rule.cellValue.format.fill.color = `#${rgb}`;
        rule.cellValue.rule = { formula1: `="${word}"`, operator: 'EqualTo' };
      }
    }
    if (block.type === 'table' && block.filter) {
      // An Excel table: filter buttons, banded rows, and a name formulas can refer to.
      const table = sheet.tables.add(address(tableRange(block)), true);
      table.name = `Saldo_${Date.now().toString(36)}`;
      table.style = 'TableStyleMedium2';
    }
    if (block.type === 'table' && block.wrap) {
      const range = sheet.getRange(address(tableRange(block)));
      range.format.wrapText = true;
      range.format.verticalAlignment = 'Top';
      range.format.autofitRows();
    }
  }
  if (d.freezeRows) sheet.freezePanes.freezeRows(d.freezeRows);
  if (d.print) {
    sheet.pageLayout.orientation = d.print.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    if (d.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
  for (const c of d.charts ?? []) addChart(sheet, c);
}
