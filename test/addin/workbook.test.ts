import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asTextCell,
  blockAddress,
  columnLetter,
  listSheets,
  readSelection,
  readSheetValues,
  RequestBatch,
  writeBlock,
  writeHenstandSheet,
  writePlanSheet,
  writeStatusSheet,
} from '../../addin/excel/workbook.js';
import { runOnJson } from '../../core/commands/index.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { runSchedule as runPlan } from '../core/schedule/helpers.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';
import { installmentsFromRange } from '../../addin/shared/excelArgs.js';

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
  it("a plan's warning and its interest before the agreement are written beside the summary", async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    const warned = runPlan({
      startDate: '2026-11-20',
      firstDueDate: '2027-01-01',
      paymentCapacity: { netIncome: 200000, year: 2024 },
      accrueFromDueDate: true,
      claims: [{ principal: 10000, annualInterestRate: 10, dueDate: '2026-10-01' }],
    });
    await writePlanSheet(warned);
    const rows = wb
      .sheet('Afdragsplan')!
      .grid()
      .map((r) => r.slice(9, 11));
    // 10.000 × 10 % × 50/365 = 136,99 (test/core/schedule/interestBeforeStart.test.ts)
    expect(rows).toContainEqual(['Heraf renter fra forfald til aftaledato', 136.99]);
    expect(rows).toContainEqual(['Advarsel', expect.stringMatching(/^Betalingsevnetabellen for 2024 bruges til en aftale fra 2026/)]);
  });
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

  it('the Status page reads every installment back from the sheet it wrote: the summary\'s "I alt" beside row 4 is no total line (found by review)', async () => {
    withWorkbook(new FakeWorkbook(['Ark1']));
    const { sheetName } = await writePlanSheet(plan);
    const installments = installmentsFromRange(await readSheetValues(sheetName), `Arket "${sheetName}"`);
    // 9 installments of 500 (the last 450), as the sheet shows: 8 × 500 + 450 = 4.450
    expect(installments).toHaveLength(9);
    expect(installments.reduce((t, i) => t + i.amount, 0)).toBe(4450);
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

/** A fake workbook's request context, for the writers that take one. */
const contextOf = (wb: FakeWorkbook) => ({ workbook: wb, sync: async () => wb.sync() }) as unknown as Excel.RequestContext;

describe('asTextCell and writeBlock', () => {
  it('prefixes text that Excel would read as a formula', () => {
    expect(['=1+1', '+45', '-3', '@SUM(A1)', 'Sag 12'].map(asTextCell)).toEqual(["'=1+1", "'+45", "'-3", "'@SUM(A1)", 'Sag 12']);
  });
  it('sends a large block in requests under the budget, each with calculation suspended, keeping every cell', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0]!;
    const values = Array.from({ length: 25 }, (_, i) => [i, i * 2, i * 3, i * 4]);
    // A row of 4 numbers counts as 2 + 4 × 24 = 98 bytes: a 1,000-byte budget holds 10 rows a request.
    const batch = new RequestBatch(contextOf(wb), 1_000);
    await writeBlock(batch, sheet as never, 1, 1, values);
    await batch.send();
    expect(wb.requests).toBe(3);
    expect(wb.batches.map((b) => b.suspended)).toEqual([true, true, true]);
    expect(sheet.grid()).toEqual(values);
  });
  it('writes text XML cannot hold (U+FFFF, a lone surrogate, a vertical tab) as a visible U+FFFD (issue 14)', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0]!;
    await writeBlock(new RequestBatch(contextOf(wb)), sheet as never, 1, 1, [['a\uFFFFb', 'c\uD800d', 'e\u000Bf', 7]]);
    expect(sheet.grid()).toEqual([['a\uFFFDb', 'c\uFFFDd', 'e\uFFFDf', 7]]);
    expect(asTextCell('=x\uFFFE')).toBe("'=x\uFFFD");
  });
});

describe('requests Excel on the web takes (issue 19: 5 MB a request, calculation suspended while writing)', () => {
  const FIVE_MB = 5 * 1024 * 1024;
  it('statements of 60,000 debtors with long Danish names: every request under 5 MB, every one that writes runs suspended', async () => {
    const { writeStatementSheets } = await import('../../addin/excel/workbook.js');
    const { statementFromRows } = await import('../../core/ledger/ledgerJson.js');
    const wb = withWorkbook(new FakeWorkbook(['Posteringer']));
    const name = 'Søren Ærø Østergård-Å. Bøgh Kjærsgaard Frederiksen Hansen Nørregård'.repeat(2);
    const rows = [['Debitor', 'Navn', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'], ...Array.from({ length: 60_000 }, (_, i) => [`D${i}`, name, `F${i}`, '01-02-2026', 'krav', '500,00'])];
    await writeStatementSheets(statementFromRows(rows, 2026, defaultRules));
    const sizes = wb.batches.map((b) => b.bytes);
    // Before: the sheet went in one request of ≈ 20 MB, and its calculation was not suspended.
    expect(Math.max(...sizes)).toBeLessThan(FIVE_MB);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(4 * FIVE_MB);
    expect(wb.batches.filter((b) => b.wrote).every((b) => b.suspended)).toBe(true);
    const written = wb.sheet('Saldoopgørelse 2026')!.grid();
    expect(written).toHaveLength(60_001);
    expect(written.filter((r) => r[1] === name)).toHaveLength(60_000);
  });
  it('a plan: the sheet names are read, then one suspended request writes the sheet', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    await writePlanSheet(plan);
    expect(wb.batches.map((b) => [b.wrote, b.suspended])).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});

describe('a large sheet is made and written a piece at a time (issue 22: no task over 200 ms)', () => {
  it('the statement sheet made a slice of debtors at a time is the sheet made at once', async () => {
    const { statementClaimsSheetInSlices } = await import('../../addin/excel/workbook.js');
    const { statementClaimsSheet } = await import('../../core/report/ledgerSheets.js');
    const { statementFromRows } = await import('../../core/ledger/ledgerJson.js');
    const rows = [
      ['Debitor', 'Navn', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
      ...Array.from({ length: 23 }, (_, i) => [`D${i % 7}`, `Navn ${i % 7}`, `F${i}`, '01-02-2026', i % 3 === 0 ? 'betaling' : 'krav', '100,00']),
    ];
    const s = statementFromRows(rows, 2026, defaultRules);
    expect(s.debtors).toHaveLength(7);
    for (const slice of [1, 2, 3, 7, 100]) expect(await statementClaimsSheetInSlices('Saldoopgørelse 2026', s, slice)).toEqual(statementClaimsSheet('Saldoopgørelse 2026', s));
  });

  it('counts a block’s lines as blockLines gives them', async () => {
    const { lineCount } = await import('../../addin/excel/sheetRenderer.js');
    const { blockLines } = await import('../../core/report/sheet.js');
    const at = { row: 1, col: 1 };
    const blocks = [
      { type: 'table', at, columns: [{ header: 'A', kind: 'text' }], rows: [['x'], ['y']] },
      { type: 'table', at, columns: [{ header: 'A', kind: 'integer' }], rows: [[1]], total: [1] },
      { type: 'table', at, columns: [{ header: 'A', kind: 'text' }], rows: [] },
      { type: 'pairs', at, title: ['T', ''], lines: [{ label: 'a', value: 1, kind: 'integer' }] },
      { type: 'pairs', at, lines: [] },
      { type: 'lines', at, rows: [['a'], ['b', 'c'], []] },
    ] as const;
    for (const b of blocks) expect(lineCount(b as never)).toBe([...blockLines(b as never)].length);
  });

  it('rows are made only as each piece is written: the first request goes before the last row is made', async () => {
    const { writeRows } = await import('../../addin/excel/cells.js');
    const wb = new FakeWorkbook();
    const sheet = wb.sheets[0]!;
    const made: number[] = [];
    function* rows() {
      for (let i = 0; i < 25; i += 1) {
        made.push(wb.syncs);
        yield { values: [i, i * 2, i * 3, i * 4] };
      }
    }
    // 10 rows of 98 bytes a request, as in the test above.
    const batch = new RequestBatch(contextOf(wb), 1_000);
    const progress: number[] = [];
    await writeRows(batch, sheet as never, 1, 1, rows(), 25, (done) => progress.push(done));
    await batch.send();
    expect(made.slice(0, 11)).toEqual(Array<number>(11).fill(0));
    expect(made.at(-1)).toBe(2);
    expect(progress).toEqual([10, 20, 25]);
    expect(sheet.grid()).toEqual(Array.from({ length: 25 }, (_, i) => [i, i * 2, i * 3, i * 4]));
  });
});

describe('readSelection (office-addin-mock: properties must be loaded before they are read)', () => {
  it('loads the used part of the selection, address and values, in one sync', async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          range: {
            address: 'Ark1!A1:B9',
            used: {
              address: 'Ark1!A1:B2',
              values: [
                ['Hovedstol', 'Gebyrer'],
                [4200, 250],
              ],
            },
            getUsedRangeOrNullObject: function () {
              return this.used;
            },
          },
          getSelectedRange: function () {
            return this.range;
          },
        },
      },
      run: async function (callback: (ctx: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    });
    // Office.js sets isNullObject on every object without a load (the mock would want one).
    (mock as unknown as { context: { workbook: { range: { used: { isNullObject: boolean } } } } }).context.workbook.range.used.isNullObject = false;
    vi.stubGlobal('Excel', mock);
    expect(await readSelection()).toEqual({
      address: 'Ark1!A1:B2',
      values: [
        ['Hovedstol', 'Gebyrer'],
        [4200, 250],
      ],
    });
  });
});

describe('writeHenstandSheet', () => {
  it('writes the comparison, the warnings, both schedules and one chart with both balance curves', async () => {
    const wb = withWorkbook(new FakeWorkbook());
    const out = runOnJson(
      'henstand',
      {
        startDate: '2026-01-10',
        firstDueDate: '2026-02-01',
        installment: 500,
        claims: [{ type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }],
        henstand: { from: '2026-05-01', months: 3 },
      },
      defaultRules,
    );
    const { sheetName } = await writeHenstandSheet(out);
    expect(sheetName).toBe('Henstand');
    const sheet = wb.sheet('Henstand')!;
    const grid = sheet.grid();
    expect(grid[0]!.slice(0, 4)).toEqual(['', 'Før henstand', 'Efter henstand', 'Forskel']);
    expect(grid[2]!.slice(0, 3)).toEqual(['Sidste forfaldsdato', 46296, 46391]);
    expect(sheet.cell(3, 2).numberFormat).toBe('dd-mm-yyyy');
    expect(grid[7]![0]).toBe('Advarsler');
    expect(String(grid[8]![0])).toMatch(/opkrævningspolitikken/);
    // schedules from row 11: before in A, after in J
    expect(grid[10]![0]).toBe('Før henstand');
    expect(grid[10]![9]).toBe('Efter henstand');
    expect(grid[12]!.slice(9, 17)).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    const chart = sheet.chartList[0]!;
    expect(chart.type).toBe('XYScatterLines');
    expect(chart.seriesList.map((x) => [x.name, x.values, x.xValues])).toEqual([
      ['Før henstand', 'H13:H21', 'C13:C21'],
      ['Efter henstand', 'Q13:Q21', 'L13:L21'],
    ]);
    expect(wb.syncs).toBe(2);
  });
});

describe('writeStatusSheet and reading a schedule back', () => {
  it('colours each installment by its state and lists the next steps', async () => {
    const wb = withWorkbook(new FakeWorkbook());
    const out = runOnJson(
      'status',
      {
        startDate: '2026-01-10',
        firstDueDate: '2026-02-01',
        installment: 500,
        claims: [{ type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }],
        payments: [{ date: '2026-02-02', amount: 300 }],
        asOf: '2026-02-20',
      },
      defaultRules,
    );
    await writeStatusSheet(out);
    const sheet = wb.sheet('Status')!;
    expect(sheet.grid()[0]!.slice(0, 2)).toEqual(['Aftalens status', 'misligholdt']);
    expect(sheet.cell(1, 2).fill).toBe('#FFC7CE');
    // The caseworker's answer next to the state: the politik's procedure and what to do today.
    expect(sheet.grid()[6]!.slice(0, 2)).toEqual(['Procedure', 'Misligholdt betalingsaftale']);
    expect(sheet.grid()[7]![1]).toMatch(/^Overskredet – i dag: Send rykker/);
    expect(sheet.grid()[9]!.slice(0, 7)).toEqual(['Nr.', 'Forfaldsdato', 'Ydelse', 'Betalt', 'Mangler', 'Status', 'Dækket den']);
    expect(sheet.grid()[10]!.slice(0, 6)).toEqual([1, 46055, 500, 300, 200, 'delvist']);
    expect(sheet.cell(11, 6).fill).toBe('#FCD5B4');
    expect(sheet.cell(12, 6).fill).toBe('#F2F2F2'); // ikke forfalden
    expect(sheet.grid()[20]!.slice(0, 3)).toEqual(['Næste skridt', 'Tidligst', 'Gebyr']);
    // The rykker was due on the breach date (3/2 = serial 46056) and is overdue: due on asOf, 20/2 = 46056 + 17.
    expect(sheet.grid()[21]!.slice(0, 4)).toEqual([
      'Send rykker med varsel om oversendelse (automatisk ved misligholdelse)',
      46073,
      250,
      'overskredet – gøres nu; gebyr: højst (lovens maksimum; kommunens takst kan være lavere)',
    ]);
  });
  it('lists sheets and reads a sheet back (one read each)', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1', 'Afdragsplan']));
    wb.put('Afdragsplan', 'A1', [
      ['Nr.', 'Forfaldsdato'],
      [1, 46055],
    ]);
    expect(await listSheets()).toEqual(['Ark1', 'Afdragsplan']);
    expect(await readSheetValues('Afdragsplan')).toEqual([
      ['Nr.', 'Forfaldsdato'],
      [1, 46055],
    ]);
  });
});

describe('ledgers in the workbook', () => {
  it('a 100,000-row ledger is read in pieces under the 5 MB a request, in few reads', async () => {
    const { readSheetInChunks } = await import('../../addin/excel/workbook.js');
    const wb = withWorkbook(new FakeWorkbook(['Posteringer']));
    const header = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
    wb.put('Posteringer', 'A1', [header, ...Array.from({ length: 100_000 }, (_, i) => [`D${i}`, '', 'Navn', `F${i}`, 'andet', 46023, 46023, 'krav', 100])]);
    const progress: number[] = [];
    const rows = await readSheetInChunks('Posteringer', (done) => progress.push(done));
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]![0]).toBe('D99999');
    expect(Math.max(...wb.readBytes)).toBeLessThan(5 * 1024 * 1024);
    // Rows of ≈ 95 bytes (counted as ≤ 250): a first read of 2,222 rows, then ≈ 5,000 a read.
    expect(wb.readBytes.length).toBeLessThanOrEqual(25);
    expect(progress.at(-1)).toBe(100_001);
  });
  it('a wide ledger of long texts is read in smaller pieces: each answer stays under 5 MB (10,000 rows a read gave 33 MB)', async () => {
    const { readSheetInChunks } = await import('../../addin/excel/workbook.js');
    const wb = withWorkbook(new FakeWorkbook(['Posteringer']));
    const text = 'Kommunens bemærkning til posteringen: ' + 'æøå '.repeat(20);
    const width = 30;
    wb.put(
      'Posteringer',
      'A1',
      Array.from({ length: 12_000 }, (_, i) => Array.from({ length: width }, (_, j) => (j === 0 ? `D${i}` : text))),
    );
    const rows = await readSheetInChunks('Posteringer');
    expect(rows).toHaveLength(12_000);
    expect(rows[11_999]![0]).toBe('D11999');
    // One row is 29 × ≈ 120 bytes ≈ 3.5 KB: 12,000 rows are ≈ 42 MB in all.
    expect(wb.readBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(30 * 1024 * 1024);
    expect(Math.max(...wb.readBytes)).toBeLessThan(5 * 1024 * 1024);
  });
  it('a selection of whole columns (A:C) reads only the rows in use, not a million', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    wb.put('Ark1', 'A1', [
      ['Dato', 'Beløb'],
      [46055, 500],
      [46086, 500],
    ]);
    wb.selection = 'Ark1!A:C';
    expect(await readSelection()).toEqual({
      address: 'Ark1!A1:B3',
      values: [
        ['Dato', 'Beløb'],
        [46055, 500],
        [46086, 500],
      ],
    });
    expect(wb.readSizes).toEqual([6]);
  });
  it('statements go to new sheets: per claim, errors and letters with page breaks; names stay text', async () => {
    const { writeStatementSheets } = await import('../../addin/excel/workbook.js');
    const { statementFromRows } = await import('../../core/ledger/ledgerJson.js');
    const wb = withWorkbook(new FakeWorkbook(['Posteringer']));
    const s = statementFromRows(
      [
        ['Debitor', 'Navn', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
        ['D1', '=HYPERLINK("http://evil.example")', 'F1', '01-02-2026', 'krav', '500,00'],
        ['D2', 'Jens', 'G1', '01-03-2026', 'krav', '200,00'],
        ['D3', 'X', 'H1', 'i går', 'krav', '1'],
        // Posted 2/1/2020 without a due date: forældet 3 years after the first posting, before 2026.
        ['D4', 'Y', 'K1', '02-01-2020', 'krav', '300,00'],
      ],
      2026,
      defaultRules,
    );
    const written = await writeStatementSheets(s, { letters: { kommune: 'Eksempel Kommune', contact: 'tlf. 70 10 20 30', date: '2027-01-08' } });
    expect(written.sheets).toEqual(['Saldoopgørelse 2026', 'Fejl 2026', 'Breve 2026', 'Forældede 2026']);
    expect(written.letters).toBe('2 breve. 1 debitor fik intet brev (1 kun forældede krav). 1 forældet fordring kræves ikke ind; den står på listen til sagsbehandleren.');
    expect(wb.sheet('Forældede 2026')!.grid()[1]!.slice(0, 3)).toEqual(['D4', 'K1', 300]);
    const table = wb.sheet('Saldoopgørelse 2026')!;
    expect(table.grid()[1]!.slice(0, 2)).toEqual(['D1', '=HYPERLINK("http://evil.example")']);
    expect(wb.sheets.flatMap((x) => [...x.cells.values()]).filter((c) => c.formula !== undefined)).toEqual([]);
    expect(wb.sheet('Fejl 2026')!.grid()[1]).toEqual([4, expect.stringMatching(/Bogføringsdatoen "i går"/)]);
    const letters = wb.sheet('Breve 2026')!;
    expect(letters.pageBreaks).toHaveLength(1); // two debtors, one break between their pages
    expect(letters.grid().filter((r) => r[0] === 'Saldoopgørelse pr. 31. december 2026')).toHaveLength(2);
    expect(wb.sheet('Posteringer')!.grid()).toEqual([]); // the ledger sheet is untouched
  });
});

describe('a ledger in an Excel table', () => {
  it('is read from the table’s range in chunks', async () => {
    const { readLedgerInChunks, listTables } = await import('../../addin/excel/workbook.js');
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    wb.put('Ark1', 'C3', [['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'], ...Array.from({ length: 25 }, (_, i) => [`D${i}`, 'F', 46023, 'krav', i])]);
    wb.put('Ark1', 'A1', [['noget andet']]);
    wb.sheet('Ark1')!.tables.add('C3:G28', true);
    expect(await listTables()).toEqual(['Table1']);
    // A budget of 400 bytes: the first read takes all 26 rows (under 20,000 cells); rows of
    // ≈ 80 bytes would then allow 400 / (2 × 80) = 2 rows a read.
    const rows = await readLedgerInChunks({ kind: 'table', name: 'Table1' }, undefined, 400);
    expect(rows).toHaveLength(26);
    expect(rows[0]).toEqual(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb']);
    expect(rows[25]).toEqual(['D24', 'F', 46023, 'krav', 24]);
    expect(wb.readSizes).toEqual([130]);
  });
});
