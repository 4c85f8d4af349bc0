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
import { defaultRules } from '../core/rules/ruleSet.js';
import { parsePlanInput } from '../core/schedule/planInput.js';
import { computeSchedule } from '../core/schedule/schedule.js';

const N = Number(process.env.SALDO_BENCH_N ?? 10_000);

/** A deterministic pseudo-random sequence (mulberry32) so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
const cli = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'plan', '--in', file, '--out', join(dir, 'out.json')], { encoding: 'utf8' });
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
