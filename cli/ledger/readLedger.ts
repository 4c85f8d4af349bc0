/**
 * Brings a ledger's rows to core, streaming: CSV as Danish systems export it (`;` or `,`, UTF-8
 * with or without BOM, or Windows-1252, detected), .xlsx (the first visible tab, streamed) or JSON
 * rows. Rows go to a callback one by one with their row number (the header is row 1), so memory
 * stays bounded whatever the file's size. CSV tokenizing is uDSV's; cell meaning is core's.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { initParser, inferSchema } from 'udsv';
import { objectsToRows } from '../../core/ledger/ledgerJson.js';
import { createQuoteGate, quoteProblemMessage, runTogetherProblem } from './quoteGate.js';
import { SaldoError } from '../../core/errors.js';
import { JSON_HINT, jsonErrorPlace } from '../jsonText.js';
import { readXlsxLedger, type XlsxLedgerOptions, type XlsxRead } from './xlsxLedger.js';

export type RowHandler = (cells: readonly unknown[], row: number) => void;
/** A row the reader itself could not make records of, with a Danish reason. */
export type BadRowHandler = (row: number, message: string) => void;
export type ProgressHandler = (done: number, total: number) => void;

export type Encoding = 'utf-8' | 'windows-1252';


/** The delimiter of a CSV header line: `;` when it has more of them than commas. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  if (count('\t') > count(';') && count('\t') > count(',')) return '\t';
  return count(';') >= count(',') ? ';' : ',';
}

type Parser = ReturnType<typeof initParser>;

/**
 * A full line of separators, put after the text given to uDSV: a short last line runs into it
 * and is reported, instead of being dropped by the tokenizer at the end of the text. It is
 * itself an empty record, which the readers skip.
 */
export function separatorLine(schema: { row: string; col: string; cols: readonly unknown[] }): string {
  return `${schema.row}${schema.col.repeat(schema.cols.length - 1)}${schema.row}`;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Reads a CSV ledger in one streaming pass. The bytes are read as UTF-8 (a BOM is dropped) until
 * a byte sequence is not UTF-8: then the file is Windows-1252, what Danish Windows systems
 * export. As long as everything before was plain ASCII, the two read the same, so the switch
 * loses nothing; a file that mixes UTF-8 æøå with Windows-1252 is refused. Returns the encoding.
 * A line whose quote never closes, and lines run together by a stray quote, go to `onBadRow`.
 */
export async function readCsvLedger(path: string, onRow: RowHandler, onProgress?: ProgressHandler, onBadRow?: BadRowHandler): Promise<Encoding> {
  const total = (await stat(path)).size;
  let encoding: Encoding = 'utf-8';
  let decoder = new TextDecoder('utf-8', { fatal: true });
  let asciiSoFar = true;
  let parser: Parser | null = null;
  let schema: ReturnType<typeof inferSchema> | null = null;
  let pending = '';
  let row = 1;
  let done = 0;
  // Bytes ≥ 0x80 at the end of the previous chunk: the UTF-8 decoder holds them back as the start
  // of a character; if the file turns out to be Windows-1252 they are æ, ø or å and must be kept.
  let tail: Buffer = Buffer.alloc(0);
  const onData = (cells: string[]) => {
    row += 1;
    // Only a quoted field can hold a line break: until a quote is seen, no row needs the check.
    const problem = quotesSeen ? runTogetherProblem(cells, schema!.col) : undefined;
    if (problem !== undefined) onBadRow?.(row, problem);
    else onRow(cells, row);
  };
  // uDSV's end() may only follow a chunk().
  let fed = false;
  let quotesSeen = false;
  const tokenize = (text: string) => {
    fed = true;
    if (!quotesSeen && text.indexOf('"') >= 0) quotesSeen = true;
    parser!.chunk<string[]>(text, parser!.stringArrs as never, onData);
  };
  let gate: ReturnType<typeof createQuoteGate> | null = null;
  const onBroken = (record: string, problem: Parameters<typeof quoteProblemMessage>[1]) => {
    // Everything before the record is through the tokenizer; a fresh one (no header) goes on after it.
    if (fed) parser!.end();
    parser = initParser(Object.assign({}, schema!, { skip: 0 }));
    fed = false;
    row += 1;
    onBadRow?.(row, quoteProblemMessage(record, problem));
  };
  const feed = (input: string) => {
    let text = input;
    if (parser === null) {
      pending += text;
      const eol = pending.search(/\r?\n/);
      if (eol < 0) return;
      schema = headerSchema(pending, detectDelimiter(pending.slice(0, eol)), path);
      parser = initParser(schema);
      onRow(schema.cols.map((c) => c.name), 1);
      // The header (its quotes checked by headerSchema) goes straight to the tokenizer, which skips it.
      const headerEnd = pending.indexOf('\n', eol) + 1;
      tokenize(pending.slice(0, headerEnd));
      gate = createQuoteGate(schema.col, tokenize, onBroken);
      text = pending.slice(headerEnd);
      pending = '';
    }
    gate!.push(text);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    done += bytes.length;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
      if (asciiSoFar && encoding === 'utf-8' && NON_ASCII.test(text)) asciiSoFar = false;
    } catch {
      if (!asciiSoFar) {
        throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, 'Filen blander tegnsæt: den begynder som UTF-8 med æ, ø eller å og fortsætter med andre tegn. Gem den som UTF-8 (eller som Windows-1252 hele vejen).');
      }
      encoding = 'windows-1252';
      decoder = new TextDecoder('windows-1252');
      text = decoder.decode(Buffer.concat([tail, bytes]), { stream: true });
    }
    if (encoding === 'utf-8') {
      let i = bytes.length;
      while (i > 0 && bytes.length - i < 3 && bytes[i - 1]! >= 0x80) i -= 1;
      tail = bytes.subarray(i);
    }
    feed(text);
    onProgress?.(done, total);
  }
  const rest = decoder.decode();
  if (rest) feed(rest);
  if (parser === null && pending !== '') feed('\n');
  (gate as ReturnType<typeof createQuoteGate> | null)?.finish();
  const last = parser as Parser | null;
  if (last) {
    tokenize(separatorLine(last.schema));
    last.end();
  }
  return encoding;
}

/**
 * Checks that a ledger file is what its name says before any reader starts (their own errors are
 * English or worse): not a folder, an .xlsx that is a zip file, a CSV that is not UTF-16 and does
 * not end its lines with CR alone (old Mac "CSV"), which would be read as one header line.
 */
export async function checkLedgerFile(path: string): Promise<void> {
  const info = await stat(path);
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" ${why}`);
  if (info.isDirectory()) throw fail('er en mappe, ikke en fil.');
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
    if (head.length < 4 || head.readUInt32BE(0) !== 0x504b0304) throw fail('er ikke en .xlsx-projektmappe (er det en CSV-fil eller en gammel .xls-fil med forkert filendelse?). Gem den i Excel som .xlsx eller som CSV.');
    return;
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    if (lower.endsWith('.json')) throw fail('er gemt som UTF-16 ("Unicode-tekst"). Gem den som UTF-8.');
    throw fail('er gemt som UTF-16 ("Unicode-tekst"). Gem den som "CSV UTF-8 (kommasepareret)" eller som CSV.');
  }
  if (lower.endsWith('.json')) return;
  const cr = head.indexOf(13);
  const lf = head.indexOf(10);
  if (cr >= 0 && (lf < 0 || cr < lf) && head[cr + 1] !== 10) {
    throw fail('har kun CR som linjeskift (gammelt Mac-format), så den ville blive læst som én lang linje. Gem den igen som CSV (UTF-8) fra Excel eller et andet program.');
  }
}

/** A JSON ledger: an array of rows, or `{"ledger": [...]}`. */
export async function readJsonLedger(path: string, onRow: RowHandler): Promise<void> {
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
}

/** Reads a ledger by its file type. */
export async function readLedger(path: string, onRow: RowHandler, onProgress?: ProgressHandler, onBadRow?: BadRowHandler, xlsx?: XlsxLedgerOptions & { onRead?: (read: XlsxRead) => void }): Promise<string> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    xlsx?.onRead?.(await readXlsxLedger(path, onRow, onProgress, onBadRow, xlsx));
    return 'xlsx';
  }
  if (lower.endsWith('.json')) {
    await readJsonLedger(path, onRow);
    return 'json';
  }
  return readCsvLedger(path, onRow, onProgress, onBadRow);
}

/**
 * The CSV parser's schema from the header line. A header with a quote that never closes made the
 * parser itself fail (a crash, found by the fuzz suite): it is a Danish error about the file.
 */
export function headerSchema(text: string, delimiter: string, path: string): ReturnType<typeof inferSchema> {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const quotes = (header.match(/"/g) ?? []).length;
  const fail = () => new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Overskriftsrækken i posteringsfilen "${path}" kan ikke læses: et anførselstegn (") åbnes uden at blive lukket, eller rækken er ikke en CSV-overskrift.`);
  if (quotes % 2 === 1) throw fail();
  try {
    const schema = inferSchema(text, { col: delimiter, encl: '"' });
    if (!schema?.cols?.length) throw fail();
    return schema;
  } catch (e) {
    if (e instanceof SaldoError) throw e;
    throw fail();
  }
}
