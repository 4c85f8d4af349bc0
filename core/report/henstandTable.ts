/** The henstand comparison as table lines, shared by the CLI workbook and the add-in sheet. */
import type { CalendarDate } from '../calendar/date.js';
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import type { HenstandOutput } from '../commands/henstand.js';
import type { ColumnKind } from './planTable.js';

export const HENSTAND_HEADERS = ['', 'Før henstand', 'Efter henstand', 'Forskel'] as const;

const serial = (d: string) => dateToExcelSerial(d as CalendarDate);
const cents = (a: number, b: number) => (Math.round(b * 100) - Math.round(a * 100)) / 100;

/** Rows: label, before, after, difference (null where a difference means nothing), and the kind. */
export function henstandComparison(out: HenstandOutput): Array<{ label: string; before: number; after: number; difference: number | null; kind: ColumnKind }> {
  const b = out.before.summary;
  const a = out.after.summary;
  return [
    { label: 'Antal ydelser', before: b.count, after: a.count, difference: out.effect.extraPayments, kind: 'integer' },
    { label: 'Sidste forfaldsdato', before: serial(b.lastDueDate), after: serial(a.lastDueDate), difference: null, kind: 'date' },
    { label: 'Renter i alt', before: b.interest, after: a.interest, difference: out.effect.extraInterest, kind: 'kroner' },
    { label: 'Gebyrer i alt', before: b.fees, after: a.fees, difference: cents(b.fees, a.fees), kind: 'kroner' },
    { label: 'Betalt i alt', before: b.total, after: a.total, difference: out.effect.extraTotal, kind: 'kroner' },
  ];
}
