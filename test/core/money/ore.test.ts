import { describe, expect, it } from 'vitest';
import { formatKroner, ore, parseKroner, toKroner } from '../../../core/money/ore.js';
import { SaldoError } from '../../../core/errors.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof SaldoError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('parseKroner', () => {
  it('turns kroner with up to 2 decimals into integer øre', () => {
    expect(parseKroner(1234.56, 'x')).toBe(123456);
    expect(parseKroner(0.1, 'x')).toBe(10);
    expect(parseKroner(0.07, 'x')).toBe(7); // 0.07 * 100 = 7.000000000000001 in floating point
    expect(parseKroner(19.99, 'x')).toBe(1999);
    expect(parseKroner(4200, 'x')).toBe(420000);
  });
  it('rejects more than 2 decimals, text, NaN and infinities with a Danish message naming the field', () => {
    expect(code(() => parseKroner(12.345, 'installment'))).toBe('UGYLDIGT_BELØB');
    expect(() => parseKroner(12.345, 'installment')).toThrow(/installment: beløbet 12,345 kr\. har mere end 2 decimaler/);
    expect(() => parseKroner('500', 'installment')).toThrow(/er tekst/);
    expect(code(() => parseKroner(Number.NaN, 'x'))).toBe('UGYLDIGT_BELØB');
    expect(code(() => parseKroner(Infinity, 'x'))).toBe('UGYLDIGT_BELØB');
    expect(code(() => parseKroner(null, 'x'))).toBe('UGYLDIGT_BELØB');
    expect(code(() => parseKroner(1e-7, 'x'))).toBe('UGYLDIGT_BELØB');
    // too tiny for 20 decimals: shown as written, not as "0," (found by review)
    expect(() => parseKroner(1e-320, 'x')).toThrow('x: beløbet 1e-320 kr. har mere end 2 decimaler');
  });
  it('rejects negatives unless allowed, and absurd amounts', () => {
    expect(() => parseKroner(-5, 'principal')).toThrow(/må ikke være negativt/);
    expect(parseKroner(-5.5, 'x', { allowNegative: true })).toBe(-550);
    expect(() => parseKroner(2e10, 'x')).toThrow(/10 mia/);
    expect(() => parseKroner(0, 'installment', { allowZero: false })).toThrow(/større end 0/);
  });
});

describe('formatKroner', () => {
  it('writes Danish thousands separators and a decimal comma', () => {
    expect(formatKroner(ore(123456))).toBe('1.234,56 kr.');
    expect(formatKroner(ore(5))).toBe('0,05 kr.');
    expect(formatKroner(ore(100000000))).toBe('1.000.000,00 kr.');
    expect(formatKroner(ore(-250000))).toBe('-2.500,00 kr.');
  });
  it('round-trips through kroner', () => {
    expect(toKroner(parseKroner(987654.32, 'x'))).toBe(987654.32);
  });
});

describe('ore', () => {
  it('asserts the integer invariant where a value is made', () => {
    expect(() => ore(1.5)).toThrow();
    // @ts-expect-error a plain number is not øre without passing through ore()/parseKroner()
    const notMoney: import('../../../core/money/ore.js').Ore = 5;
    expect(notMoney).toBe(5);
  });
});
