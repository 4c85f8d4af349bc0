import { describe, expect, it } from 'vitest';
import { followup } from '../../../core/followup/followup.js';
import { sampleSizeToTell, sampleStatus, wilson } from '../../../core/followup/sample.js';

// Expected intervals worked with the Wilson score formula, z = 1,96 (95 %), by a separate script:
// centre = (p + z²/2n) / (1 + z²/n); half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
describe('the Wilson interval of a rate found in a sample', () => {
  it('99 % in 1.000 samples: 98,17 %–99,46 % (asymmetric near 100 %: the plain normal interval would be 98,38–99,62)', () => {
    const i = wilson(0.99, 1000);
    expect(i.low).toBeCloseTo(0.981691, 5);
    expect(i.high).toBeCloseTo(0.994559, 5);
  });

  it('never runs past 0 % or 100 %: 10 of 10 gives 72,2 %–100 %', () => {
    // p = 1, n = 10: centre = (1 + 0,19208) / 1,38416 = 0,86122; half = 1,96·√(0,0096040) / 1,38416 = 0,13877.
    const i = wilson(1, 10);
    expect(i.low).toBeCloseTo(0.72246, 4);
    expect(i.high).toBeCloseTo(1, 12); // exactly 1 on paper
    expect(i.high).toBeLessThanOrEqual(1);
  });

  it('grøn when the whole interval meets the target, rød when none of it does, gul when the target is inside; atMost mirrors', () => {
    const i = { rate: 0.5, low: 0.4, high: 0.6, n: 100 };
    expect([sampleStatus(i, 0.4, 'atLeast'), sampleStatus(i, 0.5, 'atLeast'), sampleStatus(i, 0.61, 'atLeast')]).toEqual(['grøn', 'gul', 'rød']);
    expect([sampleStatus(i, 0.6, 'atMost'), sampleStatus(i, 0.5, 'atMost'), sampleStatus(i, 0.39, 'atMost')]).toEqual(['grøn', 'gul', 'rød']);
  });

  it('the sample size that tells a rate from the target is the first n whose interval leaves it out', () => {
    // 99,5 % against 99 %: by the script 1.522 (the normal approximation z²p(1−p)/(p−t)² says 764, too few near 100 %).
    const n = sampleSizeToTell(0.995, 0.99)!;
    expect(n).toBe(1522);
    expect(wilson(0.995, n).low).toBeGreaterThan(0.99);
    expect(wilson(0.995, n - 1).low).toBeLessThanOrEqual(0.99);
    // Below the target it is the upper end that must pass under it.
    const m = sampleSizeToTell(0.93, 0.95)!;
    expect(wilson(0.93, m).high).toBeLessThan(0.95);
    expect(wilson(0.93, m - 1).high).toBeGreaterThanOrEqual(0.95);
    expect(sampleSizeToTell(0.95, 0.95)).toBeNull();
  });
});

// Goal 2.3 of the 2025 plan (seeds/002): at least 99 % of the stikprøver without errors.
const goal23 = {
  id: '2.3',
  name: 'Høj korrekthed ved værdifastsættelse',
  measure: 'uden_fejl / stikprøver',
  target: 0.99,
  amberMargin: 0.01,
  unit: 'percent',
  sample: 'stikprøver',
};
const data = { Q1: { uden_fejl: 640, stikprøver: 650 }, Q2: { uden_fejl: 655, stikprøver: 660 }, Q3: { uden_fejl: 648, stikprøver: 651 } };

describe('a sample-based goal carries its interval (issue 21)', () => {
  it('1.943 of 1.961 = 99,08 % is above 99 %, but its interval 98,55–99,42 % holds the target: gul, with the samples needed', () => {
    const r = followup({ year: 2025, goals: [goal23], data }).rows[0]!;
    expect(r.ytd).toBeCloseTo(1943 / 1961, 12);
    expect(r.interval!.n).toBe(1961);
    expect(r.interval!.low).toBeCloseTo(0.985537, 5);
    expect(r.interval!.high).toBeCloseTo(0.994186, 5);
    expect(r.status).toBe('gul');
    // By the script: 56.421 samples in all would tell 99,08 % from 99 %; 56.421 − 1.961 = 54.460 more.
    expect(r.sampleMore).toBe(54460);
    expect(r.statusNote).toBe(
      '99,1 % år til dato (Q1–Q3); 95 %-interval 98,6–99,4 % ud fra 1.961 stikprøver: kan ikke skelnes fra målet 99,0 %; for at skelne 99,1 % fra målet skal der i alt være ca. 56.421 stikprøver, 54.460 flere i næste periode',
    );
  });

  it('990 of 1.000 against 95 % is grøn (98,17 % is the lowest it could be); 900 of 1.000 is rød (at most 91,71 %)', () => {
    const run = (ok: number) => followup({ year: 2025, goals: [{ ...goal23, target: 0.95 }], data: { Q1: { uden_fejl: ok, stikprøver: 1000 } } }).rows[0]!;
    expect([run(990).status, run(990).sampleMore]).toEqual(['grøn', 0]);
    expect(run(990).statusNote).toContain('målet 95,0 % er nået');
    expect([run(900).status, run(900).statusNote]).toEqual(['rød', '90,0 % år til dato (Q1); 95 %-interval 88,0–91,7 % ud fra 1.000 stikprøver: målet 95,0 % er ikke nået']);
  });

  it('the margin would have said grøn for 99,08 % ≥ 99 %; without "sample" the goal is judged on the margin as before', () => {
    const { sample: _, ...plain } = goal23;
    expect(followup({ year: 2025, goals: [plain], data }).rows[0]!.status).toBe('grøn');
  });

  it('needs the rate to be a ratio of sums', () => {
    expect(() => followup({ year: 2025, goals: [{ ...goal23, aggregate: 'meanOfPeriods' }], data })).toThrow(/et stikprøvemål skal være fejlfri \/ stikprøver/);
  });
});
