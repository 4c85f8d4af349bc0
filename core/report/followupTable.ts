/**
 * The follow-up as Skatteministeriet's template table ("Skabelon for opfølgning og
 * afrapportering"), shared by the CLI workbook and the add-in sheet: the template's columns first,
 * then Saldo's own (target, forecast, why the status). The period columns are the view's
 * (`Followup.view`): the four quarters, or the twelve months when the data is monthly and no
 * quarters were asked for — April alone is no "2. kvt.".
 */
import type { PreviousText } from '../followup/previousText.js';
import type { Followup, FollowupRow } from '../followup/followup.js';
import type { JudgedMilestone } from '../followup/milestones.js';
// judge.ts, not followup.ts: the sheets are written at the pane's start, without the measures' parser (mathjs).
import { statusWord } from '../followup/judge.js';
import type { Granularity } from '../followup/periods.js';

export const QUARTER_HEADERS = ['1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.'] as const;
/**
 * The months' short Danish names, as period headers (the template's, the monthly sheet's and the
 * charts' categories). core/followup/tableCells.ts periodKey reads each back as its month.
 */
export const MONTH_HEADERS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'] as const;

/** The period headers of a view: "1. kvt." … or "jan." …. */
export const periodHeaders = (view: Granularity): readonly string[] => (view === 'month' ? MONTH_HEADERS : QUARTER_HEADERS);

/** The template's status column: previousTextFromRows finds it by this header. */
export const STATUS_HEADER = 'Status sidst';

/** 1-based columns of the template's parts (for formats, status colours and reading text back). */
export interface FollowupColumns {
  id: number;
  /** The first period column; the view's periods follow it. */
  periods: number;
  status: number;
  ytd: number;
  cause: number;
  action: number;
  target: number;
  forecast: number;
  note: number;
}

export interface FollowupLayout {
  headers: readonly string[];
  /** Widths in characters, by column (0-based here; a sheet counts from 1). */
  widths: readonly number[];
  column: FollowupColumns;
}

/**
 * A month column's width: room for "113,46" or "34,2 %". Not 9: ExcelJS leaves a width of 9 (its
 * default) out of the file, and Excel then draws its own 8.43.
 */
export const MONTH_WIDTH = 9.5;

/**
 * The template's columns for a view. A month is MONTH_WIDTH characters wide, a quarter 11; with
 * twelve months the text columns give a little, so the sheet printed one page wide in landscape
 * stays readable.
 */
export function followupLayout(view: Granularity): FollowupLayout {
  const periods = periodHeaders(view);
  const monthly = view === 'month';
  const after = 4 + periods.length;
  return {
    headers: [
      'Nr.',
      'Mål',
      'Resultatkrav',
      ...periods,
      STATUS_HEADER,
      'År til dato',
      'Årsag/konsekvens',
      'Handling',
      'Målværdi',
      'Prognose for året',
      'Forklaring',
      'Hvad skal der til',
      'Pejlemærke',
      'Måltype',
    ],
    widths: monthly ? [7, 28, 32, ...periods.map(() => MONTH_WIDTH), 12, 12, 34, 34, 12, 14, 48, 48, 11, 13] : [7, 34, 40, ...periods.map(() => 11), 12, 12, 40, 40, 12, 14, 60, 60, 11, 13],
    column: { id: 1, periods: 4, status: after, ytd: after + 1, cause: after + 2, action: after + 3, target: after + 4, forecast: after + 5, note: after + 6 },
  };
}

/** Fills for the status words (Excel's own good/neutral/bad palette), hex RGB. */
export const STATUS_FILLS = { grøn: 'C6EFCE', gul: 'FFEB9C', rød: 'FFC7CE' } as const;

export type FollowupCell = string | number | null;

/** A milestone's word in a period cell: done, done late, missed, or still due. */
const MILESTONE_WORDS: Readonly<Record<JudgedMilestone['state'], string>> = { nået: 'nået', 'nået for sent': 'nået sent', overskredet: 'ikke nået', 'ikke nået endnu': 'frist' };

/**
 * A goal of several milestones under the view's periods: each in the period of its due date
 * (of the follow-up's year), and a milestone reached in an earlier period "nået" there too.
 * Several in one period are joined ("nået, frist").
 */
function milestoneCells(milestones: readonly JudgedMilestone[], view: Granularity, year: number): FollowupCell[] {
  const cells: string[][] = Array.from({ length: view === 'month' ? 12 : 4 }, () => []);
  const periodOf = (date: string | null) => {
    if (date === null || Number(date.slice(0, 4)) !== year) return null;
    const month = Number(date.slice(5, 7));
    return view === 'month' ? month - 1 : Math.ceil(month / 3) - 1;
  };
  for (const m of milestones) {
    const due = periodOf(m.due);
    const done = m.doneAfterPeriod ? null : periodOf(m.done);
    if (done !== null && done !== due) cells[done]!.push(m.state === 'nået for sent' ? 'nået sent' : 'nået');
    if (due !== null && (done === null || done === due)) cells[due]!.push(MILESTONE_WORDS[m.state]);
    else if (due !== null) cells[due]!.push('frist');
  }
  return cells.map((words) => (words.length === 0 ? null : words.join(', ')));
}

/**
 * A goal's cells under the view's period headers: its quarters or its months (null where not
 * reported: a blank cell, never 0). A milestone has no values; it shows "frist" and "nået" in
 * its due and done quarter — with months in that quarter's last month, when it is due. A goal of
 * several milestones shows each in the period it is due (milestoneCells).
 */
export function periodCells(r: FollowupRow, view: Granularity, year?: number): FollowupCell[] {
  const size = view === 'month' ? 12 : 4;
  if (r.kind === 'milestone' && (r.milestones?.length ?? 0) > 1 && year !== undefined) return milestoneCells(r.milestones, view, year);
  if (r.kind === 'milestone') {
    const perQuarter = size / 4;
    return Array.from({ length: size }, (_, i) => {
      const quarter = (i + 1) / perQuarter; // whole only in a quarter's last period
      return r.done === quarter ? 'nået' : r.due === quarter ? 'frist' : null;
    });
  }
  if (view === 'quarter') return [...r.quarters];
  return r.months ? [...r.months] : Array<FollowupCell>(12).fill(null);
}

/**
 * One template row per goal (no header), its periods as the view has them; a status in words
 * where there is no colour (a goal without a target "følges", it is not "ingen data"); after
 * Saldo's explanation what the rest of the year takes, and the plan's pejlemærke and type.
 */
export function followupRow(r: FollowupRow, view: Granularity, year?: number): FollowupCell[] {
  return [
    r.id,
    r.name,
    r.requirement,
    ...periodCells(r, view, year),
    statusWord(r),
    r.ytd,
    r.cause,
    r.action,
    r.target,
    r.forecast,
    r.statusNote,
    r.needText ?? '',
    r.pejlemærke ?? '',
    r.category ?? '',
  ];
}

export function followupRows(f: Followup): FollowupCell[][] {
  return f.rows.map((r) => followupRow(r, f.view, f.year));
}

/** How far the year has come, in the data's own periods: "3 af 4 kvartaler", "4 af 12 måneder". */
export const elapsedText = (f: Followup): string => (f.granularity === 'month' ? `${f.elapsed} af 12 måneder` : `${f.elapsed} af 4 kvartaler`);

/**
 * The heading above the table: year and how far it has come, in the data's periods even when the
 * template shows quarters (the next follow-up reads its period back from here: "Fra M04: …").
 */
export function followupTitle(f: Followup): string {
  return `Opfølgning på mål ${f.year} — år til dato efter ${elapsedText(f)}`;
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
 * Columns are found by their headers, so a template with quarters and one with months read alike.
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
    const [id, cause, action, statusAt] = ['Nr.', 'Årsag/konsekvens', 'Handling', STATUS_HEADER].map((h) => head.indexOf(h)) as [number, number, number, number];
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
