/**
 * Workbooks for `henstand` and `status` (--out x.xlsx), described by core/report/agreementSheets.
 * Strings from the input are written as text (ExcelJS never turns a string into a formula).
 */
import type ExcelJS from 'exceljs';
import type { AgreementHenstand, ClaimHenstand, StatusOnDate } from '../../core/commands/index.js';
import { failureSheet, henstandSheets, singleClaimHenstandSheet, statusSheet } from '../../core/report/agreementSheets.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';
import { addSheet, bookBytes, newBook, type Book } from './book.js';

type Failed = { error: { message: string } };

/** A henstand result: on an agreement, or on a single claim. */
export type HenstandResult = { kind: 'agreement'; value: AgreementHenstand } | { kind: 'claim'; value: ClaimHenstand };

/** A sheet's suffix: the agreement's id in a register batch, else the element's number (none for one). */
const suffixOf = (count: number, i: number, names: readonly string[] | undefined): string => (names ? ` ${names[i]}` : count === 1 ? '' : ` ${i + 1}`);

function henstandBook(results: ReadonlyArray<HenstandResult | Failed>, names?: readonly string[]): Book {
  const book = newBook();
  results.forEach((result, i) => {
    const suffix = suffixOf(results.length, i, names);
    if ('error' in result) return void addSheet(book, failureSheet(`Henstand${suffix} – fejl`, result.error.message));
    if (result.kind === 'claim') return void addSheet(book, singleClaimHenstandSheet(`Henstand${suffix}`, result.value));
    const name = uniqueSheetName(`Henstand${suffix}`, book.taken);
    const [comparison, before, after] = henstandSheets(result.value, { name, schedules: 'ownSheets', beforeName: `Før${suffix}`, afterName: `Efter${suffix}` });
    for (const sheet of [comparison!, before!, after!]) addSheet(book, sheet);
  });
  return book;
}

function statusBook(results: ReadonlyArray<StatusOnDate | Failed>, names?: readonly string[]): Book {
  const book = newBook();
  results.forEach((result, i) => {
    const suffix = suffixOf(results.length, i, names);
    addSheet(book, 'error' in result ? failureSheet(`Status${suffix} – fejl`, result.error.message) : statusSheet(`Status${suffix}`, result));
  });
  return book;
}

export function buildHenstandWorkbook(results: ReadonlyArray<HenstandResult | Failed>): ExcelJS.Workbook {
  return henstandBook(results).workbook;
}

export function buildStatusWorkbook(results: ReadonlyArray<StatusOnDate | Failed>): ExcelJS.Workbook {
  return statusBook(results).workbook;
}

/** The henstand workbook's bytes, with a balance chart on each schedule's sheet. */
export function henstandWorkbook(results: ReadonlyArray<HenstandResult | Failed>, names?: readonly string[]): Promise<Uint8Array> {
  return bookBytes(henstandBook(results, names));
}

export function statusWorkbook(results: ReadonlyArray<StatusOnDate | Failed>, names?: readonly string[]): Promise<Uint8Array> {
  return bookBytes(statusBook(results, names));
}
