/**
 * The forældelse radar (SPEC "Portfolio commands", `limitation`): the open claims whose limitation
 * period ends within the next `days` days of `asOf`, with the open amount, the claim type and the
 * step that would interrupt it; and, apart, the claims already forældet on `asOf` (a caseworker
 * must not miss them, nor collect them).
 *
 * The forældelse is the statement's (core/ledger/limitation.ts: §§ 2, 3, 5, 15, 19, 27 stk. 2),
 * judged on `asOf`: the radar folds the ledger through the statement builder ended on that day, so
 * payments after it do not count and a dom dated after it did not exist yet. A period's
 * `limitationDate` is its last day (§ 27 stk. 1–2: the frist udløber that day, so a step taken on
 * it is in time): `daysLeft` = limitationDate − asOf ≥ 0 is in the window up to `days` inclusive,
 * and a claim is forældet on `asOf` when its last day is before it.
 *
 * With a dom, the principal has 10 years and renter and gebyrer falling due later 3 (§ 5 stk. 2):
 * where those run out first, the claim is listed for them (`part: "renterOgGebyrer"`); the ledger
 * does not split a claim's balance into principal and renter, so `open` is the claim's whole open
 * balance either way, and the totals say so.
 *
 * Each claim carries its caseworker (the ledger's Sagsbehandler on the claim's lowest row that
 * names one, '' when none does), and the totals are given per claim type and per caseworker, so
 * that a team sees who has the kroner at risk (issue 20).
 */
import { danishDate, fromDayNumber, MAX_DAY, partsOf, toDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError, showValue, type At } from '../errors.js';
import { feedRows } from '../ledger/ledgerJson.js';
import type { RowError } from '../ledger/posting.js';
import { shownFor, type ShowOptions } from '../ledger/shownTexts.js';
import { createStatementBuilder, type LazyStatement, type Statement } from '../ledger/statement.js';
import { ore, toKroner, type Ore } from '../money/ore.js';
import { claimTypeRule, findClaimType, NEW_CLAIM_TYPE } from '../rules/claimTypes.js';
import { defaultInterruptSteps, interruptStepText, type InterruptRoute, type InterruptStep } from '../rules/limitationSteps.js';
import type { RuleSet } from '../rules/ruleSet.js';

/** The window when none is given (SPEC: `--days 180`). */
export const DEFAULT_WINDOW_DAYS = 180;
/** The longest window: a hundred years of days keeps `asOf + days` a calendar date. */
export const MAX_WINDOW_DAYS = 36_525;

/** Which part of the claim's period runs out: the whole claim (with a dom: its principal), or only renter and gebyrer after the dom. */
export type LimitationPart = 'fordring' | 'renterOgGebyrer';

export interface RadarClaim {
  debtorId: string;
  name: string;
  claimId: string;
  claimType: string;
  /** The claim's caseworker (Sagsbehandler); '' when the ledger names none. */
  caseworker: string;
  /** The claim's open balance on `asOf` (øre): the whole claim, also where only its renter and gebyrer run out. */
  open: Ore;
  /** The last day of the period (a step on this day is still in time). */
  limitationDate: CalendarDate;
  daysLeft: number;
  part: LimitationPart;
  /** The statement's grounds: which rule and which dates. */
  limitationReason: string;
  route: InterruptRoute;
  /** What to do, in one Danish sentence with the date. */
  step: string;
}

export interface BarredClaim {
  debtorId: string;
  name: string;
  claimId: string;
  claimType: string;
  caseworker: string;
  open: Ore;
  /** The last day of the period that has run out. */
  limitationDate: CalendarDate;
  /** Days since that last day (≥ 1). */
  daysSince: number;
  part: LimitationPart;
  limitationReason: string;
}

export interface RadarTotal {
  claimType: string;
  claims: number;
  open: Ore;
}

export interface RadarCaseworkerTotal {
  /** '' for the claims whose ledger rows name no caseworker. */
  caseworker: string;
  claims: number;
  open: Ore;
}

/** Each list's totals: by claim type and by caseworker (each in text order), each summing to `all`. */
export interface RadarTotals {
  byClaimType: RadarTotal[];
  byCaseworker: RadarCaseworkerTotal[];
  all: { claims: number; open: Ore };
}

export interface LimitationRadar {
  asOf: CalendarDate;
  days: number;
  /** asOf + days: the window's last day, included. */
  windowEnd: CalendarDate;
  /** In the window, by days left (then debtor and claim). */
  claims: RadarClaim[];
  totals: RadarTotals;
  /** Forældet on `asOf`: most recently first. */
  alreadyBarred: { claims: BarredClaim[]; totals: RadarTotals };
  /** Open claims on `asOf` that the radar looked at. */
  openClaims: number;
  errors: RowError[];
  /** Rows the statement took (those after `asOf` included): the reader's line account. */
  rows: number;
}

/**
 * The window's length: a positive whole number of days (JSON number, or text from a command line
 * or a form field); absent gives 180.
 * @example parseWindowDays('90', '--days') // 90
 */
export function parseWindowDays(raw: unknown, place: At): number {
  if (raw === undefined) return DEFAULT_WINDOW_DAYS;
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const n = text !== undefined && /^\d+$/.test(text) ? Number(text) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_WINDOW_DAYS) {
    throw SaldoError.at('UGYLDIGT_INPUT', place, raw, `angiv antal dage som et positivt helt tal, f.eks. 180 (højst ${MAX_WINDOW_DAYS}; fik ${showValue(raw)}).`);
  }
  return n;
}

/**
 * The way a claim type's forældelse is interrupted, by the kommune's politik in the rules: a
 * restance procedure with a `fundament` step is a civil-law claim that must go to court first
 * (unless it has a dom already); one with `oversendelse` goes to Gældsstyrelsen; otherwise (a
 * betalingsordning only) the debtor's acknowledgement. A claim type the rules do not know follows
 * the standard procedures, as everywhere in Saldo.
 */
export function interruptRoute(claimType: string, hasJudgment: boolean, rules: RuleSet): InterruptRoute {
  const id = findClaimType(rules.claimTypes.value, claimType);
  const procedureId = id === null ? NEW_CLAIM_TYPE.procedures.restance : claimTypeRule(rules.claimTypes.value, id).procedures.restance;
  const steps = rules.procedures.value[procedureId]?.steps ?? [];
  if (steps.some((s) => s.kind === 'fundament')) return hasJudgment ? 'oversendelse' : 'retsskridt';
  if (steps.some((s) => s.kind === 'oversendelse')) return 'oversendelse';
  return 'erkendelse';
}

interface Acc {
  claims: RadarClaim[];
  barred: BarredClaim[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counts and øre per key, in the keys' text order. */
function grouped<T extends { open: Ore }>(list: readonly T[], key: (c: T) => string): Array<[string, { claims: number; open: Ore }]> {
  const groups = new Map<string, { claims: number; open: number }>();
  for (const c of list) {
    const k = key(c);
    const t = groups.get(k) ?? { claims: 0, open: 0 };
    t.claims += 1;
    t.open += c.open;
    groups.set(k, t);
  }
  return [...groups.entries()].sort(([a], [b]) => byText(a, b)).map(([k, t]) => [k, { claims: t.claims, open: ore(t.open) }]);
}

function totalsOf(list: ReadonlyArray<{ claimType: string; caseworker: string; open: Ore }>): RadarTotals {
  return {
    byClaimType: grouped(list, (c) => c.claimType).map(([claimType, t]) => ({ claimType, ...t })),
    byCaseworker: grouped(list, (c) => c.caseworker).map(([caseworker, t]) => ({ caseworker, ...t })),
    all: { claims: list.length, open: ore(list.reduce((s, c) => s + c.open, 0)) },
  };
}

const byIds = (a: { debtorId: string; claimId: string }, b: { debtorId: string; claimId: string }): number => byText(a.debtorId, b.debtorId) || byText(a.claimId, b.claimId);

/**
 * The radar of a statement made on `asOf` (`createStatementBuilder(year of asOf, rules, asOf)`):
 * its open claims sorted into the window and the forældede.
 */
export function limitationRadar(
  statement: Statement | LazyStatement,
  asOf: DayNumber,
  days: number,
  rules: RuleSet,
  steps: Readonly<Record<InterruptRoute, InterruptStep>> = defaultInterruptSteps.value,
): LimitationRadar {
  // The window's end is a plain day, not a deadline: it is not moved off a closed day.
  const windowEnd = Math.min(asOf + days, MAX_DAY);
  const acc: Acc = { claims: [], barred: [] };
  let openClaims = 0;
  for (const d of statement.debtors) {
    for (const c of d.claims) {
      if (c.closing <= 0) continue;
      openClaims += 1;
      // A period past 31-12-9999 (a date typed in year 9998) is never near.
      if (c.principalLimitationDate === null) continue;
      const principal = toDayNumber(c.principalLimitationDate);
      // With a dom: the renter and gebyrer after it run out on `limitationDate` when that is earlier.
      const fees = c.limitationDate !== null && toDayNumber(c.limitationDate) < principal ? toDayNumber(c.limitationDate) : null;
      const base = { debtorId: d.debtorId, name: d.name, claimId: c.claimId, claimType: c.claimType, caseworker: c.caseworker, open: c.closing, limitationReason: c.limitationReason ?? '' };
      if (principal < asOf) {
        acc.barred.push({ ...base, limitationDate: c.principalLimitationDate, daysSince: asOf - principal, part: 'fordring' });
        continue;
      }
      if (fees !== null && fees < asOf) acc.barred.push({ ...base, limitationDate: fromDayNumber(fees), daysSince: asOf - fees, part: 'renterOgGebyrer' });
      const next = fees !== null && fees >= asOf ? fees : principal;
      if (next > windowEnd) continue;
      const route = interruptRoute(c.claimType, c.judgmentDate !== null, rules);
      const limitationDate = fromDayNumber(next);
      acc.claims.push({
        ...base,
        limitationDate,
        daysLeft: next - asOf,
        part: next === principal ? 'fordring' : 'renterOgGebyrer',
        route,
        step: interruptStepText(steps[route], danishDate(limitationDate)),
      });
    }
  }
  acc.claims.sort((a, b) => a.daysLeft - b.daysLeft || byIds(a, b));
  acc.barred.sort((a, b) => a.daysSince - b.daysSince || byIds(a, b) || (a.part < b.part ? -1 : a.part > b.part ? 1 : 0));
  return {
    asOf: fromDayNumber(asOf),
    days,
    windowEnd: fromDayNumber(windowEnd),
    claims: acc.claims,
    totals: totalsOf(acc.claims),
    alreadyBarred: { claims: acc.barred, totals: totalsOf(acc.barred) },
    openClaims,
    errors: statement.errors,
    rows: statement.totals.rows + statement.totals.rowsAfterYear,
  };
}

/** A statement builder that ends on `asOf`, for the radar (the ledger's rows are added by the caller). */
export const radarStatementBuilder = (asOf: DayNumber, rules: RuleSet) => createStatementBuilder(partsOf(asOf).year, rules, asOf);

/** The radar of ledger rows (a header row first): JSON ledgers and, later, the add-in's sheet. */
export function limitationRadarOfRows(rows: Iterable<readonly unknown[]>, asOf: DayNumber, days: number, rules: RuleSet): LimitationRadar {
  const builder = radarStatementBuilder(asOf, rules);
  feedRows(rows, builder);
  return limitationRadar(builder.finishLazily(), asOf, days, rules);
}

/** The radar's texts from the ledger for one output: as written, or with CPR numbers masked (one masker, as the statement's). */
export function showRadar(r: LimitationRadar, options: ShowOptions = {}): LimitationRadar {
  const show = shownFor(options);
  if (!options.maskCpr) return r;
  const shown = <T extends { debtorId: string; name: string; claimId: string; claimType: string; caseworker: string }>(c: T): T => ({
    ...c,
    debtorId: show(c.debtorId),
    name: show(c.name),
    claimId: show(c.claimId),
    claimType: show(c.claimType),
    caseworker: show(c.caseworker),
  });
  const totals = (t: RadarTotals): RadarTotals => ({
    ...t,
    byClaimType: t.byClaimType.map((x) => ({ ...x, claimType: show(x.claimType) })),
    byCaseworker: t.byCaseworker.map((x) => ({ ...x, caseworker: show(x.caseworker) })),
  });
  return {
    ...r,
    claims: r.claims.map(shown),
    totals: totals(r.totals),
    alreadyBarred: { claims: r.alreadyBarred.claims.map(shown), totals: totals(r.alreadyBarred.totals) },
    errors: r.errors.map((e) => ({ ...e, message: show(e.message) })),
  };
}

const totalsJson = (t: RadarTotals) => ({
  byClaimType: t.byClaimType.map((x) => ({ claimType: x.claimType, claims: x.claims, open: toKroner(x.open) })),
  byCaseworker: t.byCaseworker.map((x) => ({ caseworker: x.caseworker, claims: x.claims, open: toKroner(x.open) })),
  all: { claims: t.all.claims, open: toKroner(t.all.open) },
});

/** The contract's JSON: kroner and ISO dates (docs/cli.md, `limitation`). */
export function limitationRadarToJson(r: LimitationRadar) {
  return {
    asOf: r.asOf,
    days: r.days,
    windowEnd: r.windowEnd,
    claims: r.claims.map((c) => ({
      debtorId: c.debtorId,
      name: c.name,
      claimId: c.claimId,
      claimType: c.claimType,
      caseworker: c.caseworker,
      open: toKroner(c.open),
      limitationDate: c.limitationDate,
      daysLeft: c.daysLeft,
      part: c.part,
      limitationReason: c.limitationReason,
      route: c.route,
      step: c.step,
    })),
    totals: totalsJson(r.totals),
    alreadyBarred: {
      claims: r.alreadyBarred.claims.map((c) => ({
        debtorId: c.debtorId,
        name: c.name,
        claimId: c.claimId,
        claimType: c.claimType,
        caseworker: c.caseworker,
        open: toKroner(c.open),
        limitationDate: c.limitationDate,
        daysSince: c.daysSince,
        part: c.part,
        limitationReason: c.limitationReason,
      })),
      totals: totalsJson(r.alreadyBarred.totals),
    },
    openClaims: r.openClaims,
    errors: r.errors.map((e) => ({ row: e.row, message: e.message })),
  };
}
export type LimitationOutput = ReturnType<typeof limitationRadarToJson>;
