/** The agreement status as tables (kroner and date serials made here), shared by the CLI workbook and the add-in sheet. */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { toKroner as kr } from '../money/ore.js';
import type { StatusOnDate } from '../status/statusInput.js';
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

const serial = dateToExcelSerial;

export function statusRows(out: StatusOnDate): Array<[number, number, number, number, number, string, number | null]> {
  return out.installments.map((i) => [i.n, serial(i.dueDate), kr(i.amount), kr(i.paid), kr(i.missing), i.state, i.coveredOn ? serial(i.coveredOn) : null]);
}

export function statusSummaryLines(out: StatusOnDate): Array<{ label: string; value: string | number | null; kind: 'text' | 'date' | 'kroner' }> {
  return [
    { label: 'Aftalens status', value: out.state, kind: 'text' },
    { label: 'Opgjort pr.', value: serial(out.asOf), kind: 'date' },
    { label: 'Restance', value: kr(out.arrears), kind: 'kroner' },
    { label: 'Misligholdt fra', value: out.breachDate ? serial(out.breachDate) : 'ikke misligholdt', kind: out.breachDate ? 'date' : 'text' },
    { label: 'Betalt i alt', value: kr(out.paidTotal), kind: 'kroner' },
    { label: 'Overbetalt', value: kr(out.overpaid), kind: 'kroner' },
    { label: 'Procedure', value: out.procedure.label, kind: 'text' },
    { label: 'Hvad nu', value: out.procedure.today, kind: 'text' },
  ];
}

export const NEXT_STEP_HEADERS = ['Næste skridt', 'Tidligst', 'Gebyr', 'Bemærkning', 'Hvorfor'] as const;

/** Per step: what, when, the fee (a legal maximum says "højst" next to it), overdue or optional, and the politik's rule. */
export function nextStepRows(out: StatusOnDate): Array<[string, number, number, string, string]> {
  return out.nextSteps.map((s) => [
    s.action,
    serial(s.earliest),
    kr(s.fee),
    [s.overdue ? 'overskredet – gøres nu' : '', s.feeIsMaximum ? 'gebyr: højst (lovens maksimum; kommunens takst kan være lavere)' : '', s.optional ? 'valgfrit' : ''].filter(Boolean).join('; '),
    s.why,
  ]);
}
