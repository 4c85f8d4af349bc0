/** The `status` command (SPEC "status"): a plan input with payments, checked on `asOf`. */
import { parseDate } from '../calendar/date.js';
import { SaldoError, showValue, type Place } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys, within } from '../input/fields.js';
import { henstandWindow, parseHenstand } from '../henstand/henstandTerms.js';
import { parseKroner, toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { MAX_INSTALLMENTS, parsePlanInput } from '../schedule/planInput.js';
import { CLAIM_TYPES, type ClaimType } from '../rules/claimTypes.js';
import type { PlanWarning } from '../schedule/planWarnings.js';
import { computeSchedule } from '../schedule/schedule.js';
import { agreementStatus, type AgreementStatus, type Payment } from '../status/agreementStatus.js';

export interface StatusOutput {
  state: AgreementStatus['state'];
  asOf: string;
  arrears: number;
  breachDate: string | null;
  paidTotal: number;
  overpaid: number;
  ignoredPayments: number;
  installments: Array<{ n: number; dueDate: string; amount: number; paid: number; missing: number; state: string; coveredOn: string | null }>;
  nextSteps: Array<{ step: string; action: string; date: string; fee: number }>;
  /** Present when the plan behind the status has something to warn about. */
  warnings?: PlanWarning[];
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

export function statusToJson(s: AgreementStatus, asOf: string): StatusOutput {
  return {
    state: s.state,
    asOf,
    arrears: toKroner(s.arrears),
    breachDate: s.breachDate,
    paidTotal: toKroner(s.paidTotal),
    overpaid: toKroner(s.overpaid),
    ignoredPayments: s.ignoredPayments,
    installments: s.installments.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: toKroner(i.amount), paid: toKroner(i.paid), missing: toKroner(i.missing), state: i.state, coveredOn: i.coveredOn })),
    nextSteps: s.nextSteps.map((st) => ({ step: st.step, action: st.action, date: st.date, fee: toKroner(st.fee) })),
  };
}

/**
 * Installments given directly (a schedule already in a workbook): `[{"dueDate", "amount"}]`,
 * numbered in order. The claim types for the rykker fees may come in `claimTypes`.
 */
function statusOfInstallments(raw: Record<string, unknown>, rules: RuleSet): StatusOutput {
  rejectUnknownKeys(raw, ['installments', 'payments', 'asOf', 'graceDays', 'claimTypes'], [], 'Med installments er tilladte felter');
  const list = raw.installments;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_INSTALLMENTS) {
    throw new SaldoError('UGYLDIGT_INPUT', ['installments'], list, (name) => `${name(['installments'])} skal være en liste med 1–${MAX_INSTALLMENTS} ydelser: [{"dueDate": "2026-02-02", "amount": 500}].`);
  }
  const installments = list.map((x: unknown, i: number) => {
    const f = ['installments', i];
    if (!isJsonObject(x)) throw SaldoError.at('UGYLDIGT_INPUT', f, x, `en ydelse skal være {"dueDate", "amount"}.`);
    return { n: i + 1, dueDate: parseDate(x.dueDate, within(f, 'dueDate')), amount: parseKroner(x.amount, within(f, 'amount'), { allowZero: false }) };
  });
  installments.forEach((inst, i) => {
    const prev = installments[i - 1];
    if (prev && inst.dueDate < prev.dueDate) throw SaldoError.at('UGYLDIGT_INPUT', ['installments', i, 'dueDate'], inst.dueDate, `ydelserne skal stå i datoorden (${inst.dueDate} kommer før ${prev.dueDate}).`);
  });
  const types = raw.claimTypes === undefined ? ['andet'] : raw.claimTypes;
  if (!Array.isArray(types) || types.length === 0 || types.some((t) => typeof t !== 'string' || !(CLAIM_TYPES as readonly string[]).includes(t))) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['claimTypes'], types, `en liste af fordringstyper (${CLAIM_TYPES.join(', ')}).`);
  }
  present(raw.asOf, ['asOf'], 'angiv den dato, status skal opgøres på (ÅÅÅÅ-MM-DD).');
  const asOf = parseDate(raw.asOf, ['asOf']);
  return statusToJson(agreementStatus(installments, parsePayments(raw.payments), asOf, parseGraceDays(raw.graceDays), types as ClaimType[], rules), asOf);
}

/**
 * SPEC `status`. A henstand in the input moves the schedule first, so it never counts as a
 * breach. Instead of a plan input, the installments themselves may be given (`installments`).
 */
export function status(input: unknown, rules: RuleSet): StatusOutput {
  if (isJsonObject(input) && input.installments !== undefined) return statusOfInstallments(input, rules);
  const terms = parsePlanInput(input, rules, ['payments', 'asOf', 'graceDays', 'henstand', 'interestDuringHenstand']);
  const raw = input as Record<string, unknown>;
  present(raw.asOf, ['asOf'], 'angiv den dato, status skal opgøres på (ÅÅÅÅ-MM-DD).');
  const asOf = parseDate(raw.asOf, ['asOf']);
  const payments = parsePayments(raw.payments);
  const graceDays = parseGraceDays(raw.graceDays);
  const window = raw.henstand === undefined ? undefined : henstandWindow(parseHenstand(raw.henstand, raw.interestDuringHenstand));
  const schedule = computeSchedule(terms, rules, undefined, window);
  const installments = schedule.rows.map((r) => ({ n: r.n, dueDate: r.dueDate, amount: r.payment }));
  const out = statusToJson(agreementStatus(installments, payments, asOf, graceDays, terms.claims.map((c) => c.type), rules), asOf);
  return schedule.warnings.length > 0 ? { ...out, warnings: schedule.warnings } : out;
}
