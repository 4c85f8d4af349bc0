/**
 * The opkrævningstragt written into a workbook (addin/excel/portfolioSheets.ts) on the fake Excel:
 * new sheets beside the user's, the table with kr. formats, a stacked column chart per claim type
 * and a claim type from the ledger that looks like a formula written as text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFunnelSheets } from '../../addin/excel/portfolioSheets.js';
import { commands } from '../../core/commands/index.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

afterEach(() => vi.unstubAllGlobals());

const HEADER = ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
/** Two claim types: one named like a formula, which must stay text (the ledger reads claim types in lower case). */
const EVIL = '=hyperlink("http://evil.example","klik")';
const LEDGER = [
  HEADER,
  ['D1', 'F1', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '1000'],
  ['D1', 'F1', 'daginstitution', '10-01-2026', '', 'betaling', '-1000'],
  ['D2', 'F2', 'daginstitution', '01-02-2026', '01-02-2026', 'krav', '300'],
  ['D3', 'F3', EVIL, '01-02-2026', '01-02-2026', 'krav', '800'],
  ['D3', 'F3', EVIL, '01-05-2026', '', 'oversendt', '-800'],
  ['D4', 'X', 'daginstitution', '31-02-2026', '', 'krav', '5'],
];

async function funnel() {
  const of = await commands.funnelOfRows({ from: '2026-01-01', to: '2026-02-28', asOf: '2026-06-30', places: { from: 'Fra', to: 'Til', asOf: 'Dato' } }, defaultRules);
  return of(LEDGER);
}

describe('writeFunnelSheets', () => {
  it('writes the funnel and its errors to NEW sheets, the table in kr. with filters, and activates the funnel', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    wb.put('Posteringer', 'A1', [['Brugerens egne data', 42]]);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const written = await writeFunnelSheets(await funnel());
    expect(written).toEqual({ sheetName: 'Tragt 2026-01 til 2026-02', errorsSheetName: 'Fejl tragt 2026-01 til 2026-02' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Posteringer', 'Tragt 2026-01 til 2026-02', 'Fejl tragt 2026-01 til 2026-02']);
    // the user's sheet untouched
    expect(wb.sheet('Posteringer')!.grid()).toEqual([['Brugerens egne data', 42]]);

    const sheet = wb.sheet(written.sheetName)!;
    const grid = sheet.grid();
    expect(grid[0]!.slice(0, 10)).toEqual([
      'Fordringstype',
      'Forfaldsmåned',
      'Nye fordringer',
      'Ny hovedstol',
      'Betalt før rykker',
      'Betalt efter rykker',
      'I betalingsaftale',
      'Sendt til inddrivelse',
      'Afskrevet',
      'Åben',
    ]);
    // one row per type and month: the formula-like type sorts first, each with both months
    expect(grid.slice(1, 5).map((r) => r.slice(0, 10))).toEqual([
      [EVIL, '2026-01', 0, 0, 0, 0, 0, 0, 0, 0],
      [EVIL, '2026-02', 1, 800, 0, 0, 0, 800, 0, 0],
      ['daginstitution', '2026-01', 1, 1000, 1000, 0, 0, 0, 0, 0],
      ['daginstitution', '2026-02', 1, 300, 0, 0, 0, 0, 0, 300],
    ]);
    expect(sheet.cell(2, 4).numberFormat).toBe('#,##0.00 "kr."');
    expect(sheet.cell(2, 5).numberFormat).toBe('#,##0.00 "kr."');
    expect(sheet.cell(2, 3).numberFormat).toBe('0');
    expect(sheet.cell(2, 11).numberFormat).toBe('0.0 %');
    expect(sheet.tableList).toHaveLength(1);
    expect(sheet.tableList[0]!.address).toMatch(/^A1:[A-Z]+5$/);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.activated).toBe(true);
    // the rows that could not be read, by their row number
    expect(wb.sheet(written.errorsSheetName)!.grid()[1]).toEqual([7, expect.stringMatching(/31-02-2026/)]);
  });

  it('draws a stacked column chart per claim type: its months as categories, the six stages as series', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const { sheetName } = await writeFunnelSheets(await funnel());
    const charts = wb.sheet(sheetName)!.chartList;
    expect(charts.map((c) => [c.type, c.title.text, c.source])).toEqual([
      ['ColumnStacked', `Opkrævningstragt – ${EVIL} (kr.)`, 'E2:J3'],
      ['ColumnStacked', 'Opkrævningstragt – daginstitution (kr.)', 'E4:J5'],
    ]);
    expect(charts[1]!.seriesList.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ['Betalt før rykker', 'E4:E5', 'B4:B5'],
      ['Betalt efter rykker', 'F4:F5', 'B4:B5'],
      ['I betalingsaftale', 'G4:G5', 'B4:B5'],
      ['Sendt til inddrivelse', 'H4:H5', 'B4:B5'],
      ['Afskrevet', 'I4:I5', 'B4:B5'],
      ['Åben', 'J4:J5', 'B4:B5'],
    ]);
  });

  it('writes a claim type that looks like a formula as text, never as a formula', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const { sheetName } = await writeFunnelSheets(await funnel());
    const sheet = wb.sheet(sheetName)!;
    expect(sheet.cell(2, 1).value).toBe(EVIL);
    expect(wb.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.formula !== undefined)).toEqual([]);
  });
});
