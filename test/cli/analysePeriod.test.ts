/**
 * `saldo analyse --from --to` end to end (issue 20): a CSV ledger over two years, the period
 * across the year end, the workbook's "I alt" rows in bold and the credits apart, and the Danish
 * refusals (exit 2). The figures are worked by hand in test/core/ledger/analyse.test.ts; this is
 * the same ledger.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../cli/run.js';
import { cli, runOnDisk, tempFiles } from './helpers.js';

const { file } = tempFiles('saldo-analyse-period-');

const CSV = [
  'Debitor;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb',
  'D1;A;daginstitution;15-02-2025;01-03-2025;krav;1.000,00',
  'D1;A;daginstitution;10-05-2025;;betaling;-400,00',
  'D1;B;daginstitution;01-04-2025;01-05-2025;krav;2.000,00',
  'D1;B;daginstitution;15-01-2026;;gebyr;250,00',
  'D2;C;ejendomsskat;01-06-2025;01-07-2025;krav;5.000,00',
  'D2;C;ejendomsskat;20-02-2026;;oversendt;-3.000,00',
  'D3;K;renovation;01-10-2025;01-11-2025;krav;800,00',
  'D3;K;renovation;05-11-2025;;betaling;-1.000,00',
  'D4;E;renovation;31-03-2025;31-03-2025;krav;300,00',
  'D4;E;renovation;15-01-2026;;afskrivning;-300,00',
  'D2;C;ejendomsskat;10-04-2026;;betaling;-500,00',
].join('\n');

describe('saldo analyse over a period', () => {
  it('--from/--to across the year end: months 2025-10 … 2026-02, the period’s movements', async () => {
    const r = await runOnDisk(['analyse', '--in', file(CSV), '--as-of', '2026-03-31', '--from', '2025-10-15', '--to', '2026-02-28']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.period).toEqual({ from: '2025-10-15', to: '2026-02-28' });
    // Before 15-10-2025 (the K krav of 01-10 is one of them): 1.000 − 400 + 2.000 + 5.000 + 300 + 800 = 8.700.
    expect(out.developmentTotal.opening).toBe(8700);
    // Oct (from the 15th) nothing; Nov −1.000 → 7.700; Jan +250 −300 → 7.650; Feb −3.000 → 4.650.
    expect(out.developmentTotal.months.map((m: { month: string; balance: number }) => [m.month, m.balance])).toEqual([
      ['2025-10', 8700],
      ['2025-11', 7700],
      ['2025-12', 7700],
      ['2026-01', 7650],
      ['2026-02', 4650],
    ]);
    // Within the period: paid 1.000 (K), written off 300, sent 3.000; no krav (K's was on 01-10).
    expect(out.summary).toMatchObject({ paymentsInPeriod: -1000, writtenOffInPeriod: -300, transferredInPeriod: -3000, newClaimsInPeriod: 0, balance: 4850 });
    expect(out.credits.balance).toBe(-200);
  });

  it('the workbook: bold "I alt" under the aging, the credits apart, an "I alt" column in the development', async () => {
    const r = await runOnDisk(['analyse', '--in', file(CSV), '--as-of', '2026-03-31', '--out', 'a.xlsx']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('a.xlsx') as Uint8Array).buffer as ArrayBuffer);
    const overview = wb.getWorksheet('Oversigt')!;
    // The restance without the credit; the credit on a line of its own.
    expect(overview.getCell('B2').value).toBe(4850);
    expect([overview.getCell('A8').value, overview.getCell('B8').value]).toEqual(['Kreditsaldi (kommunen skylder borgeren)', -200]);
    expect([overview.getCell('A10').value, overview.getCell('B10').numFmt]).toEqual(['Periode fra', 'dd-mm-yyyy']);
    const aging = wb.getWorksheet('Aldersfordeling')!;
    // Two claim types, then "I alt" in bold on row 4; the credits from row 6.
    expect(aging.getRow(4).values).toEqual([undefined, 'I alt', 0, 0, 0, 0, 4250, 600, 0, 4850]);
    expect(aging.getCell('A4').font?.bold).toBe(true);
    expect(aging.getRow(6).values).toEqual([undefined, 'Kreditsaldi', 'Fordringer', 'Saldo']);
    expect(aging.getRow(8).values).toEqual([undefined, 'I alt', 1, -200]);
    const development = wb.getWorksheet('Udvikling')!;
    expect(development.getCell('E1').value).toBe('I alt');
    expect([development.getCell('A13').value, development.getCell('E13').value]).toEqual(['2026-03', 4650]);
    const moved = wb.getWorksheet('Tilgang og afgang')!;
    expect(moved.getRow(38).values).toEqual([undefined, 'I alt', '2025-04', 3300, 2000, 0]);
    expect(moved.getCell('A38').font?.bold).toBe(true);
  });

  it('refuses a start after the end, and an end after --as-of, in Danish with exit 2', async () => {
    const path = file(CSV);
    const swapped = await runOnDisk(['analyse', '--in', path, '--as-of', '2026-03-31', '--from', '2026-02-01', '--to', '2026-01-31']);
    expect(swapped).toMatchObject({ code: 2, stderr: '--from: perioden begynder 01-02-2026, efter at den slutter 31-01-2026. Byt om på datoerne.\n' });
    const late = await runOnDisk(['analyse', '--in', path, '--as-of', '2026-03-31', '--to', '2026-04-30']);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/^--to: perioden slutter 30-04-2026, efter opgørelsesdatoen 31-03-2026/);
    const typo = await runOnDisk(['analyse', '--in', path, '--as-of', '2026-03-31', '--from', '2026-13-01']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^--from: /);
  });

  it('JSON from standard input carries "from" and "to"; the help names the period', async () => {
    const input = { asOf: '2026-03-31', from: '2026-01-01', ledger: [{ debtorId: 'D1', claimId: 'F1', postingDate: '2025-12-05', dueDate: '2025-12-05', kind: 'krav', amount: 100 }] };
    const r = await cli(['analyse', '--in', '-'], {}, JSON.stringify(input));
    expect(r.code).toBe(0);
    // January … March 2026: the krav of December is the opening.
    expect(JSON.parse(r.stdout).developmentTotal).toEqual({
      opening: 100,
      months: ['2026-01', '2026-02', '2026-03'].map((month) => ({ month, balance: 100, additions: 0, reductions: 0 })),
    });
    expect(USAGE).toMatch(/analyse {5}aldersfordeling, udvikling pr\. måned og største debitorer; kræver --as-of,\n {14}perioden --from\/--to er valgfri/);
  });
});
