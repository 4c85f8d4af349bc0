/**
 * A goal's milestones (the 2025 plan's 3.1 and 3.2 have one per quarter): each with a due date
 * and the date it was done, judged on the last day of the period reported. A milestone marked
 * done after that day is flagged, not counted: the report is for the period, and a Q2 report that
 * counts what was done in August tells management something that was not true at the end of June.
 */
import { danishDate, daysInMonth, parseDate, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue, type Place } from '../errors.js';
import { isJsonObject, rejectUnknownKeys, within } from '../input/fields.js';
import { invalid, text } from './fieldReaders.js';
import type { Status } from './goal.js';
import { periodNumber, type Granularity } from './periods.js';

export interface Milestone {
  text: string;
  due: CalendarDate;
  done: CalendarDate | null;
}

export type MilestoneState = 'nået' | 'nået for sent' | 'overskredet' | 'ikke nået endnu';

export interface JudgedMilestone extends Milestone {
  state: MilestoneState;
  /** Marked done on a day after the period reported: not counted in this report. */
  doneAfterPeriod: boolean;
}

const lastDay = (year: number, month: number): CalendarDate => `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}` as CalendarDate;

/** The last day of a period of the year: quarter 2 → 30 June; month 4 → 30 April; 0 → the day before the year. */
export function periodEnd(year: number, n: number, granularity: Granularity): CalendarDate {
  if (n <= 0) return lastDay(year - 1, 12);
  return lastDay(year, granularity === 'quarter' ? n * 3 : n);
}

/**
 * A milestone's date: an ISO date ("2025-03-20"), or a quarter or month of the plan's year ("Q1",
 * "M03"), which is that period's last day (done "Q2" against due "Q2" is on time).
 */
export function milestoneDate(raw: unknown, year: number, field: Place): CalendarDate {
  const q = periodNumber(raw, 'quarter');
  if (q !== null) return periodEnd(year, q, 'quarter');
  const m = periodNumber(raw, 'month');
  if (m !== null) return periodEnd(year, m, 'month');
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return parseDate(raw, field);
  throw invalid(field, raw, `skal være en dato "2025-03-20", et kvartal "Q1"–"Q4" eller en måned "M01"–"M12" (fik ${showValue(raw)}).`);
}

const optionalDate = (raw: unknown, year: number, field: Place) => (raw === undefined || raw === null ? null : milestoneDate(raw, year, field));

/**
 * A goal's milestones: `milestones: [{text, due, done}]`, or the short form of one milestone on
 * the goal itself (`due`, `done`, and `milestone` for its text).
 */
export function parseMilestones(raw: Record<string, unknown>, year: number, field: Place): Milestone[] {
  const key = (k: string) => within(field, k);
  if (raw.milestones === undefined || raw.milestones === null) {
    if (raw.due === undefined || raw.due === null || raw.due === '') return [];
    return [{ text: text(raw.milestone, key('milestone'), false) ?? '', due: milestoneDate(raw.due, year, key('due')), done: optionalDate(raw.done, year, key('done')) }];
  }
  if (raw.due !== undefined || raw.done !== undefined || raw.milestone !== undefined)
    throw invalid(key('milestones'), raw.milestones, 'kan ikke stå sammen med due/done på selve målet: skriv alle milepæle i listen.');
  if (!Array.isArray(raw.milestones) || raw.milestones.length === 0 || raw.milestones.length > 100)
    throw invalid(key('milestones'), raw.milestones, 'skal være en liste med 1–100 milepæle: [{"text": "Foranalyse afsluttet", "due": "Q1", "done": "2025-03-20"}].');
  return raw.milestones.map((m: unknown, i) => {
    const at = within(key('milestones'), i);
    if (!isJsonObject(m)) throw invalid(at, m, `skal være en milepæl {"text", "due", "done"} (fik ${showValue(m)}).`);
    rejectUnknownKeys(m, ['text', 'due', 'done'], at);
    if (m.due === undefined || m.due === null || m.due === '')
      throw new SaldoError('MANGLER', within(at, 'due'), m.due, (name) => `${name(within(at, 'due'))} mangler: fristen, f.eks. "Q1" eller "2025-03-31".`);
    return { text: text(m.text, within(at, 'text'), false) ?? '', due: milestoneDate(m.due, year, within(at, 'due')), done: optionalDate(m.done, year, within(at, 'done')) };
  });
}

/** Each milestone on the last day of the period reported. */
export function judgeMilestones(milestones: readonly Milestone[], reportEnd: CalendarDate): JudgedMilestone[] {
  return milestones.map((m) => {
    const doneAfterPeriod = m.done !== null && m.done > reportEnd;
    const done = doneAfterPeriod ? null : m.done;
    const state: MilestoneState = done !== null ? (done <= m.due ? 'nået' : 'nået for sent') : m.due <= reportEnd ? 'overskredet' : 'ikke nået endnu';
    return { ...m, state, doneAfterPeriod };
  });
}

/** A missed deadline is rød, a late one gul; otherwise grøn, or the status set by hand while some are still ahead. */
export function milestonesStatus(judged: readonly JudgedMilestone[], manual: Status | null): Status {
  if (judged.some((m) => m.state === 'overskredet')) return 'rød';
  if (judged.some((m) => m.state === 'nået for sent')) return 'gul';
  if (judged.every((m) => m.state === 'nået')) return 'grøn';
  return manual ?? 'grøn';
}

const named = (m: Milestone) => (m.text ? `"${m.text}"` : 'milepælen');

/** Why, in Danish: what is done, what is late or missed, and what was marked done after the period. */
export function milestonesNote(judged: readonly JudgedMilestone[], manual: Status | null, reportEnd: CalendarDate): string {
  const one = judged.length === 1;
  const parts: string[] = [];
  const reached = judged.filter((m) => m.state === 'nået' || m.state === 'nået for sent').length;
  if (!one) parts.push(`${reached} af ${judged.length} milepæle nået pr. ${danishDate(reportEnd)}`);
  for (const m of judged) {
    const what = m.text ? `${named(m)} ` : '';
    // One clause per milestone: a done date after the period is said where the milestone is named.
    const after = m.doneAfterPeriod ? ` (markeret nået ${danishDate(m.done!)}, efter perioden der rapporteres for, og tæller ikke med her)` : '';
    if (m.state === 'nået for sent') parts.push(`${what}nået ${danishDate(m.done!)}, efter fristen ${danishDate(m.due)}`);
    else if (m.state === 'overskredet') parts.push(`${what}ikke nået; fristen var ${danishDate(m.due)}${after}`);
    else if (one && m.state === 'nået') parts.push(`${what}nået ${danishDate(m.done!)} (frist ${danishDate(m.due)})`);
    else if (one || m.doneAfterPeriod) parts.push(`${what}ikke nået endnu; frist ${danishDate(m.due)}${after}`);
  }
  if (manual && judged.some((m) => m.state === 'ikke nået endnu') && !judged.some((m) => m.state === 'overskredet' || m.state === 'nået for sent')) parts.push('status sat i hånden');
  return parts.join('; ');
}
