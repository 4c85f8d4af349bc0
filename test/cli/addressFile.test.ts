import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addressesFromLedgerCsv, headerDelimiter, readAddressFile } from '../../cli/addressFile.js';

const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('address files as Danish systems export them', () => {
  it('finds the delimiter of the header line', () => {
    expect(headerDelimiter('Debitor;Adresse;Postnr;By')).toBe(';');
    expect(headerDelimiter('Debitor,Adresse,Postnr,By')).toBe(',');
    expect(headerDelimiter('Debitor\tAdresse\tPostnr\tBy')).toBe('\t');
  });

  it('reads a Windows-1252 .csv with "," and quoted fields; æøå survive', async () => {
    const text = 'Debitornr.,Adresse,Postnr.,By\r\nD1,"Åbjergvej 3, 2. th.",2635,Ishøj\r\nD2,Nørregade 1,1165,København K\r\n';
    const book = await readAddressFile(latin1(text), 'adr.csv');
    expect(book.problems).toEqual([]);
    expect(book.addresses.get('D1')).toEqual(['Åbjergvej 3, 2. th.', '2635 Ishøj']);
    expect(book.addresses.get('D2')).toEqual(['Nørregade 1', '1165 København K']);
  });

  it('reads the first sheet of an .xlsx, row numbers as the sheet shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Adresser');
    ws.addRow(['Debitor', 'Adresse', 'Postnr', 'By']);
    ws.addRow(['D1', 'Vejen 1', 2635, 'Ishøj']);
    ws.getRow(4).values = ['D2', 'Vejen 2', '26', 'Ishøj'];
    const book = await readAddressFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'adr.xlsx');
    expect(book.addresses.get('D1')).toEqual(['Vejen 1', '2635 Ishøj']);
    expect(book.problems.map((p) => p.row)).toEqual([4]);
    expect(book.problems[0]!.message).toMatch(/række 4: postnummeret "?26"? for debitor "?D2"? er ikke fire cifre/);
  });

  it('refuses other files in Danish', async () => {
    await expect(readAddressFile(new Uint8Array([1, 2]), 'adr.pdf')).rejects.toThrow(/skal være en \.csv- eller \.xlsx-fil/);
  });
});

describe("the ledger's own address columns", () => {
  it('are read when the header has them, one address per debitor however many postings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-adr-'));
    const path = join(dir, 'posteringer.csv');
    writeFileSync(
      path,
      latin1(
        'Debitor;Navn;Adresse;Postnr;By;Fordring;Art;Beløb\r\nD1;Søren;Æblevej 1;2635;Ishøj;F1;krav;100,00\r\nD1;Søren;Æblevej 1;2635;Ishøj;F1;betaling;-50,00\r\nD2;"Hansen; Jens";Bøgevej 2;2640;Hedehusene;F2;krav;10,00\r\n',
      ),
    );
    const book = await addressesFromLedgerCsv(path);
    expect(book?.problems).toEqual([]);
    expect(book?.addresses.get('D1')).toEqual(['Æblevej 1', '2635 Ishøj']);
    expect(book?.addresses.get('D2')).toEqual(['Bøgevej 2', '2640 Hedehusene']);
  });

  it('are not looked for when the header has none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-adr-'));
    const path = join(dir, 'posteringer.csv');
    writeFileSync(path, 'Debitor;Fordring;Art;Beløb\r\nD1;F1;krav;100,00\r\n');
    expect(await addressesFromLedgerCsv(path)).toBeUndefined();
  });
});
