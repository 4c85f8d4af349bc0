/**
 * Results as Excel shows them. Where Excel supports data types for custom functions
 * (CustomFunctionsRuntime 1.4: Microsoft 365, the web, Mac), a date or an amount is returned as a
 * formatted number value, `{ type: 'FormattedNumber', basicValue, numberFormat }`, so the cell
 * shows 05-01-2029 or 1.234,56 kr. whatever the cell's own format, and formulas still compute with
 * the number. Without 1.4 (Office 2021/LTSC) the same number comes back plain and the user formats
 * the cells (docs/brugervejledning.md says how). The formats are en-US codes, as the API wants;
 * Excel shows them in the user's locale.
 * Source: "Use data types with custom functions in Excel" and Excel.FormattedNumberCellValue
 * (learn.microsoft.com), checked 2026-12.
 */
import { NUMBER_FORMATS, type ColumnKind } from '../../core/report/planTable.js';

export interface FormattedNumber {
  type: 'FormattedNumber';
  basicValue: number;
  numberFormat: string;
}

/** What a result column holds: its number format, or none ('integer', 'text', 'plain'). */
export type ResultKind = ColumnKind | 'percent' | 'plain';

const FORMAT: Partial<Record<ResultKind, string>> = { date: NUMBER_FORMATS.date, kroner: NUMBER_FORMATS.kroner, percent: '0.00%' };

/** True where Excel takes formatted number results (asked of the shared runtime at each call). */
export function formattedResults(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported?.('CustomFunctionsRuntime', '1.4') ?? false;
}

export type Present = <T>(value: T, kind: ResultKind) => T | FormattedNumber;

/** A presenter for one call: numbers of a date, kroner or percent kind formatted where Excel can. */
export function presenter(): Present {
  const formatted = formattedResults();
  return <T>(value: T, kind: ResultKind): T | FormattedNumber => {
    const numberFormat = FORMAT[kind];
    return formatted && numberFormat !== undefined && typeof value === 'number' ? { type: 'FormattedNumber', basicValue: value, numberFormat } : value;
  };
}

/** A table's body rows presented column by column (`kinds[c]` for column c; text cells stay text). */
export const presentRows = (present: Present, rows: ReadonlyArray<readonly unknown[]>, kinds: readonly ResultKind[]): unknown[][] =>
  rows.map((row) => row.map((v, c) => present(v, kinds[c] ?? 'plain')));
