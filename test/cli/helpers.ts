import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '../../cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string | Uint8Array>;
}

/** Runs the CLI in-process with files held in memory. */
export async function cli(argv: string[], files: Record<string, string | Uint8Array> = {}, stdin = ''): Promise<Run> {
  const written = new Map<string, string | Uint8Array>();
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: async (path) => {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof f === 'string' ? f : new TextDecoder().decode(f);
    },
    readBytes: async (path) => {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    readStdin: async () => stdin,
    writeFile: async (path, data) => void written.set(path, data),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, files: written };
}

/** Runs the real CLI in a child process, as `npm run saldo` does (the bundled CLI, rebuilt when a source changed). */
export function spawnCli(args: string[], stdin = ''): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['cli/saldo.cjs', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder for a test file's ledgers: `file(content, ext)` writes one (bytes as given) and returns its path. */
export function tempFiles(prefix: string): { dir: string; file(content: string | Uint8Array, ext?: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return {
    dir,
    file(content, ext = 'csv') {
      n += 1;
      const path = join(dir, `ledger${n}.${ext}`);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Runs the CLI in-process on real input files; what it writes is held, not written. */
export async function runOnDisk(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; written: Map<string, Uint8Array | string> }> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array | string>();
  const io: CliIo = {
    readFile: async (p) => readFileSync(p, 'utf8'),
    readBytes: async (p) => new Uint8Array(readFileSync(p)),
    readStdin: async () => '',
    writeFile: async (p, d) => void written.set(p, d),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, written };
}
