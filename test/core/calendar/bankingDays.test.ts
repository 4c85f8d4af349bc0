import { describe, expect, it } from 'vitest';
import { bankingDaysBetween, danishBankCalendar, isBankingDay, nextBankingDay, previousBankingDay } from '../../../core/calendar/bankingDays.js';
import { dayNumberOf, isoWeekday, parseDate, toDayNumber } from '../../../core/calendar/date.js';
import { easterSunday } from '../../../core/calendar/easter.js';
import { fromDayNumber } from '../../../core/calendar/date.js';

const d = (s: string) => parseDate(s, 'd');

/** Closed weekdays (Mon–Fri) of a year, according to Saldo's calendar. */
function closedWeekdays(year: number): string[] {
  const out: string[] = [];
  for (let n = dayNumberOf(year, 1, 1); n <= dayNumberOf(year, 12, 31); n += 1) {
    if (isoWeekday(n) <= 5 && !danishBankCalendar.isBankingDay(n)) out.push(fromDayNumber(n));
  }
  return out;
}

describe('Danish banking days', () => {
  it('Easter Sunday is computed (known dates)', () => {
    expect(fromDayNumber(easterSunday(2023))).toBe('2023-04-09');
    expect(fromDayNumber(easterSunday(2024))).toBe('2024-03-31');
    expect(fromDayNumber(easterSunday(2026))).toBe('2026-04-05');
    expect(fromDayNumber(easterSunday(2027))).toBe('2027-03-28');
    expect(fromDayNumber(easterSunday(2038))).toBe('2038-04-25');
  });

  it("match Nationalbanken's banklukkedage for 2026", () => {
    // Nationalbanken, banklukkedage 2026: 1/1, 2/4, 3/4, 6/4, 14/5, 15/5, 25/5, 5/6, 24/12,
    // 25/12, 26/12 (a Saturday, so not a closed weekday), 31/12.
    expect(closedWeekdays(2026)).toEqual(['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-15', '2026-05-25', '2026-06-05', '2026-12-24', '2026-12-25', '2026-12-31']);
  });

  it("match Nationalbanken's banklukkedage for 2027", () => {
    // Nationalbanken, banklukkedage 2027: 1/1, 25/3, 26/3, 29/3, 6/5, 7/5, 17/5, 5/6 (a
    // Saturday), 24/12, 31/12; 25 and 26 December fall on a weekend.
    expect(closedWeekdays(2027)).toEqual(['2027-01-01', '2027-03-25', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-07', '2027-05-17', '2027-12-24', '2027-12-31']);
  });

  it('store bededag is closed up to and including 2023 only', () => {
    expect(isBankingDay(d('2023-05-05'))).toBe(false); // Easter 9/4 + 26
    expect(isBankingDay(d('2024-04-26'))).toBe(true); // Easter 31/3 + 26, after the abolition
  });

  it('weekends are never banking days', () => {
    expect(isBankingDay(d('2026-11-21'))).toBe(false);
    expect(isBankingDay(d('2026-11-22'))).toBe(false);
    expect(isBankingDay(d('2026-11-23'))).toBe(true);
  });

  it('a due date on grundlovsdag moves to the next banking day', () => {
    expect(nextBankingDay(d('2026-06-05'))).toBe('2026-06-08'); // Friday → Monday
    expect(previousBankingDay(d('2026-06-05'))).toBe('2026-06-04');
  });

  it('a due date at Christmas moves past juleaften, jul and the weekend', () => {
    expect(nextBankingDay(d('2026-12-24'))).toBe('2026-12-28');
    expect(nextBankingDay(d('2026-12-31'))).toBe('2027-01-04'); // 31/12, 1/1 closed, then a weekend
  });

  it('counts banking days with both ends included, like NETWORKDAYS', () => {
    expect(bankingDaysBetween(d('2026-12-21'), d('2027-01-04'))).toBe(7);
    expect(bankingDaysBetween(d('2027-01-04'), d('2026-12-21'))).toBe(-7);
    expect(bankingDaysBetween(d('2026-11-23'), d('2026-11-23'))).toBe(1);
    expect(bankingDaysBetween(d('2026-11-21'), d('2026-11-22'))).toBe(0);
    // Whole year 2026: 261 weekdays − 11 closed weekdays = 250
    expect(bankingDaysBetween(d('2026-01-01'), d('2026-12-31'))).toBe(250);
  });

  it('lists a year’s closed days with their names', () => {
    const h = danishBankCalendar.holidays(2026);
    expect(h.find((x) => x.date === '2026-05-15')?.name).toBe('dagen efter Kristi himmelfartsdag');
    expect(h).toHaveLength(12);
    expect(toDayNumber(h[0]!.date)).toBe(dayNumberOf(2026, 1, 1));
  });
});

describe('addBankingDays (WORKDAY with Danish bank holidays)', () => {
  it('counts banking days forward and back', async () => {
    const { addBankingDays } = await import('../../../core/calendar/bankingDays.js');
    expect(addBankingDays(d('2026-12-23'), 1)).toBe('2026-12-28');
    expect(addBankingDays(d('2026-12-23'), 2)).toBe('2026-12-29');
    expect(addBankingDays(d('2026-12-28'), -1)).toBe('2026-12-23');
    expect(addBankingDays(d('2026-05-13'), 1)).toBe('2026-05-18'); // Kristi himmelfart + the Friday after
    expect(addBankingDays(d('2026-06-05'), 0)).toBe('2026-06-08');
    expect(addBankingDays(d('2026-06-04'), 0)).toBe('2026-06-04');
  });
});
