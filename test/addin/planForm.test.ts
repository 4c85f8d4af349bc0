import { describe, expect, it } from 'vitest';
import { plan } from '../jsonCommands.js';
import { SaldoError } from '../../core/errors.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { emptyForm, fieldMessage, formFieldOf, formNamer, formToPlanInput, outcomeOf, type PlanForm } from '../../addin/taskpane/planForm.js';

const form = (patch: Partial<PlanForm>): PlanForm => ({ ...emptyForm(), ...patch });
const fieldOfError = (f: PlanForm): string => {
  try {
    plan(formToPlanInput(f), defaultRules);
  } catch (e) {
    if (e instanceof SaldoError) return formFieldOf(e);
    throw e;
  }
  return 'no error';
};

describe('the Betalingsaftale form', () => {
  it('reads Danish numbers and a rate in percent', () => {
    const input = formToPlanInput(
      form({
        typedClaims: [{ id: 'F1', type: 'daginstitution', principal: '4.200', fees: '250,00', dueDate: '2025-10-01' }],
        installment: '500',
        firstDueDate: '2026-02-01',
        startDate: '2026-01-10',
        annualRate: '8,05',
        reference: ' Sag 7 ',
      }),
    );
    expect(input).toEqual({
      firstDueDate: '2026-02-01',
      startDate: '2026-01-10',
      frequency: 'monthly',
      interestMethod: 'daily',
      installment: 500,
      claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01', annualInterestRate: 0.0805 }],
      reference: 'Sag 7',
    });
  });
  it('a rate of 0,5 % stays 0,5 % (not read as 50 %)', () => {
    const input = formToPlanInput(form({ typedClaims: [{ id: 'F1', type: 'andet', principal: '1000', fees: '', dueDate: '' }], installment: '100', firstDueDate: '2026-02-01', annualRate: '0,5' }));
    expect((input.claims as Array<{ annualInterestRate: number }>)[0]!.annualInterestRate).toBe(0.005);
  });
  it('takes claims from the selected range, header row and all', () => {
    const input = formToPlanInput(
      form({
        claimsSource: 'selection',
        selection: {
          address: 'Ark1!A1:C3',
          values: [
            ['Hovedstol', 'Gebyrer', 'Forfaldsdato'],
            [3450, 250, 46235],
            [3450, 250, '2026-09-01'],
          ],
        },
        count: '12',
        mode: 'count',
        firstDueDate: '2026-12-01',
      }),
    );
    expect(input.claims).toEqual([
      { principal: 3450, fees: 250, dueDate: '2026-08-01' },
      { principal: 3450, fees: 250, dueDate: '2026-09-01' },
    ]);
    expect(input).toMatchObject({ count: 12, rounding: 1 });
  });
  it('"Beregn renter fra forfaldsdato til aftaledato" asks core for the interest before the agreement', () => {
    const f = form({
      typedClaims: [{ id: 'F1', type: 'andet', principal: '10.000', fees: '', dueDate: '2026-10-01' }],
      installment: '1000',
      firstDueDate: '2027-01-01',
      startDate: '2026-11-20',
      annualRate: '10',
    });
    expect(formToPlanInput(f)).not.toHaveProperty('accrueFromDueDate');
    const input = formToPlanInput({ ...f, accrueFromDueDate: true });
    expect(input).toMatchObject({ accrueFromDueDate: true });
    // 10.000 × 10 % × 50/365 (1 Oct → 20 Nov) = 136,99 (as in the core test).
    expect(plan(input, defaultRules).interestBeforeStart?.total).toBe(136.99);
  });
  it('points each error at its field', () => {
    const ok = { typedClaims: [{ id: 'F1', type: 'andet' as const, principal: '1000', fees: '', dueDate: '' }], installment: '100', firstDueDate: '2026-02-01' };
    expect(fieldOfError(form(ok))).toBe('no error');
    expect(fieldOfError(form({ ...ok, installment: '' }))).toBe('installment');
    expect(fieldOfError(form({ ...ok, installment: '12,345' }))).toBe('installment');
    expect(fieldOfError(form({ ...ok, firstDueDate: '' }))).toBe('firstDueDate');
    expect(fieldOfError(form({ ...ok, typedClaims: [{ ...ok.typedClaims[0]!, principal: 'mange' }] }))).toBe('claims');
    expect(fieldOfError(form({ ...ok, typedClaims: [] }))).toBe('claims');
    expect(fieldOfError(form({ ...ok, annualRate: '150' }))).toBe('annualRate');
    expect(fieldOfError(form({ ...ok, mode: 'paymentCapacity', netIncome: '300000' }))).toBe('netIncome');
    expect(fieldOfError(form({ ...ok, claimsSource: 'selection' }))).toBe('claims');
  });
});

describe('messages beside a field', () => {
  it('drop the JSON field name that the field itself already shows', () => {
    expect(fieldMessage(SaldoError.at('UGYLDIGT_BELØB', 'installment', 12.345, 'beløbet 12,345 kr. har mere end 2 decimaler.'))).toBe('Beløbet 12,345 kr. har mere end 2 decimaler.');
    expect(fieldMessage(new SaldoError('BETALES_ALDRIG', 'installment', 10, 'Ydelsen 10,00 kr. dækker ikke …'))).toBe('Ydelsen 10,00 kr. dækker ikke …');
  });
});

describe("messages name other fields by the form's words (issue 16: no JSON keys in the pane)", () => {
  it('a start date after the first due date names both by their labels', () => {
    const f = form({ typedClaims: [{ id: 'F1', type: 'andet', principal: '1000', fees: '', dueDate: '' }], installment: '100', firstDueDate: '2026-02-01', startDate: '2026-03-01' });
    const outcome = outcomeOf(() => plan(formToPlanInput(f), defaultRules));
    expect(outcome.error).toEqual({ field: 'startDate', message: 'Aftaledatoen (2026-03-01) ligger efter første forfaldsdato (2026-02-01); aftalen skal indgås før første ydelse forfalder.' });
  });
  it("a claim's amount error points at the claims and names the claim by number", () => {
    const e = SaldoError.at('UGYLDIGT_BELØB', ['claims', 1, 'fees'], -1, 'beløbet må ikke være negativt.');
    expect(formNamer(e.place)).toBe('fordring 2, gebyrer');
    expect(formFieldOf(e)).toBe('claims');
  });
});
