/**
 * The follow-up workbook (`followup --out x.xlsx`): the ministry's template on sheet
 * "Opfølgning" with status colours as conditional formatting (a status typed over by hand is
 * coloured too), and on "Diagrammer" a chart per goal of its quarters against the target line.
 * Text from the input (names, cause, action) is written as text, never as a formula. Reading the
 * previous quarter's workbook back gives the typed cause/action text for the next run.
 */
import ExcelJS from 'exceljs';
import './xmlSafe.js';
import { SaldoError } from '../../core/errors.js';
import type { Followup } from '../../core/followup/followup.js';
import { FOLLOWUP_COLUMN, FOLLOWUP_HEADERS, FOLLOWUP_WIDTHS, followupRows, followupTitle, isFollowupHeader, previousTextFromRows, STATUS_FILLS, UNMATCHED_TITLE, unitFormat } from '../../core/report/followupTable.js';
import { columnLetter } from '../../core/report/a1.js';
import { addCharts, type ChartSpec } from './charts.js';
import { openXlsxBytes, sizeText } from './xlsxZip.js';
import JSZip from 'jszip';

export const FOLLOWUP_SHEET = 'Opfølgning';
const CHART_SHEET = 'Diagrammer';
/** The template's header row (row 1 is the title). */
const HEADER_ROW = 3;

const fill = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${rgb}` }, fgColor: { argb: `FF${rgb}` } });

/**
 * A row tall enough for its wrapped text (15 points a line, lines estimated from the column
 * widths): a file carries no autofit, and LibreOffice otherwise draws the lines over each other.
 */
function wrappedHeight(cells: ReadonlyArray<unknown>): number {
  const lines = cells.map((v, i) => (typeof v === 'string' ? v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / FOLLOWUP_WIDTHS[i]!)), 0) : 1));
  return 15 * Math.max(1, ...lines);
}

export async function followupWorkbook(f: Followup): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Saldo';
  // Printed for management: landscape A4, the template's columns on one page wide.
  const sheet = wb.addWorksheet(FOLLOWUP_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell(1, 1).value = followupTitle(f);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  FOLLOWUP_WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const head = sheet.getRow(HEADER_ROW);
  head.values = [...FOLLOWUP_HEADERS];
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.height = 30; // "Prognose for året" takes two lines
  followupRows(f).forEach((cells, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    row.values = cells;
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = wrappedHeight(cells);
    const format = unitFormat(f.rows[i]!.unit);
    for (const c of [0, 1, 2, 3].map((q) => FOLLOWUP_COLUMN.quarters + q).concat([FOLLOWUP_COLUMN.ytd, FOLLOWUP_COLUMN.target, FOLLOWUP_COLUMN.forecast])) row.getCell(c).numFmt = format;
  });
  const last = HEADER_ROW + Math.max(1, f.rows.length);
  const statusColumn = columnLetter(FOLLOWUP_COLUMN.status);
  sheet.addConditionalFormatting({
    ref: `${statusColumn}${HEADER_ROW + 1}:${statusColumn}${last}`,
    rules: (Object.entries(STATUS_FILLS) as Array<[string, string]>).map(([word, rgb], priority) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: priority + 1,
      formulae: [`"${word}"`],
      style: { fill: fill(rgb) },
    })),
  });
  if (f.unmatchedPrevious.length > 0 || f.warnings.length > 0) {
    const notes = wb.addWorksheet(UNMATCHED_TITLE);
    notes.columns = [{ header: 'Nr.', width: 8 }, { header: 'Årsag/konsekvens', width: 60 }, { header: 'Handling', width: 60 }];
    notes.getRow(1).font = { bold: true };
    for (const p of f.unmatchedPrevious) notes.addRow([p.id, p.cause, p.action]);
    for (const w of f.warnings) notes.addRow(['', w, '']);
  }

  // Chart data: per goal a row of its quarters and a row of its target, beside the charts.
  const measured = f.rows.filter((r) => r.kind !== 'milestone');
  const charts: ChartSpec[] = [];
  if (measured.length > 0) {
    const data = wb.addWorksheet(CHART_SHEET, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    data.columns = [{ width: 30 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
    data.addRow(['', '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.']).font = { bold: true };
    measured.forEach((r, i) => {
      const values = data.addRow([`${r.id} ${r.name}`, ...r.quarters]);
      const target = data.addRow([`Mål (${r.kind === 'count' ? 'pro rata pr. kvartal' : 'målværdi'})`, ...[0, 1, 2, 3].map(() => (r.kind === 'count' ? r.target! / 4 : r.target))]);
      for (const row of [values, target]) for (let c = 2; c <= 5; c += 1) row.getCell(c).numFmt = unitFormat(r.unit);
      const at = 2 + 2 * i;
      charts.push({
        sheet: CHART_SHEET, kind: 'line', title: `${r.id} ${r.name}`.slice(0, 120),
        categories: '$B$1:$E$1',
        series: [
          { name: r.kind === 'count' ? 'Pr. kvartal' : 'Resultat', values: `$B$${at}:$E$${at}` },
          { name: 'Mål', values: `$B$${at + 1}:$E$${at + 1}` },
        ],
        from: { col: 6, row: i * 16 }, to: { col: 14, row: i * 16 + 15 },
        numFmt: r.unit === 'percent' ? '0%' : '#,##0.##',
      });
    });
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()));
  return charts.length > 0 ? addCharts(bytes, charts) : bytes;
}

/**
 * The text a person sees in a cell, from ExcelJS's value: a hyperlink's text, a formula's saved
 * result, rich text's runs joined. An error value or a formula saved without its value is no text
 * anyone typed; it becomes a note saying so, so the next quarter shows it instead of losing it.
 */
export function shownCellText(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  const o = v as { richText?: Array<{ text?: string }>; text?: unknown; hyperlink?: string; formula?: string; sharedFormula?: string; result?: unknown; error?: string };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text ?? '').join('');
  if ('hyperlink' in o || 'text' in o) return shownCellText(o.text) ?? '';
  if (typeof o.error === 'string') return `[Cellen viste Excel-fejlen ${o.error} i den forrige opfølgning]`;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result !== undefined) return shownCellText(o.result);
    return `[Cellen havde formlen =${o.formula ?? o.sharedFormula ?? ''} uden en gemt værdi i den forrige opfølgning]`;
  }
  return '';
}

/** Parts of a previous follow-up together (a follow-up is tens of rows; charts and a logo fit well within). */
const PREVIOUS_TOTAL = 64 * 1024 * 1024;

/**
 * The workbook's parts, each unpacked no further than the zip's directory declares and within
 * XLSX_LIMITS, packed again unpacked: ExcelJS's own unzipping (JSZip) trusts the directory and
 * would fill memory with a zip bomb.
 */
async function checkedWorkbook(bytes: Uint8Array): Promise<Uint8Array> {
  const label = 'Den forrige opfølgning';
  const zip = openXlsxBytes(bytes, label, 'previous');
  try {
    const out = new JSZip();
    let total = 0;
    for (const [name, entry] of zip.entries) {
      if (name.endsWith('/')) continue;
      total += entry.size;
      if (total > PREVIOUS_TOTAL) throw new SaldoError('UGYLDIGT_INPUT', 'previous', null, `${label} kan ikke læses: den fylder over ${sizeText(PREVIOUS_TOTAL)} udpakket, og en opfølgning er nogle få hundrede kB. Er det den rigtige projektmappe?`);
      out.file(name, zip.part(name)!);
    }
    return await out.generateAsync({ type: 'uint8array', compression: 'STORE' });
  } finally {
    zip.close();
  }
}

/**
 * The cause/action text typed into a follow-up workbook: its "Opfølgning" sheet (or the first
 * sheet), then the "Tidligere tekst uden mål" sheet, so text whose goal was dropped carries on.
 */
export async function previousTextFromWorkbook(bytes: Uint8Array): Promise<Array<{ id: string; cause: string; action: string }>> {
  const checked = await checkedWorkbook(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(checked as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  for (const sheet of [wb.getWorksheet(FOLLOWUP_SHEET) ?? wb.worksheets[0], wb.getWorksheet(UNMATCHED_TITLE)]) {
    if (!sheet) continue;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1).map(shownCellText));
    });
    rows.push([]);
  }
  // A workbook that is no follow-up (statements, say) would carry nothing over in silence.
  if (!rows.some(isFollowupHeader)) {
    throw new SaldoError('UGYLDIGT_INPUT', 'previous', null, 'Den forrige opfølgning har ingen opfølgningstabel (en overskriftsrække med Nr., Årsag/konsekvens og Handling): er det den rigtige projektmappe?');
  }
  return previousTextFromRows(rows);
}
