/**
 * The campaign follow-up (issue 20, "Campaign follow-up") on a hand-made call log and ledger in
 * which every outcome occurs, a debtor is called twice, a window is not over on the date, and a
 * stratum has no uncalled debtor. Every figure below is worked out by hand in its comment.
 *
 * The campaign starts on Monday 02-02-2026 (ISO week 6: 2026-01-01 is a Thursday, so week 1 is
 * 29-12-2025 – 04-01-2026). asOf is 20-05-2026. The uncalled debtors' windows run from the start:
 * 3 months to 02-05-2026 (over), 6 months to 02-08-2026 (not over).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, type CalendarDate } from '../../../core/calendar/date.js';
import { runOnJson } from '../../../core/commands/index.js';
import { feedRows } from '../../../core/ledger/ledgerJson.js';
import { readCallLog } from '../../../core/portfolio/callLog.js';
import { campaignOf, createCampaignLedger, isoWeekOf, stratifiedDifference, type CallFigures } from '../../../core/portfolio/campaign.js';
import { campaignFromRows, campaignToJson } from '../../../core/portfolio/campaignJson.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const CALLS = [
  ['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter', 'Aftalt beløb'],
  ['02-02-2026', 'Ane', 'D1', 'Aftale', '10', '1.200,00'], // row 2, W06
  ['03-02-2026', 'Ane', 'D2', 'Ingen kontakt', '1', ''], // row 3, W06: D2's first call
  ['10-02-2026', 'Ane', 'D2', 'Betalt', '5', ''], // row 4, W07: D2 again
  ['16-02-2026', 'Bo', 'D3', 'afvist', '3,5', ''], // row 5, W08
  ['20-02-2026', 'Bo', 'D4', 'INGEN KONTAKT', '', ''], // row 6, W08, no minutes
  ['16-03-2026', 'Bo', 'D5', 'aftale', '7', '500,00'], // row 7, W12: window to 16-06-2026, not over
  ['17-03-2026', 'Bo', 'D11', 'ringet tilbage', '2', ''], // row 8: unknown outcome
  ['18-03-2026', 'Bo', 'D9', 'afvist', '2', '100,00'], // row 9: kr. agreed in a refusal; D9 kept out of the uncalled
];

const LEDGER = [
  ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
  ['D1', 'F1', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '2.000,00'],
  ['D1', 'F1', 'daginstitution', '20-02-2026', '', 'betaling', '-800,00'],
  ['D1', 'F1', 'daginstitution', '10-05-2026', '', 'betaling', '-200,00'],
  ['D2', 'F2', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '1.500,00'],
  ['D2', 'F2', 'daginstitution', '10-02-2026', '', 'betaling', '-1.500,00'],
  ['D3', 'F3', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '3.000,00'],
  ['D3', 'F3', 'daginstitution', '01-04-2026', '', 'oversendt', '-3.000,00'],
  ['D4', 'F4', 'ejendomsskat', '01-01-2026', '01-01-2026', 'krav', '800,00'],
  ['D5', 'F5', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '1.200,00'],
  ['D5', 'F5', 'daginstitution', '01-04-2026', '', 'betaling', '-600,00'],
  ['D6', 'F6', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '2.500,00'],
  ['D6', 'F6', 'daginstitution', '15-03-2026', '', 'betaling', '-1.000,00'],
  ['D6', 'F6', 'daginstitution', '21-05-2026', '', 'betaling', '-500,00'], // after asOf: dropped
  ['D7', 'F7', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '1.100,00'],
  ['D8', 'F8', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '4.000,00'],
  ['D8', 'F8', 'daginstitution', '01-01-2026', '', 'betaling', '-4.000,00'], // nothing open at the start
  ['D9', 'F9', 'daginstitution', '01-11-2025', '01-11-2025', 'krav', '30.000,00'],
  ['D7', 'F7', 'daginstitution', '32-01-2026', '', 'betaling', '-1,00'], // row 19: not a date
];

const ASOF = '2026-05-20' as CalendarDate;
const c = campaignFromRows(CALLS, LEDGER, ASOF);

const pick = (f: CallFigures) => ({
  calls: f.calls,
  contacts: f.contacts,
  agreements: f.agreements,
  paidInCall: f.paidInCall,
  refused: f.refused,
  noContact: f.noContact,
  agreed: f.agreed,
  minuteHundredths: f.minuteHundredths,
  callsWithoutMinutes: f.callsWithoutMinutes,
  debtors: f.debtors,
});

describe('campaign follow-up: the work, per week and caseworker', () => {
  it('counts calls, contacts and outcomes; kr. agreed; minutes', () => {
    // Ane: rows 2–4 = aftale (10 min, 1.200 kr.), ingen kontakt (1), betalt (5): 3 calls, 2 contacts, 16 minutes.
    // Bo: rows 5–7 = afvist (3,5), ingen kontakt (blank), aftale (7, 500 kr.): 3 calls, 2 contacts, 10,5 minutes.
    // Rows 8 and 9 are errors. Debtors by first call: Ane D1, D2; Bo D3, D4, D5.
    expect(c.caseworkers.map((w) => [w.caseworker, pick(w)])).toEqual([
      ['Ane', { calls: 3, contacts: 2, agreements: 1, paidInCall: 1, refused: 0, noContact: 1, agreed: 120000, minuteHundredths: 1600, callsWithoutMinutes: 0, debtors: 2 }],
      ['Bo', { calls: 3, contacts: 2, agreements: 1, paidInCall: 0, refused: 1, noContact: 1, agreed: 50000, minuteHundredths: 1050, callsWithoutMinutes: 1, debtors: 3 }],
    ]);
    expect(pick(c.totals)).toEqual({ calls: 6, contacts: 4, agreements: 2, paidInCall: 1, refused: 1, noContact: 2, agreed: 170000, minuteHundredths: 2650, callsWithoutMinutes: 1, debtors: 5 });
    expect([c.start, c.end, c.asOf]).toEqual(['2026-02-02', '2026-03-16', '2026-05-20']);
  });

  it('puts each call in its ISO week, and a debtor called twice in the week of the first call', () => {
    // 02-02 and 03-02 are in W06 (Monday 02-02), 10-02 in W07, 16-02 and 20-02 in W08, 16-03 in W12.
    // D2's second call (W07) is a call there, but no debtor: D2's payment counts in W06.
    expect(c.weeks.map((w) => [w.week, w.weekStart, w.caseworker, w.calls, w.debtors, w.paid3.amount])).toEqual([
      ['2026-W06', '2026-02-02', 'Ane', 2, 2, 230000],
      ['2026-W07', '2026-02-09', 'Ane', 1, 0, 0],
      ['2026-W08', '2026-02-16', 'Bo', 2, 2, 0],
      ['2026-W12', '2026-03-16', 'Bo', 1, 1, 0],
    ]);
  });

  it('counts kr. paid within 3 months only where the window is over; the rest is "ikke afsluttet"', () => {
    // D1: 02-02 – 02-05: 800 (20-02); the 200 on 10-05 is after. D2 (first call 03-02): 03-02 – 03-05: 1.500.
    // D3: 16-02 – 16-05: nothing. D4: 20-02 – 20-05 (ends on asOf: over): nothing.
    // D5: 16-03 – 16-06 is not over on 20-05: left out (its 600 on 01-04 is not counted).
    expect(c.caseworkers.map((w) => [w.caseworker, w.paid3])).toEqual([
      ['Ane', { debtors: 2, notOver: 0, payers: 2, amount: 230000 }],
      ['Bo', { debtors: 2, notOver: 1, payers: 0, amount: 0 }],
    ]);
    expect(c.totals.paid3).toEqual({ debtors: 4, notOver: 1, payers: 2, amount: 230000 });
    // No 6-month window has ended by 20-05 (the first ends 02-08): all five are "ikke afsluttet".
    expect(c.totals.paid6).toEqual({ debtors: 0, notOver: 5, payers: 0, amount: 0 });
    // Each called debtor had one claim open at the call; none has a 6-month window over yet.
    expect(c.totals.kept).toEqual({ claims: 0, kept: 0, notOver: 5 });
  });

  it('lists the call log rows it could not use, and the ledger row it could not read', () => {
    expect(c.errors).toEqual([
      { row: 8, message: 'Udfaldet "ringet tilbage" kendes ikke: skriv aftale, betalt, ingen kontakt, afvist.' },
      { row: 9, message: 'Aftalt beløb "100,00" er udfyldt, men udfaldet er "afvist", ikke "aftale".' },
    ]);
    expect(c.ledgerErrors.map((e) => e.row)).toEqual([19]);
  });
});

describe('campaign follow-up: called against comparable uncalled debtors', () => {
  it('puts debtors open at the start in strata by claim type, open amount and age', () => {
    // At 02-02-2026: D1 2.000, D2 1.500, D3 3.000, D5 1.200 (called), D6 2.500, D7 1.100 (uncalled): all
    // daginstitution, 1.000–4.999 kr., due 01-11-2025 = 93 days before: 91–365 days.
    // D4 800 kr. ejendomsskat due 01-01-2026 (32 days): a stratum with no uncalled debtor.
    // D8 had nothing open; D9 (30.000 kr.) is in an unreadable call row, so kept out of the uncalled.
    expect(c.effect.strata.map((s) => [s.claimType, s.sizeBand, s.ageBand, s.called.debtors, s.uncalled.debtors, s.compared3])).toEqual([
      ['daginstitution', '1.000–4.999 kr.', '91–365 dage', 4, 2, true],
      ['ejendomsskat', 'under 1.000 kr.', '0–90 dage', 1, 0, false],
    ]);
    const s = c.effect.strata[0]!;
    // Called: D1 and D2 paid, D3 did not, D5 is not over. Uncalled: D6 paid 1.000 on 15-03 (within 02-02 – 02-05), D7 nothing.
    expect(s.called).toMatchObject({ debtors3: 3, notOver3: 1, payers3: 2, paid3: 230000 });
    expect(s.uncalled).toMatchObject({ debtors3: 2, notOver3: 0, payers3: 1, paid3: 100000 });
    expect(c.effect.uncalledUnsure).toBe(1);
    expect(c.effect.calledLeftOut).toEqual({ notInLedger: 0, notOpenAtStart: 0 });
  });

  it('gives the difference of shares paying within 3 months with its interval, and what was left out', () => {
    // One stratum compared: p1 = 2/3, p0 = 1/2, D = 1/6 = 0.16667.
    // SE = √(2/3·1/3/3 + 1/2·1/2/2) = √(0.074074 + 0.125) = √0.199074 = 0.446177.
    // 95 %: 0.16667 ∓ 1.959964 · 0.446177 = 0.16667 ∓ 0.874491 → −0.70782 … 1.04116.
    const p = c.effect.paying3;
    expect(p.calledShare).toBeCloseTo(2 / 3, 10);
    expect(p.uncalledShare).toBeCloseTo(0.5, 10);
    expect(p.difference).toBeCloseTo(1 / 6, 10);
    expect(p.standardError).toBeCloseTo(0.446177, 5);
    expect(p.low).toBeCloseTo(-0.70782, 4);
    expect(p.high).toBeCloseTo(1.04116, 4);
    expect([p.calledDebtors, p.uncalledDebtors, p.strata, p.calledLeftOut]).toEqual([3, 2, 1, 1]);
    expect(p.note).toBe('1 debitor er ringet op i grupper uden ikke-ringede og udeladt af forskellen. 1 debitor er ringet op, hvis 3-måneders-vindue ikke er afsluttet, er udeladt.');
    // Kr. per debtor: called 2.300/3 = 766,666… → 766,67 kr.; uncalled 1.000/2 = 500,00 kr.; difference 266,67 kr.
    // The effect in kr.: the 3 called paid 2.300; 3 uncalled at 500,00 each would have paid 1.500: 800,00 kr.
    expect(c.effect.paidPerDebtor3).toEqual({ called: 76667, uncalled: 50000, difference: 26667, debtors: 3, extra: 80000 });
  });

  it('claims no effect where the window from the start is not over: says so', () => {
    // No 6-month window has ended by 20-05-2026.
    const k = c.effect.kept6;
    expect([k.difference, k.low, k.high]).toEqual([null, null, null]);
    expect(k.note).toBe('6-måneders-vinduet fra kampagnens start er ikke afsluttet: ingen sammenligning endnu. 5 debitorer er ringet op, hvis 6-måneders-vindue ikke er afsluttet, er udeladt.');
  });

  it('claims no effect when no comparable debtor was left uncalled: says so', () => {
    // Only D1 in the ledger, and D1 was called.
    const alone = campaignFromRows(CALLS.slice(0, 2), LEDGER.slice(0, 4), ASOF);
    expect(alone.effect.paying3.difference).toBeNull();
    expect(alone.effect.paying3.note).toMatch(/^Der er ingen sammenlignelige debitorer, der ikke er ringet op: ingen effekt kan måles/);
  });

  it('counts transfers within 6 months against the uncalled once the window is over', () => {
    // On 20-09-2026 every 6-month window has ended (the last, D5's, on 16-09).
    // Called (daginstitution stratum): D1, D2, D5 kept; D3 sent 01-04 (within 16-02 – 16-08): 3 of 4.
    // Uncalled: D6 and D7 kept: 2 of 2. D = 3/4 − 1 = −0.25; SE = √(3/4·1/4/4 + 0) = 0.216506.
    const later = campaignFromRows(CALLS, LEDGER, '2026-09-20' as CalendarDate);
    const k = later.effect.kept6;
    expect(k.difference).toBeCloseTo(-0.25, 10);
    expect(k.standardError).toBeCloseTo(0.216506, 5);
    expect(later.totals.kept).toEqual({ claims: 5, kept: 4, notOver: 0 });
  });

  it('matches a debtor called by CPR number to the ledger rows that carry it', () => {
    const calls = [
      ['Dato', 'Sagsbehandler', 'CPR', 'Udfald'],
      ['02-02-2026', 'Ane', '0101701234', 'aftale'],
    ];
    const ledger = [
      ['Debitor', 'CPR', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
      ['D1', '010170-1234', 'F1', '01-11-2025', 'krav', '100,00'],
      ['D1', '010170-1234', 'F1', '01-03-2026', 'betaling', '-100,00'],
    ];
    const r = campaignFromRows(calls, ledger, ASOF);
    // 100 kr. paid on 01-03, within 02-02 – 02-05.
    expect([r.totals.notInLedger, r.totals.paid3.amount]).toEqual([0, 10000]);
  });
});

describe('the stratified difference and its 95 % interval', () => {
  it('weights each stratum by its called debtors and leaves out strata with no uncalled', () => {
    // s1: p1 = 6/10 = 0.6, p0 = 6/20 = 0.3; s2: p1 = 15/30 = 0.5, p0 = 5/10 = 0.5; s3: no uncalled (5 called left out).
    // W = 40; D = (10·0.3 + 30·0)/40 = 0.075.
    // Var = (10/40)²·(0.6·0.4/10 + 0.3·0.7/20) + (30/40)²·(0.25/30 + 0.25/10)
    //     = 0.0625·0.0345 + 0.5625·0.0333333 = 0.00215625 + 0.01875 = 0.02090625; SE = 0.1445899.
    // 95 %: 0.075 ∓ 1.959964·0.1445899 = 0.075 ∓ 0.2833910 → −0.208391 … 0.358391.
    // Shares: called (6 + 15)/40 = 0.525; uncalled weighted (10·0.3 + 30·0.5)/40 = 0.45.
    const r = stratifiedDifference([
      { n1: 10, x1: 6, n0: 20, x0: 6 },
      { n1: 30, x1: 15, n0: 10, x0: 5 },
      { n1: 5, x1: 5, n0: 0, x0: 0 },
    ]);
    expect(r.difference).toBeCloseTo(0.075, 12);
    expect(r.standardError).toBeCloseTo(0.1445899, 6);
    expect(r.low).toBeCloseTo(-0.208391, 5);
    expect(r.high).toBeCloseTo(0.358391, 5);
    expect(r.calledShare).toBeCloseTo(0.525, 12);
    expect(r.uncalledShare).toBeCloseTo(0.45, 12);
    expect([r.strata, r.called, r.calledLeftOut, r.uncalled]).toEqual([2, 40, 5, 30]);
  });

  it('gives no difference when no stratum has both groups', () => {
    expect(stratifiedDifference([{ n1: 4, x1: 1, n0: 0, x0: 0 }])).toMatchObject({ difference: null, low: null, high: null, calledLeftOut: 4 });
  });
});

describe('ISO weeks', () => {
  it('a week belongs to the year of its Thursday', () => {
    // 01-01-2027 is a Friday: its Thursday is 31-12-2026, in 2026's week 53 (2026 starts on a Thursday).
    expect(isoWeekOf(dayNumberOf(2027, 1, 1)).week).toBe('2026-W53');
    // 29-12-2025 is the Monday of 2026's week 1 (its Thursday is 01-01-2026).
    expect(isoWeekOf(dayNumberOf(2025, 12, 29)).week).toBe('2026-W01');
  });
});

describe('campaign on JSON through the command map', () => {
  it('is loaded on first use and gives the contract JSON in kroner', async () => {
    const out = await runOnJson(
      'campaign',
      {
        asOf: '2026-05-20',
        calls: [{ date: '2026-02-02', caseworker: 'Ane', debtorId: 'D1', outcome: 'aftale', minutes: 10, agreedAmount: 1200 }],
        ledger: [
          { debtorId: 'D1', claimId: 'F1', postingDate: '2025-11-01', kind: 'krav', amount: 2000 },
          { debtorId: 'D1', claimId: 'F1', postingDate: '2026-02-20', kind: 'betaling', amount: -800 },
        ],
      },
      defaultRules,
    );
    const json = campaignToJson(out);
    // 10 minutes = 0,17 hours; 800 kr. paid within 02-02 – 02-05.
    expect(json.totals).toMatchObject({ calls: 1, agreedAmount: 1200, hours: 0.17, paid3Months: { amount: 800, debtors: 1, payers: 1, notOver: 0 } });
  });
});

describe('campaign follow-up: properties', () => {
  const call = fc.record({
    day: fc.integer({ min: 0, max: 120 }),
    worker: fc.constantFrom('Ane', 'Bo', 'Cia'),
    debtor: fc.integer({ min: 1, max: 8 }),
    outcome: fc.constantFrom('aftale', 'betalt', 'ingen kontakt', 'Afvist', 'ringet op'),
    minutes: fc.integer({ min: 0, max: 3000 }),
    agreed: fc.option(fc.integer({ min: 1, max: 500_000 })),
  });
  const posting = fc.record({
    debtor: fc.integer({ min: 1, max: 10 }),
    claim: fc.integer({ min: 1, max: 2 }),
    day: fc.integer({ min: -200, max: 400 }),
    kind: fc.constantFrom('krav', 'krav', 'betaling', 'oversendt', 'gebyr'),
    ore: fc.integer({ min: 1, max: 500_000 }),
    type: fc.constantFrom('daginstitution', 'ejendomsskat'),
  });
  const base = dayNumberOf(2026, 1, 1);
  const date = (d: number) => {
    const t = new Date(Date.UTC(2026, 0, 1 + d));
    return `${String(t.getUTCDate()).padStart(2, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${t.getUTCFullYear()}`;
  };
  const sums = (rows: readonly CallFigures[]) => ({
    calls: rows.reduce((s, r) => s + r.calls, 0),
    contacts: rows.reduce((s, r) => s + r.contacts, 0),
    agreements: rows.reduce((s, r) => s + r.agreements, 0),
    agreed: rows.reduce((s, r) => s + r.agreed, 0),
    minutes: rows.reduce((s, r) => s + r.minuteHundredths, 0),
    debtors: rows.reduce((s, r) => s + r.debtors, 0),
    paid3: rows.reduce((s, r) => s + r.paid3.amount, 0),
    paid6: rows.reduce((s, r) => s + r.paid6.amount, 0),
    kept: rows.reduce((s, r) => s + r.kept.kept, 0),
  });

  it('weeks add up to the caseworkers, which add up to the totals; calls counted = the valid rows on or before asOf', () => {
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 30 }), fc.array(posting, { maxLength: 40 }), fc.integer({ min: 60, max: 400 }), (calls, postings, asOfOffset) => {
        const rows: unknown[][] = [['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter', 'Aftalt beløb']];
        let valid = 0;
        for (const k of calls) {
          // kr. agreed only with an agreement, else the row is an error (as is "ringet op").
          const agreed = k.agreed !== null && k.outcome === 'aftale' ? (k.agreed / 100).toFixed(2).replace('.', ',') : '';
          rows.push([date(k.day), k.worker, `D${k.debtor}`, k.outcome, (k.minutes / 100).toFixed(2).replace('.', ','), agreed]);
          if (k.outcome !== 'ringet op' && k.day <= asOfOffset) valid += 1;
        }
        const ledgerRows: unknown[][] = [['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Art', 'Beløb']];
        for (const p of postings) {
          const signed = p.kind === 'betaling' || p.kind === 'oversendt' ? -p.ore : p.ore;
          ledgerRows.push([`D${p.debtor}`, `F${p.claim}`, p.type, date(p.day), p.kind, (signed / 100).toFixed(2).replace('.', ',')]);
        }
        const log = readCallLog(rows);
        const ledger = createCampaignLedger(base + asOfOffset);
        feedRows(ledgerRows, ledger);
        if (valid === 0) return;
        const r = campaignOf(log, ledger, base + asOfOffset);
        expect(r.totals.calls).toBe(valid);
        expect(r.totals.calls + r.errors.length).toBe(calls.length);
        expect(sums(r.weeks)).toEqual(sums([r.totals]));
        expect(sums(r.caseworkers)).toEqual(sums([r.totals]));
        expect(r.totals.contacts + r.totals.noContact).toBe(r.totals.calls);
        // Each called debtor is counted once, at the first call.
        expect(r.totals.debtors).toBe(new Set(log.calls.filter((k) => k.day <= base + asOfOffset).map((k) => k.debtorId)).size);
      }),
      { numRuns: 200 },
    );
  });
});
