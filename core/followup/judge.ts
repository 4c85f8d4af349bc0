/**
 * Judging a goal: its values per period and quarter, the year to date by the goal's rule, and
 * rød/gul/grøn against the target (a count goal pro rata to the elapsed periods; a milestone by
 * its due quarter).
 */
import type { FollowupRow } from './followup.js';
import type { Aggregate, Direction, Goal, Status, Unit } from './goal.js';
import type { Measure } from './measure.js';
import { goalNeed, neededText } from './goalNeed.js';
import { judgeMilestones, milestonesNote, milestonesStatus } from './milestones.js';
import { periodName, periodSpan, sumCounts, type PeriodData } from './periods.js';
import { sampleSizeToTell, sampleStatus, wilson } from './sample.js';
import type { CalendarDate } from '../calendar/date.js';

/**
 * rød/gul/grøn: the target met is grøn, within `margin` of it gul, else rød; `atMost` mirrors.
 * A hair of tolerance keeps 0.15 − 0.02 from deciding an edge by the last bit of a double.
 * @example goalStatus(0.13, 0.15, 0.02, 'atLeast') // 'gul'
 */
export function goalStatus(value: number, target: number, margin: number, direction: Direction): Status {
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  const shortfall = direction === 'atLeast' ? target - value : value - target;
  if (shortfall <= tolerance) return 'grøn';
  if (shortfall <= margin + tolerance) return 'gul';
  return 'rød';
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
const sumOf = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0));
const present = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);

/** The counts of the given periods that have every name the measure uses. */
function usable(measure: Measure, periods: PeriodData['periods']): Array<ReadonlyMap<string, number>> {
  return periods.filter((p): p is ReadonlyMap<string, number> => p !== undefined && measure.names.every((n) => p.has(n)));
}

/** The periods a goal looks at (1-based, inclusive): a campaign's own, else the whole year. */
export interface Window {
  start: number;
  end: number;
}

/**
 * A measure goal's values: per period, per quarter, and to date by its rule, over the periods
 * of its window up to `elapsed`. With monthly data a quarter is filled only when each of its
 * months in the window is reported (April alone is no "2. kvartal"). `basis` is the periods the
 * value to date rests on.
 */
function measureValues(aggregate: Aggregate, measure: Measure, data: PeriodData, elapsed: number, window: Window) {
  const inWindow = (i: number) => i + 1 >= window.start && i + 1 <= window.end && i < elapsed;
  const periodValues = data.periods.map((p, i) => (inWindow(i) && p !== undefined ? measure.evaluate(p) : null));
  const combine = (indexes: number[]): number | null => {
    const values = present(indexes.map((i) => periodValues[i] ?? null));
    if (aggregate === 'meanOfPeriods') return mean(values);
    if (aggregate === 'sum') return sumOf(values);
    const counts = usable(
      measure,
      indexes.map((i) => data.periods[i]),
    );
    return counts.length === 0 ? null : measure.evaluate(sumCounts(counts));
  };
  const perQuarter = data.granularity === 'month' ? 3 : 1;
  const quarters = [0, 1, 2, 3].map((q) => {
    const own = Array.from({ length: perQuarter }, (_, m) => q * perQuarter + m).filter((i) => i + 1 >= window.start && i + 1 <= window.end);
    const complete = own.length > 0 && own.every((i) => i < elapsed && periodValues[i] !== null);
    return complete ? combine(own) : null;
  });
  const used = data.periods.map((_, i) => i).filter((i) => periodValues[i] !== null);
  const ytd = combine(used);
  return {
    quarters,
    months: data.granularity === 'month' ? periodValues : null,
    ytd,
    used,
    basis: periodSpan(
      used.map((i) => i + 1),
      data.granularity,
    ),
  };
}

/**
 * The year to date of period figures by `aggregate`, as a goal "numerator / denominator" (or
 * just "numerator") computes it: ratioOfSums sums both before dividing. A period with a blank
 * numerator or denominator counts as no data; null when nothing is left or it divides by zero.
 * Up to 4 periods are quarters, up to 12 months.
 * @example yearToDate([2800, 3100], [20000, 21000], 'ratioOfSums') // 5900 / 41000
 */
export function yearToDate(numerators: ReadonlyArray<number | null>, denominators: ReadonlyArray<number | null> | null, aggregate: Aggregate): number | null {
  const size = numerators.length <= 4 ? 4 : 12;
  const periods: PeriodData['periods'] = Array.from({ length: size }, (_, i) => {
    const t = numerators[i] ?? null;
    const n = denominators ? (denominators[i] ?? null) : 1;
    return t === null || n === null
      ? undefined
      : new Map([
          ['t', t],
          ['n', n],
        ]);
  });
  const data: PeriodData = { granularity: size === 4 ? 'quarter' : 'month', periods, names: new Set(['t', 'n']), elapsed: numerators.length, withZeros: numerators.length };
  return measureValues(aggregate, ratioMeasure(denominators !== null), data, numerators.length, { start: 1, end: size }).ytd;
}

/**
 * "t / n" (or "t") as a measure: plain arithmetic, so the year to date (ÅRTILDATO) needs no
 * expression engine. As a compiled measure: a missing count or a division by zero is null.
 */
function ratioMeasure(withDenominator: boolean): Measure {
  return {
    text: withDenominator ? 't / n' : 't',
    names: withDenominator ? ['t', 'n'] : ['t'],
    evaluate(counts) {
      const t = counts.get('t');
      const n = withDenominator ? counts.get('n') : 1;
      if (t === undefined || n === undefined) return null;
      const value = t / n;
      return Number.isFinite(value) ? value : null;
    },
  };
}

/** The status for people: the colour, or why there is none ("ingen data"; "følges" for a goal without a target). */
export const statusWord = (r: Pick<FollowupRow, 'status' | 'target' | 'kind' | 'ytd'>): string => r.status ?? (r.target === null && r.kind !== 'milestone' ? 'følges' : 'ingen data');

/** A goal's value for people: "14,4 %", "4,16", "12.000". */
export const shown = (v: number, unit: Unit): string => (unit === 'percent' ? `${(v * 100).toFixed(1).replace('.', ',')} %` : v.toLocaleString('da-DK', { maximumFractionDigits: 2 }));

export function judgeMeasure(goal: Goal, data: PeriodData, elapsed: number, periodsInYear: number, lastYear: PeriodData | null = null): FollowupRow {
  if (goal.measure === null) {
    // Neither measure nor target: a goal followed in words, its status set by hand.
    const statusNote = goal.manualStatus ? 'uden måling; status sat i hånden' : 'uden måling og målværdi: følges i teksten';
    return row(goal, { quarters: [null, null, null, null], months: null, ytd: null, expected: null, forecast: null, status: goal.manualStatus, statusNote, basis: '' });
  }
  // A campaign counts from its own start to its own end, not from 1 January (SPEC followup).
  const window: Window = { start: goal.start ?? 1, end: goal.end ?? periodsInYear };
  const { quarters, months, ytd, used, basis } = measureValues(goal.aggregate, goal.measure, data, elapsed, window);
  const target = goal.target;
  const length = window.end - window.start + 1;
  const passed = Math.max(0, Math.min(elapsed, window.end) - window.start + 1);
  const share = passed / length;
  const perYear = goal.kind === 'count' || goal.aggregate === 'sum';
  const expected = goal.kind === 'count' && target !== null ? target * share : null;
  // A count's forecast is a count: whole agreements, not 1.141,33.
  const raw = ytd === null || passed === 0 ? null : perYear ? ytd / share : ytd;
  const forecast = raw !== null && goal.kind === 'count' ? Math.round(raw) : raw;
  const campaign = goal.start !== null || goal.end !== null;
  const span = periodSpan(
    Array.from({ length: window.end - window.start + 1 }, (_, i) => window.start + i),
    data.granularity,
  );
  let status: Status | null = null;
  let statusNote = passed === 0 && campaign ? `kampagnen begynder ${periodName(window.start, data.granularity)}` : 'ingen data';
  let sample: Pick<FollowupRow, 'interval' | 'sampleMore'> = { interval: null, sampleMore: null };
  if (ytd !== null) {
    const soFar = `${shown(ytd, goal.unit)} ${campaign ? 'til dato' : 'år til dato'} (${basis})`;
    if (target === null) {
      status = goal.manualStatus;
      statusNote = `${soFar}; uden målværdi, så det bedømmes ikke${goal.manualStatus ? ' (status sat i hånden)' : ''}`;
    } else if (goal.sample !== null) {
      const n = used.reduce((sum, i) => sum + (data.periods[i]?.get(goal.sample!) ?? 0), 0);
      ({ status, statusNote, sample } = judgeSample(ytd, n, target, goal, soFar));
    } else {
      const against = expected ?? target;
      status = goalStatus(ytd, against, goal.kind === 'count' ? goal.amberMargin * share : goal.amberMargin, goal.direction);
      statusNote =
        goal.kind === 'count'
          ? `${soFar} mod ${shown(against, goal.unit)} forventet efter ${passed} af ${length} perioder (${campaign ? `mål for ${span}` : 'årsmål'} ${shown(target, goal.unit)})`
          : `${soFar} mod målet ${goal.direction === 'atLeast' ? 'mindst' : 'højst'} ${shown(target, goal.unit)}`;
    }
  }
  const need = goalNeed(goal, data, lastYear, elapsed, window);
  // A count's figures are whole counts: "1.533 pr. kvartal", not 1.532,5.
  const show = (v: number) => shown(goal.kind === 'count' ? Math.round(v) : v, goal.unit);
  const needText = need === null || need.state === 'unknown' ? '' : neededText(need, show, data.granularity);
  return row(goal, { quarters, months, ytd, expected, forecast, status, statusNote, basis, ...sample, need, needText });
}

/**
 * A rate found in a sample is judged by what the sample can tell: gul when the target lies in its
 * 95 % interval (the margin is not used), with the number of samples that would tell them apart.
 */
function judgeSample(rate: number, n: number, target: number, goal: Goal, soFar: string) {
  const interval = n > 0 ? wilson(rate, n) : null;
  if (interval === null) return { status: null, statusNote: `${soFar}; stikprøvernes antal (${goal.sample}) er 0`, sample: { interval: null, sampleMore: null } };
  const status = sampleStatus(interval, target, goal.direction);
  const pct = (v: number) => shown(v, 'percent');
  const range = `95 %-interval ${pct(interval.low).replace(' %', '')}–${pct(interval.high)} ud fra ${n.toLocaleString('da-DK')} stikprøver`;
  const verdict = status === 'gul' ? `kan ikke skelnes fra målet ${pct(target)}` : status === 'grøn' ? `målet ${pct(target)} er nået` : `målet ${pct(target)} er ikke nået`;
  const total = sampleSizeToTell(rate, target);
  const sampleMore = status !== 'gul' ? 0 : total === null ? null : Math.max(0, total - n);
  const advice =
    status !== 'gul'
      ? ''
      : sampleMore === null
        ? '; resultatet ligger så tæt på målet, at ingen rimelig stikprøve kan skelne dem'
        : `; for at skelne ${pct(rate)} fra målet skal der i alt være ca. ${total!.toLocaleString('da-DK')} stikprøver, ${sampleMore.toLocaleString('da-DK')} flere i næste periode`;
  return { status, statusNote: `${soFar}; ${range}: ${verdict}${advice}`, sample: { interval, sampleMore } };
}

/** A milestone goal on the last day of the period reported. */
export function judgeMilestone(goal: Goal, reportEnd: CalendarDate): FollowupRow {
  const judged = judgeMilestones(goal.milestones, reportEnd);
  const status = milestonesStatus(judged, goal.manualStatus);
  const statusNote = milestonesNote(judged, goal.manualStatus, reportEnd);
  return { ...row(goal, { quarters: [null, null, null, null], months: null, ytd: null, expected: null, forecast: null, status, statusNote, basis: '' }), milestones: judged };
}

/** The quarter a date falls in, when it is in the plan's year (a milestone's due or done quarter). */
const quarterIn = (date: CalendarDate | null | undefined, year: number): number | null => (date && Number(date.slice(0, 4)) === year ? Math.ceil(Number(date.slice(5, 7)) / 3) : null);

function row(
  goal: Goal,
  values: Pick<FollowupRow, 'quarters' | 'months' | 'ytd' | 'expected' | 'forecast' | 'status' | 'statusNote' | 'basis'> & Partial<Pick<FollowupRow, 'interval' | 'sampleMore' | 'need' | 'needText'>>,
): FollowupRow {
  // One milestone keeps its due and done quarter in the quarter columns ("frist", "nået").
  const only = goal.milestones.length === 1 ? goal.milestones[0]! : null;
  const year = only ? Number(only.due.slice(0, 4)) : 0;
  return {
    id: goal.id,
    name: goal.name,
    requirement: goal.requirement,
    kind: goal.kind,
    unit: goal.unit,
    target: goal.target,
    direction: goal.direction,
    amberMargin: goal.amberMargin,
    aggregate: goal.aggregate,
    category: goal.category,
    pejlemærke: goal.pejlemærke,
    interval: null,
    sampleMore: null,
    need: null,
    needText: '',
    ...values,
    due: quarterIn(only?.due, year),
    done: quarterIn(only?.done, year),
    milestones: [],
    cause: goal.cause ?? '',
    action: goal.action ?? '',
    start: goal.start,
    end: goal.end,
  };
}
