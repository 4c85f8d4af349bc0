/**
 * The daily work list (arbejdsliste, issue 20): every agreement of the register, checked against
 * the ledger on a date — its state, arrears, breached since, and the politik's step due now —
 * sorted by urgency, with totals by state. One `status` per agreement (core/commands/status.ts),
 * fed from the ledger instead of typed in:
 *
 * - the claims' amounts are what was open on them the day before the agreement date: krav,
 *   korrektion and tilbagebetaling add to the principal, gebyr to the fees, rente to the interest;
 *   betaling, modregning, afskrivning and oversendt reduce them in the rules' dækningsrækkefølge;
 * - payments are the claims' betaling and modregning postings from the agreement date to the
 *   date (a set-off pays the agreement as a payment does); or, for an agreement a payments file
 *   names (paymentLog.ts), the file's payments, never both;
 * - steps taken are the claims' gebyr postings after the agreement date: each is a rykker sent,
 *   the procedure's rykkers taken in order; or, for an agreement a rykker log names (stepLog.ts),
 *   the log's steps after the agreement date, which include steps without a fee;
 * - a claim with an `oversendt` posting from the agreement date on has left the kommune: the
 *   agreement is listed as `oversendt`, with no step.
 *
 * What the ledger cannot say (interest agreed in the agreement, steps without a fee when
 * there is no log) is not guessed. An agreement that cannot be checked is an error with its register row and why.
 */
import { danishDate, fromDayNumber, toDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { status } from '../commands/status.js';
import type { ClaimInput, HenstandInput, PlanInput, StatusInput } from '../commands/inputs.js';
import { isSaldoError } from '../errors.js';
import { feedRows } from '../ledger/ledgerJson.js';
import type { Posting, RowError } from '../ledger/posting.js';
import { ore, toKroner, type Ore } from '../money/ore.js';
import type { ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { chooseProcedure, stepsFor } from '../rykker/procedure.js';
import type { AgreementState } from '../status/agreementStatus.js';
import type { RegisteredAgreement } from './agreementRegister.js';
import type { LoggedPayment, PaymentLog } from './paymentLog.js';
import type { LoggedStep, StepLog } from './stepLog.js';

/** What the list says of an agreement: the status's states, and two the ledger adds. */
export type WorklistState = AgreementState | 'oversendt';

/** How soon the caseworker must act: 1 now, 2 within a week, 3 later, 4 nothing to do (kept), 5 done. */
export type Urgency = 1 | 2 | 3 | 4 | 5;
export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = { 1: 'nu', 2: 'inden for 7 dage', 3: 'senere', 4: 'intet at gøre', 5: 'afsluttet' };

export interface WorklistStep {
  step: string;
  action: string;
  earliest: CalendarDate;
  fee: Ore;
  feeIsMaximum: boolean;
  overdue: boolean;
}

export interface WorklistRow {
  id: string;
  /** The register's row. */
  row: number;
  debtorId: string;
  debtorName: string;
  caseId: string;
  caseworker: string;
  state: WorklistState;
  arrears: Ore;
  breachDate: CalendarDate | null;
  /** Days since the breach on the date (null when not breached). */
  daysInBreach: number | null;
  nextStep: WorklistStep | null;
  urgency: Urgency;
}

export interface Worklist {
  asOf: CalendarDate;
  agreements: WorklistRow[];
  totals: {
    agreements: number;
    arrears: Ore;
    byState: Array<{ state: WorklistState; count: number; arrears: Ore }>;
    /** Agreements listed in `errors` (not in the list). */
    errors: number;
  };
  /** Register rows and agreements that could not be checked, each with its register row. */
  errors: RowError[];
  /** Ledger rows that could not be read (their claims may be missing from an agreement). */
  ledgerErrors: RowError[];
  /** Rykker log rows that could not be used, each with its row in the log. */
  stepErrors: RowError[];
  /** Payments file rows that could not be used, each with its row in the file. */
  paymentErrors: RowError[];
}

const STATE_ORDER: readonly WorklistState[] = ['misligholdt', 'overholdt', 'afsluttet', 'oversendt'];
const WEEK = 7;

interface ClaimPostings {
  type: string;
  /** The ledger's caseworker for the claim (its first row that names one), '' when none. */
  caseworker: string;
  dueDay: DayNumber | null;
  postings: Posting[];
}

/**
 * The work list of `agreements` on `asOf`, from the ledger's rows (the header row first, as a
 * sheet or CSV gives them). Only the register's debtors' postings are kept, so a ledger of a
 * million rows costs the memory of the agreements' claims.
 */
export function worklist(agreements: readonly RegisteredAgreement[], ledgerRows: Iterable<readonly unknown[]>, asOf: CalendarDate, rules: RuleSet, log?: StepLog, paid?: PaymentLog): Worklist {
  const ledger = agreementClaims(agreements);
  feedRows(ledgerRows, ledger);
  return worklistOf(agreements, ledger, asOf, rules, log, paid);
}

/** The agreements' claims gathered from a ledger's postings, as a reader streams them. */
export interface AgreementClaims {
  add(p: Posting): void;
  addError(e: RowError): void;
  readonly claims: ReadonlyMap<string, ClaimPostings>;
  readonly names: ReadonlyMap<string, string>;
  readonly errors: readonly RowError[];
}

/**
 * A sink for a ledger's postings that keeps only the register's debtors' (a ledger of a million
 * rows costs the memory of the agreements' claims), and every row error.
 */
export function agreementClaims(agreements: readonly RegisteredAgreement[]): AgreementClaims {
  const debtors = new Set(agreements.map((a) => a.debtorId));
  const claims = new Map<string, ClaimPostings>();
  const names = new Map<string, string>();
  const errors: RowError[] = [];
  return {
    claims,
    names,
    errors,
    addError: (e) => void errors.push(e),
    add(p) {
      if (!debtors.has(p.debtorId)) return;
      const key = claimKey(p.debtorId, p.claimId);
      let claim = claims.get(key);
      if (!claim) {
        claim = { type: p.claimType, caseworker: p.caseworker, dueDay: p.dueDay, postings: [] };
        claims.set(key, claim);
      }
      if (claim.dueDay === null && p.kind === 'krav') claim.dueDay = p.dueDay;
      if (claim.type === '') claim.type = p.claimType;
      if (claim.caseworker === '') claim.caseworker = p.caseworker;
      claim.postings.push(p);
      if (p.debtorName !== '' && !names.has(p.debtorId)) names.set(p.debtorId, p.debtorName);
    },
  };
}

/**
 * The work list from the agreements' claims gathered by `agreementClaims`; with a rykker log, the
 * steps of the agreements it names come from it (its unreadable rows, and rows naming an
 * agreement the register lacks, are among the errors).
 */
export function worklistOf(agreements: readonly RegisteredAgreement[], ledger: AgreementClaims, asOf: CalendarDate, rules: RuleSet, log?: StepLog, paid?: PaymentLog): Worklist {
  const { claims, names, errors: ledgerErrors } = ledger;
  const errors: RowError[] = [];
  const rows: WorklistRow[] = [];
  for (const agreement of agreements) {
    const row = worklistRow(agreement, claims, names, asOf, rules, log?.steps.get(agreement.id), paid?.payments.get(agreement.id));
    if ('message' in row) errors.push(row);
    else rows.push(row);
  }
  const stepErrors = log ? logErrors(agreements, log.steps, log.errors, 'Rykkerloggen') : [];
  const paymentErrors = paid ? logErrors(agreements, paid.payments, paid.errors, 'Indbetalingsfilen') : [];
  rows.sort(byUrgency);
  const byState = STATE_ORDER.map((state) => {
    const of = rows.filter((r) => r.state === state);
    return { state, count: of.length, arrears: ore(of.reduce((sum, r) => sum + r.arrears, 0)) };
  }).filter((s) => s.count > 0);
  return {
    asOf,
    agreements: rows,
    totals: { agreements: rows.length, arrears: ore(rows.reduce((sum, r) => sum + r.arrears, 0)), byState, errors: errors.length },
    errors,
    ledgerErrors: [...ledgerErrors],
    stepErrors,
    paymentErrors,
  };
}

/**
 * A log's unreadable rows and its rows naming an agreement the register lacks (the first such
 * row per agreement), in the log's row order.
 */
export function logErrors(agreements: readonly RegisteredAgreement[], byAgreement: ReadonlyMap<string, ReadonlyArray<{ row: number }>>, unreadable: readonly RowError[], what: string): RowError[] {
  const ids = new Set(agreements.map((a) => a.id));
  const unknown = [...byAgreement].flatMap(([id, rows]) => (ids.has(id) ? [] : [{ row: rows[0]!.row, message: `${what}: aftale ${id} findes ikke i aftaleregistret.` }]));
  return [...unreadable, ...unknown].sort((a, b) => a.row - b.row);
}

const claimKey = (debtorId: string, claimId: string): string => `${debtorId}\u0000${claimId}`;

type FoundClaim = { id: string; claim: ClaimPostings | undefined };

/** The claims as the agreement took them: what was open on each the day before its date (`start`); those with nothing open left out. */
function claimInputsOf(found: readonly FoundClaim[], start: DayNumber, rules: RuleSet): ClaimInput[] {
  return found.flatMap(({ id, claim }) => {
    const open = openBefore(claim!.postings, start, rules);
    if (open.principal + open.fees + open.interest <= 0) return [];
    return [
      {
        id,
        ...(claim!.type === '' ? {} : { type: claim!.type }),
        principal: toKroner(ore(Math.max(open.principal, 0))),
        ...(open.fees > 0 ? { fees: toKroner(ore(open.fees)) } : {}),
        ...(open.interest > 0 ? { interest: toKroner(ore(open.interest)) } : {}),
        ...(claim!.dueDay === null ? {} : { dueDate: fromDayNumber(claim!.dueDay) }),
      },
    ];
  });
}

/** What a register batch builds an agreement into: `plan`, `henstand` (where the register gives one) or `status` on a date. */
export type RegisterBatch = { kind: 'plan' } | { kind: 'henstand' } | { kind: 'status'; asOf: CalendarDate; log?: StepLog; paid?: PaymentLog };

/**
 * The agreements of a register as inputs of a batch: the claims what was open on them the day
 * before the agreement date, from the ledger, as the work list takes them; for `status` also the
 * payments and the steps taken up to the date, as the work list checks them. An agreement whose
 * claims the ledger lacks, or with nothing open, or (for henstand) with no henstand in the
 * register, or (for status) whose claims went to inddrivelse, is an error with its register row.
 */
export function registerInputs(
  agreements: readonly RegisteredAgreement[],
  ledger: AgreementClaims,
  rules: RuleSet,
  batch: RegisterBatch,
): Array<{ id: string; input: PlanInput | HenstandInput | StatusInput } | (RowError & { id: string })> {
  return agreements.map((a) => {
    const fail = (message: string) => ({ id: a.id, row: a.row, message: `Aftale ${a.id}: ${message}` });
    if (batch.kind === 'status') {
      const built = statusInputOf(a, ledger.claims, batch.asOf, rules, batch.log?.steps.get(a.id), batch.paid?.payments.get(a.id));
      if ('message' in built) return { id: a.id, ...built };
      if ('oversendt' in built)
        return fail(
          `${built.sentClaims.length === 1 ? 'fordringen' : 'fordringerne'} ${built.sentClaims.join(', ')} blev oversendt til inddrivelse ${danishDate(built.oversendt)}; aftalen følges ikke længere her.`,
        );
      return { id: a.id, input: built.input };
    }
    const found = a.claimIds.map((id) => ({ id, claim: ledger.claims.get(claimKey(a.debtorId, id)) }));
    const missing = missingText(a, found);
    if (missing !== null) return fail(missing);
    const claims = claimInputsOf(found, toDayNumber(a.startDate), rules);
    if (claims.length === 0) return fail(nothingOpenText(a));
    if (batch.kind === 'henstand' && !a.henstand) return fail('registret giver ingen henstand (kolonnerne Henstand fra og Henstand).');
    const plan: PlanInput = { ...termsOf(a), claims, reference: a.caseId === '' ? `Aftale ${a.id}` : `Aftale ${a.id}, sag ${a.caseId}` };
    return { id: a.id, input: batch.kind === 'henstand' && a.henstand ? { ...plan, henstand: { from: a.henstand.from, months: a.henstand.months } } : plan };
  });
}

const missingText = (a: RegisteredAgreement, found: readonly FoundClaim[]): string | null => {
  const missing = found.filter((f) => !f.claim).map((f) => f.id);
  return missing.length === 0 ? null : `${missing.length === 1 ? 'fordringen' : 'fordringerne'} ${missing.join(', ')} findes ikke i posteringslisten for debitor ${a.debtorId}.`;
};

const nothingOpenText = (a: RegisteredAgreement): string => `intet stod åbent på fordringerne dagen før aftaledatoen ${a.startDate}.`;

/** The register's terms of an agreement, as `plan` takes them. */
const termsOf = (a: RegisteredAgreement): Pick<PlanInput, 'startDate' | 'firstDueDate' | 'frequency' | 'installment' | 'count'> => ({
  startDate: a.startDate,
  firstDueDate: a.firstDueDate,
  frequency: a.frequency,
  ...(a.installment !== null ? { installment: toKroner(ore(a.installment)) } : { count: a.count! }),
});

/**
 * An agreement as a `status` input on `asOf`, from the ledger: its claims as it took them, the
 * payments and set-offs since, and the steps taken (from the rykker log where it names the
 * agreement, else the ledger's gebyr postings). `oversendt` (the first such date) when a claim
 * left for inddrivelse from the agreement date on.
 */
function statusInputOf(
  a: RegisteredAgreement,
  claims: ReadonlyMap<string, ClaimPostings>,
  asOf: CalendarDate,
  rules: RuleSet,
  logged: readonly LoggedStep[] | undefined,
  paidLogged: readonly LoggedPayment[] | undefined,
): { input: StatusInput; found: readonly FoundClaim[] } | { oversendt: CalendarDate; sentClaims: string[]; found: readonly FoundClaim[] } | RowError {
  const fail = (message: string): RowError => ({ row: a.row, message: `Aftale ${a.id}: ${message}` });
  const start = toDayNumber(a.startDate);
  const end = toDayNumber(asOf);
  const found = a.claimIds.map((id) => ({ id, claim: claims.get(claimKey(a.debtorId, id)) }));
  const missing = missingText(a, found);
  if (missing !== null) return fail(missing);
  const within = (p: Posting) => p.postingDay >= start && p.postingDay <= end;
  const all = found.flatMap((f) => f.claim!.postings);
  const sent = all.filter((p) => p.kind === 'oversendt' && within(p));
  if (sent.length > 0) {
    const sentClaims = found.filter((f) => f.claim!.postings.some((p) => sent.includes(p))).map((f) => f.id);
    return { oversendt: fromDayNumber(Math.min(...sent.map((p) => p.postingDay))), sentClaims, found };
  }

  const claimInputs = claimInputsOf(found, start, rules);
  if (claimInputs.length === 0) return fail(nothingOpenText(a));
  // The payments file's, where it names the agreement (never with the ledger's: a payment would count twice).
  const payments =
    paidLogged !== undefined
      ? paidLogged
          .filter((p) => p.date >= a.startDate && p.date <= asOf)
          .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.row - y.row))
          .map((p) => ({ date: p.date, amount: toKroner(p.amount) }))
      : all
          .filter((p) => (p.kind === 'betaling' || p.kind === 'modregning') && within(p))
          .sort((x, y) => x.postingDay - y.postingDay)
          .map((p) => ({ date: fromDayNumber(p.postingDay), amount: toKroner(ore(-p.amount)) }));
  const input: StatusInput = {
    ...termsOf(a),
    claims: claimInputs,
    payments,
    asOf,
    graceDays: a.graceDays,
    ...(a.henstand ? { henstand: { from: a.henstand.from, months: a.henstand.months } } : {}),
  };
  if (logged !== undefined) {
    // The log's steps in this agreement's breach: after its date, and taken by the date.
    const taken = logged.filter((t) => toDayNumber(t.date) > start && toDayNumber(t.date) <= end).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    if (taken.length > 0) input.stepsTaken = taken.map((t) => ({ step: t.step, date: t.date }));
  } else {
    const fees = all.filter((p) => p.kind === 'gebyr' && p.postingDay > start && p.postingDay <= end).sort((x, y) => x.postingDay - y.postingDay);
    if (fees.length > 0)
      input.stepsTaken = rykkersTaken(
        fees,
        claimInputs.flatMap((c) => (c.type ? [c.type] : [])),
        rules,
      );
  }
  return { input, found };
}

/** What was open on a claim before `day`: the reductions taken in the rules' dækningsrækkefølge. */
function openBefore(postings: readonly Posting[], day: DayNumber, rules: RuleSet): { principal: number; fees: number; interest: number } {
  const open = { principal: 0, fees: 0, interest: 0 };
  let reductions = 0;
  for (const p of postings) {
    if (p.postingDay >= day) continue;
    if (p.kind === 'gebyr') open.fees += p.amount;
    else if (p.kind === 'rente') open.interest += p.amount;
    else if (p.kind === 'krav' || p.kind === 'korrektion' || p.kind === 'tilbagebetaling') open.principal += p.amount;
    else reductions -= p.amount;
  }
  for (const part of rules.allocationOrder.value) {
    const key = part === 'fees' ? 'fees' : part === 'interest' ? 'interest' : 'principal';
    const taken = Math.min(Math.max(open[key], 0), reductions);
    open[key] -= taken;
    reductions -= taken;
  }
  // More paid than was owed: a credit, which no agreement covers.
  open.principal -= reductions;
  return open;
}

function worklistRow(
  a: RegisteredAgreement,
  claims: ReadonlyMap<string, ClaimPostings>,
  names: ReadonlyMap<string, string>,
  asOf: CalendarDate,
  rules: RuleSet,
  logged: readonly LoggedStep[] | undefined,
  paidLogged: readonly LoggedPayment[] | undefined,
): WorklistRow | RowError {
  const built = statusInputOf(a, claims, asOf, rules, logged, paidLogged);
  if ('message' in built) return built;
  const end = toDayNumber(asOf);
  const base = {
    id: a.id,
    row: a.row,
    debtorId: a.debtorId,
    debtorName: names.get(a.debtorId) ?? '',
    caseId: a.caseId,
    // The register's caseworker; else the one the ledger names for the agreement's claims.
    caseworker: a.caseworker !== '' ? a.caseworker : (built.found.map((f) => f.claim!.caseworker).find((c) => c !== '') ?? ''),
  };
  if ('oversendt' in built) return { ...base, state: 'oversendt', arrears: ore(0), breachDate: null, daysInBreach: null, nextStep: null, urgency: 5 };
  try {
    const s = status(built.input, rules);
    const next = s.nextSteps.find((x) => !x.optional) ?? s.nextSteps[0] ?? null;
    const nextStep: WorklistStep | null =
      next === null ? null : { step: next.step, action: next.action, earliest: next.earliest, fee: next.fee, feeIsMaximum: next.feeIsMaximum, overdue: next.overdue };
    return {
      ...base,
      state: s.state,
      arrears: s.arrears,
      breachDate: s.breachDate,
      daysInBreach: s.breachDate === null ? null : end - toDayNumber(s.breachDate),
      nextStep,
      urgency: urgencyOf(s.state, nextStep, end),
    };
  } catch (e) {
    if (isSaldoError(e)) return { row: a.row, message: `Aftale ${a.id}: ${e.message}` };
    throw e;
  }
}

/** The ledger's rykkergebyrer after the agreement date as the procedure's fee-bearing steps, in order. */
function rykkersTaken(fees: readonly Posting[], types: readonly ClaimType[], rules: RuleSet): Array<{ step: string; date: CalendarDate }> {
  const known = types.filter((t) => Object.hasOwn(rules.claimTypes.value, t));
  const choice = chooseProcedure(known, 'misligholdt', rules);
  const letters = stepsFor(choice.procedure, known, rules).filter((s) => s.fee);
  return fees.slice(0, letters.length).map((p, i) => ({ step: letters[i]!.id, date: fromDayNumber(p.postingDay) }));
}

function urgencyOf(state: AgreementState, next: WorklistStep | null, today: DayNumber): Urgency {
  if (state === 'afsluttet') return 5;
  if (next === null) return 4;
  const days = toDayNumber(next.earliest) - today;
  if (next.overdue || days <= 0) return 1;
  return days <= WEEK ? 2 : state === 'misligholdt' ? 3 : 4;
}

/** Most urgent first; then the earliest step, the larger arrears, the id. */
function byUrgency(x: WorklistRow, y: WorklistRow): number {
  if (x.urgency !== y.urgency) return x.urgency - y.urgency;
  const ex = x.nextStep?.earliest ?? '9999-12-31';
  const ey = y.nextStep?.earliest ?? '9999-12-31';
  if (ex !== ey) return ex < ey ? -1 : 1;
  if (x.arrears !== y.arrears) return y.arrears - x.arrears;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
