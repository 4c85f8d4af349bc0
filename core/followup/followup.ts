/**
 * Quarterly follow-up on goals (Skatteministeriet's "Skabelon for opfølgning og afrapportering":
 * Nr | Mål | Resultatkrav | 1.–4. kvt. | Status sidst | År til dato | Årsag/konsekvens | Handling).
 * Period values evaluate a goal's measure on that period's counts; the year-to-date value follows
 * the goal's rule: by default the measure on the summed counts (a ratio of sums, never the mean
 * of quarterly ratios), or the mean of the period values (the inddrivelsesprocent: monthly
 * afgang / tilgang × 100, the year the mean of the months, research/domain-law.md § 7), or their
 * plain sum. A count goal with an annual target is judged pro rata to the elapsed periods.
 */
import { SaldoError, showValue, type Place } from '../errors.js';
import { isJsonObject, namedKeys, rejectUnknownKeys, within } from '../input/fields.js';
import { compileMeasure, type Measure } from './measure.js';
import { parsePeriodData, periodNumber, sumCounts, type Granularity, type PeriodData } from './periods.js';

export type Direction = 'atLeast' | 'atMost';
export type Aggregate = 'ratioOfSums' | 'meanOfPeriods' | 'sum';
export type GoalKind = 'ratio' | 'count' | 'milestone';
export type Unit = 'percent' | 'number' | 'kr';
export type Status = 'grøn' | 'gul' | 'rød';

export interface Goal {
  id: string;
  name: string;
  requirement: string;
  kind: GoalKind;
  measure: Measure | null;
  target: number | null;
  direction: Direction;
  amberMargin: number;
  unit: Unit;
  aggregate: Aggregate;
  /** Milestones: the quarter it is due (1–4), the quarter it was done (or null), a status set by hand. */
  due: number | null;
  done: number | null;
  manualStatus: Status | null;
  cause: string | null;
  action: string | null;
}

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
  /** Why the status is what it is, in Danish. */
  statusNote: string;
  due: number | null;
  done: number | null;
  cause: string;
  action: string;
}

export interface Followup {
  year: number;
  granularity: Granularity;
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

/** "`place` skal være …": the place named by the front end. */
const invalid = (field: Place, value: unknown, rest: string) => new SaldoError('UGYLDIGT_INPUT', field, value, (name) => `${name(field)} ${rest}`);

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], field: Place, fallback: T): T {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) throw invalid(field, raw, `skal være ${allowed.map((a) => `"${a}"`).join(' eller ')} (fik ${showValue(raw)}).`);
  return raw as T;
}

function text(raw: unknown, field: Place, required: boolean): string | null {
  if (raw === undefined || raw === null) {
    if (required) throw new SaldoError('MANGLER', field, raw, (name) => `${name(field)} mangler.`);
    return null;
  }
  if (typeof raw !== 'string') throw invalid(field, raw, `skal være tekst (fik ${showValue(raw)}).`);
  if (raw.length > 10_000) throw invalid(field, raw, 'er for lang (højst 10.000 tegn).');
  return raw;
}

function finite(raw: unknown, field: Place, min = -1e12): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > 1e12) throw invalid(field, raw, `skal være et tal${min === 0 ? ' ≥ 0' : ''} (fik ${showValue(raw)}).`);
  return raw;
}

function quarterOf(raw: unknown, field: Place): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const q = periodNumber(raw, 'quarter');
  if (q === null) throw invalid(field, raw, `skal være et kvartal "Q1"–"Q4" (fik ${showValue(raw)}).`);
  return q;
}

const GOAL_KEYS = ['id', 'name', 'requirement', 'kind', 'measure', 'target', 'direction', 'amberMargin', 'unit', 'aggregate', 'due', 'done', 'status', 'cause', 'action'];

export function parseGoal(raw: unknown, index: number, data: PeriodData): Goal {
  const field = ['goals', index];
  const key = (k: string) => within(field, k);
  if (!isJsonObject(raw)) throw SaldoError.at('UGYLDIGT_INPUT', field, raw, (name) => `et mål skal være et objekt med ${namedKeys(name, ['id', 'name', 'measure'])} og ${name(['target'])} (fik ${showValue(raw)}).`);
  rejectUnknownKeys(raw, GOAL_KEYS, field);
  const id = raw.id === undefined ? '' : typeof raw.id === 'number' ? String(raw.id) : text(raw.id, key('id'), true)!;
  if (id.trim() === '') throw new SaldoError('MANGLER', key('id'), raw.id, (name) => `${name(key('id'))} mangler: giv målet et nummer, f.eks. "2.1".`);
  const kind = oneOf(raw.kind, ['ratio', 'count', 'milestone'] as const, key('kind'), 'ratio');
  const name = text(raw.name, key('name'), true)!;
  const milestone = kind === 'milestone';
  const measureText = text(raw.measure, key('measure'), !milestone);
  const measure = measureText === null ? null : compileMeasure(measureText, id, key('measure'), data.names);
  const target = raw.target === undefined || raw.target === null ? null : finite(raw.target, key('target'));
  if (target === null && !milestone) throw new SaldoError('MANGLER', key('target'), undefined, (name) => `Mål ${id}: ${name(['target'])} mangler (målværdien, f.eks. 0.15 for 15 %).`);
  const due = quarterOf(raw.due, key('due'));
  if (milestone && due === null) throw new SaldoError('MANGLER', key('due'), undefined, (name) => `Mål ${id}: en milepæl skal have ${name(['due'])}, kvartalet den skal være nået i ("Q4").`);
  return {
    id,
    name,
    requirement: text(raw.requirement, key('requirement'), false) ?? '',
    kind,
    measure,
    target,
    direction: oneOf(raw.direction, ['atLeast', 'atMost'] as const, key('direction'), 'atLeast'),
    amberMargin: raw.amberMargin === undefined ? 0 : finite(raw.amberMargin, key('amberMargin'), 0),
    unit: oneOf(raw.unit, ['percent', 'number', 'kr'] as const, key('unit'), 'number'),
    aggregate: oneOf(raw.aggregate, ['ratioOfSums', 'meanOfPeriods', 'sum'] as const, key('aggregate'), kind === 'count' ? 'sum' : 'ratioOfSums'),
    due,
    done: quarterOf(raw.done, key('done')),
    manualStatus: raw.status === undefined || raw.status === null ? null : oneOf(raw.status, ['grøn', 'gul', 'rød'] as const, key('status'), 'grøn'),
    cause: text(raw.cause, key('cause'), false),
    action: text(raw.action, key('action'), false),
  };
}

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

/** A measure goal's values: per period, per quarter, and year to date by its rule. */
function measureValues(aggregate: Aggregate, measure: Measure, data: PeriodData, elapsed: number) {
  const periods = data.periods.slice(0, elapsed);
  const periodValues = data.periods.map((p, i) => (i < elapsed && p !== undefined ? measure.evaluate(p) : null));
  const combine = (indexes: number[]): number | null => {
    const values = present(indexes.map((i) => periodValues[i] ?? null));
    if (aggregate === 'meanOfPeriods') return mean(values);
    if (aggregate === 'sum') return sumOf(values);
    const counts = usable(measure, indexes.map((i) => periods[i]));
    return counts.length === 0 ? null : measure.evaluate(sumCounts(counts));
  };
  const perQuarter = data.granularity === 'month' ? 3 : 1;
  const quarters = [0, 1, 2, 3].map((q) => combine([0, 1, 2].slice(0, perQuarter).map((m) => q * perQuarter + m).filter((i) => i < elapsed)));
  const ytd = combine(periods.map((_, i) => i));
  return { quarters, months: data.granularity === 'month' ? periodValues : null, ytd };
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
    return t === null || n === null ? undefined : new Map([['t', t], ['n', n]]);
  });
  const data: PeriodData = { granularity: size === 4 ? 'quarter' : 'month', periods, names: new Set(['t', 'n']), elapsed: numerators.length };
  const measure = compileMeasure(denominators ? 't / n' : 't', 'år til dato', 'tællere', data.names);
  return measureValues(aggregate, measure, data, numerators.length).ytd;
}

/** A goal's value for people: "14,4 %", "4,16", "12.000". */
export const shown = (v: number, unit: Unit): string => (unit === 'percent' ? `${(v * 100).toFixed(1).replace('.', ',')} %` : v.toLocaleString('da-DK', { maximumFractionDigits: 2 }));

function judgeMeasure(goal: Goal, data: PeriodData, elapsed: number, periodsInYear: number): FollowupRow {
  const { quarters, months, ytd } = measureValues(goal.aggregate, goal.measure!, data, elapsed);
  const target = goal.target!;
  const share = elapsed / periodsInYear;
  const perYear = goal.kind === 'count' || goal.aggregate === 'sum';
  const expected = goal.kind === 'count' ? target * share : null;
  const forecast = ytd === null || elapsed === 0 ? null : perYear ? ytd / share : ytd;
  let status: Status | null = null;
  let statusNote = 'ingen data';
  if (ytd !== null) {
    const against = expected ?? target;
    status = goalStatus(ytd, against, goal.kind === 'count' ? goal.amberMargin * share : goal.amberMargin, goal.direction);
    statusNote =
      goal.kind === 'count'
        ? `${shown(ytd, goal.unit)} år til dato mod ${shown(against, goal.unit)} forventet efter ${elapsed} af ${periodsInYear} perioder (årsmål ${shown(target, goal.unit)})`
        : `${shown(ytd, goal.unit)} år til dato mod målet ${goal.direction === 'atLeast' ? 'mindst' : 'højst'} ${shown(target, goal.unit)}`;
  }
  return row(goal, { quarters, months, ytd, expected, forecast, status, statusNote });
}

function judgeMilestone(goal: Goal, nowQuarter: number): FollowupRow {
  const due = goal.due!;
  let status: Status;
  let statusNote: string;
  if (goal.done !== null) {
    status = goal.done <= due ? 'grøn' : 'gul';
    statusNote = goal.done <= due ? `nået i ${goal.done}. kvartal` : `nået i ${goal.done}. kvartal, efter fristen (${due}. kvartal)`;
  } else if (nowQuarter >= due) {
    status = 'rød';
    statusNote = `ikke nået; fristen var ${due}. kvartal`;
  } else {
    status = goal.manualStatus ?? 'grøn';
    statusNote = goal.manualStatus ? `ikke nået endnu (frist ${due}. kvartal); status sat i hånden` : `ikke nået endnu; frist ${due}. kvartal`;
  }
  return row(goal, { quarters: [null, null, null, null], months: null, ytd: null, expected: null, forecast: null, status, statusNote });
}

function row(goal: Goal, values: Pick<FollowupRow, 'quarters' | 'months' | 'ytd' | 'expected' | 'forecast' | 'status' | 'statusNote'>): FollowupRow {
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
    ...values,
    due: goal.due,
    done: goal.done,
    cause: goal.cause ?? '',
    action: goal.action ?? '',
  };
}

export interface PreviousText {
  id: string;
  cause: string;
  action: string;
}

export function parsePrevious(raw: unknown): PreviousText[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid(['previous'], raw, 'skal være den forrige opfølgnings rækker: [{"id": "2.1", "cause": "…", "action": "…"}].');
  return raw.map((r: unknown, i) => {
    const f = ['previous', i];
    if (!isJsonObject(r)) throw invalid(f, r, `skal være {"id", "cause", "action"} (fik ${showValue(r)}).`);
    const id = typeof r.id === 'number' ? String(r.id) : text(r.id, within(f, 'id'), true)!;
    // The rest of a previous output row (values, status …) is allowed and ignored: only the text carries over.
    return { id, cause: text(r.cause, within(f, 'cause'), false) ?? '', action: text(r.action, within(f, 'action'), false) ?? '' };
  });
}

export interface FollowupInput {
  year: number;
  goals: unknown[];
  data: unknown;
  previous?: unknown;
  /** The period reported ("Q2", "M05"); default: the last period with data. */
  period?: unknown;
}

/** The follow-up table for the year so far; goals' cause/action typed now win over the previous follow-up's. */
export function followup(input: FollowupInput): Followup {
  const data = parsePeriodData(input.data);
  if (!Array.isArray(input.goals) || input.goals.length === 0) throw SaldoError.at('MANGLER', ['goals'], input.goals, 'angiv mindst ét mål, f.eks. {"id": "2.1", "name": "Pristjek", "measure": "pristjek / selvanmeldte", "target": 0.15}.');
  if (input.goals.length > 1000) throw SaldoError.at('UGYLDIGT_INPUT', ['goals'], input.goals.length, 'højst 1.000 mål.');
  const goals = input.goals.map((g, i) => parseGoal(g, i, data));
  const seen = new Set<string>();
  for (const g of goals) {
    if (seen.has(g.id)) throw new SaldoError('UGYLDIGT_INPUT', ['goals'], g.id, `Mål ${g.id} står to gange: hvert mål skal have sit eget nummer.`);
    seen.add(g.id);
  }
  const periodsInYear = data.granularity === 'month' ? 12 : 4;
  const elapsed = periodOf(input.period, data) ?? data.elapsed;
  const nowQuarter = data.granularity === 'month' ? Math.ceil(elapsed / 3) : elapsed;
  const rows = goals.map((g) => (g.kind === 'milestone' ? judgeMilestone(g, nowQuarter) : judgeMeasure(g, data, elapsed, periodsInYear)));

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
    if (cause) r.cause = p.cause;
    if (action) r.action = p.action;
    if (cause || action) carriedOver.push(r.id);
  });
  const unmatchedPrevious = previous.filter((p) => !seen.has(p.id) && (p.cause !== '' || p.action !== ''));
  const warnings = unmatchedPrevious.map((p) => `Mål ${p.id} fra sidste opfølgning findes ikke længere; dets tekst (årsag/handling) står under "Tidligere tekst uden mål".`);
  if (elapsed === 0) warnings.push('Der er ingen data for nogen periode endnu.');
  else if (input.period === undefined || input.period === null) warnings.push(...zeroPeriodWarning(data));
  warnings.push(...partialPeriodWarnings(goals, data, elapsed));
  return { year: input.year, granularity: data.granularity, elapsed, periodsInYear, rows, unmatchedPrevious, carriedOver, warnings };
}

/**
 * A period that has some of a goal's counts but not all does not count for that goal (a ratio of
 * one period's numerator to the others' denominators would be wrong): said, not done in silence.
 */
function partialPeriodWarnings(goals: readonly Goal[], data: PeriodData, elapsed: number): string[] {
  const name = (n: number) => (data.granularity === 'month' ? `M${String(n).padStart(2, '0')}` : `Q${n}`);
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
 * Periods at the end that hold only zeros are often not reported yet (a formula shows 0): they
 * count, so say so — the count goals would be judged against a longer part of the year.
 */
function zeroPeriodWarning(data: PeriodData): string[] {
  const zeros: number[] = [];
  for (let i = data.elapsed - 1; i >= 0; i -= 1) {
    const p = data.periods[i];
    if (!p || p.size === 0 || [...p.values()].some((v) => v !== 0)) break;
    zeros.unshift(i + 1);
  }
  if (zeros.length === 0) return [];
  const name = (n: number) => (data.granularity === 'month' ? `M${String(n).padStart(2, '0')}` : `Q${n}`);
  const last = data.elapsed - zeros.length;
  const instead = last > 0 ? `vælg til og med ${name(last)}` : 'vælg en tidligere periode';
  return [`${zeros.map(name).join(', ')} har kun tallet 0 og tæller med som indberettet. Er tallene ikke kommet endnu, så ${instead} (period).`];
}

function periodOf(raw: unknown, data: PeriodData): number | null {
  if (raw === undefined || raw === null) return null;
  const n = periodNumber(raw, data.granularity);
  if (n === null) throw invalid(['period'], raw, `skal være ${data.granularity === 'month' ? 'en måned "M01"–"M12"' : 'et kvartal "Q1"–"Q4"'} som data (fik ${showValue(raw)}).`);
  return n;
}
