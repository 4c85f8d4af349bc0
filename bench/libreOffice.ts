/**
 * The spreadsheet a caseworker would otherwise use: the same 1.000 annuity agreements of 120
 * monthly payments as PMT/IPMT/PPMT formulas in an .xlsx, recalculated by LibreOffice Calc
 * (`soffice --headless --convert-to csv`, its start included, as Saldo's is). The formulas carry
 * no cached results, so LibreOffice must compute every one. Its answers are checked against the
 * annuity formula worked here, so a run that computed nothing cannot pass for a fast one.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, processTimes } from './processTimes.js';

export interface Annuity {
  /** Kroner. */
  principal: number;
  /** A year's rate as a fraction (0,05 = 5 %). */
  rate: number;
}

/** The annuity's monthly payment over `months` (PMT): principal × r / (1 − (1 + r)^−n). */
export const pmt = ({ principal, rate }: Annuity, months: number): number => (rate === 0 ? principal / months : (principal * (rate / 12)) / (1 - (1 + rate / 12) ** -months));

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

export const sofficePath = (): string | undefined => SOFFICE.find((p) => existsSync(p));

/** Writes the agreements' schedules as formulas: one row per payment, 120 per agreement. */
export async function writeAnnuitySheet(path: string, agreements: readonly Annuity[], months: number): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Afdrag');
  sheet.addRow(['Aftale', 'Nr', 'Ydelse', 'Rente', 'Afdrag', 'Restgæld', 'Hovedstol', 'Rente p.a.']);
  let row = 2;
  let formulas = 0;
  agreements.forEach((a, i) => {
    const first = row;
    const principal = `$G$${first}`;
    const rate = `$H$${first}/12`;
    for (let k = 1; k <= months; k += 1, row += 1) {
      const r = sheet.getRow(row);
      r.getCell(1).value = i + 1;
      r.getCell(2).value = k;
      if (k === 1) {
        r.getCell(7).value = a.principal;
        r.getCell(8).value = a.rate;
      }
      r.getCell(3).value = { formula: `PMT(${rate},${months},-${principal})` };
      r.getCell(4).value = { formula: `IPMT(${rate},B${row},${months},-${principal})` };
      r.getCell(5).value = { formula: `PPMT(${rate},B${row},${months},-${principal})` };
      r.getCell(6).value = { formula: k === 1 ? `${principal}-E${row}` : `F${row - 1}-E${row}` };
      formulas += 4;
    }
  });
  await book.xlsx.writeFile(path);
  return formulas;
}

export interface LibreOfficeRun {
  runs: number[];
  ms: number;
  /** Rows of payments LibreOffice wrote out. */
  rows: number;
}

/**
 * Recalculates the sheet `runs` times with LibreOffice (a first, untimed run makes its profile),
 * each a whole `soffice` process; checks the payments and the last balance of every agreement.
 */
export function recalculate(soffice: string, sheet: string, agreements: readonly Annuity[], months: number, runs = 3): LibreOfficeRun {
  const dir = mkdtempSync(join(sheet, '..', 'lo-'));
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profil')).href}`;
  // Timed by the bench's process timer (a first, untimed run makes the profile).
  const times = processTimes([{ command: soffice, args: [profile, '--headless', '--convert-to', 'csv', '--outdir', dir, sheet] }], runs, 1)[0]!;
  const csv = readFileSync(join(dir, basename(sheet).replace(/\.xlsx$/i, '.csv')), 'latin1')
    .trim()
    .split('\n')
    .slice(1);
  if (csv.length !== agreements.length * months) throw new Error(`LibreOffice wrote ${csv.length} rows, not ${agreements.length * months}`);
  agreements.forEach((a, i) => {
    const firstRow = csv[i * months]!.split(',');
    const lastRow = csv[(i + 1) * months - 1]!.split(',');
    const payment = Number(firstRow[2]);
    // Each agreement's payment as PMT gives it, and its balance paid down to nothing after the last payment.
    if (Math.abs(payment - pmt(a, months)) > 1e-6 || Math.abs(Number(lastRow[5])) > 1e-6)
      throw new Error(`LibreOffice's schedule ${i + 1} is not the annuity: ${firstRow.join(',')} … ${lastRow.join(',')}`);
  });
  return { runs: times, ms: median(times), rows: csv.length };
}
