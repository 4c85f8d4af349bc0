/**
 * Values as Excel hands them to Saldo (custom-function arguments, range values read by the task
 * pane) turned into `plan` input JSON: serials or ISO text to dates, blanks to "not given",
 * Danish words for options. Domain checks stay in core.
 *
 * Blank cells: Excel on the web passes an empty cell as null, Excel for Windows as 0, so where a
 * 0 cannot be meant it is read as blank too (each rule is stated where it is applied):
 * - a 0 date is no date (serial 0 is "00-01-1900"): an optional date of 0 is not given;
 * - a 0 option word, and a 0 for a yes/no whose default is yes, are not given (FALSK is a boolean);
 * - in a range, a row of nothing but blanks and 0s is a blank row, and a column of them an empty
 *   column; a claim's 0 due date or 0 rate is not given (the `rente` argument applies).
 * The functions state their own (ydelse/antal: 0 kr. or 0 installments mean "not given").
 */
import { parseDate, type CalendarDate } from '../../core/calendar/date.js';
import { excelSerialToDate } from '../../core/calendar/excelSerial.js';
import { SaldoError, showValue } from '../../core/errors.js';
import { headerKey, headerWords } from '../../core/input/headers.js';
import { parseDanishNumber } from '../../core/input/number.js';
import { parseKroner, type Ore } from '../../core/money/ore.js';
import { parseYear } from '../../core/calendar/year.js';
import { cprInAmount } from '../../core/personal/cpr.js';

/** Excel passes null (or "") for an omitted optional argument or an empty cell. */
export const isBlank = (v: unknown): v is null | undefined | '' => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** An empty cell in a range: null on the web, 0 in Excel for Windows. Only where a 0 means nothing. */
export const isBlankOrZero = (v: unknown): boolean => isBlank(v) || v === 0;

/**
 * A cell's plain value. With data types (CustomFunctionsRuntime 1.4) Excel passes a cell holding a
 * formatted number, e.g. a date or kroner from Saldo's own results, to an `any` parameter as an
 * `Excel.CellValue` object; its number is `basicValue`.
 */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'basicValue' in v && typeof (v as { type?: unknown }).type === 'string') return v.basicValue;
  return v;
}

/** A range's cells as plain values (see plainValue); anything else as it is. */
export function plainRange(v: unknown): unknown {
  return Array.isArray(v) ? v.map((row) => (Array.isArray(row) ? row.map(plainValue) : plainValue(row))) : plainValue(v);
}

/** A date from an Excel serial or `YYYY-MM-DD` text. */
export function dateArg(raw: unknown, field: string): CalendarDate {
  const value = plainValue(raw);
  if (typeof value === 'number') return excelSerialToDate(value, field);
  if (typeof value === 'string') return parseDate(value.trim(), field);
  throw SaldoError.at('UGYLDIG_DATO', field, value, `angiv en dato (en Excel-dato eller ÅÅÅÅ-MM-DD), ikke ${showValue(value)}.`);
}

/** An optional date; 0 is not given (an empty cell in Excel for Windows; serial 0 is no date). */
export const optionalDate = (value: unknown, field: string): CalendarDate | undefined => (isBlankOrZero(plainValue(value)) ? undefined : dateArg(value, field));

/** A number from a number cell or Danish number text ("1.234,56"). */
export function numberArg(raw: unknown, field: string): number {
  const value = plainValue(raw);
  if (typeof value === 'number') {
    // Excel never sends NaN or ±Infinity; a program might, and no figure may come of it.
    if (!Number.isFinite(value)) throw SaldoError.at('UGYLDIGT_INPUT', field, value, `forventede et tal, ikke ${showValue(value)}.`);
    return value;
  }
  if (typeof value === 'string') return parseDanishNumber(value, field);
  if (typeof value === 'boolean') throw SaldoError.at('UGYLDIGT_INPUT', field, value, `forventede et tal, ikke SAND/FALSK.`);
  throw SaldoError.at('UGYLDIGT_INPUT', field, value, `forventede et tal, ikke ${showValue(value)}.`);
}

export const optionalNumber = (value: unknown, field: string): number | undefined => (isBlank(value) ? undefined : numberArg(value, field));

/** An amount in kroner: a number, but a CPR number typed or pasted into it is refused (core's rule, as for a ledger's Beløb). */
export function amountArg(raw: unknown, field: string): number {
  const value = plainValue(raw);
  const cpr = cprInAmount(value);
  if (cpr !== undefined) throw SaldoError.at('UGYLDIGT_BELØB', field, cpr, `"${cpr}" ligner et CPR-nummer, ikke et beløb. Tjek, at cellen er den rigtige.`);
  return numberArg(value, field);
}

/** A year argument (1900–9999). */
export const yearArg = (value: unknown, field: string): number => parseYear(numberArg(value, field), field);

/** A number argument as øre: kroner with at most 2 decimals, not negative. */
export const kronerArg = (value: unknown, field: string): Ore => parseKroner(numberArg(value, field), field);

export const optionalAmount = (value: unknown, field: string): number | undefined => (isBlank(value) ? undefined : amountArg(value, field));

/** A debtor's number: text, or a number cell (ids like 1001). A range, a blank or SAND/FALSK is refused. */
export function debtorIdArg(raw: unknown, field: string): string {
  const value = plainValue(raw);
  // 0 is an empty cell in Excel for Windows, not debtor number 0.
  if (isBlankOrZero(value)) throw SaldoError.at('MANGLER', field, value, `angiv debitorens nummer.`);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw SaldoError.at('UGYLDIGT_INPUT', field, value, `angiv debitorens nummer som tekst eller tal, ikke ${typeof value === 'boolean' ? 'SAND/FALSK' : showValue(value)}.`);
}

/**
 * A yes/no argument: TRUE/FALSE, 1, or ja/nej. The number 0 is blank (the default): it is an empty
 * cell in Excel for Windows, and FALSK in a cell reaches Saldo as the boolean false.
 */
export function booleanArg(raw: unknown, field: string, fallback: boolean): boolean {
  const value = plainValue(raw);
  if (isBlankOrZero(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 1) return true;
  if (typeof value === 'string' && /^(ja|sand|true|yes)$/i.test(value.trim())) return true;
  if (typeof value === 'string' && /^(nej|falsk|false|no)$/i.test(value.trim())) return false;
  throw SaldoError.at('UGYLDIGT_INPUT', field, value, `skriv SAND eller FALSK (ja/nej), ikke ${showValue(value)}.`);
}

/** An option given in English (the JSON value) or in Danish. */
export function optionArg<T extends string>(raw: unknown, field: string, options: Readonly<Record<string, T>>): T | undefined {
  const value = plainValue(raw);
  // No option is a number: 0 is an empty cell in Excel for Windows.
  if (isBlankOrZero(value)) return undefined;
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
  const found = Object.hasOwn(options, key) ? options[key] : undefined;
  if (found === undefined) {
    throw SaldoError.at('UGYLDIGT_INPUT', field, value, `${showValue(value)} er ikke en gyldig værdi. Brug en af: ${[...new Set(Object.keys(options))].join(', ')}.`);
  }
  return found;
}

export const FREQUENCY_WORDS = { monthly: 'monthly', quarterly: 'quarterly', måned: 'monthly', månedlig: 'monthly', kvartal: 'quarterly', kvartalsvis: 'quarterly' } as const;
export const INTEREST_METHOD_WORDS = {
  daily: 'daily',
  monthly: 'monthly',
  perstartedmonth: 'perStartedMonth',
  dag: 'daily',
  daglig: 'daily',
  måned: 'monthly',
  månedlig: 'monthly',
  'påbegyndt måned': 'perStartedMonth',
  påbegyndt: 'perStartedMonth',
} as const;

const CLAIM_COLUMNS = ['principal', 'fees', 'interest', 'dueDate', 'annualInterestRate', 'type', 'id'] as const;
type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

/** Header words (Danish and English) for each claim column. */
const HEADER_WORDS = headerWords<ClaimColumn>({
  principal: ['hovedstol', 'principal', 'beløb', 'restance'],
  fees: ['gebyrer', 'gebyr', 'fees'],
  interest: ['renter', 'interest', 'påløbne renter'],
  dueDate: ['forfaldsdato', 'forfald', 'duedate'],
  annualInterestRate: ['rente', 'rentesats', 'årlig rente', 'annualinterestrate', 'rate'],
  type: ['type', 'fordringstype'],
  id: ['id', 'fordring', 'fordrings-id', 'reference'],
});

const CLAIM_HEADINGS = 'Hovedstol, Gebyrer, Renter, Forfaldsdato, Rente, Type og Fordring';
const CLAIM_COLUMN_NAMES: Readonly<Record<ClaimColumn, string>> = {
  principal: 'hovedstol',
  fees: 'gebyrer',
  interest: 'renter',
  dueDate: 'forfaldsdato',
  annualInterestRate: 'årlig rente',
  type: 'fordringstype',
  id: 'fordringens id',
};

/**
 * Claims from a range. With a header row (text in the first row) columns are found by name;
 * without one they are, in order: principal, fees, interest, due date, annual rate, type, id.
 * Blank rows are skipped. A single number is one claim of that principal.
 */
export function claimsFromRange(raw: unknown, field = 'fordringer'): Array<Record<string, unknown>> {
  const range = plainRange(raw);
  if (typeof range === 'number' || typeof range === 'string') return claimsFromRange([[range]], field);
  if (!Array.isArray(range) || range.some((row) => !Array.isArray(row))) {
    throw SaldoError.at('UGYLDIGT_INPUT', field, range, `angiv et beløb eller et område med fordringer.`);
  }
  const rows = range as unknown[][];
  const first = rows[0] ?? [];
  const hasHeader = first.some((v) => typeof v === 'string' && !isBlank(v) && !/^[\d.,\s-]+$/.test(v));
  let columns: Array<ClaimColumn | undefined>;
  if (hasHeader) {
    const body = rows.slice(1);
    columns = first.map((h, c) => {
      const column = HEADER_WORDS.get(headerKey(h));
      // (an empty heading is 0 in Excel for Windows)
      if ((headerKey(h) === '' && !(typeof h === 'number')) || h === 0) {
        // An empty column in the selection is fine; figures under no heading are not passed over.
        if (body.every((row) => isBlankOrZero(row[c]))) return undefined;
        throw SaldoError.at('UGYLDIGT_INPUT', field, first, `kolonne ${c + 1} har tal, men ingen overskrift. Giv den en overskrift (${CLAIM_HEADINGS}) eller fjern den fra markeringen.`);
      }
      if (column === undefined) {
        // An unknown heading ("Rykkergebyr") would be passed over with its amounts: refused instead.
        throw SaldoError.at('UGYLDIGT_INPUT', field, first, `kolonnen ${showValue(h)} kendes ikke. Brug overskrifterne ${CLAIM_HEADINGS}, eller fjern kolonnen fra markeringen.`);
      }
      return column;
    });
    columns.forEach((column, c) => {
      const other = column === undefined ? -1 : columns.indexOf(column);
      if (other >= 0 && other < c) {
        throw SaldoError.at('UGYLDIGT_INPUT', field, first, `kolonnerne ${showValue(first[other])} og ${showValue(first[c])} betyder det samme (${CLAIM_COLUMN_NAMES[column!]}); behold kun den ene.`);
      }
    });
    if (!columns.includes('principal')) {
      throw SaldoError.at('MANGLER', field, first, `overskriftsrækken mangler en kolonne "Hovedstol" (fandt ${first.map((h) => showValue(h)).join(', ')}).`);
    }
  } else {
    columns = CLAIM_COLUMNS.slice(0, first.length);
  }
  const claims: Array<Record<string, unknown>> = [];
  rows.slice(hasHeader ? 1 : 0).forEach((row, i) => {
    // A row of blanks (0s in Excel for Windows) is a blank row: no claim has a principal of 0.
    if (row.every(isBlankOrZero)) return;
    const where = `${field} række ${i + 1 + (hasHeader ? 1 : 0)}`;
    const claim: Record<string, unknown> = {};
    row.forEach((cell, c) => {
      const column = columns[c];
      if (!column || isBlank(cell)) return;
      // An empty due-date or rate cell is 0 in Excel for Windows: no date, and no rate of the
      // claim's own (the `rente` argument applies; without it no interest, as for a 0 rate).
      if ((column === 'dueDate' || column === 'annualInterestRate') && cell === 0) return;
      const label = `${where}, ${hasHeader ? String(first[c]).trim() : CLAIM_COLUMN_NAMES[column]}`;
      switch (column) {
        case 'dueDate':
          claim.dueDate = dateArg(cell, label);
          break;
        case 'type':
          claim.type = String(cell).trim().toLowerCase();
          break;
        case 'id':
          claim.id = String(cell).trim();
          break;
        case 'annualInterestRate':
          claim[column] = numberArg(cell, label);
          break;
        default:
          claim[column] = amountArg(cell, label);
      }
    });
    if (claim.principal === undefined) {
      throw new SaldoError('MANGLER', `${where}`, row, `${where}: hovedstolen mangler.`);
    }
    claims.push(claim);
  });
  if (claims.length === 0) throw SaldoError.at('MANGLER', field, range, `området har ingen fordringer (ingen række med en hovedstol).`);
  return claims;
}

const DUE_WORDS = ['forfaldsdato', 'forfald', 'duedate', 'due date'];
const AMOUNT_WORDS = ['ydelse', 'payment', 'amount', 'beløb'];
const PAY_DATE_WORDS = ['dato', 'date', 'betalingsdato', 'indbetalingsdato', 'betalt den'];
const PAID_WORDS = ['beløb', 'amount', 'indbetalt', 'betalt'];

/**
 * The column of a header row named by one of `words`; two columns that could both be meant
 * ("Beløb" and "Ydelse", or "Dato" twice) are refused, as the choice would be a guess.
 */
function headerIndex(first: unknown[], words: readonly string[], field: string, what: string): number {
  const found = first.flatMap((h, i) => (words.includes(headerKey(h)) ? [i] : []));
  if (found.length > 1) {
    throw SaldoError.at('UGYLDIGT_INPUT', field, first, `kolonnerne ${found.map((i) => showValue(first[i])).join(' og ')} kan begge være ${what}; behold kun én af dem i markeringen.`);
  }
  return found.length === 1 ? found[0]! : -1;
}

function rowsOf(raw: unknown, field: string): unknown[][] {
  const range = plainRange(raw);
  if (!Array.isArray(range) || range.some((row) => !Array.isArray(row))) {
    throw SaldoError.at('UGYLDIGT_INPUT', field, range, `angiv et område.`);
  }
  return range as unknown[][];
}

/** Installments of a schedule: the due-date and amount columns of a header row, or exactly two columns. */
function scheduleColumns(rows: unknown[][], field: string): { due: number; amount: number; hasHeader: boolean } {
  const first = rows[0] ?? [];
  const hasHeader = first.some((v) => typeof v === 'string' && !isBlank(v));
  if (!hasHeader) {
    // Without headings only two columns can be read without a guess: due date, then the installment.
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width > 2)
      throw SaldoError.at(
        'UGYLDIGT_INPUT',
        field,
        first,
        `uden overskriftsrække skal området have præcis to kolonner, forfaldsdato og ydelse (det har ${width}). Tag overskrifterne med i markeringen.`,
      );
    return { due: 0, amount: 1, hasHeader };
  }
  const due = headerIndex(first, DUE_WORDS, field, 'forfaldsdatoen');
  const amount = headerIndex(first, AMOUNT_WORDS, field, 'ydelsen');
  if (due < 0 || amount < 0) {
    throw SaldoError.at('MANGLER', field, first, `overskriftsrækken skal have kolonnerne "Forfaldsdato" og "Ydelse".`);
  }
  return { due, amount, hasHeader };
}

/**
 * Installments from a schedule range: SALDO.AFDRAGSPLAN's output or a sheet Saldo wrote (a header
 * row with "Forfaldsdato" and "Ydelse"; other columns, like the sheet's summary beside the table,
 * are not read), or two columns due date and amount. Rows without due date and amount (blank
 * rows) and the table's own "I alt" line are skipped; a row with only one of them is an error (an
 * installment left out would make a broken agreement look kept).
 */
export function installmentsFromRange(range: unknown, field = 'afdragsplan'): Array<{ dueDate: string; amount: number }> {
  const rows = rowsOf(range, field);
  const { due, amount, hasHeader } = scheduleColumns(rows, field);
  const isTotal = (v: unknown) => typeof v === 'string' && v.trim().toLowerCase() === 'i alt';
  const installments = rows.slice(hasHeader ? 1 : 0).flatMap((row, i) => {
    // A row without due date and amount (0s in Excel for Windows: no date, no installment) is blank.
    if (isBlankOrZero(row[due]) && isBlankOrZero(row[amount])) return [];
    // Only the table's own columns count: a summary label beside the table is not a total line.
    if (isTotal(row[0]) || isTotal(row[due]) || isTotal(row[amount])) return [];
    const where = `${field} række ${i + 1 + (hasHeader ? 1 : 0)}`;
    if (isBlank(row[due])) throw SaldoError.at('MANGLER', where, row, `forfaldsdatoen mangler (ydelsen er ${showValue(row[amount])}).`);
    if (isBlank(row[amount])) throw SaldoError.at('MANGLER', where, row, `ydelsen mangler.`);
    return [{ dueDate: dateArg(row[due], `${where}, forfaldsdato`), amount: amountArg(row[amount], `${where}, ydelse`) }];
  });
  if (installments.length === 0) throw SaldoError.at('MANGLER', field, range, `området har ingen ydelser (rækker med en forfaldsdato og en ydelse).`);
  return installments;
}

/**
 * Payments from a range: date and amount (a header row may name them: Dato, Beløb). Every column
 * must be one of the two: a third ("Ekstra beløb") would otherwise be money passed over.
 */
export function paymentsFromRange(raw: unknown, field = 'indbetalinger'): Array<{ date: string; amount: number }> {
  const range = plainRange(raw);
  // An empty payments range (one empty cell or row; 0s in Excel for Windows): no payments.
  if (isBlank(range) || (Array.isArray(range) && range.length === 1 && Array.isArray(range[0]) && range[0].every(isBlankOrZero))) return [];
  const rows = rowsOf(range, field);
  const first = rows[0] ?? [];
  const hasHeader = first.some((v) => typeof v === 'string' && !isBlank(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v.trim()));
  const body = rows.slice(hasHeader ? 1 : 0);
  const date = hasHeader ? headerIndex(first, PAY_DATE_WORDS, field, 'datoen') : 0;
  const amount = hasHeader ? headerIndex(first, PAID_WORDS, field, 'beløbet') : 1;
  if (date < 0 || amount < 0) throw SaldoError.at('MANGLER', field, first, `overskriftsrækken skal have kolonnerne "Dato" og "Beløb".`);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c += 1) {
    if (c === date || c === amount || body.every((row) => isBlankOrZero(row[c]))) continue;
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      field,
      first,
      hasHeader
        ? `${field}: kolonnen ${showValue(first[c])} kendes ikke; indbetalinger har kun kolonnerne "Dato" og "Beløb". Fjern den fra markeringen.`
        : `${field}: uden overskriftsrække skal området have præcis to kolonner, dato og beløb (det har ${width}).`,
    );
  }
  return body.flatMap((row, i) => {
    // Spare rows at the end of the range (or between payments) are blank rows: empty cells are 0
    // in Excel for Windows, and no payment is of 0 kr. on date 0.
    if (row.every(isBlankOrZero)) return [];
    const where = `${field} række ${i + 1 + (hasHeader ? 1 : 0)}`;
    return [{ date: dateArg(row[date], `${where}, dato`), amount: amountArg(row[amount], `${where}, beløb`) }];
  });
}

/** A range argument as rows: Excel passes a range as rows of cells, a single value as itself. */
export function rangeArg(raw: unknown, field: string): unknown[][] {
  const value = plainRange(raw);
  if (Array.isArray(value) && value.every((row) => Array.isArray(row))) return value as unknown[][];
  if (value === null || value === undefined || typeof value === 'object') throw SaldoError.at('UGYLDIGT_INPUT', field, value, `angiv et område i regnearket.`);
  return [[value]];
}
