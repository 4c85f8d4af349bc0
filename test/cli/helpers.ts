import { spawnSync } from 'node:child_process';
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
  const r = spawnSync(process.execPath, ['cli/saldo.mjs', ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
