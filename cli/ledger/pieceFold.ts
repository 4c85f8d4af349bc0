/**
 * The fold over a CSV ledger's pieces, shared by the main thread and the worker: take the next
 * piece from a shared counter, turn its records into postings (core's parser) and add them to
 * this thread's builder. Rows carry provisional keys (piece × 2³² + row in the piece) until every
 * piece's length is known; `rowNumbering` turns them into the file's row numbers.
 */
import { isRowError, parsePostingRow, type ColumnMap, type KindWords } from '../../core/ledger/posting.js';
import type { PostingSink } from '../../core/ledger/ledgerJson.js';
import { parsePiece, PIECE_ROW_SPAN, type CsvLayout, type PieceResult } from './csvPieces.js';

/** Slot 0: the next piece to take; slot 1: pieces finished (for the progress bar). */
export type PieceCounter = Int32Array;

export const newPieceCounter = (): PieceCounter => new Int32Array(new SharedArrayBuffer(8));

/** Folds pieces into `sink` until none are left; returns the pieces this thread did. */
export function foldPieces(fd: number, layout: CsvLayout, columns: ColumnMap, sink: PostingSink, counter: PieceCounter, afterPiece?: () => void, kinds?: KindWords): PieceResult[] {
  const done: PieceResult[] = [];
  for (let index = Atomics.add(counter, 0, 1); index < layout.pieces; index = Atomics.add(counter, 0, 1)) {
    const base = index * PIECE_ROW_SPAN;
    const piece = parsePiece(fd, layout, index, {
      record(cells, line, span) {
        // A record of one line: its cells are text without line breaks (parsePostingRow's oneLineText).
        const p = parsePostingRow(cells, columns, base + line, kinds, span === 1);
        if (isRowError(p)) sink.addError(p);
        else sink.add(p);
      },
      bad(line, _span, message) {
        sink.addError({ row: base + line, message });
      },
      blank() {},
    });
    done.push(piece);
    Atomics.add(counter, 1, 1);
    afterPiece?.();
  }
  return done;
}
