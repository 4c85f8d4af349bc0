/**
 * `saldo worklist` end to end (issue 20): a register and a ledger as a fagsystem exports them
 * (`Debitornr.`, `Bogf.dato`, a quoted name with a `;`), JSON and the workbook read back. The
 * figures are those worked out in test/core/portfolio/worklist.test.ts for the same agreements.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from './helpers.js';

const t = tempFiles('saldo-worklist-');
const ledger = t.file(
  [
    'Debitornr.;Navn;Fordring;Fordringsart;Bogf.dato;Forf.dato;Art;Beløb',
    'D1;Anna;F1;daginstitution;01-12-2025;01-12-2025;Ny fordring;3.000,00',
    'D1;Anna;F1;daginstitution;02-02-2026;;Indbetaling;-1.000,00',
    'D1;Anna;F1;daginstitution;02-03-2026;;Indbetaling;-1.000,00',
    // 2.000 kr., 500 a month from 1 January (due Friday 2 January), paid only once: 1.000 kr. in arrears since 3 February
    'D2;"Bo; Hansen";F2;daginstitution;01-12-2025;01-12-2025;krav;2.000,00',
    'D2;"Bo; Hansen";F2;daginstitution;02-01-2026;;betaling;-500,00',
    'D9;Fie;F9;daginstitution;31-02-2026;;betaling;-100,00',
  ].join('\r\n'),
);
const register = [
  'Aftale;Debitor;Sag;Fordringer;Ydelse;Aftaledato;Første forfald;Sagsbehandler',
  'A1;D1;S-1;F1;1.000,00;10-01-2026;01-02-2026;Kim',
  'A2;D2;S-2;F2;500,00;15-12-2025;01-01-2026;Lis',
  'A3;D3;S-3;F3;500,00;15-12-2025;01-01-2026;Lis',
  'A4;D1;S-4;F1;500,00;;31-13-2026;Kim',
].join('\r\n');

describe('saldo worklist', () => {
  it('lists the agreements by urgency with totals, and says what it could not check', async () => {
    const run = await cli(['worklist', '--agreements', 'register.csv', '--ledger', ledger, '--as-of', '2026-03-15'], { 'register.csv': register });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      agreements: Array<{ id: string; state: string; arrears: number; breachDate: string | null; nextStep: { step: string; fee: number } | null; urgencyText: string; debtorName: string }>;
      totals: { agreements: number; arrears: number; byState: unknown[]; errors: number; ledgerErrors: number };
      errors: Array<{ row: number; message: string }>;
    };
    expect(out.agreements.map((a) => [a.id, a.state, a.arrears, a.breachDate, a.nextStep?.step ?? null, a.urgencyText])).toEqual([
      ['A2', 'misligholdt', 1000, '2026-02-03', 'rykker1', 'nu'],
      ['A1', 'overholdt', 0, null, null, 'intet at gøre'],
    ]);
    expect(out.agreements[0]!.debtorName).toBe('Bo; Hansen');
    // the rykkergebyr of the politik for a daginstitution claim: 250 kr.
    expect(out.agreements[0]!.nextStep!.fee).toBe(250);
    expect(out.totals).toMatchObject({ agreements: 2, arrears: 1000, errors: 2, ledgerErrors: 1 });
    expect(out.errors).toEqual([
      { row: 4, message: 'Aftale A3: fordringen F3 findes ikke i posteringslisten for debitor D3.' },
      { row: 5, message: 'Første forfald "31-13-2026" er ikke en gyldig dato (brug dd-mm-åååå).' },
    ]);
    expect(run.stderr).toContain('Arbejdsliste pr. 15-03-2026: 2 aftaler (1 misligholdt, 1 overholdt); restance i alt 1.000,00 kr.');
    expect(run.stderr).toContain('2 aftaler kunne ikke tjekkes');
    expect(run.stderr).toContain('1 række i posteringslisten kunne ikke læses');
    expect(run.stderr).toContain('Posteringsfilen: 7 linjer læst = 1 overskrift + 5 godkendt + 1 fejl.');
  });

  it('writes the list as a workbook: totals, filters, Danish headers, dates and kroner as such', async () => {
    const run = await cli(['worklist', '--agreements', 'register.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--out', 'liste.xlsx'], { 'register.csv': register });
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.files.get('liste.xlsx') as Uint8Array as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Arbejdsliste 2026-03-15', 'Fejl 2026-03-15']);
    const list = wb.worksheets[0]!;
    expect(list.getCell('A1').value).toBe('Arbejdsliste pr. 15-03-2026');
    const header = list.getRow(8).values as unknown[];
    expect(header.slice(1, 9)).toEqual(['Haster', 'Aftale', 'Debitor', 'Navn', 'Sag', 'Sagsbehandler', 'Status', 'Restance']);
    const first = list.getRow(9);
    expect([first.getCell(2).value, first.getCell(7).value, first.getCell(8).value]).toEqual(['A2', 'misligholdt', 1000]);
    expect(first.getCell(8).numFmt).toMatch(/kr/);
    // a date cell (ExcelJS reads a date-formatted serial back as a Date)
    expect(first.getCell(9).value).toEqual(new Date(Date.UTC(2026, 1, 3)));
    expect(list.autoFilter).toBeTruthy();
    expect(wb.worksheets[1]!.getRow(2).values).toEqual([undefined, 'Aftaleregistret', 4, 'Aftale A3: fordringen F3 findes ikke i posteringslisten for debitor D3.']);
  });

  it('refuses in Danish what it cannot do', async () => {
    const files = { 'register.csv': register };
    expect((await cli(['worklist', '--ledger', ledger, '--as-of', '2026-03-15'], files)).stderr).toMatch(/^Angiv aftaleregistret med --agreements FIL/);
    expect((await cli(['worklist', '--agreements', 'register.csv', '--as-of', '2026-03-15'], files)).stderr).toMatch(/^Angiv posteringslisten med --ledger FIL/);
    expect((await cli(['worklist', '--agreements', 'register.csv', '--ledger', ledger], files)).stderr).toMatch(/^Angiv datoen for arbejdslisten med --as-of/);
    expect((await cli(['worklist', '--agreements', 'register.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--year', '2025'], files)).stderr).toMatch(/^--year bruges ikke af worklist/);
    expect((await cli(['worklist', '--agreements', 'register.pdf', '--ledger', ledger, '--as-of', '2026-03-15'], { 'register.pdf': 'x' })).stderr).toMatch(/skal være en \.csv- eller \.xlsx-fil/);
    const missing = await cli(['worklist', '--agreements', 'nope.csv', '--ledger', ledger, '--as-of', '2026-03-15'], files);
    expect([missing.code, missing.stderr]).toEqual([2, 'Aftaleregistret "nope.csv" findes ikke.\n']);
  });
});
