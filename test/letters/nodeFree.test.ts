/**
 * letters/docx runs in the task pane's browser too: bytes in, bytes out, no Node. Only the build
 * and measuring scripts (run with tsx) may use Node's file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';

const SCRIPTS = ['makeDefaultTemplates.ts', 'measureSpeed.ts'];

describe('letters/docx is Node-free', () => {
  const dir = join(ROOT, 'letters', 'docx');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !SCRIPTS.includes(f));

  it('imports no Node module and uses no Buffer, process or require', () => {
    expect(files).toContain('template.ts');
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) if (/^(node:|fs$|path$|os$|zlib$|stream$)/.test(m[1]!)) bad.push(`${f}: ${m[1]}`);
      for (const pattern of [/\bBuffer\./, /\bprocess\./, /\brequire\(/]) if (pattern.test(text)) bad.push(`${f}: ${pattern.source}`);
    }
    expect(bad).toEqual([]);
  });

  it('nothing in it imports the build scripts', () => {
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/makeDefaultTemplates|measureSpeed/);
  });
});
