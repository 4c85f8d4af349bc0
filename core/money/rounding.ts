/**
 * Named rounding modes for integer division. Money is rounded once, explicitly, where a rule
 * says so: SPEC's default is half away from zero to the øre.
 */
export type RoundingMode =
  | 'halfAwayFromZero' // 0,5 øre → 1 øre; −0,5 → −1 (Danish money convention, SPEC default)
  | 'halfEven' // banker's rounding: 0,5 → 0, 1,5 → 2
  | 'floor' // toward −∞ (betalingsevne: "rundes ned")
  | 'ceil' // toward +∞ (an installment that must at least pay the debt)
  | 'towardZero';

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * `numerator / denominator` rounded to an integer by `mode`. Exact for any integers: uses
 * number arithmetic while it is exact and BigInt beyond 2^53.
 * @example divideRounded(5, 2, 'halfAwayFromZero') // 3
 * @example divideRounded(-5, 2, 'halfAwayFromZero') // -3
 */
export function divideRounded(numerator: number | bigint, denominator: number | bigint, mode: RoundingMode): number {
  if (typeof numerator === 'number' && typeof denominator === 'number' && Math.abs(numerator) <= SAFE && Math.abs(denominator) <= SAFE) {
    if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator === 0) {
      throw new RangeError(`divideRounded needs integers and a non-zero denominator: ${numerator}/${denominator}`);
    }
    let n = numerator;
    let d = denominator;
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const r = n % d; // exact for safe integers; has the sign of n
    const q = (n - r) / d; // truncated toward zero, exact
    return q + adjustment(Math.sign(r), Math.abs(r) * 2, d, q, mode);
  }
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new RangeError('divideRounded: denominator is 0');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  const q = n / d;
  const sign = r === 0n ? 0 : r > 0n ? 1 : -1;
  const twice = (r < 0n ? -r : r) * 2n;
  const cmp = twice === d ? 0 : twice > d ? 1 : -1;
  const result = q + BigInt(adjustmentFromCmp(sign, cmp, Number(q % 2n), mode));
  if (result > BigInt(SAFE) || result < -BigInt(SAFE)) throw new RangeError('divideRounded: result is not a safe integer');
  return Number(result);
}

function adjustment(sign: number, twiceRemainder: number, d: number, q: number, mode: RoundingMode): number {
  const cmp = twiceRemainder === d ? 0 : twiceRemainder > d ? 1 : -1;
  return adjustmentFromCmp(sign, cmp, q % 2, mode);
}

/** How much to add to the truncated quotient, given the remainder's sign and its size vs ½. */
function adjustmentFromCmp(sign: number, cmpHalf: number, qParity: number, mode: RoundingMode): number {
  if (sign === 0) return 0;
  switch (mode) {
    case 'towardZero':
      return 0;
    case 'floor':
      return sign < 0 ? -1 : 0;
    case 'ceil':
      return sign > 0 ? 1 : 0;
    case 'halfAwayFromZero':
      return cmpHalf >= 0 ? sign : 0;
    case 'halfEven':
      if (cmpHalf > 0) return sign;
      if (cmpHalf < 0) return 0;
      return qParity === 0 ? 0 : sign;
  }
}

/**
 * Rounds an integer amount to a multiple of `step` (both in øre).
 * @example roundToMultiple(216_667, 5_000, 'floor') // 215_000 (2.166,67 kr. → 2.150 kr.)
 */
export function roundToMultiple(amount: number, step: number, mode: RoundingMode): number {
  return divideRounded(amount, step, mode) * step;
}
