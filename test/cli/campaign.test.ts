/**
 * `saldo campaign` end to end on examples/portefoelje (issue 20, "Campaign follow-up"): the call
 * log opkald.csv and the ledger posteringer.csv as a fagsystem exports them, JSON and the
 * workbook read back. The figures are worked out by hand in examples/portefoelje/README.md:
 *
 * Start 09-01-2026 (D1's call); on 30-09-2026 every 3- and 6-month window is over.
 * Kim: D1 aftale (12,5 min, 3.000 kr.), D2 ingen kontakt (1) and aftale (8, 1.500 kr.), D10 ingen
 * kontakt (2; not in the ledger) = 4 calls, 23,5 min. Lis: D3 afvist (4), D4 ingen kontakt (1,5),
 * D5 betalt (6) = 3 calls, 11,5 min. Paid within 3 months of the first call: D1 2.000 (02-02 and
 * 02-03), D5 1.000 (02-02 and 02-03); D2, D3, D4 nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const calls = readFileSync(join(ROOT, 'examples/portefoelje/opkald.csv'));
const ledger = join(ROOT, 'examples/portefoelje/posteringer.csv');
const files = { 'opkald.csv': calls };

describe('saldo campaign', () => {
  it('gives the follow-up per caseworker and the effect as JSON, and says it in one line', async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-09-30'], files);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      caseworkers: Array<{ caseworker: string; calls: number; contacts: number; agreements: number; agreedAmount: number; hours: number; paid3Months: { amount: number } }>;
      totals: { calls: number; notInLedger: number; keptFromOversendelse: { claims: number; kept: number } };
      effect: { paying3Months: { difference: number; low: number; high: number; calledLeftOut: number } };
    };
    // 23,5 min = 0,39 h; 11,5 min = 0,19 h
    expect(out.caseworkers.map((w) => [w.caseworker, w.calls, w.contacts, w.agreements, w.agreedAmount, w.hours, w.paid3Months.amount])).toEqual([
      ['Kim', 4, 2, 2, 4500, 0.39, 2000],
      ['Lis', 3, 2, 0, 0, 0.19, 1000],
    ]);
    // Open claims at the call: D1–D4 one each, D5 two (F5, F6) = 6; D4's was sent on 01-03: 5 kept.
    expect(out.totals).toMatchObject({ calls: 7, notInLedger: 1, keptFromOversendelse: { claims: 6, kept: 5 } });
    // daginstitution, 1.000–4.999 kr., 0–90 days: called D1 (paid), D2, D3, D4: 1/4; uncalled D6 (paid 16-03),
    // D7, D8: 1/3. D = 1/4 − 1/3 = −0.0833; SE = √(0.25·0.75/4 + (1/3)(2/3)/3) = 0.34778; ∓ 0.68163.
    // D5 (ejendomsskat) has no uncalled match: left out.
    expect(out.effect.paying3Months).toMatchObject({ difference: -0.0833, low: -0.765, high: 0.5983, calledLeftOut: 1 });
    expect(run.stderr).toContain('Kampagne 09-01-2026 – 21-01-2026: 7 opkald, 4 kontakter, 2 aftaler (4.500,00 kr.), betalt inden for 3 måneder 3.000,00 kr.');
    expect(run.stderr).toContain('Posteringsfilen: 20 linjer læst = 1 overskrift + 19 godkendt + 0 fejl.');
  });

  it('writes the three sheets with Danish headers, kr. formats and filters', async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-09-30', '--out', 'kampagne.xlsx'], files);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.files.get('kampagne.xlsx') as Uint8Array as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kampagne uger', 'Kampagne sagsbehandlere', 'Kampagne effekt', 'Fejl']);
    const weeks = wb.getWorksheet('Kampagne uger')!;
    expect((weeks.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['Uge', 'Ugen begynder', 'Sagsbehandler', 'Opkald', 'Kontakter', 'Aftaler']);
    // 09-01-2026 is a Friday in ISO week 2 (week 1 is 29-12-2025 – 04-01-2026).
    expect([weeks.getCell('A2').value, weeks.getCell('C2').value, weeks.getCell('D2').value]).toEqual(['2026-W02', 'Kim', 1]);
    expect(weeks.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(weeks.getCell('J2').value).toBe(3000);
    expect(weeks.getCell('J2').numFmt).toMatch(/kr/);
    expect(weeks.autoFilter).toBeTruthy();
    const workers = wb.getWorksheet('Kampagne sagsbehandlere')!;
    // the total row under Kim and Lis: 7 calls, 3.000 kr. paid within 3 months
    expect([workers.getCell('A4').value, workers.getCell('B4').value, workers.getCell('L4').value]).toEqual(['I alt', 7, 3000]);
    const effect = wb.getWorksheet('Kampagne effekt')!;
    const labels = new Map<string, unknown>();
    effect.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string' && !labels.has(label)) labels.set(label, row.getCell(2).value);
    });
    expect(labels.get('Forskel')).toBeCloseTo(-1 / 12, 10);
    expect(labels.get('Ringede, ikke i posteringslisten (udeladt)')).toBe(1);
  });

  it('counts only windows that are over: on 20-03-2026 no 3-month window has ended', async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-03-20'], files);
    const out = JSON.parse(run.stdout) as { totals: { paid3Months: { amount: number; debtors: number; notOver: number } }; effect: { paying3Months: { difference: null; note: string } } };
    // The first window (D1's) runs to 09-04-2026: all 5 debtors in the ledger are "ikke afsluttet".
    expect(out.totals.paid3Months).toEqual({ amount: 0, debtors: 0, payers: 0, notOver: 5 });
    expect(out.effect.paying3Months.difference).toBeNull();
    expect(out.effect.paying3Months.note).toContain('3-måneders-vinduet fra kampagnens start er ikke afsluttet');
  });

  it('refuses in Danish what it cannot do', async () => {
    expect((await cli(['campaign', '--ledger', ledger], files)).stderr).toMatch(/^Angiv opkaldsloggen med --calls FIL/);
    expect((await cli(['campaign', '--calls', 'opkald.csv'], files)).stderr).toMatch(/^Angiv posteringslisten med --ledger FIL/);
    expect((await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--year', '2026'], files)).stderr).toMatch(/^--year bruges ikke af campaign/);
    const missing = await cli(['campaign', '--calls', 'nope.csv', '--ledger', ledger], files);
    expect([missing.code, missing.stderr]).toEqual([2, 'Opkaldsloggen "nope.csv" findes ikke.\n']);
    const noLedger = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', join(ROOT, 'nope.csv'), '--as-of', '2026-09-30'], files);
    expect([noLedger.code, noLedger.stderr]).toEqual([2, `Posteringsfilen "${join(ROOT, 'nope.csv')}" findes ikke.\n`]);
    const badDate = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '30-09-2026'], files);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^--as-of: "30-09-2026" er ikke en dato/);
  });

  it('uses today when --as-of is not given, and says so', async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger], files);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Opgjort pr\. i dag, \d\d-\d\d-\d{4} \(angiv en anden dato med --as-of\)\./);
  });

  it("sets the calls' time against kr. paid at the kommune's hourly cost, the effect apart", async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-09-30', '--hourly-cost', '450,00'], files);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      caseworkers: Array<{ caseworker: string; cost: number }>;
      cost: { hourlyCost: number; cost: number; callsWithoutMinutes: number; paid6MonthsPerKrone: number; extraPaid3Months: number; extraPaid3MonthsDebtors: number };
    };
    // Kim 23,5 min and Lis 11,5 min at 450 kr. an hour: 176,25 and 86,25 kr.; 35 min = 262,50 kr.
    expect(out.caseworkers.map((w) => [w.caseworker, w.cost])).toEqual([
      ['Kim', 176.25],
      ['Lis', 86.25],
    ]);
    // Paid within 6 months of the first call: D1 2.000 + D5 1.000 = 3.000 kr.; 3.000 / 262,50 = 11,43.
    // The effect in kr.: the compared called (D1–D4) paid 2.000; the uncalled D6–D8 paid 2.500 for 3,
    // so 4 of them at the same weights 3.333,33: 2.000 − 3.333,33 = −1.333,33 kr.
    expect(out.cost).toEqual({ hourlyCost: 450, cost: 262.5, callsWithoutMinutes: 0, paid6MonthsPerKrone: 11.43, extraPaid3Months: -1333.33, extraPaid3MonthsDebtors: 4 });
    expect(run.stderr).toContain('Opkaldenes tid koster 262,50 kr. ved 450,00 kr. i timen.');
    const bad = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--hourly-cost', '0'], files);
    expect([bad.code, bad.stderr]).toEqual([2, '--hourly-cost skal være en timepris i kroner over 0, f.eks. 450 eller 450,00 (fik "0").\n']);
  });

  it('has no cost without an hourly cost: no figure Saldo could not know', async () => {
    const run = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-09-30', '--out', 'k.xlsx'], files);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.files.get('k.xlsx') as Uint8Array as unknown as ArrayBuffer);
    const headers = wb.getWorksheet('Kampagne sagsbehandlere')!.getRow(1).values as unknown[];
    expect(headers).not.toContain('Omkostning');
    const withCost = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', ledger, '--as-of', '2026-09-30', '--hourly-cost', '450', '--out', 'k.xlsx'], files);
    await wb.xlsx.load(withCost.files.get('k.xlsx') as Uint8Array as unknown as ArrayBuffer);
    const workers = wb.getWorksheet('Kampagne sagsbehandlere')!;
    const col = (workers.getRow(1).values as unknown[]).indexOf('Omkostning');
    expect(col).toBeGreaterThan(0);
    // Kim, Lis, I alt: 176,25 + 86,25 = 262,50 kr.
    expect([2, 3, 4].map((r) => workers.getCell(r, col).value)).toEqual([176.25, 86.25, 262.5]);
  });
});
