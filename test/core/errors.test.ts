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

describe('showValue masks CPR numbers, however written', () => {
  it.each(['010190-1234', '0101901234', '010190 1234', '010190\u20131234', '01.01.90-1234', '\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14'])('%s in a shown value is 010190-xxxx', (cpr) => {
    expect(showValue(`sag ${cpr}`)).toBe('"sag 010190-xxxx"');
    expect(showValue({ id: cpr })).toBe('{"id":"010190-xxxx"}');
  });
  it('a CPR number typed as a number cell is masked too; a cut never leaves half of one', () => {
    expect(showValue(2212901118)).toBe('221290-xxxx');
    expect(showValue(`${'x'.repeat(50)}0101901234`)).not.toMatch(/010190123|0101901|1234/);
  });
});
