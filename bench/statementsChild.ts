/** Runs `statements` in this process as the CLI does (JSON written piece by piece) and prints its wall time and peak memory (for npm run bench). */
import { closeSync, openSync, writeSync } from 'node:fs';
import { statementOfFile } from '../cli/ledger/ledgerCommands.js';
import { statementJsonChunks } from '../core/ledger/ledgerJson.js';
import { defaultRules } from '../core/rules/ruleSet.js';

const [path = '', year = '2026', out = '/dev/null'] = process.argv.slice(2);
const t0 = performance.now();
const { statement, format } = await statementOfFile(path, defaultRules, { year });
const fd = openSync(out, 'w');
let bytes = 0;
for (const chunk of statementJsonChunks(statement, {}, { source: { file: path, format } })) bytes += writeSync(fd, chunk);
closeSync(fd);
const ms = performance.now() - t0;
const { totals } = statement;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, debtors: totals.debtors, claims: totals.claims, rows: totals.rows, closing: totals.closing / 100, bytes }));
