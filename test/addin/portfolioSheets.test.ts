/**
 * The portfolio's results written into a workbook (addin/excel/portfolioSheets.ts) on the fake
 * Excel: the opkrævningstragt (new sheets beside the user's, the table with kr. formats, a stacked
 * column chart per claim type), the forældelse radar and the campaign follow-up; text from the
 * ledger or the call log that looks like a formula is written as text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeCampaignSheets, writeFunnelSheets, writeLimitationSheets } from '../../addin/excel/portfolioSheets.js';
import { commands } from '../../core/commands/index.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';
import { exampleRows } from '../fakes/exampleRows.js';

afterEach(() => vi.unstubAllGlobals());

const HEADER = ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
/** Two claim types: one named like a formula, which must stay text (the ledger reads claim types in lower case). */
const EVIL = '=hyperlink("http://evil.example","klik")';
const LEDGER = [
  HEADER,
  ['D1', 'F1', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '1000'],
  ['D1', 'F1', 'daginstitution', '10-01-2026', '', 'betaling', '-1000'],
  ['D2', 'F2', 'daginstitution', '01-02-2026', '01-02-2026', 'krav', '300'],
  ['D3', 'F3', EVIL, '01-02-2026', '01-02-2026', 'krav', '800'],
  ['D3', 'F3', EVIL, '01-05-2026', '', 'oversendt', '-800'],
  ['D4', 'X', 'daginstitution', '31-02-2026', '', 'krav', '5'],
];

async function funnel() {
  const of = await commands.funnelOfRows({ from: '2026-01-01', to: '2026-02-28', asOf: '2026-06-30', places: { from: 'Fra', to: 'Til', asOf: 'Dato' } }, defaultRules);
  return of(LEDGER);
}

describe('writeFunnelSheets', () => {
  it('writes the funnel and its errors to NEW sheets, the table in kr. with filters, and activates the funnel', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    wb.put('Posteringer', 'A1', [['Brugerens egne data', 42]]);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const written = await writeFunnelSheets(await funnel());
    expect(written).toEqual({ sheetName: 'Tragt 2026-01 til 2026-02', errorsSheetName: 'Fejl tragt 2026-01 til 2026-02' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Posteringer', 'Tragt 2026-01 til 2026-02', 'Fejl tragt 2026-01 til 2026-02']);
    // the user's sheet untouched
    expect(wb.sheet('Posteringer')!.grid()).toEqual([['Brugerens egne data', 42]]);

    const sheet = wb.sheet(written.sheetName)!;
    const grid = sheet.grid();
    expect(grid[0]!.slice(0, 10)).toEqual([
      'Fordringstype',
      'Forfaldsmåned',
      'Nye fordringer',
      'Ny hovedstol',
      'Betalt før rykker',
      'Betalt efter rykker',
      'I betalingsaftale',
      'Sendt til inddrivelse',
      'Afskrevet',
      'Åben',
    ]);
    // one row per type and month: the formula-like type sorts first, each with both months
    expect(grid.slice(1, 5).map((r) => r.slice(0, 10))).toEqual([
      [EVIL, '2026-01', 0, 0, 0, 0, 0, 0, 0, 0],
      [EVIL, '2026-02', 1, 800, 0, 0, 0, 800, 0, 0],
      ['daginstitution', '2026-01', 1, 1000, 1000, 0, 0, 0, 0, 0],
      ['daginstitution', '2026-02', 1, 300, 0, 0, 0, 0, 0, 300],
    ]);
    expect(sheet.cell(2, 4).numberFormat).toBe('#,##0.00 "kr."');
    expect(sheet.cell(2, 5).numberFormat).toBe('#,##0.00 "kr."');
    expect(sheet.cell(2, 3).numberFormat).toBe('0');
    expect(sheet.cell(2, 11).numberFormat).toBe('0.0 %');
    expect(sheet.tableList).toHaveLength(1);
    expect(sheet.tableList[0]!.address).toMatch(/^A1:[A-Z]+5$/);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.activated).toBe(true);
    // the rows that could not be read, by their row number
    expect(wb.sheet(written.errorsSheetName)!.grid()[1]).toEqual([7, expect.stringMatching(/31-02-2026/)]);
  });

  it('draws a stacked column chart per claim type: its months as categories, the six stages as series', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const { sheetName } = await writeFunnelSheets(await funnel());
    const charts = wb.sheet(sheetName)!.chartList;
    expect(charts.map((c) => [c.type, c.title.text, c.source])).toEqual([
      ['ColumnStacked', `Opkrævningstragt – ${EVIL} (kr.)`, 'E2:J3'],
      ['ColumnStacked', 'Opkrævningstragt – daginstitution (kr.)', 'E4:J5'],
    ]);
    expect(charts[1]!.seriesList.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Betalt før rykker', 'E4:E5', 'B4:B5'],
      ['Betalt efter rykker', 'F4:F5', 'B4:B5'],
      ['I betalingsaftale', 'G4:G5', 'B4:B5'],
      ['Sendt til inddrivelse', 'H4:H5', 'B4:B5'],
      ['Afskrevet', 'I4:I5', 'B4:B5'],
      ['Åben', 'J4:J5', 'B4:B5'],
    ]);
  });

  it('writes a claim type that looks like a formula as text, never as a formula', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const { sheetName } = await writeFunnelSheets(await funnel());
    const sheet = wb.sheet(sheetName)!;
    expect(sheet.cell(2, 1).value).toBe(EVIL);
    expect(wb.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.formula !== undefined)).toEqual([]);
  });
});

/** No cell of any sheet holds a formula. */
const noFormulas = (wb: FakeWorkbook) => expect(wb.sheets.flatMap((x) => [...x.cells.values()]).filter((c) => c.formula !== undefined)).toEqual([]);

describe('writeLimitationSheets', () => {
  /** A caseworker and a claim type from the ledger that look like formulas (claim types are read in lower case). */
  const EVIL_TYPE = '=hyperlink("http://evil.example","klik")';
  const EVIL_WORKER = '=HYPERLINK("http://evil.example")';
  const RADAR_LEDGER = [
    ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Sagsbehandler'],
    ['D1', 'Anna', 'F1', 'daginstitution', '01-12-2025', '01-12-2025', 'krav', '3.000,00', 'Kim'],
    ['D1', 'Anna', 'F1', 'daginstitution', '02-03-2026', '', 'betaling', '-1.000,00', 'Kim'],
    ['D2', 'Bo', 'F2', EVIL_TYPE, '01-12-2025', '01-12-2025', 'krav', '1.600,00', EVIL_WORKER],
    ['D3', 'Cem', 'F3', 'daginstitution', '01-06-2025', '01-06-2025', 'krav', '500,00', 'Kim'],
    ['D4', 'Dan', 'X', 'daginstitution', '31-02-2026', '', 'krav', '5', ''],
  ];
  const radar = async (rows: unknown[][], days = '180') =>
    (await commands.limitationOfRows({ asOf: '2028-10-01', asOfPlace: 'Pr. dato', days, daysPlace: 'Vindue', maskCpr: false }, defaultRules))(rows);

  it('writes the overview, the claims in the window, the forældede and the row errors to NEW sheets named by the date', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    wb.put('Posteringer', 'A1', [['Brugerens egne data', 42]]);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const written = await writeLimitationSheets(await radar(RADAR_LEDGER));
    expect(written).toEqual({ sheetName: 'Forældelse 2028-10-01', claimsSheetName: 'Radar 2028-10-01', barredSheetName: 'Forældet 2028-10-01', errorsSheetName: 'Fejl forældelse 2028-10-01' });
    expect(wb.sheets.map((x) => x.name)).toEqual(['Posteringer', 'Forældelse 2028-10-01', 'Radar 2028-10-01', 'Forældet 2028-10-01', 'Fejl forældelse 2028-10-01']);
    expect(wb.sheet('Posteringer')!.grid()).toEqual([['Brugerens egne data', 42]]);
    expect(wb.sheet('Forældelse 2028-10-01')!.activated).toBe(true);

    // By hand, on 01-10-2028 with 180 days (the window's last day 30-03-2029):
    // F2 is 3 years from its forfald 01-12-2025: last day 01-12-2028 (a Friday), 30 + 31 = 61 days left, 1.600 kr. open.
    // F1's payment 02-03-2026 started a new period: last day 02-03-2029 (a Friday), 152 days left, 3.000 − 1.000 = 2.000 kr. open.
    // F3 ran out on 01-06-2028 (a Thursday), 122 days before: already forældet, 500 kr. The 31-02-2026 row (sheet row 6) is no date.
    const claims = wb.sheet('Radar 2028-10-01')!;
    const grid = claims.grid();
    expect(grid[0]!.slice(0, 9)).toEqual(['Dage tilbage', 'Sidste dag', 'Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Sagsbehandler', 'Åbent beløb', 'Forældes']);
    // Excel serials: 1 Jan 2026 is 46023; + 365 + 365 + 335 days to 1 Dec 2028, + 31 + 31 + 28 + 1 to 2 Mar 2029.
    expect(grid.slice(1).map((r) => r.slice(0, 9))).toEqual([
      [61, 47088, 'D2', 'Bo', 'F2', EVIL_TYPE, EVIL_WORKER, 1600, 'hele fordringen'],
      [152, 47179, 'D1', 'Anna', 'F1', 'daginstitution', 'Kim', 2000, 'hele fordringen'],
    ]);
    expect(grid[2]![9]).toMatch(/02-03-2029/);
    expect(claims.cell(2, 8).numberFormat).toBe('#,##0.00 "kr."');
    expect(claims.frozenRows).toBe(1);
    expect(claims.tableList).toHaveLength(1);

    const barred = wb.sheet('Forældet 2028-10-01')!.grid();
    expect(barred.slice(1).map((r) => r.slice(0, 8))).toEqual([[122, 46905, 'D3', 'Cem', 'F3', 'daginstitution', 'Kim', 500]]);
    // The overview's figures, and its pointers to the sheets as written.
    const pairs = new Map(
      wb
        .sheet('Forældelse 2028-10-01')!
        .grid()
        .map((r) => [r[0], r[1]]),
    );
    expect(pairs.get('Fordringer, der forældes i vinduet')).toBe(2);
    expect(pairs.get('Åbent beløb på dem')).toBe(3600);
    expect(pairs.get('Allerede forældet (se arket Forældet 2028-10-01)')).toBe(1);
    expect(pairs.get('Fejlbehæftede rækker (se arket Fejl forældelse 2028-10-01)')).toBe(1);
    expect(wb.sheet('Fejl forældelse 2028-10-01')!.grid()[1]).toEqual([6, expect.stringMatching(/31-02-2026/)]);
  });

  it('a 90-day window holds only F2; a second run on the same day gets new names, and with every row read no sheet of errors', async () => {
    const wb = new FakeWorkbook(['Posteringer', 'Forældelse 2028-10-01', 'Radar 2028-10-01']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const written = await writeLimitationSheets(await radar(RADAR_LEDGER.slice(0, 5), '90'));
    expect(written).toEqual({ sheetName: 'Forældelse 2028-10-01 2', claimsSheetName: 'Radar 2028-10-01 2', barredSheetName: 'Forældet 2028-10-01', errorsSheetName: null });
    expect(wb.sheets.map((x) => x.name)).toEqual(['Posteringer', 'Forældelse 2028-10-01', 'Radar 2028-10-01', 'Forældelse 2028-10-01 2', 'Radar 2028-10-01 2', 'Forældet 2028-10-01']);
    expect(
      wb
        .sheet('Radar 2028-10-01 2')!
        .grid()
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(['F2']);
    const labels = wb
      .sheet('Forældelse 2028-10-01 2')!
      .grid()
      .map((r) => r[0]);
    expect(labels).toContain('Allerede forældet (se arket Forældet 2028-10-01)');
    expect(labels).toContain('Fejlbehæftede rækker');
  });

  it('writes a caseworker and a claim type that look like formulas as text, never as formulas', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    await writeLimitationSheets(await radar(RADAR_LEDGER));
    const claims = wb.sheet('Radar 2028-10-01')!;
    expect(claims.cell(2, 6).value).toBe(EVIL_TYPE);
    expect(claims.cell(2, 7).value).toBe(EVIL_WORKER);
    // and in the overview's totals by claim type and by caseworker
    expect(wb.sheet('Forældelse 2028-10-01')!.grid().flat()).toEqual(expect.arrayContaining([EVIL_TYPE, EVIL_WORKER]));
    noFormulas(wb);
  });
});

describe('writeCampaignSheets', () => {
  const LEDGER = exampleRows('portefoelje/posteringer.csv');
  const campaign = async (calls: unknown[][]) => (await commands.campaignOfRows({ calls, asOf: '2026-09-30', asOfPlace: 'Pr. dato' }, defaultRules))(LEDGER);

  it('writes the weeks, the caseworkers, the effect and the errors to NEW sheets with the figures of examples/portefoelje', async () => {
    const wb = new FakeWorkbook(['Opkald', 'Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const written = await writeCampaignSheets(await campaign(exampleRows('portefoelje/opkald.csv')));
    expect(written).toEqual({ weeksSheetName: 'Kampagne uger', caseworkersSheetName: 'Kampagne sagsbehandlere', effectSheetName: 'Kampagne effekt', errorsSheetName: 'Fejl kampagne' });
    expect(wb.sheets.map((x) => x.name)).toEqual(['Opkald', 'Posteringer', 'Kampagne uger', 'Kampagne sagsbehandlere', 'Kampagne effekt', 'Fejl kampagne']);
    expect(wb.sheet('Kampagne effekt')!.activated).toBe(true);

    // examples/portefoelje/README.md, worked by hand: Kim 4 calls (D1 aftale 12,5 min 3.000 kr.; D2 ingen kontakt 1 min,
    // then aftale 8 min 1.500 kr.; D10 ingen kontakt 2 min, not in the ledger), 23,5 min = 0,39 hours, D1 paid 2.000 kr.
    // within 3 months; Lis 3 calls (D3 afvist 4, D4 ingen kontakt 1,5, D5 betalt 6), 11,5 min = 0,19 hours, D5 paid 1.000 kr.
    // Together 35 min = 0,58 hours.
    const workers = wb.sheet('Kampagne sagsbehandlere')!;
    const grid = workers.grid();
    expect(grid[0]!.slice(0, 12)).toEqual([
      'Sagsbehandler',
      'Opkald',
      'Kontakter',
      'Aftaler',
      'Betalt i opkaldet',
      'Afvist',
      'Ingen kontakt',
      'Aftalt beløb',
      'Timer',
      'Debitorer (første opkald)',
      'Ikke i posteringslisten',
      'Betalt inden for 3 mdr.',
    ]);
    expect(grid.slice(1).map((r) => r.slice(0, 12))).toEqual([
      ['Kim', 4, 2, 2, 0, 0, 2, 4500, 0.39, 3, 1, 2000],
      ['Lis', 3, 2, 0, 1, 1, 1, 0, 0.19, 3, 0, 1000],
      ['I alt', 7, 4, 2, 1, 1, 3, 4500, 0.58, 6, 1, 3000],
    ]);
    expect(workers.cell(2, 8).numberFormat).toBe('#,##0.00 "kr."');
    // ISO weeks: Friday 09-01-2026 is in week 2; 12–14 January in week 3; 19–21 January in week 4.
    const weeks = wb.sheet('Kampagne uger')!.grid();
    expect(weeks.slice(1, -1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2026-W02', 'Kim', 1],
      ['2026-W03', 'Kim', 1],
      ['2026-W03', 'Lis', 2],
      ['2026-W04', 'Kim', 2],
      ['2026-W04', 'Lis', 1],
    ]);
    // The effect: daginstitution, 1.000–4.999 kr., 0–90 dage: called 1 of 4 paid (25 %), uncalled 1 of 3 (33,3 %);
    // −8,3 %, and ± 1,96 · √(0,25 · 0,75 / 4 + ⅓ · ⅔ / 3) = ± 68,2 %: −76,5 % to 59,8 %.
    // The first comparison (the 6-month one repeats its labels below it).
    const lines = wb.sheet('Kampagne effekt')!.grid();
    const from = lines.findIndex((r) => r[0] === 'Betalende inden for 3 måneder');
    const effect = new Map(lines.slice(from, from + 11).map((r) => [r[0], r[1]]));
    expect(effect.get('Ringede (andel)')).toBe(0.25);
    expect(effect.get('Sammenlignelige ikke-ringede (vægtet som de ringede)')).toBeCloseTo(1 / 3, 10);
    expect(effect.get('Forskel')).toBeCloseTo(-1 / 12, 10);
    expect(effect.get('95 %-interval, nedre')).toBeCloseTo(-0.765, 3);
    expect(effect.get('95 %-interval, øvre')).toBeCloseTo(0.598, 3);
    expect(wb.sheet('Fejl kampagne')!.grid()[1]).toEqual(['', '', 'Ingen fejl: alle opkald og posteringer blev læst.']);
  });

  it('a call log row that cannot be used is on Fejl kampagne by its row; a caseworker that looks like a formula stays text', async () => {
    const wb = new FakeWorkbook(['Opkald', 'Kampagne uger']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const EVIL = '=HYPERLINK("http://evil.example")';
    const calls = [
      ['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter'],
      ['09-01-2026', EVIL, 'D1', 'Aftale', '5'],
      ['10-01-2026', 'Kim', 'D2', 'Måske', '2'],
    ];
    const written = await writeCampaignSheets(await campaign(calls));
    expect(written.weeksSheetName).toBe('Kampagne uger 2');
    expect(wb.sheet('Kampagne sagsbehandlere')!.cell(2, 1).value).toBe(EVIL);
    expect(wb.sheet('Kampagne uger 2')!.cell(2, 3).value).toBe(EVIL);
    expect(wb.sheet('Fejl kampagne')!.grid()[1]).toEqual(['Opkaldsloggen', 3, expect.stringMatching(/^Udfaldet "Måske" kendes ikke/)]);
    noFormulas(wb);
  });
});
