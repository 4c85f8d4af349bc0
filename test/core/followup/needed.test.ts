import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needed, neededText, type Need, type NeedInput } from '../../../core/followup/needed.js';
import { shown, yearToDate } from '../../../core/followup/judge.js';

const count = (v: number) => shown(v, 'number');
const percent = (v: number) => shown(v, 'percent');
const _ = null;

/** Only the fields a test is about; the rest of the Need is checked where it matters. */
const pick = (need: Need, ...keys: Array<keyof Need>) => Object.fromEntries(keys.map((k) => [k, need[k]]));

describe('sum (a count goal): the rest must give target − Σ so far', () => {
  const pristjek = { rule: 'sum', direction: 'atLeast', target: 12000, values: [2800, 3070, _, _], elapsed: 2 } satisfies NeedInput;

  it('12.000 a year, 5.870 after Q2, last year 2.500/3.000/2.000/3.500: 6.130 needed, the profile gives 5.870 – unlikely', () => {
    const need = needed({ ...pristjek, lastYear: { values: [2500, 3000, 2000, 3500] } });
    // required 12.000 − (2.800 + 3.070) = 6.130, per quarter 6.130 / 2 = 3.065;
    // last year's rest / elapsed = (2.000 + 3.500) / (2.500 + 3.000) = 5.500 / 5.500 = 1 → expected 5.870 × 1 = 5.870 < 6.130.
    expect(need).toEqual({
      rule: 'sum',
      direction: 'atLeast',
      periodsLeft: 2,
      state: 'needed',
      required: 6130,
      perPeriod: 3065,
      expected: 5870,
      basis: 'lastYear',
      likely: false,
      met: null,
      restDenominator: null,
    });
    expect(neededText(need, count, 'quarter')).toBe('De 2 resterende kvartaler skal give mindst 6.130 (3.065 pr. kvartal). Følger året sidste års mønster, giver de ca. 5.870, så målet nås næppe.');
  });

  it("last year's shape at this year's level: a strong second half last year makes 6.130 likely where the pace does not", () => {
    const need = needed({ ...pristjek, lastYear: { values: [2000, 3000, 3000, 4000] } });
    // rest / elapsed last year = (3.000 + 4.000) / (2.000 + 3.000) = 1,4 → expected 5.870 × 1,4 = 8.218 ≥ 6.130.
    expect(need.expected).toBeCloseTo(8218, 9);
    expect(pick(need, 'basis', 'likely')).toEqual({ basis: 'lastYear', likely: true });
    expect(neededText(need, count, 'quarter')).toBe(
      'De 2 resterende kvartaler skal give mindst 6.130 (3.065 pr. kvartal). Følger året sidste års mønster, giver de ca. 8.218, så målet ser ud til at blive nået.',
    );
  });

  it('without last year, or with a figure of it missing or a zero start, the pace decides: 5.870 / 2 × 2 = 5.870', () => {
    const pace = { expected: 5870, basis: 'pace', likely: false };
    expect(pick(needed(pristjek), 'expected', 'basis', 'likely')).toEqual(pace);
    expect(pick(needed({ ...pristjek, lastYear: null }), 'expected', 'basis', 'likely')).toEqual(pace);
    expect(pick(needed({ ...pristjek, lastYear: { values: [2000, _, 3000, 4000] } }), 'expected', 'basis', 'likely')).toEqual(pace); // Q2 elapsed, not reported
    expect(pick(needed({ ...pristjek, lastYear: { values: [2000, 3000, 3000, _] } }), 'expected', 'basis', 'likely')).toEqual(pace); // Q4 remaining, not reported
    expect(pick(needed({ ...pristjek, lastYear: { values: [0, 0, 3000, 4000] } }), 'expected', 'basis', 'likely')).toEqual(pace); // 7.000 / 0 scales nothing
    expect(neededText(needed(pristjek), count, 'quarter')).toBe(
      'De 2 resterende kvartaler skal give mindst 6.130 (3.065 pr. kvartal). Fortsætter det som hidtil, giver de ca. 5.870, så målet nås næppe.',
    );
  });

  it('an unreported quarter inside the elapsed part counts neither in the sum nor in the periods, this year or last', () => {
    const input = { rule: 'sum', direction: 'atLeast', target: 12000, values: [2800, _, 3100, _], elapsed: 3 } satisfies NeedInput;
    // Q1 + Q3 = 5.900 from 2 reported quarters; required 12.000 − 5.900 = 6.100 from Q4 alone; pace 5.900 / 2 × 1 = 2.950.
    const need = needed(input);
    expect(pick(need, 'state', 'periodsLeft', 'required', 'perPeriod', 'expected', 'basis', 'likely')).toEqual({
      state: 'needed',
      periodsLeft: 1,
      required: 6100,
      perPeriod: 6100,
      expected: 2950,
      basis: 'pace',
      likely: false,
    });
    expect(neededText(need, count, 'quarter')).toBe('Det resterende kvartal skal give mindst 6.100. Fortsætter det som hidtil, giver det ca. 2.950, så målet nås næppe.');
    // Last year compared on the same quarters, Q1 + Q3 = 2.000 + 3.000 = 5.000, its Q2 unused (even unreported):
    // expected 5.900 × 4.000 / 5.000 = 4.720.
    const profiled = needed({ ...input, lastYear: { values: [2000, _, 3000, 4000] } });
    expect(profiled.expected).toBeCloseTo(4720, 9);
    expect(profiled.basis).toBe('lastYear');
  });

  it('a campaign M03–M12 (10 months): 330 after 4 months of 1.000, last year 300 then 500 → ca. 550 of 670', () => {
    const need = needed({
      rule: 'sum',
      direction: 'atLeast',
      target: 1000,
      values: [60, 80, 100, 90, _, _, _, _, _, _],
      elapsed: 4,
      lastYear: { values: [50, 70, 90, 90, 60, 40, 100, 110, 120, 70] },
    });
    // 60 + 80 + 100 + 90 = 330; required 670 over 6 months = 111,67; last year 50 + 70 + 90 + 90 = 300 then
    // 60 + 40 + 100 + 110 + 120 + 70 = 500 → expected 330 × 500 / 300 = 550 < 670.
    expect(need.required).toBe(670);
    expect(need.perPeriod).toBeCloseTo(670 / 6, 12);
    expect(need.expected).toBeCloseTo(550, 9);
    expect(need.likely).toBe(false);
    expect(neededText(need, count, 'month')).toBe('De 6 resterende måneder skal give mindst 670 (111,67 pr. måned). Følger året sidste års mønster, giver de ca. 550, så målet nås næppe.');
  });

  it('reached once the count is at the target (counts do not go down); over when no period is left', () => {
    const reached = needed({ ...pristjek, values: [7000, 5500, _, _] }); // 12.000 − 12.500 = −500
    expect(pick(reached, 'state', 'met', 'required', 'perPeriod', 'expected', 'likely')).toEqual({ state: 'reached', met: true, required: -500, perPeriod: -250, expected: null, likely: null });
    expect(neededText(reached, count, 'quarter')).toBe('Målet er nået.');
    expect(needed({ ...pristjek, values: [6000, 6000, _, _] }).state).toBe('reached'); // exactly 12.000

    const short = needed({ ...pristjek, values: [3000, 3000, 3000, 2900], elapsed: 4 }); // 11.900 < 12.000
    expect(pick(short, 'state', 'met', 'periodsLeft', 'required')).toEqual({ state: 'over', met: false, periodsLeft: 0, required: null });
    expect(neededText(short, count, 'quarter')).toBe('Der er ingen perioder tilbage: målet blev ikke nået.');
    const made = needed({ ...pristjek, values: [3000, 3000, 3000, 3000], elapsed: 4 }); // 12.000
    expect(neededText(made, count, 'quarter')).toBe('Der er ingen perioder tilbage: målet blev nået.');
    expect(needed({ ...pristjek, values: [3000, 3000, 3000, 3000], elapsed: 7 }).state).toBe('over'); // elapsed beyond the window: clamped to 4
  });

  it('out of reach only when a most per period is known: 10.000 needed, at most 2 × 2.500', () => {
    const input = { ...pristjek, values: [1000, 1000, _, _], bounds: { max: 2500 } };
    const need = needed(input); // 12.000 − 2.000 = 10.000 > 2.500 × 2 = 5.000
    expect(pick(need, 'state', 'met', 'required')).toEqual({ state: 'out of reach', met: false, required: 10000 });
    expect(neededText(need, count, 'quarter')).toBe('Målet kan ikke længere nås: de 2 resterende kvartaler skulle give 10.000 (5.000 pr. kvartal).');
    expect(needed({ ...input, bounds: null }).state).toBe('needed'); // without a most: a pace that cannot do it, but no proof
  });
});

describe('sum atMost: a ceiling on the total', () => {
  const klager = { rule: 'sum', direction: 'atMost', target: 400, values: [90, 130, _, _], elapsed: 2 } satisfies NeedInput;

  it('at most 400 complaints, 220 after Q2: the rest may give at most 180, the pace gives 220 – unlikely', () => {
    const need = needed(klager); // 400 − 220 = 180, 90 per quarter; pace 220 / 2 × 2 = 220 > 180
    expect(pick(need, 'state', 'required', 'perPeriod', 'expected', 'basis', 'likely')).toEqual({ state: 'needed', required: 180, perPeriod: 90, expected: 220, basis: 'pace', likely: false });
    expect(neededText(need, count, 'quarter')).toBe('De 2 resterende kvartaler må højst give 180 (90 pr. kvartal). Fortsætter det som hidtil, giver de ca. 220, så målet nås næppe.');
  });

  it('never reached before the end while a period can bring any number: 0 so far still leaves 400 as the ceiling', () => {
    const need = needed({ ...klager, values: [0, 0, _, _] }); // 400 − 0 = 400; pace 0 / 2 × 2 = 0 ≤ 400
    expect(pick(need, 'state', 'required', 'expected', 'likely')).toEqual({ state: 'needed', required: 400, expected: 0, likely: true });
    expect(neededText(need, count, 'quarter')).toBe('De 2 resterende kvartaler må højst give 400 (200 pr. kvartal). Fortsætter det som hidtil, giver de ca. 0, så målet ser ud til at blive nået.');
  });

  it('reached when even the most per period keeps under: 90 so far, 310 allowed, at most 2 × 150 = 300 can come', () => {
    const need = needed({ ...klager, values: [50, 40, _, _], bounds: { max: 150 } });
    expect(pick(need, 'state', 'met', 'required')).toEqual({ state: 'reached', met: true, required: 310 });
    expect(neededText(need, count, 'quarter')).toBe('Målet er nået, uanset hvad de 2 resterende kvartaler giver.');
  });

  it('out of reach once the ceiling is passed: 250 + 200 = 450 > 400', () => {
    const need = needed({ ...klager, values: [250, 200, _, _] }); // required 400 − 450 = −50 < 0
    expect(pick(need, 'state', 'met', 'required')).toEqual({ state: 'out of reach', met: false, required: -50 });
    expect(neededText(need, count, 'quarter')).toBe('Målet kan ikke længere nås: det er allerede overskredet med 50.');
  });
});

describe('meanOfPeriods: the rest must average (target × (k + r) − Σ so far) / r', () => {
  // Inddrivelsesprocent, monthly, target at least 100.
  const indd = { rule: 'meanOfPeriods', direction: 'atLeast', target: 100, values: [96, 98, 101, 97, _, _, _, _, _, _, _, _], elapsed: 4 } satisfies NeedInput;

  it('96, 98, 101, 97 after April: the 8 months left must average 101; the mean so far is 98 – unlikely', () => {
    const need = needed(indd); // (100 × 12 − 392) / 8 = 808 / 8 = 101; pace: 392 / 4 = 98 < 101
    expect(pick(need, 'state', 'required', 'perPeriod', 'expected', 'basis', 'likely')).toEqual({ state: 'needed', required: 101, perPeriod: null, expected: 98, basis: 'pace', likely: false });
    expect(neededText(need, count, 'month')).toBe('De 8 resterende måneder skal i gennemsnit give mindst 101. Fortsætter det som hidtil, giver de i gennemsnit ca. 98, så målet nås næppe.');
  });

  it("last year's remaining months at their own level: 102, 99, 103, 104, 100, 101, 102, 105 average 102 – likely", () => {
    // Only the remaining months are used, so last year's unreported spring does not matter. Σ = 816, / 8 = 102 ≥ 101.
    const need = needed({ ...indd, lastYear: { values: [_, _, _, _, 102, 99, 103, 104, 100, 101, 102, 105] } });
    expect(pick(need, 'expected', 'basis', 'likely')).toEqual({ expected: 102, basis: 'lastYear', likely: true });
    expect(neededText(need, count, 'month')).toBe(
      'De 8 resterende måneder skal i gennemsnit give mindst 101. Følger året sidste års mønster, giver de i gennemsnit ca. 102, så målet ser ud til at blive nået.',
    );
    // One remaining month missing last year: no profile.
    expect(needed({ ...indd, lastYear: { values: [_, _, _, _, 102, 99, 103, 104, 100, 101, 102, _] } }).basis).toBe('pace');
  });

  it('an unreported February is left out of the mean: (100 × 11 − 294) / 8 = 100,75', () => {
    const need = needed({ ...indd, values: [96, _, 101, 97, _, _, _, _, _, _, _, _] });
    // 3 reported months (96 + 101 + 97 = 294) and 8 to come make a mean over 11; the mean so far 294 / 3 = 98.
    expect(need.required).toBeCloseTo(100.75, 12);
    expect(need.expected).toBeCloseTo(98, 12);
  });

  it('atMost: sagsbehandlingstid at most 30 days, 35, 32, 28 so far: the 9 months left at most 29,44 on average', () => {
    const need = needed({ rule: 'meanOfPeriods', direction: 'atMost', target: 30, values: [35, 32, 28, _, _, _, _, _, _, _, _, _], elapsed: 3 });
    // (30 × 12 − 95) / 9 = 265 / 9 = 29,44…; pace 95 / 3 = 31,67 > 29,44.
    expect(need.required).toBeCloseTo(265 / 9, 12);
    expect(need.expected).toBeCloseTo(95 / 3, 12);
    expect(need.likely).toBe(false);
    expect(neededText(need, count, 'month')).toBe('De 9 resterende måneder må i gennemsnit højst give 29,44. Fortsætter det som hidtil, giver de i gennemsnit ca. 31,67, så målet nås næppe.');
  });

  it('atMost out of reach when the rest would need a negative mean: at most 10, 30 + 20 + 0 so far → (40 − 50) / 1 = −10', () => {
    const need = needed({ rule: 'meanOfPeriods', direction: 'atMost', target: 10, values: [30, 20, 0, _], elapsed: 3 });
    expect(pick(need, 'state', 'met', 'required')).toEqual({ state: 'out of reach', met: false, required: -10 });
    expect(neededText(need, count, 'quarter')).toBe('Målet kan ikke længere nås: det resterende kvartal skulle give -10.');
  });

  it('a share per quarter (bounds 0–1), at least 50 %: 1, 1, 1 → reached (needs −100 %); 0, 0, 0 → out of reach (needs 200 %)', () => {
    const share = { rule: 'meanOfPeriods', direction: 'atLeast', target: 0.5, elapsed: 3, bounds: { min: 0, max: 1 } } satisfies Omit<NeedInput, 'values'>;
    const high = needed({ ...share, values: [1, 1, 1, _] }); // (0,5 × 4 − 3) / 1 = −1 ≤ 0
    expect(pick(high, 'state', 'required')).toEqual({ state: 'reached', required: -1 });
    expect(neededText(high, percent, 'quarter')).toBe('Målet er nået, uanset hvad det resterende kvartal giver.');
    const low = needed({ ...share, values: [0, 0, 0, _] }); // (0,5 × 4 − 0) / 1 = 2 > 1
    expect(pick(low, 'state', 'required')).toEqual({ state: 'out of reach', required: 2 });
    expect(neededText(low, percent, 'quarter')).toBe('Målet kan ikke længere nås: det resterende kvartal skulle give 200,0 %.');
  });

  it('over: 100, 102, 98, 101 average 100,25 ≥ 100', () => {
    expect(pick(needed({ ...indd, values: [100, 102, 98, 101], elapsed: 4 }), 'state', 'met')).toEqual({ state: 'over', met: true });
  });
});

describe('ratioOfSums: the rest ratio (target × (D + Dr) − N) / Dr at an estimated rest denominator Dr', () => {
  const kontroltryk = { rule: 'ratioOfSums', direction: 'atLeast', target: 0.15, values: [2800, 3100, _, _], denominators: [20000, 21000, _, _], elapsed: 2 } satisfies NeedInput;

  it('kontroltryk 15 %, 5.900 / 41.000 after Q2, pace Dr = 41.000: the rest must give 15,6 %, the pace gives 14,4 %', () => {
    const need = needed(kontroltryk);
    // Dr = 41.000 / 2 × 2 = 41.000; (0,15 × 82.000 − 5.900) / 41.000 = 6.400 / 41.000 = 0,15610; expected 5.900 / 41.000 = 0,14390.
    expect(need.required).toBeCloseTo(6400 / 41000, 12);
    expect(need.expected).toBeCloseTo(5900 / 41000, 12);
    expect(pick(need, 'state', 'basis', 'likely', 'restDenominator', 'perPeriod')).toEqual({ state: 'needed', basis: 'pace', likely: false, restDenominator: 41000, perPeriod: null });
    expect(neededText(need, percent, 'quarter')).toBe('De 2 resterende kvartaler skal give mindst 15,6 %. Fortsætter det som hidtil, giver de ca. 14,4 %, så målet nås næppe.');
  });

  it("last year's profile: fewer selvanmeldte in H2 (30.000 after 40.000) and 16,3 % checked – likely", () => {
    const last = { values: [_, _, 2600, 2300], denominators: [18000, 22000, 16000, 14000] };
    const need = needed({ ...kontroltryk, lastYear: last });
    // Dr = 41.000 × (16.000 + 14.000) / (18.000 + 22.000) = 41.000 × 0,75 = 30.750;
    // required (0,15 × 71.750 − 5.900) / 30.750 = (10.762,5 − 5.900) / 30.750 = 4.862,5 / 30.750 = 0,15813;
    // expected (2.600 + 2.300) / 30.000 = 0,16333 ≥ 0,15813. Last year's Q1–Q2 numerators are not used.
    expect(need.restDenominator).toBeCloseTo(30750, 9);
    expect(need.required).toBeCloseTo(4862.5 / 30750, 12);
    expect(need.expected).toBeCloseTo(4900 / 30000, 12);
    expect(pick(need, 'basis', 'likely')).toEqual({ basis: 'lastYear', likely: true });
    expect(neededText(need, percent, 'quarter')).toBe('De 2 resterende kvartaler skal give mindst 15,8 %. Følger året sidste års mønster, giver de ca. 16,3 %, så målet ser ud til at blive nået.');
    // Without last year's denominators, or with one of its remaining figures missing: the pace.
    expect(needed({ ...kontroltryk, lastYear: { values: last.values } }).basis).toBe('pace');
    expect(needed({ ...kontroltryk, lastYear: { ...last, values: [_, _, 2600, _] } }).basis).toBe('pace');
    expect(needed({ ...kontroltryk, lastYear: { ...last, denominators: [18000, 22000, 0, 0] } }).basis).toBe('pace'); // no volume to come: no rest ratio
  });

  it('out of reach past 100 % when the numerator is a part of the denominator (bounds max 1): 35 % after 10 % for three quarters', () => {
    const input = {
      rule: 'ratioOfSums',
      direction: 'atLeast',
      target: 0.35,
      values: [1000, 1000, 1000, _],
      denominators: [10000, 10000, 10000, _],
      elapsed: 3,
      bounds: { max: 1 },
    } satisfies NeedInput;
    // Dr = 30.000 / 3 × 1 = 10.000; (0,35 × 40.000 − 3.000) / 10.000 = 11.000 / 10.000 = 1,1 > 1.
    const need = needed(input);
    expect(pick(need, 'state', 'met')).toEqual({ state: 'out of reach', met: false });
    expect(need.required).toBeCloseTo(1.1, 12);
    expect(neededText(need, percent, 'quarter')).toBe('Målet kan ikke nås ved det ventede antal: det resterende kvartal skulle give 110,0 %.');
    // 30 %: (0,3 × 40.000 − 3.000) / 10.000 = 0,9 ≤ 1, still possible (the pace, 10 %, says unlikely).
    expect(pick(needed({ ...input, target: 0.3 }), 'state', 'likely')).toEqual({ state: 'needed', likely: false });
    // Without the bound nothing says a ratio stops at 100 %.
    expect(needed({ ...input, bounds: null }).state).toBe('needed');
  });

  it('reached at the expected volume: 13.000 of 40.000 already covers 15 % of 80.000', () => {
    const need = needed({ ...kontroltryk, values: [6500, 6500, _, _], denominators: [20000, 20000, _, _] });
    // Dr = 40.000; (0,15 × 80.000 − 13.000) / 40.000 = −1.000 / 40.000 = −0,025 ≤ 0.
    expect(pick(need, 'state', 'met', 'required')).toEqual({ state: 'reached', met: true, required: -0.025 });
    expect(neededText(need, percent, 'quarter')).toBe('Målet holder ved det ventede antal, uanset hvad de 2 resterende kvartaler giver.');
  });

  it('atMost: a 5 % error rate, 300 of 4.000 after Q2 (7,5 %): at most 2,5 % for the rest; 500 of 4.000 is out of reach', () => {
    const fejl = { rule: 'ratioOfSums', direction: 'atMost', target: 0.05, values: [150, 150, _, _], denominators: [2000, 2000, _, _], elapsed: 2 } satisfies NeedInput;
    const need = needed(fejl); // Dr = 4.000; (0,05 × 8.000 − 300) / 4.000 = 100 / 4.000 = 0,025; pace 300 / 4.000 = 0,075 > 0,025
    expect(need.required).toBeCloseTo(0.025, 12);
    expect(pick(need, 'state', 'expected', 'likely')).toEqual({ state: 'needed', expected: 0.075, likely: false });
    expect(neededText(need, percent, 'quarter')).toBe('De 2 resterende kvartaler må højst give 2,5 %. Fortsætter det som hidtil, giver de ca. 7,5 %, så målet nås næppe.');
    const over = needed({ ...fejl, values: [250, 250, _, _] }); // (400 − 500) / 4.000 = −0,025 < 0
    expect(pick(over, 'state', 'met', 'required')).toEqual({ state: 'out of reach', met: false, required: -0.025 });
    expect(neededText(over, percent, 'quarter')).toBe('Målet kan ikke nås ved det ventede antal: de 2 resterende kvartaler skulle give -2,5 %.');
  });

  it('over: 12.100 / 80.000 = 15,125 % ≥ 15 %', () => {
    const need = needed({ ...kontroltryk, values: [2800, 3100, 3000, 3200], denominators: [20000, 21000, 20000, 19000], elapsed: 4 });
    expect(pick(need, 'state', 'met')).toEqual({ state: 'over', met: true });
  });

  it('unknown without denominators, with only zero denominators, or when no quarter has both figures', () => {
    expect(needed({ ...kontroltryk, denominators: undefined }).state).toBe('unknown');
    expect(needed({ ...kontroltryk, denominators: [0, 0, _, _] }).state).toBe('unknown'); // 5.900 / 0
    expect(needed({ ...kontroltryk, denominators: [_, _, _, _] }).state).toBe('unknown');
  });
});

describe('unknown: nothing to build on', () => {
  const none = { rule: 'sum', direction: 'atLeast', target: 12000, values: [_, _, _, _], elapsed: 2 } satisfies NeedInput;

  it('no quarter reported yet, before the window starts, or after it ends without a figure', () => {
    const need = needed(none);
    expect(need).toEqual({
      rule: 'sum',
      direction: 'atLeast',
      periodsLeft: 2,
      state: 'unknown',
      required: null,
      perPeriod: null,
      expected: null,
      basis: null,
      likely: null,
      met: null,
      restDenominator: null,
    });
    expect(needed({ ...none, elapsed: 0 }).periodsLeft).toBe(4);
    expect(needed({ ...none, elapsed: 0 }).state).toBe('unknown');
    expect(needed({ ...none, elapsed: 4 }).state).toBe('unknown'); // no verdict on a year without figures
    expect(neededText(need, count, 'quarter')).toBe('Det kan ikke siges endnu, hvad der skal til: der er for få tal at regne ud fra.');
  });
});

describe("required is exactly what brings the year to the target by judge.ts's own year to date", () => {
  // Fill the remaining periods with what `needed` asks and let yearToDate (the follow-up's ÅRTILDATO) judge the year.
  const reported = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 5000 }));
  const setup = fc.record({ size: fc.constantFrom(4, 12), seed: fc.array(reported, { minLength: 12, maxLength: 12 }), elapsedShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }) });

  it('sum: the rest at perPeriod each', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 60000 }), ({ size, seed, elapsedShare }, target) => {
        const elapsed = Math.max(1, Math.min(size - 1, Math.round(size * elapsedShare)));
        const values = seed.slice(0, size).map((v, i) => (i < elapsed ? v : null));
        const need = needed({ rule: 'sum', direction: 'atLeast', target, values, elapsed, bounds: { min: -Infinity } });
        if (need.state === 'unknown') return values.every((v) => v === null);
        const year = values.map((v, i) => (i < elapsed ? v : need.perPeriod!));
        return Math.abs(yearToDate(year, null, 'sum')! - target) < 1e-6;
      }),
    );
  });

  it('meanOfPeriods: the rest at required each, an unreported period left out as yearToDate leaves it out', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 5000 }), ({ size, seed, elapsedShare }, target) => {
        const elapsed = Math.max(1, Math.min(size - 1, Math.round(size * elapsedShare)));
        const values = seed.slice(0, size).map((v, i) => (i < elapsed ? v : null));
        const need = needed({ rule: 'meanOfPeriods', direction: 'atLeast', target, values, elapsed, bounds: { min: -Infinity } });
        if (need.state === 'unknown') return values.every((v) => v === null);
        const year = values.map((v, i) => (i < elapsed ? v : need.required!));
        return Math.abs(yearToDate(year, null, 'meanOfPeriods')! - target) < 1e-6;
      }),
    );
  });

  it('ratioOfSums: the rest bringing restDenominator at the required ratio', () => {
    fc.assert(
      fc.property(setup, fc.double({ min: 0.01, max: 0.5, noNaN: true }), ({ size, seed, elapsedShare }, target) => {
        const elapsed = Math.max(1, Math.min(size - 1, Math.round(size * elapsedShare)));
        const numerators = seed.slice(0, size).map((v, i) => (i < elapsed && v !== null ? Math.floor(v / 10) : null));
        const denominators = seed.slice(0, size).map((v, i) => (i < elapsed ? v : null));
        const need = needed({ rule: 'ratioOfSums', direction: 'atLeast', target, values: numerators, denominators, elapsed, bounds: { min: -Infinity } });
        if (need.state === 'unknown') return denominators.every((v) => v === null);
        const left = size - elapsed;
        const restDen = need.restDenominator! / left;
        const year = (xs: Array<number | null>, rest: number) => xs.map((v, i) => (i < elapsed ? v : rest));
        return Math.abs(yearToDate(year(numerators, need.required! * restDen), year(denominators, restDen), 'ratioOfSums')! - target) < 1e-9;
      }),
    );
  });
});
