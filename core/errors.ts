import { maskCprsIn } from './personal/cpr.js';

/**
 * Typed errors for people. Every error that core throws carries a stable `code` (for programs),
 * the `field` it is about, the offending `value` and a Danish `message` (for people).
 * The add-in turns them into cell errors or form messages; the CLI prints the message, exit 2.
 */

export type SaldoErrorCode =
  | 'UGYLDIGT_INPUT' // wrong shape: not an object, unknown field, wrong type
  | 'MANGLER' // a required field is missing
  | 'UGYLDIGT_BELØB' // not a krone amount with at most 2 decimals, negative where not allowed
  | 'UGYLDIG_DATO' // not a real YYYY-MM-DD calendar date
  | 'UGYLDIG_SATS' // interest rate out of range
  | 'KONFLIKT' // fields that cannot be given together
  | 'BETALES_ALDRIG' // the installment does not cover the interest
  | 'FOR_MANGE_RÆKKER' // the schedule would be absurdly long
  | 'UDEN_FOR_TABEL' // a rule table does not cover the case (never guess a figure)
  | 'UGYLDIG_REGEL' // a rule override is malformed
  | 'AFSTEMNING'; // a statement does not reconcile (a bug or a corrupt ledger: never printed)

export class SaldoError extends Error {
  override readonly name = 'SaldoError';
  constructor(
    readonly code: SaldoErrorCode,
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }
}

export const isSaldoError = (e: unknown): e is SaldoError => e instanceof SaldoError;

/** The error as plain JSON data (for batch answers and the add-in). */
export function errorToJson(e: SaldoError): { code: SaldoErrorCode; field: string; message: string } {
  return { code: e.code, field: e.field, message: e.message };
}

/** Shows a user's value in a message without flooding it (values may be long or nested). */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `"${value}"`;
  // NaN and ±Infinity come from programs, not people: said in words, not as JavaScript's names.
  else if (typeof value === 'number' && Number.isNaN(value)) text = 'et ugyldigt tal';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = value > 0 ? 'uendeligt' : 'minus uendeligt';
  else if (value === null) text = 'en tom værdi';
  // A number as a Dane writes it: 2,5, not 2.5.
  else if (typeof value === 'number') text = String(value).replace('.', ',');
  else if (typeof value === 'boolean') text = String(value);
  else if (value === undefined) text = 'ingenting';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // A CPR number in a message is masked, however written, before the cut can split one.
  const masked = maskCprsIn(text);
  return masked.length > 60 ? `${masked.slice(0, 57)}...` : masked;
}
