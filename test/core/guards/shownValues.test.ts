import { describe, expect, it } from 'vitest';
import { runOnJson } from '../../../core/commands/index.js';
import { showValue } from '../../../core/errors.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { saldoMessage } from '../saldoMessage.js';

describe("a user's value is shown as a Dane reads it, never as JavaScript writes it (issue 14)", () => {
  it('huge and tiny numbers without exponent notation, true/false in Danish', () => {
    expect(showValue(1e308)).toBe('et tal med 309 cifre');
    expect(showValue(-1e20)).toBe('minus et tal med 21 cifre');
    expect(showValue(1e-7)).toBe('0,0000001');
    expect(showValue(true)).toBe('sand');
    expect(showValue(false)).toBe('falsk');
  });

  it('plan, henstand and status say 1e308 and true in words', () => {
    const base = { firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 1000 }] };
    const inputs: Array<[string, unknown]> = [
      ['plan', { ...base, claims: [{ principal: 1e308 }] }],
      ['plan', { ...base, installment: true }],
      ['henstand', { ...base, henstand: { from: '2026-05-01', months: 1e308, kind: 'full' } }],
      ['status', { ...base, asOf: '2026-03-01', payments: [{ date: '2026-02-01', amount: 1e300 }] }],
      ['status', { ...base, asOf: '2026-03-01', graceDays: true, payments: [] }],
    ];
    for (const [name, input] of inputs) {
      const message = saldoMessage(() => runOnJson(name as 'plan', input, defaultRules));
      expect(message, name).not.toMatch(/e\+\d|\btrue\b|NaN|Infinity|\[object/);
    }
    expect(saldoMessage(() => runOnJson('plan', inputs[0]![1], defaultRules))).toBe('claims[0].principal: beløbet (et tal med 309 cifre) er over grænsen på 10 mia. kr. – er det tastet forkert?');
  });
});
