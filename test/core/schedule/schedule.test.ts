import { describe, expect, it } from 'vitest';
import { planErrorOf, runPlan, tuples } from './helpers.js';

const errorOf = planErrorOf;

describe('plan: worked examples', () => {
  it("SPEC's example: a daginstitution restance with rykkergebyr, fees first, 9 payments", () => {
    // 4.200 + 250 = 4.450 kr. at 500 kr.: 8 × 500 + 450. The first payment covers the fee
    // (250) and 250 of the principal. 1 Feb 2026 is a Sunday → due Monday 2 Feb; 1 Mar 2026
    // a Sunday → 2 Mar; 1 Aug 2026 a Saturday → 3 Aug.
    const out = runPlan({
      startDate: '2026-01-10',
      firstDueDate: '2026-02-01',
      frequency: 'monthly',
      installment: 500,
      claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, interest: 0, dueDate: '2025-10-01', annualInterestRate: 0 }],
      interestMethod: 'daily',
      bankingDays: 'following',
    });
    expect(out.rows[0]).toEqual({ n: 1, nominalDate: '2026-02-01', dueDate: '2026-02-02', payment: 500, fees: 250, interest: 0, principal: 250, balance: 3950 });
    expect(out.rows.map((r) => r.dueDate)).toEqual(['2026-02-02', '2026-03-02', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-03', '2026-09-01', '2026-10-01']);
    expect(out.rows.map((r) => r.payment)).toEqual([500, 500, 500, 500, 500, 500, 500, 500, 450]);
    expect(out.summary).toEqual({ count: 9, installment: 500, total: 4450, fees: 250, interest: 0, principal: 4200, lastDueDate: '2026-10-01' });
  });

  it('daily interest at 10 % on 10.000 kr. with 2.000 kr. a month, by hand', () => {
    // Interest = balance × 10 % × days/365, rounded half up to the øre each period:
    //  Jan 1→Feb 1 31 d: 10.000,00 → 84,93; principal 1.915,07 → 8.084,93
    //  Feb 1→Mar 1 28 d:  8.084,93 → 62,02; principal 1.937,98 → 6.146,95
    //  Mar 1→Apr 1 31 d:  6.146,95 → 52,21; principal 1.947,79 → 4.199,16
    //  Apr 1→May 1 30 d:  4.199,16 → 34,51; principal 1.965,49 → 2.233,67
    //  May 1→Jun 1 31 d:  2.233,67 → 18,97; principal 1.981,03 →   252,64
    //  Jun 1→Jul 1 30 d:    252,64 →  2,08; last payment 254,72 → 0
    // (checked independently with Python's Decimal and ROUND_HALF_UP.)
    expect(tuples({ startDate: '2026-01-01', firstDueDate: '2026-02-01', installment: 2000, claims: [{ principal: 10000, annualInterestRate: 10, dueDate: '2025-12-01' }] })).toEqual([
      ['2026-02-01', '2026-02-02', 2000, 0, 84.93, 1915.07, 8084.93],
      ['2026-03-01', '2026-03-02', 2000, 0, 62.02, 1937.98, 6146.95],
      ['2026-04-01', '2026-04-01', 2000, 0, 52.21, 1947.79, 4199.16],
      ['2026-05-01', '2026-05-01', 2000, 0, 34.51, 1965.49, 2233.67],
      ['2026-06-01', '2026-06-01', 2000, 0, 18.97, 1981.03, 252.64],
      ['2026-07-01', '2026-07-01', 254.72, 0, 2.08, 252.64, 0],
    ]);
  });

  it('an agreement on the 31st keeps the month end: 31 Jan → 28 Feb → 31 Mar → 30 Apr', () => {
    const rows = runPlan({ firstDueDate: '2026-01-31', installment: 100, claims: [{ principal: 450 }] }).rows;
    expect(rows.map((r) => r.nominalDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    // 31/1 Saturday → 2/2; 28/2 Saturday → 2/3; 31/5 Sunday → 1/6
    expect(rows.map((r) => r.dueDate)).toEqual(['2026-02-02', '2026-03-02', '2026-03-31', '2026-04-30', '2026-06-01']);
  });

  it('banking-day policy: preceding moves back, none keeps the nominal date', () => {
    const input = { firstDueDate: '2026-06-05', installment: 100, claims: [{ principal: 100 }] };
    expect(runPlan({ ...input, bankingDays: 'preceding' }).rows[0]?.dueDate).toBe('2026-06-04');
    expect(runPlan({ ...input, bankingDays: 'none' }).rows[0]?.dueDate).toBe('2026-06-05');
    expect(runPlan(input).rows[0]?.dueDate).toBe('2026-06-08');
  });

  it('covers the oldest claim first, fees before principal, ties in input order', () => {
    // F1 (due March 2025) is older than F2 (June 2025) although listed second.
    // 1: F1 fees 250 + principal 150 → 450 left; 2: F1 principal 50, F2 fees 100 + principal 250 → 50 left;
    // 3: F2 principal 50.
    expect(
      tuples({
        firstDueDate: '2026-02-01',
        installment: 400,
        claims: [
          { id: 'F2', principal: 300, fees: 100, dueDate: '2025-06-01' },
          { id: 'F1', principal: 200, fees: 250, dueDate: '2025-03-01' },
        ],
      }).map((r) => r.slice(2)),
    ).toEqual([
      [400, 250, 0, 150, 450],
      [400, 100, 0, 300, 50],
      [50, 0, 0, 50, 0],
    ]);
  });

  it('accrued interest is paid before principal, after fees', () => {
    const row = runPlan({ firstDueDate: '2026-02-01', installment: 300, claims: [{ principal: 1000, fees: 100, interest: 150 }] }).rows[0];
    expect(row).toMatchObject({ fees: 100, interest: 150, principal: 50, balance: 950 });
  });

  it('quarterly, 1 % per started month (gebyrloven § 3) counted from the forfald, by hand', () => {
    // 12.000 kr. due 1 Nov 2025, so its months start on the 1st; agreement 15 Jan, first due
    // 31 Mar, then 30 Jun, 30 Sep (month-end kept). The month started 1 Jan lies before the
    // agreement (it is in the accrued interest, here 0), so:
    //  15/1→31/3: months from 1 Feb, 1 Mar: 2 × 1 % × 12.000 = 240,00;  principal 4.760,00 → 7.240,00
    //  31/3→30/6: 1 Apr, 1 May, 1 Jun: 3 × 1 % × 7.240 = 217,20;  principal 4.782,80 → 2.457,20
    //  30/6→30/9: 3 × 1 % × 2.457,20 = 73,716 → 73,72; last payment 2.457,20 + 73,72 = 2.530,92
    // (The old SPEC counted from the agreement date, 15 Jan: three months, 360 kr.)
    expect(
      tuples({
        startDate: '2026-01-15',
        firstDueDate: '2026-03-31',
        frequency: 'quarterly',
        installment: 5000,
        interestMethod: 'perStartedMonth',
        claims: [{ principal: 12000, annualInterestRate: 0.12, dueDate: '2025-11-01' }],
      }),
    ).toEqual([
      ['2026-03-31', '2026-03-31', 5000, 0, 240, 4760, 7240],
      ['2026-06-30', '2026-06-30', 5000, 0, 217.2, 4782.8, 2457.2],
      ['2026-09-30', '2026-09-30', 2530.92, 0, 73.72, 2457.2, 0],
    ]);
  });

  it("the issue's worked check: each started month is charged once over the claim's life (gebyrloven § 3)", () => {
    // 10.000 kr. due 02-03-2026: its months start on the 2nd. 900 kr. already accrued = the nine
    // months started 2 March … 2 November. Agreement 20-11-2026, first payment 01-01-2027: only
    // the month starting 2 December starts in the first period → 1 % × 10.000 = 100 kr. new
    // interest (counting from 20 Nov would start two months, 20 Nov and 20 Dec: 200 kr.).
    // Row 1 pays 900 + 100 interest and 1.000 principal; row 2 (1 Jan → 1 Feb) starts the month of
    // 2 January on 9.000 kr.: 90 kr.
    const out = runPlan({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 2000,
      interestMethod: 'perStartedMonth',
      claims: [{ principal: 10000, interest: 900, annualInterestRate: 12, dueDate: '2026-03-02' }],
    });
    expect(out.rows[0]).toMatchObject({ interest: 1000, principal: 1000, balance: 9000 });
    expect(out.rows[1]).toMatchObject({ interest: 90, principal: 1910, balance: 7090 });
  });

  it('perStartedMonth: a month starting on the payment date belongs to the next period', () => {
    // Due 1 Feb, agreement 1 Feb, payments on the 1st: each period [1st, next 1st) starts exactly
    // one month. 6.000 kr. at 1 % a month: 60 kr. in row 1; 1.000 kr. installments.
    const out = runPlan({
      startDate: '2026-02-01',
      firstDueDate: '2026-03-01',
      installment: 1000,
      interestMethod: 'perStartedMonth',
      claims: [{ principal: 6000, annualInterestRate: 12, dueDate: '2026-02-01' }],
    });
    expect(out.rows[0]).toMatchObject({ interest: 60, principal: 940 });
    // Row 2 on 5.060 kr.: 50,60.
    expect(out.rows[1]).toMatchObject({ interest: 50.6 });
  });

  it('interestBase principalAndFees charges interest on fees too (as inddrivelsesrente does)', () => {
    // monthly 12 % = 1 % a month. Base 1.000 + 200 fees: 12,00 kr.; base principal only: 10,00 kr.
    const input = { firstDueDate: '2026-02-01', installment: 300, interestMethod: 'monthly', claims: [{ principal: 1000, fees: 200, annualInterestRate: 12 }] };
    expect(runPlan({ ...input, interestBase: 'principalAndFees' }).rows[0]).toMatchObject({ fees: 200, interest: 12, principal: 88, balance: 912 });
    expect(runPlan(input).rows[0]).toMatchObject({ fees: 200, interest: 10, principal: 90, balance: 910 });
  });

  it("no interest before a claim's own forfaldsdag (renteloven §§ 2–3; the SPEC said from startDate)", () => {
    // Claim due 15 Feb; agreement from 1 Jan; first due date 1 Mar: 14 days from its forfald, not 59.
    // 10.000 × 10 % × 14/365 = 38,356… → 38,36
    const row = runPlan({ startDate: '2026-01-01', firstDueDate: '2026-03-01', installment: 20000, claims: [{ principal: 10000, annualInterestRate: 10, dueDate: '2026-02-15' }] }).rows[0];
    expect(row?.interest).toBe(38.36);
  });

  it("the issue's worked check: two claims of 3.000 kr. at 9,75 %, the second due after the agreement", () => {
    // Agreement 20-11-2026, first payment 01-01-2027. Claim 1 (due 01-10-2026) from 20 Nov: 42 days,
    // 3.000 × 9,75 % × 42/365 = 33,657… → 33,66. Claim 2 (due 15-12-2026) from its forfald: 17 days,
    // 3.000 × 9,75 % × 17/365 = 13,623… → 13,62 (not 33,66). One payment covers it all.
    const out = runPlan({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      installment: 10000,
      claims: [
        { principal: 3000, annualInterestRate: 9.75, dueDate: '2026-10-01' },
        { principal: 3000, annualInterestRate: 9.75, dueDate: '2026-12-15' },
      ],
    });
    expect(out.rows[0]).toMatchObject({ interest: 47.28, principal: 6000, payment: 6047.28, balance: 0 });
  });

  it('a claim not yet due bears nothing; with the monthly method it starts with the next whole period', () => {
    // Due 15 Feb: nothing in the period to 1 Feb (not yet due), nor in the period 1 Feb → 1 Mar
    // (monthly has no part months); the two payments of 500 kr. went to principal, so the whole
    // month from 1 Mar bears 11.000 × 12 % / 12 = 110 kr.
    const out = runPlan({
      startDate: '2026-01-01',
      firstDueDate: '2026-02-01',
      installment: 500,
      interestMethod: 'monthly',
      claims: [{ principal: 12000, annualInterestRate: 12, dueDate: '2026-02-15' }],
    });
    expect(out.rows.slice(0, 3).map((r) => r.interest)).toEqual([0, 0, 110]);
  });

  it('a long month that costs more than the installment is not "never paid" when the year pays down', () => {
    // 365.000 kr. at 10 %: 100 kr. a day, 3.100 kr. in a 31-day month, 2.800 in February;
    // 3.090 kr. a month pays the year's interest (~36.500) and more, so the debt is paid off.
    const out = runPlan({ firstDueDate: '2026-02-01', installment: 3090, claims: [{ principal: 365000, annualInterestRate: 10 }] });
    expect(out.rows.at(-1)!.balance).toBe(0);
    expect(out.summary.count).toBeGreaterThan(400);
  });

  it('a rate table splits a period at the half-yearly change (renteloven § 5)', () => {
    // 15/6→15/7/2024 as in the interest test: 95,62 kr. on 10.000 kr.
    const row = runPlan({ startDate: '2024-06-15', firstDueDate: '2024-07-15', installment: 20000, claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2024-01-01' }] }).rows[0];
    expect(row?.interest).toBe(95.62);
  });
});

describe('plan: count mode', () => {
  it('the smallest whole-krone installment paying 4.450 kr. in at most 9 payments is 495 kr.', () => {
    // 4.450 / 9 = 494,44 → 495; 8 × 495 = 3.960, last 490 (not larger than the others)
    const out = runPlan({ firstDueDate: '2026-02-01', count: 9, claims: [{ principal: 4200, fees: 250 }] });
    expect(out.summary).toMatchObject({ count: 9, installment: 495, total: 4450 });
    expect(out.rows.at(-1)?.payment).toBe(490);
  });
  it('rounding to 100 kr. gives 500 kr. and may need fewer payments than asked', () => {
    expect(runPlan({ firstDueDate: '2026-02-01', count: 9, rounding: 100, claims: [{ principal: 4450 }] }).summary).toMatchObject({ count: 9, installment: 500 });
    expect(runPlan({ firstDueDate: '2026-02-01', count: 12, rounding: 1000, claims: [{ principal: 4450 }] }).summary).toMatchObject({ count: 5, installment: 1000 });
  });
  it('with interest the installment is raised until the interest is paid within the count too', () => {
    // 10.000 kr. at 12 % monthly method over 12 months: PMT = 888,49 kr. → the smallest whole krone is 889
    const out = runPlan({ firstDueDate: '2026-02-01', count: 12, interestMethod: 'monthly', claims: [{ principal: 10000, annualInterestRate: 12 }] });
    expect(out.summary.installment).toBe(889);
    expect(out.summary.count).toBe(12);
    expect(out.rows.at(-1)!.payment).toBeLessThanOrEqual(889);
  });
});

describe('plan: betalingsevne (paymentCapacity)', () => {
  it('200.000 kr. net income without forsørgerpligt: 13 % → 26.000 kr./12 = 2.166,67 → 2.150 kr. a month', () => {
    const out = runPlan({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 200000, supportsChildren: false, year: 2024 }, claims: [{ type: 'kontanthjælp', principal: 30000 }] });
    expect(out.summary.installment).toBe(2150);
    expect(out.summary.count).toBe(14); // 13 × 2.150 = 27.950, last 2.050
  });
  it('with forsørgerpligt: 4 % → 8.000/12 = 666,67 → 650 kr.; quarterly pays three months at a time', () => {
    const input = { firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 200000, supportsChildren: true, year: 2024 }, claims: [{ principal: 30000 }] };
    expect(runPlan(input).summary.installment).toBe(650);
    expect(runPlan({ ...input, frequency: 'quarterly' }).summary.installment).toBe(1950);
  });
  it('bracket edges: 133.589 kr. is 4 %, 133.590 kr. is 5 %', () => {
    // 133.589 × 4 % / 12 = 445,30 → 400; 133.590 × 5 % / 12 = 556,63 → 550
    const at = (netIncome: number) => runPlan({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome, year: 2024 }, claims: [{ principal: 30000 }] }).summary.installment;
    expect(at(133589)).toBe(400);
    expect(at(133590)).toBe(550);
  });
  it('above the verified rows it asks for the full table instead of guessing', () => {
    const e = errorOf({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 250000, year: 2024 }, claims: [{ principal: 30000 }] });
    expect(e.code).toBe('UDEN_FOR_TABEL');
    expect(e.message).toMatch(/dækker kun nettoindkomster op til 223\.159 kr\..*indlæs den fulde tabel/);
  });
  it('a year without a table asks for it', () => {
    expect(errorOf({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 150000, year: 2026 }, claims: [{ principal: 30000 }] }).message).toMatch(
      /ingen betalingsevnetabel for 2026.*standardtabellen dækker kun 2024/,
    );
  });
  it('a betalingsevne below 50 kr. a month is an error that suggests henstand', () => {
    // 10.000 × 4 % / 12 = 33,33 → 0 kr.
    expect(errorOf({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 10000, year: 2024 }, claims: [{ principal: 30000 }] }).message).toMatch(/overvej henstand/);
  });
});

describe('plan: bad input gives Danish errors naming the field', () => {
  const base = { firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 4200 }] };
  it.each([
    [{ ...base, installment: -500 }, 'UGYLDIGT_BELØB', /installment: beløbet må ikke være negativt/],
    [{ ...base, installment: 'fem hundrede' }, 'UGYLDIGT_BELØB', /er tekst/],
    [{ ...base, installment: 500.001 }, 'UGYLDIGT_BELØB', /mere end 2 decimaler/],
    [{ ...base, installment: 0 }, 'UGYLDIGT_BELØB', /større end 0/],
    [{ ...base, firstDueDate: '2026-02-30' }, 'UGYLDIG_DATO', /findes ikke/],
    [{ ...base, count: 12 }, 'KONFLIKT', /både installment og count/],
    [{ firstDueDate: '2026-02-01', claims: [{ principal: 1 }] }, 'MANGLER', /præcis én af installment/],
    [{ ...base, claims: [] }, 'UGYLDIGT_INPUT', /mindst én fordring/],
    [{ ...base, claims: [{ principal: 0 }] }, 'UGYLDIGT_INPUT', /ingen gæld/],
    [{ ...base, instalment: 500 }, 'UGYLDIGT_INPUT', /Ukendt felt "instalment"/],
    [{ ...base, frequency: 'weekly' }, 'UGYLDIGT_INPUT', /frequency: "weekly" er ikke en gyldig værdi/],
    [{ ...base, claims: [{ principal: 100, type: 'parkering' }] }, 'UGYLDIGT_INPUT', /claims\[0\]\.type/],
    [{ ...base, startDate: '2026-03-01' }, 'KONFLIKT', /startDate .* ligger efter firstDueDate/],
    [{ ...base, rounding: 100 }, 'KONFLIKT', /rounding gælder kun sammen med count/],
    [
      {
        ...base,
        claims: [
          { id: 'A', principal: 1 },
          { id: 'A', principal: 2 },
        ],
      },
      'UGYLDIGT_INPUT',
      /to gange/,
    ],
    [[base], 'UGYLDIGT_INPUT', /JSON-objekt/],
  ])('%j → %s', (input, code, message) => {
    const e = errorOf(input);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('an installment below the interest is an error, not an endless table', () => {
    // 100.000 kr. at 12 %: about 1.000 kr. interest a month; 500 kr. never pays it.
    const e = errorOf({ firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 100000, annualInterestRate: 12 }] });
    expect(e.code).toBe('BETALES_ALDRIG');
    expect(e.message).toMatch(/^Ydelsen 500,00 kr\. dækker ikke periodens rente [\d.]+,\d\d kr\..*aldrig betalt/);
  });
  it('an installment exactly equal to the interest never pays either', () => {
    // monthly 12 %: 1 % of 10.000 = 100,00 kr. a month
    expect(errorOf({ firstDueDate: '2026-02-01', installment: 100, interestMethod: 'monthly', claims: [{ principal: 10000, annualInterestRate: 12 }] }).code).toBe('BETALES_ALDRIG');
  });
  it("a plan whose periods run past the rate table's end is refused, naming the table, its end and the rule file", () => {
    // morarente is shipped to 2026-06-30 (no 2026-07-01 rate is invented): a plan at 100 kr. a
    // month on 10.000 kr. runs for years past it; the period 1 July → 1 August is the first outside.
    const e = errorOf({ firstDueDate: '2026-05-01', installment: 100, claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2026-01-01' }] });
    expect(e.code).toBe('UDEN_FOR_TABEL');
    expect(e.message).toMatch(
      /^Rentetabellen "morarente" .* dækker kun 2019-01-01 til 2026-06-30, men renten skal beregnes for 2026-07-01 til 2026-07-31\. Indlæs en opdateret rentetabel i en regelfil: med kommandolinjen "--rules regler\.json"/,
    );
  });
  it('a long first period does not make a payable agreement "never paid" (the issue\'s case)', () => {
    // Agreement 1 January, first payment 1 September: the first period is 243 days,
    // 37.814,90 × 5,75 % × 243/365 = 1.447,59 kr., far more than 250 kr. But a regular month
    // costs about 37.814,90 × 5,75 % × 31/365 = 184,68 kr., so 250 kr. pays the debt down. The
    // legal review counted 289 installments; the old check compared the balance a year on with
    // the balance before the first period's interest and answered BETALES_ALDRIG.
    const out = runPlan({ startDate: '2027-01-01', firstDueDate: '2027-09-01', installment: 250, claims: [{ principal: 37814.9, annualInterestRate: 5.75 }] });
    expect(out.rows[0]).toMatchObject({ interest: 250, principal: 0 });
    expect(out.summary.count).toBe(289);
  });
  it('a truly unpayable agreement names the interest of a regular period, not the long first one', () => {
    // 36.500 kr. at 10 %: 10,00 kr. a day. First period 1 Jan → 1 Sep (243 days) = 2.430,00 kr.;
    // then months of 30 or 31 days cost 300,00 or 310,00 kr. > 250 kr. The dearest month of the
    // year checked is 31 days: 310,00 kr.
    const e = errorOf({ startDate: '2027-01-01', firstDueDate: '2027-09-01', installment: 250, claims: [{ principal: 36500, annualInterestRate: 10 }] });
    expect(e.code).toBe('BETALES_ALDRIG');
    expect(e.message).toMatch(/^Ydelsen 250,00 kr\. dækker ikke periodens rente 310,00 kr\./);
  });
  it('more than 1.200 installments is refused', () => {
    expect(errorOf({ firstDueDate: '2026-02-01', installment: 1, claims: [{ principal: 5000 }] }).code).toBe('FOR_MANGE_RÆKKER');
  });
});

describe('personal data in plan messages (issue 14)', () => {
  it('a claim id that is a CPR number is masked in the message about a doubled id', async () => {
    const { plan } = await import('../../jsonCommands.js');
    const { defaultRules } = await import('../../../core/rules/ruleSet.js');
    const claim = { id: '010190 1234', principal: 100, dueDate: '2026-01-01' };
    expect(() => plan({ firstDueDate: '2026-02-01', installment: 50, claims: [claim, claim] }, defaultRules)).toThrow('claims[1].id: fordringen "010190-xxxx" står der to gange');
  });
});
