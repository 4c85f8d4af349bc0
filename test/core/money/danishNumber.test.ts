import { describe, expect, it } from 'vitest';
import { parseDanishNumber } from '../../../core/money/danishNumber.js';

describe('parseDanishNumber', () => {
  it.each([
    ['1.234,56', 1234.56], ['1234,56', 1234.56], ['1234.56', 1234.56], ['1.234', 1234], ['1.234.567', 1234567],
    ['12.5', 12.5], ['-250,00', -250], [' 4 200 ', 4200], ['500 kr.', 500], ['0,5', 0.5], ['7', 7],
  ])('%s → %d', (text, value) => expect(parseDanishNumber(text, 'beløb')).toBe(value));
  it.each(['', 'abc', '1,2,3', '1.23,4', '12,34.5', '--1', '1e5'])('%j is not a number', (text) => {
    expect(() => parseDanishNumber(text, 'beløb')).toThrow(/er ikke et tal/);
  });
});
