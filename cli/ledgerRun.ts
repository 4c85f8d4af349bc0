/**
 * The command line's runners for a ledger file and the portfolio: `statements`, `analyse`,
 * `limitation` and `funnel` on a ledger file (streamed), `worklist`, and `plan|henstand|status
 * --agreements` (the register as a batch). Loaded by cli/run.ts on first use: the CSV and
 * workbook readers, the worker threads and the portfolio's core are no part of a `plan`'s start.
 */
import { agreementClaimsFromFile, analyseFromFile, funnelFromFile, limitationFromFile, statementOfFile } from './ledger/ledgerCommands.js';
import { danishDate, parseDate, type CalendarDate } from '../core/calendar/date.js';
import { kr } from '../core/report/format.js';
import { readAgreementRegister, type AgreementRegister } from '../core/portfolio/agreementRegister.js';
import { inAgreementOf } from '../core/portfolio/funnel.js';
import { readStepLog, type StepLog } from '../core/portfolio/stepLog.js';
import { logErrors, registerInputs, worklistOf } from '../core/portfolio/worklist.js';
import { runningAgreements } from '../core/portfolio/runningAgreements.js';
import type { AgreementNote } from '../core/letters/letterContent.js';
import { readPaymentLog, type PaymentLog } from '../core/portfolio/paymentLog.js';
import { worklistToJson } from '../core/portfolio/worklistJson.js';
import { limitationRadarToJson, type LimitationRadar } from '../core/portfolio/limitationRadar.js';
import { formatKroner } from '../core/money/ore.js';
import { funnelToJson } from '../core/portfolio/funnelJson.js';
import { analysisToJson, statementJsonChunks } from '../core/ledger/ledgerJson.js';
import { showStatement } from '../core/ledger/shownTexts.js';
import { unknownKindsText } from '../core/ledger/ledgerMapping.js';
import type { RowError } from '../core/ledger/posting.js';
import type { Statement } from '../core/ledger/statement.js';
import type { BatchError } from '../core/commands/batch.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import { readMapping } from './mappingFile.js';
import { fileProblem, isFileError } from './fileErrors.js';
import { lineAccountText, type LineAccount } from './ledger/lineAccount.js';
import { outputPathProblem } from './outputPaths.js';
import { localToday } from './today.js';
import { CLI_COMMANDS, WORKLIST_OPTIONS } from './commands.js';
import { inputBytes, letterSender, loadRules, UsageError, writeOutput } from './cliShared.js';
import type { Arguments, CliIo } from './run.js';

// The workbook writers pull in ExcelJS (~150 ms to load): only when a workbook is asked for.
const ledgerWorkbooks = () => import('./xlsx/ledgerWorkbooks.js');
const portfolioWorkbooks = () => import('./xlsx/portfolioWorkbooks.js');
// The register's reader brings ExcelJS (for an .xlsx register): only when a register is read.
const tableFiles = () => import('./tableFile.js');

/**
 * The most debtors a statements or letters workbook is made for: 50,000 debtors took 688 MB
 * (measured, 2026-12-03), and 500,000 took 4,7 GB; JSON output streams and has no such limit.
 */
export const WORKBOOK_DEBTOR_LIMIT = 100_000;

export interface LedgerValues {
  in?: string;
  out?: string;
  year?: string;
  'as-of'?: string;
  days?: string;
  from?: string;
  to?: string;
  'mask-cpr'?: boolean;
  'show-cpr'?: boolean;
  letters?: string;
  kommune?: string;
  contact?: string;
  quiet?: boolean;
  sheet?: string;
  mapping?: string;
  agreements?: string;
  template?: string;
  settings?: string;
  addresses?: string;
  recipient?: string;
  grounds?: string;
}

/** `--letters`: settings, addresses and template read and checked, then the letters written (cli/letters.ts). */
async function writeLetterFiles(io: CliIo, values: LedgerValues, statement: Statement, rules: RuleSet): Promise<void> {
  const merged = await letterSender(io, values);
  // The letter writers pull in the PDF and Word libraries: loaded only for --letters.
  const { readAddressFile, addressesFromLedgerCsv } = await import('./addressFile.js');
  const { writeLetters } = await import('./letters.js');
  const addresses =
    values.addresses !== undefined
      ? await readAddressFile(await inputBytes(io, values.addresses, 'Adressefilen'), values.addresses)
      : values.in!.toLowerCase().endsWith('.csv')
        ? await addressesFromLedgerCsv(values.in!)
        : undefined;
  const template = values.template === undefined ? undefined : { path: values.template, bytes: await inputBytes(io, values.template, 'Skabelonen') };
  const date = localToday();
  const agreements = values.agreements === undefined ? undefined : await lettersAgreements(io, values, rules, date);
  const noFolders = async (): Promise<never> => {
    throw new UsageError('--letters til en mappe kræver adgang til filsystemet.');
  };
  await writeLetters(
    { writeFile: io.writeFile, stderr: io.stderr, makeFolder: io.makeFolder ?? noFolders, folderEntries: io.folderEntries ?? (async () => null), stderrIsTTY: io.stderrIsTerminal?.() === true },
    values.letters!,
    {
      statement,
      settings: merged,
      date,
      rules,
      ...(agreements ? { agreements } : {}),
      ...(template ? { template } : {}),
      ...(addresses ? { addresses } : {}),
      ...(values.quiet ? { quiet: true } : {}),
    },
  );
}

/**
 * `statements --letters … --agreements aftaler.csv`: the register's agreements checked on the
 * letters' date against the same ledger (a second read, keeping only the register's debtors); a
 * running, kept agreement's debtor is told to follow it for its claims. Said on stderr: how many
 * run, and why the others give no such letter.
 */
async function lettersAgreements(io: CliIo, values: LedgerValues, rules: RuleSet, date: CalendarDate): Promise<ReadonlyMap<string, AgreementNote>> {
  const register = await readRegisterFile(io, values.agreements!);
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  const ledger = await agreementClaimsFromFile(values.in!, register.agreements, { mapping, sheet: values.sheet });
  const r = runningAgreements(register.agreements, ledger.claims, date, rules);
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('da-DK')} ${n === 1 ? one : many}`;
  const why = (w: string) => r.notRunning.filter((x) => x.why === w).map((x) => x.id);
  const breached = why('misligholdt');
  const ended = why('afsluttet');
  io.stderr(
    `Aftaleregistret pr. ${danishDate(date)}: ` +
      (r.running === 0
        ? 'ingen aftale kører og er overholdt.'
        : `${count(r.running, 'aftale kører', 'aftaler kører')} og er overholdt; ${r.notes.size === 1 ? 'debitoren' : 'debitorerne'} får brevet "betal som aftalt" for aftalens fordringer.`) +
      (breached.length > 0 ? ` Misligholdt (almindeligt brev): ${breached.join(', ')}.` : '') +
      (ended.length > 0 ? ` Afsluttet: ${ended.join(', ')}.` : '') +
      '\n',
  );
  const problems = [...register.errors, ...r.errors].sort((a, b) => a.row - b.row);
  if (problems.length > 0) io.stderr(`${count(problems.length, 'række', 'rækker')} i aftaleregistret gav intet aftalebrev: ${problems.map((e) => `række ${e.row}: ${e.message}`).join('; ')}\n`);
  return r.notes;
}

/** `statements`/`analyse`/`limitation`/`funnel` on a ledger file: streamed, with progress on a terminal. */
export async function runLedgerFile(name: 'statements' | 'analyse' | 'limitation' | 'funnel', values: LedgerValues, rules: RuleSet, io: CliIo): Promise<void> {
  const path = values.in!;
  const progress = io.stderrIsTerminal?.() === true && !values.quiet ? (t: string) => io.stderr(t) : undefined;
  if (values.sheet !== undefined && !path.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--sheet bruges med en .xlsx-posteringsfil; "${path}" er ikke en .xlsx-fil.`);
  // Which sheet is read is said always (not only with progress): a wrong sheet gives wrong sums.
  const options = {
    year: values.year,
    asOf: values['as-of'],
    days: values.days,
    from: values.from,
    to: values.to,
    maskCpr: values['mask-cpr'],
    progress,
    sheet: values.sheet,
    onSheet: (name: string) => io.stderr(`Læser arket "${name}" i ${path}.\n`),
    mapping: values.mapping === undefined ? undefined : await readMapping(io, values.mapping),
  };
  let result: { errors: unknown[] };
  let account: LineAccount;
  // The JSON text: written piece by piece straight from the statement (~50 MB for a million rows), else stringified.
  let chunks: () => Iterable<string>;
  try {
    if (name === 'statements') {
      const { statement: lazy, lines, ...read } = await statementOfFile(path, rules, options);
      account = lines;
      const source = { file: path, ...read, lines };
      const workbooks = values.letters !== undefined || values.out?.toLowerCase().endsWith('.xlsx') === true;
      // A workbook holds every debtor in memory (JSON streams them): bounded by a limit, said in Danish.
      if (workbooks && lazy.totals.debtors > WORKBOOK_DEBTOR_LIMIT) {
        const n = (x: number) => x.toLocaleString('da-DK');
        throw new UsageError(
          `Posteringsfilen har ${n(lazy.totals.debtors)} debitorer: en projektmappe (--out .xlsx eller --letters) kan rumme højst ${n(WORKBOOK_DEBTOR_LIMIT)} (ellers bruger Saldo flere GB hukommelse). Skriv saldoopgørelserne som JSON (--out fil.json), eller del posteringsfilen op. Intet er skrevet.`,
        );
      }
      // The debtors come one at a time; a workbook needs them all, and then the JSON reads the same list.
      const full = workbooks ? { ...lazy, debtors: [...lazy.debtors] } : undefined;
      const statement = full ?? lazy;
      result = statement;
      chunks = () => statementJsonChunks(statement, { maskCpr: options.maskCpr === true }, { source });
      if (full) {
        const s = showStatement(full, { maskCpr: options.maskCpr === true });
        // Letters go to print and post: masked unless --show-cpr asks otherwise (as in the add-in).
        const letterText = values['show-cpr'] === true || options.maskCpr === true ? s : showStatement(full, { maskCpr: true });
        if (values.letters) await writeLetterFiles(io, values, letterText, rules);
        if (values.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(values.out, await (await ledgerWorkbooks()).statementsWorkbook(s));
      }
    } else if (name === 'limitation') {
      const r = await limitationFromFile(path, rules, options);
      account = r.source.lines;
      result = r;
      chunks = () => [JSON.stringify({ ...limitationRadarToJson(r), source: r.source })];
      if (values.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(values.out, await (await ledgerWorkbooks()).limitationWorkbook(r));
      io.stderr(`${radarSummaryText(r)}\n`);
    } else if (name === 'funnel') {
      const register = values.agreements === undefined ? undefined : await readRegisterFile(io, values.agreements);
      const f = await funnelFromFile(path, register === undefined ? options : { ...options, inAgreement: inAgreementOf(register.agreements) });
      account = f.source.lines;
      result = f;
      const agreements = register === undefined ? {} : { agreements: { file: values.agreements, count: register.agreements.length, errors: register.errors } };
      chunks = () => [JSON.stringify({ ...funnelToJson(f), source: f.source, ...agreements })];
      if (register !== undefined && register.errors.length > 0)
        io.stderr(
          `${register.errors.length} ${register.errors.length === 1 ? 'række' : 'rækker'} i aftaleregistret kunne ikke læses, så deres fordringer tæller ikke som "i aftale"; se "agreements.errors".\n`,
        );
      if (values.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(values.out, await (await ledgerWorkbooks()).funnelWorkbook(f));
    } else {
      if (values.letters) throw new UsageError('--letters bruges med statements.');
      const a = await analyseFromFile(path, options);
      account = a.source.lines;
      result = a;
      chunks = () => [JSON.stringify({ ...analysisToJson(a), source: a.source })];
      if (values.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(values.out, await (await ledgerWorkbooks()).analyseWorkbook(a));
    }
  } catch (e) {
    // Writes fail as usage errors of their own (withSafeWrites): a file error here is the ledger's.
    if ((e as { code?: string }).code === 'ENOENT') throw new UsageError(`Posteringsfilen "${path}" findes ikke.`);
    if (isFileError(e)) throw new UsageError(`Posteringsfilen "${path}" ${fileProblem(e)}.`);
    throw e;
  }
  if (values.out === undefined || !values.out.toLowerCase().endsWith('.xlsx')) {
    const text = (function* () {
      yield* chunks();
      yield '\n';
    })();
    if (io.writeChunks) await io.writeChunks(values.out, text);
    else if (values.out === undefined) io.stdout([...text].join(''));
    else await io.writeFile(values.out, [...text].join(''));
  }
  // Every line of the ledger accounted for, said every time: a reader of the output can check it.
  io.stderr(`Posteringsfilen: ${lineAccountText(account!)}.\n`);
  if (result.errors.length > 0)
    io.stderr(`${result.errors.length} ${result.errors.length === 1 ? 'række' : 'rækker'} kunne ikke læses og er udeladt af summerne; de står i "errors" (og på arket Fejl).\n`);
  const unknownKinds = unknownKindsText(result.errors as RowError[]);
  if (unknownKinds !== '') io.stderr(`${unknownKinds} Se --mapping.\n`);
}

/** The options of a register batch; `status` also takes the date and a rykker log. */
const registerBatchOptions = (name: 'plan' | 'henstand' | 'status'): string[] => [
  'agreements',
  'ledger',
  'out',
  'rules',
  'quiet',
  'sheet',
  'mapping',
  ...(name === 'status' ? ['as-of', 'steps', 'payments'] : []),
];

/**
 * `plan|henstand|status --agreements FIL --ledger FIL`: every agreement of the register as a
 * batch, its claims what was open on them in the ledger the day before the agreement date (for
 * `status` also the payments and steps up to `--as-of`, as the work list checks them). The JSON
 * has one element per register agreement, in its order: `{"agreement": id, …result}`, or
 * `{"agreement", "error"}` naming the register row; warnings and sheets name the agreement.
 */
export async function runRegisterBatch(name: 'plan' | 'henstand' | 'status', values: Arguments['values'], io: CliIo): Promise<void> {
  const options = registerBatchOptions(name);
  const other = Object.keys(values).find((k) => !options.includes(k) && (values as Record<string, unknown>)[k] !== undefined);
  if (other !== undefined) throw new UsageError(`--${other} bruges ikke af ${name} med --agreements (kun ${options.map((o) => `--${o}`).join(', ')}).`);
  if (values.ledger === undefined) throw new UsageError(`${name} med --agreements henter fordringernes beløb i posteringslisten: angiv den med --ledger FIL (.csv, .xlsx eller .json).`);
  if (name === 'status' && values['as-of'] === undefined) throw new UsageError('Angiv datoen for aftalernes status med --as-of ÅÅÅÅ-MM-DD.');
  const asOf = name === 'status' ? parseDate(values['as-of']!, '--as-of') : undefined;
  if (values.sheet !== undefined && !values.ledger.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--sheet bruges med en .xlsx-posteringsfil; "${values.ledger}" er ikke en .xlsx-fil.`);
  const pathProblem = outputPathProblem(values);
  if (pathProblem !== undefined) throw new UsageError(pathProblem);
  const rules = await loadRules(io, values.rules);
  const register = await readRegisterFile(io, values.agreements!);
  const log = values.steps === undefined ? undefined : await readStepLogFile(io, values.steps, rules);
  const paid = values.payments === undefined ? undefined : await readPaymentFile(io, values.payments);
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  const progress = io.stderrIsTerminal?.() === true && !values.quiet ? (t: string) => io.stderr(t) : undefined;
  const ledger = await agreementClaimsFromFile(values.ledger, register.agreements, {
    mapping,
    progress,
    sheet: values.sheet,
    onSheet: (sheet: string) => io.stderr(`Læser arket "${sheet}" i ${values.ledger}.\n`),
  });
  const built = registerInputs(register.agreements, ledger.claims, rules, asOf === undefined ? { kind: name as 'plan' | 'henstand' } : { kind: 'status', asOf, log, paid });
  // An agreement that could not be set up is its element's error, naming its register row.
  const failed = new Map<number, BatchError>(
    built.flatMap((b, k) => ('input' in b ? [] : [[k, { error: { code: 'UGYLDIGT_INPUT', field: '--agreements', message: `Række ${b.row}: ${b.message}` } }] as const])),
  );
  const ids = built.map((b) => b.id);
  const inputs = built.map((b) => ('input' in b ? b.input : null));
  const answer = await CLI_COMMANDS[name].answer(inputs, rules, true, values.out?.toLowerCase().endsWith('.xlsx') ?? false, { ids, failed });
  const json = (answer.json as unknown[]).map((element, k) => ({ agreement: ids[k], ...(element as object) }));
  await writeOutput(io, values.out, { ...answer, json }, true);
  for (const line of answer.stderr) io.stderr(`${line}\n`);
  // Each message begins with its file's name ("Rykkerloggen: …"), which the line has said already.
  const unused = (rows: readonly RowError[], file: string) => {
    const said = (m: string) => (m.startsWith(`${file}: `) ? m.slice(file.length + 2) : m);
    if (rows.length > 0)
      io.stderr(`${rows.length} ${rows.length === 1 ? 'række' : 'rækker'} i ${file.toLowerCase()} kunne ikke bruges: ${rows.map((e) => `række ${e.row}: ${said(e.message)}`).join('; ')}\n`);
  };
  if (log !== undefined) unused(logErrors(register.agreements, log.steps, log.errors, 'Rykkerloggen'), 'Rykkerloggen');
  if (paid !== undefined) unused(logErrors(register.agreements, paid.payments, paid.errors, 'Indbetalingsfilen'), 'Indbetalingsfilen');
  if (register.errors.length > 0)
    io.stderr(
      `${register.errors.length} ${register.errors.length === 1 ? 'række' : 'rækker'} i aftaleregistret kunne ikke læses: ${register.errors.map((e) => `række ${e.row}: ${e.message}`).join('; ')}\n`,
    );
  if (ledger.claims.errors.length > 0) io.stderr(`${ledger.claims.errors.length} ${ledger.claims.errors.length === 1 ? 'række' : 'rækker'} i posteringslisten kunne ikke læses.\n`);
  const unknownKinds = unknownKindsText(ledger.claims.errors);
  if (unknownKinds !== '') io.stderr(`${unknownKinds} Se --mapping.\n`);
  io.stderr(`Posteringsfilen: ${lineAccountText(ledger.source.lines)}.\n`);
}

/** The agreement register of --agreements: a line the CSV reader could not read is among its errors. */
async function readRegisterFile(io: CliIo, path: string): Promise<AgreementRegister> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(path) : new TextEncoder().encode(await io.readFile(path));
  } catch (e) {
    throw new UsageError((e as { code?: string }).code === 'ENOENT' ? `Aftaleregistret "${path}" findes ikke.` : `Aftaleregistret "${path}" ${fileProblem(e)}.`);
  }
  const table = await (await tableFiles()).readTableFile(bytes, path, `Aftaleregistret "${path}"`, '--agreements');
  const register = readAgreementRegister(table.rows);
  return { ...register, errors: [...table.problems, ...register.errors].sort((a, b) => a.row - b.row) };
}

/** A log file beside the register (.csv or .xlsx), read whole; a line the CSV reader could not read is one of its errors. */
async function readLogFile<L extends { errors: RowError[] }>(io: CliIo, path: string, what: string, option: string, read: (rows: ReadonlyArray<readonly unknown[]>) => L): Promise<L> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(path) : new TextEncoder().encode(await io.readFile(path));
  } catch (e) {
    throw new UsageError((e as { code?: string }).code === 'ENOENT' ? `${what} "${path}" findes ikke.` : `${what} "${path}" ${fileProblem(e)}.`);
  }
  const table = await (await tableFiles()).readTableFile(bytes, path, `${what} "${path}"`, option);
  const log = read(table.rows);
  return { ...log, errors: [...table.problems.map((p) => ({ row: p.row, message: `${what}: ${p.message}` })), ...log.errors] };
}

/** The rykker log of --steps: rows it cannot read are the work list's errors. */
const readStepLogFile = (io: CliIo, path: string, rules: RuleSet): Promise<StepLog> => readLogFile(io, path, 'Rykkerloggen', '--steps', (rows) => readStepLog(rows, rules));

/** The payments file of --payments: rows it cannot read are the work list's errors. */
const readPaymentFile = (io: CliIo, path: string): Promise<PaymentLog> => readLogFile(io, path, 'Indbetalingsfilen', '--payments', (rows) => readPaymentLog(rows));

/** The radar in one line for standard error: how many and how much in the window, and already forældet. */
function radarSummaryText(r: LimitationRadar): string {
  const claims = (n: number) => `${n.toLocaleString('da-DK')} ${n === 1 ? 'fordring' : 'fordringer'}`;
  const w = r.totals.all;
  const b = r.alreadyBarred.totals.all;
  return `Forældelse pr. ${danishDate(r.asOf)}: ${claims(w.claims)} forældes inden for ${r.days} dage (til og med ${danishDate(r.windowEnd)}), åbent ${formatKroner(w.open)}; ${claims(b.claims)} er allerede forældet, åbent ${formatKroner(b.open)} (se "alreadyBarred").`;
}

/**
 * `worklist --agreements FIL --ledger FIL --as-of DATO`: the register read whole (a few thousand
 * rows), the ledger streamed keeping only the register's debtors' postings.
 */
export async function runWorklist(values: Arguments['values'], io: CliIo): Promise<void> {
  const other = Object.keys(values).find((k) => !WORKLIST_OPTIONS.includes(k) && (values as Record<string, unknown>)[k] !== undefined);
  if (other !== undefined) throw new UsageError(`--${other} bruges ikke af worklist (kun ${WORKLIST_OPTIONS.map((o) => `--${o}`).join(', ')}).`);
  if (values.agreements === undefined) throw new UsageError('Angiv aftaleregistret med --agreements FIL (.csv eller .xlsx).');
  if (values.ledger === undefined) throw new UsageError('Angiv posteringslisten med --ledger FIL (.csv, .xlsx eller .json).');
  if (values['as-of'] === undefined) throw new UsageError('Angiv datoen for arbejdslisten med --as-of ÅÅÅÅ-MM-DD.');
  if (values.sheet !== undefined && !values.ledger.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--sheet bruges med en .xlsx-posteringsfil; "${values.ledger}" er ikke en .xlsx-fil.`);
  const pathProblem = outputPathProblem(values);
  if (pathProblem !== undefined) throw new UsageError(pathProblem);
  const rules = await loadRules(io, values.rules);
  const asOf = parseDate(values['as-of'], '--as-of');
  const register = await readRegisterFile(io, values.agreements);
  const progress = io.stderrIsTerminal?.() === true && !values.quiet ? (t: string) => io.stderr(t) : undefined;
  const mapping = values.mapping === undefined ? undefined : await readMapping(io, values.mapping);
  const log = values.steps === undefined ? undefined : await readStepLogFile(io, values.steps, rules);
  const paid = values.payments === undefined ? undefined : await readPaymentFile(io, values.payments);
  const ledger = await agreementClaimsFromFile(values.ledger, register.agreements, {
    mapping,
    progress,
    sheet: values.sheet,
    onSheet: (name: string) => io.stderr(`Læser arket "${name}" i ${values.ledger}.\n`),
  });
  const list = worklistOf(register.agreements, ledger.claims, asOf, rules, log, paid);
  // The register's own unreadable rows are the list's errors too: none is dropped in silence.
  const w = { ...list, errors: [...register.errors, ...list.errors].sort((a, b) => a.row - b.row) };
  const all = { ...w, totals: { ...w.totals, errors: w.errors.length } };
  if (values.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(values.out, await (await portfolioWorkbooks()).worklistWorkbook(all));
  else {
    const text = `${JSON.stringify({ ...worklistToJson(all), source: { agreements: values.agreements, ledger: ledger.source } })}\n`;
    if (values.out === undefined) io.stdout(text);
    else await io.writeFile(values.out, text);
  }
  const n = (x: number) => x.toLocaleString('da-DK');
  const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;
  const states = all.totals.byState.map((s) => `${n(s.count)} ${s.state}`).join(', ');
  io.stderr(`Arbejdsliste pr. ${danishDate(asOf)}: ${count(all.totals.agreements, 'aftale', 'aftaler')} (${states || 'ingen'}); restance i alt ${kr(all.totals.arrears)}\n`);
  if (all.errors.length > 0) io.stderr(`${count(all.errors.length, 'aftale', 'aftaler')} kunne ikke tjekkes; se "errors" (eller arket Fejl).\n`);
  if (all.stepErrors.length > 0) io.stderr(`${count(all.stepErrors.length, 'række', 'rækker')} i rykkerloggen kunne ikke bruges; se "stepErrors" (eller arket Fejl).\n`);
  if (all.paymentErrors.length > 0) io.stderr(`${count(all.paymentErrors.length, 'række', 'rækker')} i indbetalingsfilen kunne ikke bruges; se "paymentErrors" (eller arket Fejl).\n`);
  if (all.ledgerErrors.length > 0) io.stderr(`${count(all.ledgerErrors.length, 'række', 'rækker')} i posteringslisten kunne ikke læses; se "ledgerErrors" (eller arket Fejl).\n`);
  const unknownKinds = unknownKindsText(all.ledgerErrors);
  if (unknownKinds !== '') io.stderr(`${unknownKinds} Se --mapping.\n`);
  io.stderr(`Posteringsfilen: ${lineAccountText(ledger.source.lines)}.\n`);
}
