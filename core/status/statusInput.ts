/**
 * The status of an agreement on a date (SPEC "status"), from JSON: either a plan input with
 * payments (its schedule computed first, after any henstand, so a granted henstand never counts
 * as a breach), or the installments themselves (a schedule already in a workbook).
 */
import { parseDate, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue, type Place } from '../errors.js';
import { henstandWindow, parseHenstand } from '../henstand/henstandTerms.js';
import { isJsonObject, present, rejectUnknownKeys, within } from '../input/fields.js';
import { parseKroner } from '../money/ore.js';
import { findClaimType, SITUATIONS, type ClaimType, type Situation } from '../rules/claimTypes.js';
import { ownValue } from '../rules/ownNames.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { NextStep, StepTaken } from '../rykker/procedure.js';
import { MAX_INSTALLMENTS, parsePlanInput } from '../schedule/planInput.js';
import type { PlanWarning } from '../schedule/planWarnings.js';
import { computeSchedule } from '../schedule/schedule.js';
import { agreementStatus, type AgreementStatus, type Payment } from './agreementStatus.js';
import { procedureStatus, type ProcedureStatus } from './procedureStatus.js';

export interface StatusWarning {
  code: PlanWarning['code'] | 'PROCEDURE';
  message: string;
}

/** An agreement's status with the date it is taken on, today's work and the warnings of the plan behind it. */
export interface StatusOnDate extends AgreementStatus {
  asOf: CalendarDate;
  /** The politik's procedure for the situation, and where the case stands in it. */
  procedure: ProcedureStatus;
  /** The steps still to take (= procedure.nextSteps). */
  nextSteps: NextStep[];
  /** The plan's warnings and the procedure's. */
  warnings: StatusWarning[];
}

/** What the caseworker has done: `[{"step": "rykker1", "date": "2026-04-07"}]`, each a step the politik knows, none after `asOf`. */
export function parseStepsTaken(raw: unknown, asOf: CalendarDate, rules: RuleSet): StepTaken[] {
  if (raw === undefined) return [];
  const field = ['stepsTaken'];
  if (!Array.isArray(raw)) throw new SaldoError('UGYLDIGT_INPUT', field, raw, (name) => `${name(field)} skal være en liste af {"step": "rykker1", "date": "2026-04-07"}.`);
  if (raw.length > 1000) throw SaldoError.at('UGYLDIGT_INPUT', field, raw.length, 'højst 1.000 trin.');
  const known = [...new Set(Object.values(rules.procedures.value).flatMap((p) => p.steps.map((s) => s.id)))];
  return raw.map((t: unknown, i: number) => {
    const f = within(field, i);
    if (!isJsonObject(t)) throw SaldoError.at('UGYLDIGT_INPUT', f, t, `et trin skal være {"step": "rykker1", "date": "2026-04-07"} (fik ${showValue(t)}).`);
    rejectUnknownKeys(t, ['step', 'date'], f);
    present(t.step, within(f, 'step'), `angiv trinnet (${known.join(', ')}).`);
    present(t.date, within(f, 'date'), 'angiv datoen, trinnet blev taget (ÅÅÅÅ-MM-DD).');
    const step = typeof t.step === 'string' ? t.step.trim().toLowerCase() : t.step;
    if (typeof step !== 'string' || !known.includes(step)) {
      throw SaldoError.at('UGYLDIGT_INPUT', within(f, 'step'), t.step, `${showValue(t.step)} er ikke et trin i politikken. Brug en af: ${known.join(', ')}.`);
    }
    const date = parseDate(t.date, within(f, 'date'));
    if (date > asOf) throw SaldoError.at('UGYLDIGT_INPUT', within(f, 'date'), t.date, `trinnet er dateret efter statusdatoen (${asOf}).`);
    return { step, date };
  });
}

export function parseSituation(raw: unknown): Situation {
  if (raw === undefined) return 'misligholdt';
  if (typeof raw === 'string' && (SITUATIONS as readonly string[]).includes(raw)) return raw as Situation;
  throw SaldoError.at('UGYLDIGT_INPUT', ['situation'], raw, `brug "misligholdt" (en betalingsaftale) eller "restance" (ydelserne er fordringens rater, uden aftale).`);
}

export function parseProcedureChoice(raw: unknown, rules: RuleSet): string | undefined {
  if (raw === undefined) return undefined;
  const ids = Object.keys(rules.procedures.value);
  if (typeof raw === 'string' && ownValue(rules.procedures.value, raw) !== undefined) return raw;
  throw SaldoError.at('UGYLDIGT_INPUT', ['procedure'], raw, `ukendt procedure. Politikken har: ${ids.join(', ')}.`);
}

/** The politik's part of a status: the procedure, its next steps and its warnings added to the plan's. */
function withProcedure(
  status: AgreementStatus,
  raw: Record<string, unknown>,
  asOf: CalendarDate,
  graceDays: number,
  types: readonly ClaimType[],
  situation: Situation,
  planWarnings: PlanWarning[],
  rules: RuleSet,
): StatusOnDate {
  const taken = parseStepsTaken(raw.stepsTaken, asOf, rules);
  const chosen = parseProcedureChoice(raw.procedure, rules);
  const procedure = procedureStatus(status, { types, situation, taken, ...(chosen === undefined ? {} : { chosen }), asOf, graceDays, rules });
  const warnings: StatusWarning[] = [...planWarnings, ...procedure.warnings.map((message) => ({ code: 'PROCEDURE' as const, message }))];
  return { ...status, asOf, procedure, nextSteps: procedure.nextSteps, warnings };
}

export function parsePayments(raw: unknown, field: Place = ['payments']): Payment[] {
  present(raw, field, 'angiv indbetalingerne som [{"date": "2026-02-03", "amount": 500}] (en tom liste, hvis intet er betalt).');
  if (!Array.isArray(raw)) throw new SaldoError('UGYLDIGT_INPUT', field, raw, (name) => `${name(field)} skal være en liste af {"date", "amount"}.`);
  if (raw.length > 100_000) throw SaldoError.at('UGYLDIGT_INPUT', field, raw.length, `højst 100.000 indbetalinger.`);
  return raw.map((p: unknown, i: number) => {
    const f = within(field, i);
    if (!isJsonObject(p)) throw SaldoError.at('UGYLDIGT_INPUT', f, p, `en indbetaling skal være {"date": "2026-02-03", "amount": 500} (fik ${showValue(p)}).`);
    rejectUnknownKeys(p, ['date', 'amount'], f);
    if (p.date === undefined) throw new SaldoError('MANGLER', within(f, 'date'), undefined, (name) => `${name(within(f, 'date'))} mangler.`);
    if (p.amount === undefined) throw new SaldoError('MANGLER', within(f, 'amount'), undefined, (name) => `${name(within(f, 'amount'))} mangler.`);
    return { date: parseDate(p.date, within(f, 'date')), amount: parseKroner(p.amount, within(f, 'amount'), { allowZero: false }) };
  });
}

export function parseGraceDays(raw: unknown): number {
  if (raw === undefined) return 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 365) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['graceDays'], raw, `antal dages frist skal være et helt tal fra 0 til 365 (fik ${showValue(raw)}).`);
  }
  return raw;
}

function parseAsOf(raw: unknown): CalendarDate {
  present(raw, ['asOf'], 'angiv den dato, status skal opgøres på (ÅÅÅÅ-MM-DD).');
  return parseDate(raw, ['asOf']);
}

/**
 * Installments given directly: `[{"dueDate", "amount"}]`, numbered in order. The claim types for
 * the rykker fees may come in `claimTypes` (default `andet`).
 */
export function statusOfInstallments(raw: unknown, rules: RuleSet): StatusOnDate {
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"installments": [...], "payments": [...], "asOf": "2026-04-15"}.');
  rejectUnknownKeys(raw, ['installments', 'payments', 'asOf', 'graceDays', 'claimTypes', 'stepsTaken', 'situation', 'procedure'], [], 'Med installments er tilladte felter');
  const list = raw.installments;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_INSTALLMENTS) {
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      ['installments'],
      list,
      (name) => `${name(['installments'])} skal være en liste med 1–${MAX_INSTALLMENTS} ydelser: [{"dueDate": "2026-02-02", "amount": 500}].`,
    );
  }
  const installments = list.map((x: unknown, i: number) => {
    const f = ['installments', i];
    if (!isJsonObject(x)) throw SaldoError.at('UGYLDIGT_INPUT', f, x, `en ydelse skal være {"dueDate", "amount"}.`);
    return { n: i + 1, dueDate: parseDate(x.dueDate, within(f, 'dueDate')), amount: parseKroner(x.amount, within(f, 'amount'), { allowZero: false }) };
  });
  installments.forEach((inst, i) => {
    const prev = installments[i - 1];
    if (prev && inst.dueDate < prev.dueDate)
      throw SaldoError.at('UGYLDIGT_INPUT', ['installments', i, 'dueDate'], inst.dueDate, `ydelserne skal stå i datoorden (${inst.dueDate} kommer før ${prev.dueDate}).`);
  });
  const types = parseClaimTypeList(raw.claimTypes, rules);
  const asOf = parseAsOf(raw.asOf);
  const graceDays = parseGraceDays(raw.graceDays);
  const status = agreementStatus(installments, parsePayments(raw.payments), asOf, graceDays);
  return withProcedure(status, raw, asOf, graceDays, types, parseSituation(raw.situation), [], rules);
}

/** `claimTypes` of installments given directly: names the rules know (any case, ASCII spellings); default `andet`. */
export function parseClaimTypeList(raw: unknown, rules: RuleSet): ClaimType[] {
  const list: unknown = raw === undefined ? ['andet'] : raw;
  const known = Object.keys(rules.claimTypes.value);
  if (!Array.isArray(list) || list.length === 0) throw SaldoError.at('UGYLDIGT_INPUT', ['claimTypes'], list, `en liste af fordringstyper (${known.join(', ')}).`);
  return list.map((t: unknown, i: number) => {
    const id = typeof t === 'string' ? findClaimType(rules.claimTypes.value, t) : null;
    if (id === null) throw SaldoError.at('UGYLDIGT_INPUT', ['claimTypes', i], t, `${showValue(t)} er ikke en kendt fordringstype. Brug en af: ${known.join(', ')}.`);
    return id;
  });
}

/** A plan input with `payments`, `asOf`, optional `graceDays` and `henstand`: its schedule checked against the payments. */
export function statusOfPlan(input: unknown, rules: RuleSet): StatusOnDate {
  const terms = parsePlanInput(input, rules, ['payments', 'asOf', 'graceDays', 'henstand', 'interestDuringHenstand', 'stepsTaken', 'procedure']);
  // parsePlanInput has refused anything but an object.
  const raw = isJsonObject(input) ? input : {};
  const asOf = parseAsOf(raw.asOf);
  const payments = parsePayments(raw.payments);
  const graceDays = parseGraceDays(raw.graceDays);
  const window = raw.henstand === undefined ? undefined : henstandWindow(parseHenstand(raw.henstand, raw.interestDuringHenstand));
  const schedule = computeSchedule(terms, rules, undefined, window);
  const installments = schedule.rows.map((r) => ({ n: r.n, dueDate: r.dueDate, amount: r.payment }));
  const status = agreementStatus(installments, payments, asOf, graceDays);
  const types = terms.claims.map((c) => c.type);
  return withProcedure(status, raw, asOf, graceDays, types, 'misligholdt', schedule.warnings, rules);
}
