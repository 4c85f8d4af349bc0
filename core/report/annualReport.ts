/**
 * The year-end report's table of goals (årsrapporten: "Der afrapporteres på indfrielsen af målene
 * … i årsrapporten"): each goal's requirement, its result for the year and whether it was met, in
 * the words the state's annual reports use — Opfyldt, Delvist opfyldt, Ikke opfyldt. Before the
 * year is over the title says the report is foreløbig and how far it has come.
 */
import type { Followup, FollowupRow, Status } from '../followup/followup.js';
import { goalCellKind } from './followupSheets.js';
import { elapsedText, STATUS_FILLS } from './followupTable.js';
import type { CellValue, Column, LinesBlock, SheetDescription, TableBlock } from './sheet.js';

export type Fulfilment = 'Opfyldt' | 'Delvist opfyldt' | 'Ikke opfyldt' | 'Ikke opgjort' | 'Følges';

const FULFILMENT: Readonly<Record<Status, Fulfilment>> = { grøn: 'Opfyldt', gul: 'Delvist opfyldt', rød: 'Ikke opfyldt' };

/**
 * Målopfyldelse from the follow-up's status: grøn is met, gul partly met (within the goal's
 * margin), rød not met; a goal without a status (no data, a campaign not begun) is not measured.
 * @example goalFulfilment('gul') // 'Delvist opfyldt'
 */
export const goalFulfilment = (status: Status | null): Fulfilment => (status === null ? 'Ikke opgjort' : FULFILMENT[status]);

/**
 * A goal's målopfyldelse: by its status, except where the status does not say "met":
 * - a milestone goal that is grøn while a milestone is still ahead is on track, not met: it is
 *   Ikke opgjort until its milestones are reached or due (a late or missed one is said at once);
 * - a goal without a target is followed, not judged (the template's "følges").
 */
export function rowFulfilment(r: FollowupRow): Fulfilment {
  if (r.kind === 'milestone') return r.status === 'grøn' && r.milestones.some((m) => m.state === 'ikke nået endnu') ? 'Ikke opgjort' : goalFulfilment(r.status);
  return r.target === null && r.status === null ? 'Følges' : goalFulfilment(r.status);
}

/** The template's status colours on the words they stand for; "Ikke opgjort" stays white. */
export const FULFILMENT_FILLS: Readonly<Record<string, string>> = { Opfyldt: STATUS_FILLS.grøn, 'Delvist opfyldt': STATUS_FILLS.gul, 'Ikke opfyldt': STATUS_FILLS.rød };

/** "Årsrapport 2025: målopfyldelse", with "(foreløbig, efter 3 af 4 kvartaler)" before the year's last period. */
export function annualReportTitle(f: Followup): string {
  const title = `Årsrapport ${f.year}: målopfyldelse`;
  return f.elapsed < f.periodsInYear ? `${title} (foreløbig, efter ${elapsedText(f)})` : title;
}

/**
 * A goal's line: Nr., Mål, Resultatkrav, Resultat (the value for the year in the goal's unit; a
 * milestone's or an unmeasured goal's note in words, "3 af 4 milepæle nået pr. 30-09-2025 …",
 * "ingen data"),
 * Målopfyldelse and Bemærkning (the cause typed in the follow-up).
 */
export function annualReportRow(r: FollowupRow): CellValue[] {
  const result = r.kind === 'milestone' || r.ytd === null ? r.statusNote : r.ytd;
  return [r.id, r.name, r.requirement, result, rowFulfilment(r), r.cause];
}

const COLUMNS: readonly Column[] = [
  { header: 'Nr.', kind: 'text' },
  { header: 'Mål', kind: 'text' },
  { header: 'Resultatkrav', kind: 'text' },
  { header: 'Resultat', kind: 'byRow' },
  // Rules, as on the template: a word typed over by hand is coloured too.
  { header: 'Målopfyldelse', kind: 'text', fills: { colours: FULFILMENT_FILLS, rule: 'conditional' } },
  { header: 'Bemærkning', kind: 'text' },
];

/** The table under its title, printed landscape one page wide. */
export function annualReportSheet(name: string, f: Followup): SheetDescription {
  const title: LinesBlock = {
    type: 'lines',
    at: { row: 1, col: 1 },
    rows: [
      [annualReportTitle(f)],
      ['Målopfyldelse: Opfyldt (grøn), Delvist opfyldt (gul), Ikke opfyldt (rød), Ikke opgjort (ingen data endnu, eller milepæle før deres frist), Følges (mål uden målværdi).'],
    ],
    bold: [0],
    sizes: { 0: 14 },
  };
  const table: TableBlock = {
    type: 'table',
    at: { row: 3, col: 1 },
    columns: COLUMNS,
    rows: f.rows.map(annualReportRow),
    rowKinds: f.rows.map((r) => (r.ytd === null ? 'text' : goalCellKind(r))),
    wrap: true,
  };
  return {
    name,
    blocks: [title, table],
    // Resultat wide enough for a goal of milestones' note ("2 af 4 milepæle nået …"), not only a number.
    columnWidths: { 1: 7, 2: 34, 3: 40, 4: 30, 5: 16, 6: 56 },
    freezeRows: 3,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}
