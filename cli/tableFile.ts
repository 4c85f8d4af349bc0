/**
 * A small table a caseworker keeps (the agreement register): a .csv as Danish systems export it
 * (`;` or `,`, UTF-8 or Windows-1252, quoted fields) or the first visible sheet of an .xlsx, as
 * rows of cells with the sheet's own row numbers. A line the CSV reader cannot make a record of
 * is kept as a problem with its line number, never dropped.
 */
import { isUtf8 } from 'node:buffer';
import ExcelJS from 'exceljs';
import './xlsx/xmlSafe.js';
import { SaldoError } from '../core/errors.js';
import { headerDelimiter } from './addressFile.js';
import { createCsvTokenizer } from './ledger/csvRecords.js';
import { cellOf } from './xlsx/cellValue.js';
import { repackedWorkbook, sizeText } from './xlsx/xlsxZip.js';

/** A register of thousands of agreements is a few MB. */
const TABLE_FILE_LIMIT = 64 * 1024 * 1024;

export interface TableFile {
  /** Every row, blank ones included, so a row's index + 1 is its number in the file or sheet. */
  rows: unknown[][];
  problems: Array<{ row: number; message: string }>;
}

/** The rows of a .csv or .xlsx file; `where` names it in messages ("Aftaleregistret "x.csv""), `option` the option that gave it. */
export async function readTableFile(bytes: Uint8Array, path: string, where: string, option: string, sheetName?: string): Promise<TableFile> {
  if (bytes.length > TABLE_FILE_LIMIT) throw new SaldoError('UGYLDIGT_INPUT', option, path, `${where} fylder over ${sizeText(TABLE_FILE_LIMIT)}.`);
  if (/\.xlsx$/i.test(path)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await repackedWorkbook(bytes, where, option, TABLE_FILE_LIMIT, `${where} fylder over ${sizeText(TABLE_FILE_LIMIT)} udpakket.`)) as unknown as ArrayBuffer);
    // The sheet Saldo writes (the mapping's) when the workbook has it, else the first visible one.
    const named = sheetName === undefined ? undefined : wb.worksheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    const sheet = named ?? wb.worksheets.find((s) => s.state === 'visible');
    const rows: unknown[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      // Blank rows ExcelJS skips still count, so row numbers stay the sheet's own.
      while (rows.length < n - 1) rows.push([]);
      rows.push((row.values as unknown[]).slice(1).map(cellOf));
    });
    return { rows, problems: [] };
  }
  if (/\.(csv|txt)$/i.test(path)) {
    const text = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const rows: unknown[][] = [];
    const problems: TableFile['problems'] = [];
    const at = (line: number) => {
      while (rows.length < line - 1) rows.push([]);
    };
    const tokenizer = createCsvTokenizer(
      { delimiter: headerDelimiter(body.slice(0, body.indexOf('\n') >>> 0)), fieldCount: 0 },
      {
        record: (cells, line) => {
          at(line);
          rows.push([...cells]);
        },
        bad: (line, _span, message) => {
          at(line);
          rows.push([]);
          problems.push({ row: line, message });
        },
        blank: () => undefined,
      },
    );
    tokenizer.push(body);
    tokenizer.finish();
    return { rows, problems };
  }
  throw new SaldoError('UGYLDIGT_INPUT', option, path, `${where} skal være en .csv- eller .xlsx-fil.`);
}
