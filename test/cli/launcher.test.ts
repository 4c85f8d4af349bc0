import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './helpers.js';

const current = join(ROOT, 'node_modules', '.cache', 'saldo-cli', 'current.json');
const bundle = () => JSON.parse(readFileSync(current, 'utf8')) as { dir: string; inputs: Record<string, number> };

describe('the CLI launcher (cli/saldo.mjs)', () => {
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
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('./')) walk(spec.slice(2));
        else if (!spec.startsWith('node:')) packages.add(spec);
      }
    };
    walk('main.mjs');
    expect(seen.size).toBeGreaterThan(1); // the walk found the bundle's own chunks
    // JSZip alone cost about 70 ms of a 0,23 s `saldo plan` (node --cpu-prof) before it was loaded on use.
    expect([...packages]).toEqual([]);
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
