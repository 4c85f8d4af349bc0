/**
 * The follow-up's sheets, described once for both renderers (core/report/sheet.ts): the ministry's
 * template with its status colours, the months on a sheet of their own when the template shows
 * quarters of monthly data, and a chart per measured goal against its target, by the data's periods.
 */
import type { Followup, FollowupRow, Unit } from '../followup/followup.js';
import type { Granularity } from '../followup/periods.js';
import { elapsedText, followupLayout, followupRows, followupTitle, MONTH_HEADERS, MONTH_WIDTH, periodCells, periodHeaders, QUARTER_HEADERS, STATUS_FILLS, UNMATCHED_TITLE } from './followupTable.js';
import type { CellKind, CellValue, ChartDescription, Column, LinesBlock, SheetDescription, TableBlock } from './sheet.js';

/** The template's header row (row 1 is the title, row 2 a note). */
export const FOLLOWUP_HEADER_ROW = 3;

const UNIT_KINDS: Readonly<Record<Unit, CellKind>> = { percent: 'percent', kr: 'kroner', number: 'decimal' };

/**
 * The kind of a goal's values: a milestone's periods are text ("frist", "nået"); a count goal's
 * figures whole counts (12.000); others by their unit.
 */
export const goalCellKind = (r: FollowupRow): CellKind => (r.kind === 'milestone' ? 'text' : r.kind === 'count' && r.unit === 'number' ? 'count' : UNIT_KINDS[r.unit]);

/** The template's columns for a view: values by the goal's kind, the status coloured. */
function templateColumns(view: Granularity): Column[] {
  const { headers, column } = followupLayout(view);
  const periods = periodHeaders(view).length;
  const values = new Set([...Array.from({ length: periods }, (_, i) => column.periods + i), column.ytd, column.target, column.forecast]);
  return headers.map((header, i) => ({
    header,
    kind: values.has(i + 1) ? 'byRow' : 'text',
    // Status colours as rules, not fills: a status typed over by hand is coloured too.
    ...(i + 1 === column.status ? { fills: { colours: STATUS_FILLS, rule: 'conditional' as const } } : {}),
  }));
}

const widthsOf = (widths: readonly number[]): Record<number, number> => Object.fromEntries(widths.map((w, i) => [i + 1, w]));

/**
 * The template sheet: title, note, the table (frozen header, wrapped text, status colours), and
 * below it nothing typed is dropped — text whose goal is gone (under the template's headers, ending
 * at an empty row, so the next follow-up reads it back like the table: previousTextFromRows) and
 * the warnings. Its period columns are the view's: quarters, or the twelve months. Printed for
 * management: landscape, the template's columns on one page wide.
 */
export function followupSheet(name: string, f: Followup, note = ''): SheetDescription {
  const layout = followupLayout(f.view);
  const table: TableBlock = { type: 'table', at: { row: FOLLOWUP_HEADER_ROW, col: 1 }, columns: templateColumns(f.view), rows: followupRows(f), rowKinds: f.rows.map(goalCellKind), wrap: true };
  const notes = [
    ...(f.unmatchedPrevious.length > 0 ? [[UNMATCHED_TITLE], ['Nr.', 'Årsag/konsekvens', 'Handling'], ...f.unmatchedPrevious.map((p) => [p.id, p.cause, p.action]), [null]] : []),
    ...(f.warnings.length > 0 ? [['Bemærkninger'], ...f.warnings.map((w) => [w])] : []),
  ];
  const below: LinesBlock[] =
    notes.length === 0
      ? []
      : [
          {
            type: 'lines',
            at: { row: FOLLOWUP_HEADER_ROW + f.rows.length + 2, col: 1 },
            rows: notes.map((r) => [...r, null, null].slice(0, 3)),
            bold: notes.flatMap((r, i) => (r[0] === UNMATCHED_TITLE || r[0] === 'Bemærkninger' ? [i] : [])),
          },
        ];
  const title: LinesBlock = { type: 'lines', at: { row: 1, col: 1 }, rows: [[followupTitle(f)], [note]], bold: [0], sizes: { 0: 14 } };
  return {
    name,
    blocks: [title, table, ...below],
    columnWidths: widthsOf(layout.widths),
    freezeRows: FOLLOWUP_HEADER_ROW,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/**
 * The twelve months of monthly data, when the template shows quarters (asked for with
 * `quarters`): a quarter is shown only once all its months are in, so the months since are seen
 * here — Nr., Mål, the months, the value to date and the months it rests on. Null when the data
 * is quarterly, or when the template shows the months itself (a second copy would only drift).
 */
export function followupMonthSheet(name: string, f: Followup): SheetDescription | null {
  if (f.granularity !== 'month' || f.view === 'month') return null;
  const columns: Column[] = [
    { header: 'Nr.', kind: 'text' },
    { header: 'Mål', kind: 'text' },
    ...MONTH_HEADERS.map((header): Column => ({ header, kind: 'byRow' })),
    { header: 'År til dato', kind: 'byRow' },
    { header: 'Grundlag', kind: 'text' },
  ];
  const rows = f.rows.map((r) => [r.id, r.name, ...periodCells(r, 'month'), r.ytd, r.basis]);
  const title: LinesBlock = { type: 'lines', at: { row: 1, col: 1 }, rows: [[`Opfølgning på mål ${f.year} pr. måned — efter ${elapsedText(f)}`]], bold: [0], sizes: { 0: 14 } };
  const table: TableBlock = { type: 'table', at: { row: FOLLOWUP_HEADER_ROW, col: 1 }, columns, rows, rowKinds: f.rows.map(goalCellKind), wrap: true };
  return {
    name,
    blocks: [title, table],
    columnWidths: widthsOf([7, 34, ...MONTH_HEADERS.map(() => MONTH_WIDTH), 12, 14]),
    freezeRows: FOLLOWUP_HEADER_ROW,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/**
 * The target line of a goal's chart, one point per period of the data, within the goal's window
 * (a campaign's start..end, else the year) and blank outside it: a ratio's target as it is; a
 * count's target for the window spread evenly over it (600 aftaler over 12 months: 50 a month;
 * 500 over M03–M12: 50 a month from March).
 */
export function targetLine(r: FollowupRow, periodsInYear: number): Array<number | null> {
  const start = r.start ?? 1;
  const end = r.end ?? periodsInYear;
  const perPeriod = r.target === null ? null : r.kind === 'count' ? r.target / (end - start + 1) : r.target;
  return Array.from({ length: periodsInYear }, (_, i) => (i + 1 >= start && i + 1 <= end ? perPeriod : null));
}

/** Rows between one goal's chart and the next. */
const CHART_ROWS = 16;
/** Charts on a printed page: two of 15 rows fit a landscape page one page wide, a third was cut in half. */
const CHARTS_PER_PAGE = 2;

/**
 * One line chart per measured goal (a milestone has none), by the data's own periods: per goal a
 * block of its periods, its values and its target line (targetLine), the chart beside it.
 * Quarters lie across (4 columns); months down (12 rows), so a block stays narrow. A period not
 * reported is an empty cell, which the chart leaves as a gap — never a 0. A goal without a target
 * (followed, not judged) has no target line: an empty "Mål" would only fill the legend. The
 * blocks are one block of lines, so a printed page begins every CHARTS_PER_PAGE goals. Null when
 * no goal is measured.
 */
export function followupChartSheet(name: string, f: Followup): SheetDescription | null {
  const measured = f.rows.filter((r) => r.kind !== 'milestone');
  if (measured.length === 0) return null;
  const monthly = f.granularity === 'month';
  const rows: CellValue[][] = [];
  const kinds: CellKind[][] = [];
  const charts: ChartDescription[] = [];
  /** A goal's lines at its place in the one block, padded to the next goal's. */
  const add = (i: number, lines: CellValue[][], lineKinds: CellKind[][]) => {
    while (rows.length < i * CHART_ROWS) {
      rows.push([]);
      kinds.push([]);
    }
    rows.push(...lines);
    kinds.push(...lineKinds);
  };
  measured.forEach((r, i) => {
    const top = 1 + i * CHART_ROWS;
    const kind = goalCellKind(r);
    const label = r.kind === 'count' ? (monthly ? 'Pr. måned' : 'Pr. kvartal') : 'Resultat';
    const values: Array<number | null> = monthly ? (r.months ?? Array<null>(12).fill(null)) : r.quarters;
    const target = targetLine(r, f.periodsInYear);
    // The goal's series: its values, and its target where it has one.
    const series = r.target === null ? 1 : 2;
    const chart = {
      type: 'line' as const,
      title: `${r.id} ${r.name}`.slice(0, 120),
      valueFormat: r.unit === 'percent' ? '0%' : r.kind === 'count' ? '#,##0' : '#,##0.00',
      // January alone, or a month between gaps, is a point: a line without markers would not show it.
      markers: true,
    };
    if (monthly) {
      const line = (['text', kind, kind] satisfies CellKind[]).slice(0, 1 + series);
      add(
        i,
        [[null, label, 'Mål'].slice(0, 1 + series), ...MONTH_HEADERS.map((m, k): CellValue[] => [m, values[k] ?? null, target[k] ?? null].slice(0, 1 + series))],
        [line.map(() => 'text' as const), ...MONTH_HEADERS.map(() => line)],
      );
      const months = { row: top + 1, col: 1, rows: 12, cols: 1 };
      charts.push({
        ...chart,
        source: { row: top, col: 1, rows: 13, cols: 1 + series },
        seriesBy: 'columns',
        series: [
          { name: label, values: { ...months, col: 2 }, categories: months },
          { name: 'Mål', values: { ...months, col: 3 }, categories: months },
        ].slice(0, series),
        from: { row: top, col: 5 },
        to: { row: top + 14, col: 14 },
      });
      return;
    }
    const line: CellKind[] = ['text', kind, kind, kind, kind];
    add(
      i,
      [
        [null, ...QUARTER_HEADERS],
        [label, ...values],
        ['Mål', ...target],
      ].slice(0, 1 + series),
      ([['text', 'text', 'text', 'text', 'text'], line, line] satisfies CellKind[][]).slice(0, 1 + series),
    );
    const quarters = { row: top, col: 2, rows: 1, cols: 4 };
    charts.push({
      ...chart,
      source: { row: top, col: 1, rows: 1 + series, cols: 5 },
      seriesBy: 'rows',
      series: [
        { name: label, values: { ...quarters, row: top + 1 }, categories: quarters },
        { name: 'Mål', values: { ...quarters, row: top + 2 }, categories: quarters },
      ].slice(0, series),
      from: { row: top, col: 7 },
      to: { row: top + 14, col: 14 },
    });
  });
  const columnWidths: Record<number, number> = monthly ? { 1: 10, 2: 12, 3: 12 } : { 1: 14, 2: 10, 3: 10, 4: 10, 5: 10 };
  const tops = measured.map((_, i) => i * CHART_ROWS);
  const block: LinesBlock = { type: 'lines', at: { row: 1, col: 1 }, rows, kinds, bold: tops, pageStarts: tops.filter((_, i) => i % CHARTS_PER_PAGE === 0) };
  return { name, blocks: [block], charts, columnWidths, print: { orientation: 'landscape', fitToWidth: true } };
}
