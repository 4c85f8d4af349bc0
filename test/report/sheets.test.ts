/**
 * Each result sheet is described once (core/report) and drawn twice: by ExcelJS for the CLI's
 * files and by Office.js for the add-in. Here every description is drawn by both — ExcelJS into a
 * workbook in memory, Office.js into the in-memory Excel — and what a person sees is compared:
 * values, number formats, bold and larger text, fills, status-colour rules, frozen rows, column
 * widths, print setup, page breaks, filters and charts (type, title, series names, value and
 * category ranges, where they sit). The Office side's charts are what Excel makes of the source
 * the add-in selects (the fake applies Excel's rule for label rows and columns), so a source that
 * does not give the described series is caught too.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestBatch } from '../../addin/excel/cells.js';
import { renderSheet as renderOffice } from '../../addin/excel/sheetRenderer.js';
import { renderSheet as renderExcelJs } from '../../cli/xlsx/sheetRenderer.js';
import type { ChartSpec } from '../../cli/xlsx/charts.js';
import { runOnJson } from '../../core/commands/index.js';
import { followup } from '../../core/followup/followup.js';
import { analysisFromRows, statementFromRows } from '../../core/ledger/ledgerJson.js';
import { toDayNumber, type CalendarDate } from '../../core/calendar/date.js';
import { failureSheet, henstandSheets, planOverviewSheet, planSheet, singleClaimHenstandSheet, statusSheet } from '../../core/report/agreementSheets.js';
import { followupChartSheet, followupMonthSheet, followupSheet } from '../../core/report/followupSheets.js';
import { annualReportSheet } from '../../core/report/annualReport.js';
import { analysisSheet, analysisSheets, errorsSheet, lettersSheet, statementClaimsSheet, statementSummarySheet } from '../../core/report/ledgerSheets.js';
import { blockLines, type SheetDescription } from '../../core/report/sheet.js';
import { funnelSheet } from '../../core/report/funnelSheets.js';
import { funnelFromRows } from '../../core/portfolio/funnelJson.js';
import { formatKroner, ore } from '../../core/money/ore.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { runSchedule as runPlan } from '../core/schedule/helpers.js';
import { fakeExcel, FakeWorkbook, type FakeSheet } from '../fakes/excelFake.js';
import { readAgreementRegister } from '../../core/portfolio/agreementRegister.js';
import { worklist } from '../../core/portfolio/worklist.js';
import { worklistSheets } from '../../core/report/worklistSheets.js';
import { limitationRadarOfRows } from '../../core/portfolio/limitationRadar.js';
import { limitationSheets } from '../../core/report/limitationSheets.js';

interface Cell {
  value: string | number;
  format: string;
  bold?: true;
  size?: number;
  fill?: string;
}

/** What a person sees of a sheet, the same shape from either renderer. */
interface Seen {
  cells: Record<string, Cell>;
  conditional: string[];
  frozenRows: number;
  widths: Record<number, number>;
  print: string;
  pageBreaksBefore: number[];
  filter: string | null;
  charts: Array<{ type: string; title: string; from: string; to: string | null; series: Array<{ name: string; values: string; categories: string | null }> }>;
}

const letter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
const plain = (range: string) => range.replace(/\$/g, '');
const CHART_TYPES: Record<string, string> = { line: 'Line', stackedColumn: 'ColumnStacked', scatterLines: 'XYScatterLines' };

/** Drawn by ExcelJS into a workbook in memory. */
function seenByExcelJs(d: SheetDescription): Seen {
  const wb = new ExcelJS.Workbook();
  const charts: ChartSpec[] = renderExcelJs(wb, d.name, d);
  const sheet = wb.getWorksheet(d.name)!;
  const cells: Record<string, Cell> = {};
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.value === null || cell.value === '') return;
      const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      cells[`${letter(c)}${r}`] = {
        value: cell.value as string | number,
        format: cell.numFmt ?? 'General',
        ...(cell.font?.bold ? { bold: true as const } : {}),
        ...(cell.font?.size ? { size: cell.font.size } : {}),
        ...(fill ? { fill: fill.slice(2) } : {}),
      };
    }),
  );
  const model = sheet as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[]; style: { fill: ExcelJS.FillPattern } }> }>; rowBreaks: Array<{ id: number }> };
  const widths: Record<number, number> = {};
  (sheet.columns ?? []).forEach((column, i) => {
    if (column.width !== undefined) widths[i + 1] = column.width;
  });
  const setup = sheet.pageSetup;
  return {
    cells,
    conditional: model.conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => `${cf.ref} = ${rule.formulae[0]} → ${rule.style.fill.fgColor!.argb!.slice(2)}`)),
    frozenRows: (sheet.views[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
    widths,
    print: d.print ? `${setup.orientation}${setup.fitToPage && setup.fitToWidth === 1 ? ', 1 page wide' : ''}` : '',
    pageBreaksBefore: model.rowBreaks.map((b) => b.id + 1),
    filter: sheet.autoFilter
      ? `${letter((sheet.autoFilter as { from: { column: number } }).from.column)}${(sheet.autoFilter as { from: { row: number } }).from.row}:${letter((sheet.autoFilter as { to: { column: number } }).to.column)}${(sheet.autoFilter as { from: { row: number } }).from.row}`
      : null,
    charts: charts.map((c) => ({
      // A line with markers is Office.js's LineMarkers: the same chart as the file's line with circle symbols.
      type: c.kind === 'line' && c.markers ? 'LineMarkers' : CHART_TYPES[c.kind]!,
      title: c.title,
      from: `${letter(c.from.col + 1)}${c.from.row + 1}`,
      // ExcelJS needs a size; where the description gives none, Excel's default is drawn.
      to: d.charts!.find((x) => x.title === c.title)!.to ? `${letter(c.to.col + 1)}${c.to.row + 1}` : null,
      series: c.series.map((s) => ({ name: s.name, values: plain(s.values), categories: (s.categories ?? c.categories) ? plain((s.categories ?? c.categories)!) : null })),
    })),
  };
}

/** Drawn by Office.js into the in-memory Excel. */
async function seenByOffice(d: SheetDescription): Promise<Seen> {
  const wb = new FakeWorkbook([d.name]);
  const sheet = wb.sheets[0]!;
  await renderOffice(new RequestBatch({ workbook: wb, sync: async () => wb.sync() } as never), sheet as never, d);
  return seenOfFake(sheet);
}

function seenOfFake(sheet: FakeSheet): Seen {
  const cells: Record<string, Cell> = {};
  for (const [key, c] of sheet.cells) {
    if (c.value === null || c.value === '') continue;
    const [r, col] = key.split(',').map(Number) as [number, number];
    cells[`${letter(col)}${r}`] = {
      value: c.value as string | number,
      format: c.numberFormat,
      ...(c.bold ? { bold: true as const } : {}),
      ...(c.size ? { size: c.size } : {}),
      ...(c.fill ? { fill: c.fill.slice(1) } : {}),
    };
  }
  const header = sheet.tableList[0]?.address.replace(/(\d+)$/, () => sheet.tableList[0]!.address.match(/^[A-Z]+(\d+)/)![1]!);
  return {
    cells,
    conditional: sheet.conditionalList.map((cf) => `${cf.address} = ${cf.rule!.formula1.slice(1)} → ${cf.fill.slice(1)}`),
    frozenRows: sheet.frozenRows,
    widths: Object.fromEntries(Object.entries(sheet.columnWidths).map(([c, points]) => [Number(c), points / 6])),
    print:
      sheet.pageLayout.zoom || sheet.pageLayout.orientation !== 'Portrait' || sheet.pageBreaks.length > 0
        ? `${sheet.pageLayout.orientation.toLowerCase()}${sheet.pageLayout.zoom?.horizontalFitToPages === 1 ? ', 1 page wide' : ''}`
        : '',
    pageBreaksBefore: sheet.pageBreaks.map((at) => Number(at.slice(1))),
    filter: header ?? null,
    charts: sheet.chartList.map((c) => {
      const [from, to] = c.position!.split(':') as [string, string?];
      return {
        type: c.type,
        title: c.title.text,
        from,
        to: to ?? null,
        series: c.seriesList.map((s) => ({ name: s.name || s.label || '', values: s.values!, categories: s.xValues ?? s.categories ?? null })),
      };
    }),
  };
}

// ---- the results the sheets are made from ----

const agreement = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };
const plan = runPlan(agreement);
const warnedPlan = runPlan({
  startDate: '2026-11-20',
  firstDueDate: '2027-01-01',
  paymentCapacity: { netIncome: 200000, year: 2024 },
  accrueFromDueDate: true,
  claims: [{ principal: 10000, annualInterestRate: 10, dueDate: '2026-10-01' }],
});
const henstandOut = runOnJson('henstand', { ...agreement, henstand: { from: '2026-05-01', months: 3 } }, defaultRules);
const singleClaim = runOnJson('claimHenstand', { claim: { id: 'F1', type: 'renovation', principal: 1200, dueDate: '2026-03-01' }, henstand: { months: 3 } }, defaultRules);
const statusOut = runOnJson('status', { ...agreement, payments: [{ date: '2026-02-02', amount: 300 }], asOf: '2026-02-20' }, defaultRules);
const ledger = [
  ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
  ['D1', '010190-1234', 'Søren Æbelø', 'F1', 'daginstitution', '01-09-2025', '01-09-2025', 'krav', '3.450,00'],
  ['D1', '010190-1234', 'Søren Æbelø', 'F1', 'daginstitution', '05-01-2026', '', 'betaling', '-1.000,50'],
  ['D2', '', '=HYPERLINK("http://evil.example")', 'E1', 'ejendomsskat', '01-03-2026', '01-03-2026', 'krav', '1.200,00'],
  ['D3', '', 'Fejl', 'X1', 'andet', '31-02-2026', '', 'krav', '5'],
];
const statements = statementFromRows(ledger, 2026, defaultRules);
const analysis = analysisFromRows(ledger, toDayNumber('2026-12-31' as CalendarDate));
// September 2025 to March 2026: daginstitution (F1) and ejendomsskat (E1), a chart each.
const funnel = funnelFromRows(ledger, { fromMonth: 2025 * 12 + 8, toMonth: 2026 * 12 + 2 });
const example = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/motorstyrelsen-2025.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: unknown[];
  data: Record<string, Record<string, number>>;
};
// The forældelse radar on 16-06-2026, 90 days: two claims in the window (Kim's and one without a
// caseworker), one forældet (Lis's); see test/core/portfolio/limitationRadar.test.ts for the rules.
const radar = limitationRadarOfRows(
  [
    ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Sagsbehandler'],
    ['D1', 'Søren Æbelø', 'A', 'daginstitution', '03-07-2023', '03-07-2023', 'krav', '123.456,78', 'Kim Lund'],
    ['D2', 'Bo', 'I', 'andet', '01-08-2023', '01-08-2023', 'krav', '1.600,00', ''],
    ['D3', 'Mette', 'D', 'ejendomsskat', '15-06-2023', '15-06-2023', 'krav', '1.300,00', 'Lis Berg'],
  ],
  toDayNumber('2026-06-16' as CalendarDate),
  90,
  defaultRules,
);
const fu = followup({ ...example, previous: [{ id: '99', cause: 'Gammel årsag', action: '-gammel handling' }] });
// Monthly data (January–April 2016): the template by month, or by quarter with the months beside (issue 21).
const campaign = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/ekstraordinaer-indsats.json', import.meta.url), 'utf8')) as typeof example;
const byMonth = followup(campaign);
const byQuarter = followup({ ...campaign, quarters: true });

const sheets: Array<[string, SheetDescription]> = [
  ['plan beside its summary (add-in)', planSheet('Afdragsplan', plan, { summary: 'beside', reference: '=Sag 12' })],
  ['plan with a warning and interest before the agreement', planSheet('Afdragsplan', warnedPlan, { summary: 'beside' })],
  ['plan with its total line (CLI)', planSheet('Afdragsplan', plan, { summary: 'total' })],
  [
    'plan overview (CLI)',
    planOverviewSheet([
      { name: 'A', result: plan },
      { name: 'B', result: { error: { message: 'Ydelsen er for lav' } } },
      { name: 'C', result: warnedPlan },
    ]),
  ],
  ['henstand, schedules beside (add-in)', henstandSheets(henstandOut, { name: 'Henstand', schedules: 'beside' })[0]!],
  ...henstandSheets(henstandOut, { name: 'Henstand', schedules: 'ownSheets' }).map((d): [string, SheetDescription] => [`henstand on own sheets (CLI): ${d.name}`, d]),
  ['henstand on one claim (CLI)', singleClaimHenstandSheet('Henstand', singleClaim)],
  ['status', statusSheet('Status', statusOut)],
  ['failure (CLI)', failureSheet('Status – fejl', 'Noget gik galt')],
  ['statement summary (CLI)', statementSummarySheet('Oversigt', statements)],
  ['statements per claim', statementClaimsSheet('Saldoopgørelse 2026', statements)],
  ['errors', errorsSheet('Fejl', statements.errors)],
  ['no errors', errorsSheet('Fejl', [])],
  ['letters', lettersSheet('Breve', statements, { kommune: 'Eksempel Kommune', contact: '+45 70 10 20 30', date: '2027-01-08' })],
  ['analysis on one sheet (add-in)', analysisSheet('Analyse', analysis)],
  ...analysisSheets(analysis).map((d): [string, SheetDescription] => [`analysis (CLI): ${d.name}`, d]),
  ['funnel (opkrævningstragt)', funnelSheet('Opkrævningstragt', funnel)],
  ...limitationSheets(radar).map((d): [string, SheetDescription] => [`forældelse radar (issue 20): ${d.name}`, d]),
  ['follow-up', followupSheet('Opfølgning', fu, 'Lavet af Saldo')],
  ['follow-up charts', followupChartSheet('Diagrammer', fu)!],
  ['follow-up by month (issue 21)', followupSheet('Opfølgning', byMonth, 'Lavet af Saldo')],
  ['follow-up by quarter of monthly data: the months sheet', followupMonthSheet('Måneder', byQuarter)!],
  ['follow-up charts by month', followupChartSheet('Diagrammer', byMonth)!],
  ['follow-up årsrapport', annualReportSheet('Årsrapport', fu)],
  ['follow-up årsrapport by month', annualReportSheet('Årsrapport', byMonth)],
  ...worklistSheets(
    worklist(
      readAgreementRegister([
        ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Aftaledato', 'Første forfald', 'Sagsbehandler'],
        ['A1', 'D1', 'F1', '500,00', '15-12-2025', '01-01-2026', 'Kim'],
        ['A2', 'D2', 'F2', '1.000,00', '15-12-2025', '01-01-2026', 'Lis'],
        ['A3', 'D3', 'F3', '1.000,00', '15-12-2025', '01-01-2026', 'Lis'],
      ]).agreements,
      [
        ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Art', 'Beløb'],
        ['D1', 'Søren Æbelø', 'F1', 'daginstitution', '01-12-2025', 'krav', '123.456,78'],
        ['D2', 'Bo', 'F2', 'daginstitution', '01-12-2025', 'krav', '2.000,00'],
        ['D2', 'Bo', 'F2', 'daginstitution', '02-01-2026', 'betaling', '-1.000,00'],
        ['D2', 'Bo', 'F2', 'daginstitution', '02-02-2026', 'betaling', '-1.000,00'],
      ],
      '2026-03-15' as CalendarDate,
      defaultRules,
    ),
  ).map((d): [string, SheetDescription] => [`work list (issue 20): ${d.name}`, d]),
];

beforeEach(() => void vi.stubGlobal('Excel', fakeExcel(new FakeWorkbook())));
afterEach(() => vi.unstubAllGlobals());

describe('every result sheet looks the same drawn by ExcelJS (CLI) and by Office.js (add-in)', () => {
  it.each(sheets)('%s', async (_, d) => {
    const office = await seenByOffice(d);
    const exceljs = seenByExcelJs(d);
    expect(office).toEqual(exceljs);
    // Not two empty pictures: every sheet shows cells, and the sheets that should have charts have them.
    expect(Object.keys(office.cells).length).toBeGreaterThan(0);
    expect(office.charts.length).toBe(d.charts?.length ?? 0);
  });
});

describe('the comparison catches a renderer that draws something else', () => {
  const status = statusSheet('Status', statusOut);
  it('a number format drawn differently', async () => {
    const office = await seenByOffice(status);
    const exceljs = seenByExcelJs({
      ...status,
      blocks: status.blocks.map((b) => (b.type === 'table' && b.columns[2]?.header === 'Ydelse' ? { ...b, columns: b.columns.map((c, i) => (i === 2 ? { ...c, kind: 'decimal' as const } : c)) } : b)),
    });
    expect(office).not.toEqual(exceljs);
    expect(office.cells.C11).toEqual({ value: 500, format: '#,##0.00 "kr."' });
    expect(exceljs.cells.C11).toEqual({ value: 500, format: '#,##0.00' });
  });
  it('a chart source that does not give the described series (Excel would name and plot other cells)', async () => {
    const d = planSheet('Afdragsplan', plan, { summary: 'beside' });
    const chart = d.charts![0]!;
    // the principal and balance columns selected for a chart of the balance alone: Excel draws two lines
    const wrong = { ...d, charts: [{ ...chart, source: { ...chart.source, col: chart.source.col - 1, cols: 2 } }] };
    expect((await seenByOffice(wrong)).charts).not.toEqual(seenByExcelJs(wrong).charts);
    expect((await seenByOffice(d)).charts).toEqual(seenByExcelJs(d).charts);
  });
});

describe('a small sheet, drawn by both, as stated by hand', () => {
  it('status of 1 installment of 500 kr. with 300 paid: the state coloured, amounts in kr., dates as dates', async () => {
    const small: SheetDescription = {
      name: 'Lille',
      blocks: [
        { type: 'pairs', at: { row: 1, col: 1 }, boldLabels: true, lines: [{ label: 'Aftalens status', value: 'misligholdt', kind: 'text', fill: 'FFC7CE' }] },
        {
          type: 'table',
          at: { row: 3, col: 1 },
          columns: [
            { header: 'Forfaldsdato', kind: 'date' },
            { header: 'Ydelse', kind: 'kroner' },
            { header: 'Status', kind: 'text', fills: { colours: { delvist: 'FCD5B4' }, rule: 'static' } },
          ],
          rows: [[46055, 500, 'delvist']],
        },
      ],
      columnWidths: { 1: 18 },
      freezeRows: 3,
    };
    const stated: Seen = {
      cells: {
        A1: { value: 'Aftalens status', format: '@', bold: true },
        B1: { value: 'misligholdt', format: '@', fill: 'FFC7CE' },
        A3: { value: 'Forfaldsdato', format: '@', bold: true },
        B3: { value: 'Ydelse', format: '@', bold: true },
        C3: { value: 'Status', format: '@', bold: true },
        A4: { value: 46055, format: 'dd-mm-yyyy' }, // 2 February 2026
        B4: { value: 500, format: '#,##0.00 "kr."' },
        C4: { value: 'delvist', format: '@', fill: 'FCD5B4' },
      },
      conditional: [],
      frozenRows: 3,
      widths: { 1: 18 },
      print: '',
      pageBreaksBefore: [],
      filter: null,
      charts: [],
    };
    expect(await seenByOffice(small)).toEqual(stated);
    expect(seenByExcelJs(small)).toEqual(stated);
  });
});

describe('every written sheet reads without ######## and the ones a caseworker prints are set up for it (issue 19)', () => {
  /** The characters Excel needs to show a number in its format: too few, and the cell shows ########. */
  const shownLength = (value: number, format: string): number => {
    if (format.includes('kr.')) return formatKroner(ore(Math.round(value * 100))).length;
    if (/d+-m+-y+/.test(format)) return 'dd-mm-yyyy'.length;
    if (format.includes('%')) return `${(value * 100).toFixed(1)} %`.length;
    // Otherwise as many decimals as the format has places after its point, with thousands points.
    const decimals = /\.([0#]+)/.exec(format)?.[1]?.length ?? 0;
    const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
    return (value < 0 ? 1 : 0) + whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.').length + (fraction === undefined ? 0 : 1 + fraction.length);
  };
  it.each(sheets)('%s', (_, d) => {
    for (const block of d.blocks) {
      for (const line of blockLines(block)) {
        line.values.forEach((v, i) => {
          if (v === null || v === '') return;
          const col = line.col + i;
          const width = d.columnWidths?.[col];
          // Every column with something in it has its width set (not Excel's 8.43).
          expect(width, `${d.name}: column ${col} has no width`).toBeDefined();
          if (typeof v === 'number') expect(width!, `${d.name}: ${v} in column ${col} (${line.formats[i]})`).toBeGreaterThanOrEqual(shownLength(v, line.formats[i]!));
        });
      }
    }
  });
  const printed = ['plan', 'henstand', 'status', 'letters', 'follow-up'];
  it.each(sheets.filter(([name]) => printed.some((p) => name.startsWith(p)) && !name.includes('overview')))('%s has a print setup', (_, d) => {
    expect(d.print?.fitToWidth).toBe(true);
  });
});
