/**
 * Field readers for JSON inputs: each reads one value at a place and, when it is wrong, throws a
 * SaldoError that carries the place and the reason, so every front end can name the place its
 * own way (JSON path, Danish argument, form label, table cell). One spelling of each complaint.
 */
import { SaldoError, showValue, type Namer, type Place } from '../errors.js';

export type Json = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A place one or more steps further in: `within(['claims', 0], 'principal')`. */
export const within = (place: Place, ...steps: Array<string | number>): Place => [...place, ...steps];

/** The words `a, b eller c` with each key named by the front end (`installment` → `ydelse`). */
export const namedKeys = (name: Namer, keys: readonly string[], last = ', '): string => keys.map((k, i) => (i === 0 ? '' : i === keys.length - 1 ? last : ', ') + name([k])).join('');

/** Rejects keys we do not know: a misspelt "instalment" must not silently fall back to a default. */
export function rejectUnknownKeys(obj: Json, allowed: readonly string[], where: Place, allowedText = 'Tilladte felter'): void {
  for (const key of Object.keys(obj)) {
    // A key holding undefined is absent (it cannot come from JSON; JavaScript callers make it).
    if (obj[key] !== undefined && !allowed.includes(key)) {
      const place = within(where, key);
      throw new SaldoError('UGYLDIGT_INPUT', place, obj[key], (name) => `Ukendt felt "${name(place)}". ${allowedText}: ${allowed.join(', ')}.`);
    }
  }
}

/** One of the allowed words, or `fallback` when absent. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], place: Place, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw SaldoError.at('UGYLDIGT_INPUT', place, value, `${showValue(value)} er ikke en gyldig værdi. Brug en af: ${allowed.join(', ')}.`);
}

/** A whole number from `min` to `max`. */
export function wholeNumber(value: unknown, place: Place, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw SaldoError.at('UGYLDIGT_INPUT', place, value, `skal være et helt tal (fik ${showValue(value)}).`);
  }
  if (value < min || value > max) throw SaldoError.at('UGYLDIGT_INPUT', place, value, `skal ligge mellem ${min} og ${max} (fik ${value}).`);
  return value;
}

/** true or false, or `fallback` when absent; `meaning` says what true means, in brackets. */
export function flag(value: unknown, place: Place, fallback: boolean, meaning: string | (() => string) = ''): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  // A meaning made from the value is made only here: a batch reads a thousand valid flags.
  const said = typeof meaning === 'string' ? meaning : meaning();
  throw new SaldoError('UGYLDIGT_INPUT', place, value, (name) => `${name(place)} skal være true eller false${said}.`);
}

/** Throws "… mangler: hint" when a required value is absent. */
export function present(value: unknown, place: Place, hint: string): void {
  if (value === undefined) throw new SaldoError('MANGLER', place, undefined, (name) => `${name(place)} mangler: ${hint}`);
}
