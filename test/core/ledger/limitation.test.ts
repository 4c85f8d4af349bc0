/**
 * Forældelse in the year-end statement (issue 15), each rule with a claim worked by hand. Weekdays
 * are counted from a known 1 January (given in each comment); bank holidays are Nationalbanken's
 * lists in research/law-review-2026-12.md.
 */
import { describe, expect, it } from 'vitest';
import { objectsToRows, statementFromRows, statementToJson } from '../../../core/ledger/ledgerJson.js';
import { timeBarredText } from '../../../core/report/ledgerTables.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const HEADER = ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Sidste rettidige betalingsdato', 'Dom/forlig dato'];
type Row = [claim: string, posted: string, due: string, kind: string, amount: string, timely?: string, judgment?: string];

/** The claims of debtor D1 in the statement for `year`, by claim id. */
function claims(rows: Row[], year = 2026) {
  const ledger = [HEADER, ...rows.map(([claim, posted, due, kind, amount, timely = '', judgment = '']) => ['D1', 'Anne', claim, 'andet', posted, due, kind, amount, timely, judgment])];
  const s = statementToJson(statementFromRows(ledger, year, defaultRules));
  expect(s.errors).toEqual([]);
  return Object.fromEntries(s.debtors[0]!.claims.map((c) => [c.claimId, c]));
}

describe('§ 27 stk. 2: a period ending on a closed day runs to the next banking day', () => {
  it('due 31-12-2023, 3 years: ends 31-12-2026 (closed) → 04-01-2027, so not forældet in 2026', () => {
    // 31-12-2023 + 3 years = 31-12-2026, nytårsaftensdag (closed); 01-01-2027 nytårsdag (closed);
    // 1 Jan 2027 is a Friday, so 02-01 and 03-01 are Saturday and Sunday; Monday 04-01-2027 is the
    // first banking day. The statement is as of 31-12-2026: 04-01-2027 has not come, not forældet.
    const { F1 } = claims([['F1', '31-12-2023', '31-12-2023', 'krav', '1.000,00']]);
    expect(F1).toMatchObject({ limitationDate: '2027-01-04', timeBarred: false });
    expect(F1!.limitationReason).toBe('3 år fra forfaldsdatoen 31-12-2023 (forældelsesloven §§ 2, 3): fristen udløber 31-12-2026, nytårsaftensdag, og løber til mandag 04-01-2027 (§ 27 stk. 2).');
    // In the 2027 statement the same claim is forældet (04-01-2027 ≤ 31-12-2027).
    expect(claims([['F1', '31-12-2023', '31-12-2023', 'krav', '1.000,00']], 2027).F1).toMatchObject({ limitationDate: '2027-01-04', timeBarred: true });
    expect(claims([['F1', '31-12-2023', '31-12-2023', 'krav', '1.000,00']], 2027).F1!.limitationReason).toMatch(/^Forældet: 3 år fra forfaldsdatoen/);
  });
  it('a period ending on a Saturday runs to Monday', () => {
    // 01-03-2022 + 3 years = 01-03-2025. 1 Jan 2025 is a Wednesday; 1 Mar is 59 days later
    // (59 = 8 weeks + 3): a Saturday → Monday 03-03-2025, before the 2026 year end: forældet.
    const { F1 } = claims([['F1', '01-03-2022', '01-03-2022', 'krav', '500,00']]);
    expect(F1).toMatchObject({ limitationDate: '2025-03-03', timeBarred: true });
    expect(F1!.limitationReason).toBe('Forældet: 3 år fra forfaldsdatoen 01-03-2022 (forældelsesloven §§ 2, 3): fristen udløber 01-03-2025, en lørdag, og løber til mandag 03-03-2025 (§ 27 stk. 2).');
  });
});

describe('§§ 15, 19 stk. 2: a betaling starts a new period; a modregning does not', () => {
  // The claim of the Saturday case above (due 01-03-2022, forældet 03-03-2025 without payments).
  const base: Row = ['F1', '01-03-2022', '01-03-2022', 'krav', '5.000,00'];
  it('a payment on 14-03-2024 moves the limitation to 15-03-2027', () => {
    // 14-03-2024 + 3 years = 14-03-2027. 1 Jan 2027 is a Friday; 14 Mar is 72 days later
    // (72 = 10 weeks + 2): a Sunday → Monday 15-03-2027 (Easter 2027 is 28 March: not yet).
    const { F1 } = claims([base, ['F1', '14-03-2024', '', 'betaling', '-200,00']]);
    expect(F1).toMatchObject({ limitationDate: '2027-03-15', timeBarred: false });
    expect(F1!.limitationReason).toBe(
      '3 år fra sidste betaling 14-03-2024 (forældelsesloven §§ 3, 15, 19 stk. 2): fristen udløber 14-03-2027, en søndag, og løber til mandag 15-03-2027 (§ 27 stk. 2).',
    );
  });
  it('the latest payment counts, in any row order', () => {
    // Payments 14-03-2024 and 02-06-2023: the later one, 14-03-2024, as above.
    const { F1 } = claims([['F1', '14-03-2024', '', 'betaling', '-200,00'], base, ['F1', '02-06-2023', '', 'betaling', '-100,00']]);
    expect(F1).toMatchObject({ limitationDate: '2027-03-15', timeBarred: false });
  });
  it('a payment after the year end is not in the statement and does not interrupt', () => {
    // The statement is as of 31-12-2026: the payment of 05-01-2027 is left out (rowsAfterYear),
    // so the claim is forældet from 03-03-2025 as without payments.
    const { F1 } = claims([base, ['F1', '05-01-2027', '', 'betaling', '-200,00']]);
    expect(F1).toMatchObject({ closing: 5000, limitationDate: '2025-03-03', timeBarred: true });
  });
  it('a modregning lowers the debt but does not interrupt (it is not the debtor’s erkendelse)', () => {
    const { F1 } = claims([base, ['F1', '14-03-2024', '', 'modregning', '-200,00']]);
    expect(F1).toMatchObject({ closing: 4800, movements: {}, limitationDate: '2025-03-03', timeBarred: true });
    // In 2024 the modregning is a movement of the year, under its own kind.
    expect(claims([base, ['F1', '14-03-2024', '', 'modregning', '-200,00']], 2024).F1).toMatchObject({ movements: { modregning: -200 }, closing: 4800 });
  });
  it('a closed claim has no limitation', () => {
    const { F1 } = claims([base, ['F1', '14-03-2024', '', 'betaling', '-5.000,00']]);
    expect(F1).toMatchObject({ closing: 0, limitationDate: null, timeBarred: false, limitationReason: null });
  });
});

describe('§ 2 stk. 2: the period runs from the last timely payment date', () => {
  it('Sidste rettidige betalingsdato 16-03-2023 starts it, not the forfaldsdato 01-03-2023', () => {
    // 16-03-2023 + 3 years = 16-03-2026: 1 Jan 2026 is a Thursday; 16 Mar is 74 days later
    // (74 = 10 weeks + 4): a Monday, a banking day. (From 01-03-2023 it would have been
    // 01-03-2026, a Sunday → 02-03-2026.) The 2025 statement: not forældet.
    const { F1 } = claims([['F1', '01-02-2023', '01-03-2023', 'krav', '800,00', '16-03-2023']], 2025);
    expect(F1).toMatchObject({ limitationDate: '2026-03-16', timeBarred: false });
    expect(F1!.limitationReason).toBe('3 år fra sidste rettidige betalingsdato 16-03-2023 (forældelsesloven §§ 2 stk. 2, 3): fristen udløber 16-03-2026.');
    const { F2 } = claims([['F2', '01-02-2023', '01-03-2023', 'krav', '800,00']], 2025);
    expect(F2).toMatchObject({ limitationDate: '2026-03-02' });
  });
  it('English keys in a JSON ledger: lastTimelyPaymentDate and judgmentDate', () => {
    const rows = objectsToRows([
      { debtorId: 'D1', claimId: 'F1', postingDate: '2023-02-01', dueDate: '2023-03-01', kind: 'krav', amount: 800, lastTimelyPaymentDate: '2023-03-16', judgmentDate: null },
    ]);
    const c = statementToJson(statementFromRows(rows, 2025, defaultRules)).debtors[0]!.claims[0]!;
    expect(c).toMatchObject({ limitationDate: '2026-03-16', timeBarred: false });
  });
  it('a date that is not a date is a row error in Danish, like Forfaldsdato', () => {
    const s = statementToJson(
      statementFromRows(
        [HEADER, ['D1', 'Anne', 'F1', 'andet', '01-02-2023', '01-03-2023', 'krav', '800', '31-02-2023', ''], ['D1', 'Anne', 'F1', 'andet', '01-02-2023', '01-03-2023', 'krav', '800', '', 'i fjor']],
        2025,
        defaultRules,
      ),
    );
    expect(s.errors).toEqual([
      { row: 2, message: 'Sidste rettidige betalingsdato "31-02-2023" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' },
      { row: 3, message: 'Dom/forlig dato "i fjor" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' },
    ]);
  });
});

describe('§ 5: 10 years after a dom or forlig; later renter and gebyrer keep 3 years (stk. 2)', () => {
  const J = '10-06-2016';
  // Due 01-02-2015; dom 10-06-2016 (on every row, as systems export a claim's fields); renter
  // after the dom from 01-07-2016; a rente of 01-03-2016 came before the dom and is part of it.
  const judged: Row[] = [
    ['F1', '01-02-2015', '01-02-2015', 'krav', '10.000,00', '', J],
    ['F1', '01-03-2016', '01-03-2016', 'rente', '100,00', '', J],
    ['F1', '01-07-2016', '01-07-2016', 'rente', '80,00', '', J],
    ['F1', '01-08-2016', '01-08-2016', 'rente', '80,00', '', J],
  ];
  it('without payments the principal is forældet 10 years after the dom; the first later rente 3 years after its due date', () => {
    // Principal: 10-06-2016 + 10 years = 10-06-2026; 1 Jan 2026 is a Thursday, 10 Jun is 160
    // days later (22 weeks + 6): a Wednesday, open. ≤ 31-12-2026: forældet.
    // Renter after the dom: the first is due 01-07-2016 → 01-07-2019; 1 Jan 2019 is a Tuesday,
    // 1 Jul is 181 days later (25 weeks + 6): a Monday. The earliest part to go is the rente.
    const { F1 } = claims(judged);
    expect(F1).toMatchObject({ limitationDate: '2019-07-01', timeBarred: true });
    expect(F1!.limitationReason).toBe(
      'Hovedstolen er forældet: 10 år fra dom/forlig 10-06-2016 (forældelsesloven §§ 5 stk. 1 nr. 3, 19 stk. 3): fristen udløber 10-06-2026. Renter og gebyrer, der er forfaldet efter dommen, er forældet: 3 år fra den første af dem, 01-07-2016 (forældelsesloven §§ 3, 5 stk. 2): fristen udløber 01-07-2019.',
    );
  });
  it('a payment after the dom starts a new 10-year period for the principal (§ 19 stk. 1: the length by the law, § 5) and 3 years for the later renter', () => {
    // Payment 02-09-2020. Principal: 02-09-2020 + 10 = 02-09-2030; 1 Jan 2030 is a Tuesday,
    // 2 Sep is 244 days later (34 weeks + 6): a Monday, open → not forældet.
    // Renter after the dom, due before the payment: 3 years from 02-09-2020 = 02-09-2023;
    // 1 Jan 2023 is a Sunday, 2 Sep is 244 days later (34 weeks + 6): a Saturday → Monday
    // 04-09-2023, ≤ 31-12-2026: those renter are forældet, the principal is not.
    const { F1 } = claims([...judged, ['F1', '02-09-2020', '', 'betaling', '-50,00', '', J]]);
    expect(F1).toMatchObject({ limitationDate: '2023-09-04', timeBarred: false });
    // The sheets say "delvis": a part is forældet (04-09-2023 ≤ 31-12-2026), the claim is not.
    expect(timeBarredText(F1!, 2026)).toBe('delvis');
    expect(timeBarredText(F1!, 2022)).toBe('');
    expect(F1!.limitationReason).toBe(
      'Hovedstolen: 10 år fra sidste betaling 02-09-2020 (efter dom/forlig 10-06-2016) (forældelsesloven §§ 5 stk. 1 nr. 3, 15, 19 stk. 2): fristen udløber 02-09-2030. Renter og gebyrer, der er forfaldet efter dommen, er forældet: 3 år fra sidste betaling 02-09-2020 (forældelsesloven §§ 3, 5 stk. 2, 15, 19 stk. 2): fristen udløber 02-09-2023, en lørdag, og løber til mandag 04-09-2023 (§ 27 stk. 2).',
    );
  });
  it('a recent dom: nothing forældet, the date is the first later rente’s', () => {
    // Dom 15-01-2025: principal to 15-01-2035 (1 Jan 2035 is a Monday, so the 15th is too).
    // Rente due 01-02-2025 → 01-02-2028: 1 Jan 2028 is a Saturday, + 31 days = a Tuesday.
    const { F1 } = claims([
      ['F1', '01-06-2024', '01-06-2024', 'krav', '3.000,00', '', '15-01-2025'],
      ['F1', '01-02-2025', '01-02-2025', 'rente', '30,00', '', '15-01-2025'],
    ]);
    expect(F1).toMatchObject({ limitationDate: '2028-02-01', timeBarred: false });
    expect(F1!.limitationReason).toMatch(
      /^Hovedstolen: 10 år fra dom\/forlig 15-01-2025 .*: fristen udløber 15-01-2035\. Renter og gebyrer, der er forfaldet efter dommen: 3 år fra den første af dem, 01-02-2025 .*: fristen udløber 01-02-2028\.$/,
    );
  });
  it('a dom dated after the year end did not exist on 31 December', () => {
    // Dom 15-01-2027 in the 2026 statement: 3 years from the due date 01-06-2024 → 01-06-2027
    // (1 Jan 2027 is a Friday; 1 Jun is 151 days later, 21 weeks + 4: a Tuesday).
    const { F1 } = claims([['F1', '01-06-2024', '01-06-2024', 'krav', '3.000,00', '', '15-01-2027']]);
    expect(F1).toMatchObject({ limitationDate: '2027-06-01', timeBarred: false });
  });
  it('renter rows without the dom date, before and after it, are not guessed: the reason says so', () => {
    // The date only on the krav row: the rente rows of 01-03-2016 and 01-07-2016 lie on both
    // sides of the dom, and two numbers cannot tell which; the principal's date stands alone.
    const { F1 } = claims([
      ['F1', '01-02-2015', '01-02-2015', 'krav', '10.000,00', '', J],
      ['F1', '01-03-2016', '01-03-2016', 'rente', '100,00'],
      ['F1', '01-07-2016', '01-07-2016', 'rente', '80,00'],
    ]);
    expect(F1).toMatchObject({ limitationDate: '2026-06-10', timeBarred: true });
    expect(F1!.limitationReason).toMatch(
      / Nogle rente- og gebyrrækker uden Dom\/forlig dato ligger både før og efter dommen og er regnet med hovedstolen: skriv datoen på alle fordringens rækker \(§ 5 stk\. 2\)\.$/,
    );
  });
  it('renter rows without the dom date that all fall after it count as later renter', () => {
    // Only the rente of 01-07-2016 (after the dom 10-06-2016): 3 years → 01-07-2019 as above.
    const { F1 } = claims([
      ['F1', '01-02-2015', '01-02-2015', 'krav', '10.000,00', '', J],
      ['F1', '01-07-2016', '01-07-2016', 'rente', '80,00'],
    ]);
    expect(F1).toMatchObject({ limitationDate: '2019-07-01', timeBarred: true });
  });
  it('Anerkendt = ja keeps 10 years from the start, now moved by payments too', () => {
    // Due 31-03-2022, anerkendt; payment 02-05-2023 → 10 years: 02-05-2033; 1 Jan 2033 is a
    // Saturday, 2 May is 121 days later (17 weeks + 2): a Monday, open.
    const rows = [
      [...HEADER, 'Anerkendt'],
      ['D1', 'Anne', 'F1', 'andet', '31-03-2022', '31-03-2022', 'krav', '100', '', '', 'ja'],
      ['D1', 'Anne', 'F1', 'andet', '02-05-2023', '', 'betaling', '-10', '', '', 'ja'],
    ];
    const c = statementToJson(statementFromRows(rows, 2026, defaultRules)).debtors[0]!.claims[0]!;
    expect(c).toMatchObject({ limitationDate: '2033-05-02', timeBarred: false });
    expect(c.limitationReason).toBe('10 år (anerkendt) fra sidste betaling 02-05-2023 (forældelsesloven §§ 5, 15, 19 stk. 2): fristen udløber 02-05-2033.');
  });
});
