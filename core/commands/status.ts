/** The `status` command (SPEC "status"): a plan input with payments, checked on `asOf`. */
import { parseDate } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { henstandWindow, parseHenstand } from '../henstand/henstandTerms.js';
import { parseKroner, toKroner, type Ore } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { isJsonObject, parsePlanInput } from '../schedule/planInput.js';
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
}

export function parsePayments(raw: unknown, field = 'payments'): Payment[] {
  if (raw === undefined) throw new SaldoError('MANGLER', field, undefined, `${field} mangler: angiv indbetalingerne som [{"date": "2026-02-03", "amount": 500}] (en tom liste, hvis intet er betalt).`);
  if (!Array.isArray(raw)) throw new SaldoError('UGYLDIGT_INPUT', field, raw, `${field} skal være en liste af {"date", "amount"}.`);
  if (raw.length > 100_000) throw new SaldoError('UGYLDIGT_INPUT', field, raw.length, `${field}: højst 100.000 indbetalinger.`);
  return raw.map((p: unknown, i: number) => {
    const f = `${field}[${i}]`;
    if (!isJsonObject(p)) throw new SaldoError('UGYLDIGT_INPUT', f, p, `${f}: en indbetaling skal være {"date": "2026-02-03", "amount": 500} (fik ${showValue(p)}).`);
    for (const key of Object.keys(p)) {
      if (p[key] !== undefined && key !== 'date' && key !== 'amount') throw new SaldoError('UGYLDIGT_INPUT', `${f}.${key}`, p[key], `Ukendt felt "${f}.${key}". Tilladte felter: date, amount.`);
    }
    if (p.date === undefined) throw new SaldoError('MANGLER', `${f}.date`, undefined, `${f}.date mangler.`);
    if (p.amount === undefined) throw new SaldoError('MANGLER', `${f}.amount`, undefined, `${f}.amount mangler.`);
    return { date: parseDate(p.date, `${f}.date`), amount: parseKroner(p.amount, `${f}.amount`, { allowZero: false }) };
  });
}

export function parseGraceDays(raw: unknown): number {
  if (raw === undefined) return 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 365) {
    throw new SaldoError('UGYLDIGT_INPUT', 'graceDays', raw, `graceDays: antal dages frist skal være et helt tal fra 0 til 365 (fik ${showValue(raw)}).`);
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

/** SPEC `status`. A henstand in the input moves the schedule first, so it never counts as a breach. */
export function status(input: unknown, rules: RuleSet): StatusOutput {
  const terms = parsePlanInput(input, rules, ['payments', 'asOf', 'graceDays', 'henstand', 'interestDuringHenstand']);
  const raw = input as Record<string, unknown>;
  if (raw.asOf === undefined) throw new SaldoError('MANGLER', 'asOf', undefined, 'asOf mangler: angiv den dato, status skal opgøres på (ÅÅÅÅ-MM-DD).');
  const asOf = parseDate(raw.asOf, 'asOf');
  const payments = parsePayments(raw.payments);
  const graceDays = parseGraceDays(raw.graceDays);
  const window = raw.henstand === undefined ? undefined : henstandWindow(parseHenstand(raw.henstand, raw.interestDuringHenstand));
  const schedule = computeSchedule(terms, rules, undefined, window);
  const installments = schedule.rows.map((r) => ({ n: r.n, dueDate: r.dueDate, amount: r.payment as Ore }));
  return statusToJson(agreementStatus(installments, payments, asOf, graceDays, terms.claims.map((c) => c.type), rules), asOf);
}
