import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kronerJson, statementFromRows, statementJsonChunks, statementToJson } from '../../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

describe('kronerJson', () => {
  it('is the text JavaScript gives ore / 100 (the oracle), for any whole øre', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.maxSafeInteger(), fc.integer({ min: -(10 ** 15) - 5, max: -(10 ** 15) + 5 }), fc.integer({ min: 10 ** 15 - 5, max: 10 ** 15 + 5 })), (ore) => {
        expect(kronerJson(ore)).toBe(String(ore / 100));
      }),
      { numRuns: 20_000 },
    );
  });

  it('by hand: trailing zeros go, leading zeros of the fraction stay, signs kept', () => {
    expect([0, 5, -5, 50, -50, 105, 1010, -123456, 100, -100].map(kronerJson)).toEqual(['0', '0.05', '-0.05', '0.5', '-0.5', '1.05', '10.1', '-1234.56', '1', '-1']);
  });
});

describe('the statement JSON text', () => {
  it('equals JSON.stringify of the contract for any names and amounts (quotes, control characters, lone surrogates)', () => {
    const header = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
    const row = fc.record({
      debtor: fc.constantFrom('D1', 'D2', 'D"3', 'D\\4'),
      // Random text, and the cases a plain copy would get wrong: lone surrogates, a pair, quote, backslash, control characters.
      name: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\ud800', 'a\udfffb', 'Ø😀', 'x"y', 'a\\b', 'tab\there\u0001')),
      claim: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
      date: fc.constantFrom('01-01-2022', '31-12-2025', '15-06-2026'),
      kind: fc.constantFrom('krav', 'betaling', 'rente'),
      ore: fc.integer({ min: -1e9, max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const cells = rows.map((r) => [r.debtor, '', r.name, r.claim, 'andet', r.date, r.date, r.kind, (r.ore / 100).toFixed(2)]);
        const s = statementFromRows([header, ...cells], 2026, defaultRules);
        const text = [...statementJsonChunks(s, {}, { source: 'x' }, 2)].join('');
        expect(text).toBe(JSON.stringify({ ...statementToJson(s), source: 'x' }));
      }),
      { numRuns: 2_000 },
    );
  });
});
