/** The henstand comparison as table lines, shared by the CLI workbook and the add-in sheet. */
import { dateToExcelSerial as serial } from '../calendar/excelSerial.js';
import type { AgreementHenstand } from '../henstand/agreementHenstand.js';
import { ore, toKroner as kr } from '../money/ore.js';
import type { ColumnKind } from './planTable.js';

export const HENSTAND_HEADERS = ['', 'Før henstand', 'Efter henstand', 'Forskel'] as const;

/** Rows: label, before, after, difference (null where a difference means nothing), and the kind. */
export function henstandComparison(out: AgreementHenstand): Array<{ label: string; before: number; after: number; difference: number | null; kind: ColumnKind }> {
  const b = out.before.summary;
  const a = out.after.summary;
  return [
    { label: 'Antal ydelser', before: b.count, after: a.count, difference: out.effect.extraPayments, kind: 'integer' },
    { label: 'Sidste forfaldsdato', before: serial(b.lastDueDate), after: serial(a.lastDueDate), difference: null, kind: 'date' },
    { label: 'Renter i alt', before: kr(b.interest), after: kr(a.interest), difference: kr(out.effect.extraInterest), kind: 'kroner' },
    { label: 'Gebyrer i alt', before: kr(b.fees), after: kr(a.fees), difference: kr(ore(a.fees - b.fees)), kind: 'kroner' },
    { label: 'Betalt i alt', before: kr(b.total), after: kr(a.total), difference: kr(out.effect.extraTotal), kind: 'kroner' },
  ];
}
