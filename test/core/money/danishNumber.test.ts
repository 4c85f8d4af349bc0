import { describe, expect, it } from 'vitest';
import { parseDanishNumber } from '../../../core/money/danishNumber.js';

describe('parseDanishNumber', () => {
  it.each([
    ['1.234,56', 1234.56], ['1234,56', 1234.56], ['1234.56', 1234.56], ['1.234', 1234], ['1.234.567', 1234567],
    ['12.5', 12.5], ['-250,00', -250], [' 4 200 ', 4200], ['500 kr.', 500], ['0,5', 0.5], ['7', 7],
    // a space, no-break space or thin space as the thousands separator; a space after the minus
    ['1 234 567,89', 1234567.89], ['1\u00a0234', 1234], ['12\u202f345,5', 12345.5], ['- 500', -500],
  ])('%s → %d', (text, value) => expect(parseDanishNumber(text, 'beløb')).toBe(value));
  // spaces anywhere else were dropped: "1 0 0 0" was 1000, "10 0 00" 10000 (found by review)
  it.each(['', 'abc', '1,2,3', '1.23,4', '12,34.5', '--1', '1e5', '1 0 0 0', '10 0 00', '12 34', '1 234,5 6'])('%j is not a number', (text) => {
    expect(() => parseDanishNumber(text, 'beløb')).toThrow(/er ikke et tal/);
  });
});
