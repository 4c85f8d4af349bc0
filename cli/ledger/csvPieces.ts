/**
 * A CSV ledger read in pieces: the file is cut at line starts about every `pieceBytes` bytes,
 * and each piece is read, decoded and tokenized (by uDSV) on its own, so that two threads can
 * share a large file and no piece waits for another. The header is read first; a piece needs
 * only the header's layout.
 *
 * Whether a cut fell inside a quoted field (a quoted line break) is known only afterwards, from
 * the count of `"` before it (each well-formed field has an even number): the caller checks
 * `cutsAreRecordStarts` and reads the file in one stream instead when a cut was not.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { inferSchema, initParser } from 'udsv';
import { SaldoError } from '../../core/errors.js';
import { detectDelimiter, headerSchema, separatorLine } from './readLedger.js';
import { createQuoteGate, quoteProblemMessage, runTogetherProblem } from './quoteGate.js';
import { shownCellText } from '../../core/ledger/posting.js';

export type PieceEncoding = 'ascii' | 'utf-8' | 'windows-1252';

/** About 8 MB: large enough that tokenizing dominates, small enough to share work evenly. */
export const PIECE_BYTES = 8 << 20;

type Schema = ReturnType<typeof inferSchema>;

export interface CsvLayout {
  path: string;
  size: number;
  /** Byte offset where the first data line starts. */
  headerEnd: number;
  header: string[];
  headerEncoding: PieceEncoding;
  headerQuotes: number;
  schema: Schema;
  pieceBytes: number;
  pieces: number;
}

export interface PieceResult {
  index: number;
  /** Records in the piece (uDSV's rows; a separator-only line counts, an empty line does not). */
  rows: number;
  quotes: number;
  encoding: PieceEncoding;
}

const NEWLINE = 10;
const QUOTE = 34;

function countQuotes(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(QUOTE); i >= 0; i = bytes.indexOf(QUOTE, i + 1)) n += 1;
  return n;
}

const windows1252 = new TextDecoder('windows-1252');

/**
 * Bytes to text: plain ASCII and valid UTF-8 as such, anything else as Windows-1252 (what Danish
 * Windows systems export). A line start never falls inside a UTF-8 character, so pieces decode alone.
 */
function decode(bytes: Buffer): { text: string; encoding: PieceEncoding } {
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), encoding: 'ascii' };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
}

/** Reads the header line and plans the pieces. Throws a Danish error for an empty file. */
export function readCsvLayout(path: string, pieceBytes = PIECE_BYTES): CsvLayout {
  return withFile(path, (fd) => {
    const size = fstatSync(fd).size;
    const probe = Buffer.allocUnsafe(Math.min(size, 1 << 20));
    const got = readSync(fd, probe, 0, probe.length, 0);
    const head = probe.subarray(0, got);
    const eol = head.indexOf(NEWLINE);
    if (eol < 0 && size > head.length) {
      throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" har ingen linjeskift i den første megabyte: er det en CSV-fil?`);
    }
    const headerEnd = eol < 0 ? size : eol + 1;
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const { text, encoding } = decode(head.subarray(bom, headerEnd));
    const line = text.replace(/\r?\n$/, '');
    if (line.trim() === '') throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
    const schema = headerSchema(`${line}${text.endsWith('\r\n') ? '\r\n' : '\n'}`, detectDelimiter(line), path);
    const data = size - headerEnd;
    return {
      path,
      size,
      headerEnd,
      header: schema.cols.map((c) => c.name),
      headerEncoding: encoding,
      headerQuotes: countQuotes(head.subarray(0, headerEnd)),
      schema,
      pieceBytes,
      pieces: Math.max(1, Math.ceil(data / pieceBytes)),
    };
  });
}

/** Index of the first newline at or after `at` (absolute), reading ahead as far as needed; or `size`. */
function lineEndFrom(fd: number, at: number, size: number, buffer: Buffer, bufferStart: number, bufferEnd: number): number {
  if (at >= size) return size;
  if (at >= bufferStart && at < bufferEnd) {
    const i = buffer.indexOf(NEWLINE, at - bufferStart);
    if (i >= 0 && bufferStart + i < bufferEnd) return bufferStart + i;
  }
  const block = Buffer.allocUnsafe(1 << 16);
  for (let pos = Math.max(at, bufferEnd); pos < size; pos += block.length) {
    const got = readSync(fd, block, 0, block.length, pos);
    const i = block.subarray(0, got).indexOf(NEWLINE);
    if (i >= 0) return pos + i;
    if (got === 0) break;
  }
  return size;
}

/**
 * The bytes of piece `index`: from the first line start at or after `index × pieceBytes` (the
 * header's end for the first) to the next piece's start.
 */
export function pieceBytes(fd: number, layout: CsvLayout, index: number): Buffer {
  const { pieceBytes: p, size, headerEnd } = layout;
  const from = index === 0 ? headerEnd : index * p - 1;
  const to = Math.min(size, (index + 1) * p + (1 << 16));
  if (from >= size) return Buffer.alloc(0);
  const buffer = Buffer.allocUnsafe(to - from);
  const got = readSync(fd, buffer, 0, buffer.length, from);
  const start = index === 0 ? headerEnd : Math.max(headerEnd, lineEndFrom(fd, from, size, buffer, from, from + got) + 1);
  const end = index === layout.pieces - 1 ? size : Math.max(headerEnd, lineEndFrom(fd, (index + 1) * p - 1, size, buffer, from, from + got) + 1);
  if (start >= end) return Buffer.alloc(0);
  if (end <= from + got) return buffer.subarray(start - from, end - from);
  // A line ran past the read-ahead: read the piece again whole.
  const whole = Buffer.allocUnsafe(end - start);
  readSync(fd, whole, 0, whole.length, start);
  return whole;
}

export type PieceRowHandler = (cells: string[], row: number) => void;
export type PieceBadRowHandler = (row: number, message: string) => void;

/**
 * Tokenizes one piece and hands each record to `onRow` with its number within the piece (from 1),
 * or to `onBadRow` with a Danish reason. The cells array is reused from record to record.
 *
 * A piece with a `"` anywhere goes to uDSV, which knows quoting (`;` and `""` inside quotes,
 * quoted line breaks). A piece without one is split at the delimiter byte here, because making
 * a string of every field is most of the cost on a million rows: a field that repeats the line
 * above (a debtor's id, name and CPR, a claim's id and type) reuses that line's string.
 */
export function parsePiece(fd: number, layout: CsvLayout, index: number, onRow: PieceRowHandler, onBadRow: PieceBadRowHandler): PieceResult {
  const bytes = pieceBytes(fd, layout, index);
  const quotes = countQuotes(bytes);
  const encoding: PieceEncoding = isAscii(bytes) ? 'ascii' : isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  const { schema } = layout;
  const splittable = quotes === 0 && schema.col.length === 1 && (schema.row === '\n' || schema.row === '\r\n');
  const rows = splittable ? splitLines(bytes, encoding, schema.cols.length, schema.col.charCodeAt(0), onRow, onBadRow) : tokenize(bytes, encoding, schema, quotes > 0, onRow, onBadRow);
  return { index, rows, quotes, encoding };
}

function textOf(bytes: Buffer, encoding: PieceEncoding, start: number, end: number): string {
  if (encoding === 'ascii') return bytes.toString('latin1', start, end);
  if (encoding === 'utf-8') return bytes.toString('utf8', start, end);
  return windows1252.decode(bytes.subarray(start, end));
}

/**
 * uDSV on the piece. A piece with quotes goes through the quote gate first: a record with broken
 * quoting, or lines run together by quotes, goes to `onBadRow` instead of swallowing rows. (A
 * quote open at the piece's end makes the file's count of `"` odd at a cut or at the end; the
 * caller then reads the file as one stream.) Each block gets `separatorLine` after it, so a
 * short last line is reported, not dropped.
 */
function tokenize(bytes: Buffer, encoding: PieceEncoding, schema: Schema, quoted: boolean, onRow: PieceRowHandler, onBadRow: PieceBadRowHandler): number {
  // `skip` (header rows, an untyped field of uDSV's schema) is 0: a piece has no header.
  const parser = initParser(Object.assign({}, schema, { skip: 0, encl: quoted ? '"' : '' }));
  let rows = 0;
  const parseBlock = (text: string) => {
    let lastEmpty = false;
    parser.stringArrs(text + separatorLine(schema), (cells: string[]) => {
      rows += 1;
      lastEmpty = isEmptyRecord(cells);
      if (lastEmpty) return true;
      const problem = quoted ? runTogetherProblem(cells, schema.col) : undefined;
      if (problem !== undefined) onBadRow(rows, problem);
      else onRow(cells, rows);
      return true;
    });
    // The separator line is the last record, unless a short last line ran into it.
    if (lastEmpty) rows -= 1;
  };
  const text = textOf(bytes, encoding, 0, bytes.length);
  if (!quoted) {
    parseBlock(text);
    return rows;
  }
  const gate = createQuoteGate(schema.col, parseBlock, (record, problem) => {
    rows += 1;
    onBadRow(rows, quoteProblemMessage(record, problem));
  });
  gate.push(text);
  gate.finish();
  return rows;
}

/**
 * Lines without quotes, split at the delimiter byte. As with uDSV, an empty line is not a
 * record, extra fields stay in the last column, and a line of separators only is skipped; a line
 * with too few fields is reported on its own (it never swallows the next line).
 */
function splitLines(bytes: Buffer, encoding: PieceEncoding, fieldCount: number, delimiter: number, onRow: PieceRowHandler, onBadRow: PieceBadRowHandler): number {
  const cells: string[] = new Array<string>(fieldCount).fill('');
  const starts = new Int32Array(fieldCount + 1);
  const ends = new Int32Array(fieldCount);
  // Where each field's current string came from (-1: nowhere yet).
  const fromStart = new Int32Array(fieldCount).fill(-1);
  const fromEnd = new Int32Array(fieldCount);
  const n = bytes.length;
  // One byte per character: offsets in the bytes are offsets in this text, and an ASCII field
  // is a plain slice of it (other fields are decoded by the piece's encoding).
  const latin1 = bytes.toString('latin1');
  const delimiterText = String.fromCharCode(delimiter);
  let rows = 0;
  let pos = 0;
  while (pos < n) {
    let eol = latin1.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const end = eol > pos && bytes[eol - 1] === 13 ? eol - 1 : eol;
    const lineStart = pos;
    pos = eol + 1;
    if (end === lineStart) continue;
    rows += 1;
    let fields = 0;
    let s = lineStart;
    while (fields < fieldCount - 1) {
      const d = latin1.indexOf(delimiterText, s);
      if (d < 0 || d >= end) break;
      starts[fields] = s;
      ends[fields] = d;
      fields += 1;
      s = d + 1;
    }
    starts[fields] = s;
    ends[fields] = end;
    fields += 1;
    let empty = true;
    for (let f = 0; f < fields; f += 1) {
      const a = starts[f]!;
      const b = ends[f]!;
      if (b > a) empty = false;
      const was = fromStart[f]!;
      if (was >= 0 && fromEnd[f]! - was === b - a && sameBytes(bytes, was, a, b - a)) {
        fromStart[f] = a;
        fromEnd[f] = b;
        continue;
      }
      cells[f] = b === a ? '' : encoding === 'ascii' || isAsciiRange(bytes, a, b) ? latin1.slice(a, b) : textOf(bytes, encoding, a, b);
      fromStart[f] = a;
      fromEnd[f] = b;
    }
    for (let f = fields; f < fieldCount; f += 1) {
      cells[f] = '';
      fromStart[f] = -1;
    }
    if (empty) continue;
    if (fields < fieldCount) {
      onBadRow(rows, `Rækken har ${fields} ${fields === 1 ? 'felt' : 'felter'}, men overskriften har ${fieldCount} – der mangler felter (${shownCellText(textOf(bytes, encoding, lineStart, end))}).`);
      continue;
    }
    onRow(cells, rows);
  }
  return rows;
}

function isAsciiRange(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (bytes[i]! >= 0x80) return false;
  return true;
}

function sameBytes(bytes: Buffer, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

function isEmptyRecord(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i += 1) if (cells[i] !== '') return false;
  return true;
}

/** The file's encoding from its pieces; a file that mixes UTF-8 æøå with other bytes is refused. */
export function fileEncoding(layout: CsvLayout, pieces: readonly PieceResult[]): 'utf-8' | 'windows-1252' {
  const all = [layout.headerEncoding, ...pieces.map((p) => p.encoding)];
  if (all.includes('windows-1252')) {
    if (all.includes('utf-8')) {
      throw new SaldoError('UGYLDIGT_INPUT', 'ledger', layout.path, 'Filen blander tegnsæt: nogle dele er UTF-8 med æ, ø eller å, andre ikke. Gem den som UTF-8 (eller som Windows-1252 hele vejen).');
    }
    return 'windows-1252';
  }
  return 'utf-8';
}

/**
 * True when no cut fell inside a quoted field and no quote is left open at the end: an even
 * number of `"` before every cut and in all. (An open quote at the end swallowed the lines after it.)
 */
export function cutsAreRecordStarts(layout: CsvLayout, pieces: readonly PieceResult[]): boolean {
  let quotes = layout.headerQuotes;
  const ordered = [...pieces].sort((a, b) => a.index - b.index);
  for (const p of ordered) {
    if (quotes % 2 !== 0) return false;
    quotes += p.quotes;
  }
  return quotes % 2 === 0;
}

/** Pieces number their rows apart; this orders them all (piece, then row) before the counts are known. */
export const PIECE_ROW_SPAN = 2 ** 32;

/**
 * Maps the provisional row keys (piece × 2³² + row in piece) to row numbers in the file (the
 * header is row 1), once every piece's record count is known.
 */
export function rowNumbering(pieces: readonly PieceResult[]): (key: number) => number {
  const ordered = [...pieces].sort((a, b) => a.index - b.index);
  const base: number[] = [];
  let row = 1;
  for (const p of ordered) {
    base[p.index] = row;
    row += p.rows;
  }
  return (key) => {
    const piece = Math.floor(key / PIECE_ROW_SPAN);
    return base[piece]! + (key - piece * PIECE_ROW_SPAN);
  };
}

/** Opens the file for `parsePiece` and closes it after `f`. */
export function withFile<T>(path: string, f: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return f(fd);
  } finally {
    closeSync(fd);
  }
}
