/** The agreement status as tables, shared by the CLI workbook and the add-in sheet. */
import type { CalendarDate } from '../calendar/date.js';
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import type { StatusOutput } from '../commands/status.js';
import type { TableColumn } from './planTable.js';

export const STATUS_COLUMNS: readonly TableColumn[] = [
  { header: 'Nr.', kind: 'integer', width: 6 },
  { header: 'Forfaldsdato', kind: 'date', width: 14 },
  { header: 'Ydelse', kind: 'kroner', width: 14 },
  { header: 'Betalt', kind: 'kroner', width: 14 },
  { header: 'Mangler', kind: 'kroner', width: 14 },
  { header: 'Status', kind: 'text', width: 16 },
  { header: 'Dækket den', kind: 'date', width: 14 },
];

/** Fill colours by state (Excel's own good/neutral/bad palette), hex RGB. */
export const STATE_COLORS: Readonly<Record<string, string>> = {
  betalt: 'C6EFCE',
  'for sent': 'FFEB9C',
  delvist: 'FCD5B4',
  'ikke betalt': 'FFC7CE',
  'ikke forfalden': 'F2F2F2',
  afsluttet: 'C6EFCE',
  overholdt: 'C6EFCE',
  misligholdt: 'FFC7CE',
};

const serial = (d: string) => dateToExcelSerial(d as CalendarDate);

export function statusRows(out: StatusOutput): Array<[number, number, number, number, number, string, number | null]> {
  return out.installments.map((i) => [i.n, serial(i.dueDate), i.amount, i.paid, i.missing, i.state, i.coveredOn ? serial(i.coveredOn) : null]);
}

export function statusSummaryLines(out: StatusOutput): Array<{ label: string; value: string | number | null; kind: 'text' | 'date' | 'kroner' }> {
  return [
    { label: 'Aftalens status', value: out.state, kind: 'text' },
    { label: 'Opgjort pr.', value: serial(out.asOf), kind: 'date' },
    { label: 'Restance', value: out.arrears, kind: 'kroner' },
    { label: 'Misligholdt fra', value: out.breachDate ? serial(out.breachDate) : 'ikke misligholdt', kind: out.breachDate ? 'date' : 'text' },
    { label: 'Betalt i alt', value: out.paidTotal, kind: 'kroner' },
    { label: 'Overbetalt', value: out.overpaid, kind: 'kroner' },
  ];
}

export const NEXT_STEP_HEADERS = ['Næste skridt', 'Dato', 'Gebyr (højst)'] as const;

export function nextStepRows(out: StatusOutput): Array<[string, number, number]> {
  return out.nextSteps.map((s) => [s.action, serial(s.date), s.fee]);
}
