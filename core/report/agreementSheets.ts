/**
 * The sheets of one agreement — the schedule, the henstand comparison, the status — and the CLI's
 * overview of a batch of schedules, described once for both renderers (core/report/sheet.ts).
 */
import type { AgreementHenstand } from '../henstand/agreementHenstand.js';
import type { ClaimHenstand } from '../henstand/claimHenstand.js';
import { ore, toKroner } from '../money/ore.js';
import { parseDate } from '../calendar/date.js';
import type { Schedule } from '../schedule/schedule.js';
import type { StatusOnDate } from '../status/statusInput.js';
import { henstandComparison, HENSTAND_HEADERS } from './henstandTable.js';
import { PLAN_COLUMNS, planRows, planSummaryLines, planWarningText, type TableColumn } from './planTable.js';
import { columnRange, type ChartDescription, type CellKind, type Column, type LinesBlock, type PairsBlock, type Place, type SheetDescription, type TableBlock } from './sheet.js';
import { NEXT_STEP_HEADERS, nextStepRows, STATE_COLORS, STATUS_COLUMNS, statusRows, statusSummaryLines } from './statusTable.js';

const columnsOf = (columns: readonly TableColumn[]): Column[] => columns.map((c) => ({ header: c.header, kind: c.kind }));
const widthsOf = (columns: readonly TableColumn[], from = 1, least = 0): Record<number, number> => Object.fromEntries(columns.map((c, i) => [from + i, Math.max(c.width, least)]));

/** The schedule as a table at `at`: header, one row per installment, optionally the total line. */
export function planTable(plan: Schedule, at: Place, options: { total?: boolean; filter?: boolean } = {}): TableBlock {
  const s = plan.summary;
  return {
    type: 'table',
    at,
    columns: columnsOf(PLAN_COLUMNS),
    rows: planRows(plan),
    ...(options.total ? { total: ['I alt', null, null, toKroner(s.total), toKroner(s.fees), toKroner(s.interest), toKroner(s.principal), null] } : {}),
    ...(options.filter ? { filter: true } : {}),
  };
}

/** The plan table's due dates and balances (its 3rd and last column), without the header. */
function planSeries(table: TableBlock, name: string): { name: string; values: ReturnType<typeof columnRange>; categories: ReturnType<typeof columnRange> } {
  const { row, col } = table.at;
  return { name, values: columnRange(col + PLAN_COLUMNS.length - 1, row + 1, table.rows.length), categories: columnRange(col + 2, row + 1, table.rows.length) };
}

export interface PlanSheetOptions {
  /**
   * `beside`: the summary (with the reference and any warning) and the balance chart stand to the
   * right of the table — a sheet on its own, as the add-in writes it into the user's workbook.
   * `total`: a total line under the table; the summary is on the workbook's overview (the CLI).
   * `none`: the table only (the schedules before and after a henstand).
   */
  summary: 'beside' | 'total' | 'none';
  reference?: string;
}

/** One schedule on a sheet: the table with filter buttons and a frozen header, a chart of the balance, and by `summary` its summary. */
export function planSheet(name: string, plan: Schedule, options: PlanSheetOptions): SheetDescription {
  const table = planTable(plan, { row: 1, col: 1 }, { total: options.summary === 'total', filter: true });
  const besideCol = PLAN_COLUMNS.length + 2;
  const lines = planSummaryLines(plan);
  const chart: ChartDescription = {
    type: 'line',
    title: 'Restgæld efter hver ydelse',
    // The balance column with its header: Excel names the series after it.
    source: columnRange(PLAN_COLUMNS.length, 1, table.rows.length + 1),
    seriesBy: 'columns',
    series: [planSeries(table, PLAN_COLUMNS[PLAN_COLUMNS.length - 1]!.header)],
    legend: false,
    // Under the summary, or at the top beside the table when there is none.
    from: { row: options.summary === 'beside' ? lines.length + 5 : 2, col: besideCol },
  };
  // Printed for the citizen or the case: on one page wide, the summary and chart beside the table.
  const base = { name, freezeRows: 1, charts: [chart], print: { orientation: 'landscape', fitToWidth: true } as const };
  const widths = widthsOf(PLAN_COLUMNS);
  if (options.summary !== 'beside') return { ...base, blocks: [table], columnWidths: widths };

  const warning = planWarningText(plan);
  const summary: PairsBlock = {
    type: 'pairs',
    at: { row: 1, col: besideCol },
    title: ['Oversigt', options.reference?.trim() ?? ''],
    lines: [...lines, ...(warning !== '' ? [{ label: 'Advarsel', value: warning, kind: 'text' as const }] : [])],
  };
  return { ...base, blocks: [table, summary], columnWidths: { ...widths, [besideCol]: 40, [besideCol + 1]: 16 } };
}

/** The CLI's overview of a batch of schedules: one line per agreement with its summary, error or warning. */
export function planOverviewSheet(plans: ReadonlyArray<{ name: string; result: Schedule | { error: { message: string } } }>): SheetDescription {
  // One column for the interest before the agreement when any plan computed it.
  const beforeStart = plans.some((p) => !('error' in p.result) && p.result.interestBeforeStart !== undefined);
  const template = planSummaryLines(PLACEHOLDER, beforeStart);
  const columns: Column[] = [{ header: 'Aftale', kind: 'text' }, ...template.map((l) => ({ header: l.label, kind: l.kind })), { header: 'Fejl', kind: 'text' }, { header: 'Advarsler', kind: 'text' }];
  const rows = plans.map((p) => {
    if ('error' in p.result) return [p.name, ...template.map(() => null), p.result.error.message, null];
    const warning = planWarningText(p.result);
    return [p.name, ...planSummaryLines(p.result, beforeStart).map((l) => l.value), null, warning === '' ? null : warning];
  });
  const widths = Object.fromEntries(columns.map((_, i) => [i + 1, i === 0 ? 40 : i >= template.length + 1 ? 60 : 16]));
  return { name: 'Oversigt', blocks: [{ type: 'table', at: { row: 1, col: 1 }, columns, rows }], columnWidths: widths, freezeRows: 1 };
}

/** Only its labels and kinds are read. */
const PLACEHOLDER: Schedule = {
  rows: [],
  summary: { count: 0, installment: ore(0), total: ore(0), fees: ore(0), interest: ore(0), principal: ore(0), lastDueDate: parseDate('2000-01-01', []) },
  warnings: [],
};

/** The henstand comparison at A1: count, last due date, interest, fees and total before and after, with the difference. */
function comparisonTable(out: AgreementHenstand): TableBlock {
  const lines = henstandComparison(out);
  return {
    type: 'table',
    at: { row: 1, col: 1 },
    columns: [{ header: HENSTAND_HEADERS[0], kind: 'text' }, ...HENSTAND_HEADERS.slice(1).map((header) => ({ header, kind: 'byRow' as const }))],
    rows: lines.map((l) => [l.label, l.before, l.after, l.difference]),
    rowKinds: lines.map((l) => l.kind),
  };
}

const warningLines = (warnings: ReadonlyArray<{ message: string }>, row: number): LinesBlock[] =>
  warnings.length === 0 ? [] : [{ type: 'lines', at: { row, col: 1 }, rows: [['Advarsler'], ...warnings.map((w) => [w.message])], bold: [0] }];

const HENSTAND_WIDTHS = { 1: 28, 2: 18, 3: 18, 4: 16 };

export interface HenstandSheetOptions {
  name: string;
  /**
   * `beside`: both schedules on the comparison's sheet, side by side, with one chart of both
   * balance curves (the add-in: one action, one new sheet in the user's workbook).
   * `ownSheets`: each schedule on a sheet of its own, named `beforeName` and `afterName` (a CLI file).
   */
  schedules: 'beside' | 'ownSheets';
  beforeName?: string;
  afterName?: string;
}

/** A henstand's sheets go in the case file: landscape, for the schedules side by side. */
const HENSTAND_PRINT = { orientation: 'landscape', fitToWidth: true } as const;

/** A henstand: the comparison and the warnings, and the schedules before and after. */
export function henstandSheets(out: AgreementHenstand, options: HenstandSheetOptions): SheetDescription[] {
  const comparison = comparisonTable(out);
  const warningsAt = comparison.rows.length + 3;
  const warnings = warningLines(out.warnings, warningsAt);
  if (options.schedules === 'ownSheets') {
    return [
      { name: options.name, blocks: [comparison, ...warnings], columnWidths: HENSTAND_WIDTHS, print: HENSTAND_PRINT },
      planSheet(options.beforeName ?? 'Før', out.before, { summary: 'none' }),
      planSheet(options.afterName ?? 'Efter', out.after, { summary: 'none' }),
    ];
  }
  const top = out.warnings.length > 0 ? warningsAt + out.warnings.length + 2 : warningsAt;
  const afterCol = PLAN_COLUMNS.length + 2;
  const titles: LinesBlock[] = [
    { type: 'lines', at: { row: top, col: 1 }, rows: [['Før henstand']], bold: [0] },
    { type: 'lines', at: { row: top, col: afterCol }, rows: [['Efter henstand']], bold: [0] },
  ];
  const before = planTable(out.before, { row: top + 1, col: 1 });
  const after = planTable(out.after, { row: top + 1, col: afterCol });
  const beforeSeries = planSeries(before, 'Før henstand');
  const chart: ChartDescription = {
    type: 'scatterLines',
    title: 'Restgæld før og efter henstand',
    source: beforeSeries.values,
    seriesBy: 'columns',
    series: [beforeSeries, planSeries(after, 'Efter henstand')],
    from: { row: 1, col: 6 },
  };
  // Each column as wide as the widest of what it holds: the comparison, and a schedule's column.
  const widths: Record<number, number> = { ...widthsOf(PLAN_COLUMNS), ...widthsOf(PLAN_COLUMNS, afterCol) };
  for (const [col, w] of Object.entries(HENSTAND_WIDTHS)) widths[Number(col)] = Math.max(w, widths[Number(col)] ?? 0);
  return [{ name: options.name, blocks: [comparison, ...warnings, ...titles, before, after], charts: [chart], columnWidths: widths, print: HENSTAND_PRINT }];
}

/** A henstand on one claim (the CLI): its due date before and after, the interest spared and the rykker procedure moved. */
export function singleClaimHenstandSheet(name: string, out: ClaimHenstand): SheetDescription {
  const pairs: PairsBlock = {
    type: 'pairs',
    at: { row: 1, col: 1 },
    lines: [
      { label: 'Fordring', value: out.claim, kind: 'text' },
      { label: 'Forfaldsdato før', value: out.dueDateBefore, kind: 'text' },
      { label: 'Forfaldsdato efter', value: out.dueDateAfter, kind: 'text' },
      { label: 'Sparet rente', value: toKroner(out.interestSpared), kind: 'kroner' },
    ],
  };
  const steps: TableBlock = {
    type: 'table',
    at: { row: 6, col: 1 },
    columns: [
      { header: 'Rykkerforløb', kind: 'text' },
      { header: 'Før', kind: 'text' },
      { header: 'Efter', kind: 'text' },
    ],
    rows: out.rykkerBefore.map((s, j) => [s.action, s.earliest, out.rykkerAfter[j]?.earliest ?? null]),
  };
  return { name, blocks: [pairs, steps, ...warningLines(out.warnings, 6 + 1 + steps.rows.length + 1)], columnWidths: HENSTAND_WIDTHS, print: HENSTAND_PRINT };
}

/** An agreement's status: the summary (its state coloured), each installment coloured by state, the next steps. */
export function statusSheet(name: string, out: StatusOnDate): SheetDescription {
  const summary: PairsBlock = {
    type: 'pairs',
    at: { row: 1, col: 1 },
    boldLabels: true,
    lines: statusSummaryLines(out).map((l) => ({ ...l, ...(l.label === 'Aftalens status' ? { fill: STATE_COLORS[out.state] ?? 'FFFFFF' } : {}) })),
  };
  const top = summary.lines.length + 2;
  const installments: TableBlock = {
    type: 'table',
    at: { row: top, col: 1 },
    columns: STATUS_COLUMNS.map((c) => ({ header: c.header, kind: c.kind, ...(c.header === 'Status' ? { fills: { colours: STATE_COLORS, rule: 'static' as const } } : {}) })),
    rows: statusRows(out),
  };
  const stepKinds: CellKind[] = ['text', 'date', 'kroner'];
  const steps: TableBlock[] =
    out.nextSteps.length === 0
      ? []
      : [
          {
            type: 'table',
            at: { row: top + installments.rows.length + 2, col: 1 },
            columns: NEXT_STEP_HEADERS.map((header, i) => ({ header, kind: stepKinds[i]! })),
            rows: nextStepRows(out),
          },
        ];
  return { name, blocks: [summary, installments, ...steps], columnWidths: widthsOf(STATUS_COLUMNS, 1, 18), print: { orientation: 'portrait', fitToWidth: true } };
}

/** A batch element that failed (the CLI): its message on a sheet of its own. */
export function failureSheet(name: string, message: string): SheetDescription {
  return { name, blocks: [{ type: 'lines', at: { row: 1, col: 1 }, rows: [['Fejl'], [message]], bold: [0] }], columnWidths: { 1: 100 } };
}
