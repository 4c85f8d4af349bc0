/**
 * The follow-up as Skatteministeriet's template table ("Skabelon for opfølgning og
 * afrapportering"), shared by the CLI workbook and the add-in sheet: the template's columns first,
 * then Saldo's own (target, forecast, why the status).
 */
import type { PreviousText } from '../followup/previousText.js';
import type { Followup, FollowupRow } from '../followup/followup.js';

export const FOLLOWUP_HEADERS = [
  'Nr.',
  'Mål',
  'Resultatkrav',
  '1. kvt.',
  '2. kvt.',
  '3. kvt.',
  '4. kvt.',
  'Status sidst',
  'År til dato',
  'Årsag/konsekvens',
  'Handling',
  'Målværdi',
  'Prognose for året',
  'Forklaring',
] as const;
export const FOLLOWUP_WIDTHS = [7, 34, 40, 11, 11, 11, 11, 12, 12, 40, 40, 12, 14, 60] as const;
/** 1-based columns of the template's parts (for formats, status colours and reading text back). */
export const FOLLOWUP_COLUMN = { id: 1, quarters: 4, status: 8, ytd: 9, cause: 10, action: 11, target: 12, forecast: 13 } as const;

/** Fills for the status words (Excel's own good/neutral/bad palette), hex RGB. */
export const STATUS_FILLS = { grøn: 'C6EFCE', gul: 'FFEB9C', rød: 'FFC7CE' } as const;

export type FollowupCell = string | number | null;

/** One template row per goal (no header). Milestones show their due and done quarter as text. */
export function followupRow(r: FollowupRow): FollowupCell[] {
  const quarters: FollowupCell[] = r.kind === 'milestone' ? [1, 2, 3, 4].map((q) => (r.done === q ? 'nået' : r.due === q ? 'frist' : null)) : r.quarters;
  return [r.id, r.name, r.requirement, ...quarters, r.status ?? 'ingen data', r.ytd, r.cause, r.action, r.target, r.forecast, r.statusNote];
}

export function followupRows(f: Followup): FollowupCell[][] {
  return f.rows.map(followupRow);
}

/** The heading above the table: year and how far it has come. */
export function followupTitle(f: Followup): string {
  const part = f.granularity === 'month' ? `${f.elapsed} af 12 måneder` : `${f.elapsed} af 4 kvartaler`;
  return `Opfølgning på mål ${f.year} — år til dato efter ${part}`;
}

/** The header of the unmatched-text block below the table (and of its sheet in the CLI workbook). */
export const UNMATCHED_TITLE = 'Tidligere tekst uden mål';

const cellText = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const isBlankRow = (r: ReadonlyArray<unknown>) => r.every((c) => cellText(c).trim() === '');

/** True for a row that heads a block of follow-up text: it has Nr., Årsag/konsekvens and Handling. */
export const isFollowupHeader = (row: ReadonlyArray<unknown>): boolean => ['Nr.', 'Årsag/konsekvens', 'Handling'].every((h) => row.includes(h));

/**
 * The cause/action text of a follow-up sheet read back (the previous quarter's). Every block with
 * the header `Nr. | … | Årsag/konsekvens | … | Handling` counts — the template table and the
 * "Tidligere tekst uden mål" block below it — each read down to its first empty row, so text kept
 * for a goal that was dropped survives another quarter and comes back if the goal does. For a
 * number found twice, the first non-empty cause and action win. Rows without a number are skipped.
 */
export function previousTextFromRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): PreviousText[] {
  const byId = new Map<string, PreviousText>();
  // The title says how far the previous follow-up ran: "… efter 2 af 4 kvartaler" is Q2, "4 af 12 måneder" M04.
  let period: string | undefined;
  for (let at = 0; at < rows.length; at += 1) {
    const head = rows[at]!;
    const title = /efter (\d{1,2}) af (4 kvartaler|12 måneder)/.exec(cellText(head[0]));
    if (title) period = title[2] === '4 kvartaler' ? `Q${title[1]}` : `M${title[1]!.padStart(2, '0')}`;
    if (!isFollowupHeader(head)) continue;
    const [id, cause, action, statusAt] = ['Nr.', 'Årsag/konsekvens', 'Handling', FOLLOWUP_HEADERS[FOLLOWUP_COLUMN.status - 1]!].map((h) => head.indexOf(h)) as [number, number, number, number];
    let r = at + 1;
    // A blank row inserted by hand does not end the block (the goals below it kept their text
    // only by luck); the next block's header does.
    for (; r < rows.length && !isFollowupHeader(rows[r]!); r += 1) {
      const row = rows[r]!;
      if (isBlankRow(row)) continue;
      const key = cellText(row[id]).trim();
      if (key === '') continue;
      const seen = byId.get(key);
      const shownStatus = statusAt >= 0 ? cellText(row[statusAt]).trim() : '';
      const status = shownStatus === 'grøn' || shownStatus === 'gul' || shownStatus === 'rød' ? shownStatus : null;
      const text: PreviousText = { id: key, cause: cellText(row[cause]), action: cellText(row[action]), status, ...(period ? { period } : {}) };
      if (!seen) byId.set(key, text);
      else byId.set(key, { ...seen, cause: seen.cause || text.cause, action: seen.action || text.action });
    }
    at = r - 1;
  }
  return [...byId.values()];
}
