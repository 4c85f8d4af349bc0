/**
 * The periods of a follow-up: quarters (`Q1`–`Q4`) or months (`M01`–`M12`) of one year, each
 * with named counts. With months, a quarter's counts are the sums of its months (SPEC followup).
 */
import { SaldoError, showValue, type Place } from '../errors.js';

export type Granularity = 'quarter' | 'month';

export interface PeriodData {
  granularity: Granularity;
  /** Counts per period index (0-based: quarter 0–3 or month 0–11); undefined where no data. */
  periods: Array<ReadonlyMap<string, number> | undefined>;
  /** Every name that occurs in some period (with a count or blank). */
  names: Set<string>;
  /**
   * Periods up to and including the last one reported (0 when none): one with a count other than
   * 0. Periods after it that hold only zeros are not reported by default (a formula or a blank
   * cell shows 0 before the figures come); `withZeros` is the last period with any count.
   */
  elapsed: number;
  withZeros: number;
}

const PATTERNS: Readonly<Record<Granularity, RegExp>> = { quarter: /^Q([1-4])$/, month: /^M(0[1-9]|1[0-2])$/ };

/** The 1-based number of a period key ("Q3" → 3, "M05" → 5), or null when it is not one of `granularity`. */
export function periodNumber(key: unknown, granularity: Granularity): number | null {
  const m = typeof key === 'string' ? PATTERNS[granularity].exec(key) : null;
  return m ? Number(m[1]) : null;
}
/** Largest count we accept: beyond it doubles lose whole units. */
const MAX_COUNT = 1e12;

/** "`place` skal være …": the place named by the front end. */
const invalid = (field: Place, value: unknown, rest: string) => new SaldoError('UGYLDIGT_INPUT', field, value, (name) => `${name(field)} ${rest}`);

/** `{"Q1": {"pristjek": 2800, …}, …}` or the same with `M01`…`M12`, checked. */
export function parsePeriodData(raw: unknown, root: 'data' | 'lastYear' = 'data'): PeriodData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid([root], raw, `skal være et objekt med perioder: {"Q1": {"pristjek": 2800, "selvanmeldte": 20000}, …} eller måneder "M01"…"M12" (fik ${showValue(raw)}).`);
  }
  const keys = Object.keys(raw);
  const quarters = keys.filter((k) => periodNumber(k, 'quarter') !== null);
  const months = keys.filter((k) => periodNumber(k, 'month') !== null);
  const other = keys.filter((k) => periodNumber(k, 'quarter') === null && periodNumber(k, 'month') === null);
  if (other.length > 0) throw new SaldoError('UGYLDIGT_INPUT', [root, other[0]!], other[0], (name) => `${name([root])}: "${other[0]}" er ikke en periode. Brug kvartaler Q1–Q4 eller måneder M01–M12.`);
  if (quarters.length > 0 && months.length > 0) throw SaldoError.at('UGYLDIGT_INPUT', [root], keys, 'brug enten kvartaler (Q1–Q4) eller måneder (M01–M12), ikke begge.');
  const granularity: Granularity = months.length > 0 ? 'month' : 'quarter';
  const periods: PeriodData['periods'] = Array.from({ length: granularity === 'month' ? 12 : 4 }, () => undefined);
  const names = new Set<string>();
  for (const key of keys) {
    const index = periodNumber(key, granularity)! - 1;
    const counts = (raw as Record<string, unknown>)[key];
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
      throw invalid([root, key], counts, `skal være et objekt med tal: {"pristjek": 2800} (fik ${showValue(counts)}).`);
    }
    const map = new Map<string, number>();
    for (const [name, v] of Object.entries(counts)) {
      names.add(name); // declared even when blank, so a measure may use it before its first count
      if (v === null || v === undefined || v === '') continue; // an empty cell: no count this period
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COUNT) {
        throw invalid([root, key, name], v, `skal være et tal (fik ${showValue(v)}).`);
      }
      map.set(name, v);
    }
    periods[index] = map;
  }
  let withZeros = periods.length;
  while (withZeros > 0 && (periods[withZeros - 1]?.size ?? 0) === 0) withZeros -= 1;
  let elapsed = withZeros;
  while (elapsed > 0 && [...(periods[elapsed - 1]?.values() ?? [])].every((v) => v === 0)) elapsed -= 1;
  return { granularity, periods, names, elapsed, withZeros };
}

/** Name by name sums of several periods' counts. */
export function sumCounts(list: ReadonlyArray<ReadonlyMap<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const counts of list) for (const [name, v] of counts) out.set(name, (out.get(name) ?? 0) + v);
  return out;
}

/** A period's name as the data has it: "Q3", "M05". */
export const periodName = (n: number, granularity: Granularity): string => (granularity === 'month' ? `M${String(n).padStart(2, '0')}` : `Q${n}`);

/** Periods as a span for people: "M01–M04", "Q2", "M01, M03" (none: ""). */
export function periodSpan(numbers: readonly number[], granularity: Granularity): string {
  if (numbers.length === 0) return '';
  const contiguous = numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  const name = (n: number) => periodName(n, granularity);
  if (numbers.length === 1) return name(numbers[0]!);
  return contiguous ? `${name(numbers[0]!)}–${name(numbers[numbers.length - 1]!)}` : numbers.map(name).join(', ');
}
