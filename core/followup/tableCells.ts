/**
 * Reading the cells of a follow-up table (goals or counts) as controllers type them: headers
 * compared loosely, Danish numbers and percents, period headers ("Q1", "1. kvt.", "januar",
 * a date Excel made of "jan-25"). Shared by the goals table and the counts table.
 */
import { excelSerialToDate } from '../calendar/excelSerial.js';
import { SaldoError, showValue } from '../errors.js';
import { headerKey } from '../input/headers.js';
import { parseDanishNumber } from '../input/number.js';
import { ownValue } from '../rules/ownNames.js';

export type Cell = unknown;
export type Rows = ReadonlyArray<ReadonlyArray<Cell>>;

export const GOALS = 'Måltabellen';
export const COUNTS = 'Taltabellen';

/** Headers (and words in cells) compared as header keys: core/input/headers.ts. */
export const norm = (v: Cell): string => headerKey(v);
export const blank = (v: Cell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
export const invalid = (field: string, value: unknown, message: string) => new SaldoError('UGYLDIGT_INPUT', field, value, message);

/** The first of the first 20 rows that has these headers (tables may have a title above them). */
export function headerRow(rows: Rows, test: (row: ReadonlyArray<Cell>) => boolean): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i += 1) if (test(rows[i]!)) return i;
  return -1;
}

/** A number from a cell: a number, or Danish text ("0,15", "12.000", "15 %"). */
export function numberCell(v: Cell, where: string): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} er ikke et tal.`);
    return v;
  }
  if (typeof v !== 'string') throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} er ikke et tal.`);
  const percent = /%\s*$/.test(v);
  try {
    const n = parseDanishNumber(v.replace(/%\s*$/, ''), where);
    return percent ? n / 100 : n;
  } catch {
    throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} er ikke et tal. Skriv f.eks. 0,15, 15 % eller 12.000.`);
  }
}

export function textCell(v: Cell): string {
  return typeof v === 'number' ? String(v) : String(v).trim();
}

/** Where the rows read begin on the sheet (1-based): a used range or a table need not start at A1. */
export interface Origin {
  row: number;
  column: number;
}
export const A1: Origin = { row: 1, column: 1 };

export const comma = (n: number): string => String(n).replace('.', ',');

/** The Danish month names, January first (period headers, and the page's period list). */
export const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** Other abbreviations in use ("febr.", "sept."). */
const MONTH_OTHER: Readonly<Record<string, number>> = { febr: 2, mrts: 3, sept: 9 };
/** Excel date serials of the years 2000–2099: a month header typed as "jan-25" becomes one. */
export const SERIAL_2000 = 36526;
export const SERIAL_2100 = 73051;

/**
 * A period header: "Q1"–"Q4", "K1", "1. kvt.", "1. kvartal", "kvartal 1"; "M01"–"M12", Danish
 * month names ("januar", "jan.", "febr.") or a date (Excel turns "jan-25" into one) → "Q1" … or
 * "M01" …; a year before or after is allowed ("Q1 2025", "januar 2025"); else null.
 */
export function periodKey(v: Cell): string | null {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < SERIAL_2000 || v >= SERIAL_2100) return null;
    return `M${excelSerialToDate(v).slice(5, 7)}`;
  }
  const t = norm(v)
    .replace(/^(?:19|20)\d\d\s*[-/ ]?\s*|\s*[-/ ]?\s*(?:19|20)\d\d$/g, '')
    .replace(/\.$/, '');
  const q = /^(?:q|k)([1-4])$/.exec(t) ?? /^([1-4])\.? ?(?:kvt|kvartal)$/.exec(t) ?? /^(?:kvt\.?|kvartal) ?([1-4])$/.exec(t);
  if (q) return `Q${q[1]}`;
  const m = /^m(0?[1-9]|1[0-2])$/.exec(t);
  if (m) return `M${m[1]!.padStart(2, '0')}`;
  const index = MONTHS.indexOf(t) >= 0 ? MONTHS.indexOf(t) : MONTH_SHORT.indexOf(t) >= 0 ? MONTH_SHORT.indexOf(t) : (ownValue(MONTH_OTHER, t) ?? 0) - 1;
  return index >= 0 ? `M${String(index + 1).padStart(2, '0')}` : null;
}
