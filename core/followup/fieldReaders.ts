/** The follow-up input's field readers: each names its place through the front end's namer. */
import { SaldoError, showValue, type Place } from '../errors.js';
import { periodNumber } from './periods.js';

/** "`place` skal være …": the place named by the front end. */
export const invalid = (field: Place, value: unknown, rest: string) => new SaldoError('UGYLDIGT_INPUT', field, value, (name) => `${name(field)} ${rest}`);

export function oneOf<T extends string>(raw: unknown, allowed: readonly T[], field: Place, fallback: T): T {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) throw invalid(field, raw, `skal være ${allowed.map((a) => `"${a}"`).join(' eller ')} (fik ${showValue(raw)}).`);
  return raw as T;
}

export function text(raw: unknown, field: Place, required: boolean): string | null {
  if (raw === undefined || raw === null) {
    if (required) throw new SaldoError('MANGLER', field, raw, (name) => `${name(field)} mangler.`);
    return null;
  }
  if (typeof raw !== 'string') throw invalid(field, raw, `skal være tekst (fik ${showValue(raw)}).`);
  if (raw.length > 10_000) throw invalid(field, raw, 'er for lang (højst 10.000 tegn).');
  return raw;
}

export function finite(raw: unknown, field: Place, min = -1e12): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > 1e12) throw invalid(field, raw, `skal være et tal${min === 0 ? ' ≥ 0' : ''} (fik ${showValue(raw)}).`);
  return raw;
}

export function quarterOf(raw: unknown, field: Place): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const q = periodNumber(raw, 'quarter');
  if (q === null) throw invalid(field, raw, `skal være et kvartal "Q1"–"Q4" (fik ${showValue(raw)}).`);
  return q;
}
