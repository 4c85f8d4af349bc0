/**
 * The register's running agreements for the letters (core/portfolio/runningAgreements.ts), on the
 * example ledger examples/portefoelje/posteringer.csv checked on 15-02-2026; every state worked by
 * hand from the ledger:
 * - A1 (D1, F1 3.000 kr., 1.000 a month from 1 February → Monday 2 February): paid 1.000 on
 *   2 February: kept; the next rate 1.000 kr. on 2 March.
 * - A2 (D2, F2, 500 a month from 1 January → 2 January): paid 500 on 2 January, nothing on
 *   2 February: breached.
 * - A5 (D5, F5 600 + F6 400 in 2 rates of 500 from 1 February): 600 paid on 2 February, so the
 *   first rate is paid and 100 kr. of the second: kept, next rate 400 kr. (what is missing) on 2 March.
 * - A6 and A7, two agreements of D7 on its one claim F8 (1.800 kr.), 300 and 200 a month from
 *   1 March → Monday 2 March: rates on the same day, so one note of 500 kr., F8 once.
 */
import { describe, expect, it } from 'vitest';
import { runningAgreementsOfRows } from '../../../core/commands/worklist.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { exampleRows } from '../../fakes/exampleRows.js';

const ledger = exampleRows('portefoelje/posteringer.csv');
const register = [
  ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Antal', 'Aftaledato', 'Første forfald'],
  ['A1', 'D1', 'F1', '1.000,00', '', '10-01-2026', '01-02-2026'],
  ['A2', 'D2', 'F2', '500,00', '', '15-12-2025', '01-01-2026'],
  ['A5', 'D5', 'F5, F6', '', '2', '15-01-2026', '01-02-2026'],
  ['A6', 'D7', 'F8', '300,00', '', '15-02-2026', '01-03-2026'],
  ['A7', 'D7', 'F8', '200,00', '', '15-02-2026', '01-03-2026'],
  ['A9', 'D9', 'F99', '100,00', '', '15-12-2025', '01-01-2026'],
];

describe('runningAgreements', () => {
  const r = runningAgreementsOfRows({ register, date: '2026-02-15' }, defaultRules)(ledger);

  it('notes the running, kept agreements by debtor: the next rate still to pay and its claims', () => {
    expect(Object.fromEntries(r.notes)).toEqual({
      D1: { nextDueDate: '2026-03-02', installment: 100_000, claimIds: ['F1'] },
      D5: { nextDueDate: '2026-03-02', installment: 40_000, claimIds: ['F5', 'F6'] },
      D7: { nextDueDate: '2026-03-02', installment: 50_000, claimIds: ['F8'] },
    });
    expect(r.running).toBe(4);
  });

  it('says which give no note, and why', () => {
    expect(r.notRunning).toEqual([
      { id: 'A2', debtorId: 'D2', why: 'misligholdt' },
      { id: 'A9', debtorId: 'D9', why: 'oversendt eller ikke tjekket' },
    ]);
    expect(r.errors).toEqual([{ row: 7, message: 'Aftale A9: fordringen F99 findes ikke i posteringslisten for debitor D9.' }]);
  });
});
