import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli/helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const core = files(join(ROOT, 'core'));
/** Packages core may use: pure computation only. */
const ALLOWED_PACKAGES = ['mathjs'];

describe('core/ is pure (no Office, React, Node or clock)', () => {
  it('imports only its own modules and pure packages', () => {
    const bad: string[] = [];
    for (const file of core) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (!spec.startsWith('.') && !ALLOWED_PACKAGES.includes(spec)) bad.push(`${relative(ROOT, file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('has no hidden clock, no time-zone dates and no console output', () => {
    const bad: string[] = [];
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/new Date\(/, /Date\.now\(/, /\bprocess\./, /console\./, /\bOffice\./, /\bExcel\./]) {
        if (pattern.test(text)) bad.push(`${relative(ROOT, file)}: ${pattern.source}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('nobody takes an error message apart again (issue 16)', () => {
  const sources = ['core', 'cli', 'addin'].flatMap((dir) => files(join(ROOT, dir)));
  it('no front end reshapes a SaldoError by its text or its field string: places are data, names come from a namer', () => {
    const bad: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/\.message\.(replace|startsWith|slice|split|match|indexOf)\(/, /\.field\.(startsWith|endsWith|slice|split|match|includes)\(/, /\.(exec|test)\(\w+\.(field|message)\)/, /danishFieldNames/]) {
        if (pattern.test(text)) bad.push(`${relative(ROOT, file)}: ${pattern.source}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
