/**
 * The layout of a schedule as a table, shared by every writer (the CLI's workbook, the add-in's
 * sheet, the custom function's spill): Danish headers, one row per installment, dates as Excel
 * serials, amounts in kroner, and the kind of each column so writers can format it.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import type { CalendarDate } from '../calendar/date.js';
import type { PlanOutput } from '../commands/plan.js';

export type ColumnKind = 'integer' | 'date' | 'kroner' | 'text';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for writers that set one. */
  width: number;
}

export const PLAN_COLUMNS: readonly TableColumn[] = [
  { header: 'Nr.', kind: 'integer', width: 6 },
  { header: 'Nominel dato', kind: 'date', width: 14 },
  { header: 'Forfaldsdato', kind: 'date', width: 14 },
  { header: 'Ydelse', kind: 'kroner', width: 14 },
  { header: 'Gebyrer', kind: 'kroner', width: 14 },
  { header: 'Renter', kind: 'kroner', width: 14 },
  { header: 'Afdrag på hovedstol', kind: 'kroner', width: 20 },
  { header: 'Restgæld', kind: 'kroner', width: 16 },
];

/** Number formats Excel understands in every locale (shown as 1.234,56 kr. in Danish Excel). */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  integer: '0',
  date: 'dd-mm-yyyy',
  kroner: '#,##0.00 "kr."',
  text: '@',
};

/** The label of the interest from forfald to the agreement date (part of "Heraf renter"). */
export const INTEREST_BEFORE_START = 'Heraf renter fra forfald til aftaledato';

/** A plan's warnings as one text (empty when there are none). */
export const planWarningText = (plan: PlanOutput): string => (plan.warnings ?? []).map((w) => w.message).join(' ');

const serial = (date: string): number => dateToExcelSerial(date as CalendarDate);

/** The schedule's rows as cell values (no header). */
export function planRows(plan: PlanOutput): Array<[number, number, number, number, number, number, number, number]> {
  return plan.rows.map((r) => [r.n, serial(r.nominalDate), serial(r.dueDate), r.payment, r.fees, r.interest, r.principal, r.balance]);
}

/**
 * The summary as label/value pairs with their kind. The interest Saldo computed from the claims'
 * forfald to the agreement date (`accrueFromDueDate`) is its own line, when there is one (or when
 * an overview of several plans needs the column: `beforeStartLine`).
 */
export function planSummaryLines(plan: PlanOutput, beforeStartLine = plan.interestBeforeStart !== undefined): Array<{ label: string; value: number; kind: ColumnKind }> {
  const s = plan.summary;
  return [
    { label: 'Antal ydelser', value: s.count, kind: 'integer' },
    { label: 'Ydelse', value: s.installment, kind: 'kroner' },
    { label: 'I alt', value: s.total, kind: 'kroner' },
    { label: 'Heraf gebyrer', value: s.fees, kind: 'kroner' },
    { label: 'Heraf renter', value: s.interest, kind: 'kroner' },
    ...(beforeStartLine ? [{ label: INTEREST_BEFORE_START, value: plan.interestBeforeStart?.total ?? 0, kind: 'kroner' as const }] : []),
    { label: 'Heraf hovedstol', value: s.principal, kind: 'kroner' },
    { label: 'Sidste forfaldsdato', value: serial(s.lastDueDate), kind: 'date' },
  ];
}
