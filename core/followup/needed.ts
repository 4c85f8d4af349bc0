/**
 * "Hvad skal der til" (issue 21): for a goal part-way through its window, what the remaining
 * periods must give for the year to reach the target, and whether last year's seasonal profile
 * (or else the pace so far) makes that likely.
 *
 * The rest's figure is in the unit the goal's rule sums or averages: `sum` the rest's total,
 * `meanOfPeriods` the mean of the rest's period values, `ratioOfSums` the rest's own ratio
 * Σnumerators / Σdenominators. In each rule the year's value grows with the rest's figure, so
 * "the rest must give at least (at most) `required`" is the whole condition.
 *
 * A period inside the elapsed part that is not reported (null; for ratioOfSums a null numerator
 * or denominator) is left out: of the sums and of the count of periods, as the year to date in
 * judge.ts leaves it out. It is not counted as remaining either: the remaining periods are those
 * after `elapsed`, and a mean is then over the reported periods and the remaining ones.
 */
import type { Aggregate, Direction } from './goal.js';
import type { Granularity } from './periods.js';

export interface NeedInput {
  rule: Aggregate;
  direction: Direction;
  target: number;
  /**
   * This year's figures per period of the goal's window (index 0 = the window's first period),
   * null = not reported. sum / meanOfPeriods: the period values. ratioOfSums: the numerators.
   * Figures after `elapsed` are not read: those periods are still to come.
   */
  values: ReadonlyArray<number | null>;
  /** ratioOfSums only: the denominators per period, same length. Without them: 'unknown'. */
  denominators?: ReadonlyArray<number | null> | null;
  /** Periods of the window that have passed (reported up to), clamped to 0…values.length. */
  elapsed: number;
  /** Last year's figures for the same periods, same shape; null or absent when not given. */
  lastYear?: { values: ReadonlyArray<number | null>; denominators?: ReadonlyArray<number | null> | null } | null;
  /**
   * What is known of the values the rest can take: sum a period's value, meanOfPeriods a
   * period's value, ratioOfSums the rest's ratio (max 1 when the numerator is a part of the
   * denominator, as pristjek of selvanmeldte). Defaults: min 0 (counts are not negative), no max.
   */
  bounds?: { min?: number; max?: number } | null;
}

export type NeedState = 'reached' | 'needed' | 'out of reach' | 'over' | 'unknown';

export interface Need {
  rule: Aggregate;
  direction: Direction;
  periodsLeft: number;
  /**
   * 'reached': even the least the rest can give (atMost: the most) keeps the target;
   * 'needed': the rest must give at least (atMost: at most) `required`;
   * 'out of reach': even the best rest within `bounds` cannot make it;
   * 'over': no periods left, `met` says whether the target was met;
   * 'unknown': nothing reported yet, or a ratio without denominators (or a zero one).
   * For ratioOfSums the first three are judged at the estimated `restDenominator`.
   */
  state: NeedState;
  /** What the rest must give (a floor atLeast, a ceiling atMost): sum their total, meanOfPeriods their mean, ratioOfSums their ratio. Null for 'over' and 'unknown'. */
  required: number | null;
  /** sum: `required` per remaining period. */
  perPeriod: number | null;
  /** 'needed' only: what the rest is expected to give, in the unit of `required`. */
  expected: number | null;
  /** 'needed' only: where `expected` (and a ratio's `restDenominator`) comes from. */
  basis: 'lastYear' | 'pace' | null;
  /** 'needed' only: `expected` meets `required` by the direction. */
  likely: boolean | null;
  /** Decided outcomes: true for 'reached', false for 'out of reach', the year's verdict for 'over'; null otherwise. */
  met: boolean | null;
  /** ratioOfSums: the denominator the rest is expected to bring, which `required` rests on. */
  restDenominator: number | null;
}

/** The indexes from…to−1. */
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Σ of `xs` at `indexes`, or null when one of them is not reported (or `xs` is not given). */
function total(xs: ReadonlyArray<number | null> | null | undefined, indexes: readonly number[]): number | null {
  if (!xs) return null;
  let s = 0;
  for (const i of indexes) {
    const x = xs[i];
    if (x === null || x === undefined) return null;
    s += x;
  }
  return s;
}

/** The least and the most a period (ratioOfSums: the rest's ratio) can give; see `NeedInput.bounds`. */
const limits = (input: NeedInput) => ({ min: input.bounds?.min ?? 0, max: input.bounds?.max ?? Infinity });

/** `value` meets `threshold` by `direction`, with a hair of tolerance as in goalStatus (judge.ts). */
function meets(value: number, threshold: number, direction: Direction, tolerance: number): boolean {
  return direction === 'atLeast' ? value >= threshold - tolerance : value <= threshold + tolerance;
}

/** What a rule says about the rest: its need, its possible range, and what is expected of it. */
interface Rest {
  required: number;
  perPeriod: number | null;
  /** The least and the most the rest can give, in the unit of `required`. */
  lo: number;
  hi: number;
  expected: number;
  basis: 'lastYear' | 'pace';
  restDenominator: number | null;
}

/** The rule's view of the figures: the year's value so far, and the rest (asked only when periods are left). */
interface Figures {
  soFar: number;
  rest: () => Rest;
}

/**
 * sum: the rest must give target − Σ so far. Last year's profile scales this year's level:
 * expected = Σ so far × last year's Σ(rest) / last year's Σ(the same reported periods); else the
 * pace, Σ so far / reported periods × periods left.
 * @example 12.000 a year, 5.870 after Q2: the rest must give 6.130.
 */
function sumFigures(input: NeedInput, reported: number[], remaining: number[]): Figures {
  const soFar = total(input.values, reported)!;
  const left = remaining.length;
  const lastEl = total(input.lastYear?.values, reported);
  const lastRest = total(input.lastYear?.values, remaining);
  const { min, max } = limits(input);
  return {
    soFar,
    rest: () => ({
      required: input.target - soFar,
      perPeriod: (input.target - soFar) / left,
      lo: min * left,
      hi: max * left,
      // Volumes differ from year to year: follow last year's shape at this year's level.
      ...(lastEl !== null && lastRest !== null && lastEl > 0
        ? { expected: (soFar * lastRest) / lastEl, basis: 'lastYear' as const }
        : { expected: (soFar / reported.length) * left, basis: 'pace' as const }),
      restDenominator: null,
    }),
  };
}

/**
 * meanOfPeriods: the year is the mean of the k reported and the r remaining period values, so
 * the rest's mean must be (target × (k + r) − Σ so far) / r. Expected: last year's mean over the
 * remaining periods (a rate is compared level to level), else the mean so far.
 */
function meanFigures(input: NeedInput, reported: number[], remaining: number[]): Figures {
  const sum = total(input.values, reported)!;
  const k = reported.length;
  const left = remaining.length;
  const lastRest = total(input.lastYear?.values, remaining);
  const { min, max } = limits(input);
  return {
    soFar: sum / k,
    rest: () => ({
      required: (input.target * (k + left) - sum) / left,
      perPeriod: null,
      lo: min,
      hi: max,
      ...(lastRest !== null ? { expected: lastRest / left, basis: 'lastYear' as const } : { expected: sum / k, basis: 'pace' as const }),
      restDenominator: null,
    }),
  };
}

/**
 * ratioOfSums: the year is (N + Nr) / (D + Dr). Dr is not known yet; it is estimated from last
 * year's profile, D × last year's Σden(rest) / Σden(the same reported periods), else from the
 * pace, D / k × r. The rest's ratio must then be (target × (D + Dr) − N) / Dr. Expected: last
 * year's Σnum(rest) / Σden(rest), else the ratio so far. Last year is used only when it has every
 * figure this needs and neither of its denominator sums is 0.
 * @example kontroltryk 15 %, 5.900 / 41.000 after Q2, pace Dr = 41.000: (0,15 × 82.000 − 5.900) / 41.000 = 15,6 %.
 */
function ratioFigures(input: NeedInput, reported: number[], remaining: number[]): Figures | null {
  const den = input.denominators!;
  const n = total(input.values, reported)!;
  const d = total(den, reported)!;
  if (d <= 0) return null; // 0 / 0 so far: no ratio to build on
  const k = reported.length;
  const left = remaining.length;
  const last = input.lastYear;
  const lastDenEl = total(last?.denominators, reported);
  const lastDenRest = total(last?.denominators, remaining);
  const lastNumRest = total(last?.values, remaining);
  const profile = lastDenEl !== null && lastDenRest !== null && lastNumRest !== null && lastDenEl > 0 && lastDenRest > 0;
  const { min, max } = limits(input);
  return {
    soFar: n / d,
    rest: () => {
      // Volumes scale with this year's level; the rest's ratio is a rate, taken as last year's.
      const restDen = profile ? (d * lastDenRest) / lastDenEl : (d / k) * left;
      return {
        required: (input.target * (d + restDen) - n) / restDen,
        perPeriod: null,
        lo: min,
        hi: max,
        expected: profile ? lastNumRest / lastDenRest : n / d,
        basis: profile ? 'lastYear' : 'pace',
        restDenominator: restDen,
      };
    },
  };
}

/**
 * What the remaining periods of a goal's window need to give to reach its target, and whether
 * that is likely by last year's seasonal profile (or the pace so far). See the module comment
 * for the rules; every figure is worked by hand in test/core/followup/needed.test.ts.
 * @example
 * needed({ rule: 'sum', direction: 'atLeast', target: 12000, values: [2800, 3070, null, null], elapsed: 2,
 *          lastYear: { values: [2500, 3000, 2000, 3500] } })
 * // { state: 'needed', required: 6130, perPeriod: 3065, expected: 5870, basis: 'lastYear', likely: false, … }
 */
export function needed(input: NeedInput): Need {
  const { rule, direction, target } = input;
  const size = input.values.length;
  const elapsed = Math.min(Math.max(0, input.elapsed), size);
  const periodsLeft = size - elapsed;
  const base: Need = { rule, direction, periodsLeft, state: 'unknown', required: null, perPeriod: null, expected: null, basis: null, likely: null, met: null, restDenominator: null };

  const ratio = rule === 'ratioOfSums';
  if (ratio && !input.denominators) return base;
  const reported = range(0, elapsed).filter((i) => input.values[i] != null && (!ratio || input.denominators![i] != null));
  if (reported.length === 0) return base; // nothing to build on, even when the window is over
  const remaining = range(elapsed, size);
  const figures = rule === 'sum' ? sumFigures(input, reported, remaining) : rule === 'meanOfPeriods' ? meanFigures(input, reported, remaining) : ratioFigures(input, reported, remaining);
  if (figures === null) return base;

  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  if (periodsLeft === 0) return { ...base, state: 'over', met: meets(figures.soFar, target, direction, tolerance) };

  const rest = figures.rest();
  const decided = { ...base, required: rest.required, perPeriod: rest.perPeriod, restDenominator: rest.restDenominator };
  // The worst rest (atLeast: the least, atMost: the most) still meeting the need: reached; the best not meeting it: out of reach.
  const worst = direction === 'atLeast' ? rest.lo : rest.hi;
  const best = direction === 'atLeast' ? rest.hi : rest.lo;
  if (meets(worst, rest.required, direction, tolerance)) return { ...decided, state: 'reached', met: true };
  if (!meets(best, rest.required, direction, tolerance)) return { ...decided, state: 'out of reach', met: false };
  return { ...decided, state: 'needed', expected: rest.expected, basis: rest.basis, likely: meets(rest.expected, rest.required, direction, tolerance) };
}

const WORDS: Readonly<Record<Granularity, { one: string; many: string; the: string }>> = {
  quarter: { one: 'kvartal', many: 'kvartaler', the: 'det' },
  month: { one: 'måned', many: 'måneder', the: 'den' },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One plain Danish sentence (or two) for a `Need`, numbers formatted by `show` (judge.ts's
 * `shown(v, unit)`; round a count's figures there).
 * @example neededText(need, (v) => shown(v, 'number'), 'quarter')
 * // 'De 2 resterende kvartaler skal give mindst 6.130 (3.065 pr. kvartal). Følger året sidste års
 * //  mønster, giver de ca. 5.870, så målet nås næppe.'
 */
export function neededText(need: Need, show: (v: number) => string, granularity: Granularity): string {
  const w = WORDS[granularity];
  const r = need.periodsLeft;
  const subject = r === 1 ? `${w.the} resterende ${w.one}` : `de ${r} resterende ${w.many}`;
  const pronoun = r === 1 ? w.the : 'de';
  const onAverage = need.rule === 'meanOfPeriods' && r > 1 ? ' i gennemsnit' : '';
  const perPeriod = need.perPeriod !== null && r > 1 ? ` (${show(need.perPeriod)} pr. ${w.one})` : '';
  switch (need.state) {
    case 'unknown':
      return 'Det kan ikke siges endnu, hvad der skal til: der er for få tal at regne ud fra.';
    case 'over':
      return `Der er ingen perioder tilbage: målet blev${need.met ? '' : ' ikke'} nået.`;
    case 'reached':
      if (need.rule === 'ratioOfSums') return `Målet holder ved det ventede antal, uanset hvad ${subject} giver.`;
      return need.rule === 'sum' && need.direction === 'atLeast' ? 'Målet er nået.' : `Målet er nået, uanset hvad ${subject} giver.`;
    case 'out of reach': {
      const required = need.required!;
      // A total already over its ceiling says so plainly, not as "the rest should give −50".
      if (need.rule === 'sum' && need.direction === 'atMost') return `Målet kan ikke længere nås: det er allerede overskredet med ${show(-required)}.`;
      const why = `${subject} skulle${onAverage} give ${show(required)}${perPeriod}.`;
      return need.rule === 'ratioOfSums' ? `Målet kan ikke nås ved det ventede antal: ${why}` : `Målet kan ikke længere nås: ${why}`;
    }
    case 'needed': {
      // Danish word order: "skal give mindst 6.130" but "må højst give 180".
      const must = need.direction === 'atLeast' ? `skal${onAverage} give mindst` : `må${onAverage} højst give`;
      const first = `${capital(subject)} ${must} ${show(need.required!)}${perPeriod}.`;
      const source = need.basis === 'lastYear' ? 'Følger året sidste års mønster' : 'Fortsætter det som hidtil';
      const verdict = need.likely ? 'så målet ser ud til at blive nået' : 'så målet nås næppe';
      return `${first} ${source}, giver ${pronoun}${onAverage} ca. ${show(need.expected!)}, ${verdict}.`;
    }
  }
}
