/**
 * Simple interest for one period (SPEC "Interest"): never interest on interest. Each method
 * computes an exact rational amount with integers and rounds it once to the øre, half away
 * from zero. A rate that changes inside the period splits it.
 */
import { addMonthsToDay, fromDayNumber, partsOf, toDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError, type At } from '../errors.js';
import { divideRounded } from '../money/rounding.js';
import { ore, type Ore } from '../money/ore.js';
import type { RateTable } from '../rules/interestRates.js';
import type { RatePpm } from './rate.js';

export type InterestMethod = 'daily' | 'monthly' | 'perStartedMonth';
export const INTEREST_METHODS: readonly InterestMethod[] = ['daily', 'monthly', 'perStartedMonth'];
export type InterestBase = 'principal' | 'principalAndFees';
export const INTEREST_BASES: readonly InterestBase[] = ['principal', 'principalAndFees'];

/** Where a claim's rate comes from: one fixed annual rate, or a dated table. */
export type RateSource = { kind: 'fixed'; ppm: RatePpm } | { kind: 'table'; name: string; table: CompiledRateTable };

export interface CompiledRateTable {
  name: string;
  label: string;
  /** Row start days, ascending. */
  starts: readonly DayNumber[];
  ppm: readonly number[];
  validThrough: DayNumber;
}

export function compileRateTable(name: string, table: RateTable): CompiledRateTable {
  return {
    name,
    label: table.label,
    starts: table.rows.map((r) => toDayNumber(r.from as CalendarDate)),
    ppm: table.rows.map((r) => r.annualRatePpm),
    validThrough: toDayNumber(table.validThrough as CalendarDate),
  };
}

/** Rate segments covering days [from, to): `[days, ppm][]`. Throws if the table does not cover them. */
function segments(rate: RateSource, from: DayNumber, to: DayNumber, field: At): Array<[number, number]> {
  if (rate.kind === 'fixed') return [[to - from, rate.ppm]];
  const t = rate.table;
  const first = t.starts[0] ?? Infinity;
  if (from < first || to - 1 > t.validThrough) {
    const covered = `${fromDayNumber(first)} til ${fromDayNumber(t.validThrough)}`;
    throw new SaldoError(
      'UDEN_FOR_TABEL',
      field,
      t.name,
      `Rentetabellen "${t.name}" (${t.label}) dækker kun ${covered}, men renten skal beregnes for ${fromDayNumber(from)} til ${fromDayNumber(to - 1)}. Indlæs en opdateret rentetabel i en regelfil: med kommandolinjen "--rules regler.json" (rateTables, se docs/rules.md); i Excel kommer nye satser med en ny version af Saldo.`,
    );
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i + 1 < t.starts.length && (t.starts[i + 1] ?? Infinity) <= from) i += 1;
  let day = from;
  while (day < to) {
    const next = Math.min(to, t.starts[i + 1] ?? Infinity);
    out.push([next - day, t.ppm[i] ?? 0]);
    day = next;
    i += 1;
  }
  return out;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** Σ base × ppm × units, exact (BigInt when it would pass 2^53). */
function weightedSum(base: number, parts: ReadonlyArray<[number, number]>): number | bigint {
  let sum = 0;
  for (const [units, ppm] of parts) {
    const term = base * ppm * units;
    if (!Number.isSafeInteger(term) || Math.abs(sum + term) > SAFE) {
      return parts.reduce((s, [u, p]) => s + BigInt(base) * BigInt(p) * BigInt(u), 0n);
    }
    sum += term;
  }
  return sum;
}

/**
 * A stretch without interest (henstand with `interestDuringHenstand: false`): the days from
 * `start` up to `end`, which are `monthStarts.length` whole months starting at those days.
 */
export interface InterestFreeWindow {
  start: DayNumber;
  end: DayNumber;
  monthStarts: readonly DayNumber[];
  /** For the monthly method: the free months this period gets (set by the schedule, which carries
   * free months a period could not use on to the next). */
  freeMonths?: number;
}

/** [from, to) without the window: at most two pieces. */
function outside(from: DayNumber, to: DayNumber, free: InterestFreeWindow | undefined): Array<[DayNumber, DayNumber]> {
  if (!free || free.end <= from || free.start >= to) return [[from, to]];
  return (
    [
      [from, Math.min(to, free.start)],
      [Math.max(from, free.end), to],
    ] as Array<[DayNumber, DayNumber]>
  ).filter(([a, b]) => b > a);
}

/**
 * Interest on `base` for the period from `from` to `to` (day numbers; interest runs for the
 * days from `from` up to but not including `to`).
 * - daily: base × rate × days / 365 (actual days; also in leap years, per SPEC).
 * - monthly: base × rate / 12 × `periodMonths` (the annuity convention of Excel's PMT/IPMT).
 * - perStartedMonth: base × rate / 12 for each month that starts in the period (gebyrloven § 3:
 *   1 % per påbegyndt måned "fra kravets forfaldsdato at regne" = a rate of 12 % a year). The
 *   months start on the monthly anniversaries of `anchor` (the claim's forfaldsdag; month-end
 *   clamped), so each started month is charged once over the claim's life, in the period in
 *   which it starts, whatever the period boundaries are.
 * An interest-free window removes its days (daily), its months (monthly) or the started months
 * that begin inside it (perStartedMonth).
 * @example periodInterest(ore(1_000_000), d('2026-01-01'), d('2026-02-01'), 'daily', fixed 10 %) // 8_493 øre (10.000 kr. × 10 % × 31/365 = 849,32 kr.)
 */
export function periodInterest(
  base: Ore,
  from: DayNumber,
  to: DayNumber,
  method: InterestMethod,
  rate: RateSource,
  periodMonths: number,
  field: At,
  options: { free?: InterestFreeWindow; anchor?: DayNumber } = {},
): Ore {
  const { free } = options;
  if (base <= 0 || to <= from) return ore(0);
  if (rate.kind === 'fixed' && rate.ppm === 0) return ore(0);
  switch (method) {
    case 'daily': {
      // The common case, one fixed rate and no free window: the one product, without segments.
      const days = to - from;
      if (!free && rate.kind === 'fixed' && Number.isSafeInteger(base * rate.ppm * days)) return ore(divideRounded(base * rate.ppm * days, 365_000_000, 'halfAwayFromZero'));
      const segs = free ? outside(from, to, free).flatMap(([a, b]) => segments(rate, a, b, field)) : segments(rate, from, to, field);
      return ore(divideRounded(weightedSum(base, segs), 365_000_000, 'halfAwayFromZero'));
    }
    case 'monthly': {
      const freeMonths = free ? (free.freeMonths ?? free.monthStarts.filter((d) => d >= from && d < to).length) : 0;
      const months = Math.max(0, periodMonths - freeMonths);
      if (months === 0) return ore(0);
      // A rate change inside the period weighs each rate by its share of the period's days.
      const segs = segments(rate, from, to, field);
      const days = to - from;
      const numerator = weightedSum(base, segs);
      const scaled = typeof numerator === 'bigint' ? numerator * BigInt(months) : numerator * months;
      const denominator = 12_000_000 * days;
      if (typeof scaled === 'number' && !Number.isSafeInteger(scaled)) {
        return ore(divideRounded(BigInt(numerator) * BigInt(months), BigInt(denominator), 'halfAwayFromZero'));
      }
      return ore(divideRounded(scaled, denominator, 'halfAwayFromZero'));
    }
    case 'perStartedMonth': {
      const parts: Array<[number, number]> = [];
      const anchor = options.anchor ?? from;
      if (anchor > from) throw new RangeError('perStartedMonth: months cannot be counted from a day after the period starts');
      const { year, month, day } = partsOf(anchor);
      const start = partsOf(from);
      // Begin a month before `from`'s month: anniversaries before `from` were charged earlier.
      for (let k = Math.max(0, (start.year - year) * 12 + start.month - month - 1); ; k += 1) {
        const monthStart = addMonthsToDay(year, month, day, k);
        if (monthStart >= to) break;
        if (monthStart < from) continue;
        if (free && monthStart >= free.start && monthStart < free.end) continue;
        // The rate in force when the month starts applies to the whole started month.
        const [[, ppm] = [0, 0]] = segments(rate, monthStart, monthStart + 1, field);
        parts.push([1, ppm]);
      }
      return ore(divideRounded(weightedSum(base, parts), 12_000_000, 'halfAwayFromZero'));
    }
  }
}
/** Started months from `from` to `to`: the smallest k with from + k months ≥ to. */
export function startedMonths(from: DayNumber, to: DayNumber): number {
  if (to <= from) return 0;
  const { year, month, day } = partsOf(from);
  let k = 1;
  while (addMonthsToDay(year, month, day, k) < to) k += 1;
  return k;
}

/** Whole months from `from` to `to`: the largest k with from + k months ≤ to. */
export function wholeMonths(from: DayNumber, to: DayNumber): number {
  if (to <= from) return 0;
  const k = startedMonths(from, to);
  const { year, month, day } = partsOf(from);
  return addMonthsToDay(year, month, day, k) === to ? k : k - 1;
}
