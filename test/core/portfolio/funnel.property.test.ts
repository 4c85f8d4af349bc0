/**
 * Property tests of the opkrævningstragt over random ledgers (random claims, kinds, signs, dates,
 * due dates or none, rows shuffled). The oracle is this file's own plain reading of the
 * definitions: which claims are new in which month, with what principal, and their balances.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, fromDayNumber, partsOf } from '../../../core/calendar/date.js';
import { feedRows } from '../../../core/ledger/ledgerJson.js';
import type { PostingKind } from '../../../core/ledger/posting.js';
import { createFunnelBuilder, funnelClaimKey, FUNNEL_STAGES, type Funnel, type FunnelOptions } from '../../../core/portfolio/funnel.js';
import { funnelFromRows } from '../../../core/portfolio/funnelJson.js';
// The bench ledger's seeded sequence (mulberry32): the same seed, the same shuffle.
import { random } from '../../../bench/makeLedger.js';

const BASE = dayNumberOf(2025, 1, 1);
const SPAN = 500;
const REDUCING: readonly PostingKind[] = ['betaling', 'modregning', 'oversendt', 'afskrivning'];

const day = fc.integer({ min: 0, max: SPAN });
const posting = fc.record({
  kind: fc.constantFrom<PostingKind>('krav', 'krav', 'gebyr', 'rente', 'betaling', 'betaling', 'modregning', 'oversendt', 'afskrivning', 'tilbagebetaling', 'korrektion'),
  day,
  due: fc.option(day, { freq: 2 }),
  ore: fc.integer({ min: -50_000, max: 300_000 }),
});
const claim = fc.record({
  debtor: fc.constantFrom('D1', 'D2', 'D3'),
  type: fc.constantFrom('daginstitution', 'ejendomsskat', 'renovation'),
  postings: fc.array(posting, { minLength: 1, maxLength: 12 }),
});
const ledger = fc.record({
  claims: fc.array(claim, { minLength: 1, maxLength: 25 }),
  /** Shuffles the rows (a ledger need not be sorted), picks the claims in agreement, deals rows to two builders. */
  seed: fc.integer(),
  from: fc.integer({ min: -2, max: SPAN }),
  months: fc.integer({ min: 1, max: 20 }),
  asOf: fc.option(day),
});
type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

interface Row {
  debtor: string;
  claimId: string;
  type: string;
  day: number;
  due: number | null;
  kind: PostingKind;
  ore: number;
}

/** The ledger's rows, shuffled: claim ids C0, C1 …; a reducing kind's amount made 0 or negative, as a ledger must have it. */
function rowsOf(l: Ledger): Row[] {
  const rows = l.claims.flatMap((c, i) =>
    c.postings.map((p) => ({
      debtor: c.debtor,
      claimId: `C${i}`,
      type: c.type,
      day: BASE + p.day,
      due: p.due === null ? null : BASE + p.due,
      kind: p.kind,
      ore: REDUCING.includes(p.kind) ? -Math.abs(p.ore) : p.ore,
    })),
  );
  const next = random(l.seed);
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

const table = (rows: readonly Row[]): unknown[][] => [
  ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
  ...rows.map((r) => [r.debtor, r.claimId, r.type, fromDayNumber(r.day), r.due === null ? '' : fromDayNumber(r.due), r.kind, r.ore / 100]),
];

const monthOf = (d: number) => {
  const { year, month } = partsOf(d);
  return year * 12 + month - 1;
};

function optionsOf(l: Ledger): FunnelOptions {
  const fromMonth = monthOf(BASE + l.from);
  const options: FunnelOptions = { fromMonth, toMonth: fromMonth + l.months - 1 };
  return l.asOf === null ? options : { ...options, asOf: BASE + l.asOf };
}

interface Expected {
  count: number;
  amount: number;
  /** Σ max(0, balance) and the claims with a positive balance: the most that can be open. */
  positiveBalance: number;
  owing: number;
}

/** The oracle: per type and month, the new claims and their principal; and the skipped ones. */
function expected(rows: readonly Row[], options: FunnelOptions) {
  const asOf = options.asOf ?? Math.max(...rows.map((r) => r.day));
  const claims = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.day > asOf) continue;
    const key = `${r.debtor}|${r.claimId}`;
    claims.set(key, [...(claims.get(key) ?? []), r]);
  }
  const cells = new Map<string, Expected>();
  let skipped = 0;
  let skippedAmount = 0;
  for (const postings of claims.values()) {
    const krav = postings.filter((p) => p.kind === 'krav');
    const dues = (ps: Row[]) => ps.flatMap((p) => (p.due === null ? [] : [p.due]));
    const forfald =
      dues(krav).length > 0
        ? Math.min(...dues(krav))
        : krav.length > 0
          ? Math.min(...krav.map((p) => p.day))
          : dues(postings).length > 0
            ? Math.min(...dues(postings))
            : Math.min(...postings.map((p) => p.day));
    const month = monthOf(forfald);
    if (month < options.fromMonth || month > options.toMonth) continue;
    const principal = postings.filter((p) => p.kind === 'krav' || p.kind === 'korrektion').reduce((s, p) => s + p.ore, 0);
    if (principal <= 0) {
      skipped += 1;
      skippedAmount += principal;
      continue;
    }
    const balance = postings.reduce((s, p) => s + p.ore, 0);
    const key = `${postings[0]!.type} ${month}`;
    const cell = cells.get(key) ?? { count: 0, amount: 0, positiveBalance: 0, owing: 0 };
    cell.count += 1;
    cell.amount += principal;
    cell.positiveBalance += Math.max(0, balance);
    if (balance > 0) cell.owing += 1;
    cells.set(key, cell);
  }
  return { cells, skipped, skippedAmount };
}

/** No due date anywhere, and postings to count: the funnel cannot place the claims in months. */
const undated = (rows: readonly Row[], options: FunnelOptions) => rows.every((r) => r.due === null) && rows.some((r) => options.asOf === undefined || r.day <= options.asOf);

/** A check without vitest's expect (thousands of them per run): the message names the month and the figures. */
function holds(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const monthIndex = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

describe('the funnel over random ledgers', () => {
  it('every month × type: the stages add up to newAmount, the counts to newCount, which are the distinct new claims and their principal; nothing open beyond the balance', () => {
    fc.assert(
      fc.property(ledger, (l) => {
        const rows = rowsOf(l);
        const options = optionsOf(l);
        if (undated(rows, options)) {
          expect(() => funnelFromRows(table(rows), options)).toThrow(/^Posteringslisten har ingen forfaldsdatoer/);
          return;
        }
        const f = funnelFromRows(table(rows), options);
        const oracle = expected(rows, options);
        const types = new Set([...oracle.cells.keys()].map((k) => k.split(' ')[0]!));
        // a row for every month of each type with a new claim, and no other
        expect(f.months.length).toBe(types.size * (options.toMonth - options.fromMonth + 1));
        for (const m of f.months) {
          const at = `${m.claimType} ${m.month}`;
          const sum = FUNNEL_STAGES.reduce((s, st) => s + m.amounts[st], 0);
          const counted = FUNNEL_STAGES.reduce((s, st) => s + m.counts[st], 0);
          holds(sum === m.newAmount, `${at}: stages ${sum} ≠ newAmount ${m.newAmount}`);
          holds(counted === m.newCount, `${at}: counts ${counted} ≠ newCount ${m.newCount}`);
          holds(
            FUNNEL_STAGES.every((st) => m.amounts[st] >= 0),
            `${at}: a negative stage`,
          );
          const e = oracle.cells.get(`${m.claimType} ${monthIndex(m.month)}`) ?? { count: 0, amount: 0, positiveBalance: 0, owing: 0 };
          holds(m.newCount === e.count && m.newAmount === e.amount, `${at}: new ${m.newCount} claims, ${m.newAmount} øre; expected ${e.count}, ${e.amount}`);
          // a claim whose balance is 0 or less is not open; an open one never more than it owes
          holds(m.amounts.open <= e.positiveBalance, `${at}: open ${m.amounts.open} > the positive balances ${e.positiveBalance}`);
          holds(m.counts.open <= e.owing, `${at}: ${m.counts.open} open claims, ${e.owing} owing`);
          holds(m.amounts.inAgreement === 0, `${at}: in agreement without a register`);
        }
        expect(f.skipped).toEqual({ count: oracle.skipped, amount: oracle.skippedAmount });
        const totalAmount = f.months.reduce((s, m) => s + m.newAmount, 0);
        expect(f.totals.newAmount).toBe(totalAmount);
        expect(FUNNEL_STAGES.reduce((s, st) => s + f.totals.amounts[st], 0)).toBe(totalAmount);
      }),
      { numRuns: 10_000 },
    );
  });

  it('claims in a betalingsaftale: their open principal moves to inAgreement, every other stage stays', () => {
    fc.assert(
      fc.property(ledger, (l) => {
        const rows = rowsOf(l);
        const options = optionsOf(l);
        if (undated(rows, options)) return;
        const pick = random(l.seed ^ 0x5eed);
        const inAgreement = new Set(l.claims.flatMap((c, i) => (pick() < 0.5 ? [funnelClaimKey(c.debtor, `C${i}`)] : [])));
        const without = funnelFromRows(table(rows), options);
        const withAgreements = funnelFromRows(table(rows), { ...options, inAgreement });
        holds(without.months.length === withAgreements.months.length, 'other months');
        without.months.forEach((m, i) => {
          const a = withAgreements.months[i]!;
          holds(a.amounts.open + a.amounts.inAgreement === m.amounts.open, `${m.claimType} ${m.month}: open moved, not kept`);
          holds(a.counts.open + a.counts.inAgreement === m.counts.open, `${m.claimType} ${m.month}: open claims moved, not kept`);
          for (const st of ['paidBeforeRykker', 'paidAfterRykker', 'sentToInddrivelse', 'writtenOff'] as const) holds(a.amounts[st] === m.amounts[st], `${m.claimType} ${m.month}: ${st} changed`);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('two builders merged (the CLI’s two threads) give the funnel of one, however the rows are dealt', () => {
    fc.assert(
      fc.property(ledger, (l) => {
        const rows = rowsOf(l);
        const options = optionsOf(l);
        if (undated(rows, options)) return;
        const one: Funnel = funnelFromRows(table(rows), options);
        const a = createFunnelBuilder(options);
        const b = createFunnelBuilder(options);
        const deal = random(l.seed ^ 0xdea1);
        feedRows(table(rows), { add: (p) => (deal() < 0.5 ? a : b).add(p), addError: (e) => a.addError(e) });
        b.merge(a.part());
        expect(b.finish()).toEqual(one);
      }),
      { numRuns: 2_000 },
    );
  });
});
