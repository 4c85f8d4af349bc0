/**
 * The command line, as a function of its arguments and I/O so tests can run it in-process.
 * Contract (SPEC): `saldo <command> --in FILE|- [--out FILE] [--rules FILE]`; JSON to stdout or a
 * workbook when --out ends in .xlsx; exit 0 on success, 2 with a Danish message on bad input.
 */
import { parseArgs } from 'node:util';
import { CAMPAIGN_OPTIONS, CLI_COMMANDS, isCliCommandName, WORKLIST_OPTIONS, type CliCommandName } from './commands.js';
import { isSaldoError } from '../core/errors.js';
import { localToday } from './today.js';
import { fileProblem, isFileError } from './fileErrors.js';
import { terminalSafe } from './terminalText.js';
import { outputPathProblem } from './outputPaths.js';
import packageJson from '../package.json';
import type { HenstandInput } from '../core/commands/index.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import { inputBytes, letterSender, loadRules, readJson, rulesFiles, UsageError, writeOutput } from './cliShared.js';
import type { LedgerValues } from './ledgerRun.js';

export { toJsonText } from './cliShared.js';

// The workbook writers pull in ExcelJS (~150 ms to load): only when a workbook is asked for.
const followupWorkbooks = () => import('./xlsx/followupWorkbook.js');
// The ledger and portfolio runners (CSV and workbook readers, worker threads, the portfolio's
// core): only for the commands that read a ledger or a register (issue 22).
const ledgerRun = () => import('./ledgerRun.js');

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** A binary file (a workbook); optional. */
  readBytes?(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Writes text piece by piece to a file, or to stdout when `path` is undefined (large JSON); optional. */
  writeChunks?(path: string | undefined, chunks: Iterable<string | Uint8Array>): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * True when a person watches stderr (a terminal): then long work shows progress. Asked, not
   * given: making process.stderr loads Node's streams, 5 ms of a command that shows none (issue 22).
   */
  stderrIsTerminal?(): boolean;
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

/** `saldo regler --out regler.xlsx|regler.csv [--rules FIL]`: the rules in use as the `Saldo-regler` sheet. */
async function writeRulesSheet(io: CliIo, values: { out?: string; rules?: string }): Promise<void> {
  const out = values.out;
  if (out === undefined || !/\.(xlsx|csv)$/i.test(out)) throw new UsageError(`Angiv hvor arket skal skrives: regler --out regler.xlsx (eller regler.csv).`);
  const rules = await loadRules(io, values.rules);
  const files = await rulesFiles();
  await io.writeFile(out, out.toLowerCase().endsWith('.csv') ? files.rulesCsv(rules) : await files.rulesWorkbook(rules));
  const { RULES_SHEET } = await import('../core/rules/rulesSheet.js');
  io.stderr(`Reglerne er skrevet til arket "${RULES_SHEET}" i ${out}. Ret et tal dér, skriv kilde og kontroldato i samme række, og brug filen med --rules.\n`);
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
    const { periodName } = await import('../core/followup/periods.js');
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

/** `plan`/`henstand --letters`: the aftalebrev or the henstand decision for the recipient in --recipient. */
async function writeCaseLetterFile(io: CliIo, name: 'plan' | 'henstand', input: unknown, values: LedgerValues & { recipient?: string; grounds?: string }, rules: RuleSet): Promise<void> {
  if (values.recipient === undefined)
    throw new UsageError('--letters til et brev om sagen kræver --recipient modtager.json: {"name": "Hansen, Jens", "address": ["Strandvejen 12", "2635 Ishøj"], "reference": "S-2026-17"}.');
  const { parseCaseParty } = await import('../core/letters/decisionLetters.js');
  const party = parseCaseParty(await readJson(io, values.recipient, 'Modtagerfilen'));
  const settings = await letterSender(io, values);
  const template = values.template === undefined ? undefined : { path: values.template, bytes: await inputBytes(io, values.template, 'Skabelonen') };
  const date = localToday();
  const { writeCaseLetter } = await import('./letters.js');
  const { runOnJson } = await import('../core/commands/index.js');
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

export type Arguments = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

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
      await (await ledgerRun()).runRegisterBatch(name, values, io);
      return 0;
    }
    if (name === 'worklist') {
      if (rest.length > 0) throw new UsageError(`Uventet argument "${rest[0]}".`);
      await (await ledgerRun()).runWorklist(values, io);
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
      await (await ledgerRun()).runLedgerFile(name, values, rules, io);
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
    const answer = await command.answer(input, rules, batch, values.out?.toLowerCase().endsWith('.xlsx') ?? false, undefined, true);
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
