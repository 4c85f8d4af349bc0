/**
 * `saldo limitation` end to end (issue 20): a Danish CSV ledger in, JSON out and the workbook read
 * back with ExcelJS. As-of Tuesday 16-06-2026, 90 days (last day Monday 14-09-2026); each claim's
 * last day is worked by hand in its comment (test/core/portfolio/limitationRadar.test.ts has the rules).
 * The ledger names two caseworkers, Kim Lund and Lis Berg; claim A names none.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLedger } from '../../bench/makeLedger.js';
import { limitationFromFile } from '../../cli/ledger/ledgerCommands.js';
import { limitationRadarToJson } from '../../core/portfolio/limitationRadar.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { runOnDisk as run, spawnCli, tempFiles } from './helpers.js';

const { dir, file } = tempFiles('saldo-limitation-');

const LEDGER = [
  'Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb;Dom/forlig dato;Sagsbehandler',
  // due Tue 01-08-2023 → Sat 01-08-2026 → Mon 03-08-2026: 48 days left
  'D1;010190-1234;Søren Æbelø;I;daginstitution;01-08-2023;01-08-2023;krav;1.600,00;;Kim Lund',
  // due Mon 03-07-2023 → Fri 03-07-2026: 17 days left; no caseworker
  'D2;;Åse Østergaard;A;daginstitution;03-07-2023;03-07-2023;krav;1.000,50;;',
  // civil-law, no dom: due Thu 10-08-2023 → Mon 10-08-2026: 55 days left, betalingspåkrav or stævning
  'D2;;Åse Østergaard;J;andet;10-08-2023;10-08-2023;krav;1.700,00;;Lis Berg',
  // due Thu 14-09-2023 → Mon 14-09-2026: 90 days, the window's last day
  'D3;;Jens Hansen;B;renovation;14-09-2023;14-09-2023;krav;1.100,00;;Kim Lund',
  // due Fri 15-09-2023 → Tue 15-09-2026: 91 days, outside
  'D3;;Jens Hansen;C;renovation;15-09-2023;15-09-2023;krav;1.200,00;;Lis Berg',
  // due Thu 15-06-2023 → Mon 15-06-2026: forældet the day before as-of
  'D4;;Mette Læsø;D;ejendomsskat;15-06-2023;15-06-2023;krav;1.300,00;;Lis Berg',
  // a dom Mon 05-09-2016: 10 years → Sat 05-09-2026 → Mon 07-09-2026: 83 days
  'D4;;Mette Læsø;H;andet;01-03-2015;01-03-2015;krav;5.000,00;05-09-2016;Kim Lund',
  // paid off: not listed
  'D5;;Niels Møller;F;daginstitution;01-07-2023;01-07-2023;krav;1.000,00;;Kim Lund',
  'D5;;Niels Møller;F;daginstitution;01-08-2023;01-07-2023;betaling;-1.000,00;;Lis Berg',
];

describe('saldo limitation on a CSV ledger', () => {
  it('JSON: the claims in the window by days left, totals, the forældede apart', async () => {
    const r = await run(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16', '--days', '90']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ asOf: '2026-06-16', days: 90, windowEnd: '2026-09-14', openClaims: 7, errors: [] });
    expect(out.claims.map((c: { claimId: string; daysLeft: number; limitationDate: string; open: number }) => [c.claimId, c.daysLeft, c.limitationDate, c.open])).toEqual([
      ['A', 17, '2026-07-03', 1000.5],
      ['I', 48, '2026-08-03', 1600],
      ['J', 55, '2026-08-10', 1700],
      ['H', 83, '2026-09-07', 5000],
      ['B', 90, '2026-09-14', 1100],
    ]);
    expect(out.claims[2]).toMatchObject({ claimType: 'andet', route: 'retsskridt', part: 'fordring' });
    expect(out.claims[2].step).toMatch(/^Indgiv betalingspåkrav eller stævning til retten senest 10-08-2026/);
    // 1.000,50 + 1.600 + 1.700 + 5.000 + 1.100 = 10.400,50 kr.
    expect(out.totals.all).toEqual({ claims: 5, open: 10400.5 });
    expect(out.totals.byClaimType).toEqual([
      { claimType: 'andet', claims: 2, open: 6700 },
      { claimType: 'daginstitution', claims: 2, open: 2600.5 },
      { claimType: 'renovation', claims: 1, open: 1100 },
    ]);
    expect(out.claims.map((c: { caseworker: string }) => c.caseworker)).toEqual(['', 'Kim Lund', 'Lis Berg', 'Kim Lund', 'Kim Lund']);
    // Kim Lund I, H, B: 1.600 + 5.000 + 1.100 = 7.700 kr.; Lis Berg J 1.700 kr.; none: A 1.000,50 kr.
    expect(out.totals.byCaseworker).toEqual([
      { caseworker: '', claims: 1, open: 1000.5 },
      { caseworker: 'Kim Lund', claims: 3, open: 7700 },
      { caseworker: 'Lis Berg', claims: 1, open: 1700 },
    ]);
    expect(out.alreadyBarred.totals.all).toEqual({ claims: 1, open: 1300 });
    expect(out.alreadyBarred.totals.byCaseworker).toEqual([{ caseworker: 'Lis Berg', claims: 1, open: 1300 }]);
    expect(out.alreadyBarred.claims[0]).toMatchObject({ claimId: 'D', daysSince: 1, limitationDate: '2026-06-15', caseworker: 'Lis Berg' });
    expect(out.source.lines).toMatchObject({ read: 10, header: 1, accepted: 9, errors: 0 });
    expect(r.stderr).toContain('Forældelse pr. 16-06-2026: 5 fordringer forældes inden for 90 dage (til og med 14-09-2026), åbent 10.400,50 kr.; 1 fordring er allerede forældet, åbent 1.300,00 kr.');
    expect(r.stderr).toContain('Posteringsfilen: 10 linjer læst = 1 overskrift + 9 godkendt + 0 fejl.');
  });

  it('--days defaults to 180: C (91 days) comes in', async () => {
    const out = JSON.parse((await run(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16'])).stdout);
    expect(out.days).toBe(180);
    expect(out.claims.map((c: { claimId: string }) => c.claimId)).toEqual(['A', 'I', 'J', 'H', 'B', 'C']);
  });

  it('--mask-cpr masks the texts from the ledger', async () => {
    // A CPR number typed into the Sagsbehandler column is masked there too, in the claim and in the totals.
    const path = file(
      ['Debitor;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb;Sagsbehandler', '010190-1234;Søren;F1;daginstitution;03-07-2023;03-07-2023;krav;100,00;020290-5678'].join('\n'),
    );
    const r = await run(['limitation', '--in', path, '--as-of', '2026-06-16', '--mask-cpr']);
    expect(r.stdout).not.toContain('010190-1234');
    expect(r.stdout).not.toContain('5678');
    const out = JSON.parse(r.stdout);
    expect(out.claims[0].debtorId).toBe('010190-xxxx');
    expect(out.claims[0].caseworker).toBe('020290-xxxx');
    expect(out.totals.byCaseworker).toEqual([{ caseworker: '020290-xxxx', claims: 1, open: 100 }]);
  });

  it('the workbook: Danish headers, kr. and date formats, column widths, rows by days left', async () => {
    const r = await run(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16', '--days', '90', '--out', 'radar.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('radar.xlsx') as Uint8Array).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Radar', 'Forældet', 'Fejl']);
    const radar = wb.getWorksheet('Radar')!;
    expect((radar.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Dage tilbage',
      'Sidste dag',
      'Debitor',
      'Navn',
      'Fordring',
      'Fordringstype',
      'Sagsbehandler',
      'Åbent beløb',
      'Forældes',
      'Skridt',
      'Forældelse, grundlag',
    ]);
    const rows = [2, 3, 4, 5, 6].map((n) => (radar.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((x) => x[0])).toEqual([17, 48, 55, 83, 90]);
    expect(rows.map((x) => x[4])).toEqual(['A', 'I', 'J', 'H', 'B']);
    expect(rows.map((x) => x[6])).toEqual(['(ingen sagsbehandler)', 'Kim Lund', 'Lis Berg', 'Kim Lund', 'Kim Lund']);
    expect(radar.getRow(7).values).toEqual([]);
    expect(rows[0]![1]).toEqual(new Date(Date.UTC(2026, 6, 3)));
    expect(rows[0]![3]).toBe('Åse Østergaard');
    expect(rows[0]![7]).toBe(1000.5);
    expect(radar.getCell('B2').numFmt).toBe('dd-mm-yyyy');
    expect(radar.getCell('H2').numFmt).toBe('#,##0.00 "kr."');
    expect(radar.getCell('A2').numFmt).toBe('0');
    expect(rows[0]![9]).toMatch(/^Send fordringen til inddrivelse hos Gældsstyrelsen i god tid før 03-07-2026/);
    expect(radar.getColumn(10).width).toBe(100);
    expect(radar.getColumn(7).width).toBe(24);
    expect(radar.getColumn(4).width).toBe(26);
    expect(radar.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const barred = wb.getWorksheet('Forældet')!;
    expect(barred.getCell('G1').value).toBe('Sagsbehandler');
    expect((barred.getRow(2).values as unknown[]).slice(1, 9)).toEqual([1, new Date(Date.UTC(2026, 5, 15)), 'D4', 'Mette Læsø', 'D', 'ejendomsskat', 'Lis Berg', 1300]);
    expect(barred.getColumn(7).width).toBe(24);
    const summary = wb.getWorksheet('Oversigt')!;
    const pairs = Object.fromEntries([2, 3, 4, 5, 6, 7, 8].map((n) => [summary.getCell(n, 1).value, summary.getCell(n, 2).value]));
    expect(pairs).toMatchObject({ 'Vindue (dage)': 90, 'Fordringer, der forældes i vinduet': 5, 'Åbent beløb på dem': 10400.5, 'Allerede forældet (se arket Forældet)': 1 });
    expect(summary.getColumn(1).width).toBe(40);
    // Per caseworker below the claim types: those take row 13 (header), 14–17 (andet, daginstitution,
    // ejendomsskat, renovation) and 18 (I alt); two empty rows; so the caseworkers' header is row 21.
    const table = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (summary.getRow(from + i).values as unknown[]).slice(1));
    expect(table(21, 25)).toEqual([
      ['Sagsbehandler', 'I vinduet', 'I vinduet, kr.', 'Forældet', 'Forældet, kr.'],
      ['(ingen sagsbehandler)', 1, 1000.5, 0, 0],
      ['Kim Lund', 3, 7700, 0, 0],
      ['Lis Berg', 1, 1700, 1, 1300],
      ['I alt', 5, 10400.5, 1, 1300],
    ]);
    expect(summary.getCell('C23').numFmt).toBe('#,##0.00 "kr."');
    expect(table(19, 20)).toEqual([[], []]);
  });

  it('the bundled command line answers the same', () => {
    const r = spawnCli(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16', '--days', '90']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.all).toEqual({ claims: 5, open: 10400.5 });
  });
});

describe('saldo limitation: Danish usage errors', () => {
  it('--as-of is required', async () => {
    const r = await run(['limitation', '--in', file(LEDGER.join('\n'))]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('Angiv opgørelsesdatoen med --as-of ÅÅÅÅ-MM-DD.\n');
  });
  it('--days must be a positive whole number', async () => {
    for (const days of ['0', 'tre', '1,5', '90.5', '36526']) {
      const r = await run(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16', '--days', days]);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^--days: angiv antal dage som et positivt helt tal, f\.eks\. 180 \(højst 36525; fik "/);
    }
    const negative = await run(['limitation', '--in', file(LEDGER.join('\n')), '--as-of', '2026-06-16', '--days', '-5']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/^Værdien efter --days begynder med "-"/);
  });
  it('--days belongs to limitation only', async () => {
    const r = await run(['statements', '--in', file(LEDGER.join('\n')), '--year', '2026', '--days', '90']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--days bruges ikke af statements (kun af limitation).\n');
  });
  it('a JSON ledger carries asOf and days itself', () => {
    const ledger = [{ debtorId: 'D1', claimId: 'F1', claimType: 'daginstitution', postingDate: '2023-07-03', dueDate: '2023-07-03', kind: 'krav', amount: 100 }];
    const ok = spawnCli(['limitation', '--in', '-'], JSON.stringify({ asOf: '2026-06-16', days: 30, ledger }));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).claims[0]).toMatchObject({ claimId: 'F1', daysLeft: 17 });
    const bad = spawnCli(['limitation', '--in', '-'], JSON.stringify({ asOf: '2026-06-16', days: 0, ledger }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^days: angiv antal dage som et positivt helt tal/);
  });
});

describe('saldo limitation on a large CSV: pieces on two threads', () => {
  it('the worker ends its statement on --as-of too: the same radar as one piece on one thread', async () => {
    const path = join(dir, 'generated.csv');
    await makeLedger(path, 3000, 200, undefined, { limitation: true, caseworker: true });
    const radarOf = async (pieceBytes: number, threads: number, workerTakesAll = false) => {
      const r = await limitationFromFile(path, defaultRules, { asOf: '2026-06-16', days: '365', pieceBytes, threads, workerTakesAll });
      return JSON.stringify({ ...limitationRadarToJson(r), lines: r.source.lines });
    };
    const whole = await radarOf(1 << 30, 1);
    // The generated ledger runs past the as-of date, so the cut matters; and the window is not empty.
    expect(JSON.parse(whole).claims.length).toBeGreaterThan(0);
    expect(await radarOf(4000, 2, true)).toBe(whole);
    expect(await radarOf(2500, 2)).toBe(whole);
    // The ledger names caseworkers, and leaves some claims without: each list has several, and ''.
    const out = JSON.parse(whole) as ReturnType<typeof limitationRadarToJson>;
    for (const totals of [out.totals, out.alreadyBarred.totals]) {
      expect(totals.byCaseworker.length).toBeGreaterThan(3);
      expect(totals.byCaseworker[0]!.caseworker).toBe('');
    }
  });

  it('a claim’s caseworker is the one on its lowest row that names one, wherever the cuts fall', async () => {
    // One claim over 40 rows: row 2 names no caseworker, row 3 Kim Lund, rows 4–41 Lis Berg
    // (handed over). Due Mon 03-07-2023 → Fri 03-07-2026, 17 days from 16-06-2026; 40 × 10 kr. open.
    const rows = Array.from({ length: 40 }, (_, i) => `D1;F1;andet;03-07-2023;03-07-2023;krav;10,00;${i === 0 ? '' : i === 1 ? 'Kim Lund' : 'Lis Berg'}`);
    const path = file(['Debitor;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb;Sagsbehandler', ...rows].join('\n'));
    for (const [pieceBytes, threads, workerTakesAll] of [
      [1 << 30, 1, false],
      [60, 2, false],
      [100, 2, true],
      [150, 2, false],
      [333, 2, true],
    ] as const) {
      const r = limitationRadarToJson(await limitationFromFile(path, defaultRules, { asOf: '2026-06-16', days: '90', pieceBytes, threads, workerTakesAll }));
      expect(
        r.claims.map((c) => [c.claimId, c.caseworker, c.open]),
        `pieces of ${pieceBytes} bytes`,
      ).toEqual([['F1', 'Kim Lund', 400]]);
      expect(r.totals.byCaseworker).toEqual([{ caseworker: 'Kim Lund', claims: 1, open: 400 }]);
    }
  });
});
