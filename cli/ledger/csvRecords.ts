/**
 * The CSV tokenizer for ledgers: strict RFC 4180 quoting, and every physical line accounted for.
 *
 * A line ends at LF, CR LF or a lone CR (old Mac files, or a system that mixes them). A record is
 * one line, unless a quoted field holds a line break. Each record is handed on with the number of
 * the line it starts on (the header is line 1) and the number of lines it spans, as one of:
 * - a record with exactly the header's number of fields (trailing empty fields beyond the header,
 *   from a `;` at the end of every line, are dropped: they hold nothing);
 * - a bad record with a Danish reason: too few or too many fields, a quote in the middle of a
 *   field, text after a closing quote, a quote that never closes, or lines run together by a
 *   stray quote. A bad record never takes the lines after it: where quoting broke, only the line
 *   that opened the quote is refused and reading goes on at the next line;
 * - a blank line (empty, spaces only, or separators only).
 * So the lines of the input = the header's + every record's + every bad record's + the blanks,
 * which the readers check against a line count of their own (`countLines`).
 *
 * Why not a general CSV library: the lenient ones (uDSV, used before) let one short line or
 * one stray quote swallow every line after it — silently. The strict ones stop at the first
 * error. A ledger needs both strictness and going on, line by line.
 */
import { shownCellText } from '../../core/ledger/posting.js';

/** How long an open quote may run (characters) before its line is taken as a quote never closed. */
export const OPEN_QUOTE_LIMIT = 1 << 20;
/** The longest line read (characters): beyond it the line is refused unread, so memory stays bounded. */
export const LINE_LIMIT = 1 << 20;

export interface CsvSink {
  /** A record of exactly `fieldCount` fields; the array is reused for the next record. */
  record(cells: string[], line: number, span: number): void;
  bad(line: number, span: number, message: string): void;
  blank(line: number, span: number): void;
}

export interface CsvTokenizer {
  push(text: string): void;
  /** The end of the input; returns the number of lines tokenized. */
  finish(): number;
  /**
   * True when the text ended inside a quoted field (refused as never closed): read on, the
   * quote might have closed. A piece of a file that ends so was not cut at a record start.
   */
  endedInQuote(): boolean;
}

export interface CsvShape {
  delimiter: string;
  /** The header's number of fields; 0 takes any number (the header line itself). */
  fieldCount: number;
  /**
   * Set when the text is UTF-8 bytes read one character a byte (Latin-1, which Node makes 5–10
   * times faster than UTF-16 text): the tokenizer's cuts fall on ASCII characters only, so they
   * are the same, and the cells are the UTF-8 bytes of their text (the caller decodes them). This
   * turns a stretch of such text into its characters, for messages, blank cells and the limits,
   * which count characters.
   */
  textOf?: (raw: string) => string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Problem = 'aldrig-lukket' | 'midt-i-felt' | 'tekst-efter-lukning' | 'flettet' | 'for-lang';

/** What a record's parse ended with. */
type Outcome = { kind: 'record'; end: number; span: number; fields: number } | { kind: 'more' } | { kind: 'bad'; problem: Problem; end: number; span: number; text: string };

export function createCsvTokenizer(shape: CsvShape, sink: CsvSink, firstLine = 1, limit = OPEN_QUOTE_LIMIT, lineLimit = LINE_LIMIT): CsvTokenizer {
  return tokenizer(shape, sink, firstLine, limit, lineLimit, true);
}

/**
 * The tokenizer without its fast path for lines with quotes: every such line goes through the
 * general parser. The reference the fast path is pinned to by property tests.
 */
export function createReferenceCsvTokenizer(shape: CsvShape, sink: CsvSink, firstLine = 1, limit = OPEN_QUOTE_LIMIT, lineLimit = LINE_LIMIT): CsvTokenizer {
  return tokenizer(shape, sink, firstLine, limit, lineLimit, false);
}

/** Not a record the fast path for quoted lines takes: the general parser decides. */
const GENERAL = -1;

function tokenizer(shape: CsvShape, sink: CsvSink, firstLine: number, limit: number, lineLimit: number, fastQuotedLines: boolean): CsvTokenizer {
  const { delimiter, fieldCount, textOf } = shape;
  // The start of a line too long to read, for its message (which shows 56 characters): 200
  // characters, or as many bytes as hold 200 characters of UTF-8.
  const excerptLength = textOf === undefined ? 200 : 800;
  const delimiterCode = delimiter.charCodeAt(0);
  let cells: string[] = new Array<string>(Math.max(1, fieldCount)).fill('');
  // `held` holds the text from the current record's start (`pos`) on.
  let held = '';
  let pos = 0;
  let line = firstLine;
  // The next quote and CR at or after a position, remembered (with the position they were
  // looked up from) so that no scan runs over the same text twice on a file without quotes or CRs.
  const quoteAt = { from: 0, at: -2 };
  const crAt = { from: 0, at: -2 };
  // A line longer than the limit, not yet at its end: its rest is passed over unread.
  let skipping = false;
  let skipLine = 0;
  let carry = '';
  let openAtEnd = false;

  const find = (ch: string, from: number, cache: { from: number; at: number }): number => {
    if (cache.at !== -2 && cache.from <= from && (cache.at === -1 || cache.at >= from)) return cache.at;
    cache.from = from;
    cache.at = held.indexOf(ch, from);
    return cache.at;
  };

  /** True when held[from…] is longer than `n` characters (counted as text when it is bytes). */
  const longerThan = (from: number, n: number): boolean => held.length - from > n && (textOf === undefined || textOf(held.slice(from)).length > n);

  /** A cell with no text but spaces (a UTF-8 no-break space too, when the cells are bytes). */
  const blankCell = (cell: string): boolean => {
    const trimmed = cell.trim();
    if (trimmed === '') return true;
    // Bytes from 0x80 on are a UTF-8 character, which may be a space: told by its text.
    return textOf !== undefined && trimmed.charCodeAt(0) >= 0x80 && textOf(cell).trim() === '';
  };

  /** The end of the line starting at `from`: the index of its terminator, or -1 if not in `held`. */
  const lineEnd = (from: number): number => {
    const cr = find('\r', from, crAt);
    const lf = held.indexOf('\n', from);
    if (cr < 0) return lf;
    if (lf < 0) return cr;
    return Math.min(lf, cr);
  };

  /** The index after the terminator at `t` (CR LF is one). */
  const afterTerminator = (t: number): number => (held.charCodeAt(t) === CR && held.charCodeAt(t + 1) === LF ? t + 2 : t + 1);

  /** Line breaks in held[from, to), CR LF counted once. */
  const breaksIn = (from: number, to: number): number => {
    let n = 0;
    for (let i = from; i < to; i += 1) {
      const c = held.charCodeAt(i);
      if (c === LF) n += 1;
      else if (c === CR && held.charCodeAt(i + 1) !== LF) n += 1;
    }
    return n;
  };

  /** Splits an unquoted line held[from, to) into `cells`; returns the number of fields. */
  const splitPlain = (from: number, to: number): number => {
    let fields = 0;
    let s = from;
    for (;;) {
      let d = held.indexOf(delimiter, s);
      if (d < 0 || d > to) d = to;
      if (fields < cells.length) {
        // A field that repeats the line above (a debtor's id and name) keeps that line's string.
        const prev = cells[fields]!;
        if (prev.length !== d - s || !held.startsWith(prev, s)) cells[fields] = held.slice(s, d);
      } else if (fieldCount === 0) {
        cells.push(held.slice(s, d));
      } else if (d > s) {
        // A non-empty field beyond the header: counted, not kept.
        fields = fields + 1 + countDelimiters(to, d);
        return -fields;
      }
      fields += 1;
      if (d >= to) return fields;
      s = d + 1;
    }
  };

  /**
   * Splits a line held[from, to) with a quote in it (the first at `quote`) into `cells` when its
   * quoting is whole on the line: each quoted field opens at its start, closes before the line
   * ends and is followed by a delimiter or the line's end, and no other field holds a quote.
   * Returns the number of fields, or GENERAL for anything else (a quote that runs past the line,
   * a quote in the middle of a field, text after a closing quote, too many fields, the header):
   * those lines go to parseQuoted, which alone refuses lines. So this path accepts only what
   * parseQuoted would accept, with the same cells — a quarter of a fagsystem export has quotes,
   * and parseQuoted looks for line ends and quotes afresh at every field.
   */
  const splitQuotedLine = (from: number, to: number, quote: number): number => {
    if (fieldCount === 0) return GENERAL;
    let fields = 0;
    let s = from;
    // The next quote at or after `s`: looked up through the cache, which the lines after this
    // one use too (the scan for it may run past this line's end).
    let q = quote;
    for (;;) {
      if (fields >= cells.length) return GENERAL;
      let d: number;
      if (q === s) {
        let close = held.indexOf('"', s + 1);
        if (close < 0 || close >= to) return GENERAL;
        if (held.charCodeAt(close + 1) === QUOTE) {
          // `""` inside: a quote in the text.
          let value = held.slice(s + 1, close);
          let j = close;
          while (held.charCodeAt(j + 1) === QUOTE) {
            value += '"';
            j += 2;
            close = held.indexOf('"', j);
            if (close < 0 || close >= to) return GENERAL;
            value += held.slice(j, close);
            j = close;
          }
          cells[fields] = value;
        } else {
          // A field that repeats the line above (a debtor's name) keeps that line's string.
          const prev = cells[fields]!;
          if (prev.length !== close - s - 1 || !held.startsWith(prev, s + 1)) cells[fields] = held.slice(s + 1, close);
        }
        d = close + 1;
        if (d < to && held.charCodeAt(d) !== delimiterCode) return GENERAL;
        q = find('"', d, quoteAt);
        if (q < 0) q = held.length + 1;
      } else {
        d = held.indexOf(delimiter, s);
        if (d < 0 || d > to) d = to;
        if (q < d) return GENERAL;
        const prev = cells[fields]!;
        if (prev.length !== d - s || !held.startsWith(prev, s)) cells[fields] = held.slice(s, d);
      }
      fields += 1;
      if (d >= to) return fields;
      s = d + 1;
    }
  };

  /** Delimiters in held[from, to) (the fields still to come on a line with too many). */
  const countDelimiters = (to: number, from: number): number => {
    let n = 0;
    for (let d = held.indexOf(delimiter, from); d >= 0 && d < to; d = held.indexOf(delimiter, d + 1)) n += 1;
    return n;
  };

  /**
   * Parses the record at `pos` with quotes in it (RFC 4180: a quoted field starts right after a
   * delimiter or the line start, `""` inside is a quote, the closing quote is followed by a
   * delimiter or the line's end). `eof`: no more text comes.
   */
  const parseQuoted = (eof: boolean): Outcome => {
    let fields = 0;
    let i = pos;
    let span = 1;
    const firstEnd = lineEnd(pos);
    const firstLineText = () => held.slice(pos, firstEnd < 0 ? held.length : firstEnd);
    // A record broken after a quoted line break: the quote is the stray one. Only the line that
    // opened it is refused; the lines after it are read anew (a good row is never taken along).
    const brokenAcrossLines = (): Outcome => ({ kind: 'bad', problem: 'flettet', end: firstEnd, span: 1, text: firstLineText() });
    for (;;) {
      let value: string;
      if (held.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        value = '';
        let crossed = false;
        for (;;) {
          const q = held.indexOf('"', j);
          const stop = q < 0 ? held.length : q;
          const breaks = breaksIn(j, stop);
          if (breaks > 0) crossed = true;
          // Lines run together: a quoted field that holds a line break and the delimiter is a
          // stray quote, not one posting. Only the line that opened it is refused.
          if (crossed && held.slice(i, stop).indexOf(delimiter) >= 0) return brokenAcrossLines();
          if (q < 0 || (q + 1 >= held.length && !eof)) {
            if (!eof && !longerThan(pos, limit)) return { kind: 'more' };
            if (eof) openAtEnd = true;
            return { kind: 'bad', problem: 'aldrig-lukket', end: firstEnd < 0 ? held.length : firstEnd, span: 1, text: firstLineText() };
          }
          span += breaks;
          value += held.slice(j, q);
          if (held.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const after = held.charCodeAt(i);
        if (i < held.length && after !== delimiterCode && after !== LF && after !== CR) {
          const end = lineEnd(i);
          if (end < 0 && !eof) return { kind: 'more' };
          const stop = end < 0 ? held.length : end;
          if (span > 1) return brokenAcrossLines();
          return { kind: 'bad', problem: 'tekst-efter-lukning', end: stop, span, text: held.slice(pos, stop) };
        }
      } else {
        // An unquoted field: to the next delimiter or line end; a quote inside it is an error.
        let end = lineEnd(i);
        if (end < 0 && !eof) {
          if (longerThan(pos, lineLimit)) return { kind: 'bad', problem: 'for-lang', end: held.length, span, text: held.slice(pos, pos + excerptLength) };
          return { kind: 'more' };
        }
        if (end < 0) end = held.length;
        let d = held.indexOf(delimiter, i);
        if (d < 0 || d > end) d = end;
        const q = held.indexOf('"', i);
        if (q >= 0 && q < d) return span > 1 ? brokenAcrossLines() : { kind: 'bad', problem: 'midt-i-felt', end, span, text: held.slice(pos, end) };
        value = held.slice(i, d);
        i = d;
      }
      if (fields < cells.length) cells[fields] = value;
      else if (fieldCount === 0) cells.push(value);
      else if (value !== '') {
        // Too many fields: count the rest of the line's fields for the message.
        const end = lineEnd(i);
        const stop = end < 0 ? held.length : end;
        if (span > 1) return brokenAcrossLines();
        return { kind: 'record', end: stop, span, fields: -(fields + 1 + countDelimiters(stop, i)) };
      }
      fields += 1;
      if (i >= held.length || held.charCodeAt(i) !== delimiterCode) return { kind: 'record', end: i, span, fields };
      i += 1;
    }
  };

  /** A refused line's reason; the line is always one line (see brokenAcrossLines). */
  const problemMessage = (problem: Problem, text: string): string => {
    const shown = shownCellText(textOf === undefined ? text : textOf(text));
    switch (problem) {
      case 'aldrig-lukket':
        return `Et anførselstegn (") i rækken bliver aldrig lukket (${shown}). Rækken er udeladt; linjerne efter den er læst hver for sig.`;
      case 'flettet':
        return `Et anførselstegn (") i rækken lukkes ikke på samme linje (${shown}); linjerne efter den ville blive læst som én. Rækken er udeladt; linjerne efter den er læst hver for sig.`;
      case 'midt-i-felt':
        return `Et anførselstegn (") står midt i et felt (${shown}); et felt i anførselstegn skal begynde med det. Rækken er udeladt.`;
      case 'tekst-efter-lukning':
        return `Efter et afsluttende anførselstegn (") følger mere tekst i samme felt (${shown}). Rækken er udeladt.`;
      case 'for-lang':
        return `Linjen er over ${lineLimit.toLocaleString('da-DK')} tegn lang uden linjeskift (${shown}) og er udeladt: er filen en CSV-fil med en postering pr. linje?`;
    }
  };

  const fieldsMessage = (fields: number, raw: string): string => {
    const text = textOf === undefined ? raw : textOf(raw);
    const n = Math.abs(fields);
    const word = n === 1 ? 'felt' : 'felter';
    return fields > 0
      ? `Rækken har ${n} ${word}, men overskriften har ${fieldCount} – der mangler felter (${shownCellText(text)}).`
      : `Rækken har ${n} ${word}, men overskriften har ${fieldCount} – der er felter i overskud (${shownCellText(text)}). Står et "${delimiter}" i et felt uden anførselstegn?`;
  };

  /** Hands on the record held[pos, end) with `fields` fields in `cells`. */
  const emit = (fields: number, end: number, span: number) => {
    if (fields < 0 || (fieldCount > 0 && fields < fieldCount)) {
      let empty = true;
      if (fields > 0) for (let f = 0; f < fields && empty; f += 1) if (!blankCell(cells[f]!)) empty = false;
      if (fields > 0 && empty) sink.blank(line, span);
      else sink.bad(line, span, fieldsMessage(fields, held.slice(pos, end)));
      return;
    }
    if (fieldCount === 0) cells.length = fields;
    let empty = true;
    // Fields beyond the header are empty (else the record was refused) and not in `cells`.
    const kept = Math.min(fields, cells.length);
    for (let f = 0; f < kept; f += 1) {
      if (cells[f] !== '' && !blankCell(cells[f]!)) {
        empty = false;
        break;
      }
    }
    if (empty) sink.blank(line, span);
    else sink.record(cells, line, span);
    if (fieldCount === 0) cells = [];
  };

  /** Moves past the terminator at `end` (or to the end of the text) and on by `span` lines. */
  const advance = (end: number, span: number) => {
    pos = end >= held.length ? held.length : afterTerminator(end);
    line += span;
  };

  const scan = (eof: boolean) => {
    while (pos < held.length) {
      if (skipping) {
        const end = lineEnd(pos);
        if (end < 0) {
          pos = held.length;
          break;
        }
        pos = afterTerminator(end);
        skipping = false;
        line = skipLine + 1;
        continue;
      }
      const nextQuote = find('"', pos, quoteAt);
      const end = lineEnd(pos);
      // The line's end is not here yet: wait for more text, unless the line is beyond the limit.
      if (end < 0 && !eof && !longerThan(pos, lineLimit)) break;
      if (nextQuote < 0 || (end >= 0 && nextQuote > end)) {
        if (end < 0 && !eof) {
          // A line beyond the limit without its end: refused, and the rest of it passed over.
          sink.bad(line, 1, problemMessage('for-lang', held.slice(pos, pos + excerptLength)));
          skipping = true;
          skipLine = line;
          pos = held.length;
          break;
        }
        const stop = end < 0 ? held.length : end;
        const fields = splitPlain(pos, stop);
        emit(fields, stop, 1);
        advance(stop, 1);
        continue;
      }
      if (fastQuotedLines && (end >= 0 || eof)) {
        const stop = end < 0 ? held.length : end;
        const fields = splitQuotedLine(pos, stop, nextQuote);
        if (fields !== GENERAL) {
          emit(fields, stop, 1);
          advance(stop, 1);
          continue;
        }
      }
      const outcome = parseQuoted(eof);
      if (outcome.kind === 'more') break;
      // Too few fields after a quoted line break: the quote is a stray one as well.
      if (outcome.kind === 'record' && outcome.span > 1 && outcome.fields < fieldCount) {
        sink.bad(line, 1, problemMessage('flettet', held.slice(pos, lineEnd(pos))));
        advance(lineEnd(pos), 1);
        continue;
      }
      if (outcome.kind === 'bad') {
        // A refused line whose end is not here yet: the rest of it is passed over when it comes.
        if (outcome.problem === 'for-lang' || (outcome.end >= held.length && !eof)) {
          sink.bad(line, 1, problemMessage(outcome.problem, outcome.text));
          skipping = true;
          skipLine = line;
          pos = held.length;
          break;
        }
        sink.bad(line, outcome.span, problemMessage(outcome.problem, outcome.text));
        advance(outcome.end, outcome.span);
        continue;
      }
      emit(outcome.fields, outcome.end, outcome.span);
      advance(outcome.end, outcome.span);
    }
    // Drop what is done, so `held` holds one record's worth of text at most.
    if (pos > 0) {
      held = held.slice(pos);
      for (const cache of [quoteAt, crAt]) {
        cache.from = Math.max(0, cache.from - pos);
        // A position before the cut is unknown again.
        if (cache.at >= 0) cache.at = cache.at >= pos ? cache.at - pos : -2;
      }
      pos = 0;
    }
  };

  return {
    push(input) {
      // A CR at the end may be the first half of a CR LF: it waits for the next text.
      let text = carry + input;
      carry = '';
      if (text.endsWith('\r')) {
        carry = '\r';
        text = text.slice(0, -1);
      }
      if (text === '') return;
      held = held === '' ? text : held + text;
      // "None in the text" no longer holds for the text added.
      if (quoteAt.at === -1) quoteAt.at = -2;
      if (crAt.at === -1) crAt.at = -2;
      scan(false);
    },
    finish() {
      if (carry !== '') {
        held += carry;
        if (crAt.at === -1) crAt.at = -2;
      }
      carry = '';
      scan(true);
      if (skipping) line = skipLine + 1;
      held = '';
      pos = 0;
      return line - firstLine;
    },
    endedInQuote: () => openAtEnd,
  };
}

/**
 * Counts the lines of a text read in chunks, apart from the tokenizer: each CR, each LF not
 * right after a CR, and a last line without a terminator. Works on bytes or text alike.
 */
export function createLineCounter(): { push(chunk: Uint8Array | string): void; finish(): number } {
  let lines = 0;
  let lastWasCr = false;
  let openLine = false;
  return {
    push(chunk) {
      const n = chunk.length;
      if (n === 0) return;
      const text = typeof chunk === 'string';
      const indexOf = (code: number, from: number) => (text ? chunk.indexOf(String.fromCharCode(code), from) : chunk.indexOf(code, from));
      const at = (i: number) => (text ? chunk.charCodeAt(i) : chunk[i]!);
      for (let i = indexOf(CR, 0); i >= 0; i = indexOf(CR, i + 1)) lines += 1;
      for (let i = indexOf(LF, 0); i >= 0; i = indexOf(LF, i + 1)) if (i > 0 ? at(i - 1) !== CR : !lastWasCr) lines += 1;
      const last = at(n - 1);
      lastWasCr = last === CR;
      openLine = last !== CR && last !== LF;
    },
    finish() {
      const total = lines + (openLine ? 1 : 0);
      lines = 0;
      lastWasCr = false;
      openLine = false;
      return total;
    },
  };
}
