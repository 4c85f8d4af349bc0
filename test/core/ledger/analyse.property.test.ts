/**
 * The analysis over random ledgers and periods (issue 20): the "I alt" rows are the sums of the
 * claim types' rows, a credit never lowers the restance, and each month reconciles with the one
 * before. In øre, exactly; the sheets' cells in kroner to the øre.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, type DayNumber } from '../../../core/calendar/date.js';
import { analysisPeriod, createAnalysisBuilder, defaultAnalysisPeriod, type Analysis } from '../../../core/ledger/analyse.js';
import type { Posting, PostingKind } from '../../../core/ledger/posting.js';
import { agingTable, developmentTable, movementsTable } from '../../../core/report/ledgerTables.js';

const START = dayNumberOf(2022, 1, 1);
const SPAN = 365 * 5; // postings from 2022 into 2026
const row = fc.record({
  debtor: fc.integer({ min: 1, max: 6 }),
  claim: fc.integer({ min: 1, max: 4 }),
  type: fc.constantFrom('daginstitution', 'renovation', 'ejendomsskat', 'andet'),
  day: fc.integer({ min: 0, max: SPAN }),
  due: fc.option(fc.integer({ min: 0, max: SPAN })),
  kind: fc.constantFrom<PostingKind>('krav', 'gebyr', 'rente', 'betaling', 'afskrivning', 'oversendt', 'korrektion'),
  // Both signs for every kind: overpayments make credits.
  ore: fc.integer({ min: -500_000, max: 1_000_000 }),
});
const ledger = fc.array(row, { maxLength: 60 });
/** asOf, and the period as offsets back from it (null: the default). */
const dates = fc.record({
  asOf: fc.integer({ min: 0, max: SPAN }),
  period: fc.option(fc.record({ back: fc.integer({ min: 0, max: 900 }), length: fc.integer({ min: 0, max: 2000 }) })),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
type Dates = typeof dates extends fc.Arbitrary<infer T> ? T : never;

function analyse(rows: readonly Row[], d: Dates): Analysis {
  const asOf: DayNumber = START + d.asOf;
  const period = d.period === null ? defaultAnalysisPeriod(asOf) : analysisPeriod(asOf, { to: asOf - d.period.back, from: asOf - d.period.back - d.period.length }, { from: 'from', to: 'to' });
  const builder = createAnalysisBuilder(asOf, period);
  rows.forEach((r, i) => {
    const posting: Posting = {
      row: i + 2,
      debtorId: `D${r.debtor}`,
      debtorName: '',
      cpr: '',
      // A claim keeps one type: the type is part of its id here.
      claimId: `${r.type}-${r.claim}`,
      claimType: r.type,
      postingDay: START + r.day,
      dueDay: r.due === null ? null : START + r.due,
      kind: r.kind,
      amount: r.ore,
      acknowledged: false,
      lastTimelyDay: null,
      judgmentDay: null,
      caseworker: '',
    };
    builder.add(posting);
  });
  return builder.finish();
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const ore = (kroner: unknown) => Math.round((kroner as number) * 100);

describe('the analysis’s totals over random ledgers', () => {
  it('the aging’s "I alt" is the sum of its claim types, and is the restance: credits apart', () => {
    fc.assert(
      fc.property(ledger, dates, (rows, d) => {
        const a = analyse(rows, d);
        a.agingTotal.buckets.forEach((b, i) => expect(b).toBe(sum(a.aging.map((r) => r.buckets[i]!))));
        expect(a.agingTotal.total).toBe(sum(a.aging.map((r) => r.total)));
        expect(a.agingTotal.total).toBe(a.summary.balance);
        for (const r of a.aging) expect(r.total).toBe(sum(r.buckets));
        // No credit inside the restance: every cell is 0 or more; the credits are below 0.
        for (const r of a.aging) for (const b of r.buckets) expect(b).toBeGreaterThanOrEqual(0);
        for (const c of a.credits.byClaimType) expect(c.balance).toBeLessThan(0);
        expect(a.credits.balance).toBe(sum(a.credits.byClaimType.map((c) => c.balance)));
        expect(a.credits.claims).toBe(sum(a.credits.byClaimType.map((c) => c.claims)));
        // The sheet's bold row is the same sum, to the øre.
        const table = agingTable(a);
        for (let c = 1; c < table.columns.length; c += 1) expect(ore(table.total[c])).toBe(sum(table.rows.map((r) => ore(r[c]))));
      }),
    );
  });

  it('the development’s "I alt" is the sum of its claim types month by month, and each month follows from the last', () => {
    fc.assert(
      fc.property(ledger, dates, (rows, d) => {
        const a = analyse(rows, d);
        const total = a.developmentTotal;
        expect(total.opening).toBe(sum(a.development.map((t) => t.opening)));
        total.months.forEach((m, i) => {
          expect(m.balance).toBe(sum(a.development.map((t) => t.months[i]!.balance)));
          expect(m.additions).toBe(sum(a.development.map((t) => t.months[i]!.additions)));
          expect(m.reductions).toBe(sum(a.development.map((t) => t.months[i]!.reductions)));
        });
        for (const t of [total, ...a.development]) {
          let previous = t.opening;
          for (const m of t.months) {
            expect(m.balance).toBe(previous + m.additions + m.reductions);
            previous = m.balance;
          }
        }
        // Ended on asOf, the last month is the restance plus the credits.
        if (a.period.to === a.asOf && a.development.length > 0) expect(total.months.at(-1)!.balance).toBe(a.agingTotal.total + a.credits.balance);
        // The sheets: the "I alt" column and the bold rows are the same sums, to the øre.
        const dev = developmentTable(a);
        for (const r of dev.rows) expect(ore(r.at(-1))).toBe(sum(r.slice(1, -1).map(ore)));
        const moved = movementsTable(a);
        expect(moved.totalRows).toHaveLength(a.development.length === 0 ? 0 : total.months.length);
      }),
    );
  });
});
