/**
 * `saldo campaign --calls FIL --ledger FIL [--as-of DATO] [--out x.xlsx]`: the call log read whole
 * (a few thousand rows, .csv or .xlsx), the ledger streamed into core's campaign follow-up
 * (core/portfolio/campaign.ts). --as-of is today by default: a window counts only when it is over.
 */
import { danishDate, parseDate, toDayNumber, type CalendarDate } from '../core/calendar/date.js';
import { SaldoError } from '../core/errors.js';
import { parseAmountText } from '../core/input/number.js';
import { ore, type Ore } from '../core/money/ore.js';
import { readCallLog } from '../core/portfolio/callLog.js';
import { campaignOf, campaignSummaryText } from '../core/portfolio/campaign.js';
import { campaignToJson } from '../core/portfolio/campaignJson.js';
import { CAMPAIGN_OPTIONS } from './commands.js';
import { fileProblem, isFileError } from './fileErrors.js';
import { readMapping } from './mappingFile.js';
import { unknownKindsText } from '../core/ledger/ledgerMapping.js';
import { campaignLedgerFromFile } from './ledger/ledgerCommands.js';
import { lineAccountText } from './ledger/lineAccount.js';
import { outputPathProblem } from './outputPaths.js';
import type { CliIo } from './run.js';
import { localToday } from './today.js';

export interface CampaignValues {
  calls?: string;
  ledger?: string;
  'as-of'?: string;
  out?: string;
  quiet?: boolean;
  sheet?: string;
  mapping?: string;
  'hourly-cost'?: string;
}

/** The kommune's hourly cost in kroner (`450` or `450,00`): a positive amount, never guessed. */
function hourlyCostOf(text: string): Ore {
  const amount = parseAmountText(text);
  if (amount === null || amount <= 0) throw usage('--hourly-cost', `--hourly-cost skal være en timepris i kroner over 0, f.eks. 450 eller 450,00 (fik "${text}").`);
  return ore(amount);
}

/** A usage problem, said in Danish and exit 2 (the CLI prints a SaldoError's message as it is). */
const usage = (option: string, message: string): SaldoError => new SaldoError('MANGLER', option, undefined, message);

export async function runCampaign(values: Record<string, unknown>, io: CliIo, today: () => CalendarDate = localToday): Promise<void> {
  const other = Object.keys(values).find((k) => !CAMPAIGN_OPTIONS.includes(k) && values[k] !== undefined);
  if (other !== undefined) throw usage(`--${other}`, `--${other} bruges ikke af campaign (kun ${CAMPAIGN_OPTIONS.map((o) => `--${o}`).join(', ')}).`);
  const v = values as CampaignValues;
  if (v.calls === undefined) throw usage('--calls', 'Angiv opkaldsloggen med --calls FIL (.csv eller .xlsx).');
  if (v.ledger === undefined) throw usage('--ledger', 'Angiv posteringslisten med --ledger FIL (.csv, .xlsx eller .json).');
  if (v.sheet !== undefined && !v.ledger.toLowerCase().endsWith('.xlsx')) throw usage('--sheet', `--sheet bruges med en .xlsx-posteringsfil; "${v.ledger}" er ikke en .xlsx-fil.`);
  if (v.out !== undefined && !/\.(json|xlsx)$/i.test(v.out)) throw usage('--out', `--out skal være en .json- eller .xlsx-fil (fik "${v.out}").`);
  const pathProblem = outputPathProblem(values);
  if (pathProblem !== undefined) throw usage('--out', pathProblem);
  const asOf = v['as-of'] === undefined ? today() : parseDate(v['as-of'], '--as-of');
  const hourlyCost = v['hourly-cost'] === undefined ? undefined : hourlyCostOf(v['hourly-cost']);
  const path = v.calls;
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(path) : new TextEncoder().encode(await io.readFile(path));
  } catch (e) {
    throw usage('--calls', (e as { code?: string }).code === 'ENOENT' ? `Opkaldsloggen "${path}" findes ikke.` : `Opkaldsloggen "${path}" ${fileProblem(e)}.`);
  }
  // The table reader brings ExcelJS (for an .xlsx log): loaded only here.
  const table = await (await import('./tableFile.js')).readTableFile(bytes, path, `Opkaldsloggen "${path}"`, '--calls');
  const log = readCallLog(table.rows);
  // A line the CSV reader could not read is a blank row to the log and a problem here: none is dropped.
  const withProblems = { ...log, errors: [...table.problems, ...log.errors] };
  const progress = io.stderrIsTerminal?.() === true && !v.quiet ? (t: string) => io.stderr(t) : undefined;
  const day = toDayNumber(asOf);
  const ledgerPath = v.ledger;
  const mapping = v.mapping === undefined ? undefined : await readMapping(io, v.mapping);
  const read = await campaignLedgerFromFile(ledgerPath, day, {
    mapping,
    progress,
    sheet: v.sheet,
    onSheet: (name: string) => io.stderr(`Læser arket "${name}" i ${ledgerPath}.\n`),
  }).catch((e: unknown) => {
    if ((e as { code?: string }).code === 'ENOENT') throw usage('--ledger', `Posteringsfilen "${ledgerPath}" findes ikke.`);
    if (isFileError(e)) throw usage('--ledger', `Posteringsfilen "${ledgerPath}" ${fileProblem(e)}.`);
    throw e;
  });
  const { ledger, source } = read;
  const campaign = campaignOf(withProblems, ledger, day, { hourlyCost });
  if (v.out?.toLowerCase().endsWith('.xlsx')) await io.writeFile(v.out, await (await import('./xlsx/portfolioWorkbooks.js')).campaignWorkbook(campaign));
  else {
    const text = `${JSON.stringify({ ...campaignToJson(campaign), source: { calls: path, ledger: source } })}\n`;
    if (v.out === undefined) io.stdout(text);
    else await io.writeFile(v.out, text);
  }
  if (v['as-of'] === undefined) io.stderr(`Opgjort pr. i dag, ${danishDate(asOf)} (angiv en anden dato med --as-of).\n`);
  io.stderr(`${campaignSummaryText(campaign)}\n`);
  const n = campaign.errors.length;
  if (n > 0) io.stderr(`${n} ${n === 1 ? 'række' : 'rækker'} i opkaldsloggen kunne ikke bruges; se "errors" (eller arket Fejl).\n`);
  const m = campaign.ledgerErrors.length;
  if (m > 0) io.stderr(`${m} ${m === 1 ? 'række' : 'rækker'} i posteringslisten kunne ikke læses; se "ledgerErrors" (eller arket Fejl).\n`);
  const unknownKinds = unknownKindsText(campaign.ledgerErrors);
  if (unknownKinds !== '') io.stderr(`${unknownKinds} Se --mapping.\n`);
  io.stderr(`Posteringsfilen: ${lineAccountText(source.lines)}.\n`);
}
