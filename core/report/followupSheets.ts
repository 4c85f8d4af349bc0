/**
 * The follow-up's sheets, described once for both renderers (core/report/sheet.ts): the ministry's
 * template with its status colours, and a chart per measured goal against its target.
 */
import type { Followup, FollowupRow, Unit } from '../followup/followup.js';
import { FOLLOWUP_COLUMN, FOLLOWUP_HEADERS, FOLLOWUP_WIDTHS, followupRows, followupTitle, STATUS_FILLS, UNMATCHED_TITLE } from './followupTable.js';
import type { CellKind, ChartDescription, Column, LinesBlock, SheetDescription, TableBlock } from './sheet.js';

/** The template's header row (row 1 is the title, row 2 a note). */
export const FOLLOWUP_HEADER_ROW = 3;

const UNIT_KINDS: Readonly<Record<Unit, CellKind>> = { percent: 'percent', kr: 'kroner', number: 'decimal' };

/** The kind of a goal's values: its unit's; a milestone shows its quarters as text ("frist", "nået"). */
/** A count goal's figures are whole counts (12.000); others by their unit. */
const rowKind = (r: FollowupRow): CellKind => (r.kind === 'milestone' ? 'text' : r.kind === 'count' && r.unit === 'number' ? 'count' : UNIT_KINDS[r.unit]);

const VALUE_COLUMNS = new Set<number>([0, 1, 2, 3].map((q) => FOLLOWUP_COLUMN.quarters + q).concat([FOLLOWUP_COLUMN.ytd, FOLLOWUP_COLUMN.target, FOLLOWUP_COLUMN.forecast]));

const COLUMNS: readonly Column[] = FOLLOWUP_HEADERS.map((header, i) => ({
  header,
  kind: VALUE_COLUMNS.has(i + 1) ? 'byRow' : 'text',
  // Status colours as rules, not fills: a status typed over by hand is coloured too.
  ...(i + 1 === FOLLOWUP_COLUMN.status ? { fills: { colours: STATUS_FILLS, rule: 'conditional' as const } } : {}),
}));

/**
 * The template sheet: title, note, the table (frozen header, wrapped text, status colours), and
 * below it nothing typed is dropped — text whose goal is gone (under the template's headers, ending
 * at an empty row, so the next follow-up reads it back like the table: previousTextFromRows) and
 * the warnings. Printed for management: landscape, the template's columns on one page wide.
 */
export function followupSheet(name: string, f: Followup, note = ''): SheetDescription {
  const table: TableBlock = { type: 'table', at: { row: FOLLOWUP_HEADER_ROW, col: 1 }, columns: COLUMNS, rows: followupRows(f), rowKinds: f.rows.map(rowKind), wrap: true };
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
    columnWidths: Object.fromEntries(FOLLOWUP_WIDTHS.map((w, i) => [i + 1, w])),
    freezeRows: FOLLOWUP_HEADER_ROW,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/** Rows between one goal's chart and the next. */
const CHART_ROWS = 16;

/**
 * One line chart per measured goal (a milestone has none): per goal a block of its quarters, its
 * values and its target (a count goal's target per quarter), the chart beside it. Null when no
 * goal is measured.
 */
export function followupChartSheet(name: string, f: Followup): SheetDescription | null {
  const measured = f.rows.filter((r) => r.kind !== 'milestone');
  if (measured.length === 0) return null;
  const blocks: LinesBlock[] = [];
  const charts: ChartDescription[] = [];
  measured.forEach((r, i) => {
    const top = 1 + i * CHART_ROWS;
    const target = r.kind === 'count' ? r.target! / 4 : r.target!;
    const kind = rowKind(r);
    const values: CellKind[] = ['text', kind, kind, kind, kind];
    blocks.push({
      type: 'lines',
      at: { row: top, col: 1 },
      rows: [
        [null, '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.'],
        [r.kind === 'count' ? 'Pr. kvartal' : 'Resultat', ...r.quarters],
        ['Mål', target, target, target, target],
      ],
      kinds: [['text', 'text', 'text', 'text', 'text'], values, values],
      bold: [0],
    });
    const quarters = { row: top, col: 2, rows: 1, cols: 4 };
    charts.push({
      type: 'line',
      title: `${r.id} ${r.name}`.slice(0, 120),
      source: { row: top, col: 1, rows: 3, cols: 5 },
      seriesBy: 'rows',
      series: [
        { name: r.kind === 'count' ? 'Pr. kvartal' : 'Resultat', values: { ...quarters, row: top + 1 }, categories: quarters },
        { name: 'Mål', values: { ...quarters, row: top + 2 }, categories: quarters },
      ],
      from: { row: top, col: 7 },
      to: { row: top + 14, col: 14 },
      valueFormat: r.unit === 'percent' ? '0%' : r.kind === 'count' ? '#,##0' : '#,##0.00',
    });
  });
  return { name, blocks, charts, columnWidths: { 1: 14, 2: 10, 3: 10, 4: 10, 5: 10 }, print: { orientation: 'landscape', fitToWidth: true } };
}
