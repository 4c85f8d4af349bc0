/**
 * One descriptor per command of the command line: the options it takes, whether it answers a
 * JSON array with an array (batch), which typed command in core/commands runs an input, the
 * JSON it prints, the workbook it writes and its lines on standard error. The stable contract
 * (SPEC) has one `henstand` and one `status` for two shapes of input each; the choice by shape
 * is made here, once, at the edge: core's commands are typed and do one thing.
 */
import { mapPacked } from '../core/arrays.js';
import { batchElement, isBatchError, runBatch, type BatchError, type BatchItem } from '../core/commands/batch.js';
import { agreementToJson, runAgreementOnJson } from '../core/commands/agreements.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import type { StatusOnDate } from '../core/commands/index.js';
import type { HenstandResult } from './xlsx/resultWorkbooks.js';
import { scheduleTextPieces } from './scheduleText.js';
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
  /**
   * A batch streamed as JSON text (`jsonText`): each element is answered as its text is asked for,
   * so nothing of it is held. `json` is then not set, and `stderr` is complete once this has been
   * read to the end. A piece may be ASCII bytes, valid only until the next piece is asked for.
   */
  text?: () => Iterable<string | Uint8Array>;
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
   * `workbook`: whether the domain results are kept for a workbook (else each becomes JSON at once);
   * `jsonText`: a batch is answered as JSON text, element by element while it is written (`text`).
   * A promise only for a command that loads code on first use (followup: the measures' parser;
   * limitation and funnel: the portfolio commands).
   */
  answer(input: unknown, rules: RuleSet, batch: boolean, workbook: boolean, register?: RegisterElements, jsonText?: boolean): CliAnswer | Promise<CliAnswer>;
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
  /**
   * The JSON in pieces of text or ASCII bytes (valid until the next call), where that is faster
   * than JSON.stringify of `json` (a schedule's rows); the same text.
   */
  textPieces?(out: O): ReadonlyArray<string | Uint8Array>;
  /** The results (or a batch element's error), one sheet or more each. */
  workbook(items: ReadonlyArray<BatchItem<O>>, names?: readonly string[]): Promise<Uint8Array>;
  /** The warnings a result carries, for standard error (they are in the output too). */
  warnings(out: O): string[];
  /** "Advarsel: …" before each warning (plan, henstand, status) or the warning alone (followup). */
  warningPrefix: boolean;
}

/** A batch command answers each element at once; a single one may first load what it needs. */
type Spec<O> = CommonSpec<O> & ({ batch: true; run(input: unknown, rules: RuleSet): O } | { batch: false; run(input: unknown, rules: RuleSet): O | Promise<O> });

/** A command that takes one object writes its one result. */
const one =
  <O>(write: (out: O) => Promise<Uint8Array>) =>
  (items: ReadonlyArray<BatchItem<O>>): Promise<Uint8Array> => {
    const [out] = items;
    if (out === undefined || isBatchError(out)) throw new Error('Et enkelt resultat mangler.');
    return write(out);
  };

// By push: the batch's loop over each element's warnings (core/arrays.ts says why).
const messages = (warnings: ReadonlyArray<string | { message: string }>): string[] => mapPacked(warnings, (w) => (typeof w === 'string' ? w : w.message));

function describe<O>(spec: Spec<O>): CliCommand {
  return {
    options: spec.options,
    batch: spec.batch,
    ledgerFile: spec.ledgerFile ?? false,
    answer(input, rules, batch, workbook, register, jsonText) {
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
      const failedText = (failed: number) => `${failed} af ${inputs.length} ${register ? 'aftaler kunne ikke stilles op eller beregnes' : 'elementer kunne ikke beregnes'}; se "error" i svaret.`;
      if (jsonText === true && !workbook) {
        // The CLI's JSON: each element is answered and made text as the writer asks for it, and
        // then let go. Holding 1.000 schedules' objects or text until the end cost 0,1 s of
        // garbage collection (issue 22).
        const stderr: string[] = [];
        function* texts(): Generator<string | ReadonlyArray<string | Uint8Array>> {
          let failed = 0;
          for (let k = 0; k < inputs.length; k += 1) {
            const r = failedBefore.get(k) ?? batchElement(inputs[k], (i) => run(i, rules));
            if (isBatchError(r)) {
              failed += 1;
              yield JSON.stringify(r);
            } else {
              for (const w of spec.warnings(r)) stderr.push(prefix(terminalSafe(w), k + 1));
              yield spec.textPieces ? spec.textPieces(r) : JSON.stringify(spec.json(r));
            }
          }
          if (failed > 0) stderr.push(failedText(failed));
        }
        return { json: undefined, text: () => batchJsonText(texts()), workbook: () => Promise.reject(new Error('Et batch som tekst har ingen projektmappe.')), stderr };
      }
      // Each result becomes JSON as it is computed; its domain value is kept only for a workbook,
      // so a batch of thousands holds one form of each result, not two.
      const computed = runBatch(
        inputs.filter((_, k) => !failedBefore.has(k)),
        (i) => {
          const out = run(i, rules);
          return { json: spec.json(out), warnings: spec.warnings(out), out: workbook ? out : undefined };
        },
      );
      let next = 0;
      const results = inputs.map((_, k) => failedBefore.get(k) ?? computed[next++]!);
      const stderr = results.flatMap((r, i) => (isBatchError(r) ? [] : r.warnings.map((w) => prefix(terminalSafe(w), i + 1))));
      const failed = results.filter(isBatchError).length;
      if (failed > 0) stderr.push(failedText(failed));
      const items = (): Array<BatchItem<O>> => results.map((r) => (isBatchError(r) ? r : (r.out as O)));
      return { json: results.map((r) => (isBatchError(r) ? r : r.json)), workbook: () => spec.workbook(items(), register?.ids), stderr };
    },
  };
}

/**
 * A batch's JSON text, one compact element per line between `[` and `]`, from the elements' texts
 * (each one string or its pieces) in order: each piece as it comes, so a writer can pack them
 * without joining (issue 22).
 */
export function* batchJsonText<P extends string | Uint8Array>(texts: Iterable<string | readonly P[]>): Generator<string | P> {
  let first = true;
  for (const text of texts) {
    yield first ? '[\n' : ',\n';
    if (typeof text === 'string') yield text;
    else yield* text;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** Does a JSON input carry this key (the shape that chooses the command)? */
const carries = (input: unknown, key: string): boolean => typeof input === 'object' && input !== null && !Array.isArray(input) && (input as Record<string, unknown>)[key] !== undefined;

export const CLI_COMMANDS = {
  plan: describe({
    options: ['letters', 'kommune', 'contact', 'template', 'settings', 'recipient'],
    batch: true,
    run: (input, rules) => runAgreementOnJson('plan', input, rules),
    json: agreementToJson.plan,
    textPieces: scheduleTextPieces,
    workbook: async (items, names) =>
      (await planWorkbooks()).planWorkbook(items.map((result, i) => ({ name: names ? `Aftale ${names[i]}` : items.length === 1 ? 'Afdragsplan' : `Aftale ${i + 1}`, result }))),
    warnings: (s) => messages(s.warnings),
    warningPrefix: true,
  }),
  henstand: describe<HenstandResult>({
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
