import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './helpers.js';

const current = join(ROOT, 'node_modules', '.cache', 'saldo-cli', 'current.json');
const bundle = () => JSON.parse(readFileSync(current, 'utf8')) as { dir: string; inputs: Record<string, number> };

describe('the CLI launcher (cli/saldo.cjs)', () => {
  it('runs the bundle, built from the sources the CLI imports', () => {
    expect(spawnCli(['--help']).status).toBe(0);
    const inputs = Object.keys(bundle().inputs);
    // The core the CLI runs is in the bundle, and nothing from node_modules is.
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('core/ledger/statement.ts');
    expect(inputs).toContain('cli/ledger/statementWorker.ts');
    expect(inputs.filter((f) => f.includes('node_modules'))).toEqual([]);
  });

  it('starts without any package from node_modules: exceljs, jszip and mathjs load on first use (issue 22)', () => {
    expect(spawnCli(['--help']).status).toBe(0);
    const dir = join(ROOT, 'node_modules', '.cache', 'saldo-cli', bundle().dir);
    // Every file the entry imports statically (import … from "x" at the top of a file), and the packages among them.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const builtins = new Set<string>();
    // esbuild heads each source's code with a comment naming it: the sources that load at the start.
    const sources = new Set<string>();
    // The start runs the CommonJS files (cli/saldo.cjs): what they require at once, not what they
    // load later (`__saldoRequire(…)`, `import(…)`).
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(dir, file), 'utf8');
      // The ES module twin keeps esbuild's comments naming the sources.
      for (const m of readFileSync(join(dir, file.replace(/\.cjs$/, '.mjs')), 'utf8').matchAll(/^\/\/ ((?:cli|core)\/\S+\.ts)$/gm)) sources.add(m[1]!);
      for (const m of text.matchAll(/\brequire\("([^"]+)"\)/g)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) walk(spec.slice(2));
        else if (spec.startsWith('node:')) builtins.add(spec);
        else packages.add(spec);
      }
    };
    walk('main.cjs');
    expect(seen.size).toBeGreaterThan(1); // the walk found the bundle's own chunks
    // JSZip alone cost about 70 ms of a 0,23 s `saldo plan` (node --cpu-prof) before it was loaded on use.
    expect([...packages]).toEqual([]);
    // A `plan` needs the agreement commands and the rules: the ledger, the portfolio, the follow-up,
    // the letters, the workbooks and the rule sheet load with the commands that use them. Before,
    // the start compiled 494 KB of bundle in 31 files; now about 160 KB in 17 (issue 22).
    expect(sources).toContain('core/commands/agreements.ts');
    expect(sources).toContain('cli/run.ts');
    const late = /^(core\/(ledger|portfolio|followup|letters)\/|cli\/(ledger|xlsx)\/|core\/commands\/index\.ts$|core\/rules\/rulesSheet\.ts$|cli\/ledgerRun\.ts$)/;
    expect([...sources].filter((f) => late.test(f))).toEqual([]);
    // No node:crypto (the atomic writer's names are FNV-1a and Math.random); the worker threads load with a ledger.
    expect([...builtins].filter((b) => b === 'node:crypto' || b === 'node:worker_threads' || b === 'node:zlib')).toEqual([]);
    // The calls between the start's chunks reach plain values, not esbuild's two getters (cli/bundleCommonJs.cjs).
    expect([...seen].filter((f) => /__toCommonJS\(stdin_exports\)|__export\(stdin_exports/.test(readFileSync(join(dir, f), 'utf8')))).toEqual([]);
  });

  it('runs CommonJS files that are the ES module chunks turned over, and still answers as cli/saldo.mjs', () => {
    const run = spawnSync(process.execPath, ['cli/saldo.mjs', 'plan', '--in', 'examples/betalingsaftaler/1-daginstitution.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(spawnCli(['plan', '--in', 'examples/betalingsaftaler/1-daginstitution.json']).stdout);
    const dir = join(ROOT, 'node_modules', '.cache', 'saldo-cli', bundle().dir);
    const files = readdirSync(dir);
    // Every chunk of the start in both forms; the workers only as ES modules.
    for (const f of files.filter((f) => f.endsWith('.mjs') && !/Worker\.mjs$/.test(f))) expect(files).toContain(f.replace(/\.mjs$/, '.cjs'));
    expect(files.filter((f) => /Worker\.cjs$/.test(f))).toEqual([]);
    // No CommonJS file reaches for an ES module file of the bundle but through new URL (the workers).
    for (const f of files.filter((f) => f.endsWith('.cjs'))) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/require\("\.\/[^"]+\.mjs"\)|import\("\.\/[^"]+\.mjs"\)/);
  });

  it('rebuilds when a source changes, so a stale bundle is never run', () => {
    spawnCli(['--help']);
    const before = bundle().dir;
    const file = join(ROOT, 'core', 'errors.ts');
    const { atime, mtime } = statSync(file);
    try {
      utimesSync(file, atime, new Date(mtime.getTime() + 1000));
      expect(spawnCli(['--help']).status).toBe(0);
      expect(bundle().dir).not.toBe(before);
      expect(bundle().inputs['core/errors.ts']).toBe(statSync(file).mtimeMs);
    } finally {
      utimesSync(file, atime, mtime);
    }
  });
});
