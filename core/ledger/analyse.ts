/**
 * Saldo analyses on a date (SPEC "analyse"): aging of open balances by claim type, the month-by-
 * month development by claim type (balance at month end, additions, reductions), the largest
 * debtors, and the summary figures a controller quotes. A streaming fold like the statement.
 */
import { dayNumberOf, fromDayNumber, partsOf, type CalendarDate, type DayNumber } from '../calendar/date.js';
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
  month: string;
  balance: Ore;
  additions: Ore;
  reductions: Ore;
}

export interface Analysis {
  asOf: CalendarDate;
  aging: AgingRow[];
  development: Array<{ claimType: string; months: MonthRow[] }>;
  topDebtors: Array<{ debtorId: string; name: string; balance: Ore; openClaims: number; oldestDueDate: CalendarDate | null }>;
  summary: {
    balance: Ore;
    debtorsWithBalance: number;
    openClaims: number;
    averagePerDebtor: Ore;
    overOneYear: Ore;
    /** The share of the balance over one year old, rounded to 3 decimals. */
    overOneYearShare: number;
    paymentsYearToDate: Ore;
    writtenOffYearToDate: Ore;
    transferredYearToDate: Ore;
    newClaimsYearToDate: Ore;
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

/** Months from January of asOf's year up to asOf's month. */
export function createAnalysisBuilder(asOf: DayNumber, top = 10): AnalysisBuilder {
  const { year, month } = partsOf(asOf);
  const yearStart = dayNumberOf(year, 1, 1);
  const claims = new Map<string, ClaimAcc>();
  const names = new Map<string, string>();
  const byType = new Map<string, { opening: number; additions: number[]; reductions: number[] }>();
  const errors: RowError[] = [];
  /** Each debtor's CPR/CVR and the row it was first seen on (rows come in file order: the first is the lowest). */
  const people = new Map<string, { key: string; cpr: string; row: number }>();
  const ytd = { betaling: 0, afskrivning: 0, oversendt: 0, krav: 0 };
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
      let t = byType.get(p.claimType);
      if (!t) {
        t = { opening: 0, additions: Array<number>(month).fill(0), reductions: Array<number>(month).fill(0) };
        byType.set(p.claimType, t);
      }
      if (p.postingDay < yearStart) t.opening += p.amount;
      else {
        const m = partsOf(p.postingDay).month - 1;
        if (p.amount >= 0) t.additions[m]! += p.amount;
        else t.reductions[m]! += p.amount;
        if (p.kind in ytd) ytd[p.kind as keyof typeof ytd] += p.amount;
      }
    },
    addError(e) {
      errors.push(e);
    },
    finish() {
      checkExactSum(absoluteSum, 'Posteringslisten');
      // Summed as plain integers; made Ore (checked) where the analysis is made, below.
      const aging = new Map<string, { claimType: string; buckets: number[]; total: number }>();
      const debtors = new Map<string, { balance: number; openClaims: number; oldest: DayNumber | null }>();
      let balance = 0;
      let openClaims = 0;
      let overOneYear = 0;
      for (const c of claims.values()) {
        if (c.balance === 0) continue;
        const row = aging.get(c.claimType) ?? { claimType: c.claimType, buckets: AGING_BUCKETS.map(() => 0), total: 0 };
        aging.set(c.claimType, row);
        const from = c.dueDay ?? c.firstDay;
        const b = bucketOf(asOf - from);
        row.buckets[b]! += c.balance;
        row.total += c.balance;
        balance += c.balance;
        if (c.balance > 0) {
          openClaims += 1;
          if (asOf - from > 365) overOneYear += c.balance;
        }
        const d = debtors.get(c.debtorId) ?? { balance: 0, openClaims: 0, oldest: null };
        d.balance += c.balance;
        if (c.balance > 0) {
          d.openClaims += 1;
          if (d.oldest === null || from < d.oldest) d.oldest = from;
        }
        debtors.set(c.debtorId, d);
      }
      const types = [...byType.keys()].sort();
      const development = types.map((claimType) => {
        const t = byType.get(claimType)!;
        let running = t.opening;
        return {
          claimType,
          months: t.additions.map((add, i) => {
            running += add + t.reductions[i]!;
            return { month: `${year}-${String(i + 1).padStart(2, '0')}`, balance: ore(running), additions: ore(add), reductions: ore(t.reductions[i]!) };
          }),
        };
      });
      const withBalance = [...debtors.entries()].filter(([, d]) => d.balance > 0);
      const topDebtors = withBalance
        .sort((a, b) => b[1].balance - a[1].balance || (a[0] < b[0] ? -1 : 1))
        .slice(0, top)
        .map(([debtorId, d]) => ({ debtorId, name: names.get(debtorId) ?? '', balance: ore(d.balance), openClaims: d.openClaims, oldestDueDate: d.oldest === null ? null : fromDayNumber(d.oldest) }));
      return {
        asOf: fromDayNumber(asOf),
        aging: [...aging.values()].sort((a, b) => (a.claimType < b.claimType ? -1 : 1)).map((r): AgingRow => ({ claimType: r.claimType, buckets: r.buckets.map(ore), total: ore(r.total) })),
        development,
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
        },
        errors: errors.sort((a, b) => a.row - b.row),
        rows,
      };
    },
  };
}
