/**
 * Quarterly follow-up on goals (Skatteministeriet's "Skabelon for opfølgning og afrapportering":
 * Nr | Mål | Resultatkrav | 1.–4. kvt. | Status sidst | År til dato | Årsag/konsekvens | Handling).
 * Period values evaluate a goal's measure on that period's counts; the year-to-date value follows
 * the goal's rule: by default the measure on the summed counts (a ratio of sums, never the mean
 * of quarterly ratios), or the mean of the period values (the inddrivelsesprocent: monthly
 * afgang / tilgang × 100, the year the mean of the months, research/domain-law.md § 7), or their
 * plain sum. A count goal with an annual target is judged pro rata to the elapsed periods.
 */

import { danishDate } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { parseGoal, type Aggregate, type Direction, type Goal, type GoalKind, type Status, type Unit } from './goal.js';
import { invalid } from './fieldReaders.js';
import { judgeMeasure, judgeMilestone } from './judge.js';
import { parsePeriodData, periodName, periodNumber, type Granularity, type PeriodData } from './periods.js';
import { markCarried, parsePrevious, turnedGreen } from './previousText.js';
import { periodEnd, type JudgedMilestone } from './milestones.js';
import type { SampleInterval } from './sample.js';
import type { Need } from './needed.js';

export type { Aggregate, Direction, Goal, GoalKind, Status, Unit } from './goal.js';
export { parseGoal } from './goal.js';
export { goalStatus, shown, statusWord, yearToDate } from './judge.js';
export { parsePrevious, type PreviousText } from './previousText.js';

export interface FollowupRow {
  id: string;
  name: string;
  requirement: string;
  kind: GoalKind;
  unit: Unit;
  target: number | null;
  direction: Direction;
  amberMargin: number;
  aggregate: Aggregate;
  /** The four quarters' values; null where there is no data (or a zero denominator). */
  quarters: Array<number | null>;
  /** The twelve months' values when the data is monthly. */
  months: Array<number | null> | null;
  ytd: number | null;
  /** Count goals: the target pro rata to the elapsed periods. */
  expected: number | null;
  /** Year-end forecast: the ratio to date, or a sum extrapolated from the elapsed periods. */
  forecast: number | null;
  status: Status | null;
  /** Why the status is what it is, in Danish, naming the periods it rests on. */
  statusNote: string;
  /** The periods the value to date rests on ("M01–M04"); '' when none (and for a milestone). */
  basis: string;
  /** A campaign's own first and last period (1-based), else null: the year. */
  start: number | null;
  end: number | null;
  /** The plan's type of goal ("Drift", "Koncernfælles") and pejlemærke; '' when not given. */
  category: string;
  pejlemærke: string;
  /** A single milestone's due and done quarter (within the year), for the quarter columns. */
  due: number | null;
  done: number | null;
  /** A milestone goal's milestones as judged on the last day of the period reported. */
  milestones: JudgedMilestone[];
  /** A sample-based goal's 95 % interval of the rate to date, and how many more samples the next period needs to tell it from the target (0: it can already; null: none can). */
  interval: SampleInterval | null;
  sampleMore: number | null;
  /** "Hvad skal der til": what the rest of the goal's window must give, and whether last year's profile (or the pace) makes it likely; null when it cannot be told. */
  need: Need | null;
  needText: string;
  cause: string;
  action: string;
}

export interface Followup {
  year: number;
  granularity: Granularity;
  /** The periods the template shows: the data's own, or complete quarters of monthly data when asked (`quarters`). */
  view: Granularity;
  /** Periods reported (up to the last one with data, or `period`). */
  elapsed: number;
  periodsInYear: number;
  rows: FollowupRow[];
  /** Text from the previous follow-up whose goal is gone: shown, never dropped. */
  unmatchedPrevious: Array<{ id: string; cause: string; action: string }>;
  /** Goals whose cause or action came from the previous follow-up. */
  carriedOver: string[];
  warnings: string[];
}

export interface FollowupInput {
  year: number;
  goals: unknown[];
  data: unknown;
  previous?: unknown;
  /** The period reported ("Q2", "M05"); default: the last period with data. */
  period?: unknown;
  /** Monthly data shown as complete quarters in the template (months stay months unless asked). */
  quarters?: unknown;
  /** Last year's counts by the same periods: its seasonal profile says whether "what it takes" is likely. */
  lastYear?: unknown;
}

/** The follow-up table for the year so far; goals' cause/action typed now win over the previous follow-up's. */
export function followup(input: FollowupInput): Followup {
  const data = parsePeriodData(input.data);
  if (!Array.isArray(input.goals) || input.goals.length === 0)
    throw SaldoError.at('MANGLER', ['goals'], input.goals, 'angiv mindst ét mål, f.eks. {"id": "2.1", "name": "Pristjek", "measure": "pristjek / selvanmeldte", "target": 0.15}.');
  if (input.goals.length > 1000) throw SaldoError.at('UGYLDIGT_INPUT', ['goals'], input.goals.length, 'højst 1.000 mål.');
  const goals = input.goals.map((g, i) => parseGoal(g, i, data, input.year));
  const seen = new Set<string>();
  for (const g of goals) {
    if (seen.has(g.id)) throw new SaldoError('UGYLDIGT_INPUT', ['goals'], g.id, `Mål ${g.id} står to gange: hvert mål skal have sit eget nummer.`);
    seen.add(g.id);
  }
  const periodsInYear = data.granularity === 'month' ? 12 : 4;
  const elapsed = periodOf(input.period, data) ?? data.elapsed;
  // Milestones are judged on the last day of the period reported (April's report: 30 April, not 30 June).
  const reportEnd = periodEnd(input.year, elapsed, data.granularity);
  const lastYear = input.lastYear === undefined || input.lastYear === null ? null : parsePeriodData(input.lastYear, 'lastYear');
  if (lastYear && lastYear.granularity !== data.granularity)
    throw invalid(['lastYear'], input.lastYear, `skal have samme slags perioder som årets tal (${data.granularity === 'month' ? 'måneder M01–M12' : 'kvartaler Q1–Q4'}).`);
  const rows = goals.map((g) => (g.kind === 'milestone' ? judgeMilestone(g, reportEnd) : judgeMeasure(g, data, elapsed, periodsInYear, lastYear)));

  // Carry the typed text over from the previous follow-up: people's words are never lost.
  const previous = parsePrevious(input.previous);
  const byId = new Map(previous.map((p) => [p.id, p]));
  const carriedOver: string[] = [];
  rows.forEach((r, i) => {
    const p = byId.get(r.id);
    if (!p) return;
    // rows are made from goals in order: goal i is row i.
    const cause = goals[i]!.cause === null && p.cause !== '';
    const action = goals[i]!.action === null && p.action !== '';
    // Carried text is marked with where it was written, and a goal green now says so before an old cause.
    if (cause) r.cause = turnedGreen(markCarried(p.cause, p), p, r.status);
    if (action) r.action = markCarried(p.action, p);
    if (cause || action) carriedOver.push(r.id);
  });
  // Kept below the table marked with where it was written, so it keeps that mark if its goal returns.
  const unmatchedPrevious = previous.filter((p) => !seen.has(p.id) && (p.cause !== '' || p.action !== '')).map((p) => ({ id: p.id, cause: markCarried(p.cause, p), action: markCarried(p.action, p) }));
  const warnings = unmatchedPrevious.map((p) => `Mål ${p.id} fra sidste opfølgning findes ikke længere; dets tekst (årsag/handling) står under "Tidligere tekst uden mål".`);
  if (input.period === undefined || input.period === null) warnings.push(...zeroPeriodWarning(data));
  if (elapsed === 0 && data.withZeros === 0) warnings.push('Der er ingen data for nogen periode endnu.');
  warnings.push(...partialPeriodWarnings(goals, data, elapsed));
  for (const r of rows)
    for (const m of r.milestones.filter((x) => x.doneAfterPeriod))
      warnings.push(
        `Mål ${r.id}: ${m.text ? `milepælen "${m.text}"` : 'milepælen'} er markeret nået ${danishDate(m.done!)}, efter perioden der rapporteres for (til ${danishDate(reportEnd)}). Den tæller ikke med i denne opfølgning.`,
      );
  if (input.quarters !== undefined && input.quarters !== null && typeof input.quarters !== 'boolean')
    throw invalid(['quarters'], input.quarters, `skal være true eller false (fik ${showValue(input.quarters)}).`);
  const view: Granularity = input.quarters === true ? 'quarter' : data.granularity;
  return { year: input.year, granularity: data.granularity, view, elapsed, periodsInYear, rows, unmatchedPrevious, carriedOver, warnings };
}

/**
 * A period that has some of a goal's counts but not all does not count for that goal (a ratio of
 * one period's numerator to the others' denominators would be wrong): said, not done in silence.
 */
function partialPeriodWarnings(goals: readonly Goal[], data: PeriodData, elapsed: number): string[] {
  const name = (n: number) => periodName(n, data.granularity);
  const out: string[] = [];
  for (const g of goals) {
    if (!g.measure) continue;
    for (let i = 0; i < elapsed; i += 1) {
      const p = data.periods[i];
      if (!p) continue;
      const missing = g.measure.names.filter((n) => !p.has(n));
      if (missing.length > 0 && missing.length < g.measure.names.length) {
        out.push(`Mål ${g.id}: ${name(i + 1)} mangler tallet for ${missing.join(' og ')}, så perioden tæller ikke med i målets resultat.`);
      }
    }
  }
  return out;
}

/**
 * Periods at the end that hold only zeros are not reported yet by default (a formula or a blank
 * cell shows 0 before the figures come): they are not counted, and the run says so and how to
 * count them when 0 is the true figure.
 */
function zeroPeriodWarning(data: PeriodData): string[] {
  if (data.withZeros <= data.elapsed) return [];
  const zeros = Array.from({ length: data.withZeros - data.elapsed }, (_, i) => data.elapsed + 1 + i);
  const names = zeros.map((n) => periodName(n, data.granularity));
  const them = zeros.length === 1 ? 'Den regnes' : 'De regnes';
  return [`${names.join(', ')} har kun tallet 0. ${them} som ikke indberettet og tæller ikke med. Er 0 det rigtige tal, så vælg til og med ${names[names.length - 1]} (period).`];
}

function periodOf(raw: unknown, data: PeriodData): number | null {
  if (raw === undefined || raw === null) return null;
  const n = periodNumber(raw, data.granularity);
  if (n === null) throw invalid(['period'], raw, `skal være ${data.granularity === 'month' ? 'en måned "M01"–"M12"' : 'et kvartal "Q1"–"Q4"'} som data (fik ${showValue(raw)}).`);
  return n;
}
