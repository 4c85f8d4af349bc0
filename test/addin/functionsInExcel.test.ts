/**
 * Saldo's custom functions called as Excel calls them (test/addin/excelCaller.ts): from the
 * generated metadata, with ranges, blanks as 0 (Windows) and as null (the web), omitted
 * arguments, and results as Excel shows them (issue 19).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basic, EMPTY, excelCaller, formatOf, generatedMetadata, isCellError, OMITTED, PLATFORMS, serial, type Cell } from './excelCaller.js';
import { BUILTIN_NAMES } from './excelBuiltinNames.js';
import { REQUIREMENT_SETS } from '../../addin/functions/requirements.js';

const DATE = 'dd-mm-yyyy';
const KRONER = '#,##0.00 "kr."';
const FEB_1_2026 = serial('2026-02-01');
const claims: Cell[][] = [
  ['Hovedstol', 'Gebyrer', 'Forfaldsdato'],
  [4200, 250, serial('2025-10-01')],
];

describe('the metadata Excel reads', () => {
  it('every parameter that takes a range is a matrix, so Excel passes the range and does not call once per cell', async () => {
    const { metadata } = await generatedMetadata();
    const RANGES: Record<string, string[]> = {
      SCHEDULE: ['claims'],
      HENSTANDEFFECT: ['claims'],
      HENSTANDSCHEDULE: ['claims'],
      AGREEMENTSTATUS: ['schedule', 'payments'],
      DEBTORBALANCE: ['ledger'],
      DEBTORSTATEMENT: ['ledger'],
      YEARTODATE: ['numerators', 'denominators'],
      MEASURE: ['names', 'values'],
      NEEDED: ['numerators', 'denominators'],
    };
    for (const f of metadata.functions) {
      const ranges = RANGES[f.id] ?? [];
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.dimensionality ?? 'scalar'}`).toBe(`${f.id}.${p.name}: ${ranges.includes(p.name) ? 'matrix' : 'scalar'}`);
    }
  });

  it("no function's English or Danish name is a built-in Excel function's name in English or Danish (Microsoft's naming guidance)", async () => {
    const { metadata } = await generatedMetadata();
    const danish = JSON.parse(readFileSync(new URL('../../addin/functions/functions.da.json', import.meta.url), 'utf8')) as Record<string, { name: string }>;
    const names = metadata.functions.flatMap((f) => [f.name, danish[f.id]!.name]);
    expect(names).toHaveLength(36);
    expect(names.filter((n) => BUILTIN_NAMES.has(n.toUpperCase()))).toEqual([]);
    // the test data holds the collision it was written for
    expect(BUILTIN_NAMES.has('YDELSE') && BUILTIN_NAMES.has('PMT') && BUILTIN_NAMES.has('ANTAL.ARBEJDSDAGE')).toBe(true);
  });

  it('INSTALLMENT keeps its id (stored in workbooks) under its new Danish name AFDRAGSYDELSE', async () => {
    const { metadata } = await generatedMetadata();
    const danish = JSON.parse(readFileSync(new URL('../../addin/functions/functions.da.json', import.meta.url), 'utf8')) as Record<string, { name: string }>;
    expect(metadata.functions.find((f) => f.id === 'INSTALLMENT')?.name).toBe('INSTALLMENT');
    expect(danish.INSTALLMENT!.name).toBe('AFDRAGSYDELSE');
  });
});

describe('ranges', () => {
  it.each(PLATFORMS)('ÅRTILDATO(B2:C2; B3:C3) is one figure, 14,39 pct., not 0,14 per cell (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const ytd = excel.call('YEARTODATE', [[2800, 3100]], [[20000, 21000]]);
    expect(basic(ytd)).toBeCloseTo(5900 / 41000, 12);
  });

  it.each(PLATFORMS)('MÅLING(udtryk; A1:B1; A2:B2) reads the names and counts as ranges (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    expect(basic(await excel.callAsync('MEASURE', 'pristjek / selvanmeldte', [['pristjek', 'selvanmeldte']], [[3000, 20000]]))).toBe(0.15);
  });

  it('a range given to a scalar parameter is array-lifted: one call per cell, spilled', async () => {
    const excel = await excelCaller('web');
    // ERBANKDAG over a column of dates: Friday 5 June 2026 is grundlovsdag, Monday 8 June a banking day
    expect(excel.call('ISBANKINGDAY', [[serial('2026-06-05')], [serial('2026-06-08')], ['i morgen']])).toEqual([[false], [true], [{ error: '#VALUE!', message: expect.stringMatching(/^dato: /) }]]);
    // two lifted arguments pair cell by cell
    expect(basic(excel.call('BANKINGDAYS', [[serial('2026-12-21'), serial('2026-12-21')]], [[serial('2027-01-04'), serial('2026-12-23')]]))).toEqual([[7, 3]]);
  });
});

describe('blank cells mean "not given" on Windows (0) and on the web (null)', () => {
  it.each(PLATFORMS)('AFDRAGSPLAN with an empty ydelse cell and antal given makes a plan of antal installments (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const out = excel.call('SCHEDULE', claims, FEB_1_2026, EMPTY, 9) as unknown[][];
    expect(isCellError(out), JSON.stringify(out)).toBe(false);
    expect(out).toHaveLength(10);
    // and an empty antal with ydelse given
    expect(excel.call('SCHEDULE', claims, FEB_1_2026, 500, EMPTY) as unknown[][]).toHaveLength(10);
  });

  it.each(PLATFORMS)('empty optional cells take their defaults: rente, hyppighed, aftaledato, rentemetode, renter_fra_forfald (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const given = basic(excel.call('SCHEDULE', claims, FEB_1_2026, 500, OMITTED, OMITTED, OMITTED, '2026-01-10'));
    expect(basic(excel.call('SCHEDULE', claims, FEB_1_2026, 500, EMPTY, EMPTY, EMPTY, '2026-01-10', EMPTY, EMPTY))).toEqual(given);
    expect(basic(excel.call('SCHEDULE', claims, FEB_1_2026, 500, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY))).toEqual(basic(excel.call('SCHEDULE', claims, FEB_1_2026, 500)));
  });

  it.each(PLATFORMS)('a claims range with empty rows and empty due-date and rate cells (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const withBlanks: Cell[][] = [
      ['Hovedstol', 'Gebyrer', 'Forfaldsdato', 'Rente'],
      [4200, 250, EMPTY, EMPTY],
      [EMPTY, EMPTY, EMPTY, EMPTY],
    ];
    const plain: Cell[][] = [
      ['Hovedstol', 'Gebyrer'],
      [4200, 250],
    ];
    expect(basic(excel.call('SCHEDULE', withBlanks, FEB_1_2026, 500, OMITTED, 0.08, OMITTED, '2026-01-10'))).toEqual(
      basic(excel.call('SCHEDULE', plain, FEB_1_2026, 500, OMITTED, 0.08, OMITTED, '2026-01-10')),
    );
  });

  it.each(PLATFORMS)('AFDRAGSYDELSE with empty rente, afrunding and hyppighed cells (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    expect(basic(excel.call('INSTALLMENT', 4450, 9, EMPTY, EMPTY, EMPTY))).toBe(494.45);
  });

  it.each(PLATFORMS)('HENSTAND with an empty nedsat_ydelse cell is a full henstand (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const full = basic(excel.call('HENSTANDSCHEDULE', claims, FEB_1_2026, 500, '2026-05-01', 3, OMITTED, OMITTED, OMITTED, '2026-01-10'));
    expect(basic(excel.call('HENSTANDSCHEDULE', claims, FEB_1_2026, 500, '2026-05-01', 3, EMPTY, EMPTY, EMPTY, '2026-01-10'))).toEqual(full);
    // rente_under_henstand defaults to SAND: an empty cell (0 on Windows) is not FALSK
    const withInterest = basic(excel.call('HENSTANDSCHEDULE', claims, FEB_1_2026, 500, '2026-05-01', 3, OMITTED, 0.1, OMITTED, '2026-01-10'));
    expect(basic(excel.call('HENSTANDSCHEDULE', claims, FEB_1_2026, 500, '2026-05-01', 3, EMPTY, 0.1, EMPTY, '2026-01-10'))).toEqual(withInterest);
    expect(basic(excel.call('HENSTANDSCHEDULE', claims, FEB_1_2026, 500, '2026-05-01', 3, EMPTY, 0.1, false, '2026-01-10'))).not.toEqual(withInterest);
  });

  it.each(PLATFORMS)('AFTALESTATUS with spare empty payment rows at the end, and an empty frist (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    const plan: Cell[][] = [
      ['Forfaldsdato', 'Ydelse'],
      [serial('2026-02-02'), 500],
      [serial('2026-03-02'), 500],
    ];
    const payments: Cell[][] = [
      ['Dato', 'Beløb'],
      [serial('2026-02-02'), 500],
      [serial('2026-03-02'), 500],
      [EMPTY, EMPTY],
      [EMPTY, EMPTY],
    ];
    const out = excel.call('AGREEMENTSTATUS', plan, payments, '2026-04-01', EMPTY) as unknown[][];
    expect(isCellError(out), JSON.stringify(out)).toBe(false);
    expect(out[0]!.slice(0, 2)).toEqual(['Aftalens status', 'afsluttet']);
    // a payments range that is all empty: no payments
    const none = excel.call('AGREEMENTSTATUS', plan, [[EMPTY, EMPTY]], '2026-02-01') as unknown[][];
    expect(none[0]!.slice(0, 2)).toEqual(['Aftalens status', 'overholdt']);
  });

  it.each(PLATFORMS)('ÅRTILDATO with quarters not yet reported (empty) at the end, also as a mean of values (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    expect(basic(excel.call('YEARTODATE', [[2800, 3100, EMPTY, EMPTY]], [[20000, 21000, EMPTY, EMPTY]], EMPTY))).toBeCloseTo(5900 / 41000, 12);
    expect(basic(excel.call('YEARTODATE', [[90, 120, 75, EMPTY]], OMITTED, 'gennemsnit'))).toBe(95);
    expect(basic(excel.call('YEARTODATE', [[90], [120], [75], [EMPTY]], EMPTY, 'gennemsnit'))).toBe(95);
    // a reported 0 beside its denominator is a figure, not an empty period: 3 / (10 + 20 + 30)
    expect(basic(excel.call('YEARTODATE', [[1, 2, 0]], [[10, 20, 30]]))).toBeCloseTo(3 / 60, 12);
  });

  it.each(PLATFORMS)('RESTKRAV with quarters not yet reported (empty) at the end, and empty nævnere, regel and retning (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    // 12.000 − (2.750 + 3.120 + 2.940) = 3.190
    expect(basic(excel.call('NEEDED', 12000, [[2750, 3120, 2940, EMPTY]]))).toBe(3190);
    expect(basic(excel.call('NEEDED', 12000, [[2750], [3120], [2940], [EMPTY]], EMPTY, EMPTY, EMPTY))).toBe(3190);
    // a ratio: (0,15 × 82.000 − 5.900) / 41.000 = 6.400 / 41.000
    expect(basic(excel.call('NEEDED', 0.15, [[2800, 3100, EMPTY, EMPTY]], [[20000, 21000, EMPTY, EMPTY]], EMPTY, EMPTY))).toBeCloseTo(6400 / 41000, 12);
    // nothing reported yet: #N/A on both, not a 0 read as a reported quarter
    expect(excel.call('NEEDED', 12000, [[EMPTY, EMPTY, EMPTY, EMPTY]])).toMatchObject({ error: '#N/A' });
  });

  it.each(PLATFORMS)('STIKPRØVESTATUS with an empty retning; over a column of samples it is called once per row (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    expect(excel.call('SAMPLESTATUS', 1943, 1961, 0.99, EMPTY)).toBe('gul');
    // =SALDO.STIKPRØVESTATUS(B2:B4; C2:C4; 95%): 990, 950 and 900 of 1.000 against at least 95 %
    expect(excel.call('SAMPLESTATUS', [[990], [950], [900]], [[1000], [1000], [1000]], 0.95)).toEqual([['grøn'], ['gul'], ['rød']]);
  });

  it.each(PLATFORMS)('MÅLSTATUS with empty margen and retning, BANKDAG with empty dage (%s)', async (platform) => {
    const excel = await excelCaller(platform);
    expect(excel.call('GOALSTATUS', 0.15, 0.15, EMPTY, EMPTY)).toBe('grøn');
    expect(basic(excel.call('NEXTBANKINGDAY', serial('2026-06-05'), EMPTY))).toBe(serial('2026-06-08'));
  });
});

describe('results Excel shows as dates and kroner', () => {
  it('with CustomFunctionsRuntime 1.4 (data types): dates carry a date format and amounts a kroner format', async () => {
    const excel = await excelCaller('web', { runtime: '1.4' });
    const plan = excel.call('SCHEDULE', claims, FEB_1_2026, 500, OMITTED, OMITTED, OMITTED, '2026-01-10') as unknown[][];
    expect(formatOf(plan[1])).toEqual(['', DATE, DATE, KRONER, KRONER, KRONER, KRONER, KRONER]);
    expect(basic(plan[1])).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    expect(formatOf(excel.call('INSTALLMENT', 100000, 24, 0.08))).toBe(KRONER);
    expect(basic(excel.call('INSTALLMENT', 100000, 24, 0.08))).toBe(4522.73);
    expect(formatOf(excel.call('NEXTBANKINGDAY', serial('2026-06-05')))).toBe(DATE);
    expect(formatOf(excel.call('PAYMENTCAPACITY', 200000, 2024))).toBe(KRONER);
    expect(formatOf(excel.call('YEARTODATE', [[2800, 3100]], [[20000, 21000]]))).toBe('0.00%');
    // STIKPRØVEINTERVAL spills its two ends as percentages; RESTKRAV of a ratio is one, of a count a plain number
    expect(formatOf(excel.call('SAMPLEINTERVAL', 990, 1000))).toEqual([['0.00%', '0.00%']]);
    expect(formatOf(excel.call('NEEDED', 0.15, [[2800, 3100, EMPTY, EMPTY]], [[20000, 21000, EMPTY, EMPTY]]))).toBe('0.00%');
    expect(formatOf(excel.call('NEEDED', 12000, [[2750, 3120, 2940, EMPTY]]))).toBe('');
  });

  it('before 1.4 (Office 2021/LTSC) the same functions give plain numbers, as before', async () => {
    const excel = await excelCaller('windows', { runtime: '1.3' });
    const plan = excel.call('SCHEDULE', claims, FEB_1_2026, 500, OMITTED, OMITTED, OMITTED, '2026-01-10') as unknown[][];
    expect(plan[1]).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    expect(excel.call('INSTALLMENT', 100000, 24, 0.08)).toBe(4522.73);
    const [[low, high]] = excel.call('SAMPLEINTERVAL', 990, 1000) as [[number, number]];
    expect([low, high].map((v) => Math.round(v * 10000) / 10000)).toEqual([0.9817, 0.9946]);
  });

  it("AFDRAGSPLAN's formatted spill fed to AFTALESTATUS reads as numbers (data types reach `any` parameters as objects)", async () => {
    const excel = await excelCaller('web', { runtime: '1.4' });
    const plan = excel.call('SCHEDULE', [[4200, 250, 0, serial('2025-10-01')]], FEB_1_2026, 500, OMITTED, OMITTED, OMITTED, '2026-01-10') as Cell[][];
    const out = excel.call('AGREEMENTSTATUS', plan, [[serial('2026-02-02'), 300]], '2026-02-20') as unknown[][];
    expect(basic(out[0])).toEqual(['Aftalens status', 'misligholdt', 'Restance', 200, 'Misligholdt fra', 46056, '']);
    // and a formatted date given to a date argument
    expect(basic(excel.call('ISBANKINGDAY', excel.call('NEXTBANKINGDAY', serial('2026-06-05')) as Cell))).toBe(true);
  });

  it('HENSTAND.EFFEKT never mixes a date with counts or kroner in one column', async () => {
    for (const runtime of ['1.3', '1.4']) {
      const excel = await excelCaller('web', { runtime });
      const out = excel.call('HENSTANDEFFECT', claims, FEB_1_2026, 500, '2026-05-01', 3, OMITTED, OMITTED, OMITTED, '2026-01-10') as unknown[][];
      expect(basic(out)).toEqual([
        ['', 'Antal ydelser', 'Sidste forfaldsdato', 'Renter i alt', 'Gebyrer i alt', 'Betalt i alt'],
        ['Før henstand', 9, 46296, 0, 250, 4450],
        ['Efter henstand', 9, 46391, 0, 250, 4450],
        ['Forskel', 0, '', 0, 0, 0],
      ]);
      if (runtime === '1.4') {
        expect(formatOf(out[1])).toEqual(['', '', DATE, KRONER, KRONER, KRONER]);
        expect(formatOf(out[3])).toEqual(['', '', '', KRONER, KRONER, KRONER]);
      }
    }
  });
});

describe('requirement sets', () => {
  it('every CustomFunctions API the functions use is covered by a listed requirement set', () => {
    const source = ['functions.ts', 'cellErrors.ts', 'resultCells.ts'].map((f) => readFileSync(new URL(`../../addin/functions/${f}`, import.meta.url), 'utf8')).join('\n');
    const used = new Set([...source.matchAll(/CustomFunctions\.(Error|ErrorCode\.\w+)/g)].map((m) => m[1]!));
    const covered = new Set(REQUIREMENT_SETS.flatMap((r) => r.apis));
    expect([...used].filter((api) => !covered.has(api))).toEqual([]);
    expect(REQUIREMENT_SETS.find((r) => r.apis.includes('Error'))).toMatchObject({ name: 'CustomFunctionsRuntime', minVersion: '1.2', required: true });
    // formatted results are used only where Excel says it has 1.4, so the manifest need not demand it
    expect(REQUIREMENT_SETS.find((r) => r.apis.includes('FormattedNumber results'))).toMatchObject({ name: 'CustomFunctionsRuntime', minVersion: '1.4', required: false });
  });
});
