import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asTextCell, blockAddress, columnLetter, readSelection, writeChunked, writePlanSheet } from '../../addin/excel/workbook.js';
import { runPlan } from '../core/schedule/helpers.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

const plan = runPlan({ startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] });

function withWorkbook(wb: FakeWorkbook) {
  vi.stubGlobal('Excel', fakeExcel(wb));
  return wb;
}
afterEach(() => vi.unstubAllGlobals());

describe('addresses', () => {
  it('columns and blocks in A1 notation', () => {
    expect([1, 8, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AZ', 'AAA']);
    expect(blockAddress(1, 1, 10, 8)).toBe('A1:H10');
    expect(blockAddress(2, 10, 7, 2)).toBe('J2:K8');
  });
});

describe('writePlanSheet', () => {
  it('writes the schedule to a NEW sheet with formats, a table, a summary and a balance chart, in one batch', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    wb.put('Ark1', 'A1', [['Borgerens egne tal', 42]]);
    const result = await writePlanSheet(plan);
    expect(result).toEqual({ sheetName: 'Afdragsplan', rows: 9 });

    const sheet = wb.sheet('Afdragsplan')!;
    const grid = sheet.grid();
    expect(grid[0]!.slice(0, 8)).toEqual(['Nr.', 'Nominel dato', 'Forfaldsdato', 'Ydelse', 'Gebyrer', 'Renter', 'Afdrag på hovedstol', 'Restgæld']);
    expect(grid[1]!.slice(0, 8)).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    expect(grid[9]!.slice(0, 8)).toEqual([9, 46296, 46296, 450, 0, 0, 450, 0]); // 1 Oct 2026 = 46023 + 273
    expect(sheet.cell(2, 3).numberFormat).toBe('dd-mm-yyyy');
    expect(sheet.cell(2, 4).numberFormat).toBe('#,##0.00 "kr."');
    expect(sheet.tableList).toEqual([expect.objectContaining({ address: 'A1:H10', hasHeaders: true })]);
    expect(sheet.chartList).toHaveLength(1);
    expect(sheet.chartList[0]).toMatchObject({ type: 'Line', source: 'H1:H10', xAxis: 'C2:C10', title: { text: 'Restgæld efter hver ydelse' } });
    // the summary beside the table
    expect(grid[1]!.slice(9, 11)).toEqual(['Antal ydelser', 9]);
    expect(grid[3]!.slice(9, 11)).toEqual(['I alt', 4450]);
    expect(sheet.activated).toBe(true);
    // the user's own sheet is untouched; one batch: a read of the sheet names, then one write
    expect(wb.sheet('Ark1')!.grid()).toEqual([['Borgerens egne tal', 42]]);
    expect(wb.syncs).toBe(2);
    expect(wb.calculationSuspended).toBe(1);
  });

  it('never reuses a sheet name: a second schedule goes to "Afdragsplan 2"', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1', 'afdragsplan']));
    expect((await writePlanSheet(plan)).sheetName).toBe('Afdragsplan 2');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Ark1', 'afdragsplan', 'Afdragsplan 2']);
  });

  it('writes a reference that looks like a formula as text, never as a formula', async () => {
    const wb = withWorkbook(new FakeWorkbook());
    const reference = '=HYPERLINK("http://evil.example","klik")';
    const { sheetName } = await writePlanSheet(plan, reference);
    const sheet = wb.sheet(sheetName)!;
    expect(sheet.cell(1, 11).value).toBe(reference);
    expect([...sheet.cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    expect(sheetName).not.toMatch(/[:\\/?*[\]]/);
  });
});

describe('asTextCell and writeChunked', () => {
  it('prefixes text that Excel would read as a formula', () => {
    expect(['=1+1', '+45', '-3', '@SUM(A1)', 'Sag 12'].map(asTextCell)).toEqual(["'=1+1", "'+45", "'-3", "'@SUM(A1)", 'Sag 12']);
  });
  it('splits a large block into requests under the payload limit, keeping every cell', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0]!;
    const values = Array.from({ length: 25 }, (_, i) => [i, i * 2, i * 3, i * 4]);
    const chunks = writeChunked(sheet as never, 1, 1, values, undefined, 40); // 10 rows of 4 cells a chunk
    expect(chunks).toBe(3);
    expect(wb.requests).toBe(3);
    expect(sheet.grid()).toEqual(values);
  });
});

describe('readSelection (office-addin-mock: properties must be loaded before they are read)', () => {
  it('loads address and values in one sync', async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          range: { address: 'Ark1!A1:B2', values: [['Hovedstol', 'Gebyrer'], [4200, 250]] },
          getSelectedRange: function () {
            return this.range;
          },
        },
      },
      run: async function (callback: (ctx: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    });
    vi.stubGlobal('Excel', mock);
    expect(await readSelection()).toEqual({ address: 'Ark1!A1:B2', values: [['Hovedstol', 'Gebyrer'], [4200, 250]] });
  });
});
