/**
 * One descriptor per command of the command line: the options it takes, whether it answers a
 * JSON array with an array (batch), which typed command in core/commands runs an input, the
 * JSON it prints, the workbook it writes and its lines on standard error. The stable contract
 * (SPEC) has one `henstand` and one `status` for two shapes of input each; the choice by shape
 * is made here, once, at the edge: core's commands are typed and do one thing.
 */
import { isBatchError, runBatch, type BatchError, type BatchItem } from '../core/commands/batch.js';
import { agreementToJson, runAgreementOnJson } from '../core/commands/agreements.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import type { StatusOnDate } from '../core/commands/index.js';
import type { HenstandResult } from './xlsx/resultWorkbooks.js';
import { terminalSafe } from './terminalText.js';

// The agreement commands (plan, henstand, status) are imported alone; the rest of the command map
// (the ledger, the follow-up, the letters) loads when one of its commands runs (issue 22).
const commandMap = () => import('../core/commands/index.js');
// The workbook writers pull in ExcelJS (~150 ms to load): only when a workbook is asked for.
const planWorkbooks = () => import('./xlsx/planWorkbook.js');
const resultWorkbooks = () => import('./xlsx/resultWorkbooks.js');
const ledgerWorkbooks = () => import('./xlsx/ledgerWorkbooks.js');
const followupWorkbooks = () => import('./xlsx/followupWorkbook.js');

/** What a command answered: the JSON to print, the workbook to write, the lines for standard error. */
export interface CliAnswer {
  json: unknown;
  workbook(): Promise<Uint8Array>;
  stderr: string[];
}

export interface CliCommand {
  /** The options the command uses besides --in, --out, --rules and --quiet. */
  options: readonly string[];
  /** Takes a JSON array of inputs and answers with an array in the same order (SPEC). */
  batch: boolean;
  /** Reads a ledger file (.csv, .xlsx, JSON rows) streamed, with --year or --as-of. */
  ledgerFile: boolean;
  /**
   * `workbook`: whether the domain results are kept for a workbook (else each becomes JSON at once).
   * A promise only for a command that loads code on first use (followup: the measures' parser;
   * limitation and funnel: the portfolio commands).
   */
  answer(input: unknown, rules: RuleSet, batch: boolean, workbook: boolean, register?: RegisterElements, threads?: BatchThreads): CliAnswer | Promise<CliAnswer>;
  /** A batch command's share of a batch as JSON text (the second thread's work, cli/batchWorker.ts). */
  share?(inputs: readonly unknown[], rules: RuleSet): Array<BatchItem<SharedElement>>;
}

/**
 * A batch written as JSON may be answered on two threads: the CLI asks for it (the in-process
 * callers, tests among them, get the elements as values). Below `minimum` elements the second
 * thread's start (about 60 ms) costs more than it saves.
 */
export interface BatchThreads {
  minimum: number;
}

/** An element answered as JSON text (on the second thread, or beside it on the first). */
export interface SharedElement {
  text: string;
  warnings: string[];
}

/** A batch element's JSON already made text: the writer copies it as it is (cli/cliShared.ts). */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * A batch of the agreement register's agreements: each element's agreement id (its warnings and
 * sheets are named by it), and the elements that could not be set up, their error in place.
 */
export interface RegisterElements {
  ids: readonly string[];
  failed: ReadonlyMap<number, BatchError>;
}

interface CommonSpec<O> {
  options: readonly string[];
  ledgerFile?: boolean;
  json(out: O): unknown;
  /** The results (or a batch element's error), one sheet or more each. */
  workbook(items: ReadonlyArray<BatchItem<O>>, names?: readonly string[]): Promise<Uint8Array>;
  /** The warnings a result carries, for standard error (they are in the output too). */
  warnings(out: O): string[];
  /** "Advarsel: …" before each warning (plan, henstand, status) or the warning alone (followup). */
  warningPrefix: boolean;
}

/** A batch command answers each element at once; a single one may first load what it needs. */
type Spec<O> = CommonSpec<O> &
  ({ batch: true; name: BatchCommandName; run(input: unknown, rules: RuleSet): O } | { batch: false; name?: undefined; run(input: unknown, rules: RuleSet): O | Promise<O> });

/** A command that takes one object writes its one result. */
const one =
  <O>(write: (out: O) => Promise<Uint8Array>) =>
  (items: ReadonlyArray<BatchItem<O>>): Promise<Uint8Array> => {
    const [out] = items;
    if (out === undefined || isBatchError(out)) throw new Error('Et enkelt resultat mangler.');
    return write(out);
  };

const messages = (warnings: ReadonlyArray<string | { message: string }>): string[] => warnings.map((w) => (typeof w === 'string' ? w : w.message));

/** A batch command's elements as JSON text; a bad element its error, as in the one-thread answer. */
function shareOf<O>(spec: Spec<O>, inputs: readonly unknown[], rules: RuleSet): Array<BatchItem<SharedElement>> {
  return runBatch(inputs, (i) => {
    const out = spec.run(i, rules) as O;
    return { text: JSON.stringify(spec.json(out)), warnings: spec.warnings(out) };
  });
}

/** Elements a thread takes from the shared counter at a time. */
const RUN = 25;

/** The runs of elements this thread takes (by their run's number) and answers, until the counter passes the end. */
export function takeRuns<T>(inputs: readonly unknown[], counter: Int32Array, answer: (run: readonly unknown[]) => T[]): Map<number, T[]> {
  const runs = new Map<number, T[]>();
  for (let k = Atomics.add(counter, 0, 1); k * RUN < inputs.length; k = Atomics.add(counter, 0, 1)) runs.set(k, answer(inputs.slice(k * RUN, (k + 1) * RUN)));
  return runs;
}

/** The two threads' runs in the inputs' order; every run answered once (else a bug: said, not hidden). */
function mergeRuns<T>(count: number, mine: Map<number, T[]>, theirs: Map<number, T[]>): T[] {
  const all: T[] = [];
  for (let k = 0; k * RUN < count; k += 1) {
    const run = mine.get(k) ?? theirs.get(k);
    if (run === undefined || (mine.has(k) && theirs.has(k))) throw new Error(`Del ${k} af listen blev ikke beregnet præcis én gang.`);
    all.push(...run);
  }
  return all;
}

/** The second thread's runs: bundled beside the CLI by cli/saldo.mjs, or its tsx shim when run from source. */
async function shareOnWorker(Worker: typeof import('node:worker_threads').Worker, data: BatchWorkerData): Promise<Map<number, Array<BatchItem<SharedElement>>>> {
  const worker = new Worker(new URL('./batchWorker.mjs', import.meta.url), { workerData: data });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`Hjælpetråden stoppede uventet (kode ${code}).`)));
    });
  } finally {
    void worker.terminate();
  }
}

export type BatchCommandName = 'plan' | 'henstand' | 'status';

export interface BatchWorkerData {
  name: BatchCommandName;
  inputs: readonly unknown[];
  rules: RuleSet;
  /** The next run to take (Atomics), shared with the first thread. */
  counter: Int32Array;
}

function describe<O>(spec: Spec<O>): CliCommand {
  return {
    options: spec.options,
    batch: spec.batch,
    ledgerFile: spec.ledgerFile ?? false,
    ...(spec.batch ? { share: (inputs: readonly unknown[], rules: RuleSet) => shareOf(spec, inputs, rules) } : {}),
    answer(input, rules, batch, workbook, register, threads) {
      // A register's element is its agreement; a JSON batch's its place in the array.
      const label = (element: number) => (register ? `aftale ${register.ids[element - 1]}` : `element ${element}`);
      const prefix = (w: string, element?: number) => (!spec.warningPrefix ? w : element === undefined ? `Advarsel: ${w}` : `Advarsel (${label(element)}): ${w}`);
      const single = (out: O): CliAnswer | Promise<CliAnswer> => {
        const answer = (json: unknown): CliAnswer => ({ json, workbook: () => spec.workbook([out]), stderr: spec.warnings(out).map((w) => prefix(terminalSafe(w))) });
        // A command loaded on first use (the portfolio's) makes its JSON with code from the same chunk: awaited here.
        const json = spec.json(out);
        return json instanceof Promise ? json.then(answer) : answer(json);
      };
      if (!batch || !spec.batch) {
        const out = spec.run(input, rules);
        return out instanceof Promise ? out.then(single) : single(out);
      }
      const inputs = input as readonly unknown[];
      const run = spec.run;
      const failedBefore = register?.failed ?? new Map<number, BatchError>();
      const todo = inputs.filter((_, k) => !failedBefore.has(k));
      /** Puts the computed elements back among the register's failed ones and says what failed. */
      const answered = (computed: Array<BatchItem<{ json: unknown; warnings: string[]; out?: O }>>): CliAnswer => {
        let next = 0;
        const results = inputs.map((_, k) => failedBefore.get(k) ?? computed[next++]!);
        const stderr = results.flatMap((r, i) => (isBatchError(r) ? [] : r.warnings.map((w) => prefix(terminalSafe(w), i + 1))));
        const failed = results.filter(isBatchError).length;
        if (failed > 0) stderr.push(`${failed} af ${inputs.length} ${register ? 'aftaler kunne ikke stilles op eller beregnes' : 'elementer kunne ikke beregnes'}; se "error" i svaret.`);
        const items = (): Array<BatchItem<O>> => results.map((r) => (isBatchError(r) ? r : (r.out as O)));
        return { json: results.map((r) => (isBatchError(r) ? r : r.json)), workbook: () => spec.workbook(items(), register?.ids), stderr };
      };
      if (!workbook && threads && spec.name) {
        // For the CLI's JSON the elements' text is all that is needed: made at once, so a batch
        // holds one flat string per element rather than its objects until the end; for a batch of
        // at least `minimum` elements, half of them on a second thread.
        const asText = (e: BatchItem<SharedElement>) => (isBatchError(e) ? e : { json: new JsonText(e.text), warnings: e.warnings });
        if (todo.length < threads.minimum) return answered(shareOf(spec, todo, rules).map(asText));
        // Both threads take runs of elements from a shared counter until none are left, so the
        // second thread's start and a busy core even out by themselves.
        const name = spec.name;
        return (async () => {
          // The worker module first: this thread's runs are taken in one go, after the thread started.
          const { Worker } = await import('node:worker_threads');
          const counter = new Int32Array(new SharedArrayBuffer(4));
          const second = shareOnWorker(Worker, { name, inputs: todo, rules, counter });
          second.catch(() => undefined); // awaited below; not unhandled while this thread works
          const first = takeRuns(todo, counter, (run) => shareOf(spec, run, rules));
          return answered(mergeRuns(todo.length, first, await second).map(asText));
        })();
      }
      // Each result becomes JSON as it is computed; its domain value is kept only for a workbook,
      // so a batch of thousands holds one form of each result, not two.
      return answered(
        runBatch(todo, (i) => {
          const out = run(i, rules);
          return { json: spec.json(out), warnings: spec.warnings(out), out: workbook ? out : undefined };
        }),
      );
    },
  };
}

/** Does a JSON input carry this key (the shape that chooses the command)? */
const carries = (input: unknown, key: string): boolean => typeof input === 'object' && input !== null && !Array.isArray(input) && (input as Record<string, unknown>)[key] !== undefined;

export const CLI_COMMANDS = {
  plan: describe({
    name: 'plan',
    options: ['letters', 'kommune', 'contact', 'template', 'settings', 'recipient'],
    batch: true,
    run: (input, rules) => runAgreementOnJson('plan', input, rules),
    json: agreementToJson.plan,
    workbook: async (items, names) =>
      (await planWorkbooks()).planWorkbook(items.map((result, i) => ({ name: names ? `Aftale ${names[i]}` : items.length === 1 ? 'Afdragsplan' : `Aftale ${i + 1}`, result }))),
    warnings: (s) => messages(s.warnings),
    warningPrefix: true,
  }),
  henstand: describe<HenstandResult>({
    name: 'henstand',
    options: ['letters', 'kommune', 'contact', 'template', 'settings', 'recipient', 'grounds'],
    batch: true,
    // `"claim"` instead of `"claims"`: a henstand on a single claim without an agreement.
    run: (input, rules) =>
      carries(input, 'claim') ? { kind: 'claim', value: runAgreementOnJson('claimHenstand', input, rules) } : { kind: 'agreement', value: runAgreementOnJson('henstand', input, rules) },
    json: (h) => (h.kind === 'claim' ? agreementToJson.claimHenstand(h.value) : agreementToJson.henstand(h.value)),
    workbook: async (items, names) => (await resultWorkbooks()).henstandWorkbook(items, names),
    warnings: (h) => messages(h.value.warnings),
    warningPrefix: true,
  }),
  status: describe<StatusOnDate>({
    name: 'status',
    options: [],
    batch: true,
    // `installments` instead of a plan: a schedule already in a workbook.
    run: (input, rules) => (carries(input, 'installments') ? runAgreementOnJson('installmentStatus', input, rules) : runAgreementOnJson('status', input, rules)),
    json: agreementToJson.status,
    workbook: async (items, names) => (await resultWorkbooks()).statusWorkbook(items, names),
    warnings: (s) => messages(s.warnings),
    warningPrefix: true,
  }),
  followup: describe({
    options: ['previous', 'quarters'],
    batch: false,
    run: async (input, rules) => (await commandMap()).runOnJson('followup', input, rules),
    json: async (out) => (await commandMap()).toJson.followup(out),
    workbook: one(async (f) => (await followupWorkbooks()).followupWorkbook(f)),
    warnings: (f) => f.warnings,
    warningPrefix: false,
  }),
  statements: describe({
    options: ['year', 'mask-cpr', 'show-cpr', 'letters', 'kommune', 'contact', 'sheet', 'mapping', 'template', 'settings', 'addresses', 'agreements'],
    batch: false,
    ledgerFile: true,
    run: async (input, rules) => (await commandMap()).runOnJson('statements', input, rules),
    json: async (out) => (await commandMap()).toJson.statements(out),
    workbook: one(async (s) => (await ledgerWorkbooks()).statementsWorkbook(s)),
    warnings: () => [],
    warningPrefix: false,
  }),
  analyse: describe({
    options: ['as-of', 'from', 'to', 'mask-cpr', 'sheet', 'mapping'],
    batch: false,
    ledgerFile: true,
    run: async (input, rules) => (await commandMap()).runOnJson('analyse', input, rules),
    json: async (out) => (await commandMap()).toJson.analyse(out),
    workbook: one(async (a) => (await ledgerWorkbooks()).analyseWorkbook(a)),
    warnings: () => [],
    warningPrefix: false,
  }),
  limitation: describe({
    options: ['as-of', 'days', 'mask-cpr', 'sheet', 'mapping'],
    batch: false,
    ledgerFile: true,
    run: async (input, rules) => (await commandMap()).runOnJson('limitation', input, rules),
    json: async (out) => (await commandMap()).toJson.limitation(out),
    workbook: one(async (r) => (await ledgerWorkbooks()).limitationWorkbook(r)),
    warnings: () => [],
    warningPrefix: false,
  }),
  funnel: describe({
    options: ['from', 'to', 'as-of', 'sheet', 'mapping', 'agreements'],
    batch: false,
    ledgerFile: true,
    run: async (input, rules) => (await commandMap()).runOnJson('funnel', input, rules),
    json: async (out) => (await commandMap()).toJson.funnel(out),
    workbook: one(async (f) => (await ledgerWorkbooks()).funnelWorkbook(f)),
    warnings: () => [],
    warningPrefix: false,
  }),
} satisfies Record<string, CliCommand>;

export type CliCommandName = keyof typeof CLI_COMMANDS;

export const isCliCommandName = (name: string): name is CliCommandName => Object.hasOwn(CLI_COMMANDS, name);

/** campaign's options (cli/campaign.ts runs it; kept here so the option check knows them without loading it). */
export const CAMPAIGN_OPTIONS = ['calls', 'ledger', 'as-of', 'out', 'quiet', 'sheet', 'mapping', 'hourly-cost'];

/** worklist's options (cli/ledgerRun.ts runs it; kept here so the option check knows them without loading it). */
export const WORKLIST_OPTIONS = ['agreements', 'ledger', 'steps', 'payments', 'as-of', 'out', 'rules', 'quiet', 'sheet', 'mapping'];
