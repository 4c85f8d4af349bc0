/**
 * The seed politik (seeds/004) as worked examples: each procedure, from today, with the steps
 * already taken. Dates are counted by hand from the politik's days between steps (10) and the
 * Danish bank calendar of 2026 (research/law-review-2026-12.md: Easter 2/4, 3/4, 6/4; Kristi
 * himmelfart 14/5 and 15/5; 24–26/12 and 31/12 closed). Fees are the legal maxima (no takst set)
 * unless a rule override sets the kommune's takst.
 */
import { describe, expect, it } from 'vitest';
import { status as statusJson } from '../../jsonCommands.js';
import { applyRuleOverride, defaultRules, type RuleSet } from '../../../core/rules/ruleSet.js';
import { installmentStatus } from '../../../core/commands/status.js';
import { SaldoError } from '../../../core/errors.js';

// As JSON gives it: the command checks every value at run time.
type Input = Omit<Parameters<typeof installmentStatus>[0], 'situation'> & { situation?: string };
const run = (input: Input, rules: RuleSet = defaultRules) => installmentStatus(input as Parameters<typeof installmentStatus>[0], rules);
const steps = (input: Input, rules?: RuleSet) => run(input, rules).nextSteps.map((s) => [s.step, s.earliest, s.fee / 100, s.overdue]);

describe('a restance (no agreement): 2 rykkere + call, medhæftere 2 rykkere + call, then oversendelse', () => {
  // A daginstitution rate of 1.800 kr. due Friday 20/3/2026; the procedure starts Saturday 21/3.
  const rate = { installments: [{ dueDate: '2026-03-20', amount: 1800 }], payments: [], claimTypes: ['daginstitution'], situation: 'restance' };

  it('over Easter: rykker 1 sent Monday 23/3, rykker 2 is due 10 days later, on 2/4 → closed until Tuesday 7/4', () => {
    const out = run({ ...rate, asOf: '2026-03-25', stepsTaken: [{ step: 'rykker1', date: '2026-03-23' }] });
    expect(out.procedure).toMatchObject({ id: 'restance', done: false });
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.fee / 100, s.overdue])).toEqual([
      ['rykker2', '2026-04-07', 250, false],
      ['opkald', '2026-04-07', 0, false],
      ['medhaeftere1', '2026-04-17', 250, false],
      ['medhaeftere2', '2026-04-27', 250, false],
      ['medhaeftere-opkald', '2026-04-27', 0, false],
      ['oversendelse', '2026-05-07', 0, false],
    ]);
    // The caseworker's question, answered in a sentence; the fee is the legal maximum, so "højst".
    expect(out.procedure.today).toBe('Intet at gøre før 07-04-2026: derefter send 2. rykker med varsel om oversendelse til inddrivelse (gebyr højst 250,00 kr.).');
    const rykker2 = out.nextSteps[0]!;
    expect(rykker2.feeIsMaximum).toBe(true);
    expect(rykker2.why).toMatch(/^Opkrævningspolitikken: 2 rykkerbreve \+ telefonopkald; gældsinddrivelsesloven § 2 stk\. 4/);
  });

  it('nothing sent yet on Monday 30/3: rykker 1 is overdue (due Monday 23/3, the first banking day after the deadline) and due now', () => {
    const out = run({ ...rate, asOf: '2026-03-30' });
    // Rykker 1 from Saturday 21/3 → Monday 23/3 < 30/3: due now, overdue; the rest count from 30/3:
    // +10 = 9/4 rykker 2 and call, 19/4 is a Sunday → 20/4, +10 = 30/4, +10 = 10/5 (Sunday) → 11/5.
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.overdue])).toEqual([
      ['rykker1', '2026-03-30', true],
      ['rykker2', '2026-04-09', false],
      ['opkald', '2026-04-09', false],
      ['medhaeftere1', '2026-04-20', false],
      ['medhaeftere2', '2026-04-30', false],
      ['medhaeftere-opkald', '2026-04-30', false],
      ['oversendelse', '2026-05-11', false],
    ]);
    expect(out.procedure.today).toBe('Overskredet – i dag: Send 1. rykker (gebyr højst 250,00 kr.).');
  });

  it('no date is ever before asOf, also when asOf is a closed day (Good Friday): due steps move to the next banking day', () => {
    const out = run({ ...rate, asOf: '2026-04-03' });
    expect(out.nextSteps[0]).toMatchObject({ step: 'rykker1', earliest: '2026-04-07', overdue: true });
    expect(out.procedure.today).toBe('Overskredet – første bankdag 07-04-2026: Send 1. rykker (gebyr højst 250,00 kr.).');
    for (const s of out.nextSteps) expect(s.earliest >= '2026-04-03').toBe(true);
  });

  it('a renovation restance has no medhæftere: rykker 1, rykker 2 with call, oversendelse', () => {
    expect(steps({ ...rate, claimTypes: ['renovation'], asOf: '2026-03-23' })).toEqual([
      ['rykker1', '2026-03-23', 250, false],
      ['rykker2', '2026-04-07', 250, false],
      ['opkald', '2026-04-07', 0, false],
      ['oversendelse', '2026-04-17', 0, false],
    ]);
  });

  it('the politik\'s option "oversend efter 1. rykker": rykker 1 carries the notice, then oversendelse', () => {
    const out = run({ ...rate, asOf: '2026-03-23', procedure: 'oversend-efter-1-rykker' });
    expect(out.nextSteps.map((s) => [s.step, s.earliest])).toEqual([
      ['rykker1', '2026-03-23'],
      ['oversendelse', '2026-04-07'],
    ]);
    expect(out.procedure.why).toMatch(/valgt i sagen/);
  });
});

describe('a breached betalingsaftale: ONE automatic rykker, a call, medhæftere, oversendelse', () => {
  const agreement = { installments: [{ dueDate: '2026-12-01', amount: 500 }], payments: [], claimTypes: ['renovation'] };

  it('over Christmas: the rykker went out 14/12; the call is due 10 days later, 24/12 → closed until Monday 28/12', () => {
    const out = run({ ...agreement, asOf: '2026-12-14', stepsTaken: [{ step: 'rykker1', date: '2026-12-14' }] });
    expect(out.procedure).toMatchObject({ id: 'misligholdt-aftale', situation: 'misligholdt' });
    // One fee only: the one rykker (taken); the call and oversendelse carry none. 28/12 + 10 = 7/1/2027.
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.fee])).toEqual([
      ['opkald', '2026-12-28', 0],
      ['oversendelse', '2027-01-07', 0],
    ]);
    expect(out.procedure.today).toBe('Intet at gøre før 28-12-2026: derefter ring til skyldner, hvis det vurderes at have gavnlig effekt.');
    expect(out.nextSteps[0]!.optional).toBe(true);
  });

  it('the kommune\'s takst replaces the maximum and is not labelled "højst"', () => {
    const rules = applyRuleOverride(defaultRules, { fees: { rykkerPublic: { takst: 200, source: 'Takstblad 2026, byrådet 12.12.2025', checked: '2026-12-01' } } });
    const [rykker] = run({ ...agreement, asOf: '2026-12-03' }, rules).nextSteps;
    expect(rykker).toMatchObject({ step: 'rykker1', fee: 20_000, feeIsMaximum: false });
    expect(run({ ...agreement, asOf: '2026-12-03' }, rules).procedure.today).toBe('Overskredet – i dag: Send rykker med varsel om oversendelse (automatisk ved misligholdelse) (gebyr 200,00 kr.).');
  });

  it('every step taken: the procedure is done and nothing is proposed', () => {
    const taken = [
      { step: 'rykker1', date: '2026-12-02' },
      { step: 'opkald', date: '2026-12-14' },
      { step: 'oversendelse', date: '2026-12-28' },
    ];
    const out = run({ ...agreement, asOf: '2026-12-30', stepsTaken: taken });
    expect(out.procedure).toMatchObject({ done: true, today: 'Intet at gøre: proceduren er ikke i gang eller er gennemført.' });
    expect(out.nextSteps).toEqual([]);
  });

  it('steps taken before this breach belong to an earlier one and do not count', () => {
    const out = run({ ...agreement, asOf: '2026-12-10', stepsTaken: [{ step: 'rykker1', date: '2026-06-05' }] });
    expect(out.nextSteps[0]).toMatchObject({ step: 'rykker1', overdue: true, earliest: '2026-12-10' });
  });

  it('a step of another procedure is not counted, and the status says so', () => {
    const out = run({ ...agreement, asOf: '2026-12-10', stepsTaken: [{ step: 'rykker2', date: '2026-12-05' }] });
    expect(out.nextSteps[0]!.step).toBe('rykker1');
    expect(out.warnings).toEqual([{ code: 'PROCEDURE', message: 'Trinnet "rykker2" (2026-12-05) hører ikke til proceduren "Misligholdt betalingsaftale" og tælles ikke med.' }]);
  });
});

describe('ejendomsskat: oversendelse after each rate once the procedure is done', () => {
  // Two half-year rates of 5.000 kr.: Monday 2/3 and Tuesday 1/9/2026, neither paid.
  const rates = {
    installments: [
      { dueDate: '2026-03-02', amount: 5000 },
      { dueDate: '2026-09-01', amount: 5000 },
    ],
    payments: [],
    claimTypes: ['ejendomsskat'],
    situation: 'restance',
  };
  const first = [
    { step: 'rykker1', date: '2026-03-03' },
    { step: 'rykker2', date: '2026-03-13' },
    { step: 'opkald', date: '2026-03-13' },
    { step: 'oversendelse', date: '2026-03-24' },
  ];

  it('after the first rate was sent, the procedure waits for the second rate', () => {
    const out = run({ ...rates, asOf: '2026-06-01', stepsTaken: first });
    expect(out.procedure).toMatchObject({ id: 'ejendomsskat', done: false });
    // Rate 2 due 1/9: its procedure starts 2/9.
    expect(out.procedure.today).toBe('Intet at gøre før 02-09-2026: derefter send 1. rykker (gebyr højst 250,00 kr.).');
  });

  it('when the second rate is unpaid, the procedure runs again for it', () => {
    // 2/9 overdue on 10/9 → now; +10 = 20/9 (Sunday) → 21/9; +10 = 1/10.
    expect(steps({ ...rates, asOf: '2026-09-10', stepsTaken: first })).toEqual([
      ['rykker1', '2026-09-10', 250, true],
      ['rykker2', '2026-09-21', 250, false],
      ['opkald', '2026-09-21', 0, false],
      ['oversendelse', '2026-10-01', 0, false],
    ]);
  });
});

describe('tilbagebetalingskrav (kontanthjælp): a betalingsordning, oversendelse only on breach, no rykkergebyr', () => {
  const claim = { installments: [{ dueDate: '2026-05-01', amount: 3000 }], payments: [], claimTypes: ['kontanthjælp'] };
  it('a restance gets a betalingsordning by the bekendtgørelse, not oversendelse', () => {
    const out = run({ ...claim, situation: 'restance', asOf: '2026-05-11' });
    expect(out.nextSteps.map((s) => [s.step, s.fee])).toEqual([['betalingsordning', 0]]);
    expect(out.nextSteps[0]!.why).toMatch(/betalingsordning/);
  });
  it('a breached betalingsordning: the written notice without a fee, then oversendelse', () => {
    // 11/5 (Monday) notice now; +10 = 21/5.
    expect(steps({ ...claim, asOf: '2026-05-11' })).toEqual([
      ['varsel', '2026-05-11', 0, true],
      ['oversendelse', '2026-05-21', 0, false],
    ]);
  });
});

describe('a civil-law claim (andet): no oversendelse without a fundament', () => {
  const claim = { installments: [{ dueDate: '2026-02-02', amount: 800 }], payments: [], claimTypes: ['andet'], situation: 'restance' };
  it('after 2 rykkere and the call the step is "skaf fundament", not oversendelse', () => {
    const taken = [
      { step: 'rykker1', date: '2026-02-03' },
      { step: 'rykker2', date: '2026-02-13' },
      { step: 'opkald', date: '2026-02-16' },
    ];
    const out = run({ ...claim, asOf: '2026-03-02', stepsTaken: taken });
    expect(out.nextSteps.map((s) => s.step)).toEqual(['fundament', 'varsel', 'oversendelse']);
    expect(out.nextSteps[0]!.why).toMatch(/fundament er skabt \(forlig eller dom\)/);
  });
  it('with a dom or forlig recorded, the notice and oversendelse follow', () => {
    const taken = [
      { step: 'rykker1', date: '2026-02-03' },
      { step: 'fundament', date: '2026-04-20' },
    ];
    expect(steps({ ...claim, asOf: '2026-04-21', stepsTaken: taken })).toEqual([
      ['varsel', '2026-04-21', 0, true],
      ['oversendelse', '2026-05-01', 0, false],
    ]);
  });
  it("renteloven § 9 b: at most 100 kr., at most 3 fee letters, at least 10 days apart – even if the kommune's procedure asks for more", () => {
    const tight = {
      label: 'Fire hurtige rykkere',
      source: 'Testpolitik',
      checked: '2026-12-01',
      steps: [1, 2, 3, 4].map((n) => ({ id: `rykker${n}`, kind: 'rykker', action: `Rykker ${n}`, afterDays: n === 1 ? 0 : 3, fee: true, notice: n === 4 })),
    };
    const rules = applyRuleOverride(defaultRules, { procedures: { hurtig: tight } });
    // 3/2, then 10 days apart, not 3: 13/2, 23/2, 5/3; the 4th letter carries no fee.
    expect(steps({ ...claim, asOf: '2026-02-03', procedure: 'hurtig' }, rules)).toEqual([
      ['rykker1', '2026-02-03', 100, false],
      ['rykker2', '2026-02-13', 100, false],
      ['rykker3', '2026-02-23', 100, false],
      ['rykker4', '2026-03-05', 0, false],
    ]);
    expect(run({ ...claim, asOf: '2026-02-03', procedure: 'hurtig' }, rules).nextSteps[3]!.why).toMatch(/intet gebyr: højst 3 gebyrbelagte rykkere pr\. krav/);
  });
});

describe('claims that follow different procedures', () => {
  it('follow the most cautious (civil: a fundament first) with the strictest fee rule, and the status warns', () => {
    const out = run({ installments: [{ dueDate: '2026-02-02', amount: 800 }], payments: [], claimTypes: ['daginstitution', 'andet'], asOf: '2026-02-10' });
    expect(out.procedure.id).toBe('civilretlig-misligholdt');
    expect(out.nextSteps[0]).toMatchObject({ step: 'rykker1', fee: 10_000 });
    expect(out.warnings[0]!.message).toMatch(/^Fordringerne følger forskellige procedurer .*Saldo følger den mest forsigtige, "Misligholdt betalingsaftale, civilretligt krav"/);
  });
});

describe('claim types as data', () => {
  it('are matched in any case and in the ASCII spellings Danish systems export', () => {
    const of = (type: string) => run({ installments: [{ dueDate: '2026-02-02', amount: 800 }], payments: [], claimTypes: [type], asOf: '2026-02-10' }).procedure.why;
    expect(of('Boligstoette')).toBe(of('boligstøtte'));
    expect(of('KONTANTHJAELP')).toBe(of('kontanthjælp'));
    expect(of('kontanthjælp')).toMatch(/kontanthjælp \(tilbagebetalingskrav\)/);
  });
  it('a kommune adds its own type; without a basis named it carries no fee, with udpantningsret the gebyrloven maximum', () => {
    const add = (facts: object) => applyRuleOverride(defaultRules, { claimTypes: { dagpleje: { label: 'Dagpleje', ...facts, source: 'Takstblad 2026', checked: '2026-12-01' } } });
    const input = { installments: [{ dueDate: '2026-02-02', amount: 800 }], payments: [], claimTypes: ['Dagpleje'], asOf: '2026-02-10' };
    expect(run(input, add({})).nextSteps[0]).toMatchObject({ step: 'rykker1', fee: 0 });
    expect(run(input, add({ udpantningsret: true, medhaeftere: true })).nextSteps.map((s) => [s.step, s.fee / 100])).toEqual([
      ['rykker1', 250],
      ['opkald', 0],
      ['medhaeftere1', 250],
      ['medhaeftere2', 250],
      ['medhaeftere-opkald', 0],
      ['oversendelse', 0],
    ]);
    expect(() => run(input)).toThrow(/claimTypes\[0\]: "Dagpleje" er ikke en kendt fordringstype/);
  });
});

describe('bad stepsTaken are refused in Danish', () => {
  const base = { installments: [{ dueDate: '2026-02-02', amount: 800 }], payments: [], asOf: '2026-02-10' };
  it.each([
    [[{ step: 'rykker9', date: '2026-02-05' }], /stepsTaken\[0\]\.step: "rykker9" er ikke et trin i politikken\. Brug en af: rykker1, opkald/],
    [[{ step: 'rykker1', date: '2026-02-11' }], /stepsTaken\[0\]\.date: trinnet er dateret efter statusdatoen \(2026-02-10\)/],
    [[{ step: 'rykker1' }], /stepsTaken\[0\]\.date/],
    [{ step: 'rykker1', date: '2026-02-05' }, /stepsTaken skal være en liste/],
  ])('%j', (stepsTaken, message) => {
    expect(() => run({ ...base, stepsTaken } as Input)).toThrow(SaldoError);
    expect(() => run({ ...base, stepsTaken } as Input)).toThrow(message);
  });
  it('through the JSON contract too', () => {
    expect(() => statusJson({ ...base, stepsTaken: [{ step: 'x', date: '2026-02-05' }] }, defaultRules)).toThrow(/er ikke et trin i politikken/);
  });
});

describe('the procedure a case follows, for recording the steps taken', () => {
  it('lists the steps the politik gives the claims (medhæftere only where the type has them)', async () => {
    const { commands } = await import('../../../core/commands/index.js');
    expect(commands.procedureOf({ claimTypes: ['renovation'] }, defaultRules).steps.map((s) => s.id)).toEqual(['rykker1', 'opkald', 'oversendelse']);
    expect(commands.procedureOf({ claimTypes: ['daginstitution'], situation: 'restance' }, defaultRules)).toMatchObject({ id: 'restance', label: 'Restance' });
    expect(commands.procedureOf({ claimTypes: ['andet'], procedure: 'oversend-efter-1-rykker' }, defaultRules).steps.map((s) => s.id)).toEqual(['rykker1', 'oversendelse']);
    expect(() => commands.procedureOf({ claimTypes: ['andet'], procedure: 'ingen' }, defaultRules)).toThrow(/procedure: ukendt procedure\. Politikken har: civilretlig-misligholdt/);
  });
});
