/**
 * Year-end balance statements (saldoopgørelser), hledger-style: a fold over postings that keeps,
 * per debtor and claim, the opening balance (primo), the year's movements by kind and the
 * closing balance (ultimo). The closing balance is also summed independently, posting by
 * posting, and a statement that does not reconcile (closing ≠ opening + movements, or totals ≠
 * the accepted rows' own sum) is never produced: the error names expected, actual and difference.
 * Memory grows with the number of claims, not rows, so a million-row ledger streams through.
 */
import { addMonthsToDay, dayNumberOf, fromDayNumber, partsOf, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { formatKroner, ore } from '../money/ore.js';
import { CLAIM_TYPES, type ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { POSTING_KINDS, type Posting, type PostingKind, type RowError } from './posting.js';

const KIND_INDEX: Readonly<Record<PostingKind, number>> = Object.fromEntries(POSTING_KINDS.map((k, i) => [k, i])) as Record<PostingKind, number>;

interface ClaimAcc {
  claimId: string;
  claimType: string;
  opening: number;
  movements: number[];
  running: number;
  dueDay: DayNumber | null;
  firstDay: DayNumber;
  acknowledged: boolean;
}

interface DebtorAcc {
  debtorId: string;
  name: string;
  cpr: string;
  claims: Map<string, ClaimAcc>;
}

export type Movements = Partial<Record<PostingKind, number>>;

export interface ClaimStatement {
  claimId: string;
  claimType: string;
  opening: number;
  movements: Movements;
  closing: number;
  dueDate: CalendarDate | null;
  /** Open on 31 December: days since the due date (or the first posting when there is none). */
  ageDays: number | null;
  /** When the claim is forældet: due date + 3 years, or 10 with dom, forlig or acknowledgement. */
  limitationDate: CalendarDate | null;
  timeBarred: boolean;
}

export interface DebtorStatement {
  debtorId: string;
  name: string;
  cpr: string;
  opening: number;
  movements: Movements;
  closing: number;
  claims: ClaimStatement[];
}

export interface StatementTotals {
  debtors: number;
  claims: number;
  openClaims: number;
  opening: number;
  movements: Movements;
  closing: number;
  /** Accepted rows up to the year end, and their own sum (the reconciliation's other side). */
  rows: number;
  rowsSum: number;
  /** Accepted rows posted after the year end, left out of the statement. */
  rowsAfterYear: number;
}

/** Amounts are øre inside core; `statementToJson` turns them into kroner. */
export interface Statement {
  year: number;
  debtors: DebtorStatement[];
  totals: StatementTotals;
  errors: RowError[];
}

const emptyMovements = (): number[] => POSTING_KINDS.map(() => 0);
const movementsOf = (m: readonly number[]): Movements => {
  const out: Movements = {};
  POSTING_KINDS.forEach((k, i) => {
    if (m[i] !== 0) out[k] = m[i]!;
  });
  return out;
};
const sum = (m: readonly number[]) => m.reduce((s, v) => s + v, 0);

function reconcileError(what: string, expected: number, actual: number): SaldoError {
  return new SaldoError(
    'AFSTEMNING',
    'ledger',
    what,
    `Saldoopgørelsen afstemmer ikke (${what}): forventet ${formatKroner(ore(expected))}, beregnet ${formatKroner(ore(actual))}, forskel ${formatKroner(ore(actual - expected))}. Opgørelsen er ikke lavet.`,
  );
}

export function limitationYears(claimType: string, acknowledged: boolean, rules: RuleSet): number {
  if (acknowledged) return 10;
  return (CLAIM_TYPES as readonly string[]).includes(claimType) ? rules.claimTypes.value[claimType as ClaimType].limitationYears : 3;
}

export interface StatementBuilder {
  add(p: Posting): void;
  addError(e: RowError): void;
  finish(): Statement;
}

/** A streaming statement for `year`: add postings in any order, then finish. */
export function createStatementBuilder(year: number, rules: RuleSet): StatementBuilder {
  const yearStart = dayNumberOf(year, 1, 1);
  const yearEnd = dayNumberOf(year, 12, 31);
  const debtors = new Map<string, DebtorAcc>();
  const errors: RowError[] = [];
  let rows = 0;
  let rowsSum = 0;
  let rowsAfterYear = 0;

  return {
    add(p) {
      if (p.postingDay > yearEnd) {
        rowsAfterYear += 1;
        return;
      }
      rows += 1;
      rowsSum += p.amount;
      let debtor = debtors.get(p.debtorId);
      if (!debtor) {
        debtor = { debtorId: p.debtorId, name: p.debtorName, cpr: p.cpr, claims: new Map() };
        debtors.set(p.debtorId, debtor);
      } else {
        if (debtor.name === '' && p.debtorName !== '') debtor.name = p.debtorName;
        if (debtor.cpr === '' && p.cpr !== '') debtor.cpr = p.cpr;
      }
      let claim = debtor.claims.get(p.claimId);
      if (!claim) {
        claim = { claimId: p.claimId, claimType: p.claimType, opening: 0, movements: emptyMovements(), running: 0, dueDay: null, firstDay: p.postingDay, acknowledged: false };
        debtor.claims.set(p.claimId, claim);
      }
      if (p.postingDay < yearStart) claim.opening += p.amount;
      else claim.movements[KIND_INDEX[p.kind]]! += p.amount;
      claim.running += p.amount;
      if (p.dueDay !== null && (claim.dueDay === null || p.dueDay < claim.dueDay)) claim.dueDay = p.dueDay;
      if (p.postingDay < claim.firstDay) claim.firstDay = p.postingDay;
      if (p.acknowledged) claim.acknowledged = true;
    },
    addError(e) {
      errors.push(e);
    },
    finish() {
      const out: DebtorStatement[] = [];
      const totalMovements = emptyMovements();
      let totalOpening = 0;
      let totalClosing = 0;
      let claimCount = 0;
      let openClaims = 0;
      const ids = [...debtors.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const id of ids) {
        const debtor = debtors.get(id)!;
        const debtorMovements = emptyMovements();
        let opening = 0;
        let closing = 0;
        const claims: ClaimStatement[] = [];
        for (const c of [...debtor.claims.values()].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0))) {
          const computed = c.opening + sum(c.movements);
          // The balance posted row by row must equal primo + the year's movements.
          if (computed !== c.running) throw reconcileError(`debitor ${id}, fordring ${c.claimId}`, c.running, computed);
          const open = c.running > 0;
          const from = c.dueDay ?? c.firstDay;
          const years = limitationYears(c.claimType, c.acknowledged, rules);
          const { year: fy, month: fm, day: fd } = partsOf(from);
          const limitation = addMonthsToDay(fy, fm, fd, 12 * years);
          claims.push({
            claimId: c.claimId,
            claimType: c.claimType,
            opening: c.opening,
            movements: movementsOf(c.movements),
            closing: c.running,
            dueDate: c.dueDay === null ? null : fromDayNumber(c.dueDay),
            ageDays: open ? yearEnd - from : null,
            limitationDate: open ? fromDayNumber(limitation) : null,
            timeBarred: open && limitation <= yearEnd,
          });
          claimCount += 1;
          if (open) openClaims += 1;
          opening += c.opening;
          closing += c.running;
          c.movements.forEach((v, i) => (debtorMovements[i]! += v));
        }
        if (opening + sum(debtorMovements) !== closing) throw reconcileError(`debitor ${id}`, closing, opening + sum(debtorMovements));
        totalOpening += opening;
        totalClosing += closing;
        debtorMovements.forEach((v, i) => (totalMovements[i]! += v));
        out.push({ debtorId: id, name: debtor.name, cpr: debtor.cpr, opening, movements: movementsOf(debtorMovements), closing, claims });
      }
      // The totals must equal the accepted rows' own sum, counted as they came in.
      if (totalClosing !== rowsSum) throw reconcileError('i alt mod bilagenes sum', rowsSum, totalClosing);
      if (totalOpening + sum(totalMovements) !== totalClosing) throw reconcileError('i alt', totalClosing, totalOpening + sum(totalMovements));
      return {
        year,
        debtors: out,
        totals: { debtors: out.length, claims: claimCount, openClaims, opening: totalOpening, movements: movementsOf(totalMovements), closing: totalClosing, rows, rowsSum, rowsAfterYear },
        errors: errors.sort((a, b) => a.row - b.row),
      };
    },
  };
}

/**
 * CPR as ddmmyy-xxxx: the birth date stays, the last four digits are hidden. A CVR number
 * (8 digits, a company) is not personal data and stays as it is.
 */
export function maskCpr(cpr: string): string {
  const digits = cpr.replace(/\D/g, '');
  if (digits.length === 10) return `${digits.slice(0, 6)}-xxxx`;
  if (digits.length === 8) return cpr;
  return cpr === '' ? '' : 'xxxxxx-xxxx';
}
