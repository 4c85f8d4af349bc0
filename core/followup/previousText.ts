/**
 * Last follow-up's text (Årsag/konsekvens, Handling): read so it can carry over to this quarter,
 * with the period it was written in and the status it then had, so carried text is marked as
 * such ("Fra Q2: …") and a goal that turned green says so instead of repeating an old cause.
 */
import { showValue } from '../errors.js';
import { isJsonObject, within } from '../input/fields.js';
import type { Status } from './goal.js';
import { invalid, text } from './fieldReaders.js';

export interface PreviousText {
  id: string;
  cause: string;
  action: string;
  /** The goal's status in the previous follow-up, when known. */
  status?: Status | null;
  /** The period the previous follow-up ran to ("Q2", "M04"), when known. */
  period?: string;
}

const STATUSES: readonly string[] = ['grøn', 'gul', 'rød'];
const PERIOD = /^(Q[1-4]|M(0[1-9]|1[0-2]))$/;

export function parsePrevious(raw: unknown): PreviousText[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid(['previous'], raw, 'skal være den forrige opfølgnings rækker: [{"id": "2.1", "cause": "…", "action": "…"}].');
  return raw.map((r: unknown, i) => {
    const f = ['previous', i];
    if (!isJsonObject(r)) throw invalid(f, r, `skal være {"id", "cause", "action"} (fik ${showValue(r)}).`);
    const id = typeof r.id === 'number' ? String(r.id) : text(r.id, within(f, 'id'), true)!;
    // The rest of a previous output row (values …) is allowed and ignored; its status and period, when there, mark the carried text.
    const status = typeof r.status === 'string' && STATUSES.includes(r.status) ? (r.status as Status) : null;
    const period = typeof r.period === 'string' && PERIOD.test(r.period) ? r.period : undefined;
    return {
      id,
      cause: text(r.cause, within(f, 'cause'), false) ?? '',
      action: text(r.action, within(f, 'action'), false) ?? '',
      status,
      ...(period ? { period } : {}),
    };
  });
}

/** Text already marked with the period it was written in keeps its mark when it carries over again. */
const MARKED = /^(Fra (Q[1-4]|M(0[1-9]|1[0-2])|sidste opfølgning): |Nu grøn\. )/;

/** Carried text as shown this period: marked with where it was written ("Fra Q2: …"), once. */
export function markCarried(textIn: string, p: PreviousText): string {
  if (textIn === '' || MARKED.test(textIn)) return textIn;
  return `Fra ${p.period ?? 'sidste opfølgning'}: ${textIn}`;
}

/** A goal green now that was not: said before the old cause, which no longer is the current one. */
export function turnedGreen(cause: string, p: PreviousText, now: Status | null): string {
  if (now !== 'grøn' || !p.status || p.status === 'grøn' || cause === '') return cause;
  return `Nu grøn (${p.status} ${p.period ? `i ${p.period}` : 'sidst'}). ${cause}`;
}
