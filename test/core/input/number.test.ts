import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { danishNumberText, parseAmountText, parseDanishNumber } from '../../../core/input/number.js';

describe('parseDanishNumber', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['1234.56', 1234.56],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['-250,00', -250],
    [' 4 200 ', 4200],
    ['500 kr.', 500],
    ['0,5', 0.5],
    ['7', 7],
    // a space, no-break space or thin space as the thousands separator; a space after the minus
    ['1 234 567,89', 1234567.89],
    ['1\u00a0234', 1234],
    ['12\u202f345,5', 12345.5],
    ['- 500', -500],
  ])('%s → %d', (text, value) => expect(parseDanishNumber(text, 'beløb')).toBe(value));
  // spaces anywhere else were dropped: "1 0 0 0" was 1000, "10 0 00" 10000 (found by review)
  it.each(['', 'abc', '1,2,3', '1.23,4', '12,34.5', '--1', '1e5', '1 0 0 0', '10 0 00', '12 34', '1 234,5 6'])('%j is not a number', (text) => {
    expect(() => parseDanishNumber(text, 'beløb')).toThrow(/er ikke et tal/);
  });
});

describe('one grammar: the amount fast path reads exactly what the grammar reads (issue 16)', () => {
  /** Øre by the grammar, worked out here from its plain text: ≤ 2 decimals, ≤ 11 whole digits. */
  const oracle = (text: string): number | null => {
    const plain = danishNumberText(text);
    if (plain === null) return null;
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain)!;
    const whole = m[2]!.replace(/^0+(?=\d)/, '');
    const frac = m[3] ?? '';
    if (frac.length > 2 || whole.length > 11) return null;
    const ore = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    return ore === 0 ? 0 : m[1] ? -ore : ore;
  };
  it('on text made of digits, signs, separators, spaces and "kr." (property, 20.000 runs)', () => {
    const piece = fc.constantFrom('0', '1', '2', '5', '9', '12', '345', '.', ',', ' ', '\u00a0', '-', '+', '\u2212', ' kr.', 'kr', '000');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        (text) => {
          expect(parseAmountText(text)).toBe(oracle(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
  it('the task pane and the ledger agree on the shapes that used to differ', () => {
    expect(parseAmountText('1 234,56')).toBe(123456);
    expect(parseDanishNumber('1 234,56', 'beløb')).toBe(1234.56);
    expect(parseAmountText('250 kr.')).toBe(25000);
    expect(parseDanishNumber('250 kr.', 'beløb')).toBe(250);
  });
});
