/**
 * Addresses for letters (`--addresses FIL`, or the ledger's own address columns): a .csv as
 * Danish systems export it (`;` or `,`, UTF-8 or Windows-1252, quoted fields) or the first visible
 * sheet of an .xlsx. Rows go one at a time into core's address book (core/letters/addresses.ts),
 * so a ledger of years of postings is streamed, not held.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import './xlsx/xmlSafe.js';
import { SaldoError } from '../core/errors.js';
import { addressBook, hasAddressColumns, type AddressBook } from '../core/letters/addresses.js';
import { createCsvTokenizer } from './ledger/csvRecords.js';
import { readCsvLayout } from './ledger/csvPieces.js';
import { cellOf } from './xlsx/cellValue.js';
import { repackedWorkbook, sizeText } from './xlsx/xlsxZip.js';

/** An address file is a few MB; beyond this it is no address file. */
const ADDRESS_FILE_LIMIT = 256 * 1024 * 1024;

/** The delimiter of a header line: the one of `;`, `,` and tab it has most of. */
export function headerDelimiter(line: string): string {
  const count = (c: string) => line.split(c).length - 1;
  return [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/** The address book of a .csv text (the whole file). */
export function addressesFromCsvText(text: string, where: string): AddressBook {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const book = addressBook(where);
  const bad: AddressBook['problems'] = [];
  const tokenizer = createCsvTokenizer(
    { delimiter: headerDelimiter(body.slice(0, body.indexOf('\n') >>> 0)), fieldCount: 0 },
    { record: (cells) => void book.row(cells), bad: (line, _span, message) => void bad.push({ row: line, message: `${where}, linje ${line}: ${message}` }), blank: () => undefined },
  );
  tokenizer.push(body);
  tokenizer.finish();
  const result = book.done();
  return { addresses: result.addresses, problems: [...bad, ...result.problems] };
}

const decode = (bytes: Uint8Array): string => new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);

/** The address book of an address file (.csv or .xlsx). */
export async function readAddressFile(bytes: Uint8Array, path: string): Promise<AddressBook> {
  const where = `Adressefilen "${path}"`;
  if (bytes.length > ADDRESS_FILE_LIMIT) throw new SaldoError('UGYLDIGT_INPUT', '--addresses', path, `${where} fylder over ${sizeText(ADDRESS_FILE_LIMIT)}; en adressefil er nogle få MB.`);
  if (/\.xlsx$/i.test(path)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await repackedWorkbook(bytes, where, '--addresses', ADDRESS_FILE_LIMIT, `${where} fylder over ${sizeText(ADDRESS_FILE_LIMIT)} udpakket.`)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => s.state === 'visible');
    const book = addressBook(where);
    if (sheet) {
      let last = 0;
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        // Blank rows ExcelJS skips still count, so row numbers stay the sheet's own.
        for (; last < n - 1; last++) book.row([]);
        last = n;
        book.row((row.values as unknown[]).slice(1).map(cellOf));
      });
    }
    return book.done();
  }
  if (/\.csv$|\.txt$/i.test(path)) return addressesFromCsvText(decode(bytes), where);
  throw new SaldoError('UGYLDIGT_INPUT', '--addresses', path, `${where} skal være en .csv- eller .xlsx-fil.`);
}

/**
 * The ledger's own address columns, when its header has them (a .csv ledger): streamed line by
 * line through the address book; undefined when the ledger has no address columns.
 */
export async function addressesFromLedgerCsv(path: string): Promise<AddressBook | undefined> {
  const layout = readCsvLayout(path);
  if (!hasAddressColumns(layout.header)) return undefined;
  // UTF-8 unless a byte says otherwise; then the whole file again as Windows-1252.
  try {
    return await ledgerAddresses(path, layout.delimiter, new TextDecoder('utf-8', { fatal: true }));
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return ledgerAddresses(path, layout.delimiter, new TextDecoder('windows-1252'));
  }
}

async function ledgerAddresses(path: string, delimiter: string, decoder: TextDecoder): Promise<AddressBook> {
  const where = `Posteringsfilen "${path}"`;
  const book = addressBook(where);
  const bad: AddressBook['problems'] = [];
  const tokenizer = createCsvTokenizer(
    { delimiter, fieldCount: 0 },
    { record: (cells) => void book.row(cells), bad: (line, _span, message) => void bad.push({ row: line, message: `${where}, linje ${line}: ${message}` }), blank: () => undefined },
  );
  for await (const chunk of createReadStream(path)) tokenizer.push(decoder.decode(chunk as Buffer, { stream: true }));
  tokenizer.push(decoder.decode());
  tokenizer.finish();
  const result = book.done();
  return { addresses: result.addresses, problems: [...bad, ...result.problems] };
}
