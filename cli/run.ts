/**
 * The command line, as a function of its arguments and I/O so tests can run it in-process.
 * Contract (SPEC): `saldo <command> --in FILE|- [--out FILE] [--rules FILE]`; JSON to stdout or a
 * workbook when --out ends in .xlsx; exit 0 on success, 2 with a Danish message on bad input.
 */
import { parseArgs } from 'node:util';
import { CAMPAIGN_OPTIONS, CLI_COMMANDS, isCliCommandName, type CliAnswer, type CliCommandName } from './commands.js';
import { isSaldoError } from '../core/errors.js';
import { applyRuleOverride, defaultRules, type RuleSet } from '../core/rules/ruleSet.js';
import { readRulesSheet, RULES_SHEET } from '../core/rules/rulesSheet.js';
import { agreementClaimsFromFile, analyseFromFile, funnelFromFile, limitationFromFile, statementOfFile } from './ledger/ledgerCommands.js';
import { parseDate } from '../core/calendar/date.js';
import { kr } from '../core/report/format.js';
import { danishDate, type CalendarDate } from '../core/calendar/date.js';
import { readAgreementRegister, type AgreementRegister } from '../core/portfolio/agreementRegister.js';
import { inAgreementOf } from '../core/portfolio/funnel.js';
import { readStepLog, type StepLog } from '../core/portfolio/stepLog.js';
import { periodName } from '../core/followup/periods.js';
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
import { readMapping } from './mappingFile.js';
import type { RowError } from '../core/ledger/posting.js';
import { JSON_HINT, jsonErrorPlace } from './jsonText.js';
import { fileProblem, isFileError } from './fileErrors.js';
import { lineAccountText, type LineAccount } from './ledger/lineAccount.js';
import { terminalSafe } from './terminalText.js';
import { outputPathProblem } from './outputPaths.js';
import packageJson from '../package.json';
import { localToday } from './today.js';
import { parseKommuneSettings } from '../core/letters/settings.js';
import { parseCaseParty } from '../core/letters/decisionLetters.js';
import { runOnJson, type BatchError, type HenstandInput } from '../core/commands/index.js';
import type { Statement } from '../core/ledger/statement.js';

// The workbook writers pull in ExcelJS (~150 ms to load): only when a workbook is asked for.
const ledgerWorkbooks = () => import('./xlsx/ledgerWorkbooks.js');
const followupWorkbooks = () => import('./xlsx/followupWorkbook.js');
const portfolioWorkbooks = () => import('./xlsx/portfolioWorkbooks.js');
// The register's reader brings ExcelJS (for an .xlsx register): only for worklist.
const tableFiles = () => import('./tableFile.js');

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** A binary file (a workbook); optional. */
  readBytes?(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Writes text piece by piece to a file, or to stdout when `path` is undefined (large JSON); optional. */
  writeChunks?(path: string | undefined, chunks: Iterable<string>): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when a person watches stderr (a terminal): then long work shows progress. */
  stderrIsTTY?: boolean;
  /** Makes a folder and its parents (letters to a folder); optional. */
  makeFolder?(path: string): Promise<void>;
  /** The names in a folder, or null when there is no folder there; optional. */
  folderEntries?(path: string): Promise<string[] | null>;
}

export const USAGE = `Brug: saldo <kommando> --in FIL [--out FIL] [--rules FIL]

Kommandoer:
  plan      betalingsaftale: afdragsplan med forfaldsdatoer, gebyrer, renter og restgæld
  henstand  en aftale før og efter henstand, side om side, med advarsler efter politikken
  status    er aftalen overholdt? indbetalinger mod ydelser, restance og næste rykkerskridt
  statements  saldoopgørelser pr. debitor og fordring fra en posteringsliste (.csv, .xlsx, .json); kræver --year
  analyse     aldersfordeling, udvikling pr. måned og største debitorer; kræver --as-of,
              perioden --from/--to er valgfri (standard de 12 måneder til og med --as-of)
  limitation  forældelsesradar: åbne fordringer, der forældes inden for --days dage fra --as-of,
              med beløb, fordringstype og det skridt, der afbryder forældelsen; og de allerede forældede
  funnel      opkrævningstragten: nye fordringer pr. type og forfaldsmåned, og hvordan de endte
              (betalt før/efter rykker, i aftale, sendt til inddrivelse, afskrevet, åben); kræver --from og --to
  followup    opfølgning på mål pr. kvartal eller måned (kontroltryk, træfprocent …) i ministeriets
              skabelon, med diagrammer og årsrapportens tabel over målopfyldelsen
  worklist    arbejdslisten: hver aftale i aftaleregistret mod posteringslisten på en dato, mest
              presserende først (--agreements FIL --ledger FIL --as-of DATO)
  campaign    opfølgning på en opkaldskampagne: opkald, kontakter, aftaler og betalt inden for 3 og 6
              måneder pr. uge og sagsbehandler, og de ringede mod sammenlignelige ikke-ringede
              (--calls FIL --ledger FIL [--as-of DATO, standard i dag])
  regler      skriv reglerne i brug til arket Saldo-regler (--out regler.xlsx eller regler.csv) til at rette i

Valg:
  --in FIL      input som JSON (et objekt, eller en liste for flere aftaler); "-" læser fra standard input
  --out FIL     skriv resultatet til FIL: .xlsx giver en formateret projektmappe, ellers JSON
  --rules FIL   regelfil der supplerer eller erstatter standardreglerne: JSON, eller arket
                Saldo-regler som .xlsx eller .csv (;-separeret); fejl i arket giver exit 2
  --year ÅR     opgørelsesåret (statements)
  --as-of DATO  opgørelsesdatoen ÅÅÅÅ-MM-DD (analyse, limitation, worklist, campaign, status med --agreements); med funnel: posteringer til
                og med denne dag tæller (ellers posteringslistens sidste bogføringsdato)
  --days DAGE   forældelsesradarens vindue i dage, et positivt helt tal (limitation; standard 180)
  --from DATO, --to DATO  perioden ÅÅÅÅ-MM-DD (funnel): forfaldsmånederne fra måneden i --from
                til og med måneden i --to; (analyse): udviklingen pr. måned og periodens tal fra
                --from til og med --to, højst til --as-of
  --mask-cpr    skjul CPR-numre som ddmmåå-xxxx i al uddata: debitor, navn, fordring, fejl (statements, analyse, limitation)
  --sheet NAVN  arket i en .xlsx-posteringsfil (statements, analyse, limitation, funnel); ellers læses det første synlige ark
  --mapping FIL kommunens egne ord for posteringslistens kolonner og arter (.csv eller .xlsx med
                kolonnerne Slags, I filen, Betyder; f.eks. art;Udligning;betaling); med
                statements, analyse, limitation, funnel, worklist og campaign
  --letters MÅL  skriv breve til borgerne (statements): en MAPPE/ giver én PDF pr. modtager
                og alle.pdf til print; breve.pdf én samlet PDF; breve.docx Word; breve.xlsx
                ark til print. Brevene skjuler CPR-numre, medmindre --show-cpr er angivet
  --template FIL  kommunens egen brevskabelon (.docx) til PDF- og Word-brevene
  --settings FIL  kommunens oplysninger til brevene (JSON): kommune, sender, contact, account
  --addresses FIL adresser pr. debitor (.csv eller .xlsx); ellers adressekolonnerne i posteringsfilen
  --letters brev.pdf|brev.docx  med plan: aftalebrevet; med henstand: afgørelsen om henstand
  --recipient FIL modtageren af brevet om sagen (JSON): name, address (liste af linjer), reference
  --grounds TEKST begrundelsen i afgørelsen om henstand
  --show-cpr    vis hele CPR-numre i brevene (kun med --letters; ikke sammen med --mask-cpr)
  --previous FIL  sidste opfølgning (.xlsx eller .json): årsag og handling føres videre (followup)
  --quarters    månedstal vist som hele kvartaler i skabelonen (followup); månederne står så på
                arket Måneder. Uden valget står månederne i skabelonen
  --agreements FIL  aftaleregistret (.csv eller .xlsx), én række pr. aftale (worklist); med funnel:
                  registrets fordringer tæller som "i aftale", mens de står åbne; med plan,
                  henstand og status (og --ledger; status også --as-of): hver aftale i registret
                  beregnet, uden JSON; med statements --letters: en kørende, overholdt aftales
                  debitor får brevet "betal som aftalt" for aftalens fordringer
  --ledger FIL    posteringslisten (.csv, .xlsx eller .json) med aftalernes fordringer (worklist, campaign)
  --steps FIL     rykkerloggen (.csv eller .xlsx: Aftale, Trin, Dato), trin uden gebyr med (worklist, status);
                  for aftalerne i loggen gælder dens trin, ellers læses rykkergebyrerne i posteringslisten
  --payments FIL  indbetalingsfilen (.csv eller .xlsx: Aftale, Dato, Beløb) (worklist, status); for
                  aftalerne i filen gælder dens indbetalinger i stedet for posteringslistens
  --calls FIL     opkaldsloggen (.csv eller .xlsx): Dato, Sagsbehandler, Debitor, Udfald, Minutter (campaign)
  --hourly-cost KR  kommunens timepris (løn med overhead) for opkaldenes tid: omkostningen mod
                  betalt (campaign); uden den ingen omkostning
  --kommune NAVN, --contact TEKST   afsender og kontaktoplysninger i brevene
  --quiet       ingen fremdriftslinje
  --help        vis denne hjælp
  --version     vis Saldos version

Eksempel: npm run --silent saldo -- plan --in examples/betalingsaftaler/1-daginstitution.json
`;

/**
 * The most debtors a statements or letters workbook is made for: 50,000 debtors took 688 MB
 * (measured, 2026-12-03), and 500,000 took 4,7 GB; JSON output streams and has no such limit.
 */
export const WORKBOOK_DEBTOR_LIMIT = 100_000;

/** A user error: printed as it is, exit 2. */
class UsageError extends Error {}

/**
 * The io with its writes made safe: a path that cannot be written is a Danish usage error naming
 * that path (not "Intern fejl: ENOENT", and not blamed on the input file); and every stderr line
 * passes terminalSafe here, once, since messages quote ledger cells and JSON values.
 */
function withSafeWrites(io: CliIo): CliIo {
  const failed = (path: string | undefined, e: unknown): never => {
    // standard output (no path) has its own end: a closed pipe is handled in main.ts
    if (path === undefined || !isFileError(e)) throw e;
    throw new UsageError(`Filen "${path}" ${fileProblem(e, true)}.`);
  };
  return {
    ...io,
    stderr: (text) => io.stderr(terminalSafe(text)),
    writeFile: (path, data) => io.writeFile(path, data).catch((e: unknown) => failed(path, e)),
    writeChunks: io.writeChunks && ((path, chunks) => io.writeChunks!(path, chunks).catch((e: unknown) => failed(path, e))),
  };
}

async function readJson(io: CliIo, path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await io.readFile(path);
  } catch (e) {
    throw new UsageError((e as { code?: string }).code === 'ENOENT' ? `${what} "${path}" findes ikke.` : `${what} "${path}" ${fileProblem(e)}.`);
  }
  if (text.trim() === '') throw new UsageError(`${what} er tom: forventede JSON.`);
  // UTF-16 ("Unicode-tekst") read as UTF-8 starts with two replacement characters or holds NULs.
  if (text.startsWith('\ufffd\ufffd') || text.slice(0, 8).includes('\u0000')) throw new UsageError(`${what} "${path}" er gemt som UTF-16 ("Unicode-tekst"). Gem den som UTF-8.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new UsageError(`${what} er ikke gyldig JSON${jsonErrorPlace(body, (e as Error).message)}. ${JSON_HINT}`);
  }
}

const rulesFiles = () => import('./rulesFile.js');

/**
 * The rules: the shipped ones, or with a rule file — JSON, or the `Saldo-regler` sheet as .xlsx
 * or .csv. A sheet with problems is refused whole, each problem told by its row: a command must
 * not run on a partly read rule sheet without anyone seeing it (exit 2).
 */
async function loadRules(io: CliIo, path: string | undefined): Promise<RuleSet> {
  if (path === undefined) return defaultRules;
  const lower = path.toLowerCase();
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.csv')) return applyRuleOverride(defaultRules, await readJson(io, path, 'Regelfilen'));
  const files = await rulesFiles();
  let cells: unknown[][];
  try {
    if (lower.endsWith('.xlsx')) {
      if (!io.readBytes) throw new UsageError('--rules med .xlsx kræver adgang til filen.');
      cells = await files.rulesCellsFromXlsx(await io.readBytes(path), path);
    } else cells = files.rulesCellsFromCsv(await io.readFile(path), path);
  } catch (e) {
    if (isSaldoError(e) || e instanceof UsageError) throw e;
    if ((e as { code?: string }).code === 'ENOENT') throw new UsageError(`Regelfilen "${path}" findes ikke.`);
    if (isFileError(e)) throw new UsageError(`Regelfilen "${path}" ${fileProblem(e)}.`);
    throw new UsageError(`Regelfilen "${path}" er ikke en læsbar .xlsx-fil.`);
  }
  const read = readRulesSheet(cells, { base: defaultRules });
  if (read.problems.length > 0) {
    const n = read.problems.length;
    throw new UsageError(
      `${read.problems.map((p) => p.message).join('\n')}\nRegelarket i "${path}" har ${n} fejl: Saldo regner ikke på et regelark, der kun delvist kan læses. Ret ${n === 1 ? 'rækken' : 'rækkerne'} og kør igen.`,
    );
  }
  if (read.changed.length > 0) io.stderr(`Regler fra "${path}": ${read.changed.join('; ')}.\n`);
  return read.rules;
}

/** `saldo regler --out regler.xlsx|regler.csv [--rules FIL]`: the rules in use as the `Saldo-regler` sheet. */
async function writeRulesSheet(io: CliIo, values: { out?: string; rules?: string }): Promise<void> {
  const out = values.out;
  if (out === undefined || !/\.(xlsx|csv)$/i.test(out)) throw new UsageError(`Angiv hvor arket skal skrives: regler --out regler.xlsx (eller regler.csv).`);
  const rules = await loadRules(io, values.rules);
  const files = await rulesFiles();
  await io.writeFile(out, out.toLowerCase().endsWith('.csv') ? files.rulesCsv(rules) : await files.rulesWorkbook(rules));
  io.stderr(`Reglerne er skrevet til arket "${RULES_SHEET}" i ${out}. Ret et tal dér, skriv kilde og kontroldato i samme række, og brug filen med --rules.\n`);
}

/** One result pretty-printed; a batch as one compact element per line (10,000 schedules stay fast). */
export function toJsonText(result: unknown, batch: boolean): string {
  if (!batch) return `${JSON.stringify(result, null, 2)}\n`;
  const items = result as unknown[];
  return items.length === 0 ? '[]\n' : `[\n${items.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

async function writeOutput(io: CliIo, out: string | undefined, answer: CliAnswer, batch: boolean): Promise<void> {
  if (out === undefined) io.stdout(toJsonText(answer.json, batch));
  else if (out.toLowerCase().endsWith('.xlsx')) await io.writeFile(out, await answer.workbook());
  else await io.writeFile(out, toJsonText(answer.json, batch));
}

interface LedgerValues {
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

/** The followup input with `previous` taken from last quarter's workbook (.xlsx) or JSON output. */
async function withPrevious(io: CliIo, input: unknown, path: string): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  if ((input as { previous?: unknown }).previous !== undefined) throw new UsageError('Inputtet har allerede "previous": brug enten det eller --previous.');
  let previous: unknown;
  if (path.toLowerCase().endsWith('.xlsx')) {
    if (!io.readBytes) throw new UsageError('--previous med .xlsx kræver adgang til filen.');
    let bytes: Uint8Array;
    try {
      bytes = await io.readBytes(path);
    } catch (e) {
      throw new UsageError(`Den forrige opfølgning "${path}" ${fileProblem(e)}.`);
    }
    try {
      previous = await (await followupWorkbooks()).previousTextFromWorkbook(bytes);
    } catch (e) {
      if (isSaldoError(e)) throw e;
      throw new UsageError(`Den forrige opfølgning "${path}" er ikke en læsbar .xlsx-fil.`);
    }
  } else {
    const json = await readJson(io, path, 'Den forrige opfølgning');
    // A previous JSON output says how far it ran (elapsed, granularity): its text is marked with that period.
    const out = json as { rows?: unknown; elapsed?: unknown; granularity?: unknown };
    const period = typeof out.elapsed === 'number' && out.elapsed > 0 ? periodName(out.elapsed, out.granularity === 'month' ? 'month' : 'quarter') : undefined;
    previous =
      typeof json === 'object' && json !== null && 'rows' in json && Array.isArray(out.rows)
        ? out.rows.map((r: unknown) => (period && typeof r === 'object' && r !== null ? { ...r, period } : r))
        : json;
  }
  return { ...input, previous };
}

/**
 * The followup input with `"quarters": true` when --quarters is given (monthly data shown as
 * complete quarters). An input that says `"quarters": false` contradicts it and is refused.
 */
function withQuarters(input: unknown, quarters: boolean): unknown {
  if (!quarters || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const own = (input as { quarters?: unknown }).quarters;
  if (own !== undefined && own !== true) throw new UsageError(`Inputtet har "quarters": ${JSON.stringify(own)}, og --quarters beder om kvartaler: brug det ene af dem.`);
  return { ...input, quarters: true };
}

/** A letters input file's bytes, or a Danish error naming the option. */
async function inputBytes(io: CliIo, path: string, what: string): Promise<Uint8Array> {
  if (!io.readBytes) throw new UsageError(`${what} kræver adgang til filen.`);
  try {
    return await io.readBytes(path);
  } catch (e) {
    throw new UsageError((e as { code?: string }).code === 'ENOENT' ? `${what} "${path}" findes ikke.` : `${what} "${path}" ${fileProblem(e)}.`);
  }
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
    { writeFile: io.writeFile, stderr: io.stderr, makeFolder: io.makeFolder ?? noFolders, folderEntries: io.folderEntries ?? (async () => null), stderrIsTTY: io.stderrIsTTY === true },
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

/** The sender: a settings file and/or --kommune/--contact (these win). */
async function letterSender(io: CliIo, values: { settings?: string; kommune?: string; contact?: string }) {
  const settings = values.settings === undefined ? undefined : parseKommuneSettings(await readJson(io, values.settings, 'Indstillingsfilen'));
  return { ...settings, kommune: values.kommune ?? settings?.kommune ?? 'Kommunen', contact: values.contact ?? settings?.contact ?? 'Opkrævningen' };
}

/** `plan`/`henstand --letters`: the aftalebrev or the henstand decision for the recipient in --recipient. */
async function writeCaseLetterFile(io: CliIo, name: 'plan' | 'henstand', input: unknown, values: LedgerValues & { recipient?: string; grounds?: string }, rules: RuleSet): Promise<void> {
  if (values.recipient === undefined)
    throw new UsageError('--letters til et brev om sagen kræver --recipient modtager.json: {"name": "Hansen, Jens", "address": ["Strandvejen 12", "2635 Ishøj"], "reference": "S-2026-17"}.');
  const party = parseCaseParty(await readJson(io, values.recipient, 'Modtagerfilen'));
  const settings = await letterSender(io, values);
  const template = values.template === undefined ? undefined : { path: values.template, bytes: await inputBytes(io, values.template, 'Skabelonen') };
  const date = localToday();
  const { writeCaseLetter } = await import('./letters.js');
  if (name === 'plan') {
    const schedule = runOnJson('plan', input, rules);
    const raw = input as { frequency?: 'monthly' | 'quarterly'; claims?: Array<{ type?: string }> };
    const letter = runOnJson('agreementLetter', { schedule, frequency: raw.frequency ?? 'monthly', types: (raw.claims ?? []).map((c) => c.type ?? 'andet'), party, settings, date }, rules);
    await writeCaseLetter(io, values.letters!, letter, 'aftalebrev', settings, template);
  } else {
    if (typeof input === 'object' && input !== null && 'claim' in input) throw new UsageError('--letters laver afgørelsen om henstand på en aftale ("claims"), ikke på én fordring.');
    const letter = runOnJson('henstandLetter', { henstand: input as HenstandInput, grounds: values.grounds ?? '', party, settings, date }, rules);
    await writeCaseLetter(io, values.letters!, letter, 'henstand', settings, template);
  }
}

/** `statements`/`analyse`/`limitation`/`funnel` on a ledger file: streamed, with progress on a terminal. */
async function runLedgerFile(name: 'statements' | 'analyse' | 'limitation' | 'funnel', values: LedgerValues, rules: RuleSet, io: CliIo): Promise<void> {
  const path = values.in!;
  const progress = io.stderrIsTTY && !values.quiet ? (t: string) => io.stderr(t) : undefined;
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
async function runRegisterBatch(name: 'plan' | 'henstand' | 'status', values: Arguments['values'], io: CliIo): Promise<void> {
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
  const progress = io.stderrIsTTY && !values.quiet ? (t: string) => io.stderr(t) : undefined;
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
 * Options that would be passed over in silence are refused: one the command does not use
 * (`plan --year`), one given twice (which counts?), and an --out that is neither .json nor .xlsx
 * (JSON written into "x.csv" would mislead).
 */
function checkOptions(name: CliCommandName, values: Record<string, unknown>, argv: readonly string[]): void {
  for (const option of [
    'year',
    'as-of',
    'days',
    'from',
    'to',
    'mask-cpr',
    'show-cpr',
    'letters',
    'kommune',
    'contact',
    'previous',
    'quarters',
    'sheet',
    'mapping',
    'template',
    'settings',
    'addresses',
    'recipient',
    'grounds',
    'agreements',
    'ledger',
    'steps',
    'payments',
  ]) {
    if (values[option] !== undefined && !CLI_COMMANDS[name].options.includes(option)) {
      // worklist has a runner of its own (runWorklist), not an entry in CLI_COMMANDS.
      const users = [
        ...Object.entries(CLI_COMMANDS)
          .filter(([, c]) => c.options.includes(option))
          .map(([n]) => n),
        ...(WORKLIST_OPTIONS.includes(option) ? ['worklist'] : []),
        ...(CAMPAIGN_OPTIONS.includes(option) ? ['campaign'] : []),
        ...(option === 'steps' || option === 'payments' ? ['status --agreements'] : []),
      ];
      const list = users.length < 2 ? users.join('') : `${users.slice(0, -1).join(', ')} og ${users[users.length - 1]}`;
      throw new UsageError(`--${option} bruges ikke af ${name} (kun af ${list}).`);
    }
  }
  if (values['show-cpr'] !== undefined && values['mask-cpr'] !== undefined) {
    throw new UsageError('--show-cpr og --mask-cpr modsiger hinanden: brug --mask-cpr for at skjule CPR-numre overalt, eller --show-cpr for at vise dem i brevene.');
  }
  if (values['show-cpr'] !== undefined && values.letters === undefined) {
    throw new UsageError('--show-cpr gælder brevene: brug det sammen med --letters FIL (brevene skjuler ellers CPR-numre).');
  }
  for (const option of ['kommune', 'contact', 'template', 'settings', 'addresses', 'recipient', 'grounds']) {
    if (values[option] !== undefined && values.letters === undefined) throw new UsageError(`--${option} gælder brevene: brug det sammen med --letters MÅL.`);
  }
  if (name === 'statements' && values.agreements !== undefined && values.letters === undefined) {
    throw new UsageError('--agreements gælder brevene med statements: brug det sammen med --letters MÅL (aftaleregistret ændrer kun, hvad brevene beder om).');
  }
  const seen = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    const option = /^--([\w-]+)/.exec(arg)?.[1];
    if (option === undefined) continue;
    if (seen.has(option)) throw new UsageError(`--${option} er angivet to gange; angiv det én gang.`);
    seen.add(option);
  }
  const out = values.out;
  if (typeof out === 'string' && !/\.(json|xlsx)$/i.test(out)) {
    throw new UsageError(`--out skal være en .json- eller .xlsx-fil (fik "${out}").`);
  }
}

const OPTIONS = {
  in: { type: 'string' },
  out: { type: 'string' },
  rules: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  year: { type: 'string' },
  'as-of': { type: 'string' },
  days: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'mask-cpr': { type: 'boolean' },
  'show-cpr': { type: 'boolean' },
  letters: { type: 'string' },
  kommune: { type: 'string' },
  contact: { type: 'string' },
  quiet: { type: 'boolean' },
  previous: { type: 'string' },
  quarters: { type: 'boolean' },
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  template: { type: 'string' },
  settings: { type: 'string' },
  addresses: { type: 'string' },
  recipient: { type: 'string' },
  grounds: { type: 'string' },
  agreements: { type: 'string' },
  ledger: { type: 'string' },
  steps: { type: 'string' },
  payments: { type: 'string' },
  calls: { type: 'string' },
  'hourly-cost': { type: 'string' },
} as const;

type Arguments = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

/**
 * The command line, read by parseArgs's tokens: each problem is told in Danish from the token
 * itself (Node's own errors are English text, and Saldo reads no message apart).
 */
function readArguments(argv: readonly string[]): Arguments {
  const parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    const type = Object.hasOwn(OPTIONS, t.name) ? OPTIONS[t.name as keyof typeof OPTIONS].type : undefined;
    const option = t.rawName;
    let problem: string | undefined;
    if (type === undefined) problem = `Ukendt valg "${option}".`;
    else if (type === 'boolean' && t.value !== undefined) problem = `Valget ${option} tager ingen værdi: skriv blot ${option}.`;
    else if (type === 'string' && t.value === undefined) problem = `Valget ${option} mangler en værdi.`;
    // "--year -1": a value that starts with a dash could be the next option ("-" alone is standard input).
    else if (type === 'string' && !t.inlineValue && t.value !== undefined && t.value.length > 1 && t.value.startsWith('-'))
      problem = `Værdien efter ${option} begynder med "-": skriv den som ${option}=-… hvis det er ment.`;
    if (problem !== undefined) throw new UsageError(`${problem}\n\n${USAGE}`);
  }
  // Every option token has been checked against OPTIONS: the values have the strict types.
  return parsed as unknown as Arguments;
}

const WORKLIST_OPTIONS = ['agreements', 'ledger', 'steps', 'payments', 'as-of', 'out', 'rules', 'quiet', 'sheet', 'mapping'];

/**
 * `worklist --agreements FIL --ledger FIL --as-of DATO`: the register read whole (a few thousand
 * rows), the ledger streamed keeping only the register's debtors' postings.
 */
async function runWorklist(values: Arguments['values'], io: CliIo): Promise<void> {
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
  const progress = io.stderrIsTTY && !values.quiet ? (t: string) => io.stderr(t) : undefined;
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

/** Runs the CLI; returns the exit code. Never throws for bad input and never prints a stack trace. */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  const io = withSafeWrites(given);
  try {
    const parsed = readArguments(argv);
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (values.version) {
      io.stdout(`saldo ${packageJson.version}\n`);
      return 0;
    }
    const [name, ...rest] = positionals;
    if (name === undefined) throw new UsageError(`Angiv en kommando.\n\n${USAGE}`);
    if (name === 'regler') {
      if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}".`);
      const other = Object.keys(values).find((k) => k !== 'out' && k !== 'rules' && k !== 'quiet' && (values as Record<string, unknown>)[k] !== undefined);
      if (other !== undefined) throw new UsageError(`--${other} bruges ikke af regler (kun --out og --rules).`);
      checkOptions('plan', {}, argv);
      const pathProblem = outputPathProblem(values);
      if (pathProblem !== undefined) throw new UsageError(pathProblem);
      await writeRulesSheet(io, values);
      return 0;
    }
    if ((name === 'plan' || name === 'henstand' || name === 'status') && values.agreements !== undefined) {
      if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}".`);
      await runRegisterBatch(name, values, io);
      return 0;
    }
    if (name === 'worklist') {
      if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}".`);
      await runWorklist(values, io);
      return 0;
    }
    if (name === 'campaign') {
      if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}".`);
      checkOptions('plan', {}, argv);
      await (await import('./campaign.js')).runCampaign(values, io);
      return 0;
    }
    if (!isCliCommandName(name)) throw new UsageError(`Ukendt kommando "${name}".\n\n${USAGE}`);
    if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}". Input gives med --in FIL.`);
    if (values.in === undefined) throw new UsageError(`Angiv input med --in FIL (eller --in - for standard input).\n\n${USAGE}`);
    checkOptions(name, values, argv);
    // Before any work: an output onto an input, another output or a link destroys a file.
    const pathProblem = outputPathProblem(values);
    if (pathProblem !== undefined) throw new UsageError(pathProblem);

    const rules = await loadRules(io, values.rules);
    // A ledger file streams (.csv, .xlsx, or .json rows with --year/--as-of); a JSON input with
    // its own year/asOf (a file, or standard input) goes through the command map.
    const command = CLI_COMMANDS[name];
    // The funnel's JSON carries from, to and asOf: a .json file with none of the three is such an input.
    const ownParameters =
      values.in.toLowerCase().endsWith('.json') &&
      (name === 'statements' ? values.year === undefined : name === 'funnel' ? values.from === undefined && values.to === undefined && values['as-of'] === undefined : values['as-of'] === undefined);
    if ((name === 'statements' || name === 'analyse' || name === 'limitation' || name === 'funnel') && command.ledgerFile && values.in !== '-' && !ownParameters) {
      await runLedgerFile(name, values, rules, io);
      return 0;
    }
    if (values.letters !== undefined && name !== 'plan' && name !== 'henstand') throw new UsageError('--letters bruges med statements på en posteringsfil.');
    // JSON input carries its own year, asOf and maskCpr: an option here would be silently ignored
    // (--mask-cpr ignored would print CPR numbers), so it is refused.
    const ledgerOptions = (['year', 'as-of', 'days', 'from', 'to', 'mask-cpr', 'sheet', 'mapping'] as const).filter((o) => values[o] !== undefined);
    if (command.ledgerFile && ledgerOptions.length > 0) {
      throw new UsageError(
        name === 'funnel'
          ? `--${ledgerOptions[0]} bruges med en posteringsfil (.csv, .xlsx, .json med --from/--to). Med JSON-input fra standard input står "from", "to" og "asOf" i inputtet.`
          : `--${ledgerOptions[0]} bruges med en posteringsfil (.csv, .xlsx, .json med --year/--as-of). Med JSON-input fra standard input står "year", "asOf", "from", "to", "days" og "maskCpr" i inputtet.`,
      );
    }
    if (values.previous !== undefined && name !== 'followup') throw new UsageError('--previous bruges med followup.');
    const raw = await readJson(io, values.in, 'Inputfilen');
    const input = withQuarters(values.previous === undefined ? raw : await withPrevious(io, raw, values.previous), values.quarters === true);
    const batch = Array.isArray(input);
    if (batch && !command.batch) throw new UsageError(`"${name}" tager ét objekt, ikke en liste.`);
    if (values.letters !== undefined) {
      if (batch) throw new UsageError('--letters laver ét brev: giv én aftale, ikke en liste.');
      await writeCaseLetterFile(io, name as 'plan' | 'henstand', input, values, rules);
    }
    const answer = await command.answer(input, rules, batch, values.out?.toLowerCase().endsWith('.xlsx') ?? false);
    await writeOutput(io, values.out, answer, batch);
    for (const line of answer.stderr) io.stderr(`${line}\n`);
    return 0;
  } catch (e) {
    if (isSaldoError(e) || e instanceof UsageError) {
      io.stderr(`${e.message}\n`);
      return 2;
    }
    // A bug in Saldo, not the user's input: say so plainly, without a stack trace.
    io.stderr(`Intern fejl i Saldo: ${(e as Error)?.message ?? String(e)}\nMeld fejlen til udviklerne sammen med inputtet.\n`);
    return 1;
  }
}
