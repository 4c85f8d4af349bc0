/** A follow-up goal: its kinds, units and rules, and how one is read from the input (JSON or the goals table). */
import { SaldoError, showValue } from '../errors.js';
import { isJsonObject, namedKeys, rejectUnknownKeys, within } from '../input/fields.js';
import type { Place } from '../errors.js';
import { finite, invalid, oneOf, quarterOf, text } from './fieldReaders.js';
import { compileMeasure, type Measure } from './measure.js';
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
  /** Milestones: the quarter it is due (1–4), the quarter it was done (or null), a status set by hand. */
  due: number | null;
  done: number | null;
  manualStatus: Status | null;
  cause: string | null;
  action: string | null;
  /** A campaign's own period (SPEC followup `start`/`end`): its first and last period (1-based), else the whole year. */
  start: number | null;
  end: number | null;
}

const GOAL_KEYS = ['id', 'name', 'requirement', 'kind', 'measure', 'target', 'direction', 'amberMargin', 'unit', 'aggregate', 'due', 'done', 'status', 'cause', 'action', 'start', 'end'];

/** A campaign's first or last period, in the data's own periods ("M03" with months, "Q2" with quarters). */
function campaignPeriod(raw: unknown, field: Place, data: PeriodData): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const n = periodNumber(raw, data.granularity);
  if (n === null) throw invalid(field, raw, `skal være ${data.granularity === 'month' ? 'en måned "M01"–"M12"' : 'et kvartal "Q1"–"Q4"'} som data (fik ${showValue(raw)}).`);
  return n;
}

export function parseGoal(raw: unknown, index: number, data: PeriodData): Goal {
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
  const measureText = text(raw.measure, key('measure'), !milestone);
  const measure = measureText === null ? null : compileMeasure(measureText, id, key('measure'), data.names);
  const target = raw.target === undefined || raw.target === null ? null : finite(raw.target, key('target'));
  if (target === null && !milestone) throw new SaldoError('MANGLER', key('target'), undefined, (name) => `Mål ${id}: ${name(['target'])} mangler (målværdien, f.eks. 0.15 for 15 %).`);
  const start = campaignPeriod(raw.start, key('start'), data);
  const end = campaignPeriod(raw.end, key('end'), data);
  if (start !== null && end !== null && end < start) throw invalid(key('end'), raw.end, `ligger før start (${showValue(raw.start)}).`);
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
    start,
    end,
  };
}
