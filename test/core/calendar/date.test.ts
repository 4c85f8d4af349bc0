import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumberOf, daysBetween, fromDayNumber, isoWeekday, parseDate, partsOf, toDayNumber } from '../../../core/calendar/date.js';

const d = (s: string) => parseDate(s, 'd');

describe('parseDate', () => {
  it('accepts real YYYY-MM-DD dates', () => {
    expect(parseDate('2028-02-29', 'x')).toBe('2028-02-29');
  });
  it('rejects impossible dates and other formats with Danish messages', () => {
    expect(() => parseDate('2026-02-29', 'firstDueDate')).toThrow('firstDueDate: datoen 2026-02-29 findes ikke i kalenderen.');
    expect(() => parseDate('2026-13-01', 'x')).toThrow(/findes ikke/);
    expect(() => parseDate('01-02-2026', 'x')).toThrow(/ÅÅÅÅ-MM-DD/);
    expect(() => parseDate('2026-2-1', 'x')).toThrow(/ÅÅÅÅ-MM-DD/);
    expect(() => parseDate(46023, 'x')).toThrow(/som tekst/);
    expect(() => parseDate('1850-01-01', 'x')).toThrow(/uden for/);
  });
});

describe('addMonths keeps the day of the month or clamps to the month end', () => {
  it('31 January + 1 month = 28 February, + 2 months = 31 March', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2026-01-31'), 2)).toBe('2026-03-31');
    expect(addMonths(d('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(d('2026-08-31'), 3)).toBe('2026-11-30');
  });
  it('crosses years in both directions', () => {
    expect(addMonths(d('2026-11-15'), 3)).toBe('2027-02-15');
    expect(addMonths(d('2026-02-01'), -1)).toBe('2026-01-01');
    expect(addMonths(d('2026-01-10'), -1)).toBe('2025-12-10');
    expect(addMonths(d('2026-03-31'), -1)).toBe('2026-02-28');
  });
});

describe('day numbers', () => {
  it('count from 1970-01-01, a Thursday', () => {
    expect(toDayNumber(d('1970-01-01'))).toBe(0);
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(toDayNumber(d('2026-11-23')))).toBe(1); // a Monday
    expect(daysBetween(d('2026-01-01'), d('2027-01-01'))).toBe(365);
    expect(daysBetween(d('2028-01-01'), d('2029-01-01'))).toBe(366);
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
  });
  it('a calculation past 9999-12-31 or before 1900 is a Danish error, not "10000-01-01" (found by review)', () => {
    expect(addDays(d('9999-12-30'), 1)).toBe('9999-12-31');
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(/efter 31-12-9999/);
    expect(() => addMonths(d('9999-12-31'), 1)).toThrow(/efter 31-12-9999/);
    expect(() => addDays(d('1900-01-01'), -1)).toThrow(/før 01-01-1900/);
    expect(() => fromDayNumber(Number.NaN)).toThrow(/uden for kalenderen/);
  });
  it('round-trip for every day 1900–2200 and agree with the JavaScript UTC calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2200, 12, 31) }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        // An independent oracle: Date in UTC (test code only; core never uses Date).
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date);
        const p = partsOf(n);
        expect(dayNumberOf(p.year, p.month, p.day)).toBe(n);
      }),
      { numRuns: 10_000 },
    );
  });
});
