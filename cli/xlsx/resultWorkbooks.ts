/**
 * Workbooks for `henstand` and `status` (--out x.xlsx), laid out by core/report. Strings from the
 * input are written as text (ExcelJS never turns a string into a formula).
 */
import ExcelJS from 'exceljs';
import './xmlSafe.js';
import type { HenstandOutput, SingleClaimHenstandOutput } from '../../core/commands/henstand.js';
import type { StatusOutput } from '../../core/commands/status.js';
import { henstandComparison, HENSTAND_HEADERS } from '../../core/report/henstandTable.js';
import { NUMBER_FORMATS, PLAN_COLUMNS, planRows } from '../../core/report/planTable.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';
import { NEXT_STEP_HEADERS, nextStepRows, STATE_COLORS, STATUS_COLUMNS, statusRows, statusSummaryLines } from '../../core/report/statusTable.js';
import type { PlanOutput } from '../../core/commands/plan.js';

type Failed = { error: { message: string } };
const fill = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

function addPlanSheet(wb: ExcelJS.Workbook, name: string, plan: PlanOutput): void {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { numFmt: NUMBER_FORMATS[c.kind] } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of planRows(plan)) sheet.addRow(r);
}

function addErrorSheet(wb: ExcelJS.Workbook, taken: string[], label: string, failed: Failed): void {
  const name = uniqueSheetName(`${label} – fejl`, taken);
  taken.push(name);
  const sheet = wb.addWorksheet(name);
  sheet.addRow(['Fejl']).font = { bold: true };
  sheet.addRow([failed.error.message]);
  sheet.getColumn(1).width = 100;
}

export function buildHenstandWorkbook(results: ReadonlyArray<HenstandOutput | SingleClaimHenstandOutput | Failed>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Saldo';
  const taken: string[] = [];
  results.forEach((result, i) => {
    const suffix = results.length === 1 ? '' : ` ${i + 1}`;
    if ('error' in result) return addErrorSheet(wb, taken, `Henstand${suffix}`, result);
    const name = uniqueSheetName(`Henstand${suffix}`, taken);
    taken.push(name);
    const sheet = wb.addWorksheet(name);
    sheet.columns = [{ width: 28 }, { width: 18 }, { width: 18 }, { width: 16 }];
    if ('claim' in result) {
      sheet.addRow(['Fordring', result.claim]);
      sheet.addRow(['Forfaldsdato før', result.dueDateBefore]);
      sheet.addRow(['Forfaldsdato efter', result.dueDateAfter]);
      const spared = sheet.addRow(['Sparet rente', result.interestSpared]);
      spared.getCell(2).numFmt = NUMBER_FORMATS.kroner;
      sheet.addRow([]);
      sheet.addRow(['Rykkerforløb', 'Før', 'Efter']).font = { bold: true };
      result.rykkerBefore.forEach((s, j) => sheet.addRow([s.action, s.date, result.rykkerAfter[j]?.date ?? '']));
    } else {
      sheet.addRow([...HENSTAND_HEADERS]).font = { bold: true };
      for (const line of henstandComparison(result)) {
        const row = sheet.addRow([line.label, line.before, line.after, line.difference]);
        for (const c of [2, 3, 4]) row.getCell(c).numFmt = NUMBER_FORMATS[line.kind];
      }
      addPlanSheet(wb, uniqueSheetName(`Før${suffix}`, taken), result.before);
      taken.push(`Før${suffix}`);
      addPlanSheet(wb, uniqueSheetName(`Efter${suffix}`, taken), result.after);
      taken.push(`Efter${suffix}`);
    }
    if (result.warnings.length > 0) {
      sheet.addRow([]);
      sheet.addRow(['Advarsler']).font = { bold: true };
      for (const w of result.warnings) sheet.addRow([w.message]);
    }
  });
  return wb;
}

export function buildStatusWorkbook(results: ReadonlyArray<StatusOutput | Failed>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Saldo';
  const taken: string[] = [];
  results.forEach((result, i) => {
    const suffix = results.length === 1 ? '' : ` ${i + 1}`;
    if ('error' in result) return addErrorSheet(wb, taken, `Status${suffix}`, result);
    const name = uniqueSheetName(`Status${suffix}`, taken);
    taken.push(name);
    const sheet = wb.addWorksheet(name);
    sheet.columns = STATUS_COLUMNS.map((c) => ({ width: Math.max(c.width, 18) }));
    for (const line of statusSummaryLines(result)) {
      const row = sheet.addRow([line.label, line.value]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).numFmt = NUMBER_FORMATS[line.kind];
      if (line.label === 'Aftalens status') row.getCell(2).fill = fill(STATE_COLORS[result.state] ?? 'FFFFFF');
    }
    sheet.addRow([]);
    const header = sheet.addRow(STATUS_COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    for (const r of statusRows(result)) {
      const row = sheet.addRow(r);
      STATUS_COLUMNS.forEach((c, j) => (row.getCell(j + 1).numFmt = NUMBER_FORMATS[c.kind]));
      row.getCell(6).fill = fill(STATE_COLORS[r[5]] ?? 'FFFFFF');
    }
    if (result.nextSteps.length > 0) {
      sheet.addRow([]);
      sheet.addRow([...NEXT_STEP_HEADERS]).font = { bold: true };
      for (const r of nextStepRows(result)) {
        const row = sheet.addRow(r);
        row.getCell(2).numFmt = NUMBER_FORMATS.date;
        row.getCell(3).numFmt = NUMBER_FORMATS.kroner;
      }
    }
  });
  return wb;
}
