/**
 * A follow-up from tables in a workbook, the way controllers keep them: a goals table
 * (goalsTable.ts) and a counts table (countsTable.ts). Both become `followup`'s JSON input, so the
 * same checks and rules apply; errors name the table, the row and the column instead of JSON paths.
 */
import { jsonPath, SaldoError } from '../errors.js';
import { COUNTS } from './tableCells.js';
import { countsFromTable } from './countsTable.js';
import { followup, type Followup, type PreviousText } from './followup.js';
import { goalsFromTable, goalsTableNamer } from './goalsTable.js';
import type { Origin, Rows } from './tableCells.js';

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
  /** Monthly counts shown as complete quarters (default: months stay months). */
  quarters?: boolean;
  /** Last year's counts table, laid out as the counts table ("Hvad skal der til" follows its profile). */
  lastYear?: Rows;
  lastYearAt?: Origin;
}

/**
 * The follow-up of a goals table and a counts table (and last follow-up's text). Errors that
 * core reports at a goal (`['goals', 2, 'target']`) are told by table row and column instead.
 */
export function followupFromTables(input: FollowupTablesInput): Followup {
  const goals = goalsFromTable(input.goals, input.goalsAt);
  const counts = countsFromTable(input.counts, input.countsAt);
  const lastYear = input.lastYear ? lastYearCounts(input.lastYear, input.lastYearAt) : null;
  let result: Followup;
  try {
    result = followup({
      year: input.year,
      goals: goals.goals,
      data: counts.data,
      previous: input.previous ?? [],
      period: input.period,
      quarters: input.quarters,
      ...(lastYear ? { lastYear: lastYear.data } : {}),
    });
  } catch (e) {
    // Last year's counts are their own table, not "lastYear" (JSON) and not the counts table.
    if (e instanceof SaldoError && e.place[0] === 'lastYear') throw new SaldoError(e.code, LAST_YEAR, e.value, `${LAST_YEAR}: ${e.messageFor((p) => (p[0] === 'lastYear' ? 'den' : jsonPath(p)))}`);
    if (!(e instanceof SaldoError) || e.place[0] !== 'goals' || typeof e.place[1] !== 'number') throw e;
    const name = goalsTableNamer(goals.rowNumbers);
    const where = name(e.place.slice(0, 3));
    // "Måltabellen, række 4, kolonnen "Mål" mangler."; a message that does not name its place gets it in front.
    const message = e.namesItsPlace() ? e.messageFor(name) : `${where}: ${e.messageFor(name)}`;
    throw new SaldoError(e.code, where, e.value, message);
  }
  return { ...result, warnings: [...goals.warnings, ...counts.warnings, ...(lastYear?.warnings ?? []), ...result.warnings] };
}

const LAST_YEAR = 'Sidste års taltabel';

/** Last year's counts, read as a counts table, its messages naming it as what it is. */
function lastYearCounts(rows: Rows, at: Origin | undefined): ReturnType<typeof countsFromTable> {
  const named = (text: string) => text.replaceAll(COUNTS, LAST_YEAR);
  try {
    const counts = countsFromTable(rows, at);
    return { ...counts, warnings: counts.warnings.map(named) };
  } catch (e) {
    if (!(e instanceof SaldoError)) throw e;
    const message = named(e.messageFor(jsonPath));
    throw new SaldoError(e.code, LAST_YEAR, e.value, message.startsWith(LAST_YEAR) ? message : `${LAST_YEAR}: ${message}`);
  }
}
