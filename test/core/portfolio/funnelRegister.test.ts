/**
 * The funnel of a sheet with the agreement register (the task pane's Opkrævningstragt): the
 * register's open claims are "in a betalingsaftale"; a register row that cannot be read is listed
 * with the errors, since its claims then stay open.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../core/commands/index.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const ledger = [
  ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
  ['D1', 'F1', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '1.000,00'],
  ['D1', 'F1', 'daginstitution', '10-02-2026', '', 'betaling', '-400,00'],
  ['D2', 'F2', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '500,00'],
];
const places = { from: 'Fra', to: 'Til', asOf: 'Dato' };

describe('funnelOfRows with the register', () => {
  it('counts the register’s open principal in agreement, and lists an unreadable register row', async () => {
    const register = [
      ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Første forfald'],
      ['A1', 'D1', 'F1', '200,00', '01-03-2026'],
      ['A2', 'D2', 'F2', 'mange', '01-03-2026'],
    ];
    const of = await commands.funnelOfRows({ from: '2026-01-01', to: '2026-01-31', asOf: '2026-06-30', places, register }, defaultRules);
    const f = of(ledger);
    // F1: 1.000 − 400 paid = 600 open, in A1; F2: 500 open, its register row (A2) cannot be read
    expect(f.totals.amounts).toMatchObject({ inAgreement: 60_000, open: 50_000 });
    expect(f.totals.counts).toMatchObject({ inAgreement: 1, open: 1 });
    expect(f.errors).toEqual([{ row: 3, message: expect.stringMatching(/^Aftaleregistret, række 3: /) }]);
    const without = (await commands.funnelOfRows({ from: '2026-01-01', to: '2026-01-31', asOf: '2026-06-30', places }, defaultRules))(ledger);
    expect(without.totals.amounts).toMatchObject({ inAgreement: 0, open: 110_000 });
  });
});
