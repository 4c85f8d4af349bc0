/**
 * The opkrævningstragt as a sheet (core/portfolio/funnel.ts), described once for both renderers
 * (core/report/sheet.ts): the table by claim type and month of forfald with a frozen header and
 * filter buttons, the period's figures beside it, and under them a stacked column chart per claim
 * type — the month's new principal split into its stages. Amounts become kroner as cells are made.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { toKroner } from '../money/ore.js';
import { FUNNEL_STAGES, type Funnel, type FunnelFigures, type FunnelStage } from '../portfolio/funnel.js';
import { columnRange, type CellValue, type ChartDescription, type Column, type PairsBlock, type SheetDescription, type TableBlock } from './sheet.js';

/** The stages in the funnel's order, for a front end that lists them beside their labels. */
export { FUNNEL_STAGES };

/** The stages in Danish, as the sheet's headers and the charts' series say them. */
export const FUNNEL_STAGE_LABELS: Readonly<Record<FunnelStage, string>> = {
  paidBeforeRykker: 'Betalt før rykker',
  paidAfterRykker: 'Betalt efter rykker',
  inAgreement: 'I betalingsaftale',
  sentToInddrivelse: 'Sendt til inddrivelse',
  writtenOff: 'Afskrevet',
  open: 'Åben',
};

export const FUNNEL_COLUMNS: readonly Column[] = [
  { header: 'Fordringstype', kind: 'text' },
  { header: 'Forfaldsmåned', kind: 'text' },
  { header: 'Nye fordringer', kind: 'integer' },
  { header: 'Ny hovedstol', kind: 'kroner' },
  ...FUNNEL_STAGES.map((s) => ({ header: FUNNEL_STAGE_LABELS[s], kind: 'kroner' as const })),
  { header: 'Løst uden inddrivelse', kind: 'percent' },
  { header: 'Mediandage til betaling', kind: 'decimal' },
  { header: 'Mediandage til oversendelse', kind: 'decimal' },
  ...FUNNEL_STAGES.map((s) => ({ header: `${FUNNEL_STAGE_LABELS[s]}, antal`, kind: 'integer' as const })),
];
/** The first stage column (1-based): the charts' series are the six columns from here. */
const FIRST_STAGE_COL = 5;
const MONTH_COL = 2;

function figureCells(f: FunnelFigures): CellValue[] {
  return [
    f.newCount,
    toKroner(f.newAmount),
    ...FUNNEL_STAGES.map((s) => toKroner(f.amounts[s])),
    f.shareSolvedWithoutInddrivelse,
    f.medianDaysToPayment,
    f.medianDaysToTransfer,
    ...FUNNEL_STAGES.map((s) => f.counts[s]),
  ];
}

/** One row per claim type and month, as the funnel orders them (type, then month). */
export function funnelTable(f: Funnel): Pick<TableBlock, 'columns' | 'rows' | 'total'> {
  return {
    columns: FUNNEL_COLUMNS,
    rows: f.months.map((m) => [m.claimType, m.month, ...figureCells(m)]),
  };
}

/** The period's figures: the date, the totals by stage, the share and the medians, what was left out. */
function summaryBlock(f: Funnel, col: number): PairsBlock {
  const t = f.totals;
  return {
    type: 'pairs',
    at: { row: 1, col },
    title: ['Opkrævningstragt', `${f.from} – ${f.to}`],
    boldLabels: true,
    lines: [
      { label: 'Posteringer til og med', value: f.asOf === null ? null : dateToExcelSerial(f.asOf), kind: 'date' },
      { label: 'Nye fordringer', value: t.newCount, kind: 'integer' },
      { label: 'Ny hovedstol', value: toKroner(t.newAmount), kind: 'kroner' },
      ...FUNNEL_STAGES.map((s) => ({ label: FUNNEL_STAGE_LABELS[s], value: toKroner(t.amounts[s]), kind: 'kroner' as const })),
      { label: 'Løst uden inddrivelse (betalt af hovedstolen)', value: t.shareSolvedWithoutInddrivelse, kind: 'percent' },
      { label: 'Mediandage fra forfald til betaling', value: t.medianDaysToPayment, kind: 'decimal' },
      { label: 'Mediandage fra forfald til oversendelse', value: t.medianDaysToTransfer, kind: 'decimal' },
      { label: 'Udeladt: fordringer med hovedstol 0 eller mindre', value: f.skipped.count, kind: 'integer' },
      { label: 'Udeladt: deres hovedstol', value: toKroner(f.skipped.amount), kind: 'kroner' },
      { label: 'Fejlbehæftede rækker (se arket Fejl)', value: f.errors.length, kind: 'integer' },
    ],
  };
}

/** Rows of one chart and the gap to the next. */
const CHART_ROWS = 18;
const CHART_GAP = 2;
const CHART_COLS = 4;

/** A stacked column chart per claim type: its months as categories, the six stages as series. */
function typeCharts(table: TableBlock, col: number, firstRow: number): ChartDescription[] {
  const charts: ChartDescription[] = [];
  let at = 0;
  while (at < table.rows.length) {
    const type = table.rows[at]![0];
    let end = at;
    while (end < table.rows.length && table.rows[end]![0] === type) end += 1;
    const row = table.at.row + 1 + at;
    const rows = end - at;
    const top = firstRow + charts.length * (CHART_ROWS + CHART_GAP);
    charts.push({
      type: 'stackedColumn',
      title: `Opkrævningstragt – ${String(type)} (kr.)`,
      source: { row, col: FIRST_STAGE_COL, rows, cols: FUNNEL_STAGES.length },
      seriesBy: 'columns',
      series: FUNNEL_STAGES.map((s, i) => ({ name: FUNNEL_STAGE_LABELS[s], values: columnRange(FIRST_STAGE_COL + i, row, rows), categories: columnRange(MONTH_COL, row, rows) })),
      from: { row: top, col },
      to: { row: top + CHART_ROWS, col: col + CHART_COLS },
      valueFormat: '#,##0',
    });
    at = end;
  }
  return charts;
}

/** The funnel on one sheet: the table at A1 (frozen header, filters), the figures and the charts to its right. */
export function funnelSheet(name: string, f: Funnel): SheetDescription {
  const table: TableBlock = { type: 'table', at: { row: 1, col: 1 }, ...funnelTable(f), filter: true };
  const side = FUNNEL_COLUMNS.length + 2;
  const summary = summaryBlock(f, side);
  const widths: Record<number, number> = { 1: 18, 2: 15, 3: 15, 4: 17 };
  for (let c = FIRST_STAGE_COL; c <= FUNNEL_COLUMNS.length; c += 1) widths[c] = Math.max(16, FUNNEL_COLUMNS[c - 1]!.header.length + 2);
  widths[side] = 48;
  widths[side + 1] = 20;
  return {
    name,
    blocks: [table, summary],
    charts: typeCharts(table, side, summary.lines.length + 4),
    columnWidths: widths,
    freezeRows: 1,
  };
}
