/**
 * The second thread of `statements` on a large CSV ledger: folds the pieces it takes from the
 * shared counter into its own builder and sends the builder's part back to be merged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ColumnMap } from '../../core/ledger/posting.js';
import { createStatementBuilder } from '../../core/ledger/statement.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { withFile, type CsvLayout } from './csvPieces.js';
import { foldPieces, type PieceCounter } from './pieceFold.js';

export interface StatementWorkerData {
  layout: CsvLayout;
  columns: ColumnMap;
  year: number;
  /** The statement's last day when it is not 31 December (the limitation radar's as-of date). */
  asOf?: number;
  rules: RuleSet;
  counter: PieceCounter;
}

const data = workerData as StatementWorkerData;
try {
  const builder = createStatementBuilder(data.year, data.rules, data.asOf);
  const pieces = withFile(data.layout.path, (fd) => foldPieces(fd, data.layout, data.columns, builder, data.counter));
  parentPort!.postMessage({ part: builder.part(), pieces });
} catch (e) {
  const err = e as { code?: string; field?: string; message?: string };
  parentPort!.postMessage({ failure: { code: err.code, field: err.field, message: err.message ?? String(e) } });
}
