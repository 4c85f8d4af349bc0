/**
 * The opkrævningstragt worked by hand (core/portfolio/funnel.ts): a ledger where every stage
 * occurs, each claim's fate and each figure computed in the comments, never copied from the code.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { commands, toJson } from '../../../core/commands/index.js';
import { funnelOfRows } from '../../../core/commands/portfolio.js';
import { createFunnelBuilder, funnelClaimKey, FUNNEL_STAGES, medianDays, type Funnel, type FunnelFigures } from '../../../core/portfolio/funnel.js';
import { funnelFromRows } from '../../../core/portfolio/funnelJson.js';
import { feedRows } from '../../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { saldoMessageOf } from '../saldoMessage.js';

const HEADER = ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
const DAG = 'daginstitution';
const EJD = 'ejendomsskat';

/**
 * Period January–February 2026, postings up to 30-06-2026. Each claim's fate, by the rules:
 * payments cover gebyr and rente first, then the principal; a rykker is the first gebyr.
 */
const LEDGER: string[][] = [
  HEADER,
  // A: 1.000 due 01-01; paid in full 10-01, no rykker → paid before rykker 1.000; 9 days.
  ['D1', 'A', DAG, '15-12-2025', '01-01-2026', 'krav', '1.000,00'],
  ['D1', 'A', DAG, '10-01-2026', '', 'betaling', '-1.000,00'],
  // B: 2.000 due 05-01; rykkergebyr 250 on 20-01; 2.250 paid 01-02 covers the gebyr, then 2.000 of
  // principal → paid after rykker 2.000; 05-01 → 01-02 is 27 days.
  ['D1', 'B', DAG, '15-12-2025', '05-01-2026', 'krav', '2.000,00'],
  ['D1', 'B', DAG, '20-01-2026', '', 'gebyr', '250,00'],
  ['D1', 'B', DAG, '01-02-2026', '', 'betaling', '-2.250,00'],
  // C: 3.000 due 15-01; gebyr 250 on 01-02; 1.250 paid 10-02 → 250 gebyr, 1.000 after rykker;
  // the remaining 2.000 sent 20-03 → sent 2.000. Ends at inddrivelse: counted as sent.
  // 15-01 → 20-03: 16 (rest of January) + 28 + 20 = 64 days.
  ['D2', 'C', DAG, '02-01-2026', '15-01-2026', 'krav', '3.000,00'],
  ['D2', 'C', DAG, '01-02-2026', '', 'gebyr', '250,00'],
  ['D2', 'C', DAG, '10-02-2026', '', 'betaling', '-1.250,00'],
  ['D2', 'C', DAG, '20-03-2026', '', 'oversendt', '-2.000,00'],
  // D: 500 due 20-01, written off 01-04 → written off 500.
  ['D2', 'D', DAG, '02-01-2026', '20-01-2026', 'krav', '500,00'],
  ['D2', 'D', DAG, '01-04-2026', '', 'afskrivning', '-500,00'],
  // E: 800 due 25-01; 300 paid 28-01, no rykker → paid before rykker 300, open 500 (counted open).
  ['D3', 'E', DAG, '02-01-2026', '25-01-2026', 'krav', '800,00'],
  ['D3', 'E', DAG, '28-01-2026', '', 'betaling', '-300,00'],
  // K: 1.000 due 03-02, corrected by −200 → principal 800; 800 paid 06-02 → before rykker, 3 days.
  ['D6', 'K', DAG, '20-01-2026', '03-02-2026', 'krav', '1.000,00'],
  ['D6', 'K', DAG, '05-02-2026', '', 'korrektion', '-200,00'],
  ['D6', 'K', DAG, '06-02-2026', '', 'betaling', '-800,00'],
  // L: 1.000 due 10-02; gebyr 250 and 1.250 paid the same day 24-02: the letter cannot have
  // reached the debtor, so before rykker (the payment covers the gebyr first, then 1.000); 14 days.
  ['D7', 'L', DAG, '20-01-2026', '10-02-2026', 'krav', '1.000,00'],
  ['D7', 'L', DAG, '24-02-2026', '', 'gebyr', '250,00'],
  ['D7', 'L', DAG, '24-02-2026', '', 'betaling', '-1.250,00'],
  // F: 1.200 due 01-02; rente 12; 1.300 paid 01-03 is more than the claim: 12 rente, 1.200
  // principal, 88 over (a credit, counted nowhere) → paid before rykker 1.200; 28 days.
  ['D3', 'F', EJD, '15-01-2026', '01-02-2026', 'krav', '1.200,00'],
  ['D3', 'F', EJD, '20-02-2026', '', 'rente', '12,00'],
  ['D3', 'F', EJD, '01-03-2026', '', 'betaling', '-1.300,00'],
  // G: 5.000 due 15-02; gebyr 250 (01-03) and rente 50 (15-03); 1.000 paid 20-03 → 300 to them,
  // 700 principal after rykker; 4.300 sent 01-05 → sent 4.300, counted as sent.
  // 15-02 → 01-05: 13 (rest of February) + 31 + 30 + 1 = 75 days.
  ['D4', 'G', EJD, '15-01-2026', '15-02-2026', 'krav', '5.000,00'],
  ['D4', 'G', EJD, '01-03-2026', '', 'gebyr', '250,00'],
  ['D4', 'G', EJD, '15-03-2026', '', 'rente', '50,00'],
  ['D4', 'G', EJD, '20-03-2026', '', 'betaling', '-1.000,00'],
  ['D4', 'G', EJD, '01-05-2026', '', 'oversendt', '-4.300,00'],
  // H: 600 due 20-02, paid 05-07 — after 30-06: open 600 on the date.
  ['D4', 'H', EJD, '15-01-2026', '20-02-2026', 'krav', '600,00'],
  ['D4', 'H', EJD, '05-07-2026', '', 'betaling', '-600,00'],
  // M: 400 with no due date: its forfald is the krav's posting date 25-02 → February, open 400.
  ['D6', 'M', EJD, '25-02-2026', '', 'krav', '400,00'],
  // I: due 31-12-2025, before the period: not in the funnel at all.
  ['D5', 'I', DAG, '01-12-2025', '31-12-2025', 'krav', '700,00'],
  // J: a credit of 150 due 10-02: no new claim; skipped, with its principal −150.
  ['D5', 'J', EJD, '10-02-2026', '10-02-2026', 'krav', '-150,00'],
];

const PERIOD = { from: '2026-01-01', to: '2026-02-28', asOf: '2026-06-30' };
/** The rules' tests call the command's module itself (synchronous); the command map loads it on first use (below). */
const run = (rows: string[][] = LEDGER, period: { from: string; to: string; asOf?: string } = PERIOD): Funnel =>
  funnelOfRows({ ...period, places: { from: 'fra', to: 'til', asOf: 'dato' } }, defaultRules)(rows);
/** Øre from kroner, for reading. */
const kr = (n: number) => Math.round(n * 100);

function figures(f: FunnelFigures) {
  return {
    newCount: f.newCount,
    newAmount: f.newAmount,
    amounts: { ...f.amounts },
    counts: { ...f.counts },
    medianDaysToPayment: f.medianDaysToPayment,
    medianDaysToTransfer: f.medianDaysToTransfer,
    shareSolvedWithoutInddrivelse: f.shareSolvedWithoutInddrivelse,
  };
}
const stages = (paidBeforeRykker: number, paidAfterRykker: number, inAgreement: number, sentToInddrivelse: number, writtenOff: number, open: number) => ({
  paidBeforeRykker,
  paidAfterRykker,
  inAgreement,
  sentToInddrivelse,
  writtenOff,
  open,
});

describe('the funnel of a hand-made ledger where every stage occurs', () => {
  const f = run();
  const row = (claimType: string, month: string) => f.months.find((m) => m.claimType === claimType && m.month === month)!;

  it('has a row for every month of each claim type with a new claim, by type, then month', () => {
    expect(f.months.map((m) => `${m.claimType} ${m.month}`)).toEqual([`${DAG} 2026-01`, `${DAG} 2026-02`, `${EJD} 2026-01`, `${EJD} 2026-02`]);
    expect({ from: f.from, to: f.to, asOf: f.asOf }).toEqual({ from: '2026-01', to: '2026-02', asOf: '2026-06-30' });
  });

  it('daginstitution, January: A, B, C, D and E, each in its stage', () => {
    // new: 1.000 + 2.000 + 3.000 + 500 + 800 = 7.300 in 5 claims
    // before rykker: A 1.000 + E 300 = 1.300; after: B 2.000 + C 1.000 = 3.000; sent: C 2.000;
    // written off: D 500; open: E 500 (1.300 + 3.000 + 2.000 + 500 + 500 = 7.300)
    // paid claims A (9 days) and B (27): median 18; transfer C 64; solved (1.300 + 3.000) / 7.300 = 0,589
    expect(figures(row(DAG, '2026-01'))).toEqual({
      newCount: 5,
      newAmount: kr(7300),
      amounts: stages(kr(1300), kr(3000), 0, kr(2000), kr(500), kr(500)),
      counts: stages(1, 1, 0, 1, 1, 1),
      medianDaysToPayment: 18,
      medianDaysToTransfer: 64,
      shareSolvedWithoutInddrivelse: 0.589,
    });
  });

  it('daginstitution, February: K after its korrektion, L paid on the rykker’s own day', () => {
    // new: K 800 (1.000 − 200) + L 1.000 = 1.800, both paid before rykker; days 3 and 14 → 8,5
    expect(figures(row(DAG, '2026-02'))).toEqual({
      newCount: 2,
      newAmount: kr(1800),
      amounts: stages(kr(1800), 0, 0, 0, 0, 0),
      counts: stages(2, 0, 0, 0, 0, 0),
      medianDaysToPayment: 8.5,
      medianDaysToTransfer: null,
      shareSolvedWithoutInddrivelse: 1,
    });
  });

  it('ejendomsskat, January: nothing fell due, a row of zeros (the chart keeps its months)', () => {
    expect(figures(row(EJD, '2026-01'))).toEqual({
      newCount: 0,
      newAmount: 0,
      amounts: stages(0, 0, 0, 0, 0, 0),
      counts: stages(0, 0, 0, 0, 0, 0),
      medianDaysToPayment: null,
      medianDaysToTransfer: null,
      shareSolvedWithoutInddrivelse: null,
    });
  });

  it('ejendomsskat, February: an overpayment capped at the principal, a payment after the date, a claim without due date', () => {
    // new: F 1.200 + G 5.000 + H 600 + M 400 = 7.200 in 4 claims (J, a credit, is not one)
    // before rykker: F 1.200; after: G 700; sent: G 4.300; open: H 600 + M 400 = 1.000
    // (1.200 + 700 + 4.300 + 1.000 = 7.200); paid F 28 days; transfer G 75;
    // solved (1.200 + 700) / 7.200 = 0,2639 → 0,264
    expect(figures(row(EJD, '2026-02'))).toEqual({
      newCount: 4,
      newAmount: kr(7200),
      amounts: stages(kr(1200), kr(700), 0, kr(4300), 0, kr(1000)),
      counts: stages(1, 0, 0, 1, 0, 2),
      medianDaysToPayment: 28,
      medianDaysToTransfer: 75,
      shareSolvedWithoutInddrivelse: 0.264,
    });
  });

  it('the totals: the months summed, the medians over all claims, the credit skipped', () => {
    // new 7.300 + 1.800 + 7.200 = 16.300 in 11 claims; before 1.300 + 1.800 + 1.200 = 4.300;
    // after 3.000 + 700 = 3.700; sent 2.000 + 4.300 = 6.300; written off 500; open 500 + 1.000 = 1.500
    // payment days 3, 9, 14, 27, 28 → 14; transfer days 64, 75 → 69,5; solved 8.000 / 16.300 = 0,491
    expect(figures(f.totals)).toEqual({
      newCount: 11,
      newAmount: kr(16300),
      amounts: stages(kr(4300), kr(3700), 0, kr(6300), kr(500), kr(1500)),
      counts: stages(4, 1, 0, 2, 1, 3),
      medianDaysToPayment: 14,
      medianDaysToTransfer: 69.5,
      shareSolvedWithoutInddrivelse: 0.491,
    });
    expect(f.skipped).toEqual({ count: 1, amount: kr(-150) });
    // 32 postings (A 2, B 3, C 4, D 2, E 2, K 3, L 3, F 3, G 5, H 2, M, I and J 1 each), every one
    // taken (H's payment after the date too: the line account counts it); none in error
    expect({ rows: f.rows, errors: f.errors }).toEqual({ rows: 32, errors: [] });
  });

  it('the command map loads the funnel on first use and gives what its module gives', async () => {
    const of = await commands.funnelOfRows({ ...PERIOD, places: { from: 'fra', to: 'til', asOf: 'dato' } }, defaultRules);
    expect(of(LEDGER)).toEqual(run());
  });

  it('the JSON contract: kroner, the stages flat, the counts beside them', async () => {
    const json = await toJson.funnelOfRows(await commands.funnelOfRows({ ...PERIOD, places: { from: 'fra', to: 'til', asOf: 'dato' } }, defaultRules))(LEDGER);
    expect(json.months[0]).toEqual({
      month: '2026-01',
      claimType: DAG,
      newCount: 5,
      newAmount: 7300,
      paidBeforeRykker: 1300,
      paidAfterRykker: 3000,
      inAgreement: 0,
      sentToInddrivelse: 2000,
      writtenOff: 500,
      open: 500,
      medianDaysToPayment: 18,
      medianDaysToTransfer: 64,
      counts: stages(1, 1, 0, 1, 1, 1),
      shareSolvedWithoutInddrivelse: 0.589,
    });
    expect(json.skipped).toEqual({ count: 1, amount: -150 });
    expect({ from: json.from, to: json.to, asOf: json.asOf }).toEqual({ from: '2026-01', to: '2026-02', asOf: '2026-06-30' });
  });
});

describe('the funnel’s rules one at a time', () => {
  it('without a date, postings count up to the ledger’s last posting date: H’s payment of 05-07 counts', () => {
    const f = run(LEDGER, { from: '2026-01-01', to: '2026-02-28' });
    expect(f.asOf).toBe('2026-07-05');
    // H 600 paid 05-07, no rykker: before rykker; 20-02 → 05-07 is 8 + 31 + 30 + 31 + 30 + 5 = 135 days;
    // February ejendomsskat: before 1.200 + 600 = 1.800, open only M 400; paid days 28 and 135 → 81,5
    const feb = f.months.find((m) => m.claimType === EJD && m.month === '2026-02')!;
    expect({ amounts: feb.amounts, counts: feb.counts, medianDaysToPayment: feb.medianDaysToPayment }).toEqual({
      amounts: stages(kr(1800), kr(700), 0, kr(4300), 0, kr(400)),
      counts: stages(2, 0, 0, 1, 0, 1),
      medianDaysToPayment: 81.5,
    });
  });

  it('a claim in a running betalingsaftale has its open principal in agreement, not open', async () => {
    const of = await commands.funnelOfRows({ ...PERIOD, places: { from: 'fra', to: 'til', asOf: 'dato' }, inAgreement: new Set([funnelClaimKey('D3', 'E')]) }, defaultRules);
    const jan = of(LEDGER).months.find((m) => m.claimType === DAG && m.month === '2026-01')!;
    // E: 300 paid before rykker, 500 left: in agreement now
    expect(jan.amounts).toEqual(stages(kr(1300), kr(3000), kr(500), kr(2000), kr(500), 0));
    expect(jan.counts).toEqual(stages(1, 1, 1, 1, 1, 0));
  });

  const claim = (...postings: string[][]) => [HEADER, ...postings.map((p) => ['D1', 'X', DAG, ...p])];
  const only = (rows: string[][]) => {
    const f = run(rows, { from: '2026-01-01', to: '2026-12-31' });
    return f.months.find((m) => m.newCount > 0)!;
  };

  it('a gebyr reversed after a payment covered it frees that money for the principal', () => {
    // 1.000 + gebyr 250 (10-02); 1.000 paid 20-02 → 250 gebyr, 750 principal after rykker;
    // the gebyr reversed 01-03: nothing of it is outstanding, so its 250 go to the principal as a
    // payment that day (after rykker) → paid after rykker 1.000, nothing open; the balance is 0.
    const m = only(claim(['01-01-2026', '01-02-2026', 'krav', '1.000,00'], ['10-02-2026', '', 'gebyr', '250,00'], ['20-02-2026', '', 'betaling', '-1.000,00'], ['01-03-2026', '', 'gebyr', '-250,00']));
    expect(m.amounts).toEqual(stages(0, kr(1000), 0, 0, 0, 0));
    // cleared by the reversal on 01-03: 28 days after 01-02
    expect(m.medianDaysToPayment).toBe(28);
  });

  it('a tilbagebetaling uses up the overpayment and never reopens the principal', () => {
    // 500 paid with 600 (100 over, a credit); 100 paid back: the credit is used; then 50 more paid
    // back (beyond any credit) is owed like a fee: the principal stays paid before rykker 500.
    const m = only(
      claim(['01-01-2026', '01-02-2026', 'krav', '500,00'], ['05-02-2026', '', 'betaling', '-600,00'], ['10-02-2026', '', 'tilbagebetaling', '100,00'], ['11-02-2026', '', 'tilbagebetaling', '50,00']),
    );
    expect(m.amounts).toEqual(stages(kr(500), 0, 0, 0, 0, 0));
  });

  it('a write-off of the gebyr alone leaves the principal where it was (gebyr before principal)', () => {
    // 1.000 + gebyr 250; the gebyr written off: 250 of fees covered, none of the principal → open 1.000
    const m = only(claim(['01-01-2026', '01-02-2026', 'krav', '1.000,00'], ['10-02-2026', '', 'gebyr', '250,00'], ['20-02-2026', '', 'afskrivning', '-250,00']));
    expect(m.amounts).toEqual(stages(0, 0, 0, 0, 0, kr(1000)));
  });

  it('postings of a day come in row order, whatever the file’s order; a claim’s forfald is its krav’s due date', () => {
    // The payment is written first in the file but dated after the gebyr: after rykker.
    const m = only(claim(['20-02-2026', '', 'betaling', '-1.250,00'], ['10-02-2026', '', 'gebyr', '250,00'], ['01-01-2026', '01-02-2026', 'krav', '1.000,00']));
    expect({ month: m.month, amounts: m.amounts }).toEqual({ month: '2026-02', amounts: stages(0, kr(1000), 0, 0, 0, 0) });
  });

  it('a claim with many postings, written newest first, is followed in date order', () => {
    // 1.000 due 01-01-2026, gebyr 100 booked 31-12-2025 (so every payment is after rykker), then
    // 40 payments of 30 kr. on 02-01 … 10-02, written in the file newest first. The first 100 kr.
    // cover the gebyr; the principal needs 1.100 kr. in all: the 37th payment (1.110 kr.), on
    // 07-02 (01-01 + 37 days), covers its last krone; the 3 after it are a credit of 90 kr.
    const payments = Array.from({ length: 40 }, (_, k) => {
      const d = new Date(Date.UTC(2026, 0, 2 + k));
      const dmy = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-2026`;
      return [dmy, '', 'betaling', '-30,00'];
    }).reverse();
    const m = only(claim(...payments, ['31-12-2025', '', 'gebyr', '100,00'], ['01-12-2025', '01-01-2026', 'krav', '1.000,00']));
    expect({ amounts: m.amounts, medianDaysToPayment: m.medianDaysToPayment }).toEqual({ amounts: stages(0, kr(1000), 0, 0, 0, 0), medianDaysToPayment: 37 });
  });

  it('medians: the middle day, the mean of the middle two, none', () => {
    expect([medianDays([5, 1, 3]), medianDays([4, 1, 3, 10]), medianDays([])]).toEqual([3, 3.5, null]);
  });

  it('one builder equals two merged (the CLI’s two threads): the same funnel', () => {
    const options = { fromMonth: 2026 * 12, toMonth: 2026 * 12 + 1, asOf: dayNumberOf(2026, 6, 30) };
    const one = funnelFromRows(LEDGER, options);
    // The rows dealt to two builders, every other one, as two threads take pieces of a file.
    const a = createFunnelBuilder(options);
    const b = createFunnelBuilder(options);
    feedRows(LEDGER, { add: (p) => (p.row % 2 === 0 ? a : b).add(p), addError: (e) => a.addError(e) });
    a.merge(b.part());
    expect(a.finish()).toEqual(one);
  });
});

describe('the funnel’s errors, in Danish', () => {
  const places = { from: 'fra', to: 'til', asOf: 'dato' };
  it('a period that ends before it begins', async () => {
    await expect(commands.funnelOfRows({ from: '2026-03-01', to: '2026-01-31', places }, defaultRules)).rejects.toThrow(
      'fra: perioden begynder 01-03-2026, efter at den slutter 31-01-2026. Byt om på datoerne.',
    );
  });
  it('a missing date names its field', async () => {
    expect(await saldoMessageOf(commands.funnel({ to: '2026-01-31', ledger: [] } as never, defaultRules))).toMatch(/^from mangler: angiv den første dag i perioden/);
  });
  it('a ledger without due dates cannot be put into months of forfald', () => {
    const rows = [
      ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
      ['D1', 'F1', '01-02-2026', 'krav', '100'],
    ];
    expect(() => run(rows)).toThrow(/^Posteringslisten har ingen forfaldsdatoer \(kolonnen Forfaldsdato mangler eller er tom\)/);
  });
  it('more than 600 months is a typing error', async () => {
    await expect(commands.funnelOfRows({ from: '1990-01-01', to: '2040-12-31', places }, defaultRules)).rejects.toThrow(
      'til: perioden 01-01-1990 – 31-12-2040 er på 612 måneder; tragten viser højst 600 (50 år).',
    );
  });
  it('a second CPR number under one debtor number is refused row by row, as in the statement', () => {
    const rows = [
      ['Debitor', 'CPR', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
      ['D1', '010190-1234', 'F1', DAG, '01-01-2026', '01-01-2026', 'krav', '100'],
      ['D1', '020290-1234', 'F2', DAG, '01-01-2026', '01-01-2026', 'krav', '200'],
    ];
    const f = run(rows);
    // F1 (100) counts; F2's row (row 3) is refused, naming both rows
    expect(f.totals.newAmount).toBe(kr(100));
    expect(f.errors).toEqual([{ row: 3, message: expect.stringMatching(/^Debitor "D1" har CPR\/CVR "010190-xxxx" i række 2, men et andet nummer, "020290-xxxx", i række 3/) }]);
    expect(f.rows).toBe(1);
  });
});

// The stage names the JSON uses are the contract's (SPEC): never renamed.
describe('the contract', () => {
  it('has the six stages of SPEC in the funnel’s order', () => {
    expect(FUNNEL_STAGES).toEqual(['paidBeforeRykker', 'paidAfterRykker', 'inAgreement', 'sentToInddrivelse', 'writtenOff', 'open']);
  });
});
