/**
 * The `Saldo-regler` sheet in the in-memory Excel: written by the add-in's adapter, edited as a
 * controller types, read back by core. Office.js changes cannot be undone, so an existing sheet
 * is replaced only when asked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRulesSheetCells, recalculateFunctions, rulesSheetExists, writeRulesSheet } from '../../addin/excel/rulesSheet.js';
import { readRulesSheet } from '../../core/rules/rulesSheet.js';
import { applyRuleOverride, defaultRules } from '../../core/rules/ruleSet.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

function withWorkbook(wb: FakeWorkbook) {
  vi.stubGlobal('Excel', fakeExcel(wb));
  return wb;
}
afterEach(() => vi.unstubAllGlobals());

async function readBack() {
  const sheet = await readRulesSheetCells();
  if (sheet === null) throw new Error('no sheet');
  return readRulesSheet(sheet.values, { base: defaultRules, firstRow: sheet.row, firstColumn: sheet.column });
}

describe('the rules sheet in a workbook', () => {
  it('written and read back: the shipped rules, no problems; text as text, dates as Excel dates', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    expect(await readRulesSheetCells()).toBeNull();
    expect(await writeRulesSheet(defaultRules, false)).toBe('Saldo-regler');
    const sheet = wb.sheet('Saldo-regler')!;
    expect(sheet.activated).toBe(true);
    const out = await readBack();
    expect(out.problems).toEqual([]);
    expect(out.rules).toEqual(defaultRules);
    // "- medhæftere" style text never becomes a formula; the Kilde column is text, Kontrolleret a date
    expect([...sheet.cells.values()].filter((c) => c.formula)).toEqual([]);
    const grid = sheet.grid();
    const fee = grid.findIndex((r) => r[0] === 'rykker-udpantningsret');
    expect(sheet.cell(fee + 1, 7).numberFormat).toBe('dd-mm-yyyy');
    expect(sheet.cell(fee + 1, 4).numberFormat).toBe('#,##0.00 "kr."');
    expect(grid[fee]!.slice(2, 6)).toEqual(['ikke fastsat', 250, 'ubegrænset', 'ingen']);
  });
  it('a takst typed in the sheet with its source and date is read: 200 kr.', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    await writeRulesSheet(defaultRules, false);
    const row =
      wb
        .sheet('Saldo-regler')!
        .grid()
        .findIndex((r) => r[0] === 'rykker-udpantningsret') + 1;
    wb.put('Saldo-regler', `C${row}`, [[200]]);
    wb.put('Saldo-regler', `G${row}`, [['01-12-2026', 'Kommunens takstblad 2026']]);
    const out = await readBack();
    expect(out.problems).toEqual([]);
    expect(out.rules.fees.rykkerPublic.value.takst).toBe(20_000);
    expect(out.changed).toEqual([`Gebyrer: Rykkergebyr, krav med udpantningsret (række ${row})`]);
  });
  it('an existing sheet is never overwritten without asking; with "replace" it is written anew', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    await writeRulesSheet(defaultRules, false);
    wb.put('Saldo-regler', 'A1', [['Kontrollerens egen note']]);
    await expect(writeRulesSheet(defaultRules, false)).rejects.toThrow(/findes allerede/);
    expect(wb.sheet('Saldo-regler')!.grid()[0]![0]).toBe('Kontrollerens egen note');
    expect(await rulesSheetExists()).toBe(true);
    const takst = applyRuleOverride(defaultRules, { fees: { rykkerPublic: { takst: 200, source: 'Takstblad 2026', checked: '2026-12-01' } } });
    await writeRulesSheet(takst, true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Ark1', 'Saldo-regler']);
    expect(wb.sheet('Saldo-regler')!.grid()[0]![0]).toBe('Saldo-regler');
    // the rules in use, written and read back, are the rules in use
    expect((await readBack()).rules).toEqual(takst);
  });
  it('a full recalculation makes the SALDO functions use changed rules', async () => {
    const wb = withWorkbook(new FakeWorkbook(['Ark1']));
    await recalculateFunctions();
    expect(wb.calculations).toEqual(['Full']);
  });
});
