/** Last follow-up's text (Årsag/konsekvens, Handling): read so it can carry over to this quarter. */
import { showValue } from '../errors.js';
import { isJsonObject, within } from '../input/fields.js';
import { invalid, text } from './fieldReaders.js';

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
