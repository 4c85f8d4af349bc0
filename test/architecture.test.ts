import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
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

/**
 * letters/ runs in the CLI and in the task pane's browser (issue 18): no Node built-ins or globals
 * (fonts and files come in as bytes), and no Office or React (the pane calls it, not the reverse).
 */
export function lettersViolations(file: string, text: string): string[] {
  const bad: string[] = [];
  const node = new Set(builtinModules);
  for (const m of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    if (spec.startsWith('node:') || node.has(name) || /^(react|react-dom|exceljs)$|^@fluentui\/|^@microsoft\/|^office-/.test(name)) bad.push(`${relative(ROOT, file)}: ${spec}`);
  }
  for (const pattern of [/\bprocess\./, /\bBuffer\./, /\b__dirname\b/, /\bOffice\./, /\bExcel\./]) {
    if (pattern.test(text)) bad.push(`${relative(ROOT, file)}: ${pattern.source}`);
  }
  return bad;
}

describe('letters/ runs in Node and in the browser (issue 18)', () => {
  // Two Node scripts live beside the code they build and measure; nothing imports them (test/letters/nodeFree.test.ts).
  const SCRIPTS = ['makeDefaultTemplates.ts', 'measureSpeed.ts'];
  const letters = files(join(ROOT, 'letters')).filter((f) => !SCRIPTS.some((s) => f.endsWith(`docx/${s}`)));
  it('imports no Node built-ins, Office or React, and uses no Node globals', () => {
    expect(letters.length).toBeGreaterThan(1);
    expect(letters.flatMap((file) => lettersViolations(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
  it('the rule can fail: fs, node:path, a dynamic zlib, React, Fluent and Buffer are named', () => {
    const file = join(ROOT, 'letters', 'pdf', 'Example.ts');
    const text =
      "import { readFileSync } from 'fs';\nimport { join } from 'node:path';\nconst z = import('zlib');\nimport { useState } from 'react';\nimport { Button } from '@fluentui/react-components';\nimport PDFDocument from 'pdfkit';\nconst b = Buffer.from('x');";
    expect(lettersViolations(file, text)).toEqual([
      'letters/pdf/Example.ts: fs',
      'letters/pdf/Example.ts: node:path',
      'letters/pdf/Example.ts: zlib',
      'letters/pdf/Example.ts: react',
      'letters/pdf/Example.ts: @fluentui/react-components',
      'letters/pdf/Example.ts: \\bBuffer\\.',
    ]);
  });
});

describe('nobody takes an error message apart again (issue 16)', () => {
  const sources = ['core', 'cli', 'addin'].flatMap((dir) => files(join(ROOT, dir)));
  it('no front end reshapes a SaldoError by its text or its field string: places are data, names come from a namer', () => {
    const bad: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [
        /\.message\.(replace|startsWith|slice|split|match|indexOf)\(/,
        /\.field\.(startsWith|endsWith|slice|split|match|includes)\(/,
        /\.(exec|test)\(\w+\.(field|message)\)/,
        /danishFieldNames/,
      ]) {
        if (pattern.test(text)) bad.push(`${relative(ROOT, file)}: ${pattern.source}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

/**
 * The task pane's pages and components reach core through the command map (issue 16): besides
 * `core/commands`, a page may take sheet and table descriptions, labels and formatting from
 * `core/report`, errors from `core/errors`, and rule data from `core/rules`; never a domain module
 * (core/schedule, core/ledger, core/money, core/calendar, core/followup …).
 */
const PANE_MAY_IMPORT = [/^core\/commands\//, /^core\/report\//, /^core\/errors\.js$/, /^core\/rules\//];

/** The core modules a file imports, as paths from the repository root (`core/…`). */
export function coreImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith('.')) continue;
    const path = relative(ROOT, join(file, '..', spec))
      .split('\\')
      .join('/');
    if (path.startsWith('core/')) out.push(path);
  }
  return out;
}

export const paneViolations = (file: string, text: string): string[] =>
  coreImports(file, text)
    .filter((path) => !PANE_MAY_IMPORT.some((allowed) => allowed.test(path)))
    .map((path) => `${relative(ROOT, file)}: ${path}`);

describe('the task pane calls core through the command map (issue 16)', () => {
  const pane = ['pages', 'components'].flatMap((dir) => tsxFiles(join(ROOT, 'addin', 'taskpane', dir)));
  it('the custom functions follow the same rule (their arguments are read in addin/shared)', () => {
    const file = join(ROOT, 'addin', 'functions', 'functions.ts');
    expect(paneViolations(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
  it('pages and components import core/commands, core/report, core/errors and core/rules only', () => {
    expect(pane.length).toBeGreaterThan(5);
    expect(pane.flatMap((file) => paneViolations(file, readFileSync(file, 'utf8')))).toEqual([]);
  });
  it('the rule can fail: a page reaching into core/schedule or core/money is named', () => {
    const page = join(ROOT, 'addin', 'taskpane', 'pages', 'Example.tsx');
    const text =
      "import { computeSchedule } from '../../../core/schedule/schedule.js';\nimport { formatKroner } from '../../../core/money/ore.js';\nimport { commands } from '../../../core/commands/index.js';\nconst m = import('../../../core/followup/followup.js');";
    expect(paneViolations(page, text)).toEqual([
      'addin/taskpane/pages/Example.tsx: core/schedule/schedule.js',
      'addin/taskpane/pages/Example.tsx: core/money/ore.js',
      'addin/taskpane/pages/Example.tsx: core/followup/followup.js',
    ]);
  });
});

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}
