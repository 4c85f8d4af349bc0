import { describe, expect, it } from 'vitest';
import { followup as followupCommand } from '../../jsonCommands.js';
import { saldoMessage, saldoMessageOf } from '../saldoMessage.js';
import { followup, goalStatus } from '../../../core/followup/followup.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const kontroltryk = {
  id: '2.1',
  name: 'Pristjek af brugte selvanmeldte importerede køretøjer',
  requirement: 'Pristjek af 15 pct.',
  measure: 'pristjek / selvanmeldte',
  target: 0.15,
  direction: 'atLeast',
  amberMargin: 0.02,
  unit: 'percent',
};
const spec = { Q1: { pristjek: 2800, selvanmeldte: 20000 }, Q2: { pristjek: 3100, selvanmeldte: 21000 } };

describe('year to date: a ratio of sums by default (SPEC followup example)', () => {
  it('kontroltryk after Q2: 5,900 / 41,000 = 14.39 %, not the mean of the quarters 14.38 %', () => {
    const f = followup({ year: 2025, goals: [kontroltryk], data: spec });
    const r = f.rows[0]!;
    expect(r.quarters).toEqual([2800 / 20000, 3100 / 21000, null, null]); // 14.0 %, 14.76 %
    // Ratio of sums: (2,800 + 3,100) / (20,000 + 21,000) = 0.143902…
    expect(r.ytd).toBeCloseTo(5900 / 41000, 12);
    // The mean of the quarterly ratios would be (0.14 + 0.147619…) / 2 = 0.143810 — a different number.
    expect(Math.abs(r.ytd! - (0.14 + 3100 / 21000) / 2)).toBeGreaterThan(5e-5);
    // 15 % − 14.39 % = 0.61 points short, within the 2-point amber margin.
    expect(r.status).toBe('gul');
    expect(r.forecast).toBeCloseTo(5900 / 41000, 12);
    expect(f.elapsed).toBe(2);
  });

  it('is the same through the command map', async () => {
    expect((await followupCommand({ year: 2025, goals: [kontroltryk], data: spec }, defaultRules)).rows[0]!.ytd).toBeCloseTo(0.143902, 6);
  });

  it('kundetilfredshed weighted by answers: 4,580 points / 1,100 answers = 4.16 (grøn), where the mean of quarters is 4.0', () => {
    const goal = { id: '1.2', name: 'Kundetilfredshed', measure: 'point / svar', target: 4, amberMargin: 0.2 };
    const r = followup({ year: 2025, goals: [goal], data: { Q1: { point: 4200, svar: 1000 }, Q2: { point: 380, svar: 100 } } }).rows[0]!;
    expect(r.quarters.slice(0, 2)).toEqual([4.2, 3.8]);
    expect(r.ytd).toBeCloseTo(4580 / 1100, 12);
    expect(r.status).toBe('grøn');
  });
});

describe('mean of periods (the inddrivelsesprocent: monthly afgang / tilgang × 100, the year the mean of the months)', () => {
  const goal = { id: 'I', name: 'Inddrivelsesprocent', measure: 'afgang / tilgang * 100', target: 110, amberMargin: 10, aggregate: 'meanOfPeriods' };
  const months = { M01: { afgang: 90, tilgang: 100 }, M02: { afgang: 120, tilgang: 100 }, M03: { afgang: 150, tilgang: 200 }, M04: { afgang: 55, tilgang: 50 } };

  it('months 90, 120, 75 and 110: Q1 = 95, year to date 98.75 (the ratio of sums would be 415 / 450 = 92.2)', () => {
    const r = followup({ year: 2025, goals: [goal], data: months }).rows[0]!;
    [90, 120, 75, 110].forEach((v, i) => expect(r.months![i]).toBeCloseTo(v, 10));
    expect(r.months![4]).toBeNull();
    expect(r.quarters[0]).toBeCloseTo(95, 12); // (90 + 120 + 75) / 3
    // April alone is no second quarter (SPEC: a quarter is filled only when all its months are reported)
    expect(r.quarters[1]).toBeNull();
    expect(r.basis).toBe('M01–M04');
    expect(r.ytd).toBeCloseTo((90 + 120 + 75 + 110) / 4, 12);
    // 110 − 98.75 = 11.25 short: beyond the 10-point margin.
    expect(r.status).toBe('rød');
    const ratio = followup({ year: 2025, goals: [{ ...goal, aggregate: undefined }], data: months }).rows[0]!;
    expect(ratio.ytd).toBeCloseTo((415 / 450) * 100, 12);
  });

  it("with months, a ratio goal's quarter is the measure on the summed months", () => {
    const three = { M01: { pristjek: 100, selvanmeldte: 1000 }, M02: { pristjek: 300, selvanmeldte: 1000 }, M03: { pristjek: 200, selvanmeldte: 1000 } };
    const r = followup({ year: 2025, goals: [{ ...kontroltryk }], data: three }).rows[0]!;
    expect(r.quarters[0]).toBeCloseTo(600 / 3000, 12);
    expect(r.quarters[1]).toBeNull();
    // M01 and M02 only: the quarter is not complete, so it is not shown; the value to date is.
    const two = followup({ year: 2025, goals: [{ ...kontroltryk }], data: { M01: three.M01, M02: three.M02 } }).rows[0]!;
    expect(two.quarters[0]).toBeNull();
    expect(two.ytd).toBeCloseTo(400 / 2000, 12);
  });
});

describe('status rød/gul/grøn at the edges of the margin', () => {
  it('atLeast 15 % with a 2-point margin: 15 grøn, 14.99 gul, 13 gul (edge), 12.99 rød', () => {
    expect(goalStatus(0.15, 0.15, 0.02, 'atLeast')).toBe('grøn');
    expect(goalStatus(0.1499, 0.15, 0.02, 'atLeast')).toBe('gul');
    expect(goalStatus(0.13, 0.15, 0.02, 'atLeast')).toBe('gul');
    expect(goalStatus(0.1299, 0.15, 0.02, 'atLeast')).toBe('rød');
    expect(goalStatus(0.5, 0.15, 0.02, 'atLeast')).toBe('grøn');
  });

  it('atMost 1 % errors with a half-point margin mirrors it: 1 grøn, 1.5 gul (edge), 1.51 rød, 0 grøn', () => {
    expect(goalStatus(0.01, 0.01, 0.005, 'atMost')).toBe('grøn');
    expect(goalStatus(0.015, 0.01, 0.005, 'atMost')).toBe('gul');
    expect(goalStatus(0.0151, 0.01, 0.005, 'atMost')).toBe('rød');
    expect(goalStatus(0, 0.01, 0.005, 'atMost')).toBe('grøn');
  });

  it('without a margin there is no gul', () => {
    expect(goalStatus(0.699, 0.7, 0, 'atLeast')).toBe('rød');
    expect(goalStatus(0.7, 0.7, 0, 'atLeast')).toBe('grøn');
  });

  it('an atMost goal through the table: fejlrate 12 / 1,000 = 1.2 % against at most 1 % ± 0.5 → gul', () => {
    const r = followup({
      year: 2025,
      goals: [{ id: '4.1', name: 'Fejl', measure: 'fejl / stikprøver', target: 0.01, direction: 'atMost', amberMargin: 0.005, unit: 'percent' }],
      data: { Q1: { fejl: 12, stikprøver: 1000 } },
    }).rows[0]!;
    expect(r.ytd).toBeCloseTo(0.012, 12);
    expect(r.status).toBe('gul');
  });
});

describe('zero denominators give "ingen data", not a number', () => {
  it('a quarter without selvanmeldte is null; the year to date uses the sums', () => {
    const r = followup({ year: 2025, goals: [kontroltryk], data: { Q1: { pristjek: 0, selvanmeldte: 0 }, Q2: { pristjek: 3000, selvanmeldte: 20000 } } }).rows[0]!;
    expect(r.quarters).toEqual([null, 0.15, null, null]);
    expect(r.ytd).toBe(0.15);
    expect(r.status).toBe('grøn');
  });

  it('all zero: no year to date and no status, said in Danish', () => {
    const r = followup({ year: 2025, goals: [kontroltryk], data: { Q1: { pristjek: 0, selvanmeldte: 0 } } }).rows[0]!;
    expect(r.ytd).toBeNull();
    expect(r.status).toBeNull();
    expect(r.statusNote).toBe('ingen data');
  });
});

describe('count goals are judged pro rata to the elapsed periods', () => {
  it('12,000 pristjek a year, 5,900 after two quarters: expected 6,000, 100 short within the pro-rata margin 300 → gul; forecast 11,800', () => {
    const goal = { id: '2.1b', name: 'Antal pristjek', kind: 'count', measure: 'pristjek', target: 12000, amberMargin: 600 };
    const r = followup({ year: 2025, goals: [goal], data: spec }).rows[0]!;
    expect(r.quarters.slice(0, 2)).toEqual([2800, 3100]);
    expect(r.ytd).toBe(5900);
    expect(r.expected).toBe(6000); // 12,000 × 2/4
    expect(r.status).toBe('gul'); // margin 600 × 2/4 = 300 ≥ 100
    expect(r.forecast).toBe(11800); // 5,900 / (2/4)
    const behind = followup({ year: 2025, goals: [goal], data: { Q1: { pristjek: 2600 }, Q2: { pristjek: 3000 } } }).rows[0]!;
    expect(behind.status).toBe('rød'); // 400 short of 6,000 > 300
  });
});

describe('milestones are entered by hand', () => {
  const base = { id: '3.2', name: 'Procesunderstøttelse', kind: 'milestone' };
  it('done by the due quarter is grøn, late gul, missed rød, not due yet grøn or as set by hand', () => {
    const run = (goal: object) => followup({ year: 2025, goals: [goal], data: spec }).rows[0]!; // Q2 reported
    expect(run({ ...base, due: 'Q4', done: 'Q2' }).status).toBe('grøn');
    expect(run({ ...base, due: 'Q1', done: 'Q2' }).status).toBe('gul');
    expect(run({ ...base, due: 'Q2' }).status).toBe('rød');
    expect(run({ ...base, due: 'Q4' }).status).toBe('grøn');
    expect(run({ ...base, due: 'Q4', status: 'gul' }).status).toBe('gul');
  });
});

describe('the typed text is carried over from the previous follow-up', () => {
  const previous = [
    { id: '2.1', cause: 'Færre medarbejdere i Q1.', action: 'Ekstra pristjek i Q3.' },
    { id: '9.9', cause: 'Målet er lukket.', action: '' },
    { id: '1.2', cause: '', action: '' },
  ];
  it("copies cause and action by goal number, lets this quarter's text win, and shows text whose goal is gone", () => {
    const f = followup({
      year: 2025,
      goals: [kontroltryk, { id: '2.2', name: 'Træfprocent', measure: 'fund / risiko', target: 0.7, action: 'Ny model.' }],
      data: { ...spec, Q1: { ...spec.Q1, fund: 70, risiko: 100 } },
      previous,
    });
    // carried text is marked as such (these rows do not say which period they were written in)
    expect(f.rows[0]).toMatchObject({ cause: 'Fra sidste opfølgning: Færre medarbejdere i Q1.', action: 'Fra sidste opfølgning: Ekstra pristjek i Q3.' });
    expect(f.rows[1]).toMatchObject({ cause: '', action: 'Ny model.' });
    expect(f.unmatchedPrevious).toEqual([{ id: '9.9', cause: 'Fra sidste opfølgning: Målet er lukket.', action: '' }]);
    expect(f.warnings[0]).toMatch(/Mål 9\.9 fra sidste opfølgning findes ikke længere/);
  });

  it('takes a whole previous output row (its values are ignored)', () => {
    // Q1 14 % (gul) and Q1–Q2 14,39 % (gul): not turned green, so only marked
    const last = followup({ year: 2025, goals: [{ ...kontroltryk, cause: 'Sygdom.', action: 'Vikar.' }], data: { Q1: spec.Q1 } });
    const next = followup({ year: 2025, goals: [kontroltryk], data: spec, previous: last.rows });
    expect(next.rows[0]).toMatchObject({ status: 'gul', cause: 'Fra sidste opfølgning: Sygdom.', action: 'Fra sidste opfølgning: Vikar.' });
  });

  it('marks the period the text was written in, once; a goal green now says so before the old cause', () => {
    // 2.1 was rød in Q1 (2.500 / 20.000 = 12,5 %); after Q2 it is (2.500 + 3.700) / 40.000 = 15,5 %: grøn
    const data = { Q1: { pristjek: 2500, selvanmeldte: 20000 }, Q2: { pristjek: 3700, selvanmeldte: 20000 } };
    const previous = [{ id: '2.1', cause: 'Færre medarbejdere.', action: 'Fra Q1: Ekstra pristjek.', status: 'rød', period: 'Q1' }];
    const r = followup({ year: 2025, goals: [kontroltryk], data, previous }).rows[0]!;
    expect(r.status).toBe('grøn');
    expect([r.cause, r.action]).toEqual(['Nu grøn (rød i Q1). Fra Q1: Færre medarbejdere.', 'Fra Q1: Ekstra pristjek.']);
  });
});

describe('Danish errors that point at the goal', () => {
  it.each([
    [{ year: 2025, goals: [{ ...kontroltryk, measure: 'pristjek / anmeldte' }], data: spec }, /Mål 2\.1: målingen .* ukendte navn "anmeldte"/],
    [{ year: 2025, goals: [{ ...kontroltryk, measure: 'pristjek /' }], data: spec }, /Mål 2\.1: målingen .* kan ikke læses/],
    [{ year: 2025, goals: [{ id: '2.1a', name: 'Pristjek', kind: 'count', measure: 'pristjek' }], data: spec }, /Mål 2\.1a: et antalsmål skal have target/],
    [{ year: 2025, goals: [{ ...kontroltryk, direction: 'over' }], data: spec }, /goals\[0\]\.direction skal være "atLeast" eller "atMost"/],
    [{ year: 2025, goals: [kontroltryk, kontroltryk], data: spec }, /Mål 2\.1 står to gange/],
    [{ year: 2025, goals: [kontroltryk], data: { Q5: {} } }, /"Q5" er ikke en periode/],
    [{ year: 2025, goals: [kontroltryk], data: { Q1: spec.Q1, M02: spec.Q2 } }, /enten kvartaler .* eller måneder/],
    [{ year: 2025, goals: [kontroltryk], data: { Q1: { pristjek: '2800', selvanmeldte: 1 } } }, /data\.Q1\.pristjek skal være et tal/],
    [{ year: 2025, goals: [], data: spec }, /angiv mindst ét mål/],
    [{ year: 2025, goals: [{ id: '3.1', name: 'M', kind: 'milestone' }], data: spec }, /en milepæl skal have due/],
    [{ year: 2025, goals: [{ ...kontroltryk, due: 'Q2' }], data: spec }, /goals\[0\]\.milestones hører til en milepæl/],
    [{ year: 2025, goals: [{ ...kontroltryk, sample: 'pristjek_i_alt' }], data: spec }, /goals\[0\]\.sample skal være navnet på stikprøvernes antal i målingen \(pristjek, selvanmeldte\)/],
  ])('%#', async (input, expected) => {
    expect(await saldoMessageOf(followupCommand(input, defaultRules))).toMatch(expected);
  });
});

describe('periods that hold only zeros at the end (a formula showing 0 for a quarter not reported yet)', () => {
  const count = { id: '2.1a', name: 'Antal pristjek', kind: 'count', measure: 'pristjek', target: 12000, amberMargin: 600 };
  const data = { Q1: { pristjek: 2750 }, Q2: { pristjek: 3120 }, Q3: { pristjek: 0 }, Q4: { pristjek: 0 } };

  it('are not reported (never counted), and the warning says so and how to count a true 0', () => {
    const f = followup({ year: 2025, goals: [count], data });
    // Q1–Q2 only: 5,870 against 12,000 × 2/4 = 6,000, margin 300: gul — not rød against the whole year
    expect(f.elapsed).toBe(2);
    expect(f.rows[0]).toMatchObject({ ytd: 5870, expected: 6000, status: 'gul', basis: 'Q1–Q2' });
    expect(f.warnings).toEqual(['Q3, Q4 har kun tallet 0. De regnes som ikke indberettet og tæller ikke med. Er 0 det rigtige tal, så vælg til og med Q4 (period).']);
  });

  it('count when the period is chosen through them: 0 typed as the true figure', () => {
    const f = followup({ year: 2025, goals: [count], data, period: 'Q4' });
    // 5,870 against the whole year's 12,000, margin 600: 6,130 short → rød
    expect(f.rows[0]).toMatchObject({ ytd: 5870, expected: 12000, status: 'rød' });
    expect(f.warnings).toEqual([]);
  });

  it('with period Q2 the follow-up stops there, without the warning', () => {
    const f = followup({ year: 2025, goals: [count], data, period: 'Q2' });
    // 5,870 against 12,000 × 2/4 = 6,000, margin 600 × 2/4 = 300: 130 short → gul
    expect(f.rows[0]).toMatchObject({ ytd: 5870, expected: 6000, status: 'gul' });
    expect(f.warnings).toEqual([]);
  });

  it('a zero among other numbers is data, not a warning', () => {
    expect(followup({ year: 2025, goals: [count], data: { Q1: { pristjek: 0, b: 3 } } }).warnings).toEqual([]);
  });
});

describe('carriedOver', () => {
  it('lists the goals whose text came from the previous follow-up, not those whose own text won', () => {
    const goals = [
      { id: '1', name: 'A', measure: 'a', target: 1, cause: 'egen', action: 'egen' },
      { id: '2', name: 'B', measure: 'a', target: 1 },
      { id: '3', name: 'C', measure: 'a', target: 1 },
    ];
    const previous = [
      { id: '1', cause: 'gammel', action: 'gammel' },
      { id: '2', cause: '', action: 'gammel' },
      { id: '3', cause: '', action: '' },
    ];
    expect(followup({ year: 2025, goals, data: { Q1: { a: 1 } }, previous }).carriedOver).toEqual(['2']);
  });
});

describe('warnings where a number would otherwise be judged in silence (found by review)', () => {
  it("a period with some of a goal's counts but not all does not count, and says so", () => {
    // Q1: 1 / 10; Q2 has a but no b: the year to date stays 1 / 10 = 10 %, not (1 + 5) / 10
    const out = followup({ year: 2025, goals: [{ id: '1', name: 'A', measure: 'a / b', target: 0.15, unit: 'percent' }], data: { Q1: { a: 1, b: 10 }, Q2: { a: 5 } } });
    expect(out.rows[0]!.ytd).toBeCloseTo(0.1, 12);
    expect(out.warnings).toContain('Mål 1: Q2 mangler tallet for b, så perioden tæller ikke med i målets resultat.');
  });
  it('a JSON percent target of 15 is read as 1.500 % and warned about (the goals table warns by row)', async () => {
    const out = await followupCommand({ year: 2025, goals: [{ id: '2.1', name: 'A', measure: 'a / b', target: 15, unit: 'percent' }], data: { Q1: { a: 1, b: 10 } } }, defaultRules);
    expect(out.warnings[0]).toBe('Mål 2.1: target 15 læses som 1.500 %. Mente du 15 %? Skriv 0,15 (en brøkdel).');
    // a target as a fraction gives no such warning
    expect((await followupCommand({ year: 2025, goals: [{ id: '2.1', name: 'A', measure: 'a / b', target: 0.15, unit: 'percent' }], data: { Q1: { a: 1, b: 10 } } }, defaultRules)).warnings).toEqual(
      [],
    );
  });
});

describe('a campaign counts from its own start (issue 21; SPEC followup "start"/"end")', () => {
  // 500 agreements for a campaign from March to December; figures for March (70) and April (65).
  const goal = { id: 'K1', name: 'Aftaler i kampagnen', kind: 'count', measure: 'aftaler', target: 500, unit: 'number' };
  const data = { M01: { aftaler: null }, M02: { aftaler: null }, M03: { aftaler: 70 }, M04: { aftaler: 65 } };

  it('135 after March and April is on track: 500 × 2/10 = 100 expected, not 500 × 4/12 = 166,67', () => {
    const r = followup({ year: 2026, goals: [{ ...goal, start: 'M03', end: 'M12' }], data }).rows[0]!;
    expect(r).toMatchObject({ ytd: 135, expected: 100, status: 'grøn', basis: 'M03–M04', start: 3, end: 12 });
    expect(r.forecast).toBeCloseTo(675, 10); // 135 / (2/10)
    expect(r.statusNote).toBe('135 til dato (M03–M04) mod 100 forventet efter 2 af 10 perioder (mål for M03–M12 500)');
    // Counted from 1 January the same figures look far behind: 135 against 166,67 → rød
    const year = followup({ year: 2026, goals: [goal], data }).rows[0]!;
    expect(year.expected).toBeCloseTo(500 * (4 / 12), 10);
    expect(year.status).toBe('rød');
  });

  it('leaves out what falls outside it, and says when it has not begun', () => {
    const r = followup({ year: 2026, goals: [{ ...goal, start: 'M04' }], data: { ...data, M03: { aftaler: 999 } } }).rows[0]!;
    expect([r.ytd, r.basis]).toEqual([65, 'M04']);
    const later = followup({ year: 2026, goals: [{ ...goal, start: 'M06' }], data }).rows[0]!;
    expect([later.ytd, later.status, later.statusNote]).toEqual([null, null, 'kampagnen begynder M06']);
  });

  it('refuses a start in the wrong kind of period, or an end before the start', () => {
    expect(saldoMessage(() => followup({ year: 2026, goals: [{ ...goal, start: 'Q2' }], data }))).toContain('skal være en måned "M01"–"M12" som data (fik "Q2")');
    expect(saldoMessage(() => followup({ year: 2026, goals: [{ ...goal, start: 'M05', end: 'M03' }], data }))).toContain('ligger før start ("M05")');
  });
});

describe('figures that read right in Danish (issue 21)', () => {
  it('a count goal forecasts whole counts: 666 agreements after 7 of 12 months → 666 × 12/7 = 1.141,71 → 1.142', () => {
    const data = Object.fromEntries([90, 95, 100, 92, 96, 97, 96].map((n, i) => [`M0${i + 1}`, { aftaler: n }]));
    const r = followup({ year: 2026, goals: [{ id: '2', name: 'Aftaler', kind: 'count', measure: 'aftaler', target: 1200 }], data }).rows[0]!;
    expect(r.ytd).toBe(666);
    expect(r.forecast).toBe(1142);
  });
});

describe('months stay months unless quarters are asked for (issue 21)', () => {
  const goal = { id: 'A', name: 'Aftaler', kind: 'count', measure: 'aftaler', target: 1200 };
  const data = { M01: { aftaler: 100 }, M02: { aftaler: 100 }, M03: { aftaler: 100 }, M04: { aftaler: 100 } };
  it('monthly data is shown as months by default, as complete quarters when asked, quarterly data as quarters', () => {
    expect(followup({ year: 2025, goals: [goal], data }).view).toBe('month');
    const asked = followup({ year: 2025, goals: [goal], data, quarters: true });
    expect(asked.view).toBe('quarter');
    // Q1 = 300 from three months; April alone is no 2. kvartal.
    expect(asked.rows[0]!.quarters).toEqual([300, null, null, null]);
    expect(followup({ year: 2025, goals: [goal], data: { Q1: { aftaler: 300 } } }).view).toBe('quarter');
  });
  it('refuses a quarters choice that is not true or false', () => {
    expect(saldoMessage(() => followup({ year: 2025, goals: [goal], data, quarters: 'ja' }))).toContain('skal være true eller false');
  });
});

describe('"Hvad skal der til" on each row (issue 21)', () => {
  const antal = { id: '2.1a', name: 'Antal pristjek', kind: 'count', measure: 'pristjek', target: 12000, amberMargin: 600 };
  const q3 = { Q1: { pristjek: 2750, selvanmeldte: 19800 }, Q2: { pristjek: 3120, selvanmeldte: 20900 }, Q3: { pristjek: 2940, selvanmeldte: 18700 } };
  const lastYear = {
    Q1: { pristjek: 2600, selvanmeldte: 19000 },
    Q2: { pristjek: 2900, selvanmeldte: 20500 },
    Q3: { pristjek: 2500, selvanmeldte: 18000 },
    Q4: { pristjek: 3600, selvanmeldte: 21500 },
  };
  it("a count: 12.000 − 8.810 = 3.190 in Q4; the pace gives 8.810 / 3 = 2.937 (unlikely), last year's strong Q4 gives 8.810 × 3.600 / 8.000 = 3.965 (likely)", () => {
    expect(followup({ year: 2025, goals: [antal], data: q3 }).rows[0]!.needText).toBe(
      'Det resterende kvartal skal give mindst 3.190. Fortsætter det som hidtil, giver det ca. 2.937, så målet nås næppe.',
    );
    const r = followup({ year: 2025, goals: [antal], data: q3, lastYear }).rows[0]!;
    expect(r.need).toMatchObject({ state: 'needed', required: 3190, basis: 'lastYear', likely: true });
    expect(r.needText).toBe('Det resterende kvartal skal give mindst 3.190. Følger året sidste års mønster, giver det ca. 3.965, så målet ser ud til at blive nået.');
  });

  it("a ratio: Q4's selvanmeldte by last year's profile 59.400 × 21.500 / 57.500 = 22.210; Q4 needs (0,15 × 81.610 − 8.810) / 22.210 = 15,45 %; last year's Q4 gave 3.600 / 21.500 = 16,7 %", () => {
    const r = followup({ year: 2025, goals: [kontroltryk], data: q3, lastYear }).rows[0]!;
    expect(r.need!.restDenominator).toBeCloseTo((59400 * 21500) / 57500, 6);
    expect(r.need!.required).toBeCloseTo((0.15 * (59400 + (59400 * 21500) / 57500) - 8810) / ((59400 * 21500) / 57500), 10);
    expect(r.needText).toBe('Det resterende kvartal skal give mindst 15,5 %. Følger året sidste års mønster, giver det ca. 16,7 %, så målet ser ud til at blive nået.');
  });

  it('the March campaign: 500 − 135 = 365 in the 8 months left (45,6 → 46 a month); the pace 135 / 2 × 8 = 540 makes it likely', () => {
    const goal = { id: 'K', name: 'Aftaler i kampagnen', kind: 'count', measure: 'aftaler', target: 500, start: 'M03' };
    const data = { M01: { aftaler: 0 }, M02: { aftaler: 0 }, M03: { aftaler: 60 }, M04: { aftaler: 75 } };
    expect(followup({ year: 2025, goals: [goal], data }).rows[0]!.needText).toBe(
      'De 8 resterende måneder skal give mindst 365 (46 pr. måned). Fortsætter det som hidtil, giver de ca. 540, så målet ser ud til at blive nået.',
    );
  });

  it('says nothing for a goal without a target, a milestone, or a measure whose numerator and denominator cannot be told apart', () => {
    const goals = [
      { id: 'a', name: 'Uden mål', measure: 'pristjek' },
      { id: 'b', name: 'Milepæl', kind: 'milestone', due: 'Q4' },
      { id: 'c', name: 'Udtryk', measure: '(pristjek + 1) / selvanmeldte', target: 0.15 },
    ];
    expect(followup({ year: 2025, goals, data: q3 }).rows.map((r) => [r.need, r.needText])).toEqual([
      [null, ''],
      [null, ''],
      [null, ''],
    ]);
  });

  it('refuses last year in other periods than this year', () => {
    expect(() => followup({ year: 2025, goals: [antal], data: q3, lastYear: { M01: { pristjek: 1 } } })).toThrow(/lastYear skal have samme slags perioder som årets tal \(kvartaler Q1–Q4\)/);
  });
});
