/**
 * The layout of a schedule as a table, shared by every writer (the CLI's workbook, the add-in's
 * sheet, the custom function's spill): Danish headers, one row per installment, dates as Excel
 * serials, amounts in kroner, and the kind of each column so writers can format it. It takes the
 * schedule in øre and calendar dates: kroner are made here, at the edge, once.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { ore, toKroner } from '../money/ore.js';
import type { Schedule } from '../schedule/schedule.js';

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
export const planWarningText = (plan: Schedule): string => plan.warnings.map((w) => w.message).join(' ');

const serial = dateToExcelSerial;
const kr = toKroner;

/** The schedule's rows as cell values (no header). */
export function planRows(plan: Schedule): Array<[number, number, number, number, number, number, number, number]> {
  return plan.rows.map((r) => [r.n, serial(r.nominalDate), serial(r.dueDate), kr(r.payment), kr(r.fees), kr(r.interest), kr(r.principal), kr(r.balance)]);
}

/** The interest from the claims' forfald to the agreement date, in all (`accrueFromDueDate`; 0 without it). */
export const interestBeforeStartTotal = (plan: Schedule) => ore((plan.interestBeforeStart ?? []).reduce((t, l) => t + l.interest, 0));

/**
 * The summary as label/value pairs with their kind. The interest Saldo computed from the claims'
 * forfald to the agreement date (`accrueFromDueDate`) is its own line, when there is one (or when
 * an overview of several plans needs the column: `beforeStartLine`).
 */
export function planSummaryLines(plan: Schedule, beforeStartLine = plan.interestBeforeStart !== undefined): Array<{ label: string; value: number; kind: ColumnKind }> {
  const s = plan.summary;
  return [
    { label: 'Antal ydelser', value: s.count, kind: 'integer' },
    { label: 'Ydelse', value: kr(s.installment), kind: 'kroner' },
    { label: 'I alt', value: kr(s.total), kind: 'kroner' },
    { label: 'Heraf gebyrer', value: kr(s.fees), kind: 'kroner' },
    { label: 'Heraf renter', value: kr(s.interest), kind: 'kroner' },
    ...(beforeStartLine ? [{ label: INTEREST_BEFORE_START, value: kr(interestBeforeStartTotal(plan)), kind: 'kroner' as const }] : []),
    { label: 'Heraf hovedstol', value: kr(s.principal), kind: 'kroner' },
    { label: 'Sidste forfaldsdato', value: serial(s.lastDueDate), kind: 'date' },
  ];
}
