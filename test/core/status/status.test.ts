import { describe, expect, it } from 'vitest';
import { status } from '../../jsonCommands.js';
import { SaldoError } from '../../../core/errors.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

// SPEC's agreement: 9 payments of 500 (the last 450), due 2/2, 2/3, 1/4, 1/5, 1/6, 1/7, 3/8, 1/9, 1/10 2026.
const agreement = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };
const run = (extra: object) => status({ ...agreement, ...extra }, defaultRules);
const states = (extra: object) => run(extra).installments.map((i) => i.state);

describe('status of an agreement', () => {
  it('all on time: betalt, the rest ikke forfalden; overholdt with no arrears', () => {
    const out = run({
      payments: [
        { date: '2026-02-02', amount: 500 },
        { date: '2026-03-02', amount: 500 },
        { date: '2026-03-31', amount: 500 },
      ],
      asOf: '2026-04-15',
    });
    expect(out.installments.map((i) => i.state)).toEqual(['betalt', 'betalt', 'betalt', 'ikke forfalden', 'ikke forfalden', 'ikke forfalden', 'ikke forfalden', 'ikke forfalden', 'ikke forfalden']);
    expect(out).toMatchObject({ state: 'overholdt', arrears: 0, breachDate: null, paidTotal: 1500, nextSteps: [] });
  });

  it('an early double payment covers the next installment too', () => {
    const out = run({ payments: [{ date: '2026-02-01', amount: 1000 }], asOf: '2026-03-20' });
    expect(out.installments.slice(0, 3).map((i) => [i.state, i.paid, i.coveredOn])).toEqual([
      ['betalt', 500, '2026-02-01'],
      ['betalt', 500, '2026-02-01'],
      ['ikke forfalden', 0, null],
    ]);
    expect(out).toMatchObject({ state: 'overholdt', arrears: 0 });
  });

  it('late but cured: for sent, and the agreement is kept again', () => {
    const out = run({ payments: [{ date: '2026-02-10', amount: 500 }], asOf: '2026-02-20' });
    expect(out.installments[0]!.state).toBe('for sent');
    expect(out).toMatchObject({ state: 'overholdt', breachDate: null, arrears: 0 });
  });

  it('partly paid: delvist, misligholdt from the day after the due date, the rykker procedure with dates and fees', () => {
    const out = run({ payments: [{ date: '2026-02-02', amount: 300 }], asOf: '2026-02-20' });
    expect(out.installments[0]).toMatchObject({ state: 'delvist', paid: 300, missing: 200 });
    expect(out).toMatchObject({ state: 'misligholdt', breachDate: '2026-02-03', arrears: 200 });
    // A breached agreement (seed politik): ONE automatic rykker, a call, then medhæftere (daginstitution
    // has them), then oversendelse. The rykker was due on the breach date (3/2) and is overdue on 20/2,
    // so it is due now and the rest count from 20/2: +10 = 2/3 (Mon) call and medhæfter letter 1,
    // +10 = 12/3 letter 2 and call, +10 = 22/3 (Sun) → 23/3 oversendelse.
    // daginstitution has udpantningsret: no takst set, so the fee is gebyrloven's maximum, "højst 250 kr.".
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.fee, s.feeIsMaximum, s.overdue])).toEqual([
      ['rykker1', '2026-02-20', 250, true, true],
      ['opkald', '2026-03-02', 0, false, false],
      ['medhaeftere1', '2026-03-02', 250, true, false],
      ['medhaeftere2', '2026-03-12', 250, true, false],
      ['medhaeftere-opkald', '2026-03-12', 0, false, false],
      ['oversendelse', '2026-03-23', 0, false, false],
    ]);
    expect(out.procedure).toMatchObject({
      id: 'misligholdt-aftale',
      situation: 'misligholdt',
      done: false,
      today: 'Overskredet – i dag: Send rykker med varsel om oversendelse (automatisk ved misligholdelse) (gebyr højst 250,00 kr.).',
    });
  });

  it('nothing paid: ikke betalt; a civil-law claim: one rykker of at most 100 kr., no medhæftere, a fundament before oversendelse', () => {
    const out = status({ ...agreement, claims: [{ type: 'andet', principal: 4450 }], payments: [], asOf: '2026-03-10' }, defaultRules);
    expect(out.installments.slice(0, 3).map((i) => i.state)).toEqual(['ikke betalt', 'ikke betalt', 'ikke forfalden']);
    expect(out).toMatchObject({ state: 'misligholdt', breachDate: '2026-02-03', arrears: 1000 });
    // 10/3 (rykker, overdue since 3/2), +10 = 20/3 call, +10 = 30/3 fundament and notice, +10 = 9/4 (after Easter) oversendelse.
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.fee])).toEqual([
      ['rykker1', '2026-03-10', 100],
      ['opkald', '2026-03-20', 0],
      ['fundament', '2026-03-30', 0],
      ['varsel', '2026-03-30', 0],
      ['oversendelse', '2026-04-09', 0],
    ]);
  });

  it('fully paid early: afsluttet, whatever the date', () => {
    const out = run({ payments: [{ date: '2026-01-20', amount: 4450 }], asOf: '2026-03-01' });
    expect(out.installments.every((i) => i.state === 'betalt')).toBe(true);
    expect(out).toMatchObject({ state: 'afsluttet', arrears: 0, overpaid: 0 });
  });

  it('a deadline on a closed day runs to the next banking day (forældelsesloven § 27 stk. 2 by analogy)', () => {
    // Installment 1 is due Monday 2 February 2026; + 5 days of grace = Saturday 7 February, so
    // the deadline runs to Monday 9 February: a payment that Monday is on time …
    expect(states({ payments: [{ date: '2026-02-09', amount: 500 }], asOf: '2026-02-20', graceDays: 5 })[0]).toBe('betalt');
    // … nothing is overdue on the Sunday, and the breach starts the day after the Monday.
    expect(run({ payments: [], asOf: '2026-02-08', graceDays: 5 })).toMatchObject({ state: 'overholdt', breachDate: null });
    expect(run({ payments: [], asOf: '2026-02-10', graceDays: 5 })).toMatchObject({ state: 'misligholdt', breachDate: '2026-02-10' });
    // A payment on Tuesday 10 February is late.
    expect(states({ payments: [{ date: '2026-02-10', amount: 500 }], asOf: '2026-02-20', graceDays: 5 })[0]).toBe('for sent');
  });

  it('an overpayment is kept as overpaid, never lost', () => {
    expect(run({ payments: [{ date: '2026-01-20', amount: 5000 }], asOf: '2026-03-01' })).toMatchObject({ state: 'afsluttet', overpaid: 550, paidTotal: 5000 });
  });

  it('graceDays: paid 3 days late is betalt with 3 days of grace, for sent with 2', () => {
    const payments = [{ date: '2026-02-05', amount: 500 }];
    expect(states({ payments, asOf: '2026-02-10', graceDays: 3 })[0]).toBe('betalt');
    expect(states({ payments, asOf: '2026-02-10', graceDays: 2 })[0]).toBe('for sent');
    // unpaid but within grace on asOf: not yet a breach
    expect(run({ payments: [], asOf: '2026-02-04', graceDays: 3 })).toMatchObject({ state: 'overholdt', breachDate: null, arrears: 500 });
    expect(run({ payments: [], asOf: '2026-02-06', graceDays: 3 })).toMatchObject({ state: 'misligholdt', breachDate: '2026-02-06' });
  });

  it('payments dated after asOf are left out and counted', () => {
    expect(run({ payments: [{ date: '2026-03-01', amount: 500 }], asOf: '2026-02-20' })).toMatchObject({ paidTotal: 0, ignoredPayments: 1, state: 'misligholdt' });
  });

  it('a granted henstand never counts as a breach', () => {
    const payments = [
      { date: '2026-02-02', amount: 500 },
      { date: '2026-03-02', amount: 500 },
      { date: '2026-04-01', amount: 500 },
    ];
    // Without the henstand, May–July are missed on 15 July; with 3 months from 1 May they are not due yet.
    expect(run({ payments, asOf: '2026-07-15' }).state).toBe('misligholdt');
    const out = run({ payments, asOf: '2026-07-15', henstand: { from: '2026-05-01', months: 3, kind: 'full' } });
    expect(out).toMatchObject({ state: 'overholdt', arrears: 0, breachDate: null });
    expect(out.installments[3]).toMatchObject({ dueDate: '2026-08-03', state: 'ikke forfalden' });
  });
});

describe('bad status input', () => {
  const base = { ...agreement, payments: [], asOf: '2026-03-01' };
  it.each([
    [{ ...base, asOf: undefined }, /asOf mangler/],
    [{ ...base, asOf: '2026-02-30' }, /asOf: datoen 2026-02-30 findes ikke/],
    [{ ...base, payments: [{ date: '2026-02-02', amount: -500 }] }, /payments\[0\]\.amount: beløbet må ikke være negativt/],
    [{ ...base, payments: [{ date: '2026-02-02' }] }, /payments\[0\]\.amount mangler/],
    [{ ...base, payments: [{ date: '02-02-2026', amount: 500 }] }, /payments\[0\]\.date/],
    [{ ...base, payments: { date: '2026-02-02', amount: 500 } }, /liste/],
    [{ ...base, payments: undefined }, /payments mangler/],
    [{ ...base, graceDays: -1 }, /graceDays/],
  ])('%j', (input, message) => {
    try {
      status(input, defaultRules);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(SaldoError);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('status of installments given directly (a schedule already in the workbook)', () => {
  it('checks payments against them like a plan input', () => {
    const out = status(
      {
        installments: [
          { dueDate: '2026-02-02', amount: 500 },
          { dueDate: '2026-03-02', amount: 500 },
        ],
        payments: [{ date: '2026-02-02', amount: 500 }],
        asOf: '2026-03-10',
        claimTypes: ['ejendomsskat'],
      },
      defaultRules,
    );
    expect(out).toMatchObject({ state: 'misligholdt', breachDate: '2026-03-03', arrears: 500 });
    expect(out.installments.map((i) => i.state)).toEqual(['betalt', 'ikke betalt']);
    // A breached agreement on ejendomsskat: the agreement procedure; ejendomsskat has no medhæftere.
    expect(out.nextSteps.map((s) => s.step)).toEqual(['rykker1', 'opkald', 'oversendelse']);
  });
  it('refuses installments out of date order, unknown claim types and stray fields', () => {
    expect(() =>
      status(
        {
          installments: [
            { dueDate: '2026-03-02', amount: 500 },
            { dueDate: '2026-02-02', amount: 500 },
          ],
          payments: [],
          asOf: '2026-03-10',
        },
        defaultRules,
      ),
    ).toThrow(/datoorden/);
    expect(() => status({ installments: [{ dueDate: '2026-03-02', amount: 500 }], payments: [], asOf: '2026-03-10', claimTypes: ['p-afgift'] }, defaultRules)).toThrow(/claimTypes/);
    expect(() => status({ installments: [{ dueDate: '2026-03-02', amount: 500 }], payments: [], asOf: '2026-03-10', installment: 500 }, defaultRules)).toThrow(/Ukendt felt "installment"/);
  });
});

describe('rykker fees by claim type', () => {
  const steps = (type: string) => status({ ...agreement, claims: [{ type, principal: 4450 }], payments: [], asOf: '2026-03-10' }, defaultRules).nextSteps.map((s) => s.fee);
  it('boligstøtte: no fee on rykkere (borger.dk); underholdsbidrag: one fee (lov om Udbetaling Danmark § 30)', () => {
    // rykker, call, 2 medhæfter letters and a call, oversendelse
    expect(steps('boligstøtte')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(steps('underholdsbidrag')).toEqual([250, 0, 0]);
  });
  it('kontanthjælp: no rykkergebyr – renteloven § 9 b covers only civil-law claims (§ 1 stk. 2), gebyrloven § 2 needs udpantningsret', () => {
    // varsel, oversendelse
    expect(steps('kontanthjælp')).toEqual([0, 0]);
  });
});

describe('the breach date of an unbroken breach', () => {
  it('starts when the first overdue installment went uncovered, even if it was paid while the next was already overdue', () => {
    // No. 1 (due 2/2) is paid only on 10/3, when no. 2 (due 2/3) is already overdue: the agreement
    // has been in breach without a break since 3/2.
    const out = status({ ...agreement, payments: [{ date: '2026-03-10', amount: 500 }], asOf: '2026-03-20' }, defaultRules);
    expect(out.installments.slice(0, 2).map((i) => i.state)).toEqual(['for sent', 'ikke betalt']);
    expect(out).toMatchObject({ state: 'misligholdt', breachDate: '2026-02-03' });
  });
  it('a breach that was cured before the next deadline does not count', () => {
    // No. 1 paid late on 20/2, before no. 2 fell due (2/3); no. 2 unpaid on 20/3: breach from 3/3.
    const out = status({ ...agreement, payments: [{ date: '2026-02-20', amount: 500 }], asOf: '2026-03-20' }, defaultRules);
    expect(out).toMatchObject({ state: 'misligholdt', breachDate: '2026-03-03' });
  });
});
