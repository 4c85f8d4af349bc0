/**
 * What the command line's runners share: the user error (exit 2), JSON and rule files read with
 * Danish errors, the letters' sender and input files, and the result written. Kept apart from
 * cli/run.ts so that the ledger and portfolio runners (cli/ledgerRun.ts), loaded on first use,
 * import these without the start importing them (issue 22: a CLI that starts at once).
 */
import { isSaldoError } from '../core/errors.js';
import { applyRuleOverride, defaultRules, type RuleSet } from '../core/rules/ruleSet.js';
import { batchJsonText, type CliAnswer } from './commands.js';
import { fileProblem, isFileError } from './fileErrors.js';
import { JSON_HINT, jsonErrorPlace } from './jsonText.js';
import type { CliIo } from './run.js';

/** A user error: printed as it is, exit 2. */
export class UsageError extends Error {}

export async function readJson(io: CliIo, path: string, what: string): Promise<unknown> {
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

export const rulesFiles = () => import('./rulesFile.js');

/**
 * The rules: the shipped ones, or with a rule file — JSON, or the `Saldo-regler` sheet as .xlsx
 * or .csv. A sheet with problems is refused whole, each problem told by its row: a command must
 * not run on a partly read rule sheet without anyone seeing it (exit 2).
 */
export async function loadRules(io: CliIo, path: string | undefined): Promise<RuleSet> {
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
  const { readRulesSheet } = await import('../core/rules/rulesSheet.js');
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

/** One result pretty-printed; a batch as one compact element per line (10,000 schedules stay fast). */
export function toJsonText(result: unknown, batch: boolean): string {
  if (!batch) return `${JSON.stringify(result, null, 2)}\n`;
  return [...batchJsonPieces(result as unknown[])].join('');
}

/** A batch's JSON (one compact element per line) in pieces: the elements' texts and what stands between them. */
export function batchJsonPieces(items: readonly unknown[]): Iterable<string> {
  return batchJsonText(items.map((item) => JSON.stringify(item)));
}

/** Text and bytes pieces as one string, each piece read as it comes (bytes are valid only until the next). */
function piecesText(pieces: Iterable<string | Uint8Array>): string {
  const texts: string[] = [];
  for (const piece of pieces) texts.push(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'));
  return texts.join('');
}

export async function writeOutput(io: CliIo, out: string | undefined, answer: CliAnswer, batch: boolean): Promise<void> {
  if (out !== undefined && out.toLowerCase().endsWith('.xlsx')) await io.writeFile(out, await answer.workbook());
  else if (batch && io.writeChunks) await io.writeChunks(out, answer.text ? answer.text() : batchJsonPieces(answer.json as unknown[]));
  else {
    const text = answer.text ? piecesText(answer.text()) : toJsonText(answer.json, batch);
    if (out === undefined) io.stdout(text);
    else await io.writeFile(out, text);
  }
}

/** A letters input file's bytes, or a Danish error naming the option. */
export async function inputBytes(io: CliIo, path: string, what: string): Promise<Uint8Array> {
  if (!io.readBytes) throw new UsageError(`${what} kræver adgang til filen.`);
  try {
    return await io.readBytes(path);
  } catch (e) {
    throw new UsageError((e as { code?: string }).code === 'ENOENT' ? `${what} "${path}" findes ikke.` : `${what} "${path}" ${fileProblem(e)}.`);
  }
}

/** The sender: a settings file and/or --kommune/--contact (these win). */
export async function letterSender(io: CliIo, values: { settings?: string; kommune?: string; contact?: string }) {
  const { parseKommuneSettings } = await import('../core/letters/settings.js');
  const settings = values.settings === undefined ? undefined : parseKommuneSettings(await readJson(io, values.settings, 'Indstillingsfilen'));
  return { ...settings, kommune: values.kommune ?? settings?.kommune ?? 'Kommunen', contact: values.contact ?? settings?.contact ?? 'Opkrævningen' };
}
