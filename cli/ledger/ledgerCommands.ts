/**
 * `statements`, `analyse`, `limitation` and `funnel` on a ledger file: the file streams through core's
 * builders, with a progress bar on stderr when a person is watching (a terminal, and not --quiet).
 */
import { toDayNumber, parseDate, partsOf } from '../../core/calendar/date.js';
import { limitationRadar, parseWindowDays, showRadar, type LimitationRadar } from '../../core/portfolio/limitationRadar.js';
import { parseYearText } from '../../core/calendar/year.js';
import { createAnalysisBuilder, type Analysis } from '../../core/ledger/analyse.js';
import { headerColumns, type PostingSink } from '../../core/ledger/ledgerJson.js';
import { NO_MAPPING, type LedgerMapping } from '../../core/ledger/ledgerMapping.js';
import { showAnalysis, showStatement } from '../../core/ledger/shownTexts.js';
import { isRowError, parsePostingRow, type ColumnMap, type Posting } from '../../core/ledger/posting.js';
import type { RegisteredAgreement } from '../../core/portfolio/agreementRegister.js';
import { agreementClaims, type AgreementClaims } from '../../core/portfolio/worklist.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { checkLedgerFile, isStream, readLedger } from './readLedger.js';
import { assertLinesAccounted, newLineTally, type LineAccount } from './lineAccount.js';
import { SaldoError, type SaldoErrorCode } from '../../core/errors.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createStatementBuilder, type LazyStatement, type Statement, type StatementPart } from '../../core/ledger/statement.js';
import { cutsAreRecordStarts, fileEncoding, readCsvLayout, rowNumbering, withFile, type CsvLayout, type PieceResult } from './csvPieces.js';
import { foldPieces, newPieceCounter } from './pieceFold.js';
import type { FunnelWorkerData, PiecesData, StatementWorkerData } from './statementWorker.js';
import { funnelPeriod } from '../../core/commands/portfolio.js';
import { createCampaignLedger, type CampaignLedger } from '../../core/portfolio/campaign.js';
import { analyseDates } from '../../core/commands/ledger.js';
import { createFunnelBuilder, type Funnel, type FunnelBuilder, type FunnelOptions, type FunnelPart } from '../../core/portfolio/funnel.js';

export interface LedgerOptions {
  year?: string;
  asOf?: string;
  /** The funnel's and the analysis's period (--from, --to). */
  from?: string;
  to?: string;
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
  /** The kommune's own words for columns and kinds (--mapping). */
  mapping?: LedgerMapping;
  /** The funnel's claims in a betalingsaftale (`funnelClaimKey`), from the register (--agreements). */
  inAgreement?: ReadonlySet<string>;
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

/** Feeds a ledger file into a sink of postings; returns the format and the reader's side of the line account. */
async function stream(
  path: string,
  sink: { add: (p: never) => void; addError: (e: { row: number; message: string }) => void },
  label: string,
  options: LedgerOptions,
): Promise<LedgerSource & { lines: Omit<LineAccount, 'accepted' | 'errors'> }> {
  let columns: ColumnMap | null = null;
  const mapping = options.mapping ?? NO_MAPPING;
  const bar = progressBar(options.progress, label);
  const tally = newLineTally();
  const read = await readLedger(
    path,
    {
      header(cells, _line, span) {
        columns = headerColumns(cells, mapping);
        tally.header += span;
      },
      row(cells, line, span) {
        tally.continued += span - 1;
        const p = parsePostingRow(cells, columns!, line, mapping.kinds);
        if (isRowError(p)) sink.addError(p);
        else sink.add(p as never);
      },
      bad(line, span, message) {
        tally.continued += span - 1;
        sink.addError({ row: line, message });
      },
      blank(_line, span) {
        tally.blank += span;
      },
      progress: bar.update,
    },
    { sheet: options.sheet, onSheet: options.onSheet, mapping },
  );
  bar.finish();
  if (columns === null) throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
  const lines = { read: read.lines, unit: read.unit, header: tally.header, blank: tally.blank, continued: tally.continued };
  return read.sheet === undefined ? { format: read.format, lines } : { format: read.format, sheet: read.sheet, lines };
}

/** Threads for a large CSV ledger: this one and a worker, when the machine has a second core. */
function threadsFor(layout: CsvLayout, options: LedgerOptions): number {
  if (options.threads !== undefined) return options.threads;
  return layout.pieces > 1 && availableParallelism() > 1 ? 2 : 1;
}

interface WorkerAnswer {
  part?: StatementPart;
  funnelPart?: FunnelPart;
  pieces?: PieceResult[];
  failure?: { code?: string; field?: string; message: string };
}

/** Starts the ledger worker (statements or funnel): bundled beside the CLI by cli/saldo.cjs, or its tsx shim when run from source. */
function startStatementWorker(data: StatementWorkerData | FunnelWorkerData): Promise<WorkerAnswer> {
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

/** What a ledger's pieces were folded into, once every piece is checked. */
interface FoldedPieces {
  pieces: PieceResult[];
  format: string;
  lines: Omit<LineAccount, 'accepted' | 'errors'>;
}

/**
 * A CSV ledger folded in pieces by this thread and (for a large file) the worker, whose part is
 * merged into `builder` by `merge`. Null when a cut fell inside a quoted field (a line break in
 * quotes): the caller then reads the file as one stream.
 */
async function foldCsvPieces(
  path: string,
  options: LedgerOptions,
  label: string,
  builder: PostingSink,
  job: (pieces: PiecesData) => StatementWorkerData | FunnelWorkerData,
  merge: (answer: WorkerAnswer) => void,
): Promise<FoldedPieces | null> {
  const layout = readCsvLayout(path, options.pieceBytes);
  const mapping = options.mapping ?? NO_MAPPING;
  const columns = headerColumns(layout.header, mapping);
  const counter = newPieceCounter();
  const bar = progressBar(options.progress, label);
  const worker = threadsFor(layout, options) > 1 ? startStatementWorker(job({ layout, columns, kinds: mapping.kinds, counter })) : null;
  // The worker's failure must not go unhandled while this thread works.
  worker?.catch(() => undefined);
  const pieces =
    worker && options.workerTakesAll ? [] : withFile(path, (fd) => foldPieces(fd, layout, columns, builder, counter, () => bar.update?.(Atomics.load(counter, 1), layout.pieces), mapping.kinds));
  if (worker) {
    const answer = await worker;
    if (answer.failure) throw new SaldoError((answer.failure.code ?? 'UGYLDIGT_INPUT') as SaldoErrorCode, answer.failure.field ?? 'ledger', path, answer.failure.message);
    pieces.push(...answer.pieces!);
    merge(answer);
  }
  bar.update?.(layout.pieces, layout.pieces);
  bar.finish();
  if (!cutsAreRecordStarts(layout, pieces)) return null;
  return { pieces, format: fileEncoding(layout, pieces), lines: pieceLines(layout, pieces, path) };
}

/** A CSV ledger's statement folded in pieces (`foldCsvPieces`), or null to read it as one stream. */
async function statementFromCsvPieces(path: string, year: number, asOf: number | undefined, rules: RuleSet, options: LedgerOptions, label: string): Promise<LedgerStatement | null> {
  const builder = createStatementBuilder(year, rules, asOf);
  const folded = await foldCsvPieces(
    path,
    options,
    label,
    builder,
    (pieces) => (asOf === undefined ? { ...pieces, year, rules } : { ...pieces, year, asOf, rules }),
    (answer) => builder.merge(answer.part!),
  );
  if (folded === null) return null;
  // The builder numbers the rows itself: its messages name rows too (two CPR numbers, one debtor).
  const statement = builder.finishLazily(rowNumbering(folded.pieces));
  return { statement, format: folded.format, lines: statementAccount(statement, folded.lines, path) };
}

/**
 * The reader's side of the line account of a file read in pieces, once the pieces are checked:
 * they must cover the file after its header, and each must have tokenized every line it holds.
 */
function pieceLines(layout: CsvLayout, pieces: readonly PieceResult[], path: string): Omit<LineAccount, 'accepted' | 'errors'> {
  const bytes = pieces.reduce((n, p) => n + p.bytes, 0);
  const untokenized = pieces.find((p) => p.tokenized !== p.lines);
  if (pieces.length !== layout.pieces || bytes !== layout.size - layout.headerEnd || untokenized) {
    throw new SaldoError(
      'AFSTEMNING',
      'ledger',
      path,
      `Linjeregnskabet for "${path}" går ikke op: stykkerne dækker ${bytes} af ${layout.size - layout.headerEnd} byte${untokenized ? `, og et stykke har ${untokenized.lines} linjer, men ${untokenized.tokenized} er læst` : ''}. Intet resultat er skrevet. Det er en fejl i Saldo: meld den til udviklerne sammen med filen.`,
    );
  }
  return {
    read: 1 + pieces.reduce((n, p) => n + p.lines, 0),
    unit: 'linjer' as const,
    header: 1,
    blank: pieces.reduce((n, p) => n + p.blank, 0),
    continued: pieces.reduce((n, p) => n + p.continued, 0),
  };
}

/** A statement with its line account (checked: every line of the ledger is in it). */
export interface LedgerStatement extends LedgerSource {
  statement: LazyStatement;
  lines: LineAccount;
}

/** The line account of a statement: the builder's postings and errors against the reader's lines. */
function statementAccount(statement: LazyStatement, lines: Omit<LineAccount, 'accepted' | 'errors'>, path: string): LineAccount {
  const account = { ...lines, accepted: statement.totals.rows + statement.totals.rowsAfterYear, errors: statement.errors.length };
  assertLinesAccounted(account, path);
  return account;
}

/** The statement of a ledger file (CSV in pieces, on two threads when large; .xlsx, JSON and pipes streamed). */
export async function statementOfFile(path: string, rules: RuleSet, options: LedgerOptions): Promise<LedgerStatement> {
  return statementOfFileUntil(path, parseYearText(options.year, '--year'), undefined, rules, options, 'Saldoopgørelse');
}

/** The statement of a ledger file for `year`, ended on `asOf` when given (a day in the year). */
async function statementOfFileUntil(path: string, year: number, asOf: number | undefined, rules: RuleSet, options: LedgerOptions, label: string): Promise<LedgerStatement> {
  await checkLedgerFile(path);
  if (!/\.(xlsx|json)$/i.test(path) && !(await isStream(path))) {
    const pieces = await statementFromCsvPieces(path, year, asOf, rules, options, label);
    if (pieces) return pieces;
  }
  const builder = createStatementBuilder(year, rules, asOf);
  const { lines, ...source } = await stream(path, builder, label, options);
  const statement = builder.finishLazily();
  return { statement, ...source, lines: statementAccount(statement, lines, path) };
}

/**
 * The forældelse radar of a ledger file on --as-of (SPEC `limitation`): the statement ended on that
 * day (CSV in pieces on two threads, as `statements`), then core's radar; texts shown as `maskCpr` says.
 */
export async function limitationFromFile(
  path: string,
  rules: RuleSet,
  options: LedgerOptions & { days?: string },
): Promise<LimitationRadar & { source: { file: string; lines: LineAccount } & LedgerSource }> {
  if (options.asOf === undefined) throw new SaldoError('MANGLER', '--as-of', undefined, 'Angiv opgørelsesdatoen med --as-of ÅÅÅÅ-MM-DD.');
  const asOf = toDayNumber(parseDate(options.asOf, '--as-of'));
  // Checked before the ledger is read: a typo in --days must not cost a minute's reading.
  const days = parseWindowDays(options.days, '--days');
  const { statement, lines, ...read } = await statementOfFileUntil(path, partsOf(asOf).year, asOf, rules, options, 'Forældelse');
  const radar = showRadar(limitationRadar(statement, asOf, days, rules), { maskCpr: options.maskCpr === true });
  return { ...radar, source: { file: path, ...read, lines } };
}

/** The whole statement of a ledger file (every debtor held), its texts shown as `options.maskCpr` says. */
export async function statementsFromFile(path: string, rules: RuleSet, options: LedgerOptions): Promise<Statement & { source: { file: string; lines: LineAccount } & LedgerSource }> {
  const { statement, ...source } = await statementOfFile(path, rules, options);
  return { ...showStatement({ ...statement, debtors: [...statement.debtors] }, { maskCpr: options.maskCpr === true }), source: { file: path, ...source } };
}

/**
 * The analysis of a ledger file on --as-of, developed over --from/--to (default the 12 months up
 * to --as-of; checked before the file is read), its texts shown as `options.maskCpr` says.
 */
export async function analyseFromFile(path: string, options: LedgerOptions): Promise<Analysis & { source: { file: string; lines: LineAccount } & LedgerSource }> {
  if (options.asOf === undefined) throw new SaldoError('MANGLER', '--as-of', undefined, 'Angiv opgørelsesdatoen med --as-of ÅÅÅÅ-MM-DD.');
  const { asOf, period } = analyseDates({ asOf: options.asOf, from: options.from, to: options.to }, { asOf: '--as-of', from: '--from', to: '--to' });
  const builder = createAnalysisBuilder(asOf, period);
  await checkLedgerFile(path);
  const { lines, ...source } = await stream(path, builder, 'Analyse', options);
  const analysis = builder.finish();
  const account = { ...lines, accepted: analysis.rows, errors: analysis.errors.length };
  assertLinesAccounted(account, path);
  return { ...showAnalysis(analysis, { maskCpr: options.maskCpr === true }), source: { file: path, ...source, lines: account } };
}

/**
 * The agreements' claims from a ledger file, for the work list: streamed, keeping only the
 * register's debtors' postings (core/portfolio/worklist.ts), with the line account checked.
 */
export async function agreementClaimsFromFile(
  path: string,
  agreements: readonly RegisteredAgreement[],
  options: LedgerOptions,
): Promise<{ claims: AgreementClaims; source: { file: string; lines: LineAccount } & LedgerSource }> {
  await checkLedgerFile(path);
  const claims = agreementClaims(agreements);
  let accepted = 0;
  const sink = {
    add: (p: Posting) => {
      accepted += 1;
      claims.add(p);
    },
    addError: (e: { row: number; message: string }) => claims.addError(e),
  };
  const { lines, ...source } = await stream(path, sink, 'Arbejdsliste', options);
  const account = { ...lines, accepted, errors: claims.errors.length };
  assertLinesAccounted(account, path);
  return { claims, source: { file: path, ...source, lines: account } };
}

/** The funnel of a ledger file, with its line account (checked) and where its rows came from. */
export interface LedgerFunnel extends Funnel {
  source: { file: string; lines: LineAccount } & LedgerSource;
}

/** The funnel of a CSV ledger folded in pieces (`foldCsvPieces`), or null to read it as one stream. */
async function funnelFromCsvPieces(
  path: string,
  period: Omit<FunnelOptions, 'inAgreement'>,
  builder: FunnelBuilder,
  options: LedgerOptions,
): Promise<{ funnel: Funnel; format: string; lines: LineAccount } | null> {
  const folded = await foldCsvPieces(
    path,
    options,
    'Opkrævningstragt',
    builder,
    (pieces) => ({ ...pieces, job: 'funnel', funnel: period }),
    (answer) => builder.merge(answer.funnelPart!),
  );
  if (folded === null) return null;
  const funnel = builder.finish(rowNumbering(folded.pieces));
  const account = { ...folded.lines, accepted: funnel.rows, errors: funnel.errors.length };
  assertLinesAccounted(account, path);
  return { funnel, format: folded.format, lines: account };
}

/**
 * The opkrævningstragt of a ledger file (CSV in pieces, on two threads when large; .xlsx, JSON and
 * pipes streamed). The period is checked before the file is read.
 */
export async function funnelFromFile(path: string, options: LedgerOptions): Promise<LedgerFunnel> {
  const period = funnelPeriod({ from: options.from, to: options.to, asOf: options.asOf }, { from: '--from', to: '--to', asOf: '--as-of' });
  // The register's claims are needed only when the builder finishes, on this thread.
  const withRegister: FunnelOptions = options.inAgreement === undefined ? period : { ...period, inAgreement: options.inAgreement };
  await checkLedgerFile(path);
  if (!/\.(xlsx|json)$/i.test(path) && !(await isStream(path))) {
    const read = await funnelFromCsvPieces(path, period, createFunnelBuilder(withRegister), options);
    if (read) return { ...read.funnel, source: { file: path, format: read.format, lines: read.lines } };
  }
  const builder = createFunnelBuilder(withRegister);
  const { lines, ...source } = await stream(path, builder, 'Opkrævningstragt', options);
  const funnel = builder.finish();
  const account = { ...lines, accepted: funnel.rows, errors: funnel.errors.length };
  assertLinesAccounted(account, path);
  return { ...funnel, source: { file: path, ...source, lines: account } };
}

/**
 * The campaign's postings from a ledger file (core/portfolio/campaign.ts): streamed into typed
 * arrays (postings after `asOf` counted and dropped), with the line account checked.
 */
export async function campaignLedgerFromFile(path: string, asOf: number, options: LedgerOptions): Promise<{ ledger: CampaignLedger; source: { file: string; lines: LineAccount } & LedgerSource }> {
  await checkLedgerFile(path);
  const ledger = createCampaignLedger(asOf);
  const { lines, ...source } = await stream(path, ledger, 'Kampagne', options);
  const account = { ...lines, accepted: ledger.rows, errors: ledger.errors.length };
  assertLinesAccounted(account, path);
  return { ledger, source: { file: path, ...source, lines: account } };
}
