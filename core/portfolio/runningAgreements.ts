/**
 * The agreement register in the saldoopgørelse's letters (issue 20; the letters of issue 18 had
 * the words but no source): a debtor whose betalingsaftale is running and kept on the letter's
 * date is told to follow it — the next rate and its date — for the claims the agreement covers,
 * not asked to pay them all now. Each agreement is checked as the work list checks it
 * (./worklist.ts, `status` on the date, from the ledger); an agreement that is breached, paid
 * off, or whose claims went to inddrivelse gives no such note: its claims are what the statement
 * says they are, and the run says why for each.
 */
import type { CalendarDate } from '../calendar/date.js';
import { status } from '../commands/status.js';
import type { StatusInput } from '../commands/inputs.js';
import { isSaldoError } from '../errors.js';
import type { RowError } from '../ledger/posting.js';
import type { AgreementNote } from '../letters/letterContent.js';
import { ore, toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { RegisteredAgreement } from './agreementRegister.js';
import { registerInputs, type AgreementClaims } from './worklist.js';

/** Why an agreement gives its debtor no "follow your agreement" letter. */
export type NotRunning = 'misligholdt' | 'afsluttet' | 'oversendt eller ikke tjekket';

export interface RunningAgreements {
  /** By debtor: the next rate, and the claims in agreement (a debtor with two: the sooner rate, both agreements' claims). */
  notes: Map<string, AgreementNote>;
  running: number;
  notRunning: Array<{ id: string; debtorId: string; why: NotRunning }>;
  /** Agreements that could not be checked (a claim the ledger lacks, sent to inddrivelse …), with their register row. */
  errors: RowError[];
}

/** The register's running, kept agreements on `on` (the letters' date) as letter notes. */
export function runningAgreements(agreements: readonly RegisteredAgreement[], ledger: AgreementClaims, on: CalendarDate, rules: RuleSet): RunningAgreements {
  const notes = new Map<string, AgreementNote>();
  const notRunning: RunningAgreements['notRunning'] = [];
  const errors: RowError[] = [];
  let running = 0;
  const built = registerInputs(agreements, ledger, rules, { kind: 'status', asOf: on });
  built.forEach((b, i) => {
    const a = agreements[i]!;
    if (!('input' in b)) {
      errors.push({ row: b.row, message: b.message });
      notRunning.push({ id: a.id, debtorId: a.debtorId, why: 'oversendt eller ikke tjekket' });
      return;
    }
    let s;
    try {
      s = status(b.input as StatusInput, rules);
    } catch (e) {
      if (!isSaldoError(e)) throw e;
      errors.push({ row: a.row, message: `Aftale ${a.id}: ${e.message}` });
      notRunning.push({ id: a.id, debtorId: a.debtorId, why: 'oversendt eller ikke tjekket' });
      return;
    }
    // The next rate not yet paid in full; a kept agreement has none overdue, so it is on or after the date.
    const next = s.installments.find((x) => x.missing > 0);
    if (s.state !== 'overholdt' || next === undefined) {
      notRunning.push({ id: a.id, debtorId: a.debtorId, why: s.state === 'misligholdt' ? 'misligholdt' : 'afsluttet' });
      return;
    }
    running += 1;
    const note: AgreementNote = { nextDueDate: next.dueDate, installment: ore(next.missing), claimIds: a.claimIds };
    const before = notes.get(a.debtorId);
    // Two agreements of one debtor: the sooner rate (both, summed, on the same day), all their claims.
    const claimIds = [...new Set([...(before?.claimIds ?? []), ...note.claimIds])];
    if (before === undefined) notes.set(a.debtorId, note);
    else if (before.nextDueDate === note.nextDueDate) notes.set(a.debtorId, { ...before, installment: ore(before.installment + note.installment), claimIds });
    else notes.set(a.debtorId, { ...(before.nextDueDate < note.nextDueDate ? before : note), claimIds });
  });
  return { notes, running, notRunning, errors };
}

/** The running agreements as JSON: kroner at the edge, one note per debtor. */
export function runningAgreementsToJson(r: RunningAgreements) {
  return {
    running: r.running,
    notes: [...r.notes].map(([debtorId, n]) => ({ debtorId, nextDueDate: n.nextDueDate, installment: toKroner(n.installment), claimIds: [...n.claimIds] })),
    notRunning: r.notRunning,
    errors: r.errors,
  };
}
