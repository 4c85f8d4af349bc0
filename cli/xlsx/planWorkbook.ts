/**
 * Writes payment-agreement schedules to a formatted workbook: an overview sheet and one sheet per
 * agreement (core/report/agreementSheets: the table, its total and a chart of the balance).
 * Text from the input is written as text values, never as formulas.
 */
import type ExcelJS from 'exceljs';
import type { Schedule } from '../../core/commands/index.js';
import { planOverviewSheet, planSheet } from '../../core/report/agreementSheets.js';
import { addSheet, bookBytes, newBook, type Book } from './book.js';

export interface NamedPlan {
  /** Shown as the sheet name and in the overview (e.g. the agreement's reference). */
  name: string;
  result: Schedule | { error: { message: string } };
}

function planBook(plans: readonly NamedPlan[]): Book {
  const book = newBook();
  addSheet(book, planOverviewSheet(plans));
  for (const plan of plans) {
    if ('error' in plan.result) continue;
    addSheet(book, planSheet(plan.name, plan.result, { summary: 'total' }));
  }
  return book;
}

/** The workbook without its charts (ExcelJS writes none; planWorkbook adds them). */
export function buildPlanWorkbook(plans: readonly NamedPlan[]): ExcelJS.Workbook {
  return planBook(plans).workbook;
}

/** The workbook's bytes with a chart of the balance on each schedule's sheet. */
export function planWorkbook(plans: readonly NamedPlan[]): Promise<Uint8Array> {
  return bookBytes(planBook(plans));
}
