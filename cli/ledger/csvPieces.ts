/**
 * A CSV ledger read in pieces: the file is cut at line starts about every `pieceBytes` bytes,
 * and each piece is read, decoded and tokenized on its own, so that two threads can share a
 * large file and no piece waits for another. The header is read first; a piece needs only the
 * header's layout. Each piece counts its lines from its bytes, apart from the tokenizer, for the
 * file's line account.
 *
 * Whether a cut fell inside a quoted field (a quoted line break) is known only afterwards: the
 * piece before it ended inside a quote. The caller checks `cutsAreRecordStarts` and reads the
 * file in one stream instead when a cut was not at a record start.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { SaldoError } from '../../core/errors.js';
import { headerCells, holdsUtf8, MIXED_ENCODINGS } from './readLedger.js';
import { createCsvTokenizer, createLineCounter, LINE_LIMIT, type CsvSink } from './csvRecords.js';

export type PieceEncoding = 'ascii' | 'utf-8' | 'windows-1252' | 'mixed';

/** About 8 MB: large enough that tokenizing dominates, small enough to share work evenly. */
export const PIECE_BYTES = 8 << 20;

export interface CsvLayout {
  path: string;
  size: number;
  /** Byte offset where the first data line starts. */
  headerEnd: number;
  header: string[];
  delimiter: string;
  headerEncoding: PieceEncoding;
  pieceBytes: number;
  pieces: number;
}

export interface PieceResult {
  index: number;
  /** Bytes in the piece: the pieces together must be the file after its header. */
  bytes: number;
  /** Lines in the piece, counted from its bytes. */
  lines: number;
  /** Lines the tokenizer handed on (rows, refused rows, blanks): must equal `lines`. */
  tokenized: number;
  /** Blank lines, and lines beyond a row's first (quoted line breaks): for the line account. */
  blank: number;
  continued: number;
  /** The piece's text ended inside a quoted field: the cut after it may not be a record start. */
  openAtEnd: boolean;
  encoding: PieceEncoding;
}

const NEWLINE = 10;

const windows1252 = new TextDecoder('windows-1252');

/**
 * The encoding of some bytes: plain ASCII and valid UTF-8 as such, else Windows-1252 (what Danish
 * Windows systems export) — unless UTF-8 æøå is mixed in. A line start never falls inside a
 * UTF-8 character, so pieces decode alone.
 */
function encodingOf(bytes: Buffer): PieceEncoding {
  if (isAscii(bytes)) return 'ascii';
  if (isUtf8(bytes)) return 'utf-8';
  return holdsUtf8(bytes) ? 'mixed' : 'windows-1252';
}

/** UTF-8 bytes held one character a byte (Latin-1) → their text. */
const utf8Text = (raw: string): string => Buffer.from(raw, 'latin1').toString('utf8');

/** True when a string of bytes has one from 0x80 on: part of a UTF-8 character. */
function hasHighByte(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) if (raw.charCodeAt(i) >= 0x80) return true;
  return false;
}

/**
 * V8 makes a slice of 13 characters or more a view into the string it is cut from, which keeps
 * that string alive: one debtor's name kept by the statement would keep the text it was read
 * from (before, a whole 8 MB piece; peak memory 480–530 MB against 440–455 MB with copies).
 * A copy made through a short string keeps only itself.
 */
const SLICE_VIEW_LENGTH = 13;
const ownCopy = (cell: string): string => (cell.length < SLICE_VIEW_LENGTH ? cell : ` ${cell}`.slice(1));

/**
 * Hands records on with cells of their own: copies that do not keep the piece's text alive (the
 * statement keeps names and claim types), and for a UTF-8 piece tokenized as its bytes (`utf8`)
 * each cell decoded. Only a cell that differs from the one above is copied or decoded (most
 * are dates and amounts of 10 characters or less; a debtor's name repeats on each of its rows).
 */
function ownCellsSink(sink: CsvSink, utf8: boolean): CsvSink {
  const raw: string[] = [];
  const text: string[] = [];
  return {
    record(cells, line, span) {
      for (let f = 0; f < cells.length; f += 1) {
        const cell = cells[f]!;
        if (cell === raw[f]) continue;
        raw[f] = cell;
        text[f] = utf8 && hasHighByte(cell) ? utf8Text(cell) : ownCopy(cell);
      }
      text.length = cells.length;
      sink.record(text, line, span);
    },
    bad: sink.bad,
    blank: sink.blank,
  };
}

/** A piece's bytes as the tokenizer takes them: UTF-8 as its bytes (see parsePiece). */
function pieceText(bytes: Buffer, encoding: PieceEncoding): string {
  return encoding === 'windows-1252' ? windows1252.decode(bytes) : bytes.toString('latin1');
}

function decode(bytes: Buffer, encoding: PieceEncoding): string {
  if (encoding === 'ascii') return bytes.toString('latin1');
  if (encoding === 'utf-8') return bytes.toString('utf8');
  return windows1252.decode(bytes);
}

/** Reads the header line and plans the pieces. Throws a Danish error for an empty file. */
export function readCsvLayout(path: string, pieceBytes = PIECE_BYTES): CsvLayout {
  return withFile(path, (fd) => {
    const size = fstatSync(fd).size;
    const probe = Buffer.allocUnsafe(Math.min(size, LINE_LIMIT));
    const got = readSync(fd, probe, 0, probe.length, 0);
    const head = probe.subarray(0, got);
    // The header ends at the first LF, CR LF or lone CR.
    const lf = head.indexOf(NEWLINE);
    const cr = head.indexOf(13);
    const eol = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    if (eol < 0 && size > head.length) {
      throw new SaldoError('UGYLDIGT_INPUT', 'ledger', path, `Posteringsfilen "${path}" har ingen linjeskift i den første million tegn: er det en CSV-fil?`);
    }
    const headerEnd = eol < 0 ? size : head[eol] === 13 && head[eol + 1] === NEWLINE ? eol + 2 : eol + 1;
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const line = head.subarray(bom, eol < 0 ? got : eol);
    const encoding = encodingOf(line);
    const text = decode(line, encoding);
    if (text.trim() === '') throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
    const { cells, delimiter } = headerCells(text, path);
    const data = size - headerEnd;
    return {
      path,
      size,
      headerEnd,
      header: cells,
      delimiter,
      headerEncoding: encoding,
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
  // On from the buffer's end when `at` is in the buffer (searched above), else from `at` itself
  // (a cut before the buffer: before the header's end, with pieces smaller than the header).
  for (let pos = at >= bufferStart && at < bufferEnd ? bufferEnd : at; pos < size; pos += block.length) {
    const got = readSync(fd, block, 0, block.length, pos);
    const i = block.subarray(0, got).indexOf(NEWLINE);
    if (i >= 0) return pos + i;
    if (got === 0) break;
  }
  return size;
}

/** Bytes of a piece handed to the tokenizer at a time (see parsePiece). */
const TEXT_CHUNK = 64 << 10;

/** Bytes read past a piece's planned end, to find the end of its last line. */
const READ_AHEAD = 1 << 16;

/**
 * This thread's buffer for a piece's bytes, reused piece after piece: a fresh 8 MB buffer for
 * each piece cost a third of the reading in page faults (profiled: `read` 0,4 s a thread on a
 * million rows). A piece's bytes are decoded and counted before the next piece is read.
 */
let scratch: Buffer | null = null;
function scratchBuffer(bytes: number): Buffer {
  if (scratch === null || scratch.length < bytes) scratch = Buffer.allocUnsafe(bytes);
  return scratch.subarray(0, bytes);
}

/**
 * The bytes of piece `index`: from the first line start at or after `index × pieceBytes` (the
 * header's end for the first) to the next piece's start. In `allocate`'s buffer, when the piece
 * fits in it with the read-ahead.
 */
export function pieceBytes(fd: number, layout: CsvLayout, index: number, allocate: (bytes: number) => Buffer = Buffer.allocUnsafe): Buffer {
  const { pieceBytes: p, size, headerEnd } = layout;
  const from = index === 0 ? headerEnd : index * p - 1;
  const to = Math.min(size, (index + 1) * p + READ_AHEAD);
  if (from >= size) return Buffer.alloc(0);
  const buffer = allocate(to - from);
  const got = readSync(fd, buffer, 0, buffer.length, from);
  const start = index === 0 ? headerEnd : Math.min(size, Math.max(headerEnd, lineEndFrom(fd, from, size, buffer, from, from + got) + 1));
  // A last line without a line break ends at the file's end, not one byte beyond it.
  const end = index === layout.pieces - 1 ? size : Math.min(size, Math.max(headerEnd, lineEndFrom(fd, (index + 1) * p - 1, size, buffer, from, from + got) + 1));
  if (start >= end) return Buffer.alloc(0);
  if (end <= from + got) return buffer.subarray(start - from, end - from);
  // A line ran past the read-ahead: read the piece again whole.
  const whole = Buffer.allocUnsafe(end - start);
  readSync(fd, whole, 0, whole.length, start);
  return whole;
}

/**
 * Tokenizes one piece and hands each record to the sink with its line within the piece (from 1).
 * The piece's lines are counted from its bytes as well, for the file's line account.
 */
export function parsePiece(fd: number, layout: CsvLayout, index: number, sink: CsvSink): PieceResult {
  const bytes = pieceBytes(fd, layout, index, scratchBuffer);
  const encoding = encodingOf(bytes);
  const counter = createLineCounter();
  counter.push(bytes);
  let blank = 0;
  let continued = 0;
  // UTF-8 is tokenized as its bytes, one character a byte, and only the cells that hold an æ, ø
  // or å are decoded: decoding a whole piece to text took half of reading it (profiled: 0,46 s
  // of Buffer.toString a million rows, against 0,06 s for Latin-1).
  const utf8 = encoding === 'utf-8';
  const counted: CsvSink = {
    record(cells, line, span) {
      continued += span - 1;
      sink.record(cells, line, span);
    },
    bad(line, span, message) {
      continued += span - 1;
      sink.bad(line, span, message);
    },
    blank(line, span) {
      blank += span;
    },
  };
  const tokenizer = createCsvTokenizer({ delimiter: layout.delimiter, fieldCount: layout.header.length, ...(utf8 ? { textOf: utf8Text } : {}) }, ownCellsSink(counted, utf8), 1);
  // A piece of mixed encodings is refused for the whole file (fileEncoding): not tokenized as if it were one.
  // The text goes to the tokenizer 64 KB at a time, as the stream reader's goes in 1 MB chunks:
  // strings that small are made in V8's young generation, whose memory is reused, where one
  // string for a whole piece took fresh memory (three times the page faults, and 10–15 % of
  // reading). Any cut will do: UTF-8 is tokenized as bytes, and the others have a byte a
  // character. So the line and open-quote limits hold in a piece as in a stream.
  if (encoding !== 'mixed') for (let at = 0; at < bytes.length; at += TEXT_CHUNK) tokenizer.push(pieceText(bytes.subarray(at, Math.min(bytes.length, at + TEXT_CHUNK)), encoding));
  const tokenized = encoding === 'mixed' ? 0 : tokenizer.finish();
  return { index, bytes: bytes.length, lines: counter.finish(), tokenized, blank, continued, openAtEnd: tokenizer.endedInQuote(), encoding };
}

/** The file's encoding from its pieces; a file that mixes UTF-8 æøå with other bytes is refused. */
export function fileEncoding(layout: CsvLayout, pieces: readonly PieceResult[]): 'utf-8' | 'windows-1252' {
  const all = [layout.headerEncoding, ...pieces.map((p) => p.encoding)];
  if (all.includes('mixed') || (all.includes('windows-1252') && all.includes('utf-8'))) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', layout.path, MIXED_ENCODINGS);
  if (all.includes('windows-1252')) return 'windows-1252';
  return 'utf-8';
}

/**
 * True when every cut is a record start: no piece but the last ended inside a quoted field. By
 * induction from the first piece (which starts after the header), each piece then starts where
 * a reading of the whole file would start a record, and reads its lines as that reading would.
 * (Counting quotes is not enough: a stray quote and a quoted line break make an even count.)
 */
export function cutsAreRecordStarts(layout: CsvLayout, pieces: readonly PieceResult[]): boolean {
  return pieces.every((p) => p.index === layout.pieces - 1 || !p.openAtEnd);
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
    row += p.lines;
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
