/**
 * Is the agreement kept? (SPEC "status".) Payments are applied in date order to the installments
 * in order; an early or extra payment counts toward the next installment. An installment not
 * covered `graceDays` after its due date makes the agreement misligholdt from the next day,
 * and the politik's procedure starts there (procedureStatus.ts).
 */
import { danishBankCalendar, nextBankingDayNumber, type BankCalendar } from '../calendar/bankingDays.js';
import { fromDayNumber, toDayNumber, type CalendarDate } from '../calendar/date.js';
import { ore, type Ore } from '../money/ore.js';

export interface Installment {
  n: number;
  dueDate: CalendarDate;
  amount: Ore;
}

export interface Payment {
  date: CalendarDate;
  amount: Ore;
}

export type InstallmentState = 'betalt' | 'for sent' | 'delvist' | 'ikke betalt' | 'ikke forfalden';
export type AgreementState = 'afsluttet' | 'misligholdt' | 'overholdt';

export interface InstallmentStatus extends Installment {
  paid: Ore;
  missing: Ore;
  state: InstallmentState;
  /** The day the installment became fully covered. */
  coveredOn: CalendarDate | null;
}

export interface AgreementStatus {
  state: AgreementState;
  arrears: Ore;
  breachDate: CalendarDate | null;
  installments: InstallmentStatus[];
  paidTotal: Ore;
  /** Paid beyond every installment (to be refunded or set against other debt). */
  overpaid: Ore;
  /** Payments dated after asOf, left out. */
  ignoredPayments: number;
}

/**
 * The last day an installment may be paid on time: its due date + `graceDays`; a deadline on a
 * closed day runs to the next banking day, as due dates do (forældelsesloven § 27 stk. 2 by
 * analogy; SPEC status), so a payment that Monday is on time.
 */
export const deadlineOf = (inst: Installment, graceDays: number, calendar: BankCalendar = danishBankCalendar): number => nextBankingDayNumber(toDayNumber(inst.dueDate) + graceDays, calendar);

export function agreementStatus(
  installments: readonly Installment[],
  payments: readonly Payment[],
  asOf: CalendarDate,
  graceDays: number,
  calendar: BankCalendar = danishBankCalendar,
): AgreementStatus {
  const asOfDay = toDayNumber(asOf);
  const known = payments
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const covered = installments.map(() => 0);
  const coveredOn: Array<CalendarDate | null> = installments.map(() => null);
  let next = 0;
  let overpaid = 0;
  for (const p of known) {
    let left: number = p.amount;
    while (left > 0 && next < installments.length) {
      const due = installments[next]!.amount - covered[next]!;
      const take = Math.min(left, due);
      covered[next]! += take;
      left -= take;
      if (covered[next] === installments[next]!.amount) {
        coveredOn[next] = p.date;
        next += 1;
      }
    }
    overpaid += left;
  }

  let breach: number | null = null;
  const statuses = installments.map((inst, i): InstallmentStatus => {
    const paid = covered[i]!;
    const due = toDayNumber(inst.dueDate);
    const deadline = deadlineOf(inst, graceDays, calendar);
    let state: InstallmentState;
    // Nothing due (a zero installment) is paid by definition.
    if (inst.amount === 0) state = 'betalt';
    else if (paid === inst.amount) state = toDayNumber(coveredOn[i]!) <= deadline ? 'betalt' : 'for sent';
    else if (due > asOfDay) state = 'ikke forfalden';
    else state = paid > 0 ? 'delvist' : 'ikke betalt';
    if (paid < inst.amount && deadline < asOfDay && breach === null) breach = deadline + 1;
    return { ...inst, paid: ore(paid), missing: ore(inst.amount - paid), state, coveredOn: coveredOn[i] ?? null };
  });

  // The breach runs from the first day of the unbroken stretch, up to asOf, in which some
  // installment was past its grace and not covered (an older late one covered meanwhile does
  // not end it if the next was already overdue).
  if (breach !== null) {
    const spans = installments
      .map((inst, i) => {
        const start = deadlineOf(inst, graceDays, calendar) + 1;
        const end = covered[i] === inst.amount && coveredOn[i] ? toDayNumber(coveredOn[i]) : asOfDay + 1;
        return [start, end] as const;
      })
      .filter(([a, b]) => b > a && a <= asOfDay)
      .sort((x, y) => x[0] - y[0]);
    let start = -Infinity;
    let end = -Infinity;
    for (const [a, b] of spans) {
      if (a > end) start = a;
      end = Math.max(end, b);
      if (a <= asOfDay && end > asOfDay) breach = start;
    }
  }

  const paidTotal = known.reduce((s, p) => s + p.amount, 0);
  const dueTotal = installments.filter((inst) => toDayNumber(inst.dueDate) <= asOfDay).reduce((s, inst) => s + inst.amount, 0);
  const done = statuses.every((s) => s.missing === 0);
  const breachDate = done || breach === null ? null : fromDayNumber(breach);
  return {
    state: done ? 'afsluttet' : breachDate ? 'misligholdt' : 'overholdt',
    arrears: ore(Math.max(0, dueTotal - paidTotal)),
    breachDate,
    installments: statuses,
    paidTotal: ore(paidTotal),
    overpaid: ore(overpaid),
    ignoredPayments: payments.length - known.length,
  };
}
