/**
 * A follow-up from tables in a workbook, the way controllers keep them: a goals table
 * (goalsTable.ts) and a counts table (countsTable.ts). Both become `followup`'s JSON input, so the
 * same checks and rules apply; errors name the table, the row and the column instead of JSON paths.
 */
import { SaldoError } from '../errors.js';
import { countsFromTable } from './countsTable.js';
import { followup, type Followup, type PreviousText } from './followup.js';
import { GOAL_COLUMNS, goalsFromTable } from './goalsTable.js';
import { GOALS, type Origin, type Rows } from './tableCells.js';

export interface FollowupTablesInput {
  year: number;
  goals: Rows;
  counts: Rows;
  /** Where each table's rows begin on its sheet (for row numbers in messages); default A1. */
  goalsAt?: Origin;
  countsAt?: Origin;
  previous?: PreviousText[];
  /** The last period reported ("Q2", "M05"); default: the last period with counts. */
  period?: string;
}

/** JSON keys in core's messages, as the goals table's headers. */
const KEY_WORDS = new RegExp(`\\b(${GOAL_COLUMNS.map((c) => c.key).join('|')})\\b`, 'g');

/**
 * The follow-up of a goals table and a counts table (and last follow-up's text). Errors that
 * core reports on a JSON path (`goals[2].target`) are told by table row and column instead.
 */
export function followupFromTables(input: FollowupTablesInput): Followup {
  const goals = goalsFromTable(input.goals, input.goalsAt);
  const counts = countsFromTable(input.counts, input.countsAt);
  let result: Followup;
  try {
    result = followup({ year: input.year, goals: goals.goals, data: counts.data, previous: input.previous ?? [], period: input.period });
  } catch (e) {
    if (!(e instanceof SaldoError)) throw e;
    const place = (i: string, key?: string) => {
      const column = GOAL_COLUMNS.find((c) => c.key === key);
      return `${GOALS}, række ${goals.rowNumbers[Number(i)] ?? '?'}${column ? `, kolonnen "${column.header}"` : ''}`;
    };
    const path = /goals\[(\d+)\](?:\.(\w+))?/;
    const at = path.exec(e.field);
    if (!at) throw e;
    const where = place(at[1]!, at[2]);
    // "goals[2].name mangler." → "Måltabellen, række 4, kolonnen "Mål" mangler."; a message without
    // the path gets the place in front, and JSON keys in it ("target mangler") become the headers.
    const message = path.test(e.message)
      ? e.message.replace(new RegExp(path.source, 'g'), (_, i: string, key?: string) => place(i, key))
      : `${where}: ${e.message.replace(KEY_WORDS, (key: string) => `"${GOAL_COLUMNS.find((c) => c.key === key)!.header}"`)}`;
    throw new SaldoError(e.code, where, e.value, message);
  }
  return { ...result, warnings: [...goals.warnings, ...counts.warnings, ...result.warnings] };
}
