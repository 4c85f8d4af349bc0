/**
 * Domain values as the numbers a cell holds: øre as kroner, a calendar date as Excel's date
 * serial. The front ends (cell functions, sheets) make their cells with these, never by
 * converting money or dates themselves.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import type { CalendarDate } from '../calendar/date.js';
import { toKroner, type Ore } from '../money/ore.js';

/** Øre as a kroner cell: 123456 → 1234.56. */
export const kronerCell = (amount: Ore): number => toKroner(amount);

/** A date as Excel's date serial: '2026-01-01' → 46023. */
export const dateSerial = (date: CalendarDate): number => dateToExcelSerial(date);
