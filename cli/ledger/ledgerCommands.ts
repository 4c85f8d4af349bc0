/**
 * `statements` and `analyse` on a ledger file: the file streams through core's builders, with a
 * progress bar on stderr when a person is watching (a terminal, and not --quiet).
 */
import { toDayNumber, parseDate } from '../../core/calendar/date.js';
import { parseYear } from '../../core/commands/ledger.js';
import { createAnalysisBuilder } from '../../core/ledger/analyse.js';
import { analysisToJson, headerColumns, statementToJson, type AnalyseOutput, type StatementsOutput } from '../../core/ledger/ledgerJson.js';
import { isRowError, parsePostingRow, type ColumnMap } from '../../core/ledger/posting.js';
import { createStatementBuilder } from '../../core/ledger/statement.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { readLedger } from './readLedger.js';
import { SaldoError } from '../../core/errors.js';

export interface LedgerOptions {
  year?: string;
  asOf?: string;
  maskCpr?: boolean;
  /** Where progress goes (stderr), or undefined for none. */
  progress?: (text: string) => void;
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

/** Feeds a ledger file into a sink of postings; returns the detected encoding/format. */
async function stream(path: string, sink: { add: (p: never) => void; addError: (e: { row: number; message: string }) => void }, label: string, options: LedgerOptions): Promise<string> {
  let columns: ColumnMap | null = null;
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
  );
  bar.finish();
  if (columns === null) throw new SaldoError('MANGLER', 'ledger', path, `Posteringsfilen "${path}" er tom: der er ingen overskriftsrække.`);
  return format;
}

export async function statementsFromFile(path: string, rules: RuleSet, options: LedgerOptions): Promise<StatementsOutput & { source: { file: string; format: string } }> {
  const year = parseYear(options.year === undefined ? undefined : Number(options.year), '--year');
  const builder = createStatementBuilder(year, rules);
  const format = await stream(path, builder, 'Saldoopgørelse', options);
  return { ...statementToJson(builder.finish(), { maskCpr: options.maskCpr === true }), source: { file: path, format } };
}

export async function analyseFromFile(path: string, options: LedgerOptions): Promise<AnalyseOutput & { source: { file: string; format: string } }> {
  if (options.asOf === undefined) throw new SaldoError('MANGLER', '--as-of', undefined, 'Angiv opgørelsesdatoen med --as-of ÅÅÅÅ-MM-DD.');
  const builder = createAnalysisBuilder(toDayNumber(parseDate(options.asOf, '--as-of')));
  const format = await stream(path, builder, 'Analyse', options);
  return { ...analysisToJson(builder.finish()), source: { file: path, format } };
}
