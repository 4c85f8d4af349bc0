// `npm run saldo -- …`: runs the CLI as plain JavaScript. Compiling TypeScript through tsx at
// every start costs about 0.2 s (and the same again in the statement worker), so the CLI is
// bundled once with esbuild into node_modules/.cache/saldo-cli and rebuilt whenever a source it
// was built from changes (checked by modification time: a few milliseconds). Without esbuild
// the CLI runs through tsx as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'node_modules', '.cache', 'saldo-cli');
const current = join(cache, 'current.json');

/** The bundle's folder when every source it was built from is unchanged, else null. */
function freshBundle() {
  try {
    const built = JSON.parse(readFileSync(current, 'utf8'));
    // root ends in a separator and the inputs are relative with forward slashes: concatenated, not
    // joined (path.join's normalising was a third of this check's 5 ms for 160 files).
    for (const [file, mtime] of Object.entries(built.inputs)) if (statSync(root + file).mtimeMs !== mtime) return null;
    statSync(join(cache, built.dir, 'main.mjs'));
    return built.dir;
  } catch {
    return null;
  }
}

/** Bundles cli/main.ts, the statement worker and the letters' worker into a new folder and makes it the current one. */
async function build(esbuild) {
  const dir = `b${Date.now().toString(36)}-${process.pid}`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts', 'cli/ledger/statementWorker.ts', 'cli/letterWorker.ts'],
    entryNames: '[name]',
    outdir: join(cache, dir),
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
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = statSync(join(root, file)).mtimeMs;
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

let dir = freshBundle();
if (dir === null) {
  const esbuild = await import('esbuild').catch(() => null);
  if (esbuild) {
    mkdirSync(cache, { recursive: true });
    dir = await build(esbuild);
  }
}
if (dir === null) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
} else {
  await import(pathToFileURL(join(cache, dir, 'main.mjs')).href);
}
