/**
 * Runs `statements` in this process as the CLI does (JSON written piece by piece) and prints its
 * wall time, peak memory and the figures `npm run bench` checks against DuckDB.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { statementOfFile } from '../cli/ledger/ledgerCommands.js';
import { toDayNumber } from '../core/calendar/date.js';
import { statementJsonChunks } from '../core/ledger/ledgerJson.js';
import type { DebtorStatement } from '../core/ledger/statement.js';
import { defaultRules } from '../core/rules/ruleSet.js';

const [path = '', year = '2026', out = '/dev/null'] = process.argv.slice(2);
const t0 = performance.now();
const { statement, format } = await statementOfFile(path, defaultRules, { year });
let timeBarred = 0;
// The limitation dates' day numbers (days since 1970-01-01) summed: DuckDB must find the same dates.
let limitationDays = 0;
const counted = (function* (debtors: Iterable<DebtorStatement>) {
  for (const d of debtors) {
    for (const c of d.claims) {
      if (c.timeBarred) timeBarred += 1;
      if (c.limitationDate !== null) limitationDays += toDayNumber(c.limitationDate);
    }
    yield d;
  }
})(statement.debtors);
const fd = openSync(out, 'w');
let bytes = 0;
for (const chunk of statementJsonChunks({ ...statement, debtors: counted }, {}, { source: { file: path, format } })) bytes += writeSync(fd, chunk);
closeSync(fd);
const ms = performance.now() - t0;
const { totals } = statement;
console.log(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    debtors: totals.debtors,
    claims: totals.claims,
    rows: totals.rows,
    closing: totals.closing / 100,
    timeBarred,
    limitationDays,
    bytes,
  }),
);
