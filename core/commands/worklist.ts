/** The work list of the task pane's Arbejdsliste (issue 20): a register table and a ledger table on a date. */
import { parseDate, type CalendarDate } from '../calendar/date.js';
import type { At } from '../errors.js';
import { readAgreementRegister } from '../portfolio/agreementRegister.js';
import { agreementClaims, worklist, type Worklist } from '../portfolio/worklist.js';
import { runningAgreements, type RunningAgreements } from '../portfolio/runningAgreements.js';
import { feedRows } from '../ledger/ledgerJson.js';
import { readPaymentLog } from '../portfolio/paymentLog.js';
import { readStepLog } from '../portfolio/stepLog.js';
import { mappedRows, mappingOf } from '../ledger/ledgerMapping.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface WorklistOfRowsInput {
  asOf: string;
  /** The form field's name, for a message about the date. */
  asOfPlace: At;
  /** The register's rows as read from its sheet or table, the header row first. */
  register: ReadonlyArray<readonly unknown[]>;
  /** The sheet row of the register's first row (its errors name sheet rows). */
  registerFirstRow?: number;
  /** The rykker log's rows (header first), when the team keeps one, and its sheet row. */
  steps?: ReadonlyArray<readonly unknown[]>;
  stepsFirstRow?: number;
  /** The payments file's rows (header first), when the team has one, and its sheet row. */
  payments?: ReadonlyArray<readonly unknown[]>;
  paymentsFirstRow?: number;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/**
 * Checks the date and reads the register first (before a long read of the ledger), then gives
 * the work list of the ledger's rows; the register's unreadable rows are among its errors.
 */
export function worklistOfRows(input: WorklistOfRowsInput, rules: RuleSet): (ledgerRows: Iterable<readonly unknown[]>) => Worklist {
  const asOf: CalendarDate = parseDate(input.asOf, input.asOfPlace);
  const register = readAgreementRegister(input.register, input.registerFirstRow ?? 1);
  const log = input.steps === undefined ? undefined : readStepLog(input.steps, rules, input.stepsFirstRow ?? 1);
  const paid = input.payments === undefined ? undefined : readPaymentLog(input.payments, input.paymentsFirstRow ?? 1);
  const mapping = mappingOf(input.mapping);
  return (rows) => {
    const list = worklist(register.agreements, mappedRows(rows, mapping), asOf, rules, log, paid);
    const errors = [...register.errors, ...list.errors].sort((a, b) => a.row - b.row);
    return { ...list, errors, totals: { ...list.totals, errors: errors.length } };
  };
}

/** The register's running agreements for the saldoopgørelse's letters (the task pane's Saldoopgørelse page). */
export interface RunningAgreementsRowsInput {
  /** The register's rows (header first) and the sheet row of its first row. */
  register: ReadonlyArray<readonly unknown[]>;
  registerFirstRow?: number;
  /** The letters' date (ISO), on which each agreement is checked. */
  date: string;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/**
 * Reads the register first, then the ledger's rows: each agreement checked on the letters' date
 * as `statements --agreements` checks it (core/portfolio/runningAgreements.ts); the register's
 * unreadable rows are among the errors.
 */
export function runningAgreementsOfRows(input: RunningAgreementsRowsInput, rules: RuleSet): (ledgerRows: Iterable<readonly unknown[]>) => RunningAgreements {
  const date = parseDate(input.date, ['date']);
  const register = readAgreementRegister(input.register, input.registerFirstRow ?? 1);
  const mapping = mappingOf(input.mapping);
  return (rows) => {
    const ledger = agreementClaims(register.agreements);
    feedRows(mappedRows(rows, mapping), ledger);
    const r = runningAgreements(register.agreements, ledger, date, rules);
    return { ...r, errors: [...register.errors, ...r.errors].sort((a, b) => a.row - b.row) };
  };
}
