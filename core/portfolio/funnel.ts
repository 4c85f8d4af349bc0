/**
 * The opkrævningstragt (issue 20; SPEC "Portfolio commands", `funnel`): per claim type and month
 * of forfald, what became of the principal of the claims that fell due — paid before rykker, paid
 * after rykker, in a betalingsaftale, sent to inddrivelse, written off, still open — in øre and
 * in claims, with the median days from forfald to payment and to oversendelse. A fold over the
 * ledger's postings like the statement and the analysis; the postings are kept in typed arrays
 * (33 bytes each) because each claim is followed in date order, and a ledger need not be sorted.
 *
 * Definitions (docs/cli.md, "funnel", says the same in words):
 *
 * - A claim is a debtor number and a claim id, as the statement keys it. Its claim type is the
 *   type on its first row (as the statement's).
 * - Its **forfald** is the earliest due date on its `krav` postings; a claim whose krav postings
 *   carry no due date has the earliest krav posting date, and a claim with no krav posting the
 *   earliest due date (else posting date) of any of its postings. The claim is **new** in the
 *   month of its forfald.
 * - Its **principal** (`newAmount`) is the sum of its `krav` and `korrektion` postings: a
 *   korrektion corrects the claim. `gebyr`, `rente` and `tilbagebetaling` are not principal. A
 *   claim whose principal is 0 or less (a credit, or a claim corrected to nothing) is no new
 *   claim: it is counted in `skipped`, with its principal.
 * - The principal is followed through the claim's postings in date order (a day's postings in
 *   row order) up to `asOf`, by the dækningsrækkefølge (SPEC "Allocation"; gældsinddrivelsesloven
 *   § 4 and municipal practice): a `betaling`, `modregning`, `oversendt` or `afskrivning` covers the
 *   claim's outstanding gebyrer and renter first, then the principal; what it covers of the
 *   principal goes to its stage, and what is left after the principal is a credit (an overpayment
 *   never counts twice). A `gebyr` or `rente` raises the outstanding fees (after any credit); a
 *   negative one (a fee reversed) beyond what is outstanding frees money that had covered it, which
 *   goes to the principal as a payment that day. A `tilbagebetaling` (money paid back to the
 *   debtor) uses up the credit first; beyond it, it is owed like a fee and never reopens the
 *   principal. So each claim's stages add up to its principal to the øre, and a claim whose
 *   balance is 0 or less has no open principal.
 * - The **rykker** is marked by the claim's first positive `gebyr` posting (a rykkergebyr).
 *   `betaling` and `modregning` on a later day are paid after rykker; on that day or before, paid
 *   before rykker. Claim types without rykkergebyr (a tilbagebetalingskrav) have no marker, so all
 *   their payments count as before rykker; so do claims whose rykkergebyr is booked on a fordring
 *   of its own.
 * - `oversendt` → sent to inddrivelse; `afskrivning` → written off; the principal still not
 *   covered on `asOf` → open, or in a betalingsaftale when the claim's key is in `inAgreement`
 *   (the agreement register is not read yet: the CLI passes none, so that stage is 0 there).
 * - **Counts** are by final state, so they add up to `newCount`: a claim with principal left is
 *   open (or in agreement); a settled one counts in the stage of the posting that covered its last
 *   krone (partly paid and then sent counts as sent).
 * - **Median days to payment**: over the claims counted as paid (before or after rykker), from the
 *   forfald to the day of the payment that covered the last krone (negative when paid before the
 *   forfald). **Median days to transfer**: over the claims with principal sent to inddrivelse,
 *   from the forfald to the first oversendt posting that took principal. The median of an even
 *   number of days is the mean of the middle two; null when there are none.
 * - **asOf**: postings after it are left out (counted in `rows` for the line account). When it is
 *   not given, it is the ledger's last posting date: the funnel shows the ledger as it stands.
 * - The months run from the month of `from` to the month of `to`, whole months. Each claim type
 *   with a new claim in the period has a row for every month, zeros where nothing fell due.
 */
import { fromDayNumber, partsOf, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { checkExactSum, formatKroner, ore, type Ore } from '../money/ore.js';
import { cprConflictMessage, cprKey } from '../ledger/debtorIdentity.js';
import { POSTING_KINDS, type Posting, type PostingKind, type RowError } from '../ledger/posting.js';

/** The stages, in the funnel's order. Their amounts add up to the month's `newAmount`. */
export const FUNNEL_STAGES = ['paidBeforeRykker', 'paidAfterRykker', 'inAgreement', 'sentToInddrivelse', 'writtenOff', 'open'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

const PAID_BEFORE = 0;
const PAID_AFTER = 1;
const IN_AGREEMENT = 2;
const SENT = 3;
const WRITTEN_OFF = 4;
const OPEN = 5;

/** The longest period: 50 years of months (a longer one is a typing error, and rows × types would flood the output). */
export const MAX_FUNNEL_MONTHS = 600;

/** A month as a number: year × 12 + month − 1. */
export type MonthIndex = number;
export const monthIndexOf = (day: DayNumber): MonthIndex => {
  const { year, month } = partsOf(day);
  return year * 12 + month - 1;
};
/** "2026-03" */
export const monthText = (m: MonthIndex): string => `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;

/** The key of a claim in `inAgreement`: the debtor number and claim id as the ledger's rows give them (after reading). */
export const funnelClaimKey = (debtorId: string, claimId: string): string => `${debtorId}\u0000${claimId}`;

/** The claims of a register's agreements as `inAgreement` keys (the register's ids are read as the ledger's are). */
export const inAgreementOf = (agreements: ReadonlyArray<{ debtorId: string; claimIds: readonly string[] }>): Set<string> =>
  new Set(agreements.flatMap((a) => a.claimIds.map((c) => funnelClaimKey(a.debtorId, c))));

export interface FunnelOptions {
  /** The first and last month of forfald shown. */
  fromMonth: MonthIndex;
  toMonth: MonthIndex;
  /** Postings after this day are left out; default the ledger's last posting date. */
  asOf?: DayNumber;
  /** Claims in a running betalingsaftale (`funnelClaimKey`): their open principal is `inAgreement`. */
  inAgreement?: ReadonlySet<string>;
}

/** One month's (or the period's) figures; amounts in øre. */
export interface FunnelFigures {
  newCount: number;
  newAmount: Ore;
  /** The principal by stage: adds up to `newAmount`. */
  amounts: Record<FunnelStage, Ore>;
  /** The claims by final state: adds up to `newCount`. */
  counts: Record<FunnelStage, number>;
  medianDaysToPayment: number | null;
  medianDaysToTransfer: number | null;
  /** (paid before + after rykker) / newAmount, to 3 decimals; null with no new principal. */
  shareSolvedWithoutInddrivelse: number | null;
}

export interface FunnelRow extends FunnelFigures {
  month: string;
  claimType: string;
}

export interface Funnel {
  /** The period's first and last month, "YYYY-MM". */
  from: string;
  to: string;
  /** The day up to which postings count; null for a ledger without postings and no asOf given. */
  asOf: CalendarDate | null;
  /** By claim type, then month. */
  months: FunnelRow[];
  totals: FunnelFigures;
  /** Claims falling due in the period whose principal is 0 or less: left out, with their principal. */
  skipped: { count: number; amount: Ore };
  errors: RowError[];
  /** Postings the builder took (those after asOf included), for the reader's line account. */
  rows: number;
}

/**
 * A builder's state as plain data (typed arrays and lists), so that the parts of a ledger folded
 * on two threads can be merged. Rows are the rows' keys (the CLI's pieces number them apart).
 */
export interface FunnelPart {
  rows: number;
  dated: number;
  absoluteSum: number;
  errors: RowError[];
  claimDebtors: string[];
  claimIds: string[];
  claimTypes: string[];
  typeRows: number[];
  personDebtors: string[];
  personKeys: string[];
  personCprs: string[];
  personRows: number[];
  count: number;
  claim: Int32Array<ArrayBuffer>;
  person: Int32Array<ArrayBuffer>;
  day: Int32Array<ArrayBuffer>;
  due: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  amount: Float64Array<ArrayBuffer>;
  row: Float64Array<ArrayBuffer>;
}

export interface FunnelBuilder {
  add(p: Posting): void;
  addError(e: RowError): void;
  part(): FunnelPart;
  merge(part: FunnelPart): void;
  /** `rowNumber` turns the rows' keys into the file's row numbers (the CLI folds pieces with provisional keys). */
  finish(rowNumber?: (key: number) => number): Funnel;
}

const KIND: Readonly<Record<PostingKind, number>> = Object.fromEntries(POSTING_KINDS.map((k, i) => [k, i])) as Record<PostingKind, number>;
const KRAV = KIND.krav;
const KORREKTION = KIND.korrektion;
const GEBYR = KIND.gebyr;
const RENTE = KIND.rente;
const TILBAGEBETALING = KIND.tilbagebetaling;
const BETALING = KIND.betaling;
const MODREGNING = KIND.modregning;
const OVERSENDT = KIND.oversendt;
const AFSKRIVNING = KIND.afskrivning;
/** No day (a posting without a due date): below every real day number. */
const NO_DAY = -2147483648;

/** What became of one claim's principal (øre), for the month's cell. */
export interface ClaimFate {
  principal: number;
  /** The principal by stage (FUNNEL_STAGES' order); adds up to `principal`. */
  amounts: number[];
  /** The final state: FUNNEL_STAGES' index. */
  state: number;
  /** The day of the payment that covered the last krone (state paid), else null. */
  paidDay: DayNumber | null;
  /** The day of the first oversendt posting that took principal, else null. */
  transferDay: DayNumber | null;
}

/**
 * Follows a claim's principal through its postings (`order[from..to)` indexes the columns, in date
 * order), by the rules in this module's comment. `fate` is filled in (reused: no object per claim).
 */
export function followClaim(
  principal: number,
  columns: { day: ArrayLike<number>; kind: ArrayLike<number>; amount: ArrayLike<number> },
  order: ArrayLike<number>,
  from: number,
  to: number,
  inAgreement: boolean,
  fate: ClaimFate,
): ClaimFate {
  const { day, kind, amount } = columns;
  const amounts = fate.amounts;
  for (let s = 0; s < amounts.length; s += 1) amounts[s] = 0;
  let rest = principal;
  let fees = 0;
  let credit = 0;
  let rykker = NO_DAY;
  let cleared = OPEN;
  let clearedDay = NO_DAY;
  let transferDay = NO_DAY;
  /** `x` øre of a reduction on day `d`: outstanding fees first, then principal into `stage`, the rest a credit. */
  const reduce = (x: number, stage: number, d: number) => {
    const toFees = x < fees ? x : fees;
    fees -= toFees;
    const left = x - toFees;
    const toPrincipal = left < rest ? left : rest;
    if (toPrincipal > 0) {
      rest -= toPrincipal;
      amounts[stage]! += toPrincipal;
      if (stage === SENT && transferDay === NO_DAY) transferDay = d;
      if (rest === 0) {
        cleared = stage;
        clearedDay = d;
      }
    }
    credit += left - toPrincipal;
  };
  const paidStage = (d: number) => (rykker !== NO_DAY && d > rykker ? PAID_AFTER : PAID_BEFORE);
  for (let j = from; j < to; j += 1) {
    const i = order[j]!;
    const k = kind[i]!;
    const a = amount[i]!;
    const d = day[i]!;
    if (k === KRAV || k === KORREKTION) continue;
    if (k === GEBYR || k === RENTE || k === TILBAGEBETALING) {
      if (k === GEBYR && a > 0 && rykker === NO_DAY) rykker = d;
      if (a >= 0) {
        const fromCredit = a < credit ? a : credit;
        credit -= fromCredit;
        fees += a - fromCredit;
      } else {
        const reversed = -a;
        const fromFees = reversed < fees ? reversed : fees;
        fees -= fromFees;
        // Money that had covered the reversed fee now covers the principal, as a payment that day.
        if (reversed > fromFees) reduce(reversed - fromFees, paidStage(d), d);
      }
    } else if (k === BETALING || k === MODREGNING) {
      // The reducing kinds are never positive: the posting parser refuses them (posting.ts).
      reduce(-a, paidStage(d), d);
    } else if (k === OVERSENDT) reduce(-a, SENT, d);
    else if (k === AFSKRIVNING) reduce(-a, WRITTEN_OFF, d);
  }
  let state = cleared;
  if (rest > 0) {
    state = inAgreement ? IN_AGREEMENT : OPEN;
    amounts[state]! += rest;
  }
  fate.principal = principal;
  fate.state = state;
  fate.paidDay = state === PAID_BEFORE || state === PAID_AFTER ? clearedDay : null;
  fate.transferDay = transferDay === NO_DAY ? null : transferDay;
  return fate;
}

interface Cell {
  newCount: number;
  newAmount: number;
  amounts: number[];
  counts: number[];
  paymentDays: number[];
  transferDays: number[];
}
const newCell = (): Cell => ({ newCount: 0, newAmount: 0, amounts: FUNNEL_STAGES.map(() => 0), counts: FUNNEL_STAGES.map(() => 0), paymentDays: [], transferDays: [] });

/** The median of whole days: the middle one, or the mean of the middle two; null for none. */
export function medianDays(days: number[]): number | null {
  if (days.length === 0) return null;
  const sorted = Float64Array.from(days).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figuresOf(c: Cell, place: string): FunnelFigures {
  // The stages must add up to the new principal, and the counts to the new claims: never returned otherwise.
  const sum = c.amounts.reduce((s, v) => s + v, 0);
  const counted = c.counts.reduce((s, v) => s + v, 0);
  if (sum !== c.newAmount || counted !== c.newCount) {
    throw new SaldoError(
      'AFSTEMNING',
      'ledger',
      place,
      `Opkrævningstragten afstemmer ikke (${place}): nye fordringer ${formatKroner(ore(c.newAmount))} i ${c.newCount} fordringer, stadierne ${formatKroner(ore(sum))} i ${counted} fordringer, forskel ${formatKroner(ore(sum - c.newAmount))} Tragten er ikke lavet.`,
    );
  }
  const paid = c.amounts[PAID_BEFORE]! + c.amounts[PAID_AFTER]!;
  return {
    newCount: c.newCount,
    newAmount: ore(c.newAmount),
    amounts: Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, ore(c.amounts[i]!)])) as Record<FunnelStage, Ore>,
    counts: Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, c.counts[i]!])) as Record<FunnelStage, number>,
    medianDaysToPayment: medianDays(c.paymentDays),
    medianDaysToTransfer: medianDays(c.transferDays),
    shareSolvedWithoutInddrivelse: c.newAmount > 0 ? Math.round((paid / c.newAmount) * 1000) / 1000 : null,
  };
}

const INITIAL_CAPACITY = 1 << 14;

/** A streaming funnel: add postings in any order, then finish. */
export function createFunnelBuilder(options: FunnelOptions): FunnelBuilder {
  const { fromMonth, toMonth } = options;
  const givenAsOf = options.asOf;
  const errors: RowError[] = [];
  let rows = 0;
  let dated = 0;
  let absoluteSum = 0;
  // By debtor number, then claim id (no joined key to build and hash for each new claim).
  const claimIndex = new Map<string, Map<string, number>>();
  const claimDebtors: string[] = [];
  const claimIds: string[] = [];
  const claimTypes: string[] = [];
  const typeRows: number[] = [];
  /** Each debtor number's persons (one, unless the ledger gives it two CPR/CVR numbers). */
  const personIndex = new Map<string, number[]>();
  const personDebtors: string[] = [];
  const personKeys: string[] = [];
  const personCprs: string[] = [];
  const personRows: number[] = [];
  let count = 0;
  let capacity = INITIAL_CAPACITY;
  let claim = new Int32Array(capacity);
  let person = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let due = new Int32Array(capacity);
  let kind = new Uint8Array(capacity);
  let amount = new Float64Array(capacity);
  let row = new Float64Array(capacity);
  // Ledgers come sorted by debtor and claim more often than not: the last ones are kept at hand.
  let lastDebtor = '';
  let lastClaimId = '';
  let lastClaim = -1;
  let lastCpr = '';
  let lastPerson = -1;

  const grow = (need: number) => {
    if (need <= capacity) return;
    while (capacity < need) capacity *= 2;
    const bigger = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(capacity);
      b.set(a.subarray(0, count));
      return b;
    };
    claim = bigger(claim, Int32Array);
    person = bigger(person, Int32Array);
    day = bigger(day, Int32Array);
    due = bigger(due, Int32Array);
    kind = bigger(kind, Uint8Array);
    amount = bigger(amount, Float64Array);
    row = bigger(row, Float64Array);
  };

  const claimOf = (debtorId: string, claimId: string, type: string, typeRow: number): number => {
    let claims = claimIndex.get(debtorId);
    if (claims === undefined) {
      claims = new Map();
      claimIndex.set(debtorId, claims);
    }
    let c = claims.get(claimId);
    if (c === undefined) {
      c = claimDebtors.length;
      claims.set(claimId, c);
      claimDebtors.push(debtorId);
      claimIds.push(claimId);
      claimTypes.push(type);
      typeRows.push(typeRow);
    } else if (typeRow < typeRows[c]!) {
      // The claim's type is its first row's, whatever the order the rows come in.
      claimTypes[c] = type;
      typeRows[c] = typeRow;
    }
    return c;
  };
  /** One debtor number with one CPR/CVR number (or none: key ''), and the lowest row that has it. */
  const personOf = (debtorId: string, key: string, cpr: string, personRow: number): number => {
    let persons = personIndex.get(debtorId);
    if (persons === undefined) {
      persons = [];
      personIndex.set(debtorId, persons);
    }
    let p = persons.find((q) => personKeys[q] === key);
    if (p === undefined) {
      p = personDebtors.length;
      persons.push(p);
      personDebtors.push(debtorId);
      personKeys.push(key);
      personCprs.push(cpr);
      personRows.push(personRow);
    } else if (personRow < personRows[p]!) {
      personCprs[p] = cpr;
      personRows[p] = personRow;
    }
    return p;
  };
  const push = (c: number, p: number, d: number, dueDay: number, k: number, a: number, r: number) => {
    if (count === capacity) grow(count + 1);
    claim[count] = c;
    person[count] = p;
    day[count] = d;
    due[count] = dueDay;
    kind[count] = k;
    amount[count] = a;
    row[count] = r;
    count += 1;
  };

  return {
    add(p) {
      rows += 1;
      if (p.dueDay !== null) dated += 1;
      if (givenAsOf !== undefined && p.postingDay > givenAsOf) return;
      absoluteSum += p.amount < 0 ? -p.amount : p.amount;
      let c = lastClaim;
      if (c < 0 || p.claimId !== lastClaimId || p.debtorId !== lastDebtor) {
        c = claimOf(p.debtorId, p.claimId, p.claimType, p.row);
        lastClaimId = p.claimId;
        lastClaim = c;
      } else if (p.row < typeRows[c]!) {
        claimTypes[c] = p.claimType;
        typeRows[c] = p.row;
      }
      let who = lastPerson;
      if (who < 0 || p.cpr !== lastCpr || p.debtorId !== lastDebtor) {
        who = personOf(p.debtorId, p.cpr === '' ? '' : cprKey(p.cpr), p.cpr, p.row);
        lastCpr = p.cpr;
        lastPerson = who;
      } else if (p.row < personRows[who]!) {
        personCprs[who] = p.cpr;
        personRows[who] = p.row;
      }
      lastDebtor = p.debtorId;
      push(c, who, p.postingDay, p.dueDay ?? NO_DAY, KIND[p.kind], p.amount, p.row);
    },
    addError(e) {
      errors.push(e);
    },
    part() {
      return {
        rows,
        dated,
        absoluteSum,
        errors: [...errors],
        claimDebtors: [...claimDebtors],
        claimIds: [...claimIds],
        claimTypes: [...claimTypes],
        typeRows: [...typeRows],
        personDebtors: [...personDebtors],
        personKeys: [...personKeys],
        personCprs: [...personCprs],
        personRows: [...personRows],
        count,
        claim: claim.slice(0, count),
        person: person.slice(0, count),
        day: day.slice(0, count),
        due: due.slice(0, count),
        kind: kind.slice(0, count),
        amount: amount.slice(0, count),
        row: row.slice(0, count),
      };
    },
    merge(part) {
      rows += part.rows;
      dated += part.dated;
      absoluteSum += part.absoluteSum;
      for (const e of part.errors) errors.push(e);
      const claims = part.claimDebtors.map((debtorId, i) => claimOf(debtorId, part.claimIds[i]!, part.claimTypes[i]!, part.typeRows[i]!));
      const people = part.personDebtors.map((debtorId, i) => personOf(debtorId, part.personKeys[i]!, part.personCprs[i]!, part.personRows[i]!));
      grow(count + part.count);
      for (let i = 0; i < part.count; i += 1) push(claims[part.claim[i]!]!, people[part.person[i]!]!, part.day[i]!, part.due[i]!, part.kind[i]!, part.amount[i]!, part.row[i]!);
      lastClaim = -1;
      lastPerson = -1;
    },
    finish(rowNumber = (key: number) => key) {
      checkExactSum(absoluteSum, 'Posteringslisten');
      // One debtor number, one person (as the statement): where a number has rows with two CPR/CVR
      // numbers, the person on its lowest row with one keeps it; the other number's rows are refused.
      const refused = new Uint8Array(personDebtors.length);
      const owner = new Map<string, number>();
      for (let p = 0; p < personDebtors.length; p += 1) {
        if (personKeys[p] === '') continue;
        const o = owner.get(personDebtors[p]!);
        if (o === undefined || personRows[p]! < personRows[o]!) owner.set(personDebtors[p]!, p);
      }
      for (let p = 0; p < personDebtors.length; p += 1) if (personKeys[p] !== '' && owner.get(personDebtors[p]!) !== p) refused[p] = 1;
      const allErrors = errors.map((e): RowError => ({ ...e, row: rowNumber(e.row) }));
      let kept = 0;
      let lastDay = NO_DAY;
      for (let i = 0; i < count; i += 1) {
        const p = person[i]!;
        if (refused[p] === 1) {
          const o = owner.get(personDebtors[p]!)!;
          allErrors.push({ row: rowNumber(row[i]!), message: cprConflictMessage(personDebtors[p]!, personCprs[o]!, rowNumber(personRows[o]!), personCprs[p]!, rowNumber(row[i]!)) });
          continue;
        }
        kept += 1;
        if (day[i]! > lastDay) lastDay = day[i]!;
      }
      allErrors.sort((a, b) => a.row - b.row);
      const asOf = givenAsOf ?? (kept > 0 ? lastDay : null);
      const empty = { newCount: 0, newAmount: ore(0), amounts: zeros(), counts: zeroCounts(), medianDaysToPayment: null, medianDaysToTransfer: null, shareSolvedWithoutInddrivelse: null };
      const result = (months: FunnelRow[], totals: FunnelFigures, skipped: { count: number; amount: Ore }): Funnel => ({
        from: monthText(fromMonth),
        to: monthText(toMonth),
        asOf: asOf === null ? null : fromDayNumber(asOf),
        months,
        totals,
        skipped,
        errors: allErrors,
        rows: rows - (count - kept),
      });
      if (kept === 0) return result([], empty, { count: 0, amount: ore(0) });
      if (dated === 0) {
        throw new SaldoError(
          'MANGLER',
          'ledger',
          null,
          'Posteringslisten har ingen forfaldsdatoer (kolonnen Forfaldsdato mangler eller er tom): opkrævningstragten fordeler fordringerne efter deres forfaldsmåned. Tag kolonnen Forfaldsdato med i udtrækket.',
        );
      }

      // Each claim's postings together (a counting sort by claim), then in date order, a day's in row order.
      const claimCount = claimDebtors.length;
      const start = new Int32Array(claimCount + 1);
      for (let i = 0; i < count; i += 1) if (refused[person[i]!] === 0) start[claim[i]! + 1]! += 1;
      for (let c = 0; c < claimCount; c += 1) start[c + 1]! += start[c]!;
      const order = new Int32Array(kept);
      const next = start.slice(0, claimCount);
      for (let i = 0; i < count; i += 1) if (refused[person[i]!] === 0) order[next[claim[i]!]!++] = i;

      const months = toMonth - fromMonth + 1;
      const types = new Map<string, Array<Cell | undefined>>();
      let skippedCount = 0;
      let skippedSum = 0;
      const fate: ClaimFate = { principal: 0, amounts: FUNNEL_STAGES.map(() => 0), state: OPEN, paidDay: null, transferDay: null };
      for (let c = 0; c < claimCount; c += 1) {
        const from = start[c]!;
        const to = start[c + 1]!;
        if (from === to) continue;
        sortByDay(order, from, to, day, row);
        let principal = 0;
        let kravDue = NO_DAY;
        let kravDay = NO_DAY;
        let anyDue = NO_DAY;
        let first = NO_DAY;
        for (let j = from; j < to; j += 1) {
          const i = order[j]!;
          const k = kind[i]!;
          const dueDay = due[i]!;
          if (first === NO_DAY) first = day[i]!;
          if (dueDay !== NO_DAY && (anyDue === NO_DAY || dueDay < anyDue)) anyDue = dueDay;
          if (k === KRAV) {
            principal += amount[i]!;
            if (kravDay === NO_DAY) kravDay = day[i]!;
            if (dueDay !== NO_DAY && (kravDue === NO_DAY || dueDay < kravDue)) kravDue = dueDay;
          } else if (k === KORREKTION) principal += amount[i]!;
        }
        const forfald = kravDue !== NO_DAY ? kravDue : kravDay !== NO_DAY ? kravDay : anyDue !== NO_DAY ? anyDue : first;
        const month = monthIndexOf(forfald);
        if (month < fromMonth || month > toMonth) continue;
        if (principal <= 0) {
          skippedCount += 1;
          skippedSum += principal;
          continue;
        }
        const inAgreement = options.inAgreement !== undefined && options.inAgreement.has(funnelClaimKey(claimDebtors[c]!, claimIds[c]!));
        followClaim(principal, { day, kind, amount }, order, from, to, inAgreement, fate);
        let cells = types.get(claimTypes[c]!);
        if (!cells) {
          cells = Array<Cell | undefined>(months);
          types.set(claimTypes[c]!, cells);
        }
        const cell = (cells[month - fromMonth] ??= newCell());
        cell.newCount += 1;
        cell.newAmount += principal;
        for (let s = 0; s < FUNNEL_STAGES.length; s += 1) cell.amounts[s]! += fate.amounts[s]!;
        cell.counts[fate.state]! += 1;
        if (fate.paidDay !== null) cell.paymentDays.push(fate.paidDay - forfald);
        if (fate.transferDay !== null) cell.transferDays.push(fate.transferDay - forfald);
      }

      const rowsOut: FunnelRow[] = [];
      const total = newCell();
      for (const type of [...types.keys()].sort(byText)) {
        const cells = types.get(type)!;
        for (let m = 0; m < months; m += 1) {
          const cell = cells[m] ?? newCell();
          const month = monthText(fromMonth + m);
          rowsOut.push({ month, claimType: type, ...figuresOf(cell, `${type} ${month}`) });
          total.newCount += cell.newCount;
          total.newAmount += cell.newAmount;
          for (let s = 0; s < FUNNEL_STAGES.length; s += 1) {
            total.amounts[s]! += cell.amounts[s]!;
            total.counts[s]! += cell.counts[s]!;
          }
          for (const d of cell.paymentDays) total.paymentDays.push(d);
          for (const d of cell.transferDays) total.transferDays.push(d);
        }
      }
      checkExactSum(total.newAmount, 'Posteringslisten');
      return result(rowsOut, figuresOf(total, 'i alt'), { count: skippedCount, amount: ore(skippedSum) });
    },
  };
}

/**
 * Sorts `order[from..to)` by day, then row: insertion sort for the few postings a claim usually has,
 * mostly in order already; a comparison sort for a claim with many (never quadratic).
 */
function sortByDay(order: Int32Array, from: number, to: number, day: Int32Array, row: Float64Array): void {
  if (to - from > 32) {
    const part = Array.from(order.subarray(from, to));
    part.sort((a, b) => day[a]! - day[b]! || row[a]! - row[b]!);
    order.set(part, from);
    return;
  }
  for (let j = from + 1; j < to; j += 1) {
    const i = order[j]!;
    const d = day[i]!;
    const r = row[i]!;
    let at = j - 1;
    while (at >= from && (day[order[at]!]! > d || (day[order[at]!]! === d && row[order[at]!]! > r))) {
      order[at + 1] = order[at]!;
      at -= 1;
    }
    order[at + 1] = i;
  }
}

const zeros = () => Object.fromEntries(FUNNEL_STAGES.map((s) => [s, ore(0)])) as Record<FunnelStage, Ore>;
const zeroCounts = () => Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<FunnelStage, number>;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
