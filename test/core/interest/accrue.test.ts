import { describe, expect, it } from 'vitest';
import { parseDate, toDayNumber } from '../../../core/calendar/date.js';
import { compileRateTable, periodInterest, startedMonths, type RateSource } from '../../../core/interest/accrue.js';
import { parseAnnualRate } from '../../../core/interest/rate.js';
import { ore } from '../../../core/money/ore.js';
import { inddrivelsesrente, morarente } from '../../../core/rules/interestRates.js';

const day = (s: string) => toDayNumber(parseDate(s, 'd'));
const fixed = (r: number): RateSource => ({ kind: 'fixed', ppm: parseAnnualRate(r, 'r') });
const table: RateSource = { kind: 'table', name: 'morarente', table: compileRateTable('morarente', morarente) };

describe('parseAnnualRate', () => {
  it('reads an Excel percentage (fraction) or a percent number to the same rate', () => {
    expect(parseAnnualRate(0.0805, 'r')).toBe(80_500);
    expect(parseAnnualRate(8.05, 'r')).toBe(80_500);
    expect(parseAnnualRate(12, 'r')).toBe(120_000);
    expect(parseAnnualRate(0, 'r')).toBe(0);
  });
  it('rejects negative, absurd and over-precise rates', () => {
    expect(() => parseAnnualRate(-1, 'claims[0].annualInterestRate')).toThrow(/negativ/);
    expect(() => parseAnnualRate(150, 'r')).toThrow(/urealistisk/);
    expect(() => parseAnnualRate(8.123456, 'r')).toThrow(/decimaler/);
    expect(() => parseAnnualRate('8%', 'r')).toThrow(/skal være et tal/);
  });
});

describe('periodInterest', () => {
  it('daily: actual days / 365, rounded once to the øre', () => {
    // 10.000 kr. × 10 % × 31/365 = 84,9315… kr. → 84,93 kr.
    expect(periodInterest(ore(1_000_000), day('2026-01-01'), day('2026-02-01'), 'daily', fixed(10), 1, 'c')).toBe(8_493);
    // A leap year still divides by 365 (SPEC): 10.000 kr. × 10 % × 29/365 = 79,452… → 79,45 kr.
    expect(periodInterest(ore(1_000_000), day('2028-02-01'), day('2028-03-01'), 'daily', fixed(10), 1, 'c')).toBe(7_945);
  });
  it('monthly: annual rate / 12 per month whatever the days (the PMT convention)', () => {
    // 100.000 kr. × 8 % / 12 = 666,666… → 666,67 kr.; a quarter: 2.000,00 kr.
    expect(periodInterest(ore(10_000_000), day('2026-02-01'), day('2026-03-01'), 'monthly', fixed(8), 1, 'c')).toBe(66_667);
    expect(periodInterest(ore(10_000_000), day('2026-01-01'), day('2026-04-01'), 'monthly', fixed(8), 3, 'c')).toBe(200_000);
  });
  it('perStartedMonth: 1 % a month (12 % a year) for each started month (gebyrloven § 3)', () => {
    expect(startedMonths(day('2026-01-15'), day('2026-03-31'))).toBe(3);
    expect(startedMonths(day('2026-01-15'), day('2026-02-15'))).toBe(1);
    expect(startedMonths(day('2026-01-15'), day('2026-02-16'))).toBe(2);
    // 12.000 kr. × 1 % × 3 started months = 360 kr.
    expect(periodInterest(ore(1_200_000), day('2026-01-15'), day('2026-03-31'), 'perStartedMonth', fixed(12), 3, 'c')).toBe(36_000);
  });
  it('a rate change splits the period (renteloven § 5: new rate from 1 July 2024)', () => {
    // 15 June → 15 July 2024: 16 days at 11,75 % and 14 days at 11,50 %:
    // 10.000 × (0,1175 × 16 + 0,115 × 14) / 365 = 10.000 × 3,49 / 365 = 95,616… → 95,62 kr.
    expect(periodInterest(ore(1_000_000), day('2024-06-15'), day('2024-07-15'), 'daily', table, 1, 'c')).toBe(9_562);
  });
  it('the 2025 rates: 11,50 % to 31 December 2024, 10,75 % from 1 January 2025 (referencesats 2,75 % + 8)', () => {
    // 15 December 2024 → 15 January 2025: 17 days at 11,50 % and 14 days at 10,75 %:
    // 10.000 × (0,115 × 17 + 0,1075 × 14) / 365 = 10.000 × 3,46 / 365 = 94,794… → 94,79 kr.
    expect(periodInterest(ore(1_000_000), day('2024-12-15'), day('2025-01-15'), 'daily', table, 1, 'c')).toBe(9_479);
  });
  it('the inddrivelsesrente follows 5 banking days later: 6,75 % to 7 July 2025, 5,75 % from 8 July', () => {
    const inddrivelse: RateSource = { kind: 'table', name: 'inddrivelsesrente', table: compileRateTable('inddrivelsesrente', inddrivelsesrente) };
    // 1 → 15 July 2025: 7 days at 6,75 % and 7 days at 5,75 %: 10.000 × 0,875 / 365 = 23,972… → 23,97 kr.
    expect(periodInterest(ore(1_000_000), day('2025-07-01'), day('2025-07-15'), 'daily', inddrivelse, 1, 'c')).toBe(2_397);
  });
  it('stops with a Danish error beyond the verified part of a rate table (no rate for 1 July 2026 is invented)', () => {
    expect(() => periodInterest(ore(1_000_000), day('2026-06-15'), day('2026-07-15'), 'daily', table, 1, 'claims[0]')).toThrow(
      /Rentetabellen "morarente".*dækker kun 2019-01-01 til 2026-06-30.*Indlæs en opdateret rentetabel i en regelfil: med kommandolinjen "--rules regler.json"/,
    );
  });
  it('gives nothing on a zero base, a zero rate or an empty period', () => {
    expect(periodInterest(ore(0), day('2026-01-01'), day('2026-02-01'), 'daily', fixed(10), 1, 'c')).toBe(0);
    expect(periodInterest(ore(100), day('2026-01-01'), day('2026-02-01'), 'daily', fixed(0), 1, 'c')).toBe(0);
    expect(periodInterest(ore(100), day('2026-02-01'), day('2026-02-01'), 'daily', fixed(10), 1, 'c')).toBe(0);
  });
  it('is exact for huge amounts (BigInt path)', () => {
    // 10 mia. kr. × 100 % × 365/365 = 10 mia. kr.
    expect(periodInterest(ore(1_000_000_000_000), day('2026-01-01'), day('2027-01-01'), 'daily', fixed(100), 1, 'c')).toBe(1_000_000_000_000);
  });
});
