/**
 * `statements` and `analyse` on a JSON ledger: `{"year": 2026, "ledger": [{…rows…}]}` and
 * `{"asOf": "2026-12-31", "ledger": [...]}`. Files (.csv, .xlsx) stream through the CLI.
 */
import { parseDate, toDayNumber } from '../calendar/date.js';
import { SaldoError, showValue, type At } from '../errors.js';
import { flag, isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { analysisFromRows, analysisToJson, objectsToRows, statementFromRows, statementToJson, type AnalyseOutput, type StatementsOutput } from '../ledger/ledgerJson.js';
import type { RuleSet } from '../rules/ruleSet.js';

export function parseYear(raw: unknown, field: At = ['year']): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1900 || raw > 9999) {
    throw SaldoError.at(raw === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT', field, raw, `angiv opgørelsesåret, f.eks. 2026 (fik ${showValue(raw)}).`);
  }
  return raw;
}

/** A year typed as text (a CLI option, a task pane field): the message shows what was typed, never NaN. */
export function parseYearText(text: string | undefined, field: At): number {
  const t = text?.trim();
  return parseYear(t === undefined ? undefined : /^\d+$/.test(t) ? Number(t) : t, field);
}

function ledgerRows(input: Record<string, unknown>): unknown[][] {
  const ledger = input.ledger;
  if (!Array.isArray(ledger)) throw SaldoError.at('MANGLER', ['ledger'], ledger, 'angiv posteringerne som en liste af objekter.');
  return objectsToRows(ledger);
}

/** "maskCpr": "ja" must not quietly leave CPR numbers unmasked. */
function checkMaskCpr(raw: unknown): void {
  flag(raw, ['maskCpr'], false, ` (fik ${showValue(raw)})`);
}

export function statements(input: unknown, rules: RuleSet): StatementsOutput {
  if (!isJsonObject(input)) throw new SaldoError('UGYLDIGT_INPUT', [], input, 'Inputtet skal være et objekt: {"year": 2026, "ledger": [...]}.');
  rejectUnknownKeys(input, ['year', 'ledger', 'maskCpr'], []);
  checkMaskCpr(input.maskCpr);
  return statementToJson(statementFromRows(ledgerRows(input), parseYear(input.year), rules), { maskCpr: input.maskCpr === true });
}

export function analyse(input: unknown, _rules: RuleSet): AnalyseOutput {
  if (!isJsonObject(input)) throw new SaldoError('UGYLDIGT_INPUT', [], input, 'Inputtet skal være et objekt: {"asOf": "2026-12-31", "ledger": [...]}.');
  rejectUnknownKeys(input, ['asOf', 'ledger', 'maskCpr'], []);
  checkMaskCpr(input.maskCpr);
  present(input.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  return analysisToJson(analysisFromRows(ledgerRows(input), toDayNumber(parseDate(input.asOf, ['asOf']))), { maskCpr: input.maskCpr === true });
}
