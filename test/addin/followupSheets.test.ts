import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSheetValues, readSourceAt, uniqueTableName, writeFollowupSheets, writeTemplateTables } from '../../addin/excel/workbook.js';
import { followup } from '../../core/followup/followup.js';
import { countsToTable } from '../../core/followup/countsTable.js';
import { goalsToTable, goalTableFormats } from '../../core/followup/goalsTable.js';
import { followupFromTables } from '../../core/followup/tables.js';
import { previousTextFromRows } from '../../core/report/followupTable.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

const campaign = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/ekstraordinaer-indsats.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: unknown[];
  data: Record<string, unknown>;
};
const example = JSON.parse(readFileSync(new URL('../fixtures/followup/seks-maal-q3.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: Array<Record<string, unknown>>;
  data: Record<string, Record<string, number>>;
};

function withWorkbook(wb: FakeWorkbook) {
  vi.stubGlobal('Excel', fakeExcel(wb));
  return wb;
}
afterEach(() => vi.unstubAllGlobals());

describe('writeFollowupSheets', () => {
  it('writes the template table with formats, status colours as conditional formats, and a chart per measured goal, on new sheets', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    wb.put('Ark1', 'A1', [['Egne noter']]);
    const f = followup({ year: 2025, goals: example.goals, data: example.data });
    const written = await writeFollowupSheets(f, 'Lavet af Saldo');
    // quarterly data: no months sheet; the year-end report's table on a sheet of its own
    expect(written).toEqual({ sheetName: 'Opfølgning 2025 Q3', monthSheetName: null, chartSheetName: 'Diagrammer 2025 Q3', annualSheetName: 'Årsrapport 2025 Q3' });

    const sheet = wb.sheet('Opfølgning 2025 Q3')!;
    const grid = sheet.grid();
    expect(grid[0]![0]).toBe('Opfølgning på mål 2025 — år til dato efter 3 af 4 kvartaler');
    expect(grid[1]![0]).toBe('Lavet af Saldo');
    expect(grid[2]).toEqual([
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
      'Hvad skal der til',
      'Pejlemærke',
      'Måltype',
    ]);
    // 2.1 kontroltryk: Q1 2,750 / 19,800; year to date (2,750 + 3,120 + 2,940) / (19,800 + 20,900 + 18,700) = 8,810 / 59,400 = 14.83 %
    const kontroltryk = grid[4]!;
    expect(kontroltryk.slice(0, 2)).toEqual(['2.1', 'Pristjek af brugte selvanmeldte importerede køretøjer']);
    expect(kontroltryk[3]).toBeCloseTo(2750 / 19800, 12);
    expect(kontroltryk[6]).toBe(''); // no 4th quarter yet
    expect(kontroltryk[8]).toBeCloseTo(8810 / 59400, 12);
    expect(kontroltryk[7]).toBe('gul'); // 0.17 points short of 15 %, within the 2-point margin
    expect(sheet.cell(5, 4).numberFormat).toBe('0.0 %');
    expect(sheet.cell(5, 9).numberFormat).toBe('0.0 %');
    expect(sheet.cell(5, 2).numberFormat).toBe('@');
    // the milestone (3.2, due Q4) shows "frist" in the 4th quarter, as text
    expect(grid[8]!.slice(0, 8)).toEqual(['3.2', 'Procesunderstøttelse af ekspeditionsområdet', expect.any(String), '', '', '', 'frist', 'grøn']);

    // a count goal (2.1a, pristjek) in whole counts with a thousands separator, a ratio to the hundredth
    // in a format that never ends on a bare separator ("310," in Danish Excel from #,##0.##)
    const countRow = grid.findIndex((r) => r[0] === '2.1a') + 1;
    expect(sheet.cell(countRow, 4).numberFormat).toBe('#,##0');

    // status colours: three cell-value rules on the status column, no static fills
    expect(sheet.conditionalList).toEqual([
      { address: 'H4:H9', type: 'CellValue', fill: '#C6EFCE', rule: { formula1: '="grøn"', operator: 'EqualTo' } },
      { address: 'H4:H9', type: 'CellValue', fill: '#FFEB9C', rule: { formula1: '="gul"', operator: 'EqualTo' } },
      { address: 'H4:H9', type: 'CellValue', fill: '#FFC7CE', rule: { formula1: '="rød"', operator: 'EqualTo' } },
    ]);
    expect([...sheet.cells.values()].some((c) => c.fill)).toBe(false);
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 } });
    expect(sheet.columnWidths[10]).toBe(40 * 6);
    expect(sheet.activated).toBe(true);

    // charts: 5 measured goals (the milestone has none), each its quarters against its target
    const charts = wb.sheet('Diagrammer 2025 Q3')!;
    expect(charts.chartList).toHaveLength(5);
    // LineMarkers: a quarter alone between gaps shows as a point
    expect(charts.chartList[1]).toMatchObject({
      type: 'LineMarkers',
      source: 'A17:E19',
      seriesBy: 'Rows',
      title: { text: '2.1 Pristjek af brugte selvanmeldte importerede køretøjer' },
      position: 'G17:N31',
    });
    expect(charts.grid()[18]).toEqual(['Mål', 0.15, 0.15, 0.15, 0.15]);
    // a count goal's target line is a quarter of the year's: 12,000 / 4
    expect(charts.grid()[34]).toEqual(['Mål', 3000, 3000, 3000, 3000]);
    expect(wb.sheet('Ark1')!.grid()).toEqual([['Egne noter']]);
  });

  it('monthly data: the template by month, a chart of 12 months, the årsrapport; the months sheet only when quarters are asked (issue 21)', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    const written = await writeFollowupSheets(followup(campaign), '');
    expect(written).toEqual({ sheetName: 'Opfølgning 2016 M04', monthSheetName: null, chartSheetName: 'Diagrammer 2016 M04', annualSheetName: 'Årsrapport 2016 M04' });
    const grid = wb.sheet('Opfølgning 2016 M04')!.grid();
    expect(grid[2]!.slice(3, 15)).toEqual(['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']);
    // 2 aftaler: 41, 52, 47, 44, then empty cells (not 0); status gul in P (184 against 600 × 4/12 = 200, margin 20)
    expect(grid[4]!.slice(3, 9)).toEqual([41, 52, 47, 44, '', '']);
    expect(grid[4]![15]).toBe('gul');
    const sheet = wb.sheet('Opfølgning 2016 M04')!;
    expect(sheet.cell(5, 4).numberFormat).toBe('#,##0');
    expect(sheet.columnWidths[4]).toBe(9.5 * 6);
    expect(sheet.conditionalList[0]!.address).toBe('P4:P8');
    // the chart of goal 2 (rows 17–29): 12 months, its values and 600 / 12 = 50 a month
    const charts = wb.sheet('Diagrammer 2016 M04')!;
    expect(charts.chartList[1]).toMatchObject({ source: 'A17:C29', seriesBy: 'Columns', position: 'E17:N31' });
    expect(charts.chartList[1]!.seriesList.map((s) => [s.label, s.values, s.categories])).toEqual([
      ['Pr. måned', 'B18:B29', 'A18:A29'],
      ['Mål', 'C18:C29', 'A18:A29'],
    ]);
    expect(charts.grid()[21]).toEqual(['maj', '', 50]);
    expect(wb.sheet('Årsrapport 2016 M04')!.grid()[0]![0]).toBe('Årsrapport 2016: målopfyldelse (foreløbig, efter 4 af 12 måneder)');

    const asked = await writeFollowupSheets(followup({ ...campaign, quarters: true }), '');
    expect(asked).toEqual({ sheetName: 'Opfølgning 2016 M04 2', monthSheetName: 'Måneder 2016 M04', chartSheetName: 'Diagrammer 2016 M04 2', annualSheetName: 'Årsrapport 2016 M04 2' });
    expect(wb.sheet('Opfølgning 2016 M04 2')!.grid()[4]!.slice(3, 7)).toEqual([140, '', '', '']); // 41 + 52 + 47; April alone is no 2nd quarter
    expect(wb.sheet('Måneder 2016 M04')!.grid()[4]!.slice(0, 7)).toEqual(['2', 'Antal betalingsaftaler', 41, 52, 47, 44, '']);
  });

  it('writes text that looks like a formula as text, and keeps text whose goal is gone below the table', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    const goals = [{ id: '1', name: '=HYPERLINK("http://evil.example")', measure: 'a', target: 1, cause: '+cmd|calc', action: '@SUM(A1)' }];
    const previous = [{ id: '9', cause: '-gammel årsag', action: 'gammel handling' }];
    const f = followup({ year: 2025, goals, data: { Q1: { a: 2 } }, previous });
    await writeFollowupSheets(f, '=note');
    const sheet = wb.sheet('Opfølgning 2025 Q1')!;
    expect([...sheet.cells.values()].filter((c) => c.formula)).toEqual([]);
    const grid = sheet.grid();
    expect(grid[1]![0]).toBe('=note');
    expect(grid[3]!.slice(0, 2)).toEqual(['1', '=HYPERLINK("http://evil.example")']);
    expect(grid[3]!.slice(9, 11)).toEqual(['+cmd|calc', '@SUM(A1)']);
    expect(grid[5]![0]).toBe('Tidligere tekst uden mål');
    // kept below the table, marked as carried (the goal's own '+cmd|calc' above is the formula-like text written as text)
    expect(grid[7]!.slice(0, 3)).toEqual(['9', 'Fra sidste opfølgning: -gammel årsag', 'Fra sidste opfølgning: gammel handling']);
    expect(grid[8]!.slice(0, 3)).toEqual(['', '', '']); // an empty row ends the block
    expect(grid[9]![0]).toBe('Bemærkninger');
    expect(grid[10]![0]).toMatch(/Mål 9 fra sidste opfølgning findes ikke længere/);
  });

  it('never reuses a sheet name', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Opfølgning 2025 Q1']));
    const f = followup({ year: 2025, goals: [{ id: '1', name: 'A', measure: 'a', target: 1 }], data: { Q1: { a: 2 } } });
    expect(await writeFollowupSheets(f, '')).toEqual({ sheetName: 'Opfølgning 2025 Q1 2', monthSheetName: null, chartSheetName: 'Diagrammer 2025 Q1', annualSheetName: 'Årsrapport 2025 Q1' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Opfølgning 2025 Q1', 'Opfølgning 2025 Q1 2', 'Diagrammer 2025 Q1', 'Årsrapport 2025 Q1']);
  });

  it('next quarter: text typed into the Q2 sheet is in the Q3 sheet, and the Q2 sheet is left as it was', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    const goals = goalsToTable(example.goals);
    const q2 = countsToTable({ Q1: example.data.Q1!, Q2: example.data.Q2! }, true);
    await writeFollowupSheets(followupFromTables({ year: 2025, goals, counts: q2 }), '');
    // the controller types a cause and an action for 2.1 (row 5) in the Q2 sheet
    wb.put('Opfølgning 2025 Q2', 'J5', [['Færre medarbejdere i Q2', 'Ekstra hold i Q3']]);
    const before = wb.sheet('Opfølgning 2025 Q2')!.grid();

    const previous = previousTextFromRows(await readSheetValues('Opfølgning 2025 Q2'));
    await writeFollowupSheets(followupFromTables({ year: 2025, goals, counts: countsToTable(example.data, true), previous }), '');
    const q3 = wb.sheet('Opfølgning 2025 Q3')!.grid();
    expect(q3[4]!.slice(0, 1)).toEqual(['2.1']);
    // marked with the period of the sheet it was typed in (its title: "… efter 2 af 4 kvartaler")
    expect(q3[4]!.slice(9, 11)).toEqual(['Fra Q2: Færre medarbejdere i Q2', 'Fra Q2: Ekstra hold i Q3']);
    expect(wb.sheet('Opfølgning 2025 Q2')!.grid()).toEqual(before);
  });
});

describe('text of a dropped goal, over two more quarters', () => {
  it('stays below the table while the goal is gone, and returns to the goal when it comes back', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    const goal = (id: string) => ({ id, name: `Mål ${id}`, measure: 'a', target: 1 });
    const build = async (ids: string[], data: Record<string, Record<string, number>>, previousSheet?: string) => {
      const previous = previousSheet ? previousTextFromRows(await readSheetValues(previousSheet)) : [];
      return writeFollowupSheets(followup({ year: 2025, goals: ids.map(goal), data, previous }), '');
    };
    await build(['1', '9'], { Q1: { a: 1 } });
    wb.put('Opfølgning 2025 Q1', 'J5', [['Årsag for 9', 'Handling for 9']]); // goal 9 is row 5
    // Q2: goal 9 dropped, its text below the table
    await build(['1'], { Q1: { a: 1 }, Q2: { a: 1 } }, 'Opfølgning 2025 Q1');
    expect(
      wb
        .sheet('Opfølgning 2025 Q2')!
        .grid()
        .slice(5, 8)
        .map((r) => r.slice(0, 3)),
    ).toEqual([
      ['Tidligere tekst uden mål', '', ''],
      ['Nr.', 'Årsag/konsekvens', 'Handling'],
      // typed in the Q1 sheet: marked so, and the mark stays while it travels
      ['9', 'Fra Q1: Årsag for 9', 'Fra Q1: Handling for 9'],
    ]);
    // Q3: still gone — still kept (not lost in the second quarter)
    const q3 = await build(['1'], { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } }, 'Opfølgning 2025 Q2');
    expect(wb.sheet(q3.sheetName)!.grid()[7]!.slice(0, 3)).toEqual(['9', 'Fra Q1: Årsag for 9', 'Fra Q1: Handling for 9']);
    // Q4: the goal is back, and so is its text, still marked as written in Q1
    const q4 = await build(['1', '9'], { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 }, Q4: { a: 1 } }, q3.sheetName);
    expect(wb.sheet(q4.sheetName)!.grid()[4]!.slice(9, 11)).toEqual(['Fra Q1: Årsag for 9', 'Fra Q1: Handling for 9']);
    // read back with the Q4 sheet's period and each goal's status then (a = 1 against target 1: grøn)
    expect(previousTextFromRows(await readSheetValues(q4.sheetName))).toEqual([
      { id: '1', cause: '', action: '', status: 'grøn', period: 'Q4' },
      { id: '9', cause: 'Fra Q1: Årsag for 9', action: 'Fra Q1: Handling for 9', status: 'grøn', period: 'Q4' },
    ]);
  });
});

describe('writeTemplateTables', () => {
  it('writes the goals and counts as Excel tables on new sheets, with new names when taken, percent targets as percent', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Mål']));
    const names = await writeTemplateTables([
      { name: 'Mål', rows: goalsToTable(example.goals), formats: goalTableFormats(example.goals) },
      { name: 'Tal', rows: countsToTable(example.data, false) },
    ]);
    expect(names).toEqual(['Mål_2', 'Tal']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Mål', 'Mål 2', 'Tal']);
    const goals = wb.sheet('Mål 2')!;
    expect(goals.tableList).toEqual([expect.objectContaining({ name: 'Mål_2', address: 'A1:M7', hasHeaders: true })]);
    expect(goals.grid()[2]!.slice(0, 2)).toEqual(['2.1', 'Pristjek af brugte selvanmeldte importerede køretøjer']);
    expect(goals.cell(3, 6)).toMatchObject({ value: 0.15, numberFormat: '0.0 %' });
    expect(goals.cell(3, 1).numberFormat).toBe('@'); // "2.1" must not become 2 January
    const counts = wb.sheet('Tal')!;
    expect(counts.grid()[0]).toEqual(['Navn', 'Q1', 'Q2', 'Q3', 'Q4']);
    expect(counts.grid()[1]).toEqual(['point', null, null, null, null].map((v) => (v === null ? '' : v)));
    expect(counts.cell(2, 2).numberFormat).toBe('General');
  });
});

describe('table names and where a table begins', () => {
  it('makes a free Excel table name from a sheet name: cleaned first, then compared without case', () => {
    expect(uniqueTableName('Mål 2', ['Mål', 'mål_2'])).toBe('Mål_2_2');
    expect(uniqueTableName('2025 tal', [])).toBe('_2025_tal');
    expect(uniqueTableName('Tal', ['Tal', 'Tal_2'])).toBe('Tal_3');
  });

  it('writes no table whose name a defined name already has', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    wb.names.items.push({ name: 'Tal' });
    expect(await writeTemplateTables([{ name: 'Tal', rows: [['Navn', 'Q1']] }])).toEqual(['Tal_2']);
  });

  it("reads a sheet whose data begins at B3 with that origin, so messages name the sheet's rows", async () => {
    const wb = withWorkbook(new FakeWorkbook(['Mål']));
    wb.put('Mål', 'B3', [
      ['Nr.', 'Mål', 'Retning'],
      ['1', 'A', 'over'],
    ]);
    const read = await readSourceAt({ kind: 'sheet', name: 'Mål' });
    expect(read).toEqual({
      values: [
        ['Nr.', 'Mål', 'Retning'],
        ['1', 'A', 'over'],
      ],
      row: 3,
      column: 2,
    });
    expect(() =>
      followupFromTables({
        year: 2025,
        goals: read.values,
        goalsAt: read,
        counts: [
          ['Navn', 'Q1'],
          ['a', 1],
        ],
      }),
    ).toThrow(/^Måltabellen, række 4, kolonnen "Retning"/);
  });
});
