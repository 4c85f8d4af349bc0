/**
 * The work list from a register and a ledger (issue 20). A hand-made ledger where each state
 * occurs; every expected figure is worked out in the comments from the dates and amounts (the
 * calendar: 1 January 2026 is a Thursday and a helligdag, 1 February and 1 March are Sundays,
 * 15 March 2026 is a Sunday).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../core/commands/index.js';
import { readAgreementRegister } from '../../../core/portfolio/agreementRegister.js';
import { worklist } from '../../../core/portfolio/worklist.js';
import { readStepLog } from '../../../core/portfolio/stepLog.js';
import { worklistSheets } from '../../../core/report/worklistSheets.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import type { CalendarDate } from '../../../core/calendar/date.js';

const LEDGER_HEADER = ['Debitornr.', 'Navn', 'Fordring', 'Fordringsart', 'Bogf.dato', 'Forf.dato', 'Art', 'Beløb'];
const REGISTER_HEADER = ['Aftale', 'Debitor', 'Sag', 'Fordringer', 'Ydelse', 'Antal', 'Aftaledato', 'Første forfald', 'Frist', 'Sagsbehandler'];
const asOf = '2026-03-15' as CalendarDate;

const ledger = [
  LEDGER_HEADER,
  // D1 keeps it: 3.000 kr., 1.000 a month from 1 Feb; paid 1.000 on 2 Feb (1 Feb a Sunday) and on 2 Mar.
  ['D1', 'Anna', 'F1', 'daginstitution', '01-12-2025', '01-12-2025', 'Ny fordring', '3.000,00'],
  ['D1', 'Anna', 'F1', 'daginstitution', '02-02-2026', '', 'Indbetaling', '-1.000,00'],
  ['D1', 'Anna', 'F1', 'daginstitution', '02-03-2026', '', 'Indbetaling', '-1.000,00'],
  // D2 breaks it: 2.000 kr., 500 a month from 1 Jan (a helligdag: due Friday 2 Jan), paid only 2 Jan.
  // Due 2 Feb and 2 Mar (both Mondays) unpaid: arrears 1.000 kr.; breached from 3 Feb.
  ['D2', 'Bo', 'F2', 'daginstitution', '01-12-2025', '01-12-2025', 'krav', '2.000,00'],
  ['D2', 'Bo', 'F2', 'daginstitution', '02-01-2026', '', 'betaling', '-500,00'],
  // D3 as D2, and the rykker was sent on 10 Feb (its rykkergebyr of 250 kr. posted): the next step is medhæfternes rykker.
  ['D3', 'Cem', 'F3', 'daginstitution', '01-12-2025', '01-12-2025', 'krav', '2.000,00'],
  ['D3', 'Cem', 'F3', 'daginstitution', '02-01-2026', '', 'betaling', '-500,00'],
  ['D3', 'Cem', 'F3', 'daginstitution', '10-02-2026', '', 'gebyr', '250,00'],
  // D4: sent to inddrivelse on 1 March, after the agreement.
  ['D4', 'Dorte', 'F4', 'daginstitution', '01-12-2025', '01-12-2025', 'krav', '1.200,00'],
  ['D4', 'Dorte', 'F4', 'daginstitution', '01-03-2026', '', 'Oversendt til inddrivelse', '-1.200,00'],
  // D5: two claims, paid off in full (600 + 400 = 1.000 kr. in two rates of 500).
  ['D5', 'Erik', 'F5', 'ejendomsskat', '01-12-2025', '01-12-2025', 'krav', '600,00'],
  ['D5', 'Erik', 'F6', 'ejendomsskat', '01-12-2025', '01-12-2025', 'krav', '400,00'],
  ['D5', 'Erik', 'F5', 'ejendomsskat', '02-02-2026', '', 'betaling', '-600,00'],
  ['D5', 'Erik', 'F6', 'ejendomsskat', '02-03-2026', '', 'betaling', '-400,00'],
  // a debtor without an agreement, and a row that cannot be read
  ['D9', 'Fie', 'F9', 'daginstitution', '01-12-2025', '01-12-2025', 'krav', '100,00'],
  ['D9', 'Fie', 'F9', 'daginstitution', '31-02-2026', '', 'betaling', '-100,00'],
];

const register = [
  REGISTER_HEADER,
  ['A1', 'D1', 'S-1', 'F1', '1.000,00', '', '10-01-2026', '01-02-2026', '', 'Kim'],
  ['A2', 'D2', 'S-2', 'F2', '500,00', '', '15-12-2025', '01-01-2026', '', 'Kim'],
  ['A3', 'D3', 'S-3', 'F3', '500,00', '', '15-12-2025', '01-01-2026', '', 'Lis'],
  ['A4', 'D4', 'S-4', 'F4', '400,00', '', '15-12-2025', '01-01-2026', '', 'Lis'],
  ['A5', 'D5', 'S-5', 'F5; F6', '', '2', '15-01-2026', '01-02-2026', '', 'Kim'],
  // a claim the ledger does not have
  ['A6', 'D1', 'S-6', 'F7', '100,00', '', '', '01-02-2026', '', 'Kim'],
];

describe('the work list of a register against a ledger', () => {
  const { agreements, errors } = readAgreementRegister(register);
  const list = worklist(agreements, ledger, asOf, defaultRules);
  const byId = new Map(list.agreements.map((r) => [r.id, r]));

  it('reads the register with Danish headers and values', () => {
    expect(errors).toEqual([]);
    expect(agreements.map((a) => [a.id, a.debtorId, a.claimIds.join('+'), a.installment, a.count, a.startDate, a.firstDueDate])).toEqual([
      ['A1', 'D1', 'F1', 100_000, null, '2026-01-10', '2026-02-01'],
      ['A2', 'D2', 'F2', 50_000, null, '2025-12-15', '2026-01-01'],
      ['A3', 'D3', 'F3', 50_000, null, '2025-12-15', '2026-01-01'],
      ['A4', 'D4', 'F4', 40_000, null, '2025-12-15', '2026-01-01'],
      ['A5', 'D5', 'F5+F6', null, 2, '2026-01-15', '2026-02-01'],
      // no agreement date: the first due date
      ['A6', 'D1', 'F7', 10_000, null, '2026-02-01', '2026-02-01'],
    ]);
  });

  it('gives each agreement its state, arrears and breach date from the ledger', () => {
    expect([...byId.values()].map((r) => [r.id, r.state, r.arrears, r.breachDate])).toEqual(
      expect.arrayContaining([
        ['A1', 'overholdt', 0, null],
        ['A2', 'misligholdt', 100_000, '2026-02-03'],
        ['A3', 'misligholdt', 100_000, '2026-02-03'],
        ['A4', 'oversendt', 0, null],
        ['A5', 'afsluttet', 0, null],
      ]),
    );
    // 3 February to 15 March: 25 + 15 = 40 days
    expect(byId.get('A2')!.daysInBreach).toBe(40);
    expect(byId.get('A2')!.debtorName).toBe('Bo');
  });

  it('the step due: the rykker now where none was sent; after the rykker, the medhæftere', () => {
    // the rykker was due since the breach: overdue, on the first banking day from the date (Monday 16 March)
    expect(byId.get('A2')!.nextStep).toMatchObject({ step: 'rykker1', earliest: '2026-03-16', overdue: true, fee: 25_000 });
    expect(byId.get('A2')!.urgency).toBe(1);
    // the rykkergebyr posted on 10 February is the rykker sent; the call is optional, so the next is medhæftere1
    expect(byId.get('A3')!.nextStep).toMatchObject({ step: 'medhaeftere1' });
    expect(byId.get('A1')!.nextStep).toBeNull();
  });

  it('sorts by urgency: the breached with a step due now first, the done last', () => {
    expect(list.agreements.map((r) => r.id)).toEqual(['A2', 'A3', 'A1', 'A4', 'A5']);
  });

  it('an agreement the ledger cannot back is an error naming its register row; an unreadable ledger row is counted', () => {
    expect(list.errors).toEqual([{ row: 7, message: 'Aftale A6: fordringen F7 findes ikke i posteringslisten for debitor D1.' }]);
    expect(list.totals.errors).toBe(1);
    expect(list.ledgerErrors).toHaveLength(1);
    expect(list.ledgerErrors[0]!.row).toBe(17);
  });

  it('totals by state add up to the list', () => {
    expect(list.totals).toMatchObject({ agreements: 5, arrears: 200_000 });
    expect(list.totals.byState).toEqual([
      { state: 'misligholdt', count: 2, arrears: 200_000 },
      { state: 'overholdt', count: 1, arrears: 0 },
      { state: 'afsluttet', count: 1, arrears: 0 },
      { state: 'oversendt', count: 1, arrears: 0 },
    ]);
  });
});

describe('the caseworker', () => {
  it("is the register's; where the register names none, the one the ledger names for the claims", () => {
    const reg = readAgreementRegister([
      ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Første forfald', 'Sagsbehandler'],
      ['A1', 'D1', 'F1', '100', '01-02-2026', 'Kim'],
      ['A2', 'D2', 'F2', '100', '01-02-2026', ''],
    ]);
    const rows = [
      ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Sagsbehandler'],
      ['D1', 'F1', '01-12-2025', 'krav', '300', 'Lis'],
      ['D2', 'F2', '01-12-2025', 'krav', '300', ''],
      ['D2', 'F2', '05-12-2025', 'gebyr', '0,01', 'Mads'],
    ];
    const list = worklist(reg.agreements, rows, '2026-01-15' as CalendarDate, defaultRules);
    expect(list.agreements.map((r) => [r.id, r.caseworker])).toEqual([
      ['A1', 'Kim'],
      ['A2', 'Mads'],
    ]);
  });
});

describe('the register refuses what it cannot read, row by row', () => {
  it.each([
    [['A1', 'D1', 'S', 'F1', '500,00', '6', '', '01-02-2026', '', ''], 'Skriv enten Ydelse eller Antal, ikke begge.'],
    [['A1', 'D1', 'S', 'F1', '', '', '', '01-02-2026', '', ''], 'Skriv enten Ydelse eller Antal.'],
    [['A1', 'D1', 'S', 'F1', '500,00', '', '', '', '', ''], 'Første forfald mangler.'],
    [['A1', 'D1', 'S', 'F1', '500,00', '', '', '31-02-2026', '', ''], 'Første forfald "31-02-2026" er ikke en gyldig dato (brug dd-mm-åååå).'],
    [['A1', 'D1', 'S', 'F1', '-5', '', '', '01-02-2026', '', ''], 'Ydelsen "-5" skal være over 0 kr.'],
    [['A1', 'D1', 'S', '', '500,00', '', '', '01-02-2026', '', ''], 'Fordringer mangler: skriv fordringernes numre, f.eks. "F1, F2".'],
    [['A1', 'D1', 'S', 'F1', '500,00', '', '01-03-2026', '01-02-2026', '', ''], 'Aftaledatoen 2026-03-01 ligger efter første forfald 2026-02-01.'],
    [['A1', 'D1', 'S', 'F1', '500,00', '', '', '01-02-2026', 'to uger', ''], 'Frist "to uger" skal være et helt antal dage fra 0 til 90.'],
  ])('%j', (row, message) => {
    expect(readAgreementRegister([REGISTER_HEADER, row]).errors).toEqual([{ row: 2, message }]);
  });

  it('an agreement twice is an error on its second row; a missing column stops the register', () => {
    const twice = readAgreementRegister([REGISTER_HEADER, ['A1', 'D1', '', 'F1', '500', '', '', '01-02-2026', '', ''], ['a1', 'D2', '', 'F2', '500', '', '', '01-02-2026', '', '']]);
    expect(twice.errors).toEqual([{ row: 3, message: 'Aftale "a1" står også i række 2: hver aftale må kun stå én gang.' }]);
    expect(() => readAgreementRegister([['Debitor', 'Ydelse']])).toThrow('Aftaleregistret mangler kolonnerne Fordringer, Første forfald i overskriftsrækken');
  });
});

describe('property: the list’s arrears are the sum of each agreement’s own status', () => {
  it('for random agreements and payments, each row equals `status` on the same agreement typed in, and the total their sum', () => {
    const agreement = fc.record({
      principal: fc.integer({ min: 100, max: 20_000 }),
      installment: fc.integer({ min: 50, max: 5_000 }),
      // payments on day offsets from 2 January 2026, in kroner
      payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), amount: fc.integer({ min: 1, max: 3_000 }) }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(agreement, { minLength: 1, maxLength: 6 }), (generated) => {
        const iso = (offset: number) => new Date(Date.UTC(2026, 0, 2 + offset)).toISOString().slice(0, 10);
        const dmy = (offset: number) => iso(offset).split('-').reverse().join('-');
        const ledgerRows: unknown[][] = [LEDGER_HEADER];
        const registerRows: unknown[][] = [REGISTER_HEADER];
        generated.forEach((g, i) => {
          ledgerRows.push([`D${i}`, 'X', `F${i}`, 'daginstitution', '01-12-2025', '01-12-2025', 'krav', String(g.principal)]);
          for (const p of g.payments) ledgerRows.push([`D${i}`, 'X', `F${i}`, 'daginstitution', dmy(p.day), '', 'betaling', String(-p.amount)]);
          registerRows.push([`A${i}`, `D${i}`, '', `F${i}`, String(g.installment), '', '15-12-2025', '01-01-2026', '', '']);
        });
        const end = '2026-05-01' as CalendarDate;
        const list = worklist(readAgreementRegister(registerRows).agreements, ledgerRows, end, defaultRules);
        let sum = 0;
        generated.forEach((g, i) => {
          const own = commands.status(
            {
              startDate: '2025-12-15',
              firstDueDate: '2026-01-01',
              installment: g.installment,
              claims: [{ id: `F${i}`, type: 'daginstitution', principal: g.principal, dueDate: '2025-12-01' }],
              payments: g.payments
                .filter((p) => iso(p.day) <= end)
                .map((p) => ({ date: iso(p.day), amount: p.amount }))
                .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
              asOf: end,
            },
            defaultRules,
          );
          const row = list.agreements.find((r) => r.id === `A${i}`)!;
          expect([row.state, row.arrears, row.breachDate]).toEqual([own.state, own.arrears, own.breachDate]);
          sum += own.arrears;
        });
        expect(list.totals.arrears).toBe(sum);
        expect(list.totals.byState.reduce((n, s) => n + s.arrears, 0)).toBe(sum);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the work list with a rykker log (steps without a fee)', () => {
  const { agreements } = readAgreementRegister(register);
  const log = readStepLog(
    [
      ['Aftale', 'Trin', 'Dato'],
      // A2's rykker (no fee posted) and the call after it; a step dated after the list's date is not yet taken
      ['A2', 'Rykker 1', '05-02-2026'],
      ['A2', 'opkald', '16-02-2026'],
      ['A2', 'medhaeftere1', '20-03-2026'],
      // A3: the ledger's rykkergebyr of 10 Feb, and the medhæfter letter the log knows of
      ['A3', 'rykker1', '10-02-2026'],
      ['A3', 'medhaeftere1', '20-02-2026'],
      ['A7', 'rykker1', '05-02-2026'],
      ['A1', 'brev', '05-02-2026'],
      [],
      ['A1', 'opkald', '30-02-2026'],
    ],
    defaultRules,
  );
  const list = worklist(agreements, ledger, asOf, defaultRules, log);
  const byId = new Map(list.agreements.map((r) => [r.id, r]));

  it('takes the steps of the agreements the log names from the log', () => {
    // misligholdt-aftale: rykker1, opkald (optional, 10 days on), then medhæfternes 1. rykker 0 days
    // after the call: 16 Feb, overdue on 15 Mar (a Sunday), so the first banking day, Monday 16 Mar.
    expect(byId.get('A2')!.nextStep).toMatchObject({ step: 'medhaeftere1', earliest: '2026-03-16', overdue: true });
    // after medhæfternes 1. rykker on 20 Feb their 2. comes 10 days on: 2 Mar, overdue → 16 Mar
    expect(byId.get('A3')!.nextStep).toMatchObject({ step: 'medhaeftere2', earliest: '2026-03-16', overdue: true });
    // the state and arrears are the ledger's, as without a log
    expect([byId.get('A2')!.arrears, byId.get('A3')!.arrears]).toEqual([100_000, 100_000]);
  });

  it('lists the log rows it cannot use among the errors, with their rows', () => {
    // apart from the register's errors, by their row in the log: the header is row 1, A7 row 7,
    // "brev" row 8, the blank row 9, 30 February row 10
    expect(list.stepErrors).toEqual([
      { row: 7, message: 'Rykkerloggen: aftale A7 findes ikke i aftaleregistret.' },
      { row: 8, message: expect.stringMatching(/^Rykkerloggen: Trin "brev" er ikke et trin i politikken; brug en af rykker1, opkald/) },
      { row: 10, message: 'Rykkerloggen: Datoen "30-02-2026" er ikke en gyldig dato (brug dd-mm-åååå).' },
    ]);
    expect(list.errors.some((e) => e.message.startsWith('Rykkerloggen'))).toBe(false);
    // on the Fejl sheet under their own file
    const fejl = worklistSheets(list).find((x) => x.name.startsWith('Fejl'))!;
    const rows = (fejl.blocks[0] as unknown as { rows: ReadonlyArray<readonly unknown[]> }).rows;
    expect(rows.filter((r) => r[0] === 'Rykkerloggen').map((r) => r[1])).toEqual([7, 8, 10]);
  });

  it('refuses a log without its headers', () => {
    expect(() => readStepLog([['Aftale', 'Dato']], defaultRules)).toThrow('Rykkerloggen skal have overskrifterne Aftale, Trin og Dato (fandt "Aftale", "Dato").');
  });
});
