/** A follow-up goal: its kinds, units and rules, and how one is read from the input (JSON or the goals table). */
import { SaldoError, showValue } from '../errors.js';
import { isJsonObject, namedKeys, rejectUnknownKeys, within } from '../input/fields.js';
import type { Place } from '../errors.js';
import { finite, invalid, oneOf, text } from './fieldReaders.js';
import { compileMeasure, type Measure } from './measure.js';
import { parseMilestones, type Milestone } from './milestones.js';
import { periodNumber, type PeriodData } from './periods.js';

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
  /** The plan's own grouping: its type ("Drift", "Udvikling", "Koncernfælles") and pejlemærke ("2"). */
  category: string;
  pejlemærke: string;
  /** A milestone goal's milestones, each with its due and done date. */
  milestones: Milestone[];
  /** A status set by hand: a milestone goal's while its milestones are ahead, or a goal without a target. */
  manualStatus: Status | null;
  /** A sample-based goal (korrekthed from stikprøver): the count that is the sample size, so its rate carries an interval. */
  sample: string | null;
  cause: string | null;
  action: string | null;
  /** A campaign's own period (SPEC followup `start`/`end`): its first and last period (1-based), else the whole year. */
  start: number | null;
  end: number | null;
}

const GOAL_KEYS = [
  'id',
  'name',
  'requirement',
  'kind',
  'measure',
  'target',
  'direction',
  'amberMargin',
  'unit',
  'aggregate',
  'category',
  'pejlemærke',
  'milestone',
  'milestones',
  'due',
  'done',
  'status',
  'sample',
  'cause',
  'action',
  'start',
  'end',
];

/** A campaign's first or last period, in the data's own periods ("M03" with months, "Q2" with quarters). */
function campaignPeriod(raw: unknown, field: Place, data: PeriodData): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const n = periodNumber(raw, data.granularity);
  if (n === null) throw invalid(field, raw, `skal være ${data.granularity === 'month' ? 'en måned "M01"–"M12"' : 'et kvartal "Q1"–"Q4"'} som data (fik ${showValue(raw)}).`);
  return n;
}

export function parseGoal(raw: unknown, index: number, data: PeriodData, year: number): Goal {
  const field = ['goals', index];
  const key = (k: string) => within(field, k);
  if (!isJsonObject(raw))
    throw SaldoError.at('UGYLDIGT_INPUT', field, raw, (name) => `et mål skal være et objekt med ${namedKeys(name, ['id', 'name', 'measure'])} og ${name(['target'])} (fik ${showValue(raw)}).`);
  rejectUnknownKeys(raw, GOAL_KEYS, field);
  const id = raw.id === undefined ? '' : typeof raw.id === 'number' ? String(raw.id) : text(raw.id, key('id'), true)!;
  if (id.trim() === '') throw new SaldoError('MANGLER', key('id'), raw.id, (name) => `${name(key('id'))} mangler: giv målet et nummer, f.eks. "2.1".`);
  const kind = oneOf(raw.kind, ['ratio', 'count', 'milestone'] as const, key('kind'), 'ratio');
  const name = text(raw.name, key('name'), true)!;
  const milestone = kind === 'milestone';
  // A goal may have no numeric target (ressourceanvendelse, a survey not yet held): followed, not judged.
  const target = raw.target === undefined || raw.target === null ? null : finite(raw.target, key('target'));
  const measureText = text(raw.measure, key('measure'), !milestone && target !== null);
  const measure = measureText === null ? null : compileMeasure(measureText, id, key('measure'), data.names);
  if (target === null && kind === 'count') throw new SaldoError('MANGLER', key('target'), undefined, (name) => `Mål ${id}: et antalsmål skal have ${name(['target'])} (årets antal, f.eks. 12000).`);
  const aggregate = oneOf(raw.aggregate, ['ratioOfSums', 'meanOfPeriods', 'sum'] as const, key('aggregate'), kind === 'count' ? 'sum' : 'ratioOfSums');
  const sample = sampleCount(raw.sample, key('sample'), measure, aggregate, id);
  const start = campaignPeriod(raw.start, key('start'), data);
  const end = campaignPeriod(raw.end, key('end'), data);
  if (start !== null && end !== null && end < start) throw invalid(key('end'), raw.end, `ligger før start (${showValue(raw.start)}).`);
  const milestones = parseMilestones(raw, year, field);
  if (milestone && milestones.length === 0) throw new SaldoError('MANGLER', key('due'), undefined, (name) => `Mål ${id}: en milepæl skal have ${name(['due'])}, fristen ("Q4" eller "2025-10-31").`);
  if (!milestone && milestones.length > 0) throw invalid(key('milestones'), raw.milestones ?? raw.due, `hører til en milepæl: skriv "kind": "milestone" (Type: milepæl).`);
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
    aggregate,
    category: label(raw.category, key('category')),
    pejlemærke: label(raw.pejlemærke, key('pejlemærke')),
    milestones,
    sample,
    manualStatus: raw.status === undefined || raw.status === null ? null : oneOf(raw.status, ['grøn', 'gul', 'rød'] as const, key('status'), 'grøn'),
    cause: text(raw.cause, key('cause'), false),
    action: text(raw.action, key('action'), false),
    start,
    end,
  };
}

/** A short label typed as text or a number ("Drift", 2). */
function label(raw: unknown, field: Place): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return (text(raw, field, false) ?? '').trim();
}

/**
 * The count a sample-based goal's rate is found in: a name the measure uses, and the rate a ratio
 * of sums (successes over all the samples), else the interval would not be the rate's.
 */
function sampleCount(raw: unknown, field: Place, measure: Measure | null, aggregate: Aggregate, id: string): string | null {
  if (raw === undefined || raw === null) return null;
  const name = text(raw, field, true)!.trim();
  if (!measure || !measure.names.includes(name))
    throw invalid(field, raw, `skal være navnet på stikprøvernes antal i målingen${measure ? ` (${measure.names.join(', ')})` : ''} (fik ${showValue(raw)}).`);
  if (aggregate !== 'ratioOfSums')
    throw invalid(field, raw, `: mål ${id} opgøres som ${aggregate === 'sum' ? 'en sum' : 'et gennemsnit af perioder'}; et stikprøvemål skal være fejlfri / stikprøver (andel af summer).`);
  return name;
}
