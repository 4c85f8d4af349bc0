/**
 * The forældelse radar (issue 20): a hand-made ledger, each claim worked by hand. As-of is
 * Tuesday 16-06-2026 and the window 90 days, so its last day is Monday 14-09-2026. Weekdays and
 * day counts were worked out by hand and checked against a calendar; the bank holidays of 2026 and
 * 2031 are Nationalbanken's (research/law-review-2026-12.md); none falls on the days used here.
 * A period's limitationDate is its last day (forældelsesloven § 27): a step on that day is in time.
 * The ledger has a Sagsbehandler column (issue 20): Kim Lund and Lis Berg, and claim I names none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, fromDayNumber } from '../../../core/calendar/date.js';
import { commands, toJson } from '../../../core/commands/index.js';
import { objectsToRows } from '../../../core/ledger/ledgerJson.js';
import { interruptRoute, limitationRadarOfRows, parseWindowDays, type LimitationRadar } from '../../../core/portfolio/limitationRadar.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { isSaldoError } from '../../../core/errors.js';

const AS_OF = dayNumberOf(2026, 6, 16);

interface Row {
  debtorId?: string;
  claimId: string;
  claimType?: string;
  postingDate: string;
  dueDate?: string;
  kind: string;
  amount: number;
  judgmentDate?: string;
  caseworker?: string;
}
const KIM = 'Kim Lund';
const LIS = 'Lis Berg';
const row = (r: Row) => ({ debtorId: r.debtorId ?? 'D1', debtorName: 'Anne Hansen', claimType: 'daginstitution', dueDate: r.postingDate, caseworker: '', ...r });

/** The ledger, claim by claim: what each one is for is in its comment. */
const LEDGER = [
  // A: due Mon 03-07-2023, 3 years → Fri 03-07-2026: 17 days left.
  row({ claimId: 'A', postingDate: '2023-07-03', kind: 'krav', amount: 1000, caseworker: KIM }),
  // B: due Thu 14-09-2023 → Mon 14-09-2026 = as-of + 90: exactly the window's last day, listed.
  row({ claimId: 'B', postingDate: '2023-09-14', kind: 'krav', amount: 1100, caseworker: LIS }),
  // C: due Fri 15-09-2023 → Tue 15-09-2026 = as-of + 91: just outside.
  row({ claimId: 'C', postingDate: '2023-09-15', kind: 'krav', amount: 1200, caseworker: LIS }),
  // D: due Thu 15-06-2023 → Mon 15-06-2026, the day before as-of: forældet 1 day ago.
  row({ claimId: 'D', postingDate: '2023-06-15', kind: 'krav', amount: 1300, caseworker: KIM }),
  // E: due Fri 16-06-2023 → Tue 16-06-2026 = as-of: the last day is today, 0 days left.
  row({ claimId: 'E', postingDate: '2023-06-16', kind: 'krav', amount: 1400, caseworker: KIM }),
  // F: paid off in 2023: closed, not listed anywhere.
  row({ claimId: 'F', postingDate: '2023-07-01', kind: 'krav', amount: 1000, caseworker: KIM }),
  row({ claimId: 'F', postingDate: '2023-08-01', dueDate: '2023-07-01', kind: 'betaling', amount: -1000 }),
  // G: due 10-07-2023 (→ 10-07-2026, inside the window) but a betaling on Mon 05-02-2024 starts a
  // new period (§§ 15, 19 stk. 2): → Fri 05-02-2027, 234 days left: outside 90 days. Handed over
  // to Lis Berg on the betaling's row: Kim Lund's row is the lower, so the claim stays his.
  row({ claimId: 'G', postingDate: '2023-07-10', kind: 'krav', amount: 2000, caseworker: KIM }),
  row({ claimId: 'G', postingDate: '2024-02-05', dueDate: '2023-07-10', kind: 'betaling', amount: -500, caseworker: LIS }),
  // H: a civil-law claim due 01-03-2015 (3 years: forældet in 2018) with a dom Mon 05-09-2016:
  // 10 years from the dom (§§ 5 stk. 1 nr. 3, 19 stk. 3) → Sat 05-09-2026 → Mon 07-09-2026, 83 days.
  row({ claimId: 'H', claimType: 'andet', postingDate: '2015-03-01', kind: 'krav', amount: 5000, judgmentDate: '2016-09-05', caseworker: KIM }),
  // I: due Tue 01-08-2023 → Sat 01-08-2026 → Mon 03-08-2026 (§ 27 stk. 2): 48 days. No caseworker.
  row({ claimId: 'I', postingDate: '2023-08-01', kind: 'krav', amount: 1600 }),
  // J: a civil-law claim without a dom, due Thu 10-08-2023 → Mon 10-08-2026: 55 days.
  row({ claimId: 'J', claimType: 'andet', postingDate: '2023-08-10', kind: 'krav', amount: 1700, caseworker: KIM }),
  // K: a tilbagebetalingskrav (kontanthjælp), due Sun 20-08-2023 → Thu 20-08-2026: 65 days.
  row({ claimId: 'K', claimType: 'kontanthjælp', postingDate: '2023-08-20', kind: 'krav', amount: 1800, caseworker: LIS }),
  // L: a dom Mon 01-03-2021 (principal → Sat 01-03-2031 → Mon 03-03-2031) and a rente due
  // Sat 15-07-2023 after it: 3 years (§ 5 stk. 2) → Wed 15-07-2026, 29 days, renter og gebyrer only.
  // Its first row names no caseworker, its second Lis Berg: the claim is hers.
  row({ claimId: 'L', claimType: 'andet', postingDate: '2020-01-02', kind: 'krav', amount: 3000, judgmentDate: '2021-03-01' }),
  row({ claimId: 'L', claimType: 'andet', postingDate: '2023-07-15', kind: 'rente', amount: 200, judgmentDate: '2021-03-01', caseworker: LIS }),
  // M: due Thu 20-07-2023 → Mon 20-07-2026, 34 days; its betaling on 01-07-2026 is after as-of and
  // neither lowers the balance on as-of nor interrupts.
  row({ claimId: 'M', postingDate: '2023-07-20', kind: 'krav', amount: 1900, caseworker: LIS }),
  row({ claimId: 'M', postingDate: '2026-07-01', dueDate: '2023-07-20', kind: 'betaling', amount: -100 }),
];

const radar = (days = 90, ledger: unknown[] = LEDGER): LimitationRadar => limitationRadarOfRows(objectsToRows(ledger), AS_OF, days, defaultRules);
const byId = (r: LimitationRadar) => Object.fromEntries(r.claims.map((c) => [c.claimId, c]));

describe('the forældelse radar on a hand-made ledger (as-of 16-06-2026, 90 days)', () => {
  const r = radar();
  it('lists the claims whose period ends in the window, by days left', () => {
    expect(r.errors).toEqual([]);
    expect(r.windowEnd).toBe('2026-09-14');
    expect(r.claims.map((c) => [c.claimId, c.daysLeft, c.limitationDate])).toEqual([
      ['E', 0, '2026-06-16'],
      ['A', 17, '2026-07-03'],
      ['L', 29, '2026-07-15'],
      ['M', 34, '2026-07-20'],
      ['I', 48, '2026-08-03'],
      ['J', 55, '2026-08-10'],
      ['K', 65, '2026-08-20'],
      ['H', 83, '2026-09-07'],
      ['B', 90, '2026-09-14'],
    ]);
  });
  it('leaves out the claim one day past the window, the paid one and the one a betaling restarted', () => {
    const ids = r.claims.map((c) => c.claimId);
    expect(ids).not.toContain('C');
    expect(ids).not.toContain('F');
    expect(ids).not.toContain('G');
    // 12 open claims: A–E and G–M (F is paid).
    expect(r.openClaims).toBe(12);
  });
  it('a betaling starts a new period from its day (forældelsesloven §§ 15, 19 stk. 2)', () => {
    const G = byId(radar(365)).G!;
    expect(G).toMatchObject({ limitationDate: '2027-02-05', daysLeft: 234, open: 150_000 });
    expect(G.limitationReason).toContain('sidste betaling 05-02-2024');
  });
  it('a betaling after as-of neither lowers the balance nor interrupts', () => {
    expect(byId(r).M).toMatchObject({ open: 190_000, limitationDate: '2026-07-20' });
  });
  it('a dom gives 10 years from its date, moved off a Saturday (§§ 5, 19 stk. 3, 27 stk. 2)', () => {
    const H = byId(r).H!;
    expect(H).toMatchObject({ part: 'fordring', open: 500_000, route: 'oversendelse' });
    expect(H.limitationReason).toContain('dom/forlig 05-09-2016');
    expect(H.limitationReason).toContain('05-09-2026, en lørdag, og løber til mandag 07-09-2026');
  });
  it('a period ending on a Saturday runs to Monday', () => {
    expect(byId(r).I!.limitationReason).toContain('01-08-2026, en lørdag, og løber til mandag 03-08-2026 (§ 27 stk. 2)');
  });
  it('renter after a dom that run out first are listed as such, with the whole open balance', () => {
    expect(byId(r).L).toMatchObject({ part: 'renterOgGebyrer', open: 320_000, limitationDate: '2026-07-15' });
  });
  it('the forældede are apart, with how many and how much', () => {
    expect(r.alreadyBarred.claims.map((c) => [c.claimId, c.daysSince, c.limitationDate, c.part])).toEqual([['D', 1, '2026-06-15', 'fordring']]);
    expect(r.alreadyBarred.totals.all).toEqual({ claims: 1, open: 130_000 });
  });
  it('totals by claim type, summed by hand', () => {
    // daginstitution E, A, M, I, B: 1.400 + 1.000 + 1.900 + 1.600 + 1.100 = 7.000 kr.
    // andet L, J, H: 3.200 + 1.700 + 5.000 = 9.900 kr.; kontanthjælp K: 1.800 kr.
    expect(r.totals.byClaimType).toEqual([
      { claimType: 'andet', claims: 3, open: 990_000 },
      { claimType: 'daginstitution', claims: 5, open: 700_000 },
      { claimType: 'kontanthjælp', claims: 1, open: 180_000 },
    ]);
    expect(r.totals.all).toEqual({ claims: 9, open: 1_870_000 });
  });
  it('each claim has its caseworker: the one on its lowest row that names one', () => {
    const c = byId(r);
    expect(Object.fromEntries(r.claims.map((x) => [x.claimId, x.caseworker]))).toEqual({ E: KIM, A: KIM, L: LIS, M: LIS, I: '', J: KIM, K: LIS, H: KIM, B: LIS });
    expect(c.L!.caseworker).toBe(LIS);
    expect(byId(radar(365)).G!.caseworker).toBe(KIM);
    expect(r.alreadyBarred.claims[0]!.caseworker).toBe(KIM);
  });
  it('totals by caseworker, summed by hand', () => {
    // Kim Lund E, A, J, H: 1.400 + 1.000 + 1.700 + 5.000 = 9.100 kr.
    // Lis Berg L, M, K, B: 3.200 + 1.900 + 1.800 + 1.100 = 8.000 kr.; none: I 1.600 kr.
    // 9.100 + 8.000 + 1.600 = 18.700 kr., the window's total.
    expect(r.totals.byCaseworker).toEqual([
      { caseworker: '', claims: 1, open: 160_000 },
      { caseworker: KIM, claims: 4, open: 910_000 },
      { caseworker: LIS, claims: 4, open: 800_000 },
    ]);
    // Forældet: D, Kim Lund's, 1.300 kr.
    expect(r.alreadyBarred.totals.byCaseworker).toEqual([{ caseworker: KIM, claims: 1, open: 130_000 }]);
  });
  it('a ledger without a Sagsbehandler column: every claim has "", one total', () => {
    const without = radar(
      90,
      LEDGER.map(({ caseworker: _, ...rest }) => rest),
    );
    expect(without.claims.every((c) => c.caseworker === '')).toBe(true);
    expect(without.totals.byCaseworker).toEqual([{ caseworker: '', claims: 9, open: 1_870_000 }]);
  });
});

describe('the step follows the claim type’s rule', () => {
  const c = byId(radar());
  it('a claim with udpantningsret: oversendelse to Gældsstyrelsen in good time, or the debtor’s acknowledgement', () => {
    expect(c.A).toMatchObject({ route: 'oversendelse' });
    expect(c.A!.step).toBe(
      'Send fordringen til inddrivelse hos Gældsstyrelsen i god tid før 03-07-2026 (efter rykkerprocedure og skriftlig underretning), så forældelsen kan afbrydes dér – eller få skyldneren til at betale eller skriftligt anerkende gælden senest 03-07-2026.',
    );
  });
  it('a civil-law claim without a dom: betalingspåkrav or stævning (forældelsesloven § 16)', () => {
    expect(c.J).toMatchObject({ route: 'retsskridt' });
    expect(c.J!.step).toMatch(/^Indgiv betalingspåkrav eller stævning til retten senest 10-08-2026/);
  });
  it('a civil-law claim with a dom has its fundament: oversendelse', () => {
    expect(c.H!.route).toBe('oversendelse');
    expect(c.L!.route).toBe('oversendelse');
  });
  it('a tilbagebetalingskrav (betalingsordning only, politik): the debtor’s payment or acknowledgement', () => {
    expect(c.K).toMatchObject({ route: 'erkendelse' });
    expect(c.K!.step).toMatch(/^Få skyldneren til at betale eller skriftligt anerkende gælden senest 20-08-2026/);
  });
  it('a claim type the rules do not know follows the standard procedure', () => {
    expect(interruptRoute('parkeringsafgift', false, defaultRules)).toBe('oversendelse');
  });
});

describe('the window', () => {
  it('--days must be a positive whole number', () => {
    expect(parseWindowDays(undefined, '--days')).toBe(180);
    expect(parseWindowDays(' 90 ', '--days')).toBe(90);
    for (const bad of ['0', '-5', '1,5', '90 dage', '', 0, 1.5, 36_526, null, true]) {
      try {
        parseWindowDays(bad, '--days');
        expect.fail(`accepted ${String(bad)}`);
      } catch (e) {
        expect(isSaldoError(e)).toBe(true);
        expect((e as Error).message).toMatch(/^--days: angiv antal dage som et positivt helt tal, f\.eks\. 180/);
      }
    }
  });
  it('the JSON command gives the contract’s kroner and dates', async () => {
    const out = await toJson.limitation(await commands.limitation({ asOf: '2026-06-16', days: 90, ledger: LEDGER }, defaultRules));
    expect(out.claims[0]).toMatchObject({ claimId: 'E', open: 1400, daysLeft: 0, limitationDate: '2026-06-16' });
    expect(out.totals.all).toEqual({ claims: 9, open: 18700 });
    expect(out.claims.find((c) => c.claimId === 'L')).toMatchObject({ caseworker: 'Lis Berg' });
    expect(out.totals.byCaseworker).toEqual([
      { caseworker: '', claims: 1, open: 1600 },
      { caseworker: 'Kim Lund', claims: 4, open: 9100 },
      { caseworker: 'Lis Berg', claims: 4, open: 8000 },
    ]);
    expect(out.alreadyBarred.totals.all).toEqual({ claims: 1, open: 1300 });
    expect(out.alreadyBarred.claims[0]).toMatchObject({ claimId: 'D', caseworker: 'Kim Lund' });
    expect(out.alreadyBarred.totals.byCaseworker).toEqual([{ caseworker: 'Kim Lund', claims: 1, open: 1300 }]);
    await expect(commands.limitation({ ledger: LEDGER } as never, defaultRules)).rejects.toThrow(/asOf mangler/);
  });
});

describe('the radar over random ledgers', () => {
  const claimArb = fc.record({
    debtor: fc.integer({ min: 1, max: 5 }),
    type: fc.constantFrom('daginstitution', 'andet', 'kontanthjælp', 'ejendomsskat', 'ukendt'),
    due: fc.integer({ min: 0, max: 365 * 14 }),
    amount: fc.integer({ min: 1, max: 1_000_000 }),
    payments: fc.array(fc.record({ after: fc.integer({ min: 0, max: 365 * 6 }), amount: fc.integer({ min: 1, max: 600_000 }) }), { maxLength: 3 }),
    judgment: fc.option(fc.integer({ min: 0, max: 365 * 3 }), { freq: 4 }),
    // The krav's row and each payment's may name a caseworker, or not.
    caseworker: fc.constantFrom('', 'Kim', 'Lis', 'Ole'),
    paymentCaseworkers: fc.array(fc.constantFrom('', 'Kim', 'Lis'), { minLength: 3, maxLength: 3 }),
  });
  const START = dayNumberOf(2014, 1, 1);
  const ledgerOf = (claims: ReadonlyArray<typeof claimArb extends fc.Arbitrary<infer T> ? T : never>) =>
    claims.flatMap((c, i) => {
      const due = fromDayNumber(START + c.due);
      const judgment = c.judgment === null ? undefined : fromDayNumber(START + c.due + c.judgment);
      return [
        row({ debtorId: `D${c.debtor}`, claimId: `F${i}`, claimType: c.type, postingDate: due, kind: 'krav', amount: c.amount / 100, judgmentDate: judgment, caseworker: c.caseworker }),
        ...c.payments.map((p, k) =>
          row({
            debtorId: `D${c.debtor}`,
            claimId: `F${i}`,
            claimType: c.type,
            postingDate: fromDayNumber(START + c.due + p.after),
            dueDate: due,
            kind: 'betaling',
            amount: -p.amount / 100,
            caseworker: c.paymentCaseworkers[k]!,
          }),
        ),
      ];
    });
  it('totals equal the sums of the listed claims; days left lie in the window and are sorted; a longer window only adds', () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), (claims, d1, d2) => {
        const ledger = ledgerOf(claims);
        const [short, long] = [Math.min(d1, d2), Math.max(d1, d2)];
        const r = radar(short, ledger);
        for (const list of [r.claims, r.alreadyBarred.claims] as const) {
          const totals = list === r.claims ? r.totals : r.alreadyBarred.totals;
          expect(totals.all.claims).toBe(list.length);
          expect(totals.all.open).toBe(list.reduce((s, c) => s + c.open, 0));
          expect(totals.byClaimType.reduce((s, t) => s + t.open, 0)).toBe(totals.all.open);
          expect(totals.byClaimType.reduce((s, t) => s + t.claims, 0)).toBe(totals.all.claims);
          for (const t of totals.byClaimType) expect(t.open).toBe(list.filter((c) => c.claimType === t.claimType).reduce((s, c) => s + c.open, 0));
          // Per caseworker the same: the groups sum to the whole, each is its claims' sum, no group is empty.
          expect(totals.byCaseworker.reduce((s, t) => s + t.open, 0)).toBe(totals.all.open);
          expect(totals.byCaseworker.reduce((s, t) => s + t.claims, 0)).toBe(totals.all.claims);
          for (const t of totals.byCaseworker) {
            const mine = list.filter((c) => c.caseworker === t.caseworker);
            expect(t.claims).toBe(mine.length);
            expect(t.claims).toBeGreaterThan(0);
            expect(t.open).toBe(mine.reduce((s, c) => s + c.open, 0));
          }
          // Each claim's caseworker: its lowest row up to as-of that names one (rows after as-of are not read).
          for (const c of list) {
            const rows = ledger.filter((x) => x.debtorId === c.debtorId && x.claimId === c.claimId && x.postingDate <= fromDayNumber(AS_OF) && x.caseworker !== '');
            expect(c.caseworker).toBe(rows[0]?.caseworker ?? '');
          }
        }
        r.claims.forEach((c, i) => {
          expect(c.daysLeft).toBeGreaterThanOrEqual(0);
          expect(c.daysLeft).toBeLessThanOrEqual(short);
          expect(c.open).toBeGreaterThan(0);
          if (i > 0) expect(c.daysLeft).toBeGreaterThanOrEqual(r.claims[i - 1]!.daysLeft);
        });
        for (const b of r.alreadyBarred.claims) expect(b.daysSince).toBeGreaterThanOrEqual(1);
        const longer = new Set(radar(long, ledger).claims.map((c) => `${c.debtorId}/${c.claimId}`));
        for (const c of r.claims) expect(longer.has(`${c.debtorId}/${c.claimId}`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
