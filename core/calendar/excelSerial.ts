/**
 * Excel serial numbers in the 1900 date system. Serial 1 is 1900-01-01; Excel counts a
 * 29 February 1900 that never existed (serial 60, kept for Lotus 1-2-3 compatibility), so from
 * serial 61 (1900-03-01) on, serial = days since 1899-12-30.
 */
import { SaldoError, showValue, type At } from '../errors.js';
import { dayNumberOf, fromDayNumber, toDayNumber, type CalendarDate, type DayNumber } from './date.js';

const DAY_1899_12_30 = dayNumberOf(1899, 12, 30);
const DAY_1899_12_31 = dayNumberOf(1899, 12, 31);
/** 9999-12-31, Excel's last date. */
export const MAX_SERIAL = 2958465;

/**
 * @example excelSerialToDate(46023) // "2026-01-01"
 */
export function excelSerialToDate(serial: unknown, field: At = 'dato'): CalendarDate {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) {
    throw SaldoError.at('UGYLDIG_DATO', field, serial, `${showValue(serial)} er ikke et Excel-datotal.`);
  }
  const day = excelSerialToDayNumber(serial);
  if (day !== null) return fromDayNumber(day);
  if (Math.floor(serial) === 60) {
    throw SaldoError.at('UGYLDIG_DATO', field, serial, `datotallet 60 er Excels 29-02-1900 – den dato findes ikke.`);
  }
  throw SaldoError.at('UGYLDIG_DATO', field, serial, `datotallet ${serial} ligger uden for Excels datoer (1 = 01-01-1900 til ${MAX_SERIAL} = 31-12-9999).`);
}

/**
 * The day of an Excel serial, or null outside Excel's dates (and for serial 60, the 29-02-1900
 * that never was). The one serial converter: cells, functions, tables and ledgers use it.
 * @example excelSerialToDayNumber(46023) // the day number of 2026-01-01
 */
export function excelSerialToDayNumber(serial: number): DayNumber | null {
  if (!Number.isFinite(serial)) return null;
  // Excel dates may carry a time of day as a fraction: the calendar date is the whole part.
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  return whole < 60 ? DAY_1899_12_31 + whole : DAY_1899_12_30 + whole;
}

/** @example dateToExcelSerial('2026-01-01') // 46023 */
export function dateToExcelSerial(date: CalendarDate): number {
  const day = toDayNumber(date);
  const serial = day - DAY_1899_12_30;
  return serial >= 61 ? serial : day - DAY_1899_12_31;
}
