/** The `followup` command (SPEC "followup"): goals, period counts and last quarter's text → the template table. */
import { parseYear, parseYearText } from '../calendar/year.js';
import { SaldoError, type At } from '../errors.js';
import { followup as computeFollowup, type Followup } from '../followup/followup.js';
import { percentWarnings } from '../followup/percentWarnings.js';
import { followupFromTables, type FollowupTablesInput } from '../followup/tables.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { FollowupInput } from './inputs.js';

export type FollowupOutput = Followup;

export function followup(input: FollowupInput, _rules: RuleSet): Followup {
  const raw: unknown = input;
  if (!isJsonObject(raw)) {
    throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"year": 2025, "goals": [...], "data": {"Q1": {...}}}.');
  }
  rejectUnknownKeys(raw, ['year', 'goals', 'data', 'previous', 'period', 'quarters', 'lastYear'], []);
  present(raw.data, ['data'], 'tallene pr. periode, f.eks. {"Q1": {"pristjek": 2800, "selvanmeldte": 20000}}.');
  const goals = raw.goals as unknown[];
  const result = computeFollowup({ year: parseYear(raw.year), goals, data: raw.data, previous: raw.previous, period: raw.period, quarters: raw.quarters, lastYear: raw.lastYear });
  return { ...result, warnings: [...percentWarnings(goals), ...result.warnings] };
}

/** The year of a follow-up of tables, as typed in a form field. */
export interface FollowupOfTablesInput {
  year: string;
  /** The form field's name, for a message about the year. */
  yearPlace: At;
}

/**
 * The follow-up of a goals table and a counts table (the task pane's Opfølgning): the year is
 * checked first (before the tables are read), then the tables read give the follow-up.
 */
export function followupOfTables(input: FollowupOfTablesInput, _rules: RuleSet): (tables: Omit<FollowupTablesInput, 'year'>) => Followup {
  const year = parseYearText(input.year, input.yearPlace);
  return (tables) => followupFromTables({ ...tables, year });
}
