/** Runs `statements` in this process and prints its wall time and peak memory (for npm run bench). */
import { statementsFromFile } from '../cli/ledger/ledgerCommands.js';
import { defaultRules } from '../core/rules/ruleSet.js';

const [path = '', year = '2026'] = process.argv.slice(2);
const t0 = performance.now();
const out = await statementsFromFile(path, defaultRules, { year });
const json = JSON.stringify(out);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, debtors: out.totals.debtors, claims: out.totals.claims, rows: out.totals.rows, closing: out.totals.closing, bytes: json.length }));
