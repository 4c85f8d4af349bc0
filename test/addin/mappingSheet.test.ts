/**
 * The `Saldo-kortlægning` sheet in the in-memory Excel: made with its header on the first save,
 * added to below its last row after that, the user's words kept as text (never a formula), and
 * read back by core as the same mapping.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMappingRows, readMappingSheet } from '../../addin/excel/mappingSheet.js';
import { mappingFromRows } from '../../core/ledger/ledgerMapping.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

afterEach(() => vi.unstubAllGlobals());

describe('the mapping sheet in a workbook', () => {
  it('is made on the first save, added to after that, and read back as the mapping given', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    vi.stubGlobal('Excel', fakeExcel(wb));
    expect(await readMappingSheet()).toBeUndefined();
    await addMappingRows([['kolonne', 'Deb.nr', 'Debitor']]);
    await addMappingRows([
      ['art', 'Udligning', 'betaling'],
      ['art', '=Rykker', 'gebyr'],
    ]);
    const sheet = wb.sheet('Saldo-kortlægning')!;
    expect(sheet.grid()).toEqual([
      ['Slags', 'I filen', 'Betyder'],
      ['kolonne', 'Deb.nr', 'Debitor'],
      ['art', 'Udligning', 'betaling'],
      // a word starting with "=" stays text (written with Excel's text prefix, in the text format)
      ['art', '=Rykker', 'gebyr'],
    ]);
    expect(sheet.cell(4, 2).formula).toBeUndefined();
    expect(sheet.cell(4, 2).numberFormat).toBe('@');
    const rows = await readMappingSheet();
    expect(mappingFromRows(rows!)).toEqual({ columns: { 'deb.nr': 'debtorId' }, kinds: { udligning: 'betaling', '=rykker': 'gebyr' } });
    // the user's ledger sheet is untouched
    expect(wb.sheet('Posteringer')!.grid()).toEqual([]);
  });
});
