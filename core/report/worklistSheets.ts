/**
 * The work list as sheets (issue 20): "Arbejdsliste", one row per agreement in order of urgency
 * with filter buttons and the state coloured, the totals by state above it; and the agreements
 * that could not be checked on a sheet of their own. Drawn by the CLI (ExcelJS) and the add-in.
 */
import { URGENCY_LABELS, type Worklist, type WorklistState } from '../portfolio/worklist.js';
import { dateSerial, kronerCell } from './cellValues.js';
import type { CellValue, SheetDescription } from './sheet.js';

const STATE_WORDS: Readonly<Record<WorklistState, string>> = {
  misligholdt: 'misligholdt',
  overholdt: 'overholdt',
  afsluttet: 'afsluttet',
  oversendt: 'oversendt til inddrivelse',
};

/** The same fills as the status sheet: red for a breach, green for kept. */
const STATE_FILLS = { misligholdt: '#FFC7CE', overholdt: '#C6EFCE', afsluttet: '#DDEBF7', 'oversendt til inddrivelse': '#EDEDED' };

export function worklistSheets(w: Worklist): SheetDescription[] {
  const summary = w.totals.byState.map((s) => ({ label: `${STATE_WORDS[s.state]} (${s.count})`, value: kronerCell(s.arrears), kind: 'kroner' as const }));
  // The summary: its title on row 3, a line per state, the total, then a blank row.
  const top = 3 + 1 + summary.length + 1 + 1;
  const rows: CellValue[][] = w.agreements.map((r) => [
    URGENCY_LABELS[r.urgency],
    r.id,
    r.debtorId,
    r.debtorName,
    r.caseId,
    r.caseworker,
    STATE_WORDS[r.state],
    kronerCell(r.arrears),
    r.breachDate === null ? null : dateSerial(r.breachDate),
    r.daysInBreach,
    r.nextStep?.action ?? '',
    r.nextStep === null ? null : dateSerial(r.nextStep.earliest),
    r.nextStep === null || r.nextStep.fee === 0 ? null : kronerCell(r.nextStep.fee),
  ]);
  const list: SheetDescription = {
    name: `Arbejdsliste ${w.asOf}`,
    blocks: [
      { type: 'lines', at: { row: 1, col: 1 }, rows: [[`Arbejdsliste pr. ${w.asOf.split('-').reverse().join('-')}`]], bold: [0], sizes: { 0: 14 } },
      {
        type: 'pairs',
        at: { row: 3, col: 1 },
        title: ['Aftaler efter status', 'Restance'],
        lines: [...summary, { label: `I alt (${w.totals.agreements})`, value: kronerCell(w.totals.arrears), kind: 'kroner', bold: true }],
      },
      {
        type: 'table',
        at: { row: top, col: 1 },
        columns: [
          { header: 'Haster', kind: 'text' },
          { header: 'Aftale', kind: 'text' },
          { header: 'Debitor', kind: 'text' },
          { header: 'Navn', kind: 'text' },
          { header: 'Sag', kind: 'text' },
          { header: 'Sagsbehandler', kind: 'text' },
          { header: 'Status', kind: 'text', fills: { colours: STATE_FILLS, rule: 'static' } },
          { header: 'Restance', kind: 'kroner' },
          { header: 'Misligholdt siden', kind: 'date' },
          { header: 'Dage', kind: 'integer' },
          { header: 'Næste skridt', kind: 'text' },
          { header: 'Tidligst', kind: 'date' },
          { header: 'Gebyr', kind: 'kroner' },
        ],
        rows: rows.length > 0 ? rows : [['', 'Ingen aftaler i registret.']],
        filter: rows.length > 0,
      },
    ],
    columnWidths: { 1: 16, 2: 12, 3: 12, 4: 24, 5: 12, 6: 16, 7: 24, 8: 14, 9: 14, 10: 8, 11: 60, 12: 12, 13: 10 },
    freezeRows: top,
    print: { orientation: 'landscape', fitToWidth: true },
  };
  const problems: CellValue[][] = [
    ...w.errors.map((e) => ['Aftaleregistret', e.row, e.message]),
    ...w.stepErrors.map((e) => ['Rykkerloggen', e.row, e.message]),
    ...w.paymentErrors.map((e) => ['Indbetalingsfilen', e.row, e.message]),
    ...w.ledgerErrors.map((e) => ['Posteringslisten', e.row, e.message]),
  ];
  const errors = errorsByFileSheet(`Fejl ${w.asOf}`, problems, 'Ingen fejl: alle aftaler og posteringer blev læst.');
  return [list, errors];
}

/** The Fejl sheet of a job that reads several files: which file, its row, and why (or that all were read). */
export function errorsByFileSheet(name: string, problems: CellValue[][], none: string): SheetDescription {
  return {
    name,
    blocks: [
      {
        type: 'table',
        at: { row: 1, col: 1 },
        columns: [
          { header: 'Fil', kind: 'text' },
          { header: 'Række', kind: 'integer' },
          { header: 'Fejl', kind: 'text' },
        ],
        rows: problems.length > 0 ? problems : [['', null, none]],
      },
    ],
    columnWidths: { 1: 18, 2: 10, 3: 90 },
    freezeRows: 1,
  };
}
