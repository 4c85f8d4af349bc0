/**
 * Writes payment-agreement schedules to a formatted workbook: one sheet per agreement (the
 * shared table layout from core/report, dates as dates, kroner formats) and an overview sheet.
 * Text from the input is written as text values, never as formulas.
 */
import ExcelJS from 'exceljs';
import './xmlSafe.js';
import type { PlanOutput } from '../../core/commands/plan.js';
import { NUMBER_FORMATS, PLAN_COLUMNS, planRows, planSummaryLines, planWarningText } from '../../core/report/planTable.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';

export interface NamedPlan {
  /** Shown as the sheet name and in the overview (e.g. the agreement's reference). */
  name: string;
  result: PlanOutput | { error: { message: string } };
}

export function buildPlanWorkbook(plans: readonly NamedPlan[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Saldo';
  const taken: string[] = ['Oversigt'];
  const overview = wb.addWorksheet('Oversigt', { views: [{ state: 'frozen', ySplit: 1 }] });
  // One column for the interest before the agreement when any plan computed it.
  const beforeStart = plans.some((p) => !('error' in p.result) && p.result.interestBeforeStart !== undefined);
  const lineCount = planSummaryLines(placeholder, beforeStart).length;
  const summaryHeaders = ['Aftale', ...planSummaryLines(placeholder, beforeStart).map((l) => l.label), 'Fejl', 'Advarsler'];
  const errorColumn = lineCount + 2;
  overview.addRow(summaryHeaders).font = { bold: true };
  overview.columns.forEach((c, i) => (c.width = i === 0 ? 40 : i >= lineCount + 1 ? 60 : 16));

  for (const plan of plans) {
    // ExcelJS stores every JavaScript string as a shared string, never as a formula, so a
    // reference like "=HYPERLINK(…)" stays text.
    if ('error' in plan.result) {
      const row = overview.addRow([plan.name]);
      row.getCell(errorColumn).value = plan.result.error.message;
      continue;
    }
    const lines = planSummaryLines(plan.result, beforeStart);
    const row = overview.addRow([plan.name, ...lines.map((l) => l.value)]);
    lines.forEach((l, i) => (row.getCell(i + 2).numFmt = NUMBER_FORMATS[l.kind]));
    const warning = planWarningText(plan.result);
    if (warning !== '') row.getCell(errorColumn + 1).value = warning;

    const name = uniqueSheetName(plan.name, taken);
    taken.push(name);
    const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = PLAN_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: NUMBER_FORMATS[c.kind] } }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_COLUMNS.length } };
    for (const r of planRows(plan.result)) sheet.addRow(r);
    const s = plan.result.summary;
    const total = sheet.addRow(['I alt', null, null, s.total, s.fees, s.interest, s.principal, null]);
    total.font = { bold: true };
  }
  return wb;
}

const placeholder: PlanOutput = { rows: [], summary: { count: 0, installment: 0, total: 0, fees: 0, interest: 0, principal: 0, lastDueDate: '2000-01-01' } };
