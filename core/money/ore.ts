/**
 * Money is integer øre inside core (SPEC: "never accumulate floating kroner"). Kroner with at
 * most 2 decimals exist only at the edges (JSON, Excel); they are parsed here, once.
 */
import { SaldoError, showValue, type At } from '../errors.js';

declare const oreBrand: unique symbol;
/** An amount in øre: a safe integer. Made by `ore`, `parseKroner` or arithmetic inside core. */
export type Ore = number & { readonly [oreBrand]: true };

/** The largest amount Saldo accepts: 10 mia. kr. A municipal claim above it is a typing error. */
export const MAX_KRONER = 10_000_000_000;

/** Asserts the integer invariant once, where a value is made. */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an integer øre amount: ${value}`);
  return value as Ore;
}

export interface ParseKronerOptions {
  /** Allow negative amounts (credits, corrections). Default false. */
  allowNegative?: boolean;
  /** Allow 0. Default true. */
  allowZero?: boolean;
}

const KRONER_TEXT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses kroner from a JSON/Excel number with at most 2 decimals into øre.
 * Rejects text, NaN, infinities, more than 2 decimals, and (by default) negatives.
 * @example parseKroner(1234.56, 'installment') // 123456 øre
 * @example parseKroner(12.345, 'installment') // throws UGYLDIGT_BELØB "… højst 2 decimaler"
 */
export function parseKroner(value: unknown, field: At, options: ParseKronerOptions = {}): Ore {
  if (typeof value !== 'number') {
    const what = typeof value === 'string' ? 'tekst' : value === null ? 'tomt' : typeof value === 'boolean' ? 'en sandhedsværdi' : 'ikke et tal';
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet skal være et tal i kroner, men er ${what} (${showValue(value)}).`);
  }
  if (!Number.isFinite(value)) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet skal være et endeligt tal i kroner, ikke ${showValue(value)}.`);
  }
  if (Math.abs(value) > MAX_KRONER) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet (${showValue(value)}) er over grænsen på 10 mia. kr. – er det tastet forkert?`);
  }
  // The shortest round-trip decimal text of a double is exactly what the user typed in JSON,
  // so counting decimals on it is exact (12.345 stays "12.345"; 0.1 stays "0.1").
  const text = numberText(value);
  const m = KRONER_TEXT.exec(text);
  if (!m) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet ${text.replace('.', ',')} kr. har mere end 2 decimaler; angiv kroner med højst 2 decimaler (øre).`);
  }
  const [, minus, whole = '0', frac = ''] = m;
  const amount = (Number(whole) * 100 + Number(frac.padEnd(2, '0'))) * (minus ? -1 : 1);
  const result = ore(amount === 0 ? 0 : amount); // no −0
  if (result < 0 && !options.allowNegative) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet må ikke være negativt (${formatKroner(result)}).`);
  }
  if (result === 0 && options.allowZero === false) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, value, `beløbet skal være større end 0 kr.`);
  }
  return result;
}

function numberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Only tiny values reach exponent form within MAX_KRONER (e.g. 1e-7): show them in full,
  // unless they are too tiny for 20 decimals (1e-320), which stay as written.
  const full = value.toFixed(20).replace(/0+$/, '');
  return /[1-9]/.test(full) ? full : text;
}

/** Øre to kroner for the edges (JSON, Excel). The only place a krone float is made. */
export const toKroner = (amount: Ore): number => amount / 100;

/**
 * Danish formatting with thousands separator and decimal comma.
 * @example formatKroner(ore(123456)) // "1.234,56 kr."
 */
export function formatKroner(amount: Ore): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const kroner = Math.floor(abs / 100);
  const oere = abs % 100;
  const grouped = groupThousands(kroner);
  return `${negative ? '-' : ''}${grouped},${String(oere).padStart(2, '0')} kr.`;
}

/** @example groupThousands(1234567) // "1.234.567" */
export const groupThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * Sums of øre are exact only up to 2^53 (about 90.000 mia. kr.): a ledger whose amounts add up to
 * more, in absolute value, is refused rather than summed with rounding.
 */
export function checkExactSum(absoluteSum: number, what: At): void {
  if (absoluteSum > Number.MAX_SAFE_INTEGER) {
    throw SaldoError.at(
      'UGYLDIGT_BELØB',
      what,
      absoluteSum,
      `beløbene er tilsammen over ${groupThousands(Math.floor(Number.MAX_SAFE_INTEGER / 100))} kr., mere end der kan regnes præcist på til øre. Er beløbene tastet forkert (f.eks. øre som kroner)?`,
    );
  }
}
