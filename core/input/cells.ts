/**
 * Cells as the readers hand them to core: text, numbers, booleans, blanks — and a date cell, when
 * the file itself says a cell is a date (an .xlsx cell ExcelJS reads as a Date). The reader
 * turns such a cell into its day here, at the edge, so core never sees a JavaScript Date (with
 * its clock and time zone), and a date that lands in an amount column is still told apart from
 * a number.
 */
import type { DayNumber } from '../calendar/date.js';

export interface DateCell {
  readonly kind: 'date';
  readonly day: DayNumber;
}

export const dateCell = (day: DayNumber): DateCell => ({ kind: 'date', day });

export const isDateCell = (v: unknown): v is DateCell => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'date' && typeof (v as { day?: unknown }).day === 'number';
