/**
 * Sample-based goals (korrekthed from stikprøver, træfprocent): a rate found in a sample of n
 * carries a confidence interval, so a status can only say what the sample can tell. The Wilson
 * score interval is used because these rates sit near 0 % or 100 % (99 % korrekthed), where the
 * plain normal interval runs past 100 % and is too narrow.
 */
import type { Direction, Status } from './goal.js';

/** 95 % two-sided. */
export const Z95 = 1.959963984540054;

export interface SampleInterval {
  /** The rate found: successes / n. */
  rate: number;
  low: number;
  high: number;
  n: number;
}

/**
 * The Wilson score interval of a rate found in a sample of `n`.
 * @example wilson(0.99, 1000) // { low: 0.9817…, high: 0.9946… }
 */
export function wilson(rate: number, n: number, z = Z95): SampleInterval {
  const z2n = (z * z) / n;
  const centre = (rate + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((rate * (1 - rate)) / n + z2n / (4 * n))) / (1 + z2n);
  return { rate, n, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * rød/gul/grøn by what the sample can tell: grøn when the whole interval meets the target, rød
 * when none of it does, gul when the target lies inside it (the sample cannot tell them apart).
 */
export function sampleStatus(interval: SampleInterval, target: number, direction: Direction): Status {
  const [good, bad] = direction === 'atLeast' ? [interval.low >= target, interval.high < target] : [interval.high <= target, interval.low > target];
  return good ? 'grøn' : bad ? 'rød' : 'gul';
}

/** Beyond this a sample cannot be the answer: the rate sits on the target. */
export const MAX_SAMPLE = 1_000_000;

/**
 * The smallest sample in which a rate of `rate` would be told apart from `target` (its Wilson
 * interval no longer holds the target), or null when no sample up to MAX_SAMPLE would do: the
 * rate is the target, or too close to it. The interval narrows as n grows, so a search halves.
 */
export function sampleSizeToTell(rate: number, target: number): number | null {
  const apart = (n: number) => {
    const { low, high } = wilson(rate, n);
    return rate >= target ? low > target : high < target;
  };
  if (rate === target || !apart(MAX_SAMPLE)) return null;
  let [lo, hi] = [1, MAX_SAMPLE];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (apart(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
