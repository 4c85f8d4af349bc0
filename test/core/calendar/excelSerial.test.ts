import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateToExcelSerial, excelSerialToDate } from '../../../core/calendar/excelSerial.js';
import { dayNumberOf, fromDayNumber, parseDate } from '../../../core/calendar/date.js';

describe('Excel serial numbers (1900 system)', () => {
  it('match serials Excel shows', () => {
    // Excel: =DATE(1900,1,1) → 1; =DATE(1900,2,28) → 59; =DATE(1900,3,1) → 61; =DATE(1970,1,1) → 25569;
    // =DATE(2024,1,1) → 45292; =DATE(2026,1,1) → 46023 (45292 + 366 + 365).
    const cases: Array<[string, number]> = [
      ['1900-01-01', 1],
      ['1900-02-28', 59],
      ['1900-03-01', 61],
      ['1970-01-01', 25569],
      ['2024-01-01', 45292],
      ['2026-01-01', 46023],
      ['9999-12-31', 2958465],
    ];
    for (const [date, serial] of cases) {
      expect(dateToExcelSerial(parseDate(date, 'x'))).toBe(serial);
      expect(excelSerialToDate(serial)).toBe(date);
    }
  });
  it('drop the time of day and reject the fictitious 29 February 1900', () => {
    expect(excelSerialToDate(46023.75)).toBe('2026-01-01');
    expect(() => excelSerialToDate(60, 'dato')).toThrow(/findes ikke/);
    expect(() => excelSerialToDate(0)).toThrow(/uden for/);
    expect(() => excelSerialToDate('46023')).toThrow(/ikke et Excel-datotal/);
  });
  it('round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1900, 3, 1), max: dayNumberOf(9999, 12, 31) }), (n) => {
        const date = fromDayNumber(n);
        expect(excelSerialToDate(dateToExcelSerial(date))).toBe(date);
      }),
      { numRuns: 10_000 },
    );
  });
});
