import { describe, expect, it } from 'vitest';
import { showValue } from '../../core/errors.js';

describe('showValue: a user\'s value in a Danish message', () => {
  it('says blanks, numbers and non-numbers in Danish, not as JavaScript writes them (found by review)', () => {
    expect(showValue(null)).toBe('en tom værdi');
    expect(showValue(undefined)).toBe('ingenting');
    expect(showValue(2.5)).toBe('2,5');
    expect(showValue(-1500)).toBe('-1500');
    expect(showValue(Number.NaN)).toBe('et ugyldigt tal');
    expect(showValue(Number.POSITIVE_INFINITY)).toBe('uendeligt');
    expect(showValue('tekst')).toBe('"tekst"');
  });
  it('cuts a long value at 60 characters', () => {
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`);
  });
});
