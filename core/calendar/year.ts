/**
 * A calendar year as input: a statement's year (`statements --year`, `"year": 2026`), a
 * follow-up's year. Checked once where it comes in, with a Danish message naming the place.
 */
import { SaldoError, showValue, type At } from '../errors.js';

/**
 * A whole year from 1900 to 9999 (the years an ISO calendar date can carry).
 * @example parseYear(2026) // 2026
 */
export function parseYear(raw: unknown, field: At = ['year']): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1900 || raw > 9999) {
    throw SaldoError.at(raw === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT', field, raw, `angiv opgørelsesåret, f.eks. 2026 (fik ${showValue(raw)}).`);
  }
  return raw;
}

/**
 * A year typed as text (a CLI option, a task pane field): the message shows what was typed, never NaN.
 * @example parseYearText(' 2026 ', ['year']) // 2026
 */
export function parseYearText(text: string | undefined, field: At): number {
  const t = text?.trim();
  return parseYear(t === undefined ? undefined : /^\d+$/.test(t) ? Number(t) : t, field);
}
