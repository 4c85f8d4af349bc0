/**
 * The analysis over a period (issue 20, "Analyses over more than one year"): a ledger from 2025
 * into 2026, a period across the year end, a credit balance kept out of the restance, the total
 * rows, the 12-month default and the refusals. Every expected figure is worked by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf, fromDayNumber, type DayNumber } from '../../../core/calendar/date.js';
import { commands, toJson } from '../../../core/commands/index.js';
import { analyseDates } from '../../../core/commands/ledger.js';
import { analysisPeriod, defaultAnalysisPeriod, MAX_ANALYSIS_MONTHS } from '../../../core/ledger/analyse.js';
import { analysisFromRows, analysisToJson } from '../../../core/ledger/ledgerJson.js';
import { agingTable, creditsTable, developmentTable, movementsTable } from '../../../core/report/ledgerTables.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { saldoMessage } from '../saldoMessage.js';

const HEADER = ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
/**
 * Rows 2–12 (the header is row 1):
 * - D1/A daginstitution: 1.000 krav 15-02-2025 (before the default period: opening), 400 paid 10-05-2025 → 600, due 01-03-2025.
 * - D1/B daginstitution: 2.000 krav 01-04-2025 (the period's first day), 250 gebyr 15-01-2026 → 2.250, due 01-05-2025.
 * - D2/C ejendomsskat: 5.000 krav 01-06-2025, 3.000 sent to inddrivelse 20-02-2026 → 2.000, due 01-07-2025;
 *   500 paid 10-04-2026 is after asOf 31-03-2026 and left out.
 * - D3/K renovation: 800 krav 01-10-2025, 1.000 paid 05-11-2025 → −200: the kommune owes D3 200 kr.
 * - D4/E renovation: 300 krav 31-03-2025 (the day before the period: opening), written off 15-01-2026 → 0.
 */
const LEDGER: string[][] = [
  HEADER,
  ['D1', 'A', 'daginstitution', '15-02-2025', '01-03-2025', 'krav', '1.000,00'],
  ['D1', 'A', 'daginstitution', '10-05-2025', '', 'betaling', '-400,00'],
  ['D1', 'B', 'daginstitution', '01-04-2025', '01-05-2025', 'krav', '2.000,00'],
  ['D1', 'B', 'daginstitution', '15-01-2026', '', 'gebyr', '250,00'],
  ['D2', 'C', 'ejendomsskat', '01-06-2025', '01-07-2025', 'krav', '5.000,00'],
  ['D2', 'C', 'ejendomsskat', '20-02-2026', '', 'oversendt', '-3.000,00'],
  ['D3', 'K', 'renovation', '01-10-2025', '01-11-2025', 'krav', '800,00'],
  ['D3', 'K', 'renovation', '05-11-2025', '', 'betaling', '-1.000,00'],
  ['D4', 'E', 'renovation', '31-03-2025', '31-03-2025', 'krav', '300,00'],
  ['D4', 'E', 'renovation', '15-01-2026', '', 'afskrivning', '-300,00'],
  ['D2', 'C', 'ejendomsskat', '10-04-2026', '', 'betaling', '-500,00'],
];
const AS_OF = dayNumberOf(2026, 3, 31);
const places = { from: '--from', to: '--to' };
const iso = (d: DayNumber) => fromDayNumber(d);

describe('the period: by default the 12 months up to asOf', () => {
  it('from the 1st of the month 11 months before asOf’s month, through asOf', () => {
    // March 2026 − 11 months = April 2025.
    const p = defaultAnalysisPeriod(dayNumberOf(2026, 3, 15));
    expect([iso(p.from), iso(p.to)]).toEqual(['2025-04-01', '2026-03-15']);
    // December: the calendar year, as the analysis was before periods.
    const dec = defaultAnalysisPeriod(dayNumberOf(2026, 12, 31));
    expect([iso(dec.from), iso(dec.to)]).toEqual(['2026-01-01', '2026-12-31']);
    // January 2026 − 11 months = February 2025.
    expect(iso(defaultAnalysisPeriod(dayNumberOf(2026, 1, 31)).from)).toBe('2025-02-01');
  });
  it('without --to it ends on asOf; with only --to it is the 12 months up to --to', () => {
    const onlyFrom = analysisPeriod(AS_OF, { from: dayNumberOf(2025, 7, 10) }, places);
    expect([iso(onlyFrom.from), iso(onlyFrom.to)]).toEqual(['2025-07-10', '2026-03-31']);
    // 30-06-2025: June 2025 − 11 months = July 2024.
    const onlyTo = analysisPeriod(AS_OF, { to: dayNumberOf(2025, 6, 30) }, places);
    expect([iso(onlyTo.from), iso(onlyTo.to)]).toEqual(['2024-07-01', '2025-06-30']);
  });
  it('the default development has 12 months, labelled YYYY-MM across the year end', () => {
    const a = analysisFromRows(LEDGER, AS_OF);
    expect(a.period).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(a.developmentTotal.months.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    for (const d of a.development) expect(d.months).toHaveLength(12);
  });
});

describe('a period is refused in Danish where it cannot be shown', () => {
  it('a start after the end: "Byt om på datoerne"', () => {
    expect(saldoMessage(() => analysisPeriod(AS_OF, { from: dayNumberOf(2026, 2, 1), to: dayNumberOf(2026, 1, 31) }, places))).toBe(
      '--from: perioden begynder 01-02-2026, efter at den slutter 31-01-2026. Byt om på datoerne.',
    );
  });
  it('a start after asOf with no end given: the end is asOf, said so', () => {
    expect(saldoMessage(() => analysisPeriod(AS_OF, { from: dayNumberOf(2026, 4, 30) }, places))).toBe(
      '--from: perioden begynder 30-04-2026, efter at den slutter opgørelsesdatoen 31-03-2026. Vælg en startdato til og med den.',
    );
  });
  it('an end after asOf: months not yet opgjort are refused, not clamped', () => {
    expect(saldoMessage(() => analysisPeriod(AS_OF, { to: dayNumberOf(2026, 4, 30) }, places))).toBe(
      '--to: perioden slutter 30-04-2026, efter opgørelsesdatoen 31-03-2026. Vælg en slutdato til og med 31-03-2026.',
    );
  });
  it(`more than ${MAX_ANALYSIS_MONTHS} months is refused; 10 years and more are not`, () => {
    // 1950-01 … 2026-03: 76 × 12 + 3 = 915 months.
    expect(saldoMessage(() => analysisPeriod(AS_OF, { from: dayNumberOf(1950, 1, 1) }, places))).toBe('--from: perioden 01-01-1950 – 31-03-2026 er på 915 måneder; højst 600 (50 år).');
    // 2011-01 … 2026-03: 15 × 12 + 3 = 183 months.
    const long = analysisFromRows(LEDGER, AS_OF, analysisPeriod(AS_OF, { from: dayNumberOf(2011, 1, 1) }, places));
    expect(long.developmentTotal.months).toHaveLength(183);
    expect(long.developmentTotal.opening).toBe(0);
  });
  it('the JSON command and the task pane name their own fields', () => {
    expect(saldoMessage(() => commands.analyse({ asOf: '2026-03-31', from: '2026-03-01', to: '2026-02-01', ledger: [] }, defaultRules))).toMatch(/^from: perioden begynder 01-03-2026/);
    expect(
      saldoMessage(() => commands.analyseRows({ asOf: '2026-03-31', asOfPlace: 'Opgjort pr.', from: '', fromPlace: 'Periode fra', to: '2026-04-01', toPlace: 'Periode til' }, defaultRules)),
    ).toMatch(/^Periode til: perioden slutter 01-04-2026, efter opgørelsesdatoen 31-03-2026/);
    expect(saldoMessage(() => analyseDates({ asOf: '2026-03-31', from: '31-12-2025' }, { asOf: 'asOf', from: 'from', to: 'to' }))).toMatch(/^from: "31-12-2025" er ikke en dato/);
  });
  it('empty form fields in the pane are the 12 months', () => {
    const of = commands.analyseRows({ asOf: '2026-03-31', asOfPlace: 'Opgjort pr.', from: ' ', fromPlace: 'Periode fra', to: '', toPlace: 'Periode til' }, defaultRules);
    expect(of(LEDGER).period).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});

describe('a ledger over two years, the default period across the year end (worked by hand)', () => {
  const a = analysisToJson(analysisFromRows(LEDGER, AS_OF));

  it('the aging counts restance only: the credit of D3/K does not lower it', () => {
    // A 600 due 01-03-2025: 365 days to 01-03-2026 + 30 to 31-03 = 395 → 1–3 år.
    // B 2.250 due 01-05-2025: 365 − 31 (31-03-2026 → 01-05-2026) = 334 → 181–365.
    // C 2.000 due 01-07-2025: 365 − 92 (30 + 31 + 30 + 1) = 273 → 181–365.
    expect(a.aging).toEqual([
      { claimType: 'daginstitution', buckets: [0, 0, 0, 0, 2250, 600, 0], total: 2850 },
      { claimType: 'ejendomsskat', buckets: [0, 0, 0, 0, 2000, 0, 0], total: 2000 },
    ]);
    // renovation has no row: K is a credit and E is 0.
    expect(a.agingTotal).toEqual({ buckets: [0, 0, 0, 0, 4250, 600, 0], total: 4850 });
    expect(a.credits).toEqual({ claims: 1, balance: -200, byClaimType: [{ claimType: 'renovation', claims: 1, balance: -200 }] });
  });

  it('the summary: restance 4.850 (not 4.650), the period’s movements and the year to date', () => {
    expect(a.summary).toEqual({
      balance: 4850,
      // D1 2.850, D2 2.000; D3 is owed money, D4 owes nothing.
      debtorsWithBalance: 2,
      openClaims: 3,
      averagePerDebtor: 2425,
      // A: 600 of 4.850 = 0,1237 → 0,124
      overOneYear: 600,
      overOneYearShare: 0.124,
      // 01-01-2026 … 31-03-2026: the written-off E and the 3.000 sent; no krav, no payment.
      paymentsYearToDate: 0,
      writtenOffYearToDate: -300,
      transferredYearToDate: -3000,
      newClaimsYearToDate: 0,
      // 01-04-2025 … 31-03-2026: paid 400 + 1.000; krav B 2.000 + C 5.000 + K 800 = 7.800 (A and E before it).
      paymentsInPeriod: -1400,
      writtenOffInPeriod: -300,
      transferredInPeriod: -3000,
      newClaimsInPeriod: 7800,
    });
  });

  it('the development per claim type across the year end, and its total', () => {
    const balances = (type: string) => a.development.find((d) => d.claimType === type)!;
    // daginstitution: opening A 1.000; Apr +2.000 = 3.000; May −400 = 2.600; Jan 2026 +250 = 2.850.
    expect(balances('daginstitution').opening).toBe(1000);
    expect(balances('daginstitution').months.map((m) => m.balance)).toEqual([3000, 2600, 2600, 2600, 2600, 2600, 2600, 2600, 2600, 2850, 2850, 2850]);
    // ejendomsskat: Jun +5.000; Feb 2026 −3.000 = 2.000 (the payment in April 2026 is after asOf).
    expect(balances('ejendomsskat').months.map((m) => m.balance)).toEqual([0, 0, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 2000, 2000]);
    // renovation: opening E 300; Oct +800 = 1.100; Nov −1.000 = 100; Jan 2026 −300 = −200 (the net ledger balance).
    expect(balances('renovation').opening).toBe(300);
    expect(balances('renovation').months.map((m) => m.balance)).toEqual([300, 300, 300, 300, 300, 300, 1100, 100, 100, -200, -200, -200]);
    // Total: opening 1.300; Apr 3.300; May 2.900; Jun 7.900; Oct 8.700; Nov 7.700; Jan 7.650 (+250 −300); Feb 4.650.
    expect(a.developmentTotal.opening).toBe(1300);
    expect(a.developmentTotal.months.map((m) => m.balance)).toEqual([3300, 2900, 7900, 7900, 7900, 7900, 8700, 7700, 7700, 7650, 4650, 4650]);
    expect(a.developmentTotal.months[9]).toEqual({ month: '2026-01', balance: 7650, additions: 250, reductions: -300 });
    // The last month reconciles with the aging: restance 4.850 + credits −200 = 4.650.
    expect(a.agingTotal.total + a.credits.balance).toBe(a.developmentTotal.months.at(-1)!.balance);
  });

  it('a calendar year as the period, ended before asOf: 2025 only', () => {
    const y = analysisToJson(analysisFromRows(LEDGER, AS_OF, analysisPeriod(AS_OF, { from: dayNumberOf(2025, 1, 1), to: dayNumberOf(2025, 12, 31) }, places)));
    expect(y.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(y.developmentTotal.months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    // Nothing before 2025: opening 0. December: daginstitution 2.600 + ejendomsskat 5.000 + renovation 100 = 7.700.
    expect(y.developmentTotal.opening).toBe(0);
    expect(y.developmentTotal.months.at(-1)!.balance).toBe(7700);
    // krav in 2025: A 1.000 + B 2.000 + C 5.000 + K 800 + E 300 = 9.100; paid 400 + 1.000.
    expect(y.summary).toMatchObject({ newClaimsInPeriod: 9100, paymentsInPeriod: -1400, transferredInPeriod: 0, writtenOffInPeriod: 0 });
    // The aging is still on asOf: the 2026 postings count there.
    expect(y.agingTotal.total).toBe(4850);
  });
});

describe('the sheets: bold "I alt" rows, the credits apart, months as in the JSON', () => {
  const a = analysisFromRows(LEDGER, AS_OF);
  it('the aging’s "I alt" row is the sum of its rows; the credits have a table of their own', () => {
    expect(agingTable(a).total).toEqual(['I alt', 0, 0, 0, 0, 4250, 600, 0, 4850]);
    expect(creditsTable(a).rows).toEqual([['Renovation (affaldsgebyr)', 1, -200]]);
    expect(creditsTable(a).total).toEqual(['I alt', 1, -200]);
  });
  it('the development has an "I alt" column; the movements an "I alt" row per month, in bold', () => {
    const dev = developmentTable(a);
    expect(dev.columns.map((c) => c.header).at(-1)).toBe('I alt');
    expect(dev.rows[0]).toEqual(['2025-04', 3000, 0, 300, 3300]);
    const moved = movementsTable(a);
    // 3 types × 12 months, then 12 total rows.
    expect(moved.totalRows).toEqual(Array.from({ length: 12 }, (_, i) => 36 + i));
    expect(moved.rows[36]).toEqual(['I alt', '2025-04', 3300, 2000, 0]);
    expect(moved.rows[0]![0]).toBe('Daginstitution (forældrebetaling)');
  });
});

describe('the JSON command takes the period', () => {
  it('from and to in the input; masked output the same as the analysis JSON', () => {
    const ledger = [
      { debtorId: 'D1', claimId: 'F1', postingDate: '2024-11-05', dueDate: '2024-11-05', kind: 'krav', amount: 100 },
      { debtorId: 'D1', claimId: 'F1', postingDate: '2025-02-05', kind: 'betaling', amount: -30 },
    ];
    const out = toJson.analyse(commands.analyse({ asOf: '2025-03-31', from: '2024-10-01', to: '2025-02-28', ledger }, defaultRules));
    // Oct 2024 … Feb 2025: 5 months; 100 in November, 70 from February.
    expect(out.period).toEqual({ from: '2024-10-01', to: '2025-02-28' });
    expect(out.developmentTotal.months.map((m) => [m.month, m.balance])).toEqual([
      ['2024-10', 0],
      ['2024-11', 100],
      ['2024-12', 100],
      ['2025-01', 100],
      ['2025-02', 70],
    ]);
    expect(() => commands.analyse({ asOf: '2025-03-31', from: '2024-10-01', to: '2025-02-28', ledger, sinceWhen: 'x' } as never, defaultRules)).toThrow(/sinceWhen/);
  });
});
