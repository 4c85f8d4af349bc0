/**
 * Guards the CSV tokenizer against broken quoting. uDSV reads quotes leniently: a quote that
 * never closes swallows every line after it, and a quote closed in the middle of a field glues
 * the next line onto it — in both cases rows vanish without a word. The gate reads the quotes
 * first (RFC 4180: a quoted field starts right after a delimiter or a line break and its closing
 * quote is followed by a delimiter or a line break; `""` inside is a quote) and lets only whole,
 * well-quoted records through. A record that breaks the rules is handed to `onBroken` as text,
 * so it is reported, and reading goes on after it.
 */
import { shownCellText } from '../../core/ledger/posting.js';

/** How long an open quote may run (characters) before its line is taken as a quote never closed. */
export const OPEN_QUOTE_LIMIT = 1 << 20;

export type QuoteProblem = 'aldrig-lukket' | 'midt-i-felt' | 'tekst-efter-lukning';

export interface QuoteGate {
  push(text: string): void;
  /** The end of the text: an open quote there was never closed. */
  finish(): void;
}

const QUOTE = '"';

export function createQuoteGate(
  delimiter: string,
  pass: (text: string) => void,
  onBroken: (record: string, problem: QuoteProblem) => void,
  limit = OPEN_QUOTE_LIMIT,
): QuoteGate {
  // `held` starts at a record start; `pos` is where scanning goes on; `recordEnd` is the end of
  // the last whole record found in `held` (0: none yet).
  let held = '';
  let pos = 0;
  let open = false;
  let recordEnd = 0;

  const release = () => {
    if (recordEnd === 0) return;
    pass(held.slice(0, recordEnd));
    held = held.slice(recordEnd);
    pos -= recordEnd;
    recordEnd = 0;
  };

  /** Passes the whole records before the current one, reports it up to `end` and goes on at `next`. */
  const drop = (end: number, next: number, problem: QuoteProblem) => {
    const record = held.slice(recordEnd, end).replace(/\r$/, '');
    if (recordEnd > 0) pass(held.slice(0, recordEnd));
    onBroken(record, problem);
    held = held.slice(next);
    pos = 0;
    open = false;
    recordEnd = 0;
  };

  /** Drops the current record through the end of the line holding `q`; false while that line is still coming. */
  const dropThroughLineOf = (q: number, problem: QuoteProblem, eof: boolean): boolean => {
    const nl = held.indexOf('\n', q);
    if (nl < 0 && !eof) return false;
    drop(nl < 0 ? held.length : nl, nl < 0 ? held.length : nl + 1, problem);
    return true;
  };

  /** Scans as far as the text allows; `eof` when no more text comes. */
  const scan = (eof: boolean) => {
    for (;;) {
      const q = held.indexOf(QUOTE, pos);
      if (!open) {
        const segmentEnd = q < 0 ? held.length : q;
        if (segmentEnd > pos) {
          const nl = held.lastIndexOf('\n', segmentEnd - 1);
          if (nl >= pos) recordEnd = nl + 1;
        }
        if (q < 0) {
          pos = held.length;
          break;
        }
        const before = q === 0 ? '\n' : held[q - 1];
        if (before === delimiter || before === '\n') {
          open = true;
          pos = q + 1;
          continue;
        }
        // A quote in the middle of a field: the record ends at the end of this line.
        if (!dropThroughLineOf(q, 'midt-i-felt', eof)) {
          pos = q;
          break;
        }
        continue;
      }
      if (q < 0) {
        pos = held.length;
        break;
      }
      if (q + 1 >= held.length && !eof) {
        pos = q;
        break;
      }
      const after = held[q + 1];
      if (after === QUOTE) {
        pos = q + 2;
        continue;
      }
      if (after === undefined || after === delimiter || after === '\n' || after === '\r') {
        open = false;
        pos = q + 1;
        continue;
      }
      if (!dropThroughLineOf(q, 'tekst-efter-lukning', eof)) {
        pos = q;
        break;
      }
    }
    release();
  };

  /** The record's quote never closed: its first line is reported and the lines after it read anew. */
  const dropFirstLine = () => {
    const nl = held.indexOf('\n');
    drop(nl < 0 ? held.length : nl, nl < 0 ? held.length : nl + 1, 'aldrig-lukket');
  };

  return {
    push(text) {
      held += text;
      scan(false);
      while (open && held.length > limit) {
        dropFirstLine();
        scan(false);
      }
    },
    finish() {
      scan(true);
      while (open) {
        dropFirstLine();
        scan(true);
      }
      if (held !== '') pass(held);
      held = '';
      pos = 0;
    },
  };
}

/** The row error for a record the gate refused, in Danish, with its text (CPR masked). */
export function quoteProblemMessage(record: string, problem: QuoteProblem): string {
  const lines = record.split('\n').length;
  const span = lines > 1 ? `Rækken fylder ${lines} linjer i filen og er udeladt` : 'Rækken er udeladt';
  const shown = shownCellText(record);
  if (problem === 'aldrig-lukket') return `Et anførselstegn (") i rækken bliver aldrig lukket (${shown}). Rækken er udeladt; linjerne efter den er læst hver for sig.`;
  if (problem === 'midt-i-felt') return `Et anførselstegn (") står midt i et felt (${shown}); et felt i anførselstegn skal begynde med det. ${span}.`;
  return `Efter et afsluttende anførselstegn (") følger mere tekst i samme felt (${shown}). ${span}.`;
}

/**
 * A well-quoted record whose field holds both a line break and the delimiter is lines run
 * together (a quote opened at a field start and closed lines further down), not one posting.
 */
export function runTogetherProblem(cells: readonly string[], delimiter: string): string | undefined {
  for (const cell of cells) {
    if ((cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) && cell.indexOf(delimiter) >= 0) {
      return `Et felt i rækken rummer både linjeskift og "${delimiter}" (${shownCellText(cell)}): et anførselstegn lukkes først linjer længere nede, så flere linjer er læst som én. Ret anførselstegnene; rækken er udeladt.`;
    }
  }
  return undefined;
}
