/**
 * Campaign follow-up (issue 20, "Campaign follow-up"; SPEC "Portfolio commands", `campaign`): a
 * call log (./callLog.ts) joined with the ledger. Ishøj's byråd asked for "et redskab til
 * systematisk opfølgning på indsats og resultater samt evaluering med henblik på læring"; this is
 * the count of the work and an honest measure of what it did.
 *
 * Definitions (docs/cli.md, "campaign", says the same in words):
 *
 * - The campaign's **start** is its first call's date. A debtor called several times has the
 *   **first** call as the start of their 3- and 6-month windows, and their payments count in the
 *   week and caseworker of that call: a second call is more work, not a second result.
 * - A **window** of n months runs from the call's day to the day n calendar months later
 *   (`addMonthsToDay`: 31 January + 3 months = 30 April), both included. It counts only when it
 *   has ended on or before `asOf`; a window still running is "ikke afsluttet" and counted apart.
 * - **Paid** is the debtor's `betaling` postings in the window (the ledger's payments are negative;
 *   paid is their amount). A modregning is no act of the debtor and is not counted.
 * - **Kept from oversendelse**: the debtor's claims open the day before the call (balance of the
 *   postings before it above 0) with no `oversendt` posting in the 6-month window.
 * - **Comparable uncalled debtors**: every ledger debtor open at the start (some claim with a
 *   balance above 0 from the postings before the start) and never called. Called and uncalled are
 *   put in strata by the claim type of their largest open claim at the start, the size band of
 *   their open amount at the start (SIZE_BANDS) and the age band of their oldest open claim's
 *   forfald (AGE_BANDS). An uncalled debtor's windows run from the start.
 * - The **effect** is the difference of shares per stratum (called minus uncalled), weighted by
 *   the called debtors in the stratum, with a 95 % interval (`stratifiedDifference`). Strata with
 *   no uncalled debtor are listed but left out of the difference, and the called debtors in them
 *   are counted as left out. With no uncalled debtor at all, no difference is given: the result
 *   says so.
 *
 * The ledger streams through `createCampaignLedger` (a million rows): each posting is kept as 17
 * bytes in typed arrays (claim, day, kind, amount), since a debtor's window is known only when the
 * calls are matched to the ledger's debtors (by number or CPR/CVR), and a ledger need not be sorted.
 */
import { addMonthsToDay, danishDate, dayNumberOf, fromDayNumber, isoWeekday, partsOf, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { cprKey } from '../ledger/debtorIdentity.js';
import type { Posting, RowError } from '../ledger/posting.js';
import { checkExactSum, formatKroner, ore, type Ore } from '../money/ore.js';
import { divideRounded } from '../money/rounding.js';
import { costOf } from './campaignCost.js';
import type { Call, CallLog } from './callLog.js';

/** The two follow-up windows, in months after the first call. */
export const WINDOW_MONTHS = [3, 6] as const;

/** Open amount at the start, in øre: a band holds amounts below `below` (and at or above the band before). */
export const SIZE_BANDS: ReadonlyArray<{ label: string; below: number }> = [
  { label: 'under 1.000 kr.', below: 100_000 },
  { label: '1.000–4.999 kr.', below: 500_000 },
  { label: '5.000–19.999 kr.', below: 2_000_000 },
  { label: '20.000 kr. og derover', below: Number.POSITIVE_INFINITY },
];

/** Days from the oldest open claim's forfald to the start: a band holds days up to `upTo` (not yet due counts as 0–90). */
export const AGE_BANDS: ReadonlyArray<{ label: string; upTo: number }> = [
  { label: '0–90 dage', upTo: 90 },
  { label: '91–365 dage', upTo: 365 },
  { label: '1–3 år', upTo: 1095 },
  { label: 'over 3 år', upTo: Number.POSITIVE_INFINITY },
];

/** z for a two-sided 95 % interval (the normal distribution's 97,5 % quantile). */
const Z95 = 1.959964;

/** A window's payments: the debtors whose window has ended, those whose has not, and what was paid. */
export interface PaidWindow {
  /** Called debtors found in the ledger whose window ended on or before asOf. */
  debtors: number;
  /** Called debtors found in the ledger whose window is not over ("ikke afsluttet"): left out of the figure. */
  notOver: number;
  /** Of `debtors`, those who paid something in the window. */
  payers: number;
  amount: Ore;
}

/** Claims open the day before the first call, and how many had no oversendelse within 6 months. */
export interface KeptFigures {
  claims: number;
  kept: number;
  /** Open claims whose 6-month window is not over: left out. */
  notOver: number;
}

/** A week's, a caseworker's or the campaign's figures. */
export interface CallFigures {
  calls: number;
  /** Calls with an outcome other than "ingen kontakt". */
  contacts: number;
  agreements: number;
  /** Calls whose outcome was "betalt". */
  paidInCall: number;
  refused: number;
  noContact: number;
  agreed: Ore;
  minuteHundredths: number;
  callsWithoutMinutes: number;
  /** Debtors whose first call of the campaign is here: their payments and claims count here. */
  debtors: number;
  /** Of `debtors`, those the ledger does not know (by number or CPR/CVR). */
  notInLedger: number;
  paid3: PaidWindow;
  paid6: PaidWindow;
  kept: KeptFigures;
}

export interface WeekRow extends CallFigures {
  /** ISO week, "2026-W05". */
  week: string;
  /** The week's Monday. */
  weekStart: CalendarDate;
  caseworker: string;
}

export interface CaseworkerRow extends CallFigures {
  caseworker: string;
}

/** One group (called or uncalled) in one stratum. */
export interface StratumGroup {
  /** Debtors open at the start. */
  debtors: number;
  /** Of them, those whose 3-month window has ended; those whose has not. */
  debtors3: number;
  notOver3: number;
  /** Of `debtors3`, those who paid within 3 months, and what they paid. */
  payers3: number;
  paid3: Ore;
  /** Debtors with open claims at their window's start whose 6-month window has ended; of them, those with no claim sent to inddrivelse. */
  debtors6: number;
  notOver6: number;
  kept6: number;
}

export interface Stratum {
  claimType: string;
  sizeBand: string;
  ageBand: string;
  called: StratumGroup;
  uncalled: StratumGroup;
  /** Whether the stratum is in the 3-month and 6-month differences (both groups with ended windows). */
  compared3: boolean;
  compared6: boolean;
}

/** Called against uncalled on one measure, standardised over the strata. */
export interface Comparison {
  /** Called debtors in the strata compared; the called debtors in strata with no uncalled one. */
  calledDebtors: number;
  calledLeftOut: number;
  uncalledDebtors: number;
  strata: number;
  /** The called share, and the uncalled share weighted as the called (what the called would show without the call). */
  calledShare: number | null;
  uncalledShare: number | null;
  difference: number | null;
  standardError: number | null;
  low: number | null;
  high: number | null;
  /** Why there is no difference, or what to keep in mind; '' when nothing. */
  note: string;
}

export interface CampaignEffect {
  strata: Stratum[];
  /** Share paying something within 3 months. */
  paying3: Comparison;
  /** Share with no claim sent to inddrivelse within 6 months. */
  kept6: Comparison;
  /**
   * Kr. paid within 3 months per debtor, weighted as `paying3` (no interval: amounts are far from
   * normal); `debtors` the called debtors it rests on, and `extra` what they paid beyond what the
   * comparable uncalled paid at the same weights (the calls' effect in kr., rounded once).
   */
  paidPerDebtor3: { called: Ore | null; uncalled: Ore | null; difference: Ore | null; debtors: number; extra: Ore | null };
  /** Called debtors outside every stratum: not in the ledger, or with nothing open at the start. */
  calledLeftOut: { notInLedger: number; notOpenAtStart: number };
  /** Debtors kept out of the uncalled group because a row of the call log naming them could not be read. */
  uncalledUnsure: number;
}

export interface Campaign {
  asOf: CalendarDate;
  /** The first and last call. */
  start: CalendarDate;
  end: CalendarDate;
  weeks: WeekRow[];
  caseworkers: CaseworkerRow[];
  totals: CallFigures;
  effect: CampaignEffect;
  /** Call log rows that could not be read or used. */
  errors: RowError[];
  ledgerErrors: RowError[];
  /** Ledger postings read (those after asOf included), for the reader's line account. */
  rows: number;
  /** The hourly cost the kommune gave (øre per hour), for the cost against kr. recovered (./campaignCost.ts); null when none. */
  hourlyCost: Ore | null;
}

/** The ledger's postings as the campaign keeps them, gathered as a reader streams them. */
export interface CampaignLedger {
  add(p: Posting): void;
  addError(e: RowError): void;
  /** Postings taken (after asOf included). */
  readonly rows: number;
  readonly errors: readonly RowError[];
  /** @internal the columns `campaignOf` reads. */
  readonly data: () => LedgerData;
}

interface LedgerData {
  debtorIds: readonly string[];
  debtorCprs: readonly string[];
  debtorIndex: ReadonlyMap<string, number>;
  claimDebtor: readonly number[];
  claimIds: readonly string[];
  claimTypes: readonly string[];
  claimForfald: readonly number[];
  count: number;
  claim: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  amount: Float64Array;
}

const OTHER = 0;
const BETALING = 1;
const OVERSENDT = 2;
const NO_DAY = -2147483648;

/**
 * A sink for a ledger's postings (as `feedRows` or the CLI's readers give them): postings after
 * `asOf` are counted and dropped, since no window that counts reaches past it.
 */
export function createCampaignLedger(asOf: DayNumber): CampaignLedger {
  const errors: RowError[] = [];
  let rows = 0;
  let absoluteSum = 0;
  const debtorIndex = new Map<string, number>();
  const debtorIds: string[] = [];
  const debtorCprs: string[] = [];
  const claimIndex = new Map<string, number>();
  const claimDebtor: number[] = [];
  const claimIds: string[] = [];
  const claimTypes: string[] = [];
  const typeRows: number[] = [];
  const kravDue: number[] = [];
  const kravDay: number[] = [];
  const anyDay: number[] = [];
  let count = 0;
  let capacity = 1 << 12;
  let claim = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let kind = new Uint8Array(capacity);
  let amount = new Float64Array(capacity);
  const grow = () => {
    capacity *= 2;
    const bigger = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(capacity);
      b.set(a);
      return b;
    };
    claim = bigger(claim, Int32Array);
    day = bigger(day, Int32Array);
    kind = bigger(kind, Uint8Array);
    amount = bigger(amount, Float64Array);
  };
  return {
    get rows() {
      return rows;
    },
    errors,
    addError: (e) => void errors.push(e),
    add(p) {
      rows += 1;
      if (p.postingDay > asOf) return;
      absoluteSum += Math.abs(p.amount);
      let d = debtorIndex.get(p.debtorId);
      if (d === undefined) {
        d = debtorIds.length;
        debtorIndex.set(p.debtorId, d);
        debtorIds.push(p.debtorId);
        debtorCprs.push('');
      }
      if (debtorCprs[d] === '' && p.cpr !== '') debtorCprs[d] = cprKey(p.cpr);
      const key = `${p.debtorId}\u0000${p.claimId}`;
      let c = claimIndex.get(key);
      if (c === undefined) {
        c = claimIds.length;
        claimIndex.set(key, c);
        claimDebtor.push(d);
        claimIds.push(p.claimId);
        claimTypes.push(p.claimType);
        typeRows.push(p.row);
        kravDue.push(NO_DAY);
        kravDay.push(NO_DAY);
        anyDay.push(p.dueDay ?? p.postingDay);
      } else if (p.row < typeRows[c]!) {
        // The claim's type is its first row's, whatever order the rows come in (as the funnel's).
        claimTypes[c] = p.claimType;
        typeRows[c] = p.row;
      }
      const seen = p.dueDay ?? p.postingDay;
      if (seen < anyDay[c]!) anyDay[c] = seen;
      if (p.kind === 'krav') {
        if (p.dueDay !== null && (kravDue[c] === NO_DAY || p.dueDay < kravDue[c]!)) kravDue[c] = p.dueDay;
        if (kravDay[c] === NO_DAY || p.postingDay < kravDay[c]!) kravDay[c] = p.postingDay;
      }
      if (count === capacity) grow();
      claim[count] = c;
      day[count] = p.postingDay;
      kind[count] = p.kind === 'betaling' ? BETALING : p.kind === 'oversendt' ? OVERSENDT : OTHER;
      amount[count] = p.amount;
      count += 1;
    },
    data() {
      checkExactSum(absoluteSum, 'Posteringslisten');
      // The forfald as the funnel reads it: the krav's earliest due date, else its booking, else any date the claim has.
      const claimForfald = claimIds.map((_, c) => (kravDue[c] !== NO_DAY ? kravDue[c]! : kravDay[c] !== NO_DAY ? kravDay[c]! : anyDay[c]!));
      return { debtorIds, debtorCprs, debtorIndex, claimDebtor, claimIds, claimTypes, claimForfald, count, claim, day, kind, amount };
    },
  };
}

/**
 * The ISO week of a day: the week (Monday to Sunday) belongs to the year of its Thursday (ISO 8601).
 * @example isoWeekOf(dayNumberOf(2027, 1, 1)) // { week: '2026-W53', monday: 2026-12-28 }
 */
export function isoWeekOf(day: DayNumber): { week: string; monday: DayNumber } {
  const monday = day - (isoWeekday(day) - 1);
  const thursday = monday + 3;
  const year = partsOf(thursday).year;
  const week = Math.floor((thursday - dayNumberOf(year, 1, 1)) / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday };
}

/** The last day of an n-month window from `day` (month-end clamped, as `addMonths`). */
function windowEnd(day: DayNumber, months: number): DayNumber {
  const { year, month, day: d } = partsOf(day);
  return addMonthsToDay(year, month, d, months);
}

/** One stratum's counts for `stratifiedDifference`: n and successes, called (1) and uncalled (0). */
export interface StratumCounts {
  n1: number;
  x1: number;
  n0: number;
  x0: number;
}

/**
 * The difference of two proportions standardised over strata, with a 95 % interval by the normal
 * approximation. Only strata with n1 > 0 and n0 > 0 count; the weight of stratum s is its called
 * count, w_s = n1_s, W = Σ w_s:
 *
 *   D = Σ w_s (p1_s − p0_s) / W,   p1_s = x1_s / n1_s, p0_s = x0_s / n0_s
 *   SE(D) = √( Σ (w_s / W)² · [ p1_s (1 − p1_s) / n1_s + p0_s (1 − p0_s) / n0_s ] )
 *   95 % interval: D ± 1,96 · SE(D)
 *
 * (the strata are independent samples; each stratum's difference has the usual unpooled
 * variance). With few debtors, or shares of 0 or 1 (variance 0), the approximation is poor: the
 * interval is then too narrow, which docs/cli.md says.
 * @example stratifiedDifference([{ n1: 10, x1: 6, n0: 20, x0: 6 }]) // difference 0.3, SE ≈ 0.1857 (√(0.6·0.4/10 + 0.3·0.7/20))
 */
export function stratifiedDifference(strata: readonly StratumCounts[]): {
  difference: number | null;
  standardError: number | null;
  low: number | null;
  high: number | null;
  calledShare: number | null;
  uncalledShare: number | null;
  strata: number;
  called: number;
  calledLeftOut: number;
  uncalled: number;
} {
  let w = 0;
  let x1 = 0;
  let weighted0 = 0;
  let used = 0;
  let leftOut = 0;
  let uncalled = 0;
  for (const s of strata) {
    if (s.n1 === 0) continue;
    if (s.n0 === 0) {
      leftOut += s.n1;
      continue;
    }
    used += 1;
    w += s.n1;
    x1 += s.x1;
    weighted0 += (s.n1 * s.x0) / s.n0;
    uncalled += s.n0;
  }
  if (w === 0) return { difference: null, standardError: null, low: null, high: null, calledShare: null, uncalledShare: null, strata: 0, called: 0, calledLeftOut: leftOut, uncalled: 0 };
  let variance = 0;
  for (const s of strata) {
    if (s.n1 === 0 || s.n0 === 0) continue;
    const p1 = s.x1 / s.n1;
    const p0 = s.x0 / s.n0;
    const share = s.n1 / w;
    variance += share * share * ((p1 * (1 - p1)) / s.n1 + (p0 * (1 - p0)) / s.n0);
  }
  const calledShare = x1 / w;
  const uncalledShare = weighted0 / w;
  const difference = calledShare - uncalledShare;
  const se = Math.sqrt(variance);
  return { difference, standardError: se, low: difference - Z95 * se, high: difference + Z95 * se, calledShare, uncalledShare, strata: used, called: w, calledLeftOut: leftOut, uncalled };
}

interface Accumulator {
  calls: number;
  contacts: number;
  agreements: number;
  paidInCall: number;
  refused: number;
  noContact: number;
  agreed: number;
  minuteHundredths: number;
  callsWithoutMinutes: number;
  debtors: number;
  notInLedger: number;
  paid3: { debtors: number; notOver: number; payers: number; amount: number };
  paid6: { debtors: number; notOver: number; payers: number; amount: number };
  kept: KeptFigures;
}
const newAccumulator = (): Accumulator => ({
  calls: 0,
  contacts: 0,
  agreements: 0,
  paidInCall: 0,
  refused: 0,
  noContact: 0,
  agreed: 0,
  minuteHundredths: 0,
  callsWithoutMinutes: 0,
  debtors: 0,
  notInLedger: 0,
  paid3: { debtors: 0, notOver: 0, payers: 0, amount: 0 },
  paid6: { debtors: 0, notOver: 0, payers: 0, amount: 0 },
  kept: { claims: 0, kept: 0, notOver: 0 },
});
const figuresOf = (a: Accumulator): CallFigures => ({
  ...a,
  agreed: ore(a.agreed),
  paid3: { ...a.paid3, amount: ore(a.paid3.amount) },
  paid6: { ...a.paid6, amount: ore(a.paid6.amount) },
  kept: { ...a.kept },
});

function addCall(a: Accumulator, call: Call): void {
  a.calls += 1;
  if (call.outcome === 'ingen kontakt') a.noContact += 1;
  else a.contacts += 1;
  if (call.outcome === 'aftale') a.agreements += 1;
  if (call.outcome === 'betalt') a.paidInCall += 1;
  if (call.outcome === 'afvist') a.refused += 1;
  a.agreed += call.agreed ?? 0;
  a.minuteHundredths += call.minuteHundredths;
  if (call.minutesMissing) a.callsWithoutMinutes += 1;
}

/** What the ledger says of one called debtor after the first call. */
interface DebtorFacts {
  inLedger: boolean;
  over3: boolean;
  paid3: number;
  over6: boolean;
  paid6: number;
  openClaims: number;
  transferredClaims: number;
}

function addDebtor(a: Accumulator, f: DebtorFacts): void {
  a.debtors += 1;
  if (!f.inLedger) {
    a.notInLedger += 1;
    return;
  }
  const window = (w: Accumulator['paid3'], over: boolean, paid: number) => {
    if (!over) {
      w.notOver += 1;
      return;
    }
    w.debtors += 1;
    if (paid > 0) w.payers += 1;
    w.amount += paid;
  };
  window(a.paid3, f.over3, f.paid3);
  window(a.paid6, f.over6, f.paid6);
  if (f.over6) {
    a.kept.claims += f.openClaims;
    a.kept.kept += f.openClaims - f.transferredClaims;
  } else a.kept.notOver += f.openClaims;
}

const newGroup = () => ({ debtors: 0, debtors3: 0, notOver3: 0, payers3: 0, paid3: 0, debtors6: 0, notOver6: 0, kept6: 0 });
type Group = ReturnType<typeof newGroup>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The campaign's follow-up on `asOf` from the call log and the ledger gathered by
 * `createCampaignLedger` (with the same `asOf`). Calls dated after `asOf` are row errors.
 */
export function campaignOf(log: CallLog, ledger: CampaignLedger, asOfDay: DayNumber, options: { hourlyCost?: Ore } = {}): Campaign {
  const errors: RowError[] = [...log.errors];
  const calls: Call[] = [];
  for (const c of log.calls) {
    if (c.day > asOfDay) errors.push({ row: c.row, message: `Opkaldet den ${danishDate(fromDayNumber(c.day))} ligger efter opgørelsesdatoen ${danishDate(fromDayNumber(asOfDay))}; det er udeladt.` });
    else calls.push(c);
  }
  errors.sort((a, b) => a.row - b.row);
  if (calls.length === 0) {
    throw new SaldoError('MANGLER', 'calls', null, `Opkaldsloggen har ingen opkald, der kan bruges (${log.errors.length} rækker med fejl, ${log.calls.length - calls.length} efter opgørelsesdatoen).`);
  }
  // The first call of each debtor decides their window: calls in date order, a day's in row order.
  calls.sort((a, b) => a.day - b.day || a.row - b.row);
  const start = calls[0]!.day;
  const end = calls[calls.length - 1]!.day;
  const L = ledger.data();
  const debtorCount = L.debtorIds.length;

  // The calls' debtors in the ledger: by number, else by the CPR/CVR number its rows carry.
  let byCpr: Map<string, number> | null = null;
  const ledgerDebtorOf = (key: string): number => {
    const d = L.debtorIndex.get(key);
    if (d !== undefined) return d;
    if (byCpr === null) {
      byCpr = new Map();
      for (let i = 0; i < debtorCount; i += 1) if (L.debtorCprs[i] !== '' && !byCpr.has(L.debtorCprs[i]!)) byCpr.set(L.debtorCprs[i]!, i);
    }
    return byCpr.get(cprKey(key)) ?? -1;
  };
  /** Each called debtor (a ledger index, or the log's key when the ledger does not know it) and their first call. */
  const firstCalls = new Map<string, { ledger: number; call: Call }>();
  const called = new Uint8Array(debtorCount);
  const anchor = new Int32Array(debtorCount).fill(start);
  for (const c of calls) {
    const d = ledgerDebtorOf(c.debtorId);
    const key = d >= 0 ? `#${d}` : c.debtorId;
    if (firstCalls.has(key)) continue;
    firstCalls.set(key, { ledger: d, call: c });
    if (d >= 0) {
      called[d] = 1;
      anchor[d] = c.day;
    }
  }
  const unsure = new Uint8Array(debtorCount);
  for (const id of log.unsureDebtors) {
    const d = ledgerDebtorOf(id);
    if (d >= 0 && called[d] === 0) unsure[d] = 1;
  }

  // Each debtor's windows (many share an anchor: the start, or a day of calls).
  const ends = new Map<number, [number, number]>();
  const end3 = new Int32Array(debtorCount);
  const end6 = new Int32Array(debtorCount);
  for (let d = 0; d < debtorCount; d += 1) {
    let e = ends.get(anchor[d]!);
    if (e === undefined) {
      e = [windowEnd(anchor[d]!, WINDOW_MONTHS[0]), windowEnd(anchor[d]!, WINDOW_MONTHS[1])];
      ends.set(anchor[d]!, e);
    }
    end3[d] = e[0];
    end6[d] = e[1];
  }

  // One pass over the postings: the balances before the start and before the window, the payments and transfers in it.
  const claimCount = L.claimIds.length;
  const atStart = new Float64Array(claimCount);
  const atAnchor = new Float64Array(claimCount);
  const transferred = new Uint8Array(claimCount);
  const paid3 = new Float64Array(debtorCount);
  const paid6 = new Float64Array(debtorCount);
  for (let i = 0; i < L.count; i += 1) {
    const c = L.claim[i]!;
    const d = L.claimDebtor[c]!;
    const day = L.day[i]!;
    const a = L.amount[i]!;
    const from = anchor[d]!;
    if (day < start) atStart[c]! += a;
    if (day < from) atAnchor[c]! += a;
    else if (L.kind[i] === BETALING) {
      if (day <= end3[d]!) paid3[d]! -= a;
      if (day <= end6[d]!) paid6[d]! -= a;
    } else if (L.kind[i] === OVERSENDT && day <= end6[d]!) transferred[c] = 1;
  }

  // Each debtor at the start (open amount, largest claim's type, oldest forfald) and at the window's start (open claims, transferred).
  const openAtStart = new Float64Array(debtorCount);
  const largest = new Int32Array(debtorCount).fill(-1);
  const oldest = new Int32Array(debtorCount).fill(NO_DAY);
  const openClaims = new Int32Array(debtorCount);
  const transferredClaims = new Int32Array(debtorCount);
  for (let c = 0; c < claimCount; c += 1) {
    const d = L.claimDebtor[c]!;
    if (atStart[c]! > 0) {
      openAtStart[d]! += atStart[c]!;
      const l = largest[d]!;
      // The largest open claim; of equal ones, the lowest claim id, so the order of rows does not matter.
      if (l < 0 || atStart[c]! > atStart[l]! || (atStart[c] === atStart[l] && L.claimIds[c]! < L.claimIds[l]!)) largest[d] = c;
      if (oldest[d] === NO_DAY || L.claimForfald[c]! < oldest[d]!) oldest[d] = L.claimForfald[c]!;
    }
    if (atAnchor[c]! > 0) {
      openClaims[d]! += 1;
      if (transferred[c] === 1) transferredClaims[d]! += 1;
    }
  }
  const factsOf = (d: number): DebtorFacts =>
    d < 0
      ? { inLedger: false, over3: false, paid3: 0, over6: false, paid6: 0, openClaims: 0, transferredClaims: 0 }
      : { inLedger: true, over3: end3[d]! <= asOfDay, paid3: paid3[d]!, over6: end6[d]! <= asOfDay, paid6: paid6[d]!, openClaims: openClaims[d]!, transferredClaims: transferredClaims[d]! };

  // Per week and caseworker, per caseworker, and in all: the calls, then each debtor at their first call.
  const weekRows = new Map<string, { week: string; monday: number; caseworker: string; acc: Accumulator }>();
  const workerRows = new Map<string, Accumulator>();
  const total = newAccumulator();
  const rowsOf = (call: Call) => {
    const { week, monday } = isoWeekOf(call.day);
    const key = `${week}\u0000${call.caseworker}`;
    let w = weekRows.get(key);
    if (w === undefined) {
      w = { week, monday, caseworker: call.caseworker, acc: newAccumulator() };
      weekRows.set(key, w);
    }
    let k = workerRows.get(call.caseworker);
    if (k === undefined) {
      k = newAccumulator();
      workerRows.set(call.caseworker, k);
    }
    return [w.acc, k, total];
  };
  for (const c of calls) for (const a of rowsOf(c)) addCall(a, c);
  for (const { ledger: d, call } of firstCalls.values()) {
    const facts = factsOf(d);
    for (const a of rowsOf(call)) addDebtor(a, facts);
  }
  const weeks: WeekRow[] = [...weekRows.values()]
    .sort((x, y) => byText(x.week, y.week) || byText(x.caseworker, y.caseworker))
    .map((w) => ({ week: w.week, weekStart: fromDayNumber(w.monday), caseworker: w.caseworker, ...figuresOf(w.acc) }));
  const caseworkers: CaseworkerRow[] = [...workerRows.entries()].sort(([x], [y]) => byText(x, y)).map(([caseworker, acc]) => ({ caseworker, ...figuresOf(acc) }));
  const totals = figuresOf(total);
  checkSums(weeks, totals, 'ugerne');
  checkSums(caseworkers, totals, 'sagsbehandlerne');

  return {
    asOf: fromDayNumber(asOfDay),
    start: fromDayNumber(start),
    end: fromDayNumber(end),
    weeks,
    caseworkers,
    totals,
    effect: effectOf({ L, called, unsure, openAtStart, largest, oldest, start, asOfDay, end3, end6, paid3, openClaims, transferredClaims, firstCalls }),
    errors,
    ledgerErrors: [...ledger.errors],
    rows: ledger.rows,
    hourlyCost: options.hourlyCost ?? null,
  };
}

/** The rows must add up to the totals (calls, minutes, kr. agreed and paid): never returned otherwise. */
function checkSums(rows: readonly CallFigures[], totals: CallFigures, what: string): void {
  const sum = (f: (r: CallFigures) => number) => rows.reduce((s, r) => s + f(r), 0);
  const checks: Array<[string, (r: CallFigures) => number]> = [
    ['opkald', (r) => r.calls],
    ['debitorer', (r) => r.debtors],
    ['minutter', (r) => r.minuteHundredths],
    ['aftalt beløb', (r) => r.agreed],
    ['betalt inden for 3 måneder', (r) => r.paid3.amount],
    ['betalt inden for 6 måneder', (r) => r.paid6.amount],
  ];
  for (const [name, f] of checks) {
    if (sum(f) !== f(totals)) {
      throw new SaldoError(
        'AFSTEMNING',
        'calls',
        name,
        `Kampagneopfølgningen afstemmer ikke: ${what} giver ${name} ${sum(f)}, i alt ${f(totals)}. Det er en fejl i Saldo: meld den til udviklerne sammen med filerne.`,
      );
    }
  }
}

interface EffectInput {
  L: LedgerData;
  called: Uint8Array;
  unsure: Uint8Array;
  openAtStart: Float64Array;
  largest: Int32Array;
  oldest: Int32Array;
  start: number;
  asOfDay: number;
  end3: Int32Array;
  end6: Int32Array;
  paid3: Float64Array;
  openClaims: Int32Array;
  transferredClaims: Int32Array;
  firstCalls: ReadonlyMap<string, { ledger: number; call: Call }>;
}

function bandOf(openOre: number, ageDays: number): [number, number] {
  const size = SIZE_BANDS.findIndex((b) => openOre < b.below);
  const age = AGE_BANDS.findIndex((b) => ageDays <= b.upTo);
  return [size, age];
}

function effectOf(x: EffectInput): CampaignEffect {
  const { L, called, unsure, openAtStart, largest, oldest, start, asOfDay, end3, end6, paid3, openClaims, transferredClaims } = x;
  const strata = new Map<string, { claimType: string; size: number; age: number; called: Group; uncalled: Group }>();
  let uncalledUnsure = 0;
  for (let d = 0; d < L.debtorIds.length; d += 1) {
    if (!(openAtStart[d]! > 0)) continue;
    if (called[d] === 0 && unsure[d] === 1) {
      uncalledUnsure += 1;
      continue;
    }
    const claimType = L.claimTypes[largest[d]!]!;
    const [size, age] = bandOf(openAtStart[d]!, start - oldest[d]!);
    const key = `${claimType}\u0000${size}\u0000${age}`;
    let s = strata.get(key);
    if (s === undefined) {
      s = { claimType, size, age, called: newGroup(), uncalled: newGroup() };
      strata.set(key, s);
    }
    const g = called[d] === 1 ? s.called : s.uncalled;
    g.debtors += 1;
    if (end3[d]! <= asOfDay) {
      g.debtors3 += 1;
      if (paid3[d]! > 0) g.payers3 += 1;
      g.paid3 += paid3[d]!;
    } else g.notOver3 += 1;
    if (openClaims[d]! > 0) {
      if (end6[d]! <= asOfDay) {
        g.debtors6 += 1;
        if (transferredClaims[d] === 0) g.kept6 += 1;
      } else g.notOver6 += 1;
    }
  }
  let notInLedger = 0;
  let notOpenAtStart = 0;
  for (const { ledger: d } of x.firstCalls.values()) {
    if (d < 0) notInLedger += 1;
    else if (!(openAtStart[d]! > 0)) notOpenAtStart += 1;
  }
  const list = [...strata.values()].sort((a, b) => byText(a.claimType, b.claimType) || a.size - b.size || a.age - b.age);
  const group = (g: Group): StratumGroup => ({ ...g, paid3: ore(g.paid3) });
  const out: Stratum[] = list.map((s) => ({
    claimType: s.claimType,
    sizeBand: SIZE_BANDS[s.size]!.label,
    ageBand: AGE_BANDS[s.age]!.label,
    called: group(s.called),
    uncalled: group(s.uncalled),
    compared3: s.called.debtors3 > 0 && s.uncalled.debtors3 > 0,
    compared6: s.called.debtors6 > 0 && s.uncalled.debtors6 > 0,
  }));
  const uncalledOpen = list.reduce((n, s) => n + s.uncalled.debtors, 0);
  const paying3 = comparison(
    list.map((s) => ({ n1: s.called.debtors3, x1: s.called.payers3, n0: s.uncalled.debtors3, x0: s.uncalled.payers3 })),
    uncalledOpen,
    list.reduce((n, s) => n + s.called.notOver3, 0),
    3,
  );
  const kept6 = comparison(
    list.map((s) => ({ n1: s.called.debtors6, x1: s.called.kept6, n0: s.uncalled.debtors6, x0: s.uncalled.kept6 })),
    uncalledOpen,
    list.reduce((n, s) => n + s.called.notOver6, 0),
    6,
  );
  // Kr. per debtor, weighted as the shares: the called mean against the uncalled means weighted by the called counts.
  let w = 0;
  let calledPaid = 0;
  let uncalledWeighted = 0;
  for (const s of list) {
    if (s.called.debtors3 === 0 || s.uncalled.debtors3 === 0) continue;
    w += s.called.debtors3;
    calledPaid += s.called.paid3;
    uncalledWeighted += (s.called.debtors3 * s.uncalled.paid3) / s.uncalled.debtors3;
  }
  // A mean is rounded once, to the øre, half away from zero (SPEC's default); the difference is of the rounded means.
  const calledMean = w === 0 ? null : ore(divideRounded(calledPaid, w, 'halfAwayFromZero'));
  const uncalledMean = w === 0 ? null : ore(Math.sign(uncalledWeighted) * Math.round(Math.abs(uncalledWeighted / w)));
  return {
    strata: out,
    paying3,
    kept6,
    paidPerDebtor3: {
      called: calledMean,
      uncalled: uncalledMean,
      difference: calledMean === null || uncalledMean === null ? null : ore(calledMean - uncalledMean),
      debtors: w,
      extra: w === 0 ? null : ore(Math.sign(calledPaid - uncalledWeighted) * Math.round(Math.abs(calledPaid - uncalledWeighted))),
    },
    calledLeftOut: { notInLedger, notOpenAtStart },
    uncalledUnsure,
  };
}

/** "1 debitor er" / "3 debitorer er". */
const debtorsText = (n: number): string => `${n} ${n === 1 ? 'debitor er' : 'debitorer er'}`;

function comparison(counts: readonly StratumCounts[], uncalledOpen: number, calledNotOver: number, months: number): Comparison {
  const r = stratifiedDifference(counts);
  const notes: string[] = [];
  if (uncalledOpen === 0) notes.push('Der er ingen sammenlignelige debitorer, der ikke er ringet op: ingen effekt kan måles, kun de ringedes tal vises.');
  else if (r.difference === null) {
    const uncalledOver = counts.reduce((n, s) => n + s.n0, 0);
    notes.push(
      uncalledOver === 0
        ? `${months}-måneders-vinduet fra kampagnens start er ikke afsluttet: ingen sammenligning endnu.`
        : `Ingen ringet debitor med afsluttet ${months}-måneders-vindue har sammenlignelige ikke-ringede debitorer: ingen effekt kan måles.`,
    );
  }
  if (r.calledLeftOut > 0) notes.push(`${debtorsText(r.calledLeftOut)} ringet op i grupper uden ikke-ringede og udeladt af forskellen.`);
  if (calledNotOver > 0) notes.push(`${debtorsText(calledNotOver)} ringet op, hvis ${months}-måneders-vindue ikke er afsluttet, er udeladt.`);
  return {
    calledDebtors: r.called,
    calledLeftOut: r.calledLeftOut,
    uncalledDebtors: r.uncalled,
    strata: r.strata,
    calledShare: r.calledShare,
    uncalledShare: r.uncalledShare,
    difference: r.difference,
    standardError: r.standardError,
    low: r.low,
    high: r.high,
    note: notes.join(' '),
  };
}

/** A short Danish line for standard error: calls, agreements, kr. paid within 3 months and the effect. */
export function campaignSummaryText(c: Campaign): string {
  const n = (x: number) => x.toLocaleString('da-DK');
  const t = c.totals;
  const p = c.effect.paying3;
  const pct = (v: number) => `${(v * 100).toFixed(1).replace('.', ',')} %`;
  const effect =
    p.difference === null
      ? `ingen effekt målt (${p.note})`
      : `betalende inden for 3 måneder ${pct(p.calledShare!)} mod ${pct(p.uncalledShare!)} blandt sammenlignelige ikke-ringede, forskel ${pct(p.difference)} (95 %-interval ${pct(p.low!)} til ${pct(p.high!)})`;
  const cost = c.hourlyCost === null ? '' : ` Opkaldenes tid koster ${formatKroner(costOf(t, c.hourlyCost))} ved ${formatKroner(c.hourlyCost)} i timen.`;
  return `Kampagne ${danishDate(c.start)} – ${danishDate(c.end)}: ${n(t.calls)} opkald, ${n(t.contacts)} kontakter, ${n(t.agreements)} aftaler (${formatKroner(t.agreed)}), betalt inden for 3 måneder ${formatKroner(t.paid3.amount)} (${n(t.paid3.notOver)} debitorer ikke afsluttet); ${effect}.${cost}`;
}
