/**
 * Workbooks for `statements` and `analyse` (--out x.xlsx) and the printable letters
 * (--letters x.xlsx). Written with ExcelJS's streaming writer, so 80,000 debtors do not have to
 * fit in memory as a workbook model. Every string from the ledger is written as a string value,
 * which ExcelJS never turns into a formula: a name like =HYPERLINK("…") stays text.
 */
import ExcelJS from 'exceljs';
import './xmlSafe.js';
import { PassThrough } from 'node:stream';
import { dateToExcelSerial } from '../../core/calendar/excelSerial.js';
import type { CalendarDate } from '../../core/calendar/date.js';
import { AGING_BUCKETS } from '../../core/ledger/analyse.js';
import type { AnalyseOutput, StatementsOutput } from '../../core/ledger/ledgerJson.js';
import { POSTING_KINDS } from '../../core/ledger/posting.js';
import { NUMBER_FORMATS } from '../../core/report/planTable.js';
import { analysisSummaryRows, developmentRows, KIND_LABELS, letterRows, statementClaimRows, STATEMENT_HEADERS, type LetterOptions } from '../../core/report/ledgerTables.js';
import { columnLetter } from '../../core/report/a1.js';
import { addCharts } from './charts.js';

const KR = NUMBER_FORMATS.kroner;
const DATE = NUMBER_FORMATS.date;
const serial = (d: string | null) => (d ? dateToExcelSerial(d as CalendarDate) : null);

/** Collects a streamed workbook into bytes. */
async function collect(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Saldo';
  await write(wb);
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  sheet.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
}

function errorsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, errors: ReadonlyArray<{ row: number; message: string }>): void {
  const sheet = wb.addWorksheet('Fejl');
  header(sheet, ['Række', 'Fejl'], [10, 90]);
  if (errors.length === 0) sheet.addRow([null, 'Ingen fejl: alle rækker blev læst.']).commit();
  for (const e of errors) sheet.addRow([e.row, e.message]).commit();
  sheet.commit();
}

export function statementsWorkbook(s: StatementsOutput): Promise<Uint8Array> {
  return collect(async (wb) => {
    const summary = wb.addWorksheet('Oversigt');
    header(summary, ['Saldoopgørelse', String(s.year)], [34, 20]);
    const lines: Array<[string, number | string, string?]> = [
      ['Debitorer', s.totals.debtors],
      ['Fordringer', s.totals.claims],
      ['Åbne fordringer 31. december', s.totals.openClaims],
      ['Primo (1. januar)', s.totals.opening, KR],
      ...POSTING_KINDS.filter((k) => s.totals.movements[k] !== undefined).map((k): [string, number, string] => [KIND_LABELS[k], s.totals.movements[k]!, KR]),
      ['Ultimo (31. december)', s.totals.closing, KR],
      ['Posteringer i opgørelsen', s.totals.rows],
      ['Posteringernes sum (afstemt mod ultimo)', s.totals.rowsSum, KR],
      ['Posteringer efter årets udgang (udeladt)', s.totals.rowsAfterYear],
      ['Fejlbehæftede rækker (se arket Fejl)', s.errors.length],
    ];
    for (const [label, value, fmt] of lines) {
      const row = summary.addRow([label, value]);
      if (fmt) row.getCell(2).numFmt = fmt;
      row.commit();
    }
    summary.commit();

    const claims = wb.addWorksheet('Fordringer', { views: [{ state: 'frozen', ySplit: 1 }] });
    const table = statementClaimRows(s);
    // The forældelse grounds are a sentence or two: a wide last column.
    claims.columns = STATEMENT_HEADERS.map((h, i) => ({ width: i === STATEMENT_HEADERS.length - 1 ? 90 : ([12, 26, 13, 16, 16][i] ?? Math.max(12, h.length + 2)) }));
    table.values.forEach((values, i) => {
      const row = claims.addRow(values.map((v) => (v === '' ? null : v)));
      if (i === 0) row.font = { bold: true };
      else table.formats[i]!.forEach((f, j) => f !== '@' && (row.getCell(j + 1).numFmt = f));
      row.commit();
    });
    claims.commit();
    errorsSheet(wb, s.errors);
  });
}

/** The analysis workbook, with a stacked column chart of the aging and a line chart of the month-end balances. */
export async function analyseWorkbook(a: AnalyseOutput): Promise<Uint8Array> {
  const bytes = await analyseSheets(a);
  const types = a.aging.length;
  const months = a.development[0]?.months.length ?? 0;
  const charts = [];
  if (types > 0) {
    charts.push({
      sheet: 'Aldersfordeling', kind: 'stackedColumn' as const, title: `Aldersfordeling pr. ${a.asOf}`,
      categories: `$B$1:$${columnLetter(AGING_BUCKETS.length + 1)}$1`,
      series: a.aging.map((r, i) => ({ name: r.claimType, values: `$B$${i + 2}:$${columnLetter(AGING_BUCKETS.length + 1)}$${i + 2}` })),
      from: { col: 0, row: types + 2 }, to: { col: 9, row: types + 24 },
    });
  }
  if (months > 0) {
    charts.push({
      sheet: 'Udvikling', kind: 'line' as const, title: 'Saldo ultimo pr. måned',
      categories: `$A$2:$A$${months + 1}`,
      series: a.development.map((d, i) => ({ name: d.claimType, values: `$${columnLetter(i + 2)}$2:$${columnLetter(i + 2)}$${months + 1}` })),
      from: { col: a.development.length + 2, row: 0 }, to: { col: a.development.length + 11, row: 22 },
    });
  }
  return charts.length > 0 ? addCharts(bytes, charts) : bytes;
}

function analyseSheets(a: AnalyseOutput): Promise<Uint8Array> {
  return collect(async (wb) => {
    const summary = wb.addWorksheet('Oversigt');
    summary.columns = [{ width: 40 }, { width: 18 }];
    const lines = analysisSummaryRows(a);
    lines.values.forEach((values, i) => {
      const row = summary.addRow(values);
      if (i === 0) row.font = { bold: true };
      row.getCell(2).numFmt = lines.formats[i]![1]!;
      row.commit();
    });
    summary.commit();

    const aging = wb.addWorksheet('Aldersfordeling');
    header(aging, ['Fordringstype', ...AGING_BUCKETS.map((b) => b.label), 'I alt'], [18, ...AGING_BUCKETS.map(() => 15), 16]);
    for (const r of a.aging) {
      const row = aging.addRow([r.claimType, ...r.buckets, r.total]);
      for (let i = 2; i <= AGING_BUCKETS.length + 2; i += 1) row.getCell(i).numFmt = KR;
      row.commit();
    }
    aging.commit();

    const dev = wb.addWorksheet('Udvikling');
    const development = developmentRows(a);
    dev.columns = development.values[0]!.map((_, i) => ({ width: i === 0 ? 10 : 18 }));
    development.values.forEach((values, i) => {
      const row = dev.addRow(values);
      if (i === 0) row.font = { bold: true };
      else development.formats[i]!.forEach((f, j) => f !== '@' && (row.getCell(j + 1).numFmt = f));
      row.commit();
    });
    dev.commit();

    const devLong = wb.addWorksheet('Tilgang og afgang');
    header(devLong, ['Fordringstype', 'Måned', 'Saldo ultimo', 'Tilgang', 'Afgang'], [18, 10, 16, 16, 16]);
    for (const d of a.development) {
      for (const m of d.months) {
        const row = devLong.addRow([d.claimType, m.month, m.balance, m.additions, m.reductions]);
        for (const i of [3, 4, 5]) row.getCell(i).numFmt = KR;
        row.commit();
      }
    }
    devLong.commit();

    const top = wb.addWorksheet('Største debitorer');
    header(top, ['Debitor', 'Navn', 'Saldo', 'Åbne fordringer', 'Ældste forfald'], [12, 28, 16, 15, 14]);
    for (const t of a.topDebtors) {
      const row = top.addRow([t.debtorId, t.name, t.balance, t.openClaims, serial(t.oldestDueDate)]);
      row.getCell(3).numFmt = KR;
      row.getCell(5).numFmt = DATE;
      row.commit();
    }
    top.commit();
    errorsSheet(wb, a.errors);
  });
}


/** One printable page per debtor (core/report's letterRows), page breaks after each; A4 portrait fitted to the width. */
export function lettersWorkbook(s: StatementsOutput, options: LetterOptions): Promise<Uint8Array> {
  return collect(async (wb) => {
    const sheet = wb.addWorksheet('Saldoopgørelser', {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } },
    });
    sheet.columns = [{ width: 22 }, { width: 30 }, { width: 19 }, { width: 19 }, { width: 21 }];
    const letters = letterRows(s, options);
    const bold = new Set(letters.bold);
    const breaks = new Set(letters.pageStarts.slice(1).map((start) => start - 1));
    letters.values.forEach((values, i) => {
      const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
      if (bold.has(i + 1)) row.font = { bold: true };
      letters.formats[i]!.forEach((f, j) => f !== '@' && (row.getCell(j + 1).numFmt = f));
      if (breaks.has(i + 1)) row.addPageBreak();
      row.commit();
    });
    sheet.commit();
  });
}
