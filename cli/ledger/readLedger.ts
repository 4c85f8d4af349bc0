/**
 * Brings a ledger's rows to core, streaming: CSV as Danish systems export it (`;` or `,`, UTF-8
 * with or without BOM, or Windows-1252, detected), .xlsx (the first visible tab, or the one named, streamed) or JSON
 * rows. Rows go to a sink one by one with the line they start on (the header is line 1) and the
 * lines they span, so memory stays bounded whatever the file's size, and every line of the file
 * is accounted for: a row, a refused row with its reason, or a blank line. CSV records are
 * csvRecords.ts's; cell meaning is core's.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { objectsToRows } from '../../core/ledger/ledgerJson.js';
import { SaldoError } from '../../core/errors.js';
import { JSON_HINT, jsonErrorPlace } from '../jsonText.js';
import { createCsvTokenizer, createLineCounter, LINE_LIMIT } from './csvRecords.js';
import { readXlsxLedger, type XlsxLedgerOptions } from './xlsxLedger.js';

export type RowHandler = (cells: readonly unknown[], row: number) => void;
/** A row the reader itself could not make records of, with a Danish reason. */
export type BadRowHandler = (row: number, message: string) => void;
export type ProgressHandler = (done: number, total: number) => void;

/** Where a reader hands each line of a ledger. */
export interface LedgerSink {
  /** The header row (the first line that is not blank). */
  header(cells: readonly unknown[], line: number, span: number): void;
  row(cells: readonly unknown[], line: number, span: number): void;
  bad(line: number, span: number, message: string): void;
  blank(line: number, span: number): void;
  progress?: ProgressHandler;
}

/** What a reader read: the format and the lines (rows, elements) it counted apart from its records. */
export interface LedgerRead {
  format: string;
  lines: number;
  unit: 'linjer' | 'rækker' | 'elementer';
  /** The sheet read from an .xlsx ledger. */
  sheet?: string;
}

export type Encoding = 'utf-8' | 'windows-1252';

/** The delimiter of a CSV header line: `;` when it has more of them than commas. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  if (count('\t') > count(';') && count('\t') > count(',')) return '\t';
  return count(';') >= count(',') ? ';' : ',';
}

const NON_ASCII = /[\u0080-\uffff]/;
/** A UTF-8 encoded character (2–4 bytes) in bytes read as Latin-1: in Windows-1252 text it is UTF-8 mixed in. */
const UTF8_SEQUENCE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;

/** True when Windows-1252 bytes hold a UTF-8 æ, ø, å … too (a file saved from two systems). */
export function holdsUtf8(bytes: Buffer): boolean {
  return UTF8_SEQUENCE.test(bytes.toString('latin1'));
}

export const MIXED_ENCODINGS = 'Filen blander tegnsæt: nogle linjer er UTF-8 med æ, ø eller å, andre Windows-1252. Gem den som UTF-8 (eller som Windows-1252 hele vejen).';

/**
 * The header line's cells: the first line, tokenized alone. A quote that never closes in it, or
 * a header that is no CSV header, is a Danish error about the file.
 */
export function headerCells(line: string, path: string): { cells: string[]; delimiter: string } {
  const delimiter = detectDelimiter(line);
  const fail = () =>
    new SaldoError(
      'UGYLDIGT_INPUT',
      'ledger',
      path,
      `Overskriftsrækken i posteringsfilen "${path}" kan ikke læses: et anførselstegn (") åbnes uden at blive lukket, eller rækken er ikke en CSV-overskrift.`,
    );
  let cells: string[] | null = null;
  const tokenizer = createCsvTokenizer(
    { delimiter, fieldCount: 0 },
    {
      record: (c) => (cells = [...c]),
      bad: () => {
        throw fail();
      },
      blank: () => undefined,
    },
  );
  tokenizer.push(line);
  tokenizer.finish();
  if (cells === null) throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
  return { cells, delimiter };
}

/**
 * Reads a CSV ledger in one streaming pass (a file or a pipe). The bytes are read as UTF-8 (a BOM
 * is dropped) until a byte sequence is not UTF-8: then the file is Windows-1252, what Danish
 * Windows systems export. As long as everything before was plain ASCII, the two read the same, so
 * the switch loses nothing; a file that mixes UTF-8 æøå with Windows-1252 is refused, whichever
 * comes first. The lines are counted from the bytes, apart from the tokenizer.
 */
export async function readCsvLedger(path: string, sink: LedgerSink, total = 0): Promise<{ encoding: Encoding; lines: number }> {
  let encoding: Encoding = 'utf-8';
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let asciiSoFar = true;
  let pending = '';
  let done = 0;
  let first = true;
  const counter = createLineCounter();
  let data: ReturnType<typeof createCsvTokenizer> | null = null;
  // Bytes ≥ 0x80 at the end of the previous chunk: the UTF-8 decoder holds them back as the start
  // of a character; if the file turns out to be Windows-1252 they are æ, ø or å and must be kept.
  let tail: Buffer = Buffer.alloc(0);
  const feed = (text: string) => {
    if (data !== null) {
      data.push(text);
      return;
    }
    pending += text;
    const eol = pending.search(/[\r\n]/);
    if (eol < 0) {
      if (pending.length > LINE_LIMIT) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" har ingen linjeskift i den første million tegn: er det en CSV-fil?`);
      return;
    }
    const { cells, delimiter } = headerCells(pending.slice(0, eol), path);
    sink.header(cells, 1, 1);
    data = createCsvTokenizer({ delimiter, fieldCount: cells.length }, { record: sink.row, bad: sink.bad, blank: sink.blank }, 2);
    const rest = pending.slice(pending[eol] === '\r' && pending[eol + 1] === '\n' ? eol + 2 : eol + 1);
    pending = '';
    data.push(rest);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    if (first) {
      first = false;
      sniffCsv(bytes, path);
    }
    done += bytes.length;
    counter.push(bytes);
    let text: string;
    if (encoding === 'windows-1252') {
      // With the last bytes before, so a UTF-8 character cut between two chunks is seen too.
      if (holdsUtf8(Buffer.concat([tail, bytes]))) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, MIXED_ENCODINGS);
      text = decoder.decode(bytes, { stream: true });
      tail = bytes.subarray(Math.max(0, bytes.length - 3));
    } else {
      try {
        text = decoder.decode(bytes, { stream: true });
        if (asciiSoFar && NON_ASCII.test(text)) asciiSoFar = false;
      } catch {
        if (!asciiSoFar) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, MIXED_ENCODINGS);
        encoding = 'windows-1252';
        decoder = new TextDecoder('windows-1252');
        const rest = Buffer.concat([tail, bytes]);
        if (holdsUtf8(rest)) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, MIXED_ENCODINGS);
        text = decoder.decode(rest, { stream: true });
      }
      let i = bytes.length;
      while (i > 0 && bytes.length - i < 3 && bytes[i - 1]! >= 0x80) i -= 1;
      tail = bytes.subarray(i);
    }
    feed(text);
    sink.progress?.(done, total);
  }
  const rest = decoder.decode();
  if (rest) feed(rest);
  if (data === null && pending.trim() !== '') feed('\n');
  const lines = counter.finish();
  if (data === null) {
    // Only blank lines, or nothing: there is no header.
    throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
  }
  (data as ReturnType<typeof createCsvTokenizer>).finish();
  return { encoding, lines };
}

/** What the first bytes of a "CSV" say it is not: a zip file (.xlsx) or UTF-16 text. */
function sniffCsv(head: Buffer, path: string): void {
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" ${why}`);
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) throw fail('er en Excel-projektmappe (.xlsx), men navnet siger CSV. Giv den endelsen .xlsx, eller gem den som CSV.');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw fail('er gemt som UTF-16 ("Unicode-tekst"). Gem den som "CSV UTF-8 (kommasepareret)" eller som CSV.');
}

/**
 * Checks that a ledger file is what its name says before any reader starts (their own errors are
 * English or worse): not a folder, an .xlsx that is a zip file, a CSV or JSON that is not UTF-16
 * and not a zip file. A pipe (`--in <(zcat …)`) is not read ahead: its bytes come only once.
 */
export async function checkLedgerFile(path: string): Promise<void> {
  const info = await stat(path);
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" ${why}`);
  if (info.isDirectory()) throw fail('er en mappe, ikke en fil.');
  if (!info.isFile()) return;
  const file = await open(path, 'r');
  const head = Buffer.alloc(Math.min(info.size, 1 << 16));
  try {
    await file.read(head, 0, head.length, 0);
  } finally {
    await file.close();
  }
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    if (info.size === 0) throw fail('er tom.');
    // Every .xlsx is a zip file: "PK\x03\x04".
    if (head.length < 4 || head.readUInt32BE(0) !== 0x504b0304)
      throw fail('er ikke en .xlsx-projektmappe (er det en CSV-fil eller en gammel .xls-fil med forkert filendelse?). Gem den i Excel som .xlsx eller som CSV.');
    return;
  }
  if (lower.endsWith('.json')) {
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) throw fail('er gemt som UTF-16 ("Unicode-tekst"). Gem den som UTF-8.');
    return;
  }
  sniffCsv(head, path);
}

/** True when the path is a pipe or another stream, not a file that can be read twice or in pieces. */
export async function isStream(path: string): Promise<boolean> {
  const info = await stat(path);
  return !info.isFile();
}

/** A JSON ledger: an array of rows, or `{"ledger": [...]}`; returns the rows, its keys' row included. */
export async function readJsonLedger(path: string, onRow: RowHandler): Promise<number> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen er ikke gyldig JSON${jsonErrorPlace(body, (e as Error).message)}. ${JSON_HINT}`);
  }
  const list = Array.isArray(data) ? data : (data as { ledger?: unknown })?.ledger;
  if (!Array.isArray(list)) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, 'Posteringsfilen skal være en JSON-liste af posteringer (eller {"ledger": [...]}).');
  objectsToRows(list).forEach((cells, i) => onRow(cells, i + 1));
  // The list's own length, apart from the rows handed on: its elements and the row of keys.
  return list.length + 1;
}

/**
 * Reads a ledger by its file type into a sink; returns the format and the lines counted. The
 * .xlsx and JSON readers' rows are passed on with their numbers; rows a sheet skips (empty ones)
 * are blank lines, up to the sheet's last row.
 */
export async function readLedger(path: string, sink: LedgerSink, xlsx: XlsxLedgerOptions = {}): Promise<LedgerRead> {
  const lower = path.toLowerCase();
  const info = await stat(path);
  if (lower.endsWith('.xlsx') || lower.endsWith('.json')) {
    const json = lower.endsWith('.json');
    let header = false;
    let last = 0;
    // Rows a broken sheet numbers twice or out of order: listed by the reader, and lines of their own.
    let extra = 0;
    const gapTo = (row: number) => {
      if (row <= last) extra += 1;
      if (row > last + 1) sink.blank(last + 1, row - last - 1);
      last = Math.max(last, row);
    };
    const onRow: RowHandler = (cells, row) => {
      gapTo(row);
      const empty = cells.every((c) => c === '' || c === null || c === undefined);
      if (!header) {
        // A JSON ledger's first row is its keys, even none (an empty list, said so by core).
        if (!json && empty) {
          sink.blank(row, 1);
          return;
        }
        header = true;
        sink.header(cells, row, 1);
      } else if (empty) sink.blank(row, 1);
      else sink.row(cells, row, 1);
    };
    if (!json) {
      const read = await readXlsxLedger(
        path,
        onRow,
        sink.progress,
        (row, message) => {
          gapTo(row);
          sink.bad(row, 1, message);
        },
        xlsx,
      );
      if (read.lastRow > last) sink.blank(last + 1, read.lastRow - last);
      return { format: 'xlsx', lines: read.lastRow + extra, unit: 'rækker', sheet: read.sheet };
    }
    const elements = await readJsonLedger(path, onRow);
    return { format: 'json', lines: elements, unit: 'elementer' };
  }
  const { encoding, lines } = await readCsvLedger(path, sink, info.isFile() ? info.size : 0);
  return { format: encoding, lines, unit: 'linjer' };
}
