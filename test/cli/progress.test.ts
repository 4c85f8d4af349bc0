import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../cli/run.js';
import { ROOT } from './helpers.js';

/** The CLI in-process on the examples, with a terminal on stderr or not; counts how often it asked. */
async function run(argv: string[], terminal: boolean): Promise<{ code: number; stderr: string; asked: number }> {
  let stderr = '';
  let asked = 0;
  const io: CliIo = {
    readFile: async (p) => readFileSync(join(ROOT, p), 'utf8'),
    readBytes: async (p) => new Uint8Array(readFileSync(join(ROOT, p))),
    readStdin: async () => '',
    writeFile: async () => undefined,
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    stderrIsTerminal: () => {
      asked += 1;
      return terminal;
    },
  };
  const code = await runCli(argv, io);
  return { code, stderr, asked };
}

const statements = ['statements', '--in', 'examples/ledger/posteringer.csv', '--year', '2026', '--out', 'opgoerelse.json'];

describe('progress on stderr', () => {
  it('a ledger command shows its progress bar when a person watches stderr (a terminal), and not otherwise', async () => {
    const watched = await run(statements, true);
    expect(watched.code).toBe(0);
    expect(watched.stderr).toContain('Saldoopgørelse [');
    const piped = await run(statements, false);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('Saldoopgørelse [');
    // The summary is said either way.
    expect(piped.stderr).toContain('linjer læst');
  });

  it('a command without progress does not ask (in Node, asking makes process.stderr and loads its streams)', async () => {
    const plan = await run(['plan', '--in', 'examples/betalingsaftaler/1-daginstitution.json', '--out', 'plan.json'], true);
    expect(plan.code).toBe(0);
    expect(plan.asked).toBe(0);
  });
});
