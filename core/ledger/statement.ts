/**
 * Year-end balance statements (saldoopgørelser), hledger-style: a fold over postings that keeps,
 * per debtor and claim, the opening balance (primo), the year's movements by kind and the
 * closing balance (ultimo). The closing balance is also summed independently, posting by
 * posting, and a statement that does not reconcile (closing ≠ opening + movements, or totals ≠
 * the accepted rows' own sum) is never produced: the error names expected, actual and difference.
 * Memory grows with the number of claims, not rows, so a million-row ledger streams through.
 */
import { makeBankCalendar } from '../calendar/bankingDays.js';
import { dayNumberOf, fromDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { checkExactSum, formatKroner, ore, type Ore } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { maskCprsIn } from '../personal/cpr.js';
import { cprConflictMessage, cprKey } from './debtorIdentity.js';
import { claimLimitation } from './limitation.js';
import { POSTING_KINDS, type Posting, type PostingKind, type RowError } from './posting.js';

const KIND_INDEX: Readonly<Record<PostingKind, number>> = Object.fromEntries(POSTING_KINDS.map((k, i) => [k, i])) as Record<PostingKind, number>;

interface ClaimAcc {
  claimId: string;
  claimType: string;
  /** The row that gave the claim its type: the first posting of the claim wins. */
  typeRow: number;
  /** The caseworker of the claim's lowest row that names one ('' and Infinity while none does), as the debtor's name is taken. */
  caseworker: string;
  caseworkerRow: number;
  opening: number;
  movements: number[];
  running: number;
  dueDay: DayNumber | null;
  firstDay: DayNumber;
  acknowledged: boolean;
  /** Forældelse facts, a few days each (see limitation.ts); null where the ledger has none. */
  /** The first posting that raised the debt: a payment booked before the krav does not make the claim older. */
  raisedDay: DayNumber | null;
  timelyDay: DayNumber | null;
  paymentDay: DayNumber | null;
  judgmentDay: DayNumber | null;
  feeAfterJudgmentDay: DayNumber | null;
  undatedFeeFirstDay: DayNumber | null;
  undatedFeeLastDay: DayNumber | null;
}

/**
 * A debtor's postings with one CPR/CVR number (or none). A debtor number with two numbers is two
 * accumulators until `finish`, where the lowest row decides whose the debtor is (see `resolve`):
 * so the choice is the same whatever order the rows are added or merged in.
 */
interface DebtorAcc {
  debtorId: string;
  /** `cprKey` of the CPR/CVR, '' for the rows without one. */
  cprKey: string;
  name: string;
  cpr: string;
  /** Rows that gave the name and CPR: the first posting that has one wins, whatever the order of adding. */
  nameRow: number;
  cprRow: number;
  claims: Map<string, ClaimAcc>;
  /**
   * The rows as [first, last] pairs: the rows to list if this number is refused. A ledger sorted
   * by debtor gives one pair per debtor, so memory still grows with debtors, not rows.
   */
  ranges: number[];
}

/** The year's movements by kind, in øre; a kind with no movement is left out. */
export type Movements = Partial<Record<PostingKind, Ore>>;

export interface ClaimStatement {
  claimId: string;
  claimType: string;
  /**
   * The caseworker (Sagsbehandler) on the claim's lowest row that names one; '' when none does.
   * Not in the statement's JSON: the limitation radar (core/portfolio) reads it.
   */
  caseworker: string;
  opening: Ore;
  movements: Movements;
  closing: Ore;
  dueDate: CalendarDate | null;
  /** Open on 31 December: days since the due date (or the first posting when there is none). */
  ageDays: number | null;
  /**
   * Open claims: the first day on which a still-open part is forældet (forældelsesloven, see
   * limitation.ts): 3 or 10 years from the last timely payment date, due date, dom or last
   * betaling, moved off a closed day (§ 27 stk. 2). Null for closed claims and past 31-12-9999.
   */
  limitationDate: CalendarDate | null;
  /** The claim (with a dom: its principal) is forældet at the year end. */
  timeBarred: boolean;
  /**
   * The last day of the principal's period (the whole claim's without a dom); `limitationDate`
   * is earlier where renter and gebyrer after a dom run out first. Null for closed claims.
   * Not in the statement's JSON: the limitation radar (core/portfolio) reads it.
   */
  principalLimitationDate: CalendarDate | null;
  /** The latest Dom/forlig dato up to the statement's day: the claim has a fundament (dom or forlig). */
  judgmentDate: CalendarDate | null;
  /** Which rule and which dates, in plain Danish; null for closed claims. */
  limitationReason: string | null;
}

export interface DebtorStatement {
  debtorId: string;
  name: string;
  cpr: string;
  opening: Ore;
  movements: Movements;
  closing: Ore;
  claims: ClaimStatement[];
}

export interface StatementTotals {
  debtors: number;
  claims: number;
  openClaims: number;
  opening: Ore;
  movements: Movements;
  closing: Ore;
  /** Accepted rows up to the year end, and their own sum (the reconciliation's other side). */
  rows: number;
  rowsSum: Ore;
  /** Accepted rows posted after the year end, left out of the statement. */
  rowsAfterYear: number;
}

/** A statement whose debtors come one at a time, in id order (from `finishLazily`). */
export interface LazyStatement extends Omit<Statement, 'debtors'> {
  debtors: Iterable<DebtorStatement>;
}

/** Amounts are øre (made by `ore` where the statement is made); `statementToJson` turns them into kroner at the edge. */
export interface Statement {
  year: number;
  debtors: DebtorStatement[];
  totals: StatementTotals;
  errors: RowError[];
}

const emptyMovements = (): number[] => POSTING_KINDS.map(() => 0);
const movementsOf = (m: readonly number[]): Movements => {
  const out: Movements = {};
  for (let i = 0; i < POSTING_KINDS.length; i += 1) if (m[i] !== 0) out[POSTING_KINDS[i]!] = ore(m[i]!);
  return out;
};
const sum = (m: readonly number[]) => m.reduce((s, v) => s + v, 0);

function reconcileError(place: string, expected: number, actual: number): SaldoError {
  // The place names a debtor number, which may be a CPR number: masked like every message.
  const what = maskCprsIn(place);
  return new SaldoError(
    'AFSTEMNING',
    'ledger',
    what,
    `Saldoopgørelsen afstemmer ikke (${what}): forventet ${formatKroner(ore(expected))}, beregnet ${formatKroner(ore(actual))}, forskel ${formatKroner(ore(actual - expected))}. Opgørelsen er ikke lavet.`,
  );
}

/**
 * A builder's state as plain data, so that parts of a ledger folded apart (the CLI folds a large
 * file on two threads) can be merged. Per claim, `numbers` holds CLAIM_NUMBERS values (opening,
 * running balance, the movements by kind, due day or NaN, first day, acknowledged 0/1, and the
 * forældelse days or NaN: first day that raised the debt, earliest timely payment date, last payment, latest dom, earliest rente or
 * gebyr after its row's dom, earliest and latest rente or gebyr on rows without one); a plain
 * array, so whole øre stay small integers for V8 (a typed array of doubles would deoptimize the fold).
 */
export interface StatementPart {
  rows: number;
  rowsSum: number;
  /** The sum of the rows' absolute amounts: every sum is exact while it stays within 2^53 øre. */
  absoluteSum: number;
  rowsAfterYear: number;
  errors: RowError[];
  debtorIds: string[];
  names: string[];
  nameRows: Float64Array;
  cprs: string[];
  cprRows: Float64Array;
  /** Every debtor's row ranges one after another; debtor i's end at `rangeEnds[i]`. */
  ranges: Float64Array;
  rangeEnds: Float64Array;
  claimDebtor: Float64Array;
  claimIds: string[];
  claimTypes: string[];
  typeRows: Float64Array;
  /** Per claim: the caseworker and the row (key) that named it ('' and Infinity when no row did). */
  caseworkers: string[];
  caseworkerRows: Float64Array;
  /** `CLAIM_NUMBERS` a claim. */
  numbers: Float64Array;
}

/**
 * The memory of a part's number columns, to hand to another thread rather than copy: a worker's
 * part of a million-row ledger is 20 MB of numbers, and cloning them as arrays of numbers cost
 * more than folding a piece (profiled: 0,26 s to write, 0,74 s to read back on the main thread).
 */
export function partBuffers(part: StatementPart): ArrayBuffer[] {
  const columns = [part.nameRows, part.cprRows, part.ranges, part.rangeEnds, part.claimDebtor, part.typeRows, part.caseworkerRows, part.numbers];
  return columns.map((c) => c.buffer as ArrayBuffer);
}

const OPENING = 0;
const RUNNING = 1;
const MOVEMENTS = 2;
const DUE = MOVEMENTS + POSTING_KINDS.length;
const FIRST_DAY = DUE + 1;
const ACKNOWLEDGED = FIRST_DAY + 1;
const RAISED = ACKNOWLEDGED + 1;
const TIMELY = RAISED + 1;
const PAYMENT = TIMELY + 1;
const JUDGMENT = PAYMENT + 1;
const FEE_AFTER_JUDGMENT = JUDGMENT + 1;
const UNDATED_FEE_FIRST = FEE_AFTER_JUDGMENT + 1;
const UNDATED_FEE_LAST = UNDATED_FEE_FIRST + 1;
/** Numbers per claim in a `StatementPart`. */
export const CLAIM_NUMBERS = UNDATED_FEE_LAST + 1;

/** The earlier (`min`) or later of two days where null is "none". */
const earlier = (a: DayNumber | null, b: DayNumber | null): DayNumber | null => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: DayNumber | null, b: DayNumber | null): DayNumber | null => (a === null ? b : b === null || a >= b ? a : b);
const dayOrNull = (n: number): DayNumber | null => (Number.isNaN(n) ? null : n);

/** Adds another accumulator's forældelse facts to `c` (merging parts, joining a debtor's rows). */
function mergeLimitationFacts(c: ClaimAcc, o: Pick<ClaimAcc, 'raisedDay' | 'timelyDay' | 'paymentDay' | 'judgmentDay' | 'feeAfterJudgmentDay' | 'undatedFeeFirstDay' | 'undatedFeeLastDay'>): void {
  c.raisedDay = earlier(c.raisedDay, o.raisedDay);
  c.timelyDay = earlier(c.timelyDay, o.timelyDay);
  c.paymentDay = later(c.paymentDay, o.paymentDay);
  c.judgmentDay = later(c.judgmentDay, o.judgmentDay);
  c.feeAfterJudgmentDay = earlier(c.feeAfterJudgmentDay, o.feeAfterJudgmentDay);
  c.undatedFeeFirstDay = earlier(c.undatedFeeFirstDay, o.undatedFeeFirstDay);
  c.undatedFeeLastDay = later(c.undatedFeeLastDay, o.undatedFeeLastDay);
}

export interface StatementBuilder {
  /** Adds a posting; `p.row` orders the postings (the first one that names a debtor names it). */
  add(p: Posting): void;
  addError(e: RowError): void;
  /** This builder's state so far, for `merge` in another builder. */
  part(): StatementPart;
  /** Adds another builder's part: the same as having added its postings and errors here. */
  merge(part: StatementPart): void;
  /** `rowNumber` turns the rows' keys into the file's row numbers (the CLI folds pieces with provisional keys). */
  finish(rowNumber?: (key: number) => number): Statement;
  /**
   * The same statement with its debtors made one at a time as they are read (a million-row
   * ledger's statement need not be held whole to be written). The reconciliation is done first:
   * it throws before anything is produced.
   */
  finishLazily(rowNumber?: (key: number) => number): LazyStatement;
}

/**
 * A streaming statement for `year`: add postings in any order, then finish. `asOf` (a day in the
 * year, default 31 December) ends the statement earlier: the balances are those at the end of that
 * day, postings after it are left out (counted in `rowsAfterYear`), and forældelse is judged on it
 * (the limitation radar's statement on its as-of date).
 */
export function createStatementBuilder(year: number, rules: RuleSet, asOf?: DayNumber): StatementBuilder {
  const yearStart = dayNumberOf(year, 1, 1);
  const yearEnd = asOf ?? dayNumberOf(year, 12, 31);
  if (yearEnd < yearStart || yearEnd > dayNumberOf(year, 12, 31)) throw new Error(`Opgørelsesdagen ${fromDayNumber(yearEnd)} ligger ikke i ${year}.`);
  const calendar = makeBankCalendar(rules.bankHolidays.value);
  const debtors = new Map<string, DebtorAcc>();
  const errors: RowError[] = [];
  let rows = 0;
  let rowsSum = 0;
  let absoluteSum = 0;
  let rowsAfterYear = 0;
  let lastDebtor: DebtorAcc | undefined;
  let lastCpr = '';
  let lastClaim: ClaimAcc | undefined;

  /** The accumulator of the debtor with this CPR/CVR, made (with the given name and CPR, possibly '') on first sight. */
  const debtorOf = (id: string, name: string, nameRow: number, cpr: string, cprRow: number): DebtorAcc => {
    const key = cpr === '' ? '' : cprKey(cpr);
    // The key has no \u0000 (letters and digits only), so no two pairs make one text.
    const mapKey = `${key}\u0000${id}`;
    let d = debtors.get(mapKey);
    if (!d) {
      d = { debtorId: id, cprKey: key, name, cpr, nameRow: name === '' ? Infinity : nameRow, cprRow: cpr === '' ? Infinity : cprRow, claims: new Map(), ranges: [] };
      debtors.set(mapKey, d);
    }
    return d;
  };
  const claimOf = (debtor: DebtorAcc, id: string, claimType: string, typeRow: number, caseworker: string, caseworkerRow: number, firstDay: DayNumber): ClaimAcc => {
    let c = debtor.claims.get(id);
    if (!c) {
      c = {
        claimId: id,
        claimType,
        typeRow,
        caseworker,
        caseworkerRow: caseworker === '' ? Infinity : caseworkerRow,
        opening: 0,
        movements: emptyMovements(),
        running: 0,
        dueDay: null,
        firstDay,
        acknowledged: false,
        raisedDay: null,
        timelyDay: null,
        paymentDay: null,
        judgmentDay: null,
        feeAfterJudgmentDay: null,
        undatedFeeFirstDay: null,
        undatedFeeLastDay: null,
      };
      debtor.claims.set(id, c);
    }
    return c;
  };

  return {
    add(p) {
      if (p.postingDay > yearEnd) {
        rowsAfterYear += 1;
        return;
      }
      rows += 1;
      rowsSum += p.amount;
      absoluteSum += p.amount < 0 ? -p.amount : p.amount;
      // Ledgers come sorted by debtor and claim more often than not: the last ones are kept at hand.
      const debtor = p.debtorId === lastDebtor?.debtorId && p.cpr === lastCpr ? lastDebtor : debtorOf(p.debtorId, p.debtorName, p.row, p.cpr, p.row);
      lastCpr = p.cpr;
      if (debtor !== lastDebtor) {
        lastDebtor = debtor;
        lastClaim = undefined;
      }
      const ranges = debtor.ranges;
      if (ranges.length > 0 && ranges[ranges.length - 1] === p.row - 1) ranges[ranges.length - 1] = p.row;
      else ranges.push(p.row, p.row);
      if (p.debtorName !== '' && p.row < debtor.nameRow) {
        debtor.name = p.debtorName;
        debtor.nameRow = p.row;
      }
      if (p.cpr !== '' && p.row < debtor.cprRow) {
        debtor.cpr = p.cpr;
        debtor.cprRow = p.row;
      }
      const claim = p.claimId === lastClaim?.claimId ? lastClaim : claimOf(debtor, p.claimId, p.claimType, p.row, p.caseworker, p.row, p.postingDay);
      lastClaim = claim;
      if (p.row < claim.typeRow) {
        claim.claimType = p.claimType;
        claim.typeRow = p.row;
      }
      // In a ledger sorted by row the claim's first row named its caseworker: one comparison per row after it.
      if (p.row < claim.caseworkerRow && p.caseworker !== '') {
        claim.caseworker = p.caseworker;
        claim.caseworkerRow = p.row;
      }
      if (p.postingDay < yearStart) claim.opening += p.amount;
      else claim.movements[KIND_INDEX[p.kind]]! += p.amount;
      claim.running += p.amount;
      if (p.dueDay !== null && (claim.dueDay === null || p.dueDay < claim.dueDay)) claim.dueDay = p.dueDay;
      if (p.postingDay < claim.firstDay) claim.firstDay = p.postingDay;
      if (p.acknowledged) claim.acknowledged = true;
      // Forældelse (limitation.ts). Postings after the year end never reach here: a payment made
      // after 31 December does not interrupt in that year's statement.
      if (p.amount > 0 && (claim.raisedDay === null || p.postingDay < claim.raisedDay)) claim.raisedDay = p.postingDay;
      if (p.lastTimelyDay !== null && (claim.timelyDay === null || p.lastTimelyDay < claim.timelyDay)) claim.timelyDay = p.lastTimelyDay;
      // Only the debtor's own payment is an erkendelse (§ 15); a modregning is not.
      if (p.kind === 'betaling' && p.amount < 0 && (claim.paymentDay === null || p.postingDay > claim.paymentDay)) claim.paymentDay = p.postingDay;
      // A dom dated after the year end did not exist on 31 December.
      const judgment = p.judgmentDay !== null && p.judgmentDay <= yearEnd ? p.judgmentDay : null;
      if (judgment !== null && (claim.judgmentDay === null || judgment > claim.judgmentDay)) claim.judgmentDay = judgment;
      if ((p.kind === 'rente' || p.kind === 'gebyr') && p.amount > 0) {
        const day = p.dueDay ?? p.postingDay;
        if (judgment !== null) {
          if (day > judgment && (claim.feeAfterJudgmentDay === null || day < claim.feeAfterJudgmentDay)) claim.feeAfterJudgmentDay = day;
        } else {
          if (claim.undatedFeeFirstDay === null || day < claim.undatedFeeFirstDay) claim.undatedFeeFirstDay = day;
          if (claim.undatedFeeLastDay === null || day > claim.undatedFeeLastDay) claim.undatedFeeLastDay = day;
        }
      }
    },
    addError(e) {
      errors.push(e);
    },
    part() {
      let claimCount = 0;
      let rangeCount = 0;
      for (const d of debtors.values()) {
        claimCount += d.claims.size;
        rangeCount += d.ranges.length;
      }
      const debtorCount = debtors.size;
      const out: StatementPart = {
        rows,
        rowsSum,
        absoluteSum,
        rowsAfterYear,
        errors: [...errors],
        debtorIds: [],
        names: [],
        nameRows: new Float64Array(debtorCount),
        cprs: [],
        cprRows: new Float64Array(debtorCount),
        ranges: new Float64Array(rangeCount),
        rangeEnds: new Float64Array(debtorCount),
        claimDebtor: new Float64Array(claimCount),
        claimIds: [],
        claimTypes: [],
        typeRows: new Float64Array(claimCount),
        caseworkers: [],
        caseworkerRows: new Float64Array(claimCount),
        numbers: new Float64Array(claimCount * CLAIM_NUMBERS),
      };
      const n = out.numbers;
      let claim = 0;
      let range = 0;
      for (const d of debtors.values()) {
        const index = out.debtorIds.length;
        out.debtorIds.push(d.debtorId);
        out.names.push(d.name);
        out.nameRows[index] = d.nameRow;
        out.cprs.push(d.cpr);
        out.cprRows[index] = d.cprRow;
        out.ranges.set(d.ranges, range);
        range += d.ranges.length;
        out.rangeEnds[index] = range;
        for (const c of d.claims.values()) {
          out.claimDebtor[claim] = index;
          out.claimIds.push(c.claimId);
          out.claimTypes.push(c.claimType);
          out.typeRows[claim] = c.typeRow;
          out.caseworkers.push(c.caseworker);
          out.caseworkerRows[claim] = c.caseworkerRow;
          const at = claim * CLAIM_NUMBERS;
          n[at + OPENING] = c.opening;
          n[at + RUNNING] = c.running;
          n.set(c.movements, at + MOVEMENTS);
          n[at + DUE] = c.dueDay ?? Number.NaN;
          n[at + FIRST_DAY] = c.firstDay;
          n[at + ACKNOWLEDGED] = c.acknowledged ? 1 : 0;
          n[at + RAISED] = c.raisedDay ?? Number.NaN;
          n[at + TIMELY] = c.timelyDay ?? Number.NaN;
          n[at + PAYMENT] = c.paymentDay ?? Number.NaN;
          n[at + JUDGMENT] = c.judgmentDay ?? Number.NaN;
          n[at + FEE_AFTER_JUDGMENT] = c.feeAfterJudgmentDay ?? Number.NaN;
          n[at + UNDATED_FEE_FIRST] = c.undatedFeeFirstDay ?? Number.NaN;
          n[at + UNDATED_FEE_LAST] = c.undatedFeeLastDay ?? Number.NaN;
          claim += 1;
        }
      }
      return out;
    },
    merge(part) {
      rows += part.rows;
      rowsSum += part.rowsSum;
      absoluteSum += part.absoluteSum;
      rowsAfterYear += part.rowsAfterYear;
      for (const e of part.errors) errors.push(e);
      const owners = part.debtorIds.map((id, i) => {
        const d = debtorOf(id, part.names[i]!, part.nameRows[i]!, part.cprs[i]!, part.cprRows[i]!);
        if (part.names[i] !== '' && part.nameRows[i]! < d.nameRow) {
          d.name = part.names[i]!;
          d.nameRow = part.nameRows[i]!;
        }
        if (part.cprs[i] !== '' && part.cprRows[i]! < d.cprRow) {
          d.cpr = part.cprs[i]!;
          d.cprRow = part.cprRows[i]!;
        }
        for (let r = i === 0 ? 0 : part.rangeEnds[i - 1]!; r < part.rangeEnds[i]!; r += 1) d.ranges.push(part.ranges[r]!);
        return d;
      });
      const n = part.numbers;
      part.claimIds.forEach((id, i) => {
        const at = i * CLAIM_NUMBERS;
        const c = claimOf(owners[part.claimDebtor[i]!]!, id, part.claimTypes[i]!, part.typeRows[i]!, part.caseworkers[i]!, part.caseworkerRows[i]!, n[at + FIRST_DAY]!);
        if (part.typeRows[i]! < c.typeRow) {
          c.claimType = part.claimTypes[i]!;
          c.typeRow = part.typeRows[i]!;
        }
        // The lower row wins, whichever part it came in: the same whatever the cuts and the order of merging.
        if (part.caseworkerRows[i]! < c.caseworkerRow) {
          c.caseworker = part.caseworkers[i]!;
          c.caseworkerRow = part.caseworkerRows[i]!;
        }
        c.opening += n[at + OPENING]!;
        c.running += n[at + RUNNING]!;
        for (let k = 0; k < POSTING_KINDS.length; k += 1) c.movements[k]! += n[at + MOVEMENTS + k]!;
        const due = n[at + DUE]!;
        if (!Number.isNaN(due) && (c.dueDay === null || due < c.dueDay)) c.dueDay = due;
        if (n[at + FIRST_DAY]! < c.firstDay) c.firstDay = n[at + FIRST_DAY]!;
        if (n[at + ACKNOWLEDGED] === 1) c.acknowledged = true;
        // As mergeLimitationFacts, without an object per claim (a 5M-row ledger merges a million).
        c.raisedDay = earlier(c.raisedDay, dayOrNull(n[at + RAISED]!));
        c.timelyDay = earlier(c.timelyDay, dayOrNull(n[at + TIMELY]!));
        c.paymentDay = later(c.paymentDay, dayOrNull(n[at + PAYMENT]!));
        c.judgmentDay = later(c.judgmentDay, dayOrNull(n[at + JUDGMENT]!));
        c.feeAfterJudgmentDay = earlier(c.feeAfterJudgmentDay, dayOrNull(n[at + FEE_AFTER_JUDGMENT]!));
        c.undatedFeeFirstDay = earlier(c.undatedFeeFirstDay, dayOrNull(n[at + UNDATED_FEE_FIRST]!));
        c.undatedFeeLastDay = later(c.undatedFeeLastDay, dayOrNull(n[at + UNDATED_FEE_LAST]!));
      });
      lastDebtor = undefined;
      lastClaim = undefined;
    },
    finishLazily(rowNumber = (key: number) => key) {
      // On every row read, refused or not: a sum that is exact with them is exact without.
      checkExactSum(absoluteSum, 'Posteringslisten');
      const { people, refused } = resolve(rowNumber);
      const rowsKept = rows - refused.rows;
      const sumKept = rowsSum - refused.sum;
      // First the reconciliation, on the numbers alone: nothing is produced unless it holds.
      const totalMovements = emptyMovements();
      let totalOpening = 0;
      let totalClosing = 0;
      let claimCount = 0;
      let openClaims = 0;
      const ids = [...people.keys()].sort(byText);
      for (const id of ids) {
        const debtor = people.get(id)!;
        const debtorMovements = emptyMovements();
        let opening = 0;
        let closing = 0;
        for (const c of debtor.claims.values()) {
          const computed = c.opening + sum(c.movements);
          // The balance posted row by row must equal primo + the year's movements.
          if (computed !== c.running) throw reconcileError(`debitor ${id}, fordring ${c.claimId}`, c.running, computed);
          claimCount += 1;
          if (c.running > 0) openClaims += 1;
          opening += c.opening;
          closing += c.running;
          for (let i = 0; i < debtorMovements.length; i += 1) debtorMovements[i]! += c.movements[i]!;
        }
        if (opening + sum(debtorMovements) !== closing) throw reconcileError(`debitor ${id}`, closing, opening + sum(debtorMovements));
        totalOpening += opening;
        totalClosing += closing;
        for (let i = 0; i < totalMovements.length; i += 1) totalMovements[i]! += debtorMovements[i]!;
      }
      // The totals must equal the accepted rows' own sum, counted as they came in.
      if (totalClosing !== sumKept) throw reconcileError('i alt mod bilagenes sum', sumKept, totalClosing);
      if (totalOpening + sum(totalMovements) !== totalClosing) throw reconcileError('i alt', totalClosing, totalOpening + sum(totalMovements));
      return {
        year,
        debtors: debtorStatements(people, ids),
        totals: {
          debtors: ids.length,
          claims: claimCount,
          openClaims,
          opening: ore(totalOpening),
          movements: movementsOf(totalMovements),
          closing: ore(totalClosing),
          rows: rowsKept,
          rowsSum: ore(sumKept),
          rowsAfterYear,
        },
        errors: [...errors.map((e) => ({ ...e, row: rowNumber(e.row) })), ...refused.errors].sort((a, b) => a.row - b.row),
      };
    },
    finish(rowNumber) {
      const lazy = this.finishLazily(rowNumber);
      return { ...lazy, debtors: [...lazy.debtors] };
    },
  };

  /**
   * One accumulator per debtor number. Where a number has rows with two CPR/CVR numbers, the
   * debtor is the person on its lowest row with one (rows without a number are theirs too); each
   * row with another number is a row error naming both rows and leaves the totals. Nothing here
   * changes the builder: finishing twice gives the same.
   */
  function resolve(rowNumber: (key: number) => number) {
    const byId = new Map<string, DebtorAcc[]>();
    for (const d of debtors.values()) {
      const groups = byId.get(d.debtorId);
      if (groups) groups.push(d);
      else byId.set(d.debtorId, [d]);
    }
    const people = new Map<string, DebtorAcc>();
    const refused = { rows: 0, sum: 0, errors: [] as RowError[] };
    for (const [id, groups] of byId) {
      if (groups.length === 1) {
        people.set(id, groups[0]!);
        continue;
      }
      const numbered = groups.filter((g) => g.cprKey !== '').sort((a, b) => a.cprRow - b.cprRow);
      const person = numbered[0]!;
      const blank = groups.find((g) => g.cprKey === '');
      people.set(id, blank ? joined(person, blank) : person);
      for (const other of numbered.slice(1)) {
        for (let i = 0; i < other.ranges.length; i += 2) {
          for (let row = other.ranges[i]!; row <= other.ranges[i + 1]!; row += 1) {
            refused.errors.push({ row: rowNumber(row), message: cprConflictMessage(id, person.cpr, rowNumber(person.cprRow), other.cpr, rowNumber(row)) });
            refused.rows += 1;
          }
        }
        for (const c of other.claims.values()) refused.sum += c.running;
      }
    }
    return { people, refused };
  }

  /** The person's accumulator with the rows without a CPR/CVR added: a new one, the builder's stay as they are. */
  function joined(person: DebtorAcc, blank: DebtorAcc): DebtorAcc {
    const out: DebtorAcc = { ...person, claims: new Map([...person.claims].map(([k, c]) => [k, { ...c, movements: [...c.movements] }])) };
    if (blank.nameRow < out.nameRow) {
      out.name = blank.name;
      out.nameRow = blank.nameRow;
    }
    for (const b of blank.claims.values()) {
      const c = out.claims.get(b.claimId);
      if (!c) {
        out.claims.set(b.claimId, b);
        continue;
      }
      if (b.typeRow < c.typeRow) {
        c.claimType = b.claimType;
        c.typeRow = b.typeRow;
      }
      if (b.caseworkerRow < c.caseworkerRow) {
        c.caseworker = b.caseworker;
        c.caseworkerRow = b.caseworkerRow;
      }
      c.opening += b.opening;
      c.running += b.running;
      for (let k = 0; k < POSTING_KINDS.length; k += 1) c.movements[k]! += b.movements[k]!;
      if (b.dueDay !== null && (c.dueDay === null || b.dueDay < c.dueDay)) c.dueDay = b.dueDay;
      if (b.firstDay < c.firstDay) c.firstDay = b.firstDay;
      if (b.acknowledged) c.acknowledged = true;
      mergeLimitationFacts(c, b);
    }
    return out;
  }

  /** The debtors' statements in id order, made one at a time (after the reconciliation held). */
  function* debtorStatements(people: ReadonlyMap<string, DebtorAcc>, ids: readonly string[]): Generator<DebtorStatement> {
    for (const id of ids) {
      const debtor = people.get(id)!;
      const debtorMovements = emptyMovements();
      let opening = 0;
      let closing = 0;
      const claims: ClaimStatement[] = [];
      const ordered = [...debtor.claims.values()];
      if (ordered.length > 1) ordered.sort((a, b) => byText(a.claimId, b.claimId));
      for (const c of ordered) {
        const open = c.running > 0;
        const from = c.dueDay ?? c.firstDay;
        const limitation = open
          ? claimLimitation(
              {
                claimType: c.claimType,
                acknowledged: c.acknowledged,
                dueDay: c.dueDay,
                firstDay: c.raisedDay ?? c.firstDay,
                lastTimelyDay: c.timelyDay,
                lastPaymentDay: c.paymentDay,
                judgmentDay: c.judgmentDay,
                feeAfterJudgmentDay: c.feeAfterJudgmentDay,
                undatedFeeFirstDay: c.undatedFeeFirstDay,
                undatedFeeLastDay: c.undatedFeeLastDay,
              },
              yearEnd,
              rules,
              calendar,
            )
          : null;
        claims.push({
          claimId: c.claimId,
          claimType: c.claimType,
          caseworker: c.caseworker,
          opening: ore(c.opening),
          movements: movementsOf(c.movements),
          closing: ore(c.running),
          dueDate: c.dueDay === null ? null : fromDayNumber(c.dueDay),
          ageDays: open ? yearEnd - from : null,
          // A limitation past 31-12-9999 (a due date typed in year 9998) cannot be written as a date.
          limitationDate: limitation?.limitationDay == null ? null : fromDayNumber(limitation.limitationDay),
          timeBarred: limitation?.timeBarred ?? false,
          limitationReason: limitation?.reason ?? null,
          principalLimitationDate: limitation?.principalDay == null ? null : fromDayNumber(limitation.principalDay),
          judgmentDate: open && c.judgmentDay !== null ? fromDayNumber(c.judgmentDay) : null,
        });
        opening += c.opening;
        closing += c.running;
        for (let i = 0; i < debtorMovements.length; i += 1) debtorMovements[i]! += c.movements[i]!;
      }
      yield { debtorId: id, name: debtor.name, cpr: debtor.cpr, opening: ore(opening), movements: movementsOf(debtorMovements), closing: ore(closing), claims };
    }
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
