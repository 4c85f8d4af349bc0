/**
 * The .xlsx ledger reader: the first sheet of a workbook, streamed row by row through ExcelJS,
 * with cell values brought to the plain values core parses.
 */
import { stat } from 'node:fs/promises';
import { SaldoError } from '../../core/errors.js';
import type { ProgressHandler, RowHandler } from './readLedger.js';

/** The first sheet of an .xlsx ledger, streamed row by row. */
export async function readXlsxLedger(path: string, onRow: RowHandler, onProgress?: ProgressHandler): Promise<void> {
  const total = (await stat(path)).size;
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet) {
        const row = r as { values: unknown; number: number };
        const values = (row.values as unknown[]).slice(1).map((v) => cellValue(v));
        onRow(values, row.number);
        if (row.number % 10_000 === 0) onProgress?.(Math.min(total, Math.round((row.number / 1_000_000) * total)), total);
      }
      break; // the first sheet only
    }
  } catch (e) {
    // Saldo's own errors (a bad header) pass; the zip reader's ("FILE_ENDED", "invalid signature") are said in Danish.
    if (e instanceof SaldoError) throw e;
    throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" kan ikke læses som .xlsx: filen er beskadiget eller ikke en Excel-projektmappe.`);
  }
}

/** ExcelJS cell values: rich text, formulas and hyperlinks to their plain value. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: string; formula?: string; error?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o && o.result !== undefined) return cellValue(o.result);
    // A formula saved without its value, or an error value (#DIV/0!): shown as such in the row's error.
    if (typeof o.formula === 'string') return `=${o.formula}`;
    if (typeof o.error === 'string') return o.error;
    if (typeof o.text === 'string') return o.text;
  }
  return v;
}
