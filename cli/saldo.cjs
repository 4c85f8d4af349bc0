// `npm run saldo -- …`: runs the CLI as plain JavaScript. Compiling TypeScript through tsx at
// every start costs about 0.2 s (and the same again in the statement worker), so the CLI is
// bundled once with esbuild into node_modules/.cache/saldo-cli and rebuilt whenever a source it
// was built from changes (checked by modification time: a few milliseconds). Without esbuild
// the CLI runs through tsx as before.
//
// CommonJS, the launcher and the bundle it runs: Node's ES module loader cost about 25 ms of a
// 0,11 s `saldo plan` (its own start, resolving and linking each file, the built-in modules'
// facades), against 0,06 s for Node alone (issue 22). The bundle is built as ES modules split
// into chunks, so that the ledger, the letters and the workbooks load only when used, and each
// file is then turned into CommonJS beside it (`.cjs`): the same chunks, loaded by require. The
// workers keep the ES module files (a worker is a program of its own).
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '../');
const cache = join(root, 'node_modules', '.cache', 'saldo-cli');
const current = join(cache, 'current.json');

/** The bundle's folder when every source it was built from is unchanged, else null. */
function freshBundle() {
  try {
    const built = JSON.parse(readFileSync(current, 'utf8'));
    // root ends in a separator and the inputs are relative with forward slashes: concatenated, not
    // joined (path.join's normalising was a third of this check's 5 ms for 160 files).
    for (const [file, mtime] of Object.entries(built.inputs)) if (statSync(root + file).mtimeMs !== mtime) return null;
    statSync(join(cache, built.dir, 'main.cjs'));
    return built.dir;
  } catch {
    return null;
  }
}

/** Bundles cli/main.ts, the statement worker and the letters' worker into a new folder and makes it the current one. */
async function build(esbuild) {
  const dir = `b${Date.now().toString(36)}-${process.pid}`;
  const out = join(cache, dir);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts', 'cli/ledger/statementWorker.ts', 'cli/letterWorker.ts'],
    entryNames: '[name]',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // the workbook writers (and exceljs) stay in chunks loaded on demand
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
  });
  const { toCommonJs, requiredAtOnce, inCycles, plainExports } = require('./bundleCommonJs.cjs');
  const commonJs = new Map(
    await Promise.all(
      readdirSync(out)
        // The workers stay ES modules (the letters' worker awaits at its top level).
        .filter((f) => f.endsWith('.mjs') && f !== 'statementWorker.mjs' && f !== 'letterWorker.mjs')
        .map(async (f) => [f.replace(/\.mjs$/, '.cjs'), await toCommonJs(esbuild, readFileSync(join(out, f), 'utf8'))]),
    ),
  );
  const cyclic = inCycles(new Map([...commonJs].map(([f, code]) => [f, requiredAtOnce(code)])));
  for (const [f, code] of commonJs) writeFileSync(join(out, f), cyclic.has(f) ? code : plainExports(code));
  const inputs = {};
  // The launcher's files too: how the bundle is turned into CommonJS is part of what was built.
  for (const file of [...Object.keys(result.metafile.inputs), 'cli/saldo.cjs', 'cli/bundleCommonJs.cjs']) inputs[file] = statSync(join(root, file)).mtimeMs;
  // Written beside and renamed: a CLI started at the same moment reads the old or the new, never half.
  const next = `${current}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ dir, inputs }));
  renameSync(next, current);
  // Older bundles are left for an hour (a CLI started before may still load its worker from one).
  for (const old of readdirSync(cache)) {
    if (old === dir || !/^b[0-9a-z]+-\d+$/.test(old)) continue;
    if (Date.now() - statSync(join(cache, old)).mtimeMs > 3_600_000) rmSync(join(cache, old), { recursive: true, force: true });
  }
  return dir;
}

/** A first start, or one after a source changed: bundles (or, without esbuild, runs the sources through tsx). */
async function start() {
  const esbuild = await import('esbuild').catch(() => null);
  if (esbuild) {
    mkdirSync(cache, { recursive: true });
    require(join(cache, await build(esbuild), 'main.cjs'));
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
}

// A fresh bundle runs at once, synchronously: no promise before the CLI's first step.
const fresh = freshBundle();
if (fresh !== null) require(join(cache, fresh, 'main.cjs'));
else
  start().catch((e) => {
    process.stderr.write(`Saldo kunne ikke starte: ${e?.message ?? e}\n`);
    process.exitCode = 1;
  });
