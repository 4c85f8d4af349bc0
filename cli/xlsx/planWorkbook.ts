/**
 * Writes payment-agreement schedules to a formatted workbook: one sheet per agreement (a header
 * row, dates as dates, kroner formats) and an overview sheet. Text from the input is written
 * as text values, never as formulas.
 */
import ExcelJS from 'exceljs';
import { dateToExcelSerial } from '../../core/calendar/excelSerial.js';
import type { CalendarDate } from '../../core/calendar/date.js';
import type { PlanOutput } from '../../core/commands/plan.js';

export const KR_FORMAT = '#,##0.00 "kr."';
export const DATE_FORMAT = 'dd-mm-yyyy';

export interface NamedPlan {
  /** Shown as the sheet name and in the overview (e.g. the example file's name). */
  name: string;
  result: PlanOutput | { error: { message: string } };
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[:\\/?*[\]]/g, '-').trim() || 'Aftale').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const serial = (date: string): number => dateToExcelSerial(date as CalendarDate);

/** Makes a text cell value that no spreadsheet will read as a formula. */
export function asText(value: string): ExcelJS.CellValue {
  // ExcelJS writes strings as shared strings, never formulas; a rich-text-free string is safe.
  return value;
}

export function buildPlanWorkbook(plans: readonly NamedPlan[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Saldo';
  const taken = new Set<string>(['oversigt']);
  const overview = wb.addWorksheet('Oversigt', { views: [{ state: 'frozen', ySplit: 1 }] });
  overview.columns = [
    { header: 'Aftale', key: 'name', width: 28 },
    { header: 'Antal ydelser', key: 'count', width: 14 },
    { header: 'Ydelse', key: 'installment', width: 16, style: { numFmt: KR_FORMAT } },
    { header: 'I alt', key: 'total', width: 16, style: { numFmt: KR_FORMAT } },
    { header: 'Gebyrer', key: 'fees', width: 14, style: { numFmt: KR_FORMAT } },
    { header: 'Renter', key: 'interest', width: 14, style: { numFmt: KR_FORMAT } },
    { header: 'Hovedstol', key: 'principal', width: 16, style: { numFmt: KR_FORMAT } },
    { header: 'Sidste forfaldsdato', key: 'lastDueDate', width: 18, style: { numFmt: DATE_FORMAT } },
    { header: 'Fejl', key: 'error', width: 60 },
  ];
  overview.getRow(1).font = { bold: true };

  for (const plan of plans) {
    if ('error' in plan.result) {
      overview.addRow({ name: asText(plan.name), error: asText(plan.result.error.message) });
      continue;
    }
    const { rows, summary } = plan.result;
    overview.addRow({ ...summary, name: asText(plan.name), lastDueDate: serial(summary.lastDueDate) });
    const sheet = wb.addWorksheet(sheetName(plan.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: 'Nr.', key: 'n', width: 6 },
      { header: 'Nominel dato', key: 'nominalDate', width: 14, style: { numFmt: DATE_FORMAT } },
      { header: 'Forfaldsdato', key: 'dueDate', width: 14, style: { numFmt: DATE_FORMAT } },
      { header: 'Ydelse', key: 'payment', width: 14, style: { numFmt: KR_FORMAT } },
      { header: 'Gebyrer', key: 'fees', width: 14, style: { numFmt: KR_FORMAT } },
      { header: 'Renter', key: 'interest', width: 14, style: { numFmt: KR_FORMAT } },
      { header: 'Afdrag på hovedstol', key: 'principal', width: 20, style: { numFmt: KR_FORMAT } },
      { header: 'Restgæld', key: 'balance', width: 16, style: { numFmt: KR_FORMAT } },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: 'A1', to: 'H1' };
    for (const r of rows) sheet.addRow({ ...r, nominalDate: serial(r.nominalDate), dueDate: serial(r.dueDate) });
    const total = sheet.addRow({ n: asText('I alt'), payment: summary.total, fees: summary.fees, interest: summary.interest, principal: summary.principal });
    total.font = { bold: true };
  }
  return wb;
}
