import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { analysisFromRows, analysisToJson, statementFromRows, statementToJson } from '../../../core/ledger/ledgerJson.js';
import { POSTING_KINDS } from '../../../core/ledger/posting.js';
import { createStatementBuilder } from '../../../core/ledger/statement.js';
import { maskCprsIn } from '../../../core/personal/cpr.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const HEADER = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
// Debtor D1 (Anne Ørsted): daginstitution F1 from 2025 and renovation F2 from 2026; D2 one ejendomsskat claim.
const LEDGER: string[][] = [
  HEADER,
  ['D1', '010190-1234', 'Anne Ørsted', 'F1', 'daginstitution', '01-09-2025', '01-09-2025', 'krav', '3.450,00'],
  ['D1', '010190-1234', 'Anne Ørsted', 'F1', 'daginstitution', '15-10-2025', '01-09-2025', 'gebyr', '250,00'],
  ['D1', '010190-1234', 'Anne Ørsted', 'F1', 'daginstitution', '05-01-2026', '', 'betaling', '-1.000,00'],
  ['D1', '010190-1234', 'Anne Ørsted', 'F1', 'daginstitution', '01-03-2026', '', 'rente', '27,00'],
  ['D1', '010190-1234', 'Anne Ørsted', 'F2', 'renovation', '01-04-2026', '01-05-2026', 'krav', '1.200,00'],
  ['D1', '010190-1234', 'Anne Ørsted', 'F2', 'renovation', '02-02-2027', '', 'betaling', '-1.200,00'],
  ['D2', '12345678', 'Byg & Bo ApS', 'E1', 'ejendomsskat', '31-03-2022', '31-03-2022', 'krav', '10.000,00'],
  ['D2', '12345678', 'Byg & Bo ApS', 'E1', 'ejendomsskat', '10-06-2026', '', 'oversendt', '-4.000,00'],
  ['D3', '', '', 'X1', 'andet', 'i går', '', 'krav', '100'],
];

describe('saldoopgørelse for 2026, worked by hand', () => {
  const s = statementToJson(statementFromRows(LEDGER, 2026, defaultRules));
  it('per claim: primo, the year’s movements by kind, ultimo', () => {
    // F1: primo 3.450 + 250 = 3.700; 2026: −1.000 betaling, +27 rente → ultimo 2.727
    const d1 = s.debtors.find((d) => d.debtorId === 'D1')!;
    expect(d1.claims[0]).toMatchObject({ claimId: 'F1', opening: 3700, movements: { betaling: -1000, rente: 27 }, closing: 2727, dueDate: '2025-09-01' });
    // F2: new in 2026; the payment of 2 Feb 2027 is after the year end and left out
    expect(d1.claims[1]).toMatchObject({ claimId: 'F2', opening: 0, movements: { krav: 1200 }, closing: 1200 });
    expect(d1).toMatchObject({ name: 'Anne Ørsted', opening: 3700, movements: { krav: 1200, betaling: -1000, rente: 27 }, closing: 3927 });
  });
  it('open claims get their age and forældelse on 31 December', () => {
    const d1 = s.debtors.find((d) => d.debtorId === 'D1')!;
    // F1 due 1 Sep 2025: 486 days to 31 Dec 2026. The betaling of 5 Jan 2026 is the debtor's
    // erkendelse: 3 years from it (forældelsesloven §§ 15, 19 stk. 2) → 5 Jan 2029, a Friday
    // (1 Jan 2029 is a Monday: 1 Jan 2028 is a Saturday, + 366 days), a banking day.
    expect(d1.claims[0]).toMatchObject({ ageDays: 486, limitationDate: '2029-01-05', timeBarred: false });
    expect(d1.claims[0]!.limitationReason).toBe('3 år fra sidste betaling 05-01-2026 (forældelsesloven §§ 3, 15, 19 stk. 2): fristen udløber 05-01-2029.');
    // E1 due 31 Mar 2022, no payment (an oversendelse is no erkendelse): 3 years → 31 Mar 2025,
    // a Monday (1 Jan 2025 is a Wednesday, + 89 days), before the year end: forældet
    const e1 = s.debtors.find((d) => d.debtorId === 'D2')!.claims[0]!;
    expect(e1).toMatchObject({ closing: 6000, limitationDate: '2025-03-31', timeBarred: true });
  });
  it('totals equal the accepted rows’ own sum; the bad row is listed with its number, not counted', () => {
    // accepted rows up to 31 Dec 2026: 3.450 + 250 − 1.000 + 27 + 1.200 + 10.000 − 4.000 = 9.927
    expect(s.totals).toMatchObject({ debtors: 2, claims: 3, openClaims: 3, opening: 13700, closing: 9927, rows: 7, rowsSum: 9927, rowsAfterYear: 1 });
    expect(s.errors).toEqual([{ row: 10, message: expect.stringMatching(/Bogføringsdatoen "i går" er ikke en gyldig dato/) }]);
  });
  it('masks CPR as ddmmyy-xxxx when asked, and leaves a CVR number', () => {
    const masked = statementToJson(statementFromRows(LEDGER, 2026, defaultRules), { maskCpr: true });
    expect(masked.debtors.map((d) => d.cpr)).toEqual(['010190-xxxx', '12345678']);
    expect(maskCprsIn('0101901234')).toBe('010190-xxxx');
  });
  it('a 10-year limitation applies with dom, forlig or written acknowledgement', () => {
    const rows = [
      [...HEADER, 'Anerkendt'],
      ['D2', '', 'X', 'E1', 'ejendomsskat', '31-03-2022', '31-03-2022', 'krav', '100', 'ja'],
    ];
    const e1 = statementToJson(statementFromRows(rows, 2026, defaultRules)).debtors[0]!.claims[0]!;
    expect(e1).toMatchObject({ limitationDate: '2032-03-31', timeBarred: false });
  });
  it('a due date so late that the limitation falls after 31-12-9999 has no limitation date (not "10001-02-01", not a failed run)', () => {
    const rows = [HEADER, ['D9', '', 'X', 'F9', 'andet', '01-02-2026', '01-02-9998', 'krav', '100']];
    const f9 = statementToJson(statementFromRows(rows, 2026, defaultRules)).debtors[0]!.claims[0]!;
    expect(f9).toMatchObject({ closing: 100, dueDate: '9998-02-01', limitationDate: null, timeBarred: false });
  });
});

describe('sums past what doubles hold exactly', () => {
  it('a ledger whose amounts add up to more than 2^53 øre is refused, not rounded (found by review)', () => {
    // 1,000 × 99.999.999.999,99 kr. = 9.999.999.999.999 øre × 1,000 ≈ 1e16 øre > 2^53 ≈ 9.007e15:
    // summed in doubles, three rows of 0,01 kr. vanished from the total
    const rows = [
      HEADER,
      ...Array.from({ length: 1000 }, (_, i) => ['D1', '', '', `F${i}`, 'andet', '01-02-2026', '', 'krav', '99.999.999.999,99']),
      ['D1', '', '', 'G', 'andet', '01-02-2026', '', 'krav', '0,01'],
    ];
    expect(() => statementFromRows(rows, 2026, defaultRules)).toThrow(/beløbene er tilsammen over 90\.071\.992\.547\.409 kr\./);
    expect(() => analysisFromRows(rows, dayNumberOf(2026, 12, 31))).toThrow(/beløbene er tilsammen over/);
    // 90 rows stay below 2^53 and are summed to the øre: 90 × 9.999.999.999.999 + 1 øre
    const fewer = [HEADER, ...rows.slice(1, 91), rows.at(-1)!];
    expect(statementFromRows(fewer, 2026, defaultRules).totals.closing).toBe(90 * 9_999_999_999_999 + 1);
  });
});

describe('reconciliation (property over random ledgers)', () => {
  it('for every debtor and claim closing = opening + movements, and totals = the rows’ own sums', () => {
    const row = fc.record({
      debtor: fc.integer({ min: 1, max: 30 }),
      claim: fc.integer({ min: 1, max: 4 }),
      day: fc.integer({ min: 0, max: 1500 }),
      kind: fc.constantFrom(...POSTING_KINDS),
      ore: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.integer({ min: 2023, max: 2026 }), (rows, year) => {
        const builder = createStatementBuilder(year, defaultRules);
        const start = dayNumberOf(2022, 1, 1);
        const yearEnd = dayNumberOf(year, 12, 31);
        let expected = 0;
        rows.forEach((r, i) => {
          const p = {
            row: i + 2,
            debtorId: `D${r.debtor}`,
            debtorName: '',
            cpr: '',
            claimId: `F${r.claim}`,
            claimType: 'andet',
            postingDay: start + r.day,
            dueDay: null,
            kind: r.kind,
            amount: r.ore,
            acknowledged: false,
            lastTimelyDay: null,
            judgmentDay: null,
            caseworker: '',
          } as const;
          if (p.postingDay <= yearEnd) expected += r.ore;
          builder.add(p);
        });
        const s = builder.finish();
        const sum = (m: Record<string, number | undefined>) => Object.values(m).reduce<number>((t, v) => t + (v ?? 0), 0);
        for (const d of s.debtors) {
          expect(d.closing).toBe(d.opening + sum(d.movements));
          for (const c of d.claims) expect(c.closing).toBe(c.opening + sum(c.movements));
          expect(d.closing).toBe(d.claims.reduce((t, c) => t + c.closing, 0));
        }
        expect(s.totals.closing).toBe(expected);
        expect(s.totals.closing).toBe(s.debtors.reduce((t, d) => t + d.closing, 0));
        expect(s.totals.rows + s.totals.rowsAfterYear).toBe(rows.length);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('merging parts (the CLI folds a large ledger on two threads)', () => {
  it('postings split between two builders and merged give the statement of one builder, whatever the split', () => {
    const row = fc.record({
      debtor: fc.integer({ min: 1, max: 8 }),
      claim: fc.integer({ min: 1, max: 3 }),
      day: fc.integer({ min: 0, max: 1800 }),
      due: fc.option(fc.integer({ min: 0, max: 1800 })),
      kind: fc.constantFrom(...POSTING_KINDS),
      ore: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      name: fc.constantFrom('', 'Anne', 'Bo'),
      // one person's number in two writings, and another person's: the second is a row error however the rows are split
      cpr: fc.constantFrom('', '010190-1234', '0101901234', '020290-5678'),
      type: fc.constantFrom('andet', 'daginstitution', 'ejendomsskat'),
      acknowledged: fc.boolean(),
      // the forældelse facts (issue 15): each must merge as if one builder had seen every row
      timely: fc.option(fc.integer({ min: 0, max: 1800 })),
      judgment: fc.option(fc.integer({ min: 0, max: 2200 })),
      // the caseworker (issue 20): the claim's lowest row that names one, whichever builder had it
      caseworker: fc.constantFrom('', 'Kim', 'Lis'),
      toSecond: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        const one = createStatementBuilder(2026, defaultRules);
        const first = createStatementBuilder(2026, defaultRules);
        const second = createStatementBuilder(2026, defaultRules);
        const start = dayNumberOf(2022, 1, 1);
        rows.forEach((r, i) => {
          const p = {
            row: i + 2,
            debtorId: `D${r.debtor}`,
            debtorName: r.name,
            cpr: r.cpr,
            claimId: `F${r.claim}`,
            claimType: r.type,
            postingDay: start + r.day,
            dueDay: r.due === null ? null : start + r.due,
            kind: r.kind,
            amount: r.ore,
            acknowledged: r.acknowledged,
            lastTimelyDay: r.timely === null ? null : start + r.timely,
            judgmentDay: r.judgment === null ? null : start + r.judgment,
            caseworker: r.caseworker,
          } as const;
          one.add(p);
          (r.toSecond ? second : first).add(p);
          if (r.ore === 0) (r.toSecond ? second : first).addError({ row: i + 2, message: 'nul' });
          if (r.ore === 0) one.addError({ row: i + 2, message: 'nul' });
        });
        // The part goes through a structured clone, as it does between threads.
        first.merge(structuredClone(second.part()));
        const merged = first.finish();
        expect(merged).toEqual(one.finish());
        // The rule itself, worked out here: a debtor's CPR is the one on its lowest row with a CPR;
        // every row with another CPR (not another writing of it) is an error naming that first row.
        const key = (c: string) => c.replace(/\D/g, '');
        const firstRow = new Map<string, number>();
        rows.forEach((r, i) => {
          if (r.cpr !== '' && !firstRow.has(`D${r.debtor}`)) firstRow.set(`D${r.debtor}`, i + 2);
        });
        const conflicts = rows.flatMap((r, i) => (r.cpr !== '' && key(r.cpr) !== key(rows[firstRow.get(`D${r.debtor}`)! - 2]!.cpr) ? [[i + 2, firstRow.get(`D${r.debtor}`)!]] : []));
        const cprErrors = merged.errors.filter((e) => e.message !== 'nul');
        expect(cprErrors.map((e) => e.row)).toEqual(conflicts.map(([row]) => row));
        cprErrors.forEach((e, i) => expect(e.message).toContain(`række ${conflicts[i]![1]}`));
        expect(merged.totals.rows).toBe(rows.length - conflicts.length);
        // The caseworker rule, worked out here: the claim's lowest row, of those kept, that names one.
        const refused = new Set(conflicts.map(([row]) => row));
        for (const d of merged.debtors) {
          for (const c of d.claims) {
            const named = rows.findIndex((r, i) => `D${r.debtor}` === d.debtorId && `F${r.claim}` === c.claimId && !refused.has(i + 2) && r.caseworker !== '');
            expect(c.caseworker).toBe(named < 0 ? '' : rows[named]!.caseworker);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('the caseworker of a claim (issue 20)', () => {
  const posting = (row: number, claimId: string, caseworker: string) =>
    ({
      row,
      debtorId: 'D1',
      debtorName: 'Anne',
      cpr: '',
      claimId,
      claimType: 'andet',
      postingDay: dayNumberOf(2026, 2, 1),
      dueDay: null,
      kind: 'krav',
      amount: 100,
      acknowledged: false,
      lastTimelyDay: null,
      judgmentDay: null,
      caseworker,
    }) as const;
  it('is the one on the claim’s lowest row that names one, whatever order the rows come in and however they are split', () => {
    // F1: row 2 names none, row 3 names Kim, rows 4 and 5 Lis (handed over): Kim, from row 3.
    // F2: no row names one: ''.
    const f1 = [posting(5, 'F1', 'Lis'), posting(2, 'F1', ''), posting(4, 'F1', 'Lis'), posting(3, 'F1', 'Kim')];
    const f2 = [posting(6, 'F2', ''), posting(7, 'F2', '')];
    const caseworkers = (s: ReturnType<ReturnType<typeof createStatementBuilder>['finish']>) => s.debtors[0]!.claims.map((c) => [c.claimId, c.caseworker]);
    const one = createStatementBuilder(2026, defaultRules);
    for (const p of [...f1, ...f2]) one.add(p);
    expect(caseworkers(one.finish())).toEqual([
      ['F1', 'Kim'],
      ['F2', ''],
    ]);
    // Every split of F1's four rows between two builders, merged either way round.
    for (let mask = 0; mask < 16; mask += 1) {
      for (const firstTakes of [true, false]) {
        const [a, b] = [createStatementBuilder(2026, defaultRules), createStatementBuilder(2026, defaultRules)];
        f1.forEach((p, i) => ((mask >> i) & 1 ? b : a).add(p));
        for (const p of f2) a.add(p);
        const [into, from] = firstTakes ? [a, b] : [b, a];
        into.merge(structuredClone(from.part()));
        expect(caseworkers(into.finish()), `split ${mask}`).toEqual([
          ['F1', 'Kim'],
          ['F2', ''],
        ]);
      }
    }
  });
  it('is read from the ledger’s Sagsbehandler column, and kept out of the statement’s JSON', () => {
    const rows = [
      [...HEADER, 'Sagsbehandler'],
      ['D1', '', 'Anne', 'F1', 'andet', '01-02-2026', '', 'krav', '100', ''],
      ['D1', '', 'Anne', 'F1', 'andet', '01-03-2026', '', 'rente', '5', 'Kim Lund'],
      ['D1', '', 'Anne', 'F2', 'andet', '01-03-2026', '', 'krav', '50', 'Lis Berg'],
    ];
    const s = statementFromRows(rows, 2026, defaultRules);
    expect(s.debtors[0]!.claims.map((c) => c.caseworker)).toEqual(['Kim Lund', 'Lis Berg']);
    expect(JSON.stringify(statementToJson(s))).not.toContain('Kim Lund');
  });
});

describe('two CPR numbers under one debtor number (issue 14)', () => {
  // D1's CPR is 010190-1234 from row 2; row 4 has another person's number; row 5 the same number written another way.
  const rows = [
    HEADER,
    ['D1', '010190-1234', 'Anne', 'F1', 'andet', '01-02-2026', '', 'krav', '100'],
    ['D1', '', 'Anne', 'F1', 'andet', '01-03-2026', '', 'krav', '10'],
    ['D1', '020290-5678', 'Bo', 'F2', 'andet', '01-04-2026', '', 'krav', '7'],
    ['D1', '0101901234', 'Anne', 'F1', 'andet', '01-05-2026', '', 'krav', '1'],
  ];
  it('the second CPR is a row error naming both rows, masked; its amount is left out, the rest is one person', () => {
    const s = statementToJson(statementFromRows(rows, 2026, defaultRules));
    expect(s.errors).toEqual([{ row: 4, message: expect.stringMatching(/^Debitor "D1" har CPR\/CVR "010190-xxxx" i række 2, men et andet nummer, "020290-xxxx", i række 4/) }]);
    expect(JSON.stringify(s.errors)).not.toMatch(/1234|5678/);
    expect(s.debtors).toHaveLength(1);
    expect(s.debtors[0]).toMatchObject({ debtorId: 'D1', name: 'Anne', cpr: '010190-1234', closing: 111 });
    expect(s.totals).toMatchObject({ rows: 3, rowsSum: 111, closing: 111 });
  });
  it('the lowest row wins whatever the order rows are added in (a split ledger merges to the same)', () => {
    const builder = createStatementBuilder(2026, defaultRules);
    const p = (row: number, cpr: string, amount: number) =>
      ({
        row,
        debtorId: 'D1',
        debtorName: '',
        cpr,
        claimId: 'F1',
        claimType: 'andet',
        postingDay: dayNumberOf(2026, 2, 1),
        dueDay: null,
        kind: 'krav',
        amount,
        acknowledged: false,
        lastTimelyDay: null,
        judgmentDay: null,
        caseworker: '',
      }) as const;
    builder.add(p(9, '020290-5678', 7));
    builder.add(p(3, '010190-1234', 100));
    const s = builder.finish();
    expect(s.errors).toEqual([{ row: 9, message: expect.stringContaining('i række 3, men et andet nummer') }]);
    expect(s.debtors[0]).toMatchObject({ cpr: '010190-1234', closing: 100 });
  });
  it('the analysis refuses the second CPR the same way', () => {
    const a = analysisToJson(analysisFromRows(rows, dayNumberOf(2026, 12, 31)));
    expect(a.errors).toEqual([{ row: 4, message: expect.stringMatching(/^Debitor "D1" har CPR\/CVR "010190-xxxx" i række 2, men et andet nummer, "020290-xxxx", i række 4/) }]);
    expect(a.summary.balance).toBe(111);
  });
});

describe('analyses on a date', () => {
  const a = analysisToJson(analysisFromRows(LEDGER, dayNumberOf(2026, 12, 31)));
  it('ages open balances by claim type from the due date', () => {
    // F1 486 days → 1–3 år; F2 due 1 May 2026 → 244 days → 181–365; E1 (2022) → over 3 år
    const bucketsOf = (type: string) => a.aging.find((r) => r.claimType === type)!.buckets;
    expect(bucketsOf('daginstitution')).toEqual([0, 0, 0, 0, 0, 2727, 0]);
    expect(bucketsOf('renovation')).toEqual([0, 0, 0, 0, 1200, 0, 0]);
    expect(bucketsOf('ejendomsskat')).toEqual([0, 0, 0, 0, 0, 0, 6000]);
  });
  it('shows the month-by-month development: balance at month end, additions, reductions', () => {
    const dag = a.development.find((d) => d.claimType === 'daginstitution')!.months;
    expect(dag).toHaveLength(12);
    expect(dag[0]).toEqual({ month: '2026-01', balance: 2700, additions: 0, reductions: -1000 });
    expect(dag[2]).toEqual({ month: '2026-03', balance: 2727, additions: 27, reductions: 0 });
    expect(a.development.find((d) => d.claimType === 'ejendomsskat')!.months[5]).toEqual({ month: '2026-06', balance: 6000, additions: 0, reductions: -4000 });
  });
  it('lists the largest debtors and the summary figures', () => {
    expect(a.topDebtors.map((t) => [t.debtorId, t.balance])).toEqual([
      ['D2', 6000],
      ['D1', 3927],
    ]);
    expect(a.summary).toMatchObject({ balance: 9927, debtorsWithBalance: 2, openClaims: 3, paymentsYearToDate: -1000, transferredYearToDate: -4000, newClaimsYearToDate: 1200 });
    // older than a year: F1 (2.727) + E1 (6.000) = 8.727 of 9.927 = 87,9 %
    expect(a.summary.overOneYear).toBe(8727);
    expect(a.summary.overOneYearShare).toBe(0.879);
  });
});

describe('a statement that does not reconcile names the debtor masked (issue 14)', () => {
  it('a corrupt part for debtor 0101901234 fails with 010190-xxxx in the message', () => {
    const one = createStatementBuilder(2026, defaultRules);
    one.add({
      row: 2,
      debtorId: '0101901234',
      debtorName: '',
      cpr: '',
      claimId: 'F1',
      claimType: 'andet',
      postingDay: dayNumberOf(2026, 2, 1),
      dueDay: null,
      kind: 'krav',
      amount: 100,
      acknowledged: false,
      lastTimelyDay: null,
      judgmentDay: null,
      caseworker: '',
    });
    const part = one.part();
    // the running balance no longer equals opening + movements, as a corrupt part from a thread would
    part.numbers[1] = 999;
    const other = createStatementBuilder(2026, defaultRules);
    other.merge(part);
    expect(() => other.finish()).toThrow(/debitor 010190-xxxx, fordring F1/);
  });
});
