import { describe, expect, it } from 'vitest';
import {
  agreementStatus,
  bankingDays,
  debtorBalanceFn,
  debtorStatementFn,
  goalStatusFn,
  henstandEffect,
  henstandSchedule,
  installment,
  isBankingDayFn,
  measureFn,
  neededFn,
  nextBankingDay,
  paymentCapacity,
  sampleIntervalFn,
  sampleSizeFn,
  sampleStatusFn,
  schedule,
  yearToDateFn,
} from '../../addin/functions/functions.js';
import { setWorkbookRules } from '../../addin/shared/workbookRules.js';
import { applyRuleOverride, defaultRules } from '../../core/rules/ruleSet.js';

/** What Excel would show: the value, or the error code and its message. */
function cell<T>(f: () => T): T | { error: string; message: string } {
  try {
    return f();
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e; // an uncaught non-cell error would be a bug
    return { error: err.code, message: err.message };
  }
}

/** The same for a function that answers with a promise (MÅLING): what the cell shows once it settles. */
async function cellAsync<T>(f: () => Promise<T>): Promise<T | { error: string; message: string }> {
  try {
    return await f();
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e;
    return { error: err.code, message: err.message };
  }
}

// Excel serials: 2026-02-01 = 46054, 2025-10-01 = 45931 (46023 − 92).
const FEB_1_2026 = 46054;
const none = null as never;

describe('SALDO.SCHEDULE / SALDO.AFDRAGSPLAN', () => {
  it("spills SPEC's example with a header row and dates as serials", () => {
    const out = schedule(
      [
        ['Hovedstol', 'Gebyrer', 'Forfaldsdato'],
        [4200, 250, 45931],
      ],
      FEB_1_2026,
      500,
      none,
      none,
      none,
      '2026-01-10',
      none,
    );
    expect(out[0]).toEqual(['Nr.', 'Nominel dato', 'Forfaldsdato', 'Ydelse', 'Gebyrer', 'Renter', 'Afdrag på hovedstol', 'Restgæld']);
    // row 1: nominal 1 Feb (46054), due Monday 2 Feb (46055), 500 = 250 fees + 250 principal, 3.950 left
    expect(out[1]).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    expect(out).toHaveLength(10);
    expect(out[9]![7]).toBe(0);
  });

  it('takes one amount, ISO dates, a rate in Excel percent and Danish option words', () => {
    // 10.000 kr. at 10 % (0.1), daily: the hand-worked example in test/core/schedule (84,93 kr. in January)
    const out = schedule([[10000]], '2026-02-01', 2000, none, 0.1, 'måned', '2026-01-01', 'dag');
    expect(out[1]!.slice(3)).toEqual([2000, 0, 84.93, 1915.07, 8084.93]);
    expect(out).toHaveLength(7);
  });

  it('renter_fra_forfald = SAND computes the interest from the forfald to the agreement date', () => {
    // 10.000 kr. due 01-10-2026 at 10 %, agreement 20-11-2026, first payment 01-01-2027:
    // before the agreement 50 days = 136,99; row 1's 42 days = 115,07; together 252,06 in row 1.
    const claims = [
      ['Hovedstol', 'Forfaldsdato'],
      [10000, '2026-10-01'],
    ];
    expect(schedule(claims, '2027-01-01', 1000, none, 0.1, none, '2026-11-20', none, true)[1]!.slice(5, 7)).toEqual([252.06, 747.94]);
    // Blank (0 on Windows, null on the web) is FALSK: only the 42 days.
    expect(schedule(claims, '2027-01-01', 1000, none, 0.1, none, '2026-11-20', none, 0)[1]![5]).toBe(115.07);
    expect(schedule(claims, '2027-01-01', 1000, none, 0.1, none, '2026-11-20', none, none)[1]![5]).toBe(115.07);
  });

  it('reads a claims range without a header positionally, skipping blank rows', () => {
    // 1.000 + 500 + 150 fees = 1.650 kr. at 400 a quarter: 4 × 400 + 50
    const out = schedule(
      [
        [1000, 0],
        [null, null],
        [500, 150],
      ],
      FEB_1_2026,
      400,
      none,
      none,
      'kvartal',
      none,
      none,
    );
    expect(out.slice(1).map((r) => r[3])).toEqual([400, 400, 400, 400, 50]);
    // quarterly: 1 Feb, 1 May, 1 Aug, 1 Nov 2026, 1 Feb 2027 (nominal dates)
    expect(out.slice(1).map((r) => r[1])).toEqual([46054, 46143, 46235, 46327, 46419]);
  });

  it.each([
    [() => schedule([[4200]], FEB_1_2026, 500, 10, none, none, none, none), '#VALUE!', /både ydelse og antal/],
    [() => schedule([[4200]], '2026-02-30', 500), '#VALUE!', /findes ikke/],
    [
      () =>
        schedule(
          [
            ['Beløb?', 'x'],
            ['abc', 1],
          ],
          FEB_1_2026,
          500,
        ),
      '#VALUE!',
      /Hovedstol/,
    ],
    [() => schedule([[4200]], FEB_1_2026, 500, none, none, 'ugentlig'), '#VALUE!', /hyppighed: "ugentlig" er ikke en gyldig værdi/],
    [() => schedule([[100000]], FEB_1_2026, 10, none, 0.12), '#VALUE!', /dækker ikke periodens rente/],
    [() => schedule([[5000]], FEB_1_2026, 1), '#NUM!', /1200 ydelser/],
    [() => schedule([[4200]], 60, 500), '#VALUE!', /29-02-1900/],
  ])('bad arguments give a cell error with a Danish message (%#)', (f, code, message) => {
    const r = cell(f);
    expect(r).toMatchObject({ error: code });
    expect((r as { message: string }).message).toMatch(message);
  });
});

describe('SALDO.INSTALLMENT / SALDO.AFDRAGSYDELSE', () => {
  it('rounds PMT up to the øre: 100.000 kr. at 8 % over 24 months = 4.522,73 kr. (LibreOffice PMT 4.522,729…)', () => {
    expect(installment(100000, 24, 0.08)).toBe(4522.73);
  });
  it('without interest: 4.450 kr. in 9 → 494,45 kr. (to the øre); to whole kroner 495', () => {
    expect(installment(4450, 9)).toBe(494.45);
    expect(installment(4450, 9, 0, 1)).toBe(495);
  });
  it('bad arguments', () => {
    expect(cell(() => installment(-5, 9))).toMatchObject({ error: '#VALUE!' });
    expect(cell(() => installment(4450, 0))).toMatchObject({ error: '#VALUE!' });
  });
});

describe('SALDO.PAYMENTCAPACITY / SALDO.BETALINGSEVNE', () => {
  it('200.000 kr. without children in 2024: 2.150 kr.; with: 650 kr.', () => {
    expect(paymentCapacity(200000, 2024)).toBe(2150);
    expect(paymentCapacity(200000, 2024, true)).toBe(650);
  });
  it('outside the verified table: #VALUE! asking for the full table', () => {
    expect(cell(() => paymentCapacity(300000, 2024))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/indlæs den fulde tabel/) });
  });
  it("uses the workbook's rules (its Saldo-regler sheet, shared through the runtime): a 2026 table loaded there answers", () => {
    expect(cell(() => paymentCapacity(250000, 2026))).toMatchObject({ error: '#VALUE!' });
    const table = { source: 'SKM2025.600.GÆLDST (test)', checked: '2026-01-05', rows: [{ from: 0, to: null, withoutChildren: 20, withChildren: 10 }] };
    setWorkbookRules(applyRuleOverride(defaultRules, { betalingsevne: { '2026': table } }));
    try {
      // 250.000 × 20 % / 12 = 4.166,67 → down to a multiple of 50 kr.: 4.150 kr.
      expect(paymentCapacity(250000, 2026)).toBe(4150);
    } finally {
      setWorkbookRules(defaultRules);
    }
  });
});

describe('banking-day functions', () => {
  it('NEXTBANKINGDAY / BANKDAG moves grundlovsdag 2026 to Monday 8 June, and counts like WORKDAY', () => {
    // 2026-06-05 = 46023 + 155 = 46178; 2026-06-08 = 46181
    expect(nextBankingDay(46178)).toBe(46181);
    expect(nextBankingDay('2026-06-05')).toBe(46181);
    expect(nextBankingDay('2026-12-23', 1)).toBe(46023 + 361); // 28 December 2026
  });
  it('ISBANKINGDAY / ERBANKDAG and BANKINGDAYS / BANKDAGE', () => {
    expect(isBankingDayFn('2026-12-24')).toBe(false);
    expect(isBankingDayFn(46055)).toBe(true);
    expect(bankingDays('2026-12-21', '2027-01-04')).toBe(7);
  });
  it('text that is not a date is #VALUE!', () => {
    expect(cell(() => isBankingDayFn('i morgen'))).toMatchObject({ error: '#VALUE!' });
    expect(cell(() => nextBankingDay(46178, 1.5))).toMatchObject({ error: '#VALUE!' });
  });
  it("past Excel's last date (2958465 = 31-12-9999) is an error in Danish, not a negative date number (found by review)", () => {
    expect(cell(() => nextBankingDay(2958465))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/efter 31-12-9999/) });
    // 31-12-9999 is a Friday but nytårsaftensdag (closed), so its next banking day would be in
    // year 10000; 30-12-9999 (2958464) is a Thursday and a banking day, so it is its own answer.
    expect(cell(() => nextBankingDay(2958465, 0))).toMatchObject({ error: '#VALUE!' });
    expect(nextBankingDay(2958464)).toBe(2958464);
  });
});

describe('SALDO.HENSTANDEFFECT / SALDO.HENSTAND.EFFEKT and HENSTANDSCHEDULE / HENSTAND.PLAN', () => {
  // SPEC's agreement, 3 months' full henstand from 1 May 2026: the last due date moves from
  // 1 Oct 2026 (46296) to Monday 4 Jan 2027 (46391); no interest, so no extra cost.
  const claims = [
    ['Hovedstol', 'Gebyrer', 'Forfaldsdato'],
    [4200, 250, 45931],
  ];
  it('spills before, after and the difference, a column per figure (the date line no longer shares a column with counts)', () => {
    const out = henstandEffect(claims, FEB_1_2026, 500, '2026-05-01', 3, none, none, none, '2026-01-10');
    expect(out[0]).toEqual(['', 'Antal ydelser', 'Sidste forfaldsdato', 'Renter i alt', 'Gebyrer i alt', 'Betalt i alt']);
    expect(out[1]).toEqual(['Før henstand', 9, 46296, 0, 250, 4450]);
    expect(out[2]).toEqual(['Efter henstand', 9, 46391, 0, 250, 4450]);
    expect(out[3]).toEqual(['Forskel', 0, '', 0, 0, 0]);
  });
  it('a reduced installment makes the plan longer', () => {
    const out = henstandSchedule(claims, FEB_1_2026, 500, '2026-05-01', 3, 200, none, none, '2026-01-10');
    expect(out.slice(1).map((r) => r[3])).toEqual([500, 500, 500, 200, 200, 200, 500, 500, 500, 500, 350]);
  });
  it('bad months give #VALUE! with the Danish message', () => {
    expect(cell(() => henstandEffect(claims, FEB_1_2026, 500, '2026-05-01', -1))).toMatchObject({ error: '#VALUE!', message: 'måneder: antal måneder skal være et helt tal fra 1 til 120 (fik -1).' });
  });
});

describe('SALDO.AGREEMENTSTATUS / SALDO.AFTALESTATUS', () => {
  it('reads the schedule that AFDRAGSPLAN spilled and a payments range, and spills the status', () => {
    const plan = schedule([[4200, 250, 0, 45931]], FEB_1_2026, 500, none, none, none, '2026-01-10', none);
    // 300 kr. paid on 2 Feb (46055) against 500 due: misligholdt from 3 Feb (46056), 200 in arrears on 20 Feb
    const out = agreementStatus(
      plan,
      [
        ['Dato', 'Beløb'],
        [46055, 300],
      ],
      '2026-02-20',
    );
    expect(out[0]).toEqual(['Aftalens status', 'misligholdt', 'Restance', 200, 'Misligholdt fra', 46056, '']);
    expect(out[1]).toEqual(['Nr.', 'Forfaldsdato', 'Ydelse', 'Betalt', 'Mangler', 'Status', 'Dækket den']);
    expect(out[2]).toEqual([1, 46055, 500, 300, 200, 'delvist', '']);
    expect(out).toHaveLength(11);
  });
  it('a schedule row with only a due date or only an amount is #VALUE! naming the row, not skipped (found by review: it made a broken agreement "afsluttet")', () => {
    const payments = [
      ['Dato', 'Beløb'],
      ['2026-02-02', 500],
    ];
    expect(
      cell(() =>
        agreementStatus(
          [
            ['Forfaldsdato', 'Ydelse'],
            ['2026-02-02', 500],
            ['2026-03-02', ''],
          ],
          payments,
          '2026-04-01',
        ),
      ),
    ).toEqual({ error: '#VALUE!', message: 'afdragsplan række 3: ydelsen mangler.' });
    expect(
      cell(() =>
        agreementStatus(
          [
            ['Forfaldsdato', 'Ydelse'],
            ['2026-02-02', 500],
            ['', 500],
          ],
          payments,
          '2026-04-01',
        ),
      ),
    ).toEqual({ error: '#VALUE!', message: 'afdragsplan række 3: forfaldsdatoen mangler (ydelsen er 500).' });
    // the total line and blank rows are not installments
    expect(
      agreementStatus(
        [
          ['Forfaldsdato', 'Ydelse'],
          ['2026-02-02', 500],
          [null, null],
          ['I alt', 500],
        ],
        payments,
        '2026-04-01',
      )[0]!.slice(0, 2),
    ).toEqual(['Aftalens status', 'afsluttet']);
  });
  it("a schedule range without installments says so in Danish (not core's JSON example)", () => {
    expect(
      cell(() =>
        agreementStatus(
          [
            ['Forfaldsdato', 'Ydelse'],
            [null, null],
          ],
          [['Dato', 'Beløb']],
          '2026-04-01',
        ),
      ),
    ).toEqual({ error: '#VALUE!', message: 'afdragsplan: området har ingen ydelser (rækker med en forfaldsdato og en ydelse).' });
  });
  it('schedule and payment columns are never guessed (found by review): doubled, unknown or headless extra columns are #VALUE!', () => {
    const schedule3 = [
      ['Forfaldsdato', 'Ydelse'],
      ['2026-02-02', 500],
      ['2026-03-02', 500],
    ];
    const paid = [
      ['Dato', 'Beløb'],
      ['2026-02-02', 500],
      ['2026-03-02', 500],
    ];
    // "Beløb" and "Ydelse" could both be the installment
    expect(
      cell(() =>
        agreementStatus(
          [
            ['Forfaldsdato', 'Beløb', 'Ydelse'],
            ['2026-02-02', 3000, 500],
          ],
          paid,
          '2026-04-01',
        ),
      ),
    ).toEqual({ error: '#VALUE!', message: 'afdragsplan: kolonnerne "Beløb" og "Ydelse" kan begge være ydelsen; behold kun én af dem i markeringen.' });
    // a payments column that is neither date nor amount: its 500 would be passed over
    expect(
      cell(() =>
        agreementStatus(
          schedule3,
          [
            ['Dato', 'Beløb', 'Ekstra beløb'],
            ['2026-02-02', 500, 500],
          ],
          '2026-04-01',
        ),
      ),
    ).toEqual({ error: '#VALUE!', message: 'indbetalinger: kolonnen "Ekstra beløb" kendes ikke; indbetalinger har kun kolonnerne "Dato" og "Beløb". Fjern den fra markeringen.' });
    expect(
      cell(() =>
        agreementStatus(
          schedule3,
          [
            ['Dato', 'Betalt den', 'Beløb'],
            ['2026-02-02', '2026-02-03', 500],
          ],
          '2026-04-01',
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/kolonnerne "Dato" og "Betalt den" kan begge være datoen/) });
    // without headings only two columns
    expect(cell(() => agreementStatus(schedule3, [[46055, 500, 500]], '2026-04-01'))).toMatchObject({
      error: '#VALUE!',
      message: expect.stringMatching(/uden overskriftsrække skal området have præcis to kolonner, dato og beløb \(det har 3\)/),
    });
    expect(cell(() => agreementStatus([[46055, 1000, 1, 3000]], paid, '2026-04-01'))).toMatchObject({
      error: '#VALUE!',
      message: expect.stringMatching(/uden overskriftsrække skal området have præcis to kolonner, forfaldsdato og ydelse \(det har 4\)/),
    });
    // an empty extra column in the selection is fine
    expect(
      agreementStatus(
        schedule3,
        [
          ['Dato', 'Beløb', ''],
          ['2026-02-02', 500, null],
          ['2026-03-02', 500, null],
        ],
        '2026-04-01',
      )[0]!.slice(0, 2),
    ).toEqual(['Aftalens status', 'afsluttet']);
  });
  it('two-column schedules and empty payments work; grace days are honoured', () => {
    const out = agreementStatus(
      [
        [46055, 500],
        [46083, 500],
      ],
      [[null, null]],
      '2026-02-04',
      3,
    );
    expect(out[0]!.slice(0, 2)).toEqual(['Aftalens status', 'overholdt']);
    expect(out[2]![5]).toBe('ikke betalt');
  });
  it('a payments range without amounts is #VALUE!', () => {
    expect(
      cell(() =>
        agreementStatus(
          [[46055, 500]],
          [
            ['Dato', 'Tekst'],
            [46055, 'x'],
          ],
          '2026-03-01',
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/Dato" og "Beløb/) });
  });
});

describe('SALDO.DEBTORBALANCE / DEBITORSALDO and DEBTORSTATEMENT / SALDOOPGØRELSE', () => {
  const ledger = [
    ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
    ['D1', '=HYPERLINK("x")', 'F1', 'daginstitution', 45901, 45901, 'krav', 3450], // 1 Sep 2025
    ['D1', '', 'F1', 'daginstitution', 46027, '', 'betaling', -1000.5], // 5 Jan 2026
    ['D2', 'Jens', 'E1', 'ejendomsskat', '01-03-2026', '', 'krav', '1.200,00'],
  ];
  it('the balance on a date counts postings up to and including it', () => {
    expect(debtorBalanceFn(ledger, 'D1', '2026-01-04')).toBe(3450);
    expect(debtorBalanceFn(ledger, 'D1', 46027)).toBe(2449.5);
    // D2's first posting is 1 March 2026: nothing owed before it
    expect(debtorBalanceFn(ledger, 'D2', '2026-02-28')).toBe(0);
  });
  it('a debtor number not in the ledger is #VALUE! as in SALDOOPGØRELSE, not a balance of 0 (decided after review)', () => {
    expect(cell(() => debtorBalanceFn(ledger, 'D3', '2026-12-31'))).toEqual({ error: '#VALUE!', message: 'Debitor "D3" har ingen posteringer i posteringslisten.' });
    expect(cell(() => debtorStatementFn(ledger, 'D3', 2026))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/Debitor "D3" har ingen posteringer/) });
  });
  it('a ledger range with two amount columns is #VALUE!, not the first one taken', () => {
    expect(
      cell(() =>
        debtorBalanceFn(
          [
            ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Beløb'],
            ['D1', 'F1', 46027, 'krav', 100, 250],
          ],
          'D1',
          46027,
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/to kolonner for det samme: "Beløb" og "Beløb"/) });
  });
  it('the debtor number must be text or a number: a range, a blank or SAND is #VALUE!, not "1,2" or "[object Object]"', () => {
    for (const bad of [[['D1', 'D2']], '', null, true, Number.NaN, {}]) {
      expect(cell(() => debtorBalanceFn(ledger, bad, '2026-12-31'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^debitor: angiv debitorens nummer/) });
      expect(cell(() => debtorStatementFn(ledger, bad, 2026))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^debitor: angiv debitorens nummer/) });
    }
    // a number cell is a debtor number
    expect(debtorBalanceFn([ledger[0]!, [1001, '', 'F1', 'andet', 46027, '', 'krav', 5]], 1001, 46027)).toBe(5);
  });
  it('the year statement spills one row per claim and a total', () => {
    const out = debtorStatementFn(ledger, 'D1', 2026);
    expect(out[0]).toEqual([
      'Fordring',
      'Fordringstype',
      'Primo',
      'krav',
      'gebyr',
      'rente',
      'betaling',
      'modregning',
      'afskrivning',
      'oversendt',
      'tilbagebetaling',
      'korrektion',
      'Ultimo',
      'Forældelse',
      'Forældet',
      'Forældelse, grundlag',
    ]);
    // Forældelse: 3 years from the payment of 5 Jan 2026 (§§ 15, 19 stk. 2) → 5 Jan 2029, a Friday;
    // its serial is 46027 + 365 + 365 + 366 (2028 is a leap year) = 47123.
    expect(out[1]).toEqual([
      'F1',
      'daginstitution',
      3450,
      0,
      0,
      0,
      -1000.5,
      0,
      0,
      0,
      0,
      0,
      2449.5,
      47123,
      '',
      '3 år fra sidste betaling 05-01-2026 (forældelsesloven §§ 3, 15, 19 stk. 2): fristen udløber 05-01-2029.',
    ]);
    expect(out[2]).toEqual(['I alt', '', 3450, 0, 0, 0, -1000.5, 0, 0, 0, 0, 0, 2449.5, '', '', '']);
  });
  it('a malformed row anywhere in the ledger is #VALUE! naming the row, never a silently wrong balance', () => {
    const bad = [...ledger, ['D1', '', 'F1', 'andet', '31-02-2026', '', 'krav', 10]];
    expect(cell(() => debtorBalanceFn(bad, 'D1', '2026-12-31'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/række 5: Bogføringsdatoen "31-02-2026"/) });
  });
});

describe('option words from Object.prototype', () => {
  it('"constructor" as a frequency is #VALUE!, not a crash or a function', () => {
    expect(cell(() => schedule([[1000]], FEB_1_2026, 100, none, none, 'constructor'))).toMatchObject({
      error: '#VALUE!',
      message: expect.stringMatching(/hyppighed: "constructor" er ikke en gyldig værdi/),
    });
    // a "constructor" heading is an unknown column like any other (never Object.prototype's)
    expect(
      cell(() =>
        schedule(
          [
            ['constructor', 'Hovedstol'],
            ['x', 1000],
          ],
          FEB_1_2026,
          100,
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/kolonnen "constructor" kendes ikke/) });
  });
  it('an unknown or doubled claims column is #VALUE!, not passed over (found by review: a "Rykkergebyr" of 250 kr. vanished)', () => {
    // without the check, the fee was ignored and the plan paid 1.000 kr. in all
    expect(
      cell(() =>
        schedule(
          [
            ['Hovedstol', 'Rykkergebyr', 'Forfaldsdato'],
            [1000, 250, '2026-01-01'],
          ],
          FEB_1_2026,
          200,
        ),
      ),
    ).toMatchObject({
      error: '#VALUE!',
      message: 'fordringer: kolonnen "Rykkergebyr" kendes ikke. Brug overskrifterne Hovedstol, Gebyrer, Renter, Forfaldsdato, Rente, Type og Fordring, eller fjern kolonnen fra markeringen.',
    });
    expect(
      cell(() =>
        schedule(
          [
            ['Beløb', 'Restance'],
            [1000, 5000],
          ],
          FEB_1_2026,
          200,
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: 'fordringer: kolonnerne "Beløb" og "Restance" betyder det samme (hovedstol); behold kun den ene.' });
    expect(
      cell(() =>
        schedule(
          [
            ['Hovedstol', ''],
            [1000, 250],
          ],
          FEB_1_2026,
          200,
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/kolonne 2 har tal, men ingen overskrift/) });
    // an empty column in the selection is fine: 1.000 kr. in 5 installments of 200
    expect(
      schedule(
        [
          ['Hovedstol', ''],
          [1000, null],
        ],
        FEB_1_2026,
        200,
      ),
    ).toHaveLength(6);
  });
});

describe('follow-up functions: ÅRTILDATO, MÅLSTATUS, MÅLING', () => {
  it('ÅRTILDATO: ratio of sums by default — 5.900 / 41.000 = 14,39 %, where "gennemsnit" gives the mean of the quarters 14,38 %', () => {
    expect(yearToDateFn([[2800, 3100, null, null]], [[20000, 21000, null, null]])).toBeCloseTo(5900 / 41000, 12);
    expect(yearToDateFn([[2800], [3100]], [[20000], [21000]], 'gennemsnit')).toBeCloseTo((0.14 + 3100 / 21000) / 2, 12);
    expect(yearToDateFn([[2800, 3100]])).toBe(5900); // no denominators: the sum
    expect(yearToDateFn([[90, 120, 75]], none, 'gennemsnit')).toBe(95); // mean of months
  });

  it('ÅRTILDATO: zero denominators are #N/A "ingen data"; mismatched ranges and bad rules #VALUE!', () => {
    expect(cell(() => yearToDateFn([[0, 0]], [[0, 0]]))).toEqual({ error: '#N/A', message: 'ingen data' });
    expect(cell(() => yearToDateFn([[1, 2]], [[1]]))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/samme antal perioder/) });
    expect(cell(() => yearToDateFn([[1, 2]], [[1, 1]], 'median'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/regel: "median" er ikke en gyldig værdi/) });
    expect(cell(() => yearToDateFn([Array.from({ length: 13 }, () => 1)]))).toMatchObject({ error: '#VALUE!' });
  });

  it('MÅLSTATUS at the edges: 13 % against at least 15 % ± 2 is gul, 12,99 % rød; "højst" mirrors', () => {
    expect(goalStatusFn(0.13, 0.15, 0.02)).toBe('gul');
    expect(goalStatusFn(0.1299, 0.15, 0.02, 'mindst')).toBe('rød');
    expect(goalStatusFn(0.15, 0.15)).toBe('grøn');
    expect(goalStatusFn(0.015, 0.01, 0.005, 'højst')).toBe('gul');
    expect(goalStatusFn('0,5', '0,4', none, 'højst')).toBe('rød');
    expect(cell(() => goalStatusFn(1, 1, -1))).toMatchObject({ error: '#VALUE!' });
    expect(cell(() => goalStatusFn(1, 1, 0, 'over'))).toMatchObject({ error: '#VALUE!' });
    // NaN is no result: it gave "rød" before the fuzz suite found it
    expect(cell(() => goalStatusFn(NaN, 0.15, 0.02))).toEqual({ error: '#VALUE!', message: 'værdi: forventede et tal, ikke et ugyldigt tal.' });
    expect(cell(() => goalStatusFn(0.1, Infinity))).toMatchObject({ error: '#VALUE!', message: 'mål: forventede et tal, ikke uendeligt.' });
  });

  it('MÅLING refuses a name given twice, and ÅRTILDATO a block of several rows and columns (found by review)', async () => {
    expect(await cellAsync(() => measureFn('a / b', [['a', 'a', 'b']], [[1, 2, 4]]))).toEqual({ error: '#VALUE!', message: 'navne: "a" står to gange; hvert navn må kun stå én gang.' });
    // B2:C3 selected as numerators would sum numerators and denominators: 1 + 2 + 3 + 4 = 10
    expect(
      cell(() =>
        yearToDateFn([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^tællere: angiv én række eller én kolonne/) });
    expect(yearToDateFn([[1], [2], [3]])).toBe(6);
  });
  it('MÅLING evaluates on named counts; divides by zero as #N/A; attacks and unknown names are #VALUE! in Danish', async () => {
    expect(await measureFn('pristjek / selvanmeldte', [['pristjek', 'selvanmeldte']], [[3000, 20000]])).toBe(0.15);
    expect(await cellAsync(() => measureFn('a / b', [['a', 'b']], [[1, 0]]))).toEqual({ error: '#N/A', message: 'ingen data' });
    expect(await cellAsync(() => measureFn('a / c', [['a', 'b']], [[1, 2]]))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^Målingen "a \/ c" bruger det ukendte navn "c"/) });
    expect(await cellAsync(() => measureFn('a.constructor', [['a']], [[1]]))).toMatchObject({ error: '#VALUE!' });
    expect(await cellAsync(() => measureFn('import({})', [['a']], [[1]]))).toMatchObject({ error: '#VALUE!' });
    expect(await cellAsync(() => measureFn('a', [['a', 'b']], [[1]]))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/lige så mange som navnene/) });
    // mathjs's English syntax error becomes the place in Danish; the expression must be text, the names too
    expect(await cellAsync(() => measureFn('a +* b', [['a', 'b']], [[1, 2]]))).toEqual({
      error: '#VALUE!',
      message: 'Målingen "a +* b" kan ikke læses (ved tegn 4): tjek regnetegn, parenteser og navne.',
    });
    expect(await cellAsync(() => measureFn([['a']], [['a']], [[1]]))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^måling: skriv beregningen som tekst/) });
    expect(await cellAsync(() => measureFn('a', [[1]], [[1]]))).toMatchObject({ error: '#VALUE!', message: 'navne: skal være tekst som "pristjek", ikke 1.' });
  });
});

// Wilson score interval, z = 1,959964 (95 %): centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
describe('sample functions: STIKPRØVESTATUS, STIKPRØVEINTERVAL, STIKPRØVESTØRRELSE', () => {
  it('STIKPRØVEINTERVAL: 990 of 1.000 is 98,17 %–99,46 %, spilled as one row [low, high]', () => {
    // p = 0,99, z²/n = 0,0038415: centre = 0,9919207 / 1,0038415 = 0,988125;
    // half = 1,959964 · √(0,0000099 + 0,00000096) / 1,0038415 = 0,006434 → 0,981691 and 0,994559.
    const out = sampleIntervalFn(990, 1000);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    expect(out[0]![0]).toBeCloseTo(0.981691, 5);
    expect(out[0]![1]).toBeCloseTo(0.994559, 5);
    // 10 of 10 never runs past 100 %: centre 0,86122, half 0,13877 → 72,25 %–100 %
    const [[low, high]] = sampleIntervalFn('10', '10') as [[number, number]];
    expect(low).toBeCloseTo(0.72246, 4);
    expect(high).toBeLessThanOrEqual(1);
  });

  it('STIKPRØVESTATUS: 1.943 of 1.961 (99,08 %) against 99 % is gul, its interval 98,55–99,42 % holds the target', () => {
    expect(sampleStatusFn(1943, 1961, 0.99)).toBe('gul');
    expect(sampleStatusFn(1943, 1961, '0,99', 'mindst')).toBe('gul');
  });

  it('STIKPRØVESTATUS: grøn when the whole interval meets the target, rød when none of it does; "højst" mirrors', () => {
    expect(sampleStatusFn(990, 1000, 0.95)).toBe('grøn'); // 98,17 %–99,46 %, all ≥ 95 %
    expect(sampleStatusFn(900, 1000, 0.95)).toBe('rød'); // 88,0 %–91,7 %, all < 95 %
    // errors at most 1 %: 3 of 1.000 → centre (0,003 + 0,00192) / 1,00384 = 0,004901, half 0,003881 → high 0,88 % ≤ 1 %
    expect(sampleStatusFn(3, 1000, 0.01, 'højst')).toBe('grøn');
    // 12 of 1.000 → centre 0,013867, half 0,006990 → 0,69 %–2,09 %: holds 1 %
    expect(sampleStatusFn(12, 1000, 0.01, 'højst')).toBe('gul');
    // 25 of 1.000 → centre 0,026817, half 0,009828 → low 1,70 % > 1 %
    expect(sampleStatusFn(25, 1000, 0.01, 'højst')).toBe('rød');
  });

  it('a sample that cannot be is #VALUE! with a Danish message naming the argument', () => {
    expect(cell(() => sampleStatusFn(1001, 1000, 0.99))).toEqual({ error: '#VALUE!', message: 'tæller: kan ikke være flere end stikprøverne (1000), men er 1001.' });
    expect(cell(() => sampleStatusFn(0, 0, 0.99))).toEqual({ error: '#VALUE!', message: 'stikprøver: skal være et helt antal stikprøver, mindst 1, ikke 0.' });
    expect(cell(() => sampleIntervalFn(1.5, 10))).toEqual({ error: '#VALUE!', message: 'tæller: skal være et helt antal, 0 eller mere, ikke 1,5.' });
    expect(cell(() => sampleIntervalFn(-1, 10))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^tæller: skal være et helt antal/) });
    expect(cell(() => sampleIntervalFn(5, 'ti'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^stikprøver: "ti" er ikke et tal/) });
    // 99 typed for 99 %: refused, not read as 9.900 %
    expect(cell(() => sampleStatusFn(990, 1000, 99))).toEqual({ error: '#VALUE!', message: 'mål: skal være en andel fra 0 % til 100 %, f.eks. 99 % eller 0,99, ikke 99.' });
    expect(cell(() => sampleStatusFn(990, 1000, 0.99, 'over'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^retning: "over" er ikke en gyldig værdi/) });
  });

  it('STIKPRØVESTØRRELSE: 99,5 % is told from 99 % by 1.522 samples in all; a rate on the target by none (#N/A)', () => {
    // 1.522 as core's test has it (test/core/followup/sample.test.ts, worked by a separate script)
    expect(sampleSizeFn(0.995, 0.99)).toBe(1522);
    expect(cell(() => sampleSizeFn(0.95, 0.95))).toEqual({ error: '#N/A', message: 'andelen ligger så tæt på målet, at ingen rimelig stikprøve kan skelne dem' });
    expect(cell(() => sampleSizeFn(99.5, 0.99))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^andel: skal være en andel fra 0 % til 100 %/) });
  });
});

describe('SALDO.NEEDED / SALDO.RESTKRAV: what the rest of the year must give', () => {
  it('12.000 a year, quarters 2.750, 3.120, 2.940 and one not reported: Q4 must give 3.190', () => {
    // 12.000 − (2.750 + 3.120 + 2.940 = 8.810) = 3.190
    expect(neededFn(12000, [[2750, 3120, 2940, null]])).toBe(3190);
    // as a column, and with the trailing blank as Windows sends it (0): the same
    expect(neededFn(12000, [[2750], [3120], [2940], [0]])).toBe(3190);
    // two quarters left: their total, 12.000 − 5.870 = 6.130
    expect(neededFn('12.000', [[2750, 3120, 0, 0]], [[0]])).toBe(6130);
  });

  it('a quarter not reported in the middle (blank on the web) is left out, not a 0; only the periods after the last reported one remain', () => {
    // 2.750 + 2.940 = 5.690 so far; Q4 alone must give 12.000 − 5.690 = 6.310
    expect(neededFn(12000, [[2750, null, 2940, null]])).toBe(6310);
  });

  it('a ratio of sums: 15 % kontroltryk after 2.800 / 20.000 and 3.100 / 21.000 needs 15,61 % of the rest', () => {
    // the rest's denominator at the pace so far: 41.000 / 2 × 2 = 41.000;
    // (0,15 × 82.000 − 5.900) / 41.000 = 6.400 / 41.000 = 0,156098
    expect(neededFn(0.15, [[2800, 3100, null, null]], [[20000, 21000, null, null]])).toBeCloseTo(6400 / 41000, 12);
  });

  it('the rest giving exactly what is required brings ÅRTILDATO to the target', () => {
    // Q3 and Q4 at 20.500 each (the 41.000 assumed) with 0,156098 × 20.500 = 3.200 each:
    // (2.800 + 3.100 + 3.200 + 3.200) / (20.000 + 21.000 + 20.500 + 20.500) = 12.300 / 82.000 = 15 %
    const need = neededFn(0.15, [[2800, 3100, null, null]], [[20000, 21000, null, null]]) as number;
    expect(need * 20500).toBeCloseTo(3200, 9);
    expect(yearToDateFn([[2800, 3100, 3200, 3200]], [[20000, 21000, 20500, 20500]])).toBeCloseTo(0.15, 12);
    // a sum: 2.750 + 3.120 + 2.940 + 3.190 = 12.000
    expect(yearToDateFn([[2750, 3120, 2940, neededFn(12000, [[2750, 3120, 2940, null]]) as number]])).toBe(12000);
  });

  it('"gennemsnit" over 12 months: a mean of at least 100 after 90, 120, 75 needs a mean of 101,67 in the 9 months left', () => {
    // (100 × 12 − 285) / 9 = 915 / 9 = 101,666…
    const months = [[90, 120, 75, ...Array<null>(9).fill(null)]];
    expect(neededFn(100, months, none, 'gennemsnit')).toBeCloseTo(915 / 9, 12);
  });

  it('"højst": at most 200 complaints, 110 in Q1–Q2, so at most 90 in the rest; over it already is out of reach (#NUM!)', () => {
    expect(neededFn(200, [[60, 50, null, null]], none, none, 'højst')).toBe(90);
    // 120 + 100 = 220 > 200: no rest can help
    expect(cell(() => neededFn(200, [[120, 100, null, null]], none, none, 'højst'))).toEqual({
      error: '#NUM!',
      message: 'Målet kan ikke længere nås: det er allerede overskredet med 20.',
    });
  });

  it('#N/A with the reason when nothing more is needed or can be told: reached, no period left, no figures', () => {
    // 7.000 + 5.500 = 12.500 ≥ 12.000: counts do not go down
    expect(cell(() => neededFn(12000, [[7000, 5500, null, null]]))).toEqual({ error: '#N/A', message: 'Målet er nået.' });
    // all four reported, 11.900 < 12.000
    expect(cell(() => neededFn(12000, [[3000, 3000, 3000, 2900]]))).toEqual({ error: '#N/A', message: 'Der er ingen perioder tilbage: målet blev ikke nået.' });
    // nothing reported (blanks on the web, 0 on Windows)
    const none = { error: '#N/A', message: 'Det kan ikke siges endnu, hvad der skal til: der er for få tal at regne ud fra.' };
    expect(cell(() => neededFn(12000, [[null, null, null, null]]))).toEqual(none);
    expect(cell(() => neededFn(0.15, [[0, 0, 0, 0]], [[0, 0, 0, 0]]))).toEqual(none);
  });

  it('bad arguments are #VALUE! in Danish: not the whole year, negative figures, mismatched ranges, a bad rule or direction', () => {
    expect(cell(() => neededFn(12000, [[2750, 3120, 2940]]))).toEqual({
      error: '#VALUE!',
      message: 'tællere: angiv årets 4 kvartaler eller 12 måneder, også dem, der ikke er indberettet endnu (fik 3).',
    });
    expect(cell(() => neededFn(12000, [[2750, -5, null, null]]))).toEqual({ error: '#VALUE!', message: 'tællere: periode 2 er -5; tallene er antal og skal være 0 eller mere.' });
    expect(cell(() => neededFn(0.15, [[1, 2, null, null]], [[10, 20]]))).toMatchObject({
      error: '#VALUE!',
      message: expect.stringMatching(/^nævnere: samme antal perioder som tællerne \(4\), ikke 2/),
    });
    expect(cell(() => neededFn(0.15, [[1, 2, null, null]], [[10, 20, null, null]], 'median'))).toMatchObject({
      error: '#VALUE!',
      message: expect.stringMatching(/^regel: "median" er ikke en gyldig værdi/),
    });
    expect(cell(() => neededFn(12000, [[1, 2, null, null]], none, none, 'over'))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^retning: /) });
    expect(cell(() => neededFn('mange', [[1, 2, null, null]]))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^mål: "mange" er ikke et tal/) });
    // figures so large that the answer would be infinite
    expect(cell(() => neededFn(1e308, [[1e308, 1, null, null]], [[1e308, 1, null, null]]))).toMatchObject({ error: '#VALUE!', message: 'mål: tallene er for store til at regne med.' });
  });
});

describe('a CPR number in an amount argument (issue 14)', () => {
  it('AFDRAGSYDELSE, AFDRAGSPLAN, HENSTAND and AFTALESTATUS refuse an amount shaped as a CPR number, masked, as #VALUE!', () => {
    const cpr = /ligner et CPR-nummer, ikke et beløb/;
    // 2212901118: 22 December 1990; typed as a number, 0101901234 loses its leading 0 (101901234)
    for (const amount of [2212901118, 101901234, '221290-1118', '2212901118']) {
      const r = cell(() => installment(amount as never, 9));
      expect(r).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(cpr) });
      expect(JSON.stringify(r)).not.toMatch(/1118|1234/);
    }
    expect(cell(() => schedule([[2212901118, 0, 0, 45931]], FEB_1_2026, 500, none, none, none, none, none))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(cpr) });
    expect(cell(() => schedule([[4200, 0, 0, 45931]], FEB_1_2026, 2212901118, none, none, none, none, none))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(cpr) });
    expect(
      cell(() =>
        agreementStatus(
          [
            ['Forfaldsdato', 'Ydelse'],
            ['2026-02-02', 500],
          ],
          [
            ['Dato', 'Beløb'],
            ['2026-02-02', 2212901118],
          ],
          '2026-04-01',
        ),
      ),
    ).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(cpr) });
    expect(cell(() => henstandEffect([[4200, 0, 0, 45931]], FEB_1_2026, 2212901118, '2026-05-01', 3))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(cpr) });
  });
  it("ten whole digits are a CPR number's shape whatever the date; nine digits without one are an amount", () => {
    // 3201901234: day 32 is no date, but no claim is 3 mia. kr. and a CPR typed wrong looks like this
    expect(cell(() => installment(3201901234, 1))).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/ligner et CPR-nummer/) });
    expect(installment(123456789, 1)).toBe(123456789);
  });
});
