/** The work list as the contract's JSON (SPEC "Portfolio commands": kroner, ISO dates). */
import { toKroner } from '../money/ore.js';
import { URGENCY_LABELS, type Worklist } from './worklist.js';

export function worklistToJson(w: Worklist) {
  return {
    asOf: w.asOf,
    agreements: w.agreements.map((r) => ({
      id: r.id,
      debtorId: r.debtorId,
      debtorName: r.debtorName,
      caseId: r.caseId,
      caseworker: r.caseworker,
      state: r.state,
      arrears: toKroner(r.arrears),
      breachDate: r.breachDate,
      daysInBreach: r.daysInBreach,
      nextStep: r.nextStep && { ...r.nextStep, fee: toKroner(r.nextStep.fee) },
      urgency: r.urgency,
      urgencyText: URGENCY_LABELS[r.urgency],
      row: r.row,
    })),
    totals: {
      agreements: w.totals.agreements,
      arrears: toKroner(w.totals.arrears),
      byState: w.totals.byState.map((s) => ({ ...s, arrears: toKroner(s.arrears) })),
      errors: w.totals.errors,
      ledgerErrors: w.ledgerErrors.length,
      stepErrors: w.stepErrors.length,
      paymentErrors: w.paymentErrors.length,
    },
    errors: w.errors,
    ledgerErrors: w.ledgerErrors,
    stepErrors: w.stepErrors,
    paymentErrors: w.paymentErrors,
  };
}
