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
import { CLAIM_TYPES, type ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { MAX_INSTALLMENTS, parsePlanInput } from '../schedule/planInput.js';
import type { PlanWarning } from '../schedule/planWarnings.js';
import { computeSchedule } from '../schedule/schedule.js';
import { agreementStatus, type AgreementStatus, type Payment } from './agreementStatus.js';

/** An agreement's status with the date it is taken on and the warnings of the plan behind it. */
export interface StatusOnDate extends AgreementStatus {
  asOf: CalendarDate;
  /** The plan's warnings (none for installments given directly). */
  warnings: PlanWarning[];
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
  rejectUnknownKeys(raw, ['installments', 'payments', 'asOf', 'graceDays', 'claimTypes'], [], 'Med installments er tilladte felter');
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
  const types: unknown = raw.claimTypes === undefined ? ['andet'] : raw.claimTypes;
  if (!isClaimTypeList(types)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['claimTypes'], types, `en liste af fordringstyper (${CLAIM_TYPES.join(', ')}).`);
  }
  const asOf = parseAsOf(raw.asOf);
  const status = agreementStatus(installments, parsePayments(raw.payments), asOf, parseGraceDays(raw.graceDays), types, rules);
  return { ...status, asOf, warnings: [] };
}

const isClaimTypeList = (types: unknown): types is ClaimType[] =>
  Array.isArray(types) && types.length > 0 && types.every((t) => typeof t === 'string' && (CLAIM_TYPES as readonly string[]).includes(t));

/** A plan input with `payments`, `asOf`, optional `graceDays` and `henstand`: its schedule checked against the payments. */
export function statusOfPlan(input: unknown, rules: RuleSet): StatusOnDate {
  const terms = parsePlanInput(input, rules, ['payments', 'asOf', 'graceDays', 'henstand', 'interestDuringHenstand']);
  // parsePlanInput has refused anything but an object.
  const raw = isJsonObject(input) ? input : {};
  const asOf = parseAsOf(raw.asOf);
  const payments = parsePayments(raw.payments);
  const graceDays = parseGraceDays(raw.graceDays);
  const window = raw.henstand === undefined ? undefined : henstandWindow(parseHenstand(raw.henstand, raw.interestDuringHenstand));
  const schedule = computeSchedule(terms, rules, undefined, window);
  const installments = schedule.rows.map((r) => ({ n: r.n, dueDate: r.dueDate, amount: r.payment }));
  const status = agreementStatus(
    installments,
    payments,
    asOf,
    graceDays,
    terms.claims.map((c) => c.type),
    rules,
  );
  return { ...status, asOf, warnings: schedule.warnings };
}
