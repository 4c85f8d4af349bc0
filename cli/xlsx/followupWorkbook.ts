/**
 * The follow-up workbook (`followup --out x.xlsx`), described by core/report/followupSheets: the
 * ministry's template on sheet "Opfølgning" (quarters, or months when the data is monthly) with
 * status colours as conditional formatting (a status typed over by hand is coloured too) and the
 * text whose goal is gone below the table; "Måneder" when the template shows quarters of monthly
 * data; on "Diagrammer" a chart per goal of its periods against the target line; and the year-end
 * report's table of målopfyldelse on "Årsrapport" (core/report/annualReport).
 * Text from the input (names, cause, action) is written as text, never as a formula. Reading the
 * previous quarter's workbook back gives the typed cause/action text for the next run.
 */
import type { PreviousText } from '../../core/followup/previousText.js';
import ExcelJS from 'exceljs';
import './xmlSafe.js';
import { SaldoError } from '../../core/errors.js';
import type { Followup } from '../../core/followup/followup.js';
import { annualReportSheet } from '../../core/report/annualReport.js';
import { followupChartSheet, followupMonthSheet, followupSheet } from '../../core/report/followupSheets.js';
import { isFollowupHeader, previousTextFromRows, UNMATCHED_TITLE } from '../../core/report/followupTable.js';
import { addSheet, bookBytes, newBook } from './book.js';
import { repackedWorkbook, sizeText } from './xlsxZip.js';

export const FOLLOWUP_SHEET = 'Opfølgning';
const MONTH_SHEET = 'Måneder';
const CHART_SHEET = 'Diagrammer';
const ANNUAL_SHEET = 'Årsrapport';

export function followupWorkbook(f: Followup): Promise<Uint8Array> {
  const book = newBook();
  addSheet(book, followupSheet(FOLLOWUP_SHEET, f));
  for (const sheet of [followupMonthSheet(MONTH_SHEET, f), followupChartSheet(CHART_SHEET, f), annualReportSheet(ANNUAL_SHEET, f)]) if (sheet) addSheet(book, sheet);
  return bookBytes(book);
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

/** The workbook's parts within the limits (xlsxZip.ts). */
function checkedWorkbook(bytes: Uint8Array): Promise<Uint8Array> {
  const label = 'Den forrige opfølgning';
  return repackedWorkbook(
    bytes,
    label,
    'previous',
    PREVIOUS_TOTAL,
    `${label} kan ikke læses: den fylder over ${sizeText(PREVIOUS_TOTAL)} udpakket, og en opfølgning er nogle få hundrede kB. Er det den rigtige projektmappe?`,
  );
}

/**
 * The cause/action text typed into a follow-up workbook: its "Opfølgning" sheet (or the first
 * sheet; text whose goal was dropped is below the table), then a "Tidligere tekst uden mål" sheet
 * where a workbook written before the layout was shared with the add-in has one.
 */
export async function previousTextFromWorkbook(bytes: Uint8Array): Promise<PreviousText[]> {
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
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      'previous',
      null,
      'Den forrige opfølgning har ingen opfølgningstabel (en overskriftsrække med Nr., Årsag/konsekvens og Handling): er det den rigtige projektmappe?',
    );
  }
  return previousTextFromRows(rows);
}
