/**
 * Draws a sheet description (core/report/sheet.ts) with ExcelJS, into a workbook in memory or a
 * streaming writer (row by row, top to bottom, so 80,000 debtors need not fit in memory as a
 * model). ExcelJS writes no charts: they come back as ChartSpecs for addCharts (charts.ts) to put
 * into the finished file. Every string is written as a string value, which ExcelJS never turns
 * into a formula, and passes through xmlSafe.ts on its way into the file.
 */
import type ExcelJS from 'exceljs';
import './xmlSafe.js';
import { columnLetter } from '../../core/report/a1.js';
import { blockLines, conditionalFills, tableRange, type Block, type CellRange, type ChartDescription, type RenderedLine, type SheetDescription, type TableBlock } from '../../core/report/sheet.js';
import type { ChartSpec } from './charts.js';

export type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/** "$B$2:$E$2" */
export const absolute = (r: CellRange): string => `$${columnLetter(r.col)}$${r.row}:$${columnLetter(r.col + r.cols - 1)}$${r.row + r.rows - 1}`;

/** Excel's default chart is about 8 columns wide and 15 rows high. */
const DEFAULT_CHART = { cols: 8, rows: 15 };

export function chartSpec(sheet: string, c: ChartDescription): ChartSpec {
  const to = c.to ?? { row: c.from.row + DEFAULT_CHART.rows, col: c.from.col + DEFAULT_CHART.cols };
  return {
    sheet,
    kind: c.type,
    title: c.title,
    series: c.series.map((s) => ({ name: s.name, values: absolute(s.values), ...(s.categories ? { categories: absolute(s.categories) } : {}) })),
    from: { col: c.from.col - 1, row: c.from.row - 1 },
    to: { col: to.col - 1, row: to.row - 1 },
    ...(c.valueFormat ? { numFmt: c.valueFormat } : {}),
    ...(c.legend === false ? { legend: false } : {}),
    ...(c.markers ? { markers: true } : {}),
  };
}

/** The lines of all blocks, grouped by row, top to bottom (blocks side by side share rows). */
function* linesByRow(blocks: readonly Block[]): Generator<RenderedLine[]> {
  const iterators = blocks.map((b) => blockLines(b));
  const heads = iterators.map((it) => it.next());
  for (;;) {
    let row = Infinity;
    for (const h of heads) if (!h.done) row = Math.min(row, h.value.row);
    if (row === Infinity) return;
    const group: RenderedLine[] = [];
    heads.forEach((h, i) => {
      while (!h.done && h.value.row === row) {
        group.push(h.value);
        h = heads[i] = iterators[i]!.next();
      }
    });
    yield group;
  }
}

/**
 * A row tall enough for its wrapped text (15 points a line, lines estimated from the column
 * widths): a file carries no autofit, and LibreOffice otherwise draws the lines over each other.
 */
function wrappedHeight(line: RenderedLine, widths: Readonly<Record<number, number>>): number {
  const lines = line.values.map((v, i) => (typeof v === 'string' ? v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (widths[line.col + i] ?? 9))), 0) : 1));
  return 15 * Math.max(1, ...lines);
}

const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` }, bgColor: { argb: `FF${rgb}` } });

/** Adds the described sheet as `name`; returns its charts, for addCharts once the file is written. */
export function renderSheet(wb: AnyWorkbook, name: string, d: SheetDescription): ChartSpec[] {
  const sheet = wb.addWorksheet(name, {
    ...(d.freezeRows ? { views: [{ state: 'frozen', ySplit: d.freezeRows }] } : {}),
    ...(d.print ? { pageSetup: { orientation: d.print.orientation, paperSize: 9, ...(d.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}) } } : {}),
  });
  const widths = d.columnWidths ?? {};
  for (const [col, width] of Object.entries(widths)) sheet.getColumn(Number(col)).width = width;

  const filtered = d.blocks.find((b) => b.type === 'table' && b.filter);
  if (filtered?.type === 'table') {
    const r = tableRange(filtered);
    sheet.autoFilter = { from: { row: r.row, column: r.col }, to: { row: r.row, column: r.col + r.cols - 1 } };
  }
  for (const { range, colours } of d.blocks.flatMap(conditionalFills)) {
    sheet.addConditionalFormatting({
      ref: absolute(range).replace(/\$/g, ''),
      rules: Object.entries(colours).map(([word, rgb], priority) => ({ type: 'cellIs', operator: 'equal', priority: priority + 1, formulae: [`"${word}"`], style: { fill: solid(rgb) } })),
    });
  }
  const wrapTables = d.blocks.filter((b): b is TableBlock => b.type === 'table' && b.wrap === true);
  const isWrapped = (l: RenderedLine) => wrapTables.some((b) => l.col === b.at.col && l.row >= b.at.row && l.row <= b.at.row + b.rows.length);

  // Rows are committed one behind, so a page break can still be put under the row before a page.
  let pending: ExcelJS.Row | null = null;
  for (const group of linesByRow(d.blocks)) {
    const row = sheet.getRow(group[0]!.row);
    if (group.some((l) => l.pageBreakBefore)) pending?.addPageBreak();
    pending?.commit();
    let height = 0;
    for (const line of group) {
      const wrap = isWrapped(line);
      if (wrap) height = Math.max(height, wrappedHeight(line, widths));
      line.values.forEach((value, j) => {
        if (value === null) return;
        const cell = row.getCell(line.col + j);
        cell.value = value;
        cell.numFmt = line.formats[j]!;
        if (line.bold || (line.boldFirst && j === 0)) cell.font = { bold: true, ...(line.size ? { size: line.size } : {}) };
        else if (line.size) cell.font = { size: line.size };
        const fill = line.fills?.[j];
        if (fill) cell.fill = solid(fill);
        if (wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    }
    if (height > 0) row.height = height;
    pending = row;
  }
  pending?.commit();
  // A streamed sheet is finished here; a sheet in memory has nothing to commit (and no commit()).
  if (typeof (sheet as Partial<ExcelJS.Worksheet>).commit === 'function') sheet.commit();
  return (d.charts ?? []).map((c) => chartSpec(name, c));
}
