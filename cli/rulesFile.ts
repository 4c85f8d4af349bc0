/**
 * Rule files besides JSON: the `Saldo-regler` sheet of an .xlsx workbook, or the same cells as a
 * `;`-separated .csv (Danish decimal comma, dates dd-mm-åååå). Both are read into cells here, at
 * the edge (ExcelJS's Dates become date cells, formulas their saved values), and core reads the
 * cells (core/rules/rulesSheet.ts). `saldo regler --out` writes the same sheet for a kommune to
 * start from.
 */
import ExcelJS from 'exceljs';
import './xlsx/xmlSafe.js';
import { SaldoError } from '../core/errors.js';
import { RULES_SHEET, rulesSheet, rulesSheetText } from '../core/rules/rulesSheet.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import { csvField } from '../core/report/csvText.js';
import { createCsvTokenizer } from './ledger/csvRecords.js';
import { cellOf } from './xlsx/cellValue.js';
import { addSheet, bookBytes, newBook } from './xlsx/book.js';
import { repackedWorkbook, sizeText } from './xlsx/xlsxZip.js';

/** A rules workbook is a few hundred kB; a larger one is refused before it is unpacked. */
const RULES_TOTAL = 64 * 1024 * 1024;

/** The workbook's parts within the limits (cli/xlsx/xlsxZip.ts). */
function checkedWorkbook(bytes: Uint8Array, path: string): Promise<Uint8Array> {
  const label = `Regelfilen "${path}"`;
  return repackedWorkbook(bytes, label, 'rules', RULES_TOTAL, `${label} fylder over ${sizeText(RULES_TOTAL)} udpakket; et regelark er nogle få hundrede kB.`);
}

/** The cells of the workbook's `Saldo-regler` sheet, from A1. */
export async function rulesCellsFromXlsx(bytes: Uint8Array, path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await checkedWorkbook(bytes, path)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((s) => s.name.toLowerCase() === RULES_SHEET.toLowerCase());
  if (!sheet) {
    const names = wb.worksheets.map((s) => `"${s.name}"`).join(', ');
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      'rules',
      path,
      `Regelfilen "${path}" har intet ark med navnet "${RULES_SHEET}"${names === '' ? '' : ` (arkene hedder ${names})`}. Skriv arket med "saldo regler --out ${path}" eller fra siden Regler i Excel.`,
    );
  }
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map(cellOf);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The cells of a `;`-separated rules file (quotes as Excel writes them; a BOM is dropped). */
export function rulesCellsFromCsv(text: string, path: string): unknown[][] {
  const rows: unknown[][] = [];
  const problems: string[] = [];
  const tokenizer = createCsvTokenizer(
    { delimiter: ';', fieldCount: 0 },
    {
      record: (cells, line) => void (rows[line - 1] = [...cells]),
      bad: (line, _span, message) => void problems.push(`Regelfilen "${path}", linje ${line}: ${message}`),
      blank: (line) => void (rows[line - 1] = []),
    },
  );
  tokenizer.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  tokenizer.finish();
  if (problems.length > 0) throw new SaldoError('UGYLDIGT_INPUT', 'rules', path, problems.join('\n'));
  return Array.from(rows, (r) => r ?? []);
}

/** The rules sheet as a `;`-separated file (UTF-8 with BOM, so Excel reads æøå). */
export function rulesCsv(rules: RuleSet): string {
  return `\uFEFF${rulesSheetText(rules)
    .map((r) => r.map(csvField).join(';'))
    .join('\r\n')}\r\n`;
}

/** The rules sheet as a workbook with the one sheet `Saldo-regler`. */
export function rulesWorkbook(rules: RuleSet): Promise<Uint8Array> {
  const book = newBook();
  addSheet(book, rulesSheet(rules));
  return bookBytes(book);
}
