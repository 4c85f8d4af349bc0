/**
 * A CLI workbook made of sheet descriptions (core/report/sheet.ts): each drawn by the ExcelJS
 * renderer under a name unique in the workbook, its charts added once the file is written.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { uniqueSheetName } from '../../core/report/sheetName.js';
import type { SheetDescription } from '../../core/report/sheet.js';
import { addCharts, type ChartSpec } from './charts.js';
import { renderSheet, type AnyWorkbook } from './sheetRenderer.js';

export interface Book<W extends AnyWorkbook = ExcelJS.Workbook> {
  workbook: W;
  charts: ChartSpec[];
  taken: string[];
}

export function newBook(): Book {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Saldo';
  return { workbook, charts: [], taken: [] };
}

/** Adds the sheet under its name, or the name numbered when taken; returns the name used. */
export function addSheet(book: Book<AnyWorkbook>, sheet: SheetDescription): string {
  const name = uniqueSheetName(sheet.name, book.taken);
  book.taken.push(name);
  book.charts.push(...renderSheet(book.workbook, name, sheet));
  return name;
}

const withCharts = (bytes: Uint8Array, charts: readonly ChartSpec[]) => (charts.length > 0 ? addCharts(bytes, charts) : Promise.resolve(bytes));

/** The workbook's bytes, with its charts. */
export async function bookBytes(book: Book): Promise<Uint8Array> {
  return withCharts(new Uint8Array(await book.workbook.xlsx.writeBuffer()), book.charts);
}

/** A workbook streamed to bytes as its sheets are added (a ledger's 80,000 debtors need not fit in memory as a model). */
export async function streamedBook(sheets: (book: Book<ExcelJS.stream.xlsx.WorkbookWriter>) => void): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Saldo';
  const book = { workbook, charts: [], taken: [] };
  sheets(book);
  await workbook.commit();
  return withCharts(new Uint8Array(Buffer.concat(chunks)), book.charts);
}
