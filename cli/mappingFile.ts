/**
 * The --mapping file: the kommune's own words for a ledger's columns and kinds
 * (core/ledger/ledgerMapping.ts), as a `;`-separated .csv or an .xlsx whose sheet
 * Saldo-kortlægning (else its first visible sheet) holds the table. Read strictly: a line the CSV
 * reader cannot read refuses the mapping, as a bad row does.
 */
import { SaldoError } from '../core/errors.js';
import { MAPPING_SHEET, mappingFromRows, type LedgerMapping } from '../core/ledger/ledgerMapping.js';
import { fileProblem } from './fileErrors.js';
import type { CliIo } from './run.js';

export async function readMapping(io: CliIo, path: string): Promise<LedgerMapping> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(path) : new TextEncoder().encode(await io.readFile(path));
  } catch (e) {
    throw new SaldoError('UGYLDIGT_INPUT', '--mapping', path, (e as { code?: string }).code === 'ENOENT' ? `Kortlægningen "${path}" findes ikke.` : `Kortlægningen "${path}" ${fileProblem(e)}.`);
  }
  // The table reader brings ExcelJS: loaded only when a mapping is given.
  const table = await (await import('./tableFile.js')).readTableFile(bytes, path, `Kortlægningen "${path}"`, '--mapping', MAPPING_SHEET);
  const problem = table.problems[0];
  if (problem !== undefined) throw new SaldoError('UGYLDIGT_INPUT', '--mapping', path, `Kortlægningen "${path}", linje ${problem.row}: ${problem.message}`);
  return mappingFromRows(table.rows);
}
