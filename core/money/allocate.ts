import { ore, type Ore } from './ore.js';

/**
 * Splits `total` into shares proportional to `ratios` without losing an øre: each share is
 * rounded toward zero, and the remainder is handed out one øre at a time from the first share
 * on (dinero.js's rule). The shares always sum to `total`.
 * @example allocate(ore(100), [1, 1, 1]) // [34, 33, 33]
 */
export function allocate(total: Ore, ratios: readonly number[]): Ore[] {
  if (ratios.length === 0) throw new RangeError('allocate needs at least one ratio');
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) throw new RangeError('allocate needs non-negative integer ratios');
  const sum = ratios.reduce((s, r) => s + r, 0);
  if (sum === 0) throw new RangeError('allocate needs a positive sum of ratios');
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const shares = ratios.map((r) => Number((BigInt(abs) * BigInt(r)) / BigInt(sum)));
  let remainder = abs - shares.reduce((s, v) => s + v, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % shares.length) {
    if (ratios[i] === 0) continue;
    shares[i] = (shares[i] ?? 0) + 1;
    remainder -= 1;
  }
  return shares.map((s) => ore(s * sign === 0 ? 0 : s * sign));
}
