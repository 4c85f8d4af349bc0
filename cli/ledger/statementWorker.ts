/**
 * The second thread of `statements`, `limitation` and `funnel` on a large CSV ledger: folds the pieces it takes
 * from the shared counter into its own builder and sends the builder's part back to be merged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ColumnMap, KindWords } from '../../core/ledger/posting.js';
import { createStatementBuilder, partBuffers } from '../../core/ledger/statement.js';
import { createFunnelBuilder, type FunnelOptions } from '../../core/portfolio/funnel.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { withFile, type CsvLayout } from './csvPieces.js';
import { foldPieces, type PieceCounter } from './pieceFold.js';

export interface PiecesData {
  layout: CsvLayout;
  columns: ColumnMap;
  /** The mapping's kind words (--mapping); the header's words are already in `columns`. */
  kinds: KindWords;
  counter: PieceCounter;
}

export interface StatementWorkerData extends PiecesData {
  job?: 'statement';
  year: number;
  /** The statement's last day when it is not 31 December (the limitation radar's as-of date). */
  asOf?: number;
  rules: RuleSet;
}

/** The funnel's period (no agreement register: only `finish` needs it, on the main thread). */
export interface FunnelWorkerData extends PiecesData {
  job: 'funnel';
  funnel: Omit<FunnelOptions, 'inAgreement'>;
}

const data = workerData as StatementWorkerData | FunnelWorkerData;
try {
  if (data.job === 'funnel') {
    const builder = createFunnelBuilder(data.funnel);
    const pieces = withFile(data.layout.path, (fd) => foldPieces(fd, data.layout, data.columns, builder, data.counter, undefined, data.kinds));
    const part = builder.part();
    // The postings' columns are handed over, not copied (a million rows are 33 MB).
    parentPort!.postMessage({ funnelPart: part, pieces }, [part.claim.buffer, part.person.buffer, part.day.buffer, part.due.buffer, part.kind.buffer, part.amount.buffer, part.row.buffer]);
  } else {
    const builder = createStatementBuilder(data.year, data.rules, data.asOf);
    const pieces = withFile(data.layout.path, (fd) => foldPieces(fd, data.layout, data.columns, builder, data.counter, undefined, data.kinds));
    const part = builder.part();
    // Its number columns are handed over, not copied (see partBuffers).
    parentPort!.postMessage({ part, pieces }, partBuffers(part));
  }
} catch (e) {
  const err = e as { code?: string; field?: string; message?: string };
  parentPort!.postMessage({ failure: { code: err.code, field: err.field, message: err.message ?? String(e) } });
}
