/**
 * Saldo analyses on a date (SPEC "analyse"): aging of open balances by claim type, the month-by-
 * month development by claim type over a period (balance at month end, additions, reductions),
 * the largest debtors, and the summary figures a controller quotes. A streaming fold like the
 * statement.
 *
 * The rules (issue 20, "Analyses over more than one year"):
 * - The period runs from `from` to `to` (days, both included), by default the 12 months up to
 *   asOf: from the 1st of the month 11 months before asOf's month. The development has a row for
 *   every month from `from`'s to `to`'s, labelled "YYYY-MM" (as the funnel's months); a month cut
 *   by `from` or `to` counts only the postings inside the period, and its "balance at month end"
 *   is then the balance at the end of `to`.
 * - Restance is what citizens owe: the aging, the summary's balance and "over one year" count only
 *   claims with a positive balance on asOf. A claim with a negative balance (the kommune owes the
 *   citizen) is a credit, reported apart in `credits`; it never lowers the restance.
 * - The development is the ledger's net balance per claim type (credits included), so that each
 *   month reconciles: balance = previous balance + additions + reductions. With `to` = asOf its
 *   last month equals the aging's total plus the credits.
 * - Totals over all claim types (`agingTotal`, `developmentTotal`) are the sums of the rows.
 */
import { danishDate, dayNumberOf, fromDayNumber, MIN_DAY, partsOf, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError, type At } from '../errors.js';
import type { Posting, RowError } from './posting.js';
import { cprConflictMessage, cprKey } from './debtorIdentity.js';
import { checkExactSum, ore, type Ore } from '../money/ore.js';

/** Aging buckets in days past due (SPEC): 0–30, 31–90, 91–180, 181–365, 1–3 years, over 3 years. */
export const AGING_BUCKETS = [
  { label: 'ikke forfalden', max: -1 },
  { label: '0–30 dage', max: 30 },
  { label: '31–90 dage', max: 90 },
  { label: '91–180 dage', max: 180 },
  { label: '181–365 dage', max: 365 },
  { label: '1–3 år', max: 1095 },
  { label: 'over 3 år', max: Infinity },
] as const;

export const bucketOf = (ageDays: number): number => AGING_BUCKETS.findIndex((b) => ageDays <= b.max);

interface ClaimAcc {
  debtorId: string;
  claimType: string;
  balance: number;
  dueDay: DayNumber | null;
  firstDay: DayNumber;
}

/** Amounts in øre (made by `ore` in `finish`); `analysisToJson` turns them into kroner at the edge. */
export interface AgingRow {
  claimType: string;
  buckets: Ore[];
  total: Ore;
}

export interface MonthRow {
  /** "YYYY-MM" */
  month: string;
  balance: Ore;
  additions: Ore;
  reductions: Ore;
}

/** A claim type's (or all types') development: the balance before the period, then each month. */
export interface Development {
  /** The balance at the end of the day before the period. */
  opening: Ore;
  months: MonthRow[];
}

/** Claims with a negative balance on asOf (the kommune owes the citizen); `balance` is their sum, negative. */
export interface CreditFigures {
  claims: number;
  balance: Ore;
}

/** The summary's movements by kind (betaling, afskrivning, oversendt, krav), summed over some days. */
interface KindSums {
  betaling: number;
  afskrivning: number;
  oversendt: number;
  krav: number;
}

export interface Analysis {
  asOf: CalendarDate;
  /** The development's days, both included. */
  period: { from: CalendarDate; to: CalendarDate };
  /** Restance by claim type: only claims with a positive balance. */
  aging: AgingRow[];
  /** The sum of the aging's rows. */
  agingTotal: { buckets: Ore[]; total: Ore };
  credits: CreditFigures & { byClaimType: Array<CreditFigures & { claimType: string }> };
  development: Array<{ claimType: string } & Development>;
  /** The sum of the development's claim types, month by month. */
  developmentTotal: Development;
  topDebtors: Array<{ debtorId: string; name: string; balance: Ore; openClaims: number; oldestDueDate: CalendarDate | null }>;
  summary: {
    /** The restance: the sum of the positive claim balances (credits apart). */
    balance: Ore;
    debtorsWithBalance: number;
    openClaims: number;
    averagePerDebtor: Ore;
    overOneYear: Ore;
    /** The share of the balance over one year old, rounded to 3 decimals. */
    overOneYearShare: number;
    /** From 1 January of asOf's year through asOf (the figures before periods; kept as they were). */
    paymentsYearToDate: Ore;
    writtenOffYearToDate: Ore;
    transferredYearToDate: Ore;
    newClaimsYearToDate: Ore;
    /** The same movements over the period. */
    paymentsInPeriod: Ore;
    writtenOffInPeriod: Ore;
    transferredInPeriod: Ore;
    newClaimsInPeriod: Ore;
  };
  errors: RowError[];
  /** Postings the builder took (those after asOf included), for the reader's line account. */
  rows: number;
}

export interface AnalysisBuilder {
  add(p: Posting): void;
  addError(e: RowError): void;
  finish(): Analysis;
}

/** The development's days, both included (from ≤ to ≤ asOf, checked by `analysisPeriod`). */
export interface AnalysisPeriod {
  from: DayNumber;
  to: DayNumber;
}

/** The longest period: 50 years of months (a longer one is a typing error, and months × claim types would flood the sheets). */
export const MAX_ANALYSIS_MONTHS = 600;

/** A month as one number, year × 12 + month − 1, so that months count across years. */
const monthIndexOf = (day: DayNumber): number => {
  const { year, month } = partsOf(day);
  return year * 12 + month - 1;
};

/** "2026-03": a month as the JSON and every sheet label it (the funnel's months too). */
const monthLabel = (m: number): string => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;

/**
 * The 12 months up to `end`: from the 1st of the month 11 months before `end`'s month (not
 * before 1 January 1900, the calendar's first day).
 * @example defaultAnalysisPeriod(2026-03-15) // 2025-04-01 – 2026-03-15
 */
export function defaultAnalysisPeriod(end: DayNumber): AnalysisPeriod {
  const m = monthIndexOf(end) - 11;
  return { from: Math.max(MIN_DAY, dayNumberOf(Math.floor(m / 12), (m % 12) + 1, 1)), to: end };
}

/**
 * The period as given (either end may be left out): without `to` it ends on asOf, without `from`
 * it is the 12 months up to its end. Refused, in Danish at the field: a start after the end, an
 * end after asOf (months not yet opgjort would show a balance that is not there), more than
 * MAX_ANALYSIS_MONTHS months.
 */
export function analysisPeriod(asOf: DayNumber, given: { from?: DayNumber | undefined; to?: DayNumber | undefined }, places: { from: At; to: At }): AnalysisPeriod {
  const shown = (d: DayNumber) => danishDate(fromDayNumber(d));
  const to = given.to ?? asOf;
  if (to > asOf) {
    throw SaldoError.at('KONFLIKT', places.to, fromDayNumber(to), `perioden slutter ${shown(to)}, efter opgørelsesdatoen ${shown(asOf)}. Vælg en slutdato til og med ${shown(asOf)}.`);
  }
  const from = given.from ?? defaultAnalysisPeriod(to).from;
  if (from > to) {
    // Without an end given, the end is asOf: saying so, since "swap them" would not help.
    const end = given.to === undefined ? `opgørelsesdatoen ${shown(to)}. Vælg en startdato til og med den` : `${shown(to)}. Byt om på datoerne`;
    throw SaldoError.at('KONFLIKT', places.from, fromDayNumber(from), `perioden begynder ${shown(from)}, efter at den slutter ${end}.`);
  }
  const months = monthIndexOf(to) - monthIndexOf(from) + 1;
  if (months > MAX_ANALYSIS_MONTHS) {
    throw SaldoError.at('UGYLDIGT_INPUT', places.from, fromDayNumber(from), `perioden ${shown(from)} – ${shown(to)} er på ${months} måneder; højst ${MAX_ANALYSIS_MONTHS} (50 år).`);
  }
  return { from, to };
}

const noKinds = (): KindSums => ({ betaling: 0, afskrivning: 0, oversendt: 0, krav: 0 });
const addKind = (sums: KindSums, p: Posting): void => {
  if (p.kind in sums) sums[p.kind as keyof KindSums] += p.amount;
};

/** The analysis on asOf, its development over `period` (default: the 12 months up to asOf). */
export function createAnalysisBuilder(asOf: DayNumber, period: AnalysisPeriod = defaultAnalysisPeriod(asOf), top = 10): AnalysisBuilder {
  const { from, to } = period;
  // A period not checked by analysisPeriod is a bug in the caller, not the user's input.
  if (!(from <= to && to <= asOf)) throw new Error('Analysens periode er ikke tjekket.');
  const firstMonth = monthIndexOf(from);
  const months = monthIndexOf(to) - firstMonth + 1;
  const yearStart = dayNumberOf(partsOf(asOf).year, 1, 1);
  const claims = new Map<string, ClaimAcc>();
  const names = new Map<string, string>();
  const byType = new Map<string, { opening: number; additions: number[]; reductions: number[] }>();
  const errors: RowError[] = [];
  /** Each debtor's CPR/CVR and the row it was first seen on (rows come in file order: the first is the lowest). */
  const people = new Map<string, { key: string; cpr: string; row: number }>();
  const ytd = noKinds();
  const inPeriod = noKinds();
  let absoluteSum = 0;
  let rows = 0;

  return {
    add(p) {
      if (p.postingDay > asOf) {
        rows += 1;
        return;
      }
      if (p.cpr !== '') {
        const key = cprKey(p.cpr);
        const person = people.get(p.debtorId);
        if (!person) people.set(p.debtorId, { key, cpr: p.cpr, row: p.row });
        else if (person.key !== key) {
          // Another person under this debtor number: the statement's rule (one number, one person).
          errors.push({ row: p.row, message: cprConflictMessage(p.debtorId, person.cpr, person.row, p.cpr, p.row) });
          return;
        }
      }
      rows += 1;
      absoluteSum += p.amount < 0 ? -p.amount : p.amount;
      if (p.debtorName !== '' && !names.has(p.debtorId)) names.set(p.debtorId, p.debtorName);
      const key = `${p.debtorId}\u0000${p.claimId}`;
      let c = claims.get(key);
      if (!c) {
        c = { debtorId: p.debtorId, claimType: p.claimType, balance: 0, dueDay: null, firstDay: p.postingDay };
        claims.set(key, c);
      }
      c.balance += p.amount;
      if (p.dueDay !== null && (c.dueDay === null || p.dueDay < c.dueDay)) c.dueDay = p.dueDay;
      if (p.postingDay < c.firstDay) c.firstDay = p.postingDay;
      if (p.postingDay >= yearStart) addKind(ytd, p);
      // Postings after the period (up to asOf) count in the aging, not in the development.
      if (p.postingDay > to) return;
      let t = byType.get(p.claimType);
      if (!t) {
        t = { opening: 0, additions: Array<number>(months).fill(0), reductions: Array<number>(months).fill(0) };
        byType.set(p.claimType, t);
      }
      if (p.postingDay < from) t.opening += p.amount;
      else {
        const m = monthIndexOf(p.postingDay) - firstMonth;
        if (p.amount >= 0) t.additions[m]! += p.amount;
        else t.reductions[m]! += p.amount;
        addKind(inPeriod, p);
      }
    },
    addError(e) {
      errors.push(e);
    },
    finish() {
      checkExactSum(absoluteSum, 'Posteringslisten');
      // Summed as plain integers; made Ore (checked) where the analysis is made, below.
      const aging = new Map<string, { claimType: string; buckets: number[]; total: number }>();
      const credits = new Map<string, { claimType: string; claims: number; balance: number }>();
      const debtors = new Map<string, { balance: number; openClaims: number; oldest: DayNumber | null }>();
      let balance = 0;
      let openClaims = 0;
      let overOneYear = 0;
      for (const c of claims.values()) {
        if (c.balance === 0) continue;
        const d = debtors.get(c.debtorId) ?? { balance: 0, openClaims: 0, oldest: null };
        debtors.set(c.debtorId, d);
        // A debtor's figure nets their claims (a credit can be set off against their debt).
        d.balance += c.balance;
        if (c.balance < 0) {
          // The kommune owes this: apart from the restance, never lowering it.
          const credit = credits.get(c.claimType) ?? { claimType: c.claimType, claims: 0, balance: 0 };
          credit.claims += 1;
          credit.balance += c.balance;
          credits.set(c.claimType, credit);
          continue;
        }
        const row = aging.get(c.claimType) ?? { claimType: c.claimType, buckets: AGING_BUCKETS.map(() => 0), total: 0 };
        aging.set(c.claimType, row);
        const due = c.dueDay ?? c.firstDay;
        row.buckets[bucketOf(asOf - due)]! += c.balance;
        row.total += c.balance;
        balance += c.balance;
        openClaims += 1;
        if (asOf - due > 365) overOneYear += c.balance;
        d.openClaims += 1;
        if (d.oldest === null || due < d.oldest) d.oldest = due;
      }
      // One row per type: no two are equal.
      const byTypeName = (a: { claimType: string }, b: { claimType: string }) => (a.claimType < b.claimType ? -1 : 1);
      const agingRows = [...aging.values()].sort(byTypeName);
      const creditRows = [...credits.values()].sort(byTypeName);

      const total = { opening: 0, additions: Array<number>(months).fill(0), reductions: Array<number>(months).fill(0) };
      const developmentOf = (t: { opening: number; additions: number[]; reductions: number[] }): Development => {
        let running = t.opening;
        return {
          opening: ore(t.opening),
          months: t.additions.map((add, i) => {
            running += add + t.reductions[i]!;
            return { month: monthLabel(firstMonth + i), balance: ore(running), additions: ore(add), reductions: ore(t.reductions[i]!) };
          }),
        };
      };
      const types = [...byType.keys()].sort();
      const development = types.map((claimType) => {
        const t = byType.get(claimType)!;
        total.opening += t.opening;
        for (let i = 0; i < months; i += 1) {
          total.additions[i]! += t.additions[i]!;
          total.reductions[i]! += t.reductions[i]!;
        }
        return { claimType, ...developmentOf(t) };
      });

      const withBalance = [...debtors.entries()].filter(([, d]) => d.balance > 0);
      const topDebtors = withBalance
        .sort((a, b) => b[1].balance - a[1].balance || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([debtorId, d]) => ({ debtorId, name: names.get(debtorId) ?? '', balance: ore(d.balance), openClaims: d.openClaims, oldestDueDate: d.oldest === null ? null : fromDayNumber(d.oldest) }));
      return {
        asOf: fromDayNumber(asOf),
        period: { from: fromDayNumber(from), to: fromDayNumber(to) },
        aging: agingRows.map((r): AgingRow => ({ claimType: r.claimType, buckets: r.buckets.map(ore), total: ore(r.total) })),
        agingTotal: { buckets: AGING_BUCKETS.map((_, b) => ore(agingRows.reduce((s, r) => s + r.buckets[b]!, 0))), total: ore(balance) },
        credits: {
          claims: creditRows.reduce((n, c) => n + c.claims, 0),
          balance: ore(creditRows.reduce((s, c) => s + c.balance, 0)),
          byClaimType: creditRows.map((c) => ({ ...c, balance: ore(c.balance) })),
        },
        development,
        developmentTotal: developmentOf(total),
        topDebtors,
        summary: {
          balance: ore(balance),
          debtorsWithBalance: withBalance.length,
          openClaims,
          averagePerDebtor: ore(withBalance.length === 0 ? 0 : Math.round(withBalance.reduce((s, [, d]) => s + d.balance, 0) / withBalance.length)),
          overOneYear: ore(overOneYear),
          overOneYearShare: balance > 0 ? Math.round((overOneYear / balance) * 1000) / 1000 : 0,
          paymentsYearToDate: ore(ytd.betaling),
          writtenOffYearToDate: ore(ytd.afskrivning),
          transferredYearToDate: ore(ytd.oversendt),
          newClaimsYearToDate: ore(ytd.krav),
          paymentsInPeriod: ore(inPeriod.betaling),
          writtenOffInPeriod: ore(inPeriod.afskrivning),
          transferredInPeriod: ore(inPeriod.oversendt),
          newClaimsInPeriod: ore(inPeriod.krav),
        },
        errors: errors.sort((a, b) => a.row - b.row),
        rows,
      };
    },
  };
}
