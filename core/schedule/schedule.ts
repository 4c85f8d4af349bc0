/**
 * The payment-agreement schedule (SPEC "plan", steps 1–4):
 * 1. nominal due dates = firstDueDate + k months (or 3k), keeping the day of the month or the
 *    month's last day; the due date is the nominal date moved to a banking day;
 * 2. at each nominal date each interest-bearing claim accrues simple interest for the period;
 * 3. the payment (installment, or what is owed if less) covers claim by claim, oldest first,
 *    fees → interest → principal;
 * 4. the row shows the parts and the balance still owed; the schedule ends at 0.
 */
import { adjustToBankingDay, danishBankCalendar, type BankCalendar } from '../calendar/bankingDays.js';
import { addMonthsToDay, fromDayNumber, toDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError, type At } from '../errors.js';
import { claimTypeRule } from '../rules/claimTypes.js';
import { cover, coverageOrder, type ClaimBalance } from '../allocation/cover.js';
import { mapPacked } from '../arrays.js';
import { monthlyBetalingsevne } from '../betalingsevne/betalingsevne.js';
import { periodInterest } from '../interest/accrue.js';
import type { HenstandWindow } from '../henstand/henstandTerms.js';
import { formatKroner, ore, type Ore } from '../money/ore.js';
import { divideRounded } from '../money/rounding.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { interestBeforeStart, withInterestBeforeStart, type InterestBeforeStart } from './interestBeforeStart.js';
import { MAX_INSTALLMENTS, monthsPerPeriod, type PlanTerms } from './planInput.js';
import { planWarnings, type PlanWarning } from './planWarnings.js';

export interface ScheduleRow {
  n: number;
  nominalDate: CalendarDate;
  dueDate: CalendarDate;
  payment: Ore;
  fees: Ore;
  interest: Ore;
  principal: Ore;
  /** Everything still owed after this payment (fees + interest + principal). */
  balance: Ore;
}

export interface ScheduleSummary {
  count: number;
  installment: Ore;
  total: Ore;
  fees: Ore;
  interest: Ore;
  principal: Ore;
  lastDueDate: CalendarDate;
}

export interface Schedule {
  rows: ScheduleRow[];
  summary: ScheduleSummary;
  /** With `accrueFromDueDate`: the interest from each claim's forfald to the agreement date. */
  interestBeforeStart?: InterestBeforeStart[];
  warnings: PlanWarning[];
}

type Outcome = { kind: 'paid'; rows: ScheduleRow[]; count: number } | { kind: 'neverPays'; n: number; interest: number; balanceBefore: number; balanceAfter: number } | { kind: 'tooMany' };

interface Prepared {
  terms: PlanTerms;
  rules: RuleSet;
  calendar: BankCalendar;
  order: number[];
  step: number;
  first: { year: number; month: number; day: number };
  startDay: DayNumber;
  /** Each claim's own forfaldsdag: no interest runs before it (renteloven §§ 2–3). */
  dueDays: DayNumber[];
  /** Each claim's field for an error, and its interest options without a free window: made once, not per period. */
  claimFields: At[];
  claimAnchors: Array<{ anchor: DayNumber }>;
  henstand?: HenstandWindow;
}

function prepare(terms: PlanTerms, rules: RuleSet, calendar: BankCalendar, henstand?: HenstandWindow): Prepared {
  const types = rules.claimTypes.value;
  const dueDays = mapPacked(terms.claims, (c) => toDayNumber(c.dueDate));
  return {
    terms,
    rules,
    calendar,
    order: coverageOrder(mapPacked(terms.claims, (c) => ({ dueDate: c.dueDate, priority: claimTypeRule(types, c.type).priority }))),
    step: monthsPerPeriod(terms.frequency),
    first: { year: Number(terms.firstDueDate.slice(0, 4)), month: Number(terms.firstDueDate.slice(5, 7)), day: Number(terms.firstDueDate.slice(8, 10)) },
    startDay: toDayNumber(terms.startDate),
    dueDays,
    claimFields: mapPacked(terms.claims, (_, i): At => ['claims', i]),
    claimAnchors: mapPacked(dueDays, (anchor) => ({ anchor })),
    // Always present (undefined without one): one hidden class for every agreement's terms.
    henstand,
  };
}

/**
 * Months from the first nominal date to installment k's (k − 1 periods; k = 0 is a period before
 * the first). A full henstand moves every installment whose nominal date is on or after its start
 * on by its months (SPEC), from the anchor, so the day-of-month rule still holds; the period that
 * spans the henstand is that much longer.
 */
function monthsTo(p: Prepared, k: number): number {
  const { first, step, henstand } = p;
  const plain = (k - 1) * step;
  if (!henstand || henstand.kind !== 'full' || k < 1) return plain;
  return plain + (addMonthsToDay(first.year, first.month, first.day, plain) >= henstand.start ? henstand.months : 0);
}

/** Runs the schedule for one installment. `keepRows` false only counts (for the count search). */
function simulate(p: Prepared, installment: number, keepRows: boolean, maxRows: number): Outcome {
  const { terms, rules, order, henstand } = p;
  const parts = rules.allocationOrder.value;
  const claims: ClaimBalance[] = mapPacked(terms.claims, (c) => ({ fees: c.fees, interest: c.interest, principal: c.principal }));
  const withFees = terms.interestBase === 'principalAndFees';
  let balance = 0;
  for (const c of claims) balance += c.fees + c.interest + c.principal;
  const rows: ScheduleRow[] = [];
  let previous = p.startDay;
  const periodsPerYear = 12 / p.step;
  // balances[k] = what is owed after installment k (balances[0] before the first).
  const balances: number[] = [balance];
  // accruals[k] = the interest accrued in period k.
  const accruals: number[] = [0];
  let lastHenstandRow = -Infinity;
  let freeCarry = 0;
  const henstandWithin = (n: number) => n - lastHenstandRow <= periodsPerYear;
  // Months to the previous nominal date: a period's length is the difference.
  let monthsBefore = monthsTo(p, 0);
  for (let n = 1; n <= maxRows; n += 1) {
    const monthsAt = monthsTo(p, n);
    const nominal = addMonthsToDay(p.first.year, p.first.month, p.first.day, monthsAt);
    const months = monthsAt - monthsBefore;
    monthsBefore = monthsAt;
    // Monthly method, no interest during the henstand: the free months starting in this period,
    // plus any an earlier period was too short to use, up to this period's months.
    let free = henstand?.free;
    if (free && terms.interestMethod === 'monthly') {
      const starting = free.monthStarts.filter((d) => d >= previous && d < nominal).length;
      const used = Math.min(months, starting + freeCarry);
      freeCarry = starting + freeCarry - used;
      free = { ...free, freeMonths: used };
    }
    let accrued = 0;
    for (let i = 0; i < claims.length; i += 1) {
      const claim = claims[i] as ClaimBalance;
      const source = terms.claims[i]!;
      if (source.rate.kind === 'fixed' && source.rate.ppm === 0) continue;
      // SPEC step 2: interest for the period since the later of the previous nominal date (or
      // startDate) and the claim's own forfaldsdag — never for time before a claim falls due
      // (renteloven §§ 2–3; gebyrloven § 3 "fra kravets forfaldsdato at regne").
      const due = p.dueDays[i]!;
      if (due >= nominal) continue;
      // The monthly (annuity) method has no part months: a claim falling due inside a period
      // bears interest from the next whole period (never more than the statute allows).
      if (due > previous && terms.interestMethod === 'monthly') continue;
      const from = Math.max(previous, due);
      const base = withFees ? claim.principal + claim.fees : claim.principal;
      // perStartedMonth counts its months from the claim's forfaldsdag, not from the period's start.
      const interest = periodInterest(ore(base), from, nominal, terms.interestMethod, source.rate, months, p.claimFields[i]!, free ? { free, anchor: due } : p.claimAnchors[i]);
      claim.interest = ore(claim.interest + interest);
      accrued += interest;
    }
    const owed = balance + accrued;
    // During a reduced henstand the installments are lower (SPEC: the schedule runs longer).
    const inHenstand = henstand !== undefined && previous < henstand.end && nominal >= henstand.start;
    const reduced = henstand?.kind === 'reduced' && nominal >= henstand.start && nominal < henstand.end;
    const payment = ore(Math.min(reduced ? (henstand.installment ?? 0) : installment, owed));
    const covered = cover(payment, claims, order, parts);
    const after = owed - payment;
    // An agreement whose balance has not come down over a whole year of regular periods never
    // will: the installments do not cover the interest. The year is the periods after the
    // first: a long first period (agreement in January, first payment in September) carries
    // months of interest the later installments can still pay off. (A single long month may cost
    // more than one installment while the year still pays down; periods touching a henstand are
    // exempt.)
    accruals[n] = accrued;
    const yearAgo = n - periodsPerYear >= 1 ? balances[n - periodsPerYear] : undefined;
    if (after > 0 && yearAgo !== undefined && after >= yearAgo && !inHenstand && !henstandWithin(n)) {
      // The figure to name: the dearest period of that year (more than the installment, since
      // the year's interest together was more than its installments).
      const interest = Math.max(...accruals.slice(n - periodsPerYear + 1, n + 1));
      return { kind: 'neverPays', n, interest, balanceBefore: balance, balanceAfter: after };
    }
    balances[n] = after;
    if (inHenstand) lastHenstandRow = n;
    if (keepRows) {
      // The balance is a difference of øre, whole by construction; the loop runs a million times
      // in a batch, so its brand is given here, not checked by ore() (the property tests check it).
      rows.push({
        n,
        nominalDate: fromDayNumber(nominal),
        dueDate: fromDayNumber(adjustToBankingDay(nominal, terms.bankingDays, p.calendar)),
        payment,
        fees: covered.fees,
        interest: covered.interest,
        principal: covered.principal,
        balance: after as Ore,
      });
    }
    balance = after;
    previous = nominal;
    if (balance === 0) return { kind: 'paid', rows, count: n };
  }
  return { kind: 'tooMany' };
}

/** The installment a count-mode plan needs: the smallest multiple of `rounding` paying all in ≤ count. */
function installmentForCount(p: Prepared, count: number, rounding: number): number {
  const total = p.terms.claims.reduce((s, c) => s + c.fees + c.interest + c.principal, 0);
  const fits = (amount: number): boolean => {
    const outcome = simulate(p, amount, false, count);
    return outcome.kind === 'paid';
  };
  // Nothing smaller than total / count can pay everything in count payments.
  let low = divideRounded(total, count * rounding, 'ceil') * rounding;
  if (fits(low)) return low;
  let high = low * 2;
  while (!fits(high)) {
    low = high;
    high *= 2;
    if (high > Number.MAX_SAFE_INTEGER / 4) throw new RangeError('count search did not converge');
  }
  // Invariant: low does not fit, high fits; both multiples of rounding. The number of payments
  // never grows when the installment grows, so the boundary is unique.
  while (high - low > rounding) {
    const mid = Math.floor((low + high) / 2 / rounding) * rounding;
    if (mid <= low) break;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** The installment the terms ask for (fixed, derived from count, or the betalingsevne). */
export function resolveInstallment(terms: PlanTerms, rules: RuleSet, calendar: BankCalendar = danishBankCalendar): Ore {
  const { mode } = terms;
  switch (mode.kind) {
    case 'installment':
      return mode.installment;
    case 'count':
      return ore(installmentForCount(prepare(terms, rules, calendar), mode.count, mode.rounding));
    case 'paymentCapacity': {
      const evne = monthlyBetalingsevne(mode.netIncome, mode.supportsChildren, mode.year, rules);
      if (evne.monthly === 0) {
        throw new SaldoError(
          'BETALES_ALDRIG',
          ['paymentCapacity', 'netIncome'],
          mode.netIncome / 100,
          `Betalingsevnen er 0 kr. om måneden (${evne.percent} % af ${formatKroner(mode.netIncome)} om året giver under 50 kr. om måneden); der kan ikke laves en afdragsordning – overvej henstand.`,
        );
      }
      // The table gives a monthly amount; a quarterly agreement pays three months at a time.
      return ore(evne.monthly * monthsPerPeriod(terms.frequency));
    }
  }
}

/**
 * Computes the schedule. Throws `BETALES_ALDRIG` when the installment cannot pay the debt and
 * `FOR_MANGE_RÆKKER` beyond 1.200 installments.
 */
export function computeSchedule(given: PlanTerms, rules: RuleSet, calendar: BankCalendar = danishBankCalendar, henstand?: HenstandWindow): Schedule {
  const before = given.accrueFromDueDate ? interestBeforeStart(given) : undefined;
  const terms = before ? withInterestBeforeStart(given, before) : given;
  // The agreement's installment is what it was before any henstand.
  const installment = resolveInstallment(terms, rules, calendar);
  const outcome = simulate(prepare(terms, rules, calendar, henstand), installment, true, MAX_INSTALLMENTS);
  if (outcome.kind === 'neverPays') {
    throw new SaldoError(
      'BETALES_ALDRIG',
      ['installment'],
      installment / 100,
      `Ydelsen ${formatKroner(installment)} dækker ikke periodens rente ${formatKroner(ore(outcome.interest))} (ydelse nr. ${outcome.n}) – gælden bliver aldrig betalt. Hæv ydelsen.`,
    );
  }
  if (outcome.kind === 'tooMany') {
    throw new SaldoError(
      'FOR_MANGE_RÆKKER',
      ['installment'],
      installment / 100,
      `Med en ydelse på ${formatKroner(installment)} ville aftalen løbe over mere end ${MAX_INSTALLMENTS} ydelser. Hæv ydelsen.`,
    );
  }
  const { rows } = outcome;
  // One pass over the rows (four reductions by key cost 13 ms of a 1.000-schedule batch).
  let total = 0;
  let fees = 0;
  let interest = 0;
  let principal = 0;
  for (const r of rows) {
    total += r.payment;
    fees += r.fees;
    interest += r.interest;
    principal += r.principal;
  }
  const summary: ScheduleSummary = {
    count: rows.length,
    installment,
    total: ore(total),
    fees: ore(fees),
    interest: ore(interest),
    principal: ore(principal),
    lastDueDate: rows[rows.length - 1]!.dueDate,
  };
  assertConserved(terms, summary);
  return { rows, summary, ...(before ? { interestBeforeStart: before } : {}), warnings: planWarnings(terms, rules) };
}

/** Money is never lost or invented: a schedule that does not reconcile is never returned. */
function assertConserved(terms: PlanTerms, s: ScheduleSummary): void {
  const principal = terms.claims.reduce((t, c) => t + c.principal, 0);
  const fees = terms.claims.reduce((t, c) => t + c.fees, 0);
  if (s.total !== s.fees + s.interest + s.principal || s.principal !== principal || s.fees !== fees) {
    throw new Error(`Internal error: schedule does not reconcile (total ${s.total}, fees ${s.fees}/${fees}, interest ${s.interest}, principal ${s.principal}/${principal})`);
  }
}
