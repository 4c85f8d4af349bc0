import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from './helpers.js';

const agreement = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };
const json = (v: unknown) => JSON.stringify(v);

describe('saldo --version', () => {
  it('prints the release from package.json', async () => {
    const release = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `saldo ${release}\n` });
  });
});

describe('saldo plan (contract)', () => {
  it('reads one agreement and writes its schedule as JSON to stdout, exit 0', async () => {
    const r = await cli(['plan', '--in', 'a.json'], { 'a.json': json(agreement) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ count: 9, installment: 500, total: 4450, fees: 250, interest: 0, principal: 4200, lastDueDate: '2026-10-01' });
    expect(r.stderr).toBe('');
  });

  it('a betalingsevne table of another year is warned about on stderr and in the JSON; a batch names the element', async () => {
    const capacity = { startDate: '2026-11-20', firstDueDate: '2027-01-01', paymentCapacity: { netIncome: 200000, year: 2024 }, claims: [{ principal: 10000 }] };
    const r = await cli(['plan', '--in', 'a.json'], { 'a.json': json(capacity) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings[0].code).toBe('BETALINGSEVNE_ÅR');
    expect(r.stderr).toMatch(/^Advarsel: Betalingsevnetabellen for 2024 bruges til en aftale fra 2026/);
    const b = await cli(['plan', '--in', 'b.json'], { 'b.json': json([agreement, capacity]) });
    expect(b.stderr).toMatch(/^Advarsel \(element 2\): Betalingsevnetabellen for 2024/);
  });

  it('accrueFromDueDate: the interest before the agreement is in the JSON and its own line of the workbook', async () => {
    // 10.000 × 10 % × 50/365 (01-10-2026 → 20-11-2026) = 136,99 kr.
    const input = {
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 1000,
      accrueFromDueDate: true,
      claims: [{ id: 'A', principal: 10000, annualInterestRate: 10, dueDate: '2026-10-01' }],
    };
    const r = await cli(['plan', '--in', 'a.json'], { 'a.json': json(input) });
    expect(JSON.parse(r.stdout).interestBeforeStart).toEqual({ total: 136.99, claims: [{ claimId: 'A', from: '2026-10-01', to: '2026-11-20', interest: 136.99 }] });
    const x = await cli(['plan', '--in', 'a.json', '--out', 'p.xlsx'], { 'a.json': json(input) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.files.get('p.xlsx') as unknown as ArrayBuffer);
    const header = wb.getWorksheet('Oversigt')!.getRow(1).values as unknown[];
    const column = header.indexOf('Heraf renter fra forfald til aftaledato');
    expect(column).toBeGreaterThan(0);
    expect(wb.getWorksheet('Oversigt')!.getRow(2).getCell(column).value).toBe(136.99);
  });

  it('reads standard input with --in -', async () => {
    const r = await cli(['plan', '--in', '-'], {}, json(agreement));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toHaveLength(9);
  });

  it('a plan that runs past 31-12-9999 is exit 2 with a Danish message, not a date "10000-…" (found by review)', async () => {
    const late = { ...agreement, startDate: '9999-10-10', firstDueDate: '9999-11-01' };
    const r = await cli(['plan', '--in', 'a.json'], { 'a.json': json(late) });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/efter 31-12-9999/);
  });
  it('answers a batch in order; a bad element gets {"error": …} and the others still run', async () => {
    const batch = [agreement, { ...agreement, installment: 12.345 }, { ...agreement, installment: 1000 }];
    const r = await cli(['plan', '--in', 'b.json'], { 'b.json': json(batch) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    expect(out[0].summary.count).toBe(9);
    expect(out[1].error).toMatchObject({ code: 'UGYLDIGT_BELØB', field: 'installment' });
    expect(out[1].error.message).toMatch(/mere end 2 decimaler/);
    expect(out[2].summary.count).toBe(5);
    expect(r.stderr).toMatch(/1 af 3 elementer kunne ikke beregnes/);
  });

  it.each([
    ['negative installment', { ...agreement, installment: -5 }, /må ikke være negativt/],
    ['text amount', { ...agreement, installment: 'fem' }, /er tekst/],
    ['3 decimals', { ...agreement, claims: [{ principal: 100.125 }] }, /claims\[0\]\.principal: beløbet 100,125 kr\. har mere end 2 decimaler/],
    ['impossible date', { ...agreement, firstDueDate: '2026-04-31' }, /firstDueDate: datoen 2026-04-31 findes ikke/],
    ['installment and count', { ...agreement, count: 10 }, /både installment og count/],
    ['empty claims', { ...agreement, claims: [] }, /mindst én fordring/],
    ['installment below interest', { ...agreement, installment: 10, claims: [{ principal: 100000, annualInterestRate: 10 }] }, /dækker ikke periodens rente/],
  ])('bad input (%s) → exit 2 with the Danish message on stderr', async (_name, input, message) => {
    const r = await cli(['plan', '--in', 'x.json'], { 'x.json': json(input) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['plan', '--in', 'missing.json'], /findes ikke/],
    [['plan', '--in', 'bad.json'], /ikke gyldig JSON/],
    [['plan', '--in', 'empty.json'], /er tom/],
    [['plan'], /Angiv input med --in/],
    [['planlæg', '--in', 'a.json'], /Ukendt kommando "planlæg"/],
    [['plan', '--in', 'a.json', '--format', 'csv'], /^Ukendt valg "--format"\./],
    [[], /Angiv en kommando/],
    // Node's parseArgs says these in English; the user reads Danish (found by review)
    [['plan', '--in'], /^Valget --in mangler en værdi\./],
    [['statements', '--in', 'l.csv', '--mask-cpr=ja'], /^Valget --mask-cpr tager ingen værdi: skriv blot --mask-cpr\./],
    [['statements', '--in', 'l.csv', '--year', '-1'], /^Værdien efter --year begynder med "-"/],
    // options that would be passed over in silence (found by review)
    [['plan', '--in', 'a.json', '--year', '2026'], /^--year bruges ikke af plan \(kun af statements\)\./],
    [['plan', '--in', 'a.json', '--out', 'plan.csv'], /^--out skal være en \.json- eller \.xlsx-fil \(fik "plan\.csv"\)\./],
    [['plan', '--in', 'a.json', '--out', 'a.xlsx', '--out', 'b.xlsx'], /^--out er angivet to gange/],
    [['statements', '--in', 'l.csv', '--year', '2026', '--kommune', 'Eksempel'], /^--kommune gælder brevene: brug det sammen med --letters MÅL/],
  ])('usage errors %j → exit 2', async (argv, message) => {
    const r = await cli(argv, { 'bad.json': '{"firstDueDate": ', 'empty.json': '  ', 'a.json': json(agreement) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('writes a formatted workbook with --out x.xlsx: header row, dates as dates, kr. formats', async () => {
    const r = await cli(['plan', '--in', 'a.json', '--out', 'plan.xlsx'], { 'a.json': json(agreement) });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.files.get('plan.xlsx') as Uint8Array).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Afdragsplan')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nr.', 'Nominel dato', 'Forfaldsdato', 'Ydelse', 'Gebyrer', 'Renter', 'Afdrag på hovedstol', 'Restgæld']);
    // Row 2 is the first installment, due Monday 2 February 2026: stored as a date serial
    // with a date format, which a reader gives back as that calendar day.
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2026, 1, 2)));
    expect(sheet.getCell('C2').numFmt).toBe('dd-mm-yyyy');
    expect(sheet.getCell('D2').value).toBe(500);
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00 "kr."');
    expect(sheet.getCell('H2').value).toBe(3950);
    expect(sheet.getCell('A11').value).toBe('I alt');
    expect(sheet.getCell('D11').value).toBe(4450);
    expect(wb.getWorksheet('Oversigt')!.getRow(1).values).toContain('Antal ydelser');
    expect(wb.getWorksheet('Oversigt')!.getCell('B2').value).toBe(9);
  });

  it('uses a rule file given with --rules', async () => {
    const rules = { betalingsevne: { '2025': { source: 'test', checked: '2026-01-01', rows: [{ from: 0, to: null, withoutChildren: 12, withChildren: 6 }] } } };
    const input = { firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 300000, year: 2025 }, claims: [{ principal: 10000 }] };
    const r = await cli(['plan', '--in', 'a.json', '--rules', 'r.json'], { 'a.json': json(input), 'r.json': json(rules) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.installment).toBe(3000); // 300.000 × 12 % / 12
  });
});

describe('the real command line', () => {
  it('exits 2 with the Danish message and no stack trace on bad input', () => {
    const r = spawnCli(['plan', '--in', '-'], json({ ...agreement, firstDueDate: '2026-02-30' }));
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('firstDueDate: datoen 2026-02-30 findes ikke i kalenderen.');
    expect(r.stderr).not.toMatch(/\s+at\s+\S+\s+\(/);
  });
  it('exits 0 and prints JSON', () => {
    const r = spawnCli(['plan', '--in', '-'], json(agreement));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.count).toBe(9);
  });
});
