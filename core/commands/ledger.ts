/**
 * `statements`, `analyse` and `limitation` on a JSON ledger: `{"year": 2026, "ledger": [{…rows…}]}`,
 * `{"asOf": "2026-12-31", "ledger": [...]}` and `{"asOf": "2026-12-31", "days": 180, "ledger": [...]}`. Files (.csv, .xlsx) stream through the CLI. They
 * return the statement and the analysis in øre with their texts as the output shows them (CPR
 * numbers masked with `maskCpr`); `statementToJson` and `analysisToJson` make the JSON.
 */
import { parseDate, toDayNumber } from '../calendar/date.js';
import { parseYear, parseYearText } from '../calendar/year.js';
import { SaldoError, showValue, type At } from '../errors.js';
import { flag, isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import type { Analysis } from '../ledger/analyse.js';
import { analysisFromRows, objectsToRows, statementFromRows } from '../ledger/ledgerJson.js';
import { showAnalysis, showStatement } from '../ledger/shownTexts.js';
import { mappedRows, mappingOf } from '../ledger/ledgerMapping.js';
import type { Statement } from '../ledger/statement.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { limitationRadarOfRows, parseWindowDays, showRadar, type LimitationRadar } from '../portfolio/limitationRadar.js';
import type { AnalyseInput, LimitationInput, StatementsInput } from './inputs.js';

function ledgerRows(input: Record<string, unknown>): unknown[][] {
  const ledger = input.ledger;
  if (!Array.isArray(ledger)) throw SaldoError.at('MANGLER', ['ledger'], ledger, 'angiv posteringerne som en liste af objekter.');
  return objectsToRows(ledger);
}

/** "maskCpr": "ja" must not quietly leave CPR numbers unmasked. */
function checkMaskCpr(raw: unknown): void {
  flag(raw, ['maskCpr'], false, ` (fik ${showValue(raw)})`);
}

export function statements(input: StatementsInput, rules: RuleSet): Statement {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"year": 2026, "ledger": [...]}.');
  rejectUnknownKeys(raw, ['year', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  return showStatement(statementFromRows(ledgerRows(raw), parseYear(raw.year), rules), { maskCpr: raw.maskCpr === true });
}

export function analyse(input: AnalyseInput, _rules: RuleSet): Analysis {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"asOf": "2026-12-31", "ledger": [...]}.');
  rejectUnknownKeys(raw, ['asOf', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  present(raw.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  return showAnalysis(analysisFromRows(ledgerRows(raw), toDayNumber(parseDate(raw.asOf, ['asOf']))), { maskCpr: raw.maskCpr === true });
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
}

/** The analysis of a ledger sheet on a date (the task pane's Analyse): the date checked first, then the rows read. */
export function analyseRows(input: AnalyseRowsInput, _rules: RuleSet): (rows: Iterable<readonly unknown[]>) => Analysis {
  const day = toDayNumber(parseDate(input.asOf, input.asOfPlace));
  return (rows) => analysisFromRows(rows, day);
}

/** The forældelse radar of a JSON ledger on `asOf` (SPEC `limitation`), its texts shown as `maskCpr` says. */
export function limitation(input: LimitationInput, rules: RuleSet): LimitationRadar {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"asOf": "2026-12-31", "days": 180, "ledger": [...]}.');
  rejectUnknownKeys(raw, ['asOf', 'days', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  present(raw.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  const asOf = toDayNumber(parseDate(raw.asOf, ['asOf']));
  const days = parseWindowDays(raw.days, ['days']);
  return showRadar(limitationRadarOfRows(ledgerRows(raw), asOf, days, rules), { maskCpr: raw.maskCpr === true });
}

export interface LimitationRowsInput {
  asOf: string;
  asOfPlace: At;
  /** The window as typed in a form field (empty: 180). */
  days: string;
  daysPlace: At;
  maskCpr: boolean;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/** The radar of a ledger sheet (for the task pane): the date and the days checked first, then the rows read. */
export function limitationOfRows(input: LimitationRowsInput, rules: RuleSet): (rows: Iterable<readonly unknown[]>) => LimitationRadar {
  const asOf = toDayNumber(parseDate(input.asOf, input.asOfPlace));
  const days = parseWindowDays(input.days.trim() === '' ? undefined : input.days, input.daysPlace);
  const mapping = mappingOf(input.mapping);
  return (rows) => showRadar(limitationRadarOfRows(mappedRows(rows, mapping), asOf, days, rules), { maskCpr: input.maskCpr });
}
