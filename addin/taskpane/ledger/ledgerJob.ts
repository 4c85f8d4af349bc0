/**
 * A ledger's statements, analysis, work list, funnel, forældelse radar or campaign follow-up
 * computed off the task pane's UI thread. The
 * pane runs in the shared runtime with the custom functions and the ribbon: a long computation there would freeze
 * all three (and Excel waits on them). So the rows, as they are read from the workbook, go to a
 * Web Worker (./ledgerWorker.ts) that runs the command; only reading and writing, which need
 * Office.js, stay on the UI thread, in requests that each yield. Where no Worker exists (the
 * unit tests in Node), the same steps run in the thread, so both paths share this protocol.
 */
import type {
  Analysis,
  Campaign,
  CampaignOfRowsInput,
  Funnel,
  FunnelOfRowsInput,
  LimitationRadar,
  LimitationRowsInput,
  RunningAgreements,
  RunningAgreementsRowsInput,
  Statement,
  Worklist,
  WorklistOfRowsInput,
} from '../../../core/commands/index.js';
// Only the ledger jobs' commands: the worker loads no follow-up (mathjs) and no other command.
import { ledgerCommands as commands } from '../../../core/commands/ledgerJobs.js';
import type { AnalyseRowsInput, StatementsOfRowsInput } from '../../../core/commands/ledger.js';
import { errorToJson, isSaldoError, SaldoError, type SaldoErrorCode } from '../../../core/errors.js';
import type { RuleSet } from '../../../core/rules/ruleSet.js';

export type LedgerJob =
  | { kind: 'statements'; input: StatementsOfRowsInput }
  | { kind: 'analyse'; input: AnalyseRowsInput }
  | { kind: 'worklist'; input: WorklistOfRowsInput }
  | { kind: 'funnel'; input: FunnelOfRowsInput }
  | { kind: 'limitation'; input: LimitationRowsInput }
  | { kind: 'campaign'; input: CampaignOfRowsInput }
  | { kind: 'agreements'; input: RunningAgreementsRowsInput };
/** Each kind's result, from the job's kind. */
interface Results {
  statements: Statement;
  analyse: Analysis;
  worklist: Worklist;
  funnel: Funnel;
  limitation: LimitationRadar;
  campaign: Campaign;
  agreements: RunningAgreements;
}
export type LedgerResult<J extends LedgerJob> = Results[J['kind']];
type AnyResult = Results[LedgerJob['kind']];

/** What the pane sends: the job (checked at once), the rows in pieces as read, the end. */
export type ToWorker = { type: 'start'; job: LedgerJob; rules: RuleSet } | { type: 'rows'; rows: unknown[][] } | { type: 'end' };
/**
 * What the worker answers: the job checked, the result, or a failure (Saldo's own error kept as
 * such). A result's long lists come ahead of it in parts (see `answerInPieces`).
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'part'; key: string; items: unknown[] }
  | { type: 'done'; result: AnyResult }
  | { type: 'failed'; saldo: { code: SaldoErrorCode; field: string; message: string } | null; message: string };

/** Items of a result's list a message carries. */
export const ANSWER_PIECE = 2_000;

/**
 * An answer as the worker sends it: each of the result's lists longer than `piece` goes ahead in
 * parts, and the result last with those lists empty. The pane's UI thread reads (deserialises)
 * every message in a task of its own, so a statement of 100.000 debtors is fifty short tasks,
 * not one that holds the pane for the time of cloning all of it (issue 22: no task over 200 ms).
 */
export function answerInPieces(answer: FromWorker, piece = ANSWER_PIECE): FromWorker[] {
  if (answer.type !== 'done') return [answer];
  const parts: FromWorker[] = [];
  const rest: Record<string, unknown> = { ...answer.result };
  for (const [key, value] of Object.entries(answer.result)) {
    if (!Array.isArray(value) || value.length <= piece) continue;
    for (let i = 0; i < value.length; i += piece) parts.push({ type: 'part', key, items: value.slice(i, i + piece) });
    rest[key] = [];
  }
  return [...parts, { type: 'done', result: rest as unknown as AnyResult }];
}

/** The command's fold for a job; the portfolio's commands load their code first (core/commands/index.ts). */
async function jobRun(job: LedgerJob, rules: RuleSet): Promise<(rows: Iterable<readonly unknown[]>) => AnyResult> {
  switch (job.kind) {
    case 'statements':
      return commands.statementsOfRows(job.input, rules);
    case 'analyse':
      return commands.analyseRows(job.input, rules);
    case 'worklist':
      return commands.worklistOfRows(job.input, rules);
    case 'funnel':
      return commands.funnelOfRows(job.input, rules);
    case 'limitation':
      return commands.limitationOfRows(job.input, rules);
    case 'campaign':
      return commands.campaignOfRows(job.input, rules);
    case 'agreements':
      return commands.runningAgreementsOfRows(job.input, rules);
  }
}

/**
 * The worker's side: checks the job on start, gathers the rows, and runs the command at the end.
 * Only the start waits (for the portfolio's code, loaded on first use); the pane sends rows after
 * `ready`, and rows and end are handled at once, in the order they come.
 */
export function ledgerWorkerSide(): (message: ToWorker) => Promise<FromWorker | null> {
  let run: ((rows: Iterable<readonly unknown[]>) => AnyResult) | null = null;
  let rows: unknown[][] = [];
  return async (message) => {
    try {
      if (message.type === 'start') {
        rows = [];
        run = null;
        // The year or date is checked before a row is read, as in the thread.
        run = await jobRun(message.job, message.rules);
        return { type: 'ready' };
      }
      if (!run) throw new Error('Beregningen er ikke startet.');
      if (message.type === 'rows') {
        for (const row of message.rows) rows.push(row);
        return null;
      }
      const result = run(rows);
      rows = [];
      run = null;
      return { type: 'done', result };
    } catch (e) {
      return { type: 'failed', saldo: isSaldoError(e) ? errorToJson(e) : null, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

/** The part of a Worker the pane uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** Stopped by the user: the pane says so, and nothing is written. */
export class LedgerJobCancelled extends Error {
  constructor() {
    super('Stoppet.');
    this.name = 'LedgerJobCancelled';
  }
}

/** A computation under way: rows are added as they are read; `result` ends it. */
export interface LedgerComputation<R> {
  add(rows: unknown[][]): void;
  result(): Promise<R>;
  cancel(): void;
}

/** The worker that runs ledger jobs, made by webpack from ./ledgerWorker.ts; null where there is none. */
export function ledgerWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL(/* webpackChunkName: "ledger-worker" */ './ledgerWorker.ts', import.meta.url), { name: 'saldo-ledger' }) as unknown as WorkerLike;
}

const failure = (answer: Extract<FromWorker, { type: 'failed' }>): Error =>
  // Saldo's own error shows its Danish message as it is; anything else is named a failure by the pane.
  answer.saldo ? new SaldoError(answer.saldo.code, [], undefined, answer.saldo.message) : new Error(answer.message);

/**
 * Starts a job: resolves once its input is checked (a bad year fails here, before the ledger is
 * read). `worker` null runs it in this thread.
 */
export function startLedgerJob<J extends LedgerJob>(job: J, rules: RuleSet, worker: WorkerLike | null = ledgerWorker()): Promise<LedgerComputation<LedgerResult<J>>> {
  if (worker === null) {
    const side = ledgerWorkerSide();
    return side({ type: 'start', job, rules }).then((first) => {
      if (first?.type === 'failed') throw failure(first);
      let cancelled = false;
      return {
        add: (rows) => void side({ type: 'rows', rows }),
        result: async () => {
          if (cancelled) throw new LedgerJobCancelled();
          const answer = (await side({ type: 'end' }))!;
          if (answer.type === 'failed') throw failure(answer);
          return (answer as Extract<FromWorker, { type: 'done' }>).result as LedgerResult<J>;
        },
        cancel: () => void (cancelled = true),
      };
    });
  }
  return new Promise((resolveStart, rejectStart) => {
    let settle: { resolve(r: LedgerResult<J>): void; reject(e: Error): void } | null = null;
    let done: Promise<LedgerResult<J>> | null = null;
    let started = false;
    const fail = (e: Error) => {
      worker.terminate();
      if (!started) rejectStart(e);
      else if (settle) settle.reject(e);
      else {
        done = Promise.reject(e);
        // Seen when `result` is asked for; not an unhandled rejection before that.
        done.catch(() => undefined);
      }
    };
    worker.onerror = (event) => fail(new Error(event.message ?? 'Beregningen stoppede uventet.'));
    // The result's long lists, as their parts come (answerInPieces).
    const lists = new Map<string, unknown[]>();
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        started = true;
        resolveStart({
          add: (rows) => worker.postMessage({ type: 'rows', rows }),
          result: () => {
            done ??= new Promise<LedgerResult<J>>((resolve, reject) => {
              settle = { resolve, reject };
              worker.postMessage({ type: 'end' });
            });
            return done;
          },
          cancel: () => fail(new LedgerJobCancelled()),
        });
      } else if (data.type === 'part') {
        let list = lists.get(data.key);
        if (!list) lists.set(data.key, (list = []));
        for (const item of data.items) list.push(item);
      } else if (data.type === 'done') {
        worker.terminate();
        settle?.resolve({ ...data.result, ...Object.fromEntries(lists) } as LedgerResult<J>);
      } else {
        fail(failure(data));
      }
    };
    worker.postMessage({ type: 'start', job, rules });
  });
}
