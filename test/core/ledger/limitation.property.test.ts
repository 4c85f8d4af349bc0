/**
 * Forældelse over random claims (issue 15): the rules that must hold whatever the ledger says.
 * The claim is kept open (a large krav, small other amounts) so it always has a limitation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankingDay } from '../../../core/calendar/bankingDays.js';
import { dayNumberOf, partsOf, type CalendarDate } from '../../../core/calendar/date.js';
import type { Posting, PostingKind } from '../../../core/ledger/posting.js';
import { createStatementBuilder, type ClaimStatement } from '../../../core/ledger/statement.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const START = dayNumberOf(2012, 1, 1);
const SPAN = 365 * 18; // postings and dates from 2012 into 2029
const day = fc.integer({ min: 0, max: SPAN });
const other = fc.record({
  kind: fc.constantFrom<PostingKind>('gebyr', 'rente', 'betaling', 'modregning', 'afskrivning', 'korrektion', 'krav'),
  day,
  due: fc.option(day),
  ore: fc.integer({ min: 1, max: 100_000 }),
  timely: fc.option(day, { freq: 4 }),
  judgment: fc.option(day, { freq: 3 }),
  acknowledged: fc.boolean(),
});
const claim = fc.record({
  krav: fc.record({ day, due: fc.option(day), timely: fc.option(day), judgment: fc.option(day, { freq: 3 }) }),
  rows: fc.array(other, { maxLength: 25 }),
  year: fc.integer({ min: 2016, max: 2030 }),
});
type Claim = typeof claim extends fc.Arbitrary<infer T> ? T : never;
/** The statement year: the one drawn, or the krav's own year if later (a claim must exist on 31 December). */
const yearOf = (c: Claim) => Math.max(c.year, partsOf(START + c.krav.day).year);

const at = (d: number | null) => (d === null ? null : START + d);
function posting(row: number, kind: PostingKind, d: number, due: number | null, ore: number, timely: number | null, judgment: number | null, acknowledged = false): Posting {
  const reducing = kind === 'betaling' || kind === 'modregning' || kind === 'afskrivning' || kind === 'korrektion';
  return {
    row,
    debtorId: 'D1',
    debtorName: '',
    cpr: '',
    claimId: 'F1',
    claimType: 'andet',
    postingDay: START + d,
    dueDay: at(due),
    kind,
    amount: reducing ? -ore : ore,
    acknowledged,
    lastTimelyDay: at(timely),
    judgmentDay: at(judgment),
    caseworker: '',
  };
}
function postings(c: Claim): Posting[] {
  // 10 million kroner of krav against at most 25 × 1.000 kr. of reductions: always open.
  return [
    posting(2, 'krav', c.krav.day, c.krav.due, 1_000_000_000, c.krav.timely, c.krav.judgment),
    ...c.rows.map((r, i) => posting(i + 3, r.kind, r.day, r.due, r.ore, r.timely, r.judgment, r.acknowledged)),
  ];
}
function statementOf(ps: readonly Posting[], year: number): ClaimStatement {
  const b = createStatementBuilder(year, defaultRules);
  for (const p of ps) b.add(p);
  return b.finish().debtors[0]!.claims[0]!;
}

describe('forældelse over random claims', () => {
  it('a betaling never makes a claim older: the limitation date never moves earlier', () => {
    fc.assert(
      fc.property(claim, day, fc.integer({ min: 1, max: 100_000 }), (c, payDay, ore) => {
        const ps = postings(c);
        const before = statementOf(ps, yearOf(c));
        const after = statementOf([...ps, posting(99, 'betaling', payDay, null, ore, null, null)], yearOf(c));
        expect(before.limitationDate).not.toBeNull();
        // ISO dates compare as text
        expect(after.limitationDate! >= before.limitationDate!).toBe(true);
        // and a claim not forældet does not become forældet by a payment
        if (!before.timeBarred) expect(after.timeBarred).toBe(false);
      }),
      { numRuns: 3_000 },
    );
  });
  it('a modregning changes nothing in the forældelse (it is not the debtor’s erkendelse)', () => {
    fc.assert(
      fc.property(claim, day, fc.integer({ min: 1, max: 100_000 }), (c, setOffDay, ore) => {
        const ps = postings(c);
        const before = statementOf(ps, yearOf(c));
        const after = statementOf([...ps, posting(99, 'modregning', setOffDay, null, ore, null, null)], yearOf(c));
        expect([after.limitationDate, after.timeBarred, after.limitationReason]).toEqual([before.limitationDate, before.timeBarred, before.limitationReason]);
      }),
      { numRuns: 3_000 },
    );
  });
  it('the limitation date is always a banking day (§ 27 stk. 2), and forældet means on or before 31 December', () => {
    fc.assert(
      fc.property(claim, (c) => {
        const s = statementOf(postings(c), yearOf(c));
        expect(isBankingDay(s.limitationDate as CalendarDate)).toBe(true);
        if (s.timeBarred) expect(s.limitationDate! <= `${yearOf(c)}-12-31`).toBe(true);
        expect(/^(Forældet|Hovedstolen er forældet):/.test(s.limitationReason!)).toBe(s.timeBarred);
      }),
      { numRuns: 3_000 },
    );
  });
  it('the rows’ order does not matter', () => {
    fc.assert(
      fc.property(claim, fc.integer(), (c, seed) => {
        const ps = postings(c);
        // a deterministic shuffle from the seed
        const shuffled = ps
          .map((p, i) => ({ p, k: Math.sin(seed + i * 7919) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.p);
        expect(statementOf(shuffled, yearOf(c))).toEqual(statementOf(ps, yearOf(c)));
      }),
      { numRuns: 1_000 },
    );
  });
});
