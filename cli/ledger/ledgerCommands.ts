/**
 * `statements` and `analyse` on a ledger file: the file streams through core's builders, with a
 * progress bar on stderr when a person is watching (a terminal, and not --quiet).
 */
import { toDayNumber, parseDate } from '../../core/calendar/date.js';
import { parseYearText } from '../../core/commands/ledger.js';
import { createAnalysisBuilder } from '../../core/ledger/analyse.js';
import { analysisToJson, headerColumns, statementToJson, type AnalyseOutput, type StatementsOutput } from '../../core/ledger/ledgerJson.js';
import { isRowError, parsePostingRow, type ColumnMap } from '../../core/ledger/posting.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { checkLedgerFile, readLedger } from './readLedger.js';
import { SaldoError, type SaldoErrorCode } from '../../core/errors.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createStatementBuilder, type LazyStatement, type StatementPart } from '../../core/ledger/statement.js';
import { cutsAreRecordStarts, fileEncoding, readCsvLayout, rowNumbering, withFile, type CsvLayout, type PieceResult } from './csvPieces.js';
import { foldPieces, newPieceCounter } from './pieceFold.js';
import type { StatementWorkerData } from './statementWorker.js';

export interface LedgerOptions {
  year?: string;
  asOf?: string;
  maskCpr?: boolean;
  /** Where progress goes (stderr), or undefined for none. */
  progress?: (text: string) => void;
  /** Threads for a CSV ledger (default: 2 for a file of more than one piece on a machine with 2 cores). */
  threads?: number;
  /** Piece size for a CSV ledger (default PIECE_BYTES; tests cut small files). */
  pieceBytes?: number;
  /** Tests only: leave every piece to the worker, so that its part is surely merged. */
  workerTakesAll?: boolean;
  /** The sheet of an .xlsx ledger (--sheet), and who is told which sheet is read. */
  sheet?: string;
  onSheet?: (name: string) => void;
}

/** Where a ledger's rows came from: the format, and for .xlsx the sheet. */
export interface LedgerSource {
  format: string;
  sheet?: string;
}

function progressBar(write: ((text: string) => void) | undefined, label: string) {
  if (!write) return { update: undefined, finish: () => undefined };
  let last = -1;
  let lastTime = 0;
  return {
    update: (done: number, total: number) => {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
      const now = Date.now();
      if (pct === last || (now - lastTime < 100 && pct < 100)) return;
      last = pct;
      lastTime = now;
      const filled = Math.round(pct / 4);
      write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${pct} %`);
    },
    finish: () => write('\n'),
  };
}

/** Feeds a ledger file into a sink of postings; returns the detected encoding/format (and sheet). */
async function stream(path: string, sink: { add: (p: never) => void; addError: (e: { row: number; message: string }) => void }, label: string, options: LedgerOptions): Promise<LedgerSource> {
  let columns: ColumnMap | null = null;
  let sheet: string | undefined;
  const bar = progressBar(options.progress, label);
  const format = await readLedger(
    path,
    (cells, row) => {
      if (columns === null) {
        columns = headerColumns(cells);
        return;
      }
      if (cells.every((c) => c === '' || c === null || c === undefined)) return;
      const p = parsePostingRow(cells, columns, row);
      if (isRowError(p)) sink.addError(p);
      else sink.add(p as never);
    },
    bar.update,
    (row, message) => sink.addError({ row, message }),
    { sheet: options.sheet, onSheet: options.onSheet, onRead: (read) => (sheet = read.sheet) },
  );
  bar.finish();
  if (columns === null) throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
  return sheet === undefined ? { format } : { format, sheet };
}

/** Threads for a large CSV ledger: this one and a worker, when the machine has a second core. */
function threadsFor(layout: CsvLayout, options: LedgerOptions): number {
  if (options.threads !== undefined) return options.threads;
  return layout.pieces > 1 && availableParallelism() > 1 ? 2 : 1;
}

interface WorkerAnswer {
  part?: StatementPart;
  pieces?: PieceResult[];
  failure?: { code?: string; field?: string; message: string };
}

/** Starts the statement worker: bundled beside the CLI by cli/saldo.mjs, or its tsx shim when run from source. */
function startStatementWorker(data: StatementWorkerData): Promise<WorkerAnswer> {
  const worker = new Worker(new URL('./statementWorker.mjs', import.meta.url), { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Hjælpetråden stoppede uventet (kode ${code}).`)));
  });
}

/**
 * A CSV ledger's statement, folded in pieces by this thread and (for a large file) a worker; the
 * worker's part is merged in. Returns null when a piece cut fell inside a quoted field (a line
 * break in quotes): the caller then reads the file as one stream.
 */
async function statementFromCsvPieces(path: string, year: number, rules: RuleSet, options: LedgerOptions): Promise<{ statement: LazyStatement; format: string } | null> {
  const layout = readCsvLayout(path, options.pieceBytes);
  const columns = headerColumns(layout.header);
  const builder = createStatementBuilder(year, rules);
  const counter = newPieceCounter();
  const bar = progressBar(options.progress, 'Saldoopgørelse');
  const threads = threadsFor(layout, options);
  const worker = threads > 1 ? startStatementWorker({ layout, columns, year, rules, counter }) : null;
  // The worker's failure must not go unhandled while this thread works.
  worker?.catch(() => undefined);
  const pieces = worker && options.workerTakesAll ? [] : withFile(path, (fd) => foldPieces(fd, layout, columns, builder, counter, () => bar.update?.(Atomics.load(counter, 1), layout.pieces)));
  if (worker) {
    const answer = await worker;
    if (answer.failure) throw new SaldoError((answer.failure.code ?? 'UGYLDIGT_INPUT') as SaldoErrorCode, answer.failure.field ?? 'ledger', path, answer.failure.message);
    pieces.push(...answer.pieces!);
    builder.merge(answer.part!);
  }
  bar.update?.(layout.pieces, layout.pieces);
  bar.finish();
  if (!cutsAreRecordStarts(layout, pieces)) return null;
  const format = fileEncoding(layout, pieces);
  const statement = builder.finishLazily();
  const rowOf = rowNumbering(pieces);
  return { statement: { ...statement, errors: statement.errors.map((e) => ({ row: rowOf(e.row), message: e.message })) }, format };
}

/** The statement of a ledger file (CSV in pieces, on two threads when large; .xlsx and JSON streamed). */
export async function statementOfFile(path: string, rules: RuleSet, options: LedgerOptions): Promise<{ statement: LazyStatement } & LedgerSource> {
  const year = parseYearText(options.year, '--year');
  await checkLedgerFile(path);
  if (!/\.(xlsx|json)$/i.test(path)) {
    const pieces = await statementFromCsvPieces(path, year, rules, options);
    if (pieces) return pieces;
  }
  const builder = createStatementBuilder(year, rules);
  const source = await stream(path, builder, 'Saldoopgørelse', options);
  return { statement: builder.finishLazily(), ...source };
}

export async function statementsFromFile(path: string, rules: RuleSet, options: LedgerOptions): Promise<StatementsOutput & { source: { file: string } & LedgerSource }> {
  const { statement, ...source } = await statementOfFile(path, rules, options);
  return { ...statementToJson({ ...statement, debtors: [...statement.debtors] }, { maskCpr: options.maskCpr === true }), source: { file: path, ...source } };
}

export async function analyseFromFile(path: string, options: LedgerOptions): Promise<AnalyseOutput & { source: { file: string } & LedgerSource }> {
  if (options.asOf === undefined) throw new SaldoError('MANGLER', '--as-of', undefined, 'Angiv opgørelsesdatoen med --as-of ÅÅÅÅ-MM-DD.');
  const builder = createAnalysisBuilder(toDayNumber(parseDate(options.asOf, '--as-of')));
  await checkLedgerFile(path);
  const source = await stream(path, builder, 'Analyse', options);
  return { ...analysisToJson(builder.finish()), source: { file: path, ...source } };
}
