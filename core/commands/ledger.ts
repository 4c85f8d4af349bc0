/**
 * `statements` and `analyse` on a JSON ledger: `{"year": 2026, "ledger": [{…rows…}]}` and
 * `{"asOf": "2026-12-31", "from": "2026-01-01", "to": "2026-12-31", "ledger": [...]}` (from/to optional;
 * `limitation` is a portfolio command, ./portfolio.ts). Files (.csv, .xlsx) stream through the CLI. They
 * return the statement and the analysis in øre with their texts as the output shows them (CPR
 * numbers masked with `maskCpr`); `statementToJson` and `analysisToJson` make the JSON.
 */
import { parseDate, toDayNumber } from '../calendar/date.js';
import { parseYear, parseYearText } from '../calendar/year.js';
import { SaldoError, showValue, type At } from '../errors.js';
import { flag, isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { analysisPeriod, type Analysis, type AnalysisPeriod } from '../ledger/analyse.js';
import { analysisFromRows, objectsToRows, statementFromRows } from '../ledger/ledgerJson.js';
import { showAnalysis, showStatement } from '../ledger/shownTexts.js';
import { mappedRows, mappingOf } from '../ledger/ledgerMapping.js';
import type { Statement } from '../ledger/statement.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { AnalyseInput, StatementsInput } from './inputs.js';

/** The JSON ledger's rows (a header row first), or a Danish error naming `ledger`. */
export function ledgerRows(input: Record<string, unknown>): unknown[][] {
  const ledger = input.ledger;
  if (!Array.isArray(ledger)) throw SaldoError.at('MANGLER', ['ledger'], ledger, 'angiv posteringerne som en liste af objekter.');
  return objectsToRows(ledger);
}

/** "maskCpr": "ja" must not quietly leave CPR numbers unmasked. */
export function checkMaskCpr(raw: unknown): void {
  flag(raw, ['maskCpr'], false, () => ` (fik ${showValue(raw)})`);
}

export function statements(input: StatementsInput, rules: RuleSet): Statement {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"year": 2026, "ledger": [...]}.');
  rejectUnknownKeys(raw, ['year', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  return showStatement(statementFromRows(ledgerRows(raw), parseYear(raw.year), rules), { maskCpr: raw.maskCpr === true });
}

/**
 * The analysis's date and period as given (ISO dates; `from`/`to` may be left out: the 12 months
 * up to asOf), checked before a row is read. Each problem is a Danish error at its place.
 */
export function analyseDates(raw: { asOf: unknown; from?: unknown; to?: unknown }, places: { asOf: At; from: At; to: At }): { asOf: number; period: AnalysisPeriod } {
  const asOf = toDayNumber(parseDate(raw.asOf, places.asOf));
  const day = (value: unknown, at: At) => (value === undefined ? undefined : toDayNumber(parseDate(value, at)));
  return { asOf, period: analysisPeriod(asOf, { from: day(raw.from, places.from), to: day(raw.to, places.to) }, places) };
}

export function analyse(input: AnalyseInput, _rules: RuleSet): Analysis {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"asOf": "2026-12-31", "ledger": [...]}.');
  rejectUnknownKeys(raw, ['asOf', 'from', 'to', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  present(raw.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  const { asOf, period } = analyseDates({ asOf: raw.asOf, from: raw.from, to: raw.to }, { asOf: ['asOf'], from: ['from'], to: ['to'] });
  return showAnalysis(analysisFromRows(ledgerRows(raw), asOf, period), { maskCpr: raw.maskCpr === true });
}

/** The year's statements of a ledger sheet (the task pane's Saldoopgørelse), with the year as typed in a form field. */
export interface StatementsOfRowsInput {
  year: string;
  /** The form field's name, for a message about the year. */
  yearPlace: At;
  maskCpr: boolean;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/**
 * Checks the year first (before a long read of the sheet), then gives the statement of the rows
 * read (a header row first).
 */
export function statementsOfRows(input: StatementsOfRowsInput, rules: RuleSet): (rows: Iterable<readonly unknown[]>) => Statement {
  const year = parseYearText(input.year, input.yearPlace);
  const mapping = mappingOf(input.mapping);
  return (rows) => showStatement(statementFromRows(mappedRows(rows, mapping), year, rules), { maskCpr: input.maskCpr });
}

export interface AnalyseRowsInput {
  asOf: string;
  asOfPlace: At;
  /** The period as typed in the form's fields (ISO dates); empty or left out: the 12 months up to asOf. */
  from?: string;
  fromPlace?: At;
  to?: string;
  toPlace?: At;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/** The analysis of a ledger sheet on a date (the task pane's Analyse): the date and period checked first, then the rows read. */
export function analyseRows(input: AnalyseRowsInput, _rules: RuleSet): (rows: Iterable<readonly unknown[]>) => Analysis {
  const typed = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const { asOf, period } = analyseDates({ asOf: input.asOf, from: typed(input.from), to: typed(input.to) }, { asOf: input.asOfPlace, from: input.fromPlace ?? 'from', to: input.toPlace ?? 'to' });
  const mapping = mappingOf(input.mapping);
  return (rows) => analysisFromRows(mappedRows(rows, mapping), asOf, period);
}
