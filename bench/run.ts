/**
 * `npm run bench`: schedules per second through the core and through `saldo plan` batch.
 * Workload (issue 2): 10,000 monthly agreements of about 120 payments, daily interest.
 * Prints one table; the README quotes it with the date and the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { plan } from '../core/commands/plan.js';
import { makeLedger, random } from './makeLedger.js';
import { defaultRules } from '../core/rules/ruleSet.js';
import { parsePlanInput } from '../core/schedule/planInput.js';
import { computeSchedule } from '../core/schedule/schedule.js';

const N = Number(process.env.SALDO_BENCH_N ?? 10_000);

function agreements(n: number, mode: 'installment' | 'count'): object[] {
  const rnd = random(20261123);
  return Array.from({ length: n }, (_, i) => {
    const principal = Math.round(20_000 + rnd() * 180_000);
    const rate = Math.round(rnd() * 1200) / 10_000; // 0–12 %, as the fraction Excel holds
    const r = rate / 12;
    // The annuity for 120 months, rounded up to whole kroner: about 120 rows with daily interest.
    const installment = Math.ceil(r === 0 ? principal / 120 : (principal * r) / (1 - (1 + r) ** -120)) + 1;
    return {
      startDate: '2026-01-01', firstDueDate: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      ...(mode === 'installment' ? { installment } : { count: 120 }),
      claims: [
        { id: 'F1', type: 'ejendomsskat', principal: principal - 1000, fees: 250, dueDate: '2025-06-01', annualInterestRate: rate },
        { id: 'F2', type: 'andet', principal: 1000, dueDate: '2025-09-01', annualInterestRate: rate },
      ],
    };
  });
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

const inputs = agreements(N, 'installment');
// Warm up the JIT the way a long-running add-in would be.
for (const input of inputs.slice(0, 500)) computeSchedule(parsePlanInput(input, defaultRules), defaultRules);

const parsed = inputs.map((input) => parsePlanInput(input, defaultRules));
const core = time(() => parsed.reduce((rows, terms) => rows + computeSchedule(terms, defaultRules).rows.length, 0));
const command = time(() => inputs.reduce((rows, input) => rows + plan(input, defaultRules).rows.length, 0));
const countInputs = agreements(1_000, 'count');
const countMode = time(() => countInputs.reduce((rows, input) => rows + plan(input, defaultRules).rows.length, 0));

const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-'));
const file = join(dir, 'batch.json');
writeFileSync(file, JSON.stringify(inputs));
const t0 = performance.now();
const cli = spawnSync(process.execPath, ['cli/saldo.mjs', 'plan', '--in', file, '--out', join(dir, 'out.json')], { encoding: 'utf8' });
const cliMs = performance.now() - t0;
if (cli.status !== 0) throw new Error(`saldo plan failed: ${cli.stderr}`);

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rowsPer = core.value / N;
const line = (what: string, n: number, ms: number, target = '') => `| ${what} | ${fmt(n)} | ${fmt(ms)} ms | ${fmt((n / ms) * 1000)} | ${target} |`;
console.log(`Saldo bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}`);
console.log(`Workload: ${fmt(N)} monthly agreements, 2 claims each, daily interest 0–12 %, ${fmt(rowsPer, 1)} payments on average\n`);
console.log('| measurement | schedules | time | schedules/s | target |');
console.log('|---|---|---|---|---|');
console.log(line('core: computeSchedule (parsed terms)', N, core.ms, core.ms < 1000 ? '< 1 s ✓' : '< 1 s ✗'));
console.log(line('core: plan command (JSON in → JSON out)', N, command.ms));
console.log(line('core: plan, count mode (count 120, search)', countInputs.length, countMode.ms));
console.log(line('CLI: saldo plan batch, whole process', N, cliMs));
console.log(`\nPeak resident memory of the bench process: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);

// ---- statements on a million-row ledger against DuckDB (issue 5) ----
const LEDGER_ROWS = Number(process.env.SALDO_BENCH_LEDGER_ROWS ?? 1_000_000);
const ledger = join(dir, 'ledger.csv');
await makeLedger(ledger, LEDGER_ROWS, Math.round(LEDGER_ROWS / 12.5));
const ledgerMb = (await import('node:fs')).statSync(ledger).size / 1e6;

// Saldo: the whole command line, as a user runs it (Node start, read, parse, fold, JSON out).
const s0 = performance.now();
const saldo = spawnSync(process.execPath, ['cli/saldo.mjs', 'statements', '--in', ledger, '--year', '2026', '--out', join(dir, 'statements.json'), '--quiet'], { encoding: 'utf8' });
const saldoMs = performance.now() - s0;
if (saldo.status !== 0) throw new Error(`saldo statements failed: ${saldo.stderr}`);
// The same work in a child that reports its peak memory.
const child = JSON.parse(spawnSync(process.execPath, ['--import', 'tsx', 'bench/statementsChild.ts', ledger, '2026'], { encoding: 'utf8' }).stdout) as { ms: number; maxRssMb: number; closing: number; claims: number };

// DuckDB is installed on demand (--no-save): this registry has its Linux binding only, so the
// package cannot be locked for every platform in package-lock.json.
interface DuckConnection { runAndReadAll(sql: string): Promise<{ currentRowCount: number; getRows(): unknown[][] }> }
interface DuckModule { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckConnection> }> } }
const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
async function loadDuckDb(): Promise<DuckModule> {
  const name = '@duckdb/node-api';
  try {
    return (await import(name)) as DuckModule;
  } catch {
    console.error(`Installerer ${DUCKDB} til sammenligningen (npm install --no-save) …`);
    const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', DUCKDB], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`Kunne ikke installere ${DUCKDB}`);
    // A fresh URL: the failed bare-name import above is remembered for this process.
    return (await import(new URL('../node_modules/@duckdb/node-api/lib/index.js', import.meta.url).href)) as DuckModule;
  }
}
const { DuckDBInstance } = await loadDuckDb();

// DuckDB: the same aggregation (per debtor and claim: primo, the year's movements by kind, ultimo)
// on the same file — once as a query into memory, once end to end like Saldo's command: the
// result sorted by debtor and claim and written as JSON to a file.
const kinds = ['krav', 'gebyr', 'rente', 'betaling', 'afskrivning', 'oversendt', 'tilbagebetaling', 'korrektion'];
const source = `read_csv('${ledger}', delim=';', header=true, decimal_separator=',', thousands='.', dateformat='%d-%m-%Y',
    columns={'Debitor':'VARCHAR','CPR':'VARCHAR','Navn':'VARCHAR','Fordring':'VARCHAR','Fordringstype':'VARCHAR','Bogføringsdato':'DATE','Forfaldsdato':'DATE','Art':'VARCHAR','Beløb':'DECIMAL(18,2)'})`;
const aggregation = `SELECT Debitor, Fordring, any_value(Navn) AS navn,
    sum(CASE WHEN "Bogføringsdato" < DATE '2026-01-01' THEN "Beløb" ELSE 0 END) AS primo,
    ${kinds.map((k) => `sum(CASE WHEN "Bogføringsdato" >= DATE '2026-01-01' AND Art = '${k}' THEN "Beløb" ELSE 0 END) AS ${k}`).join(',\n    ')},
    sum("Beløb") AS ultimo, min("Forfaldsdato") AS forfald
  FROM ${source} WHERE "Bogføringsdato" <= DATE '2026-12-31' GROUP BY Debitor, Fordring`;
const d0 = performance.now();
const duck = await (await DuckDBInstance.create(':memory:')).connect();
const result = await duck.runAndReadAll(aggregation);
const duckMs = performance.now() - d0;
const duckRows = result.currentRowCount;
const e0 = performance.now();
const duck2 = await (await DuckDBInstance.create(':memory:')).connect();
await duck2.runAndReadAll(`COPY (${aggregation} ORDER BY Debitor, Fordring) TO '${join(dir, 'duck.json')}' (FORMAT json)`);
const duckEndToEndMs = performance.now() - e0;
// DuckDB as a whole process too (Node start, loading DuckDB, query, JSON): Saldo's figure is a whole process.
const p0 = performance.now();
const duckProcess = spawnSync(process.execPath, ['bench/duckdbChild.mjs', `COPY (${aggregation} ORDER BY Debitor, Fordring) TO '${join(dir, 'duck2.json')}' (FORMAT json)`], { encoding: 'utf8' });
const duckProcessMs = performance.now() - p0;
if (duckProcess.status !== 0) throw new Error(`DuckDB child failed: ${duckProcess.stderr}`);
const duckTotal = (await duck.runAndReadAll(`SELECT sum("Beløb")::DOUBLE FROM ${source} WHERE "Bogføringsdato" <= DATE '2026-12-31'`)).getRows()[0]![0] as number;

// Two independent implementations must agree to the øre on the same file.
if (Math.round(duckTotal * 100) !== Math.round(child.closing * 100) || duckRows !== child.claims) {
  throw new Error(`Saldo and DuckDB disagree: ${child.closing} / ${child.claims} claims vs ${duckTotal} / ${duckRows}`);
}
console.log(`\nStatements: ${fmt(LEDGER_ROWS)} postings (${fmt(ledgerMb, 0)} MB CSV), year 2026\n`);
console.log('| measurement | time | peak memory | result |');
console.log('|---|---|---|---|');
console.log(`| Saldo \`statements\`, whole CLI process | ${fmt(saldoMs)} ms | ${fmt(child.maxRssMb)} MB | ${fmt(child.claims)} claims, ultimo ${fmt(child.closing, 2)} kr. |`);
console.log(`| Saldo, read + fold + JSON in one process | ${fmt(child.ms)} ms | ${fmt(child.maxRssMb)} MB | |`);
console.log(`| DuckDB, same aggregation, sorted, written as JSON, whole process | ${fmt(duckProcessMs)} ms | | |`);
console.log(`| DuckDB, same aggregation, sorted, written as JSON, in the bench process | ${fmt(duckEndToEndMs)} ms | | |`);
console.log(`| DuckDB, same aggregation, query into memory only | ${fmt(duckMs)} ms | (in the bench process) | ${fmt(duckRows)} claims, ultimo ${fmt(duckTotal, 2)} kr. |`);
console.log(`| ratio Saldo CLI / DuckDB, both whole processes | ${(saldoMs / duckProcessMs).toFixed(1)}× | | target ≤ 1.5× ${saldoMs / duckProcessMs <= 1.5 ? '✓' : '✗'} |`);
console.log(`| ratio Saldo CLI / DuckDB in the bench process | ${(saldoMs / duckEndToEndMs).toFixed(1)}× | | |`);
console.log(`| ratio Saldo CLI / DuckDB query only | ${(saldoMs / duckMs).toFixed(1)}× | | |`);
