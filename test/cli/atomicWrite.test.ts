import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeLedger } from '../../bench/makeLedger.js';
import { hostTag, removeStaleTempFiles, tempFileName, writeFileAtomically } from '../../cli/atomicWrite.js';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-atomic-'));
let n = 0;
function folder(): string {
  n += 1;
  const d = join(dir, `case${n}`);
  mkdirSync(d);
  return d;
}
/** Saldo's temporary files in a folder (hidden names ending .tmp). */
const temps = (d: string) => readdirSync(d).filter((f) => /^\..*\.saldo-.*\.tmp$/.test(f));
/** A pid that surely belongs to no running process: a child that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('writeFileAtomically: the target is the old file or the complete new one, never half', () => {
  it('writes text, bytes and pieces, and leaves no temporary file', async () => {
    const d = folder();
    await writeFileAtomically(join(d, 'a.json'), '{"a": 1}\n');
    await writeFileAtomically(join(d, 'b.xlsx'), new Uint8Array([80, 75, 3, 4]));
    await writeFileAtomically(join(d, 'c.json'), ['[', '1,', '2', ']\n']);
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"a": 1}\n');
    expect([...readFileSync(join(d, 'b.xlsx'))]).toEqual([80, 75, 3, 4]);
    expect(readFileSync(join(d, 'c.json'), 'utf8')).toBe('[1,2]\n');
    expect(temps(d)).toEqual([]);
  });

  it('pieces through one reused buffer: small and large, with æøå and characters beyond the BMP, byte for byte', async () => {
    const d = folder();
    // 3 bytes a character (ø is 2, € 3, 😀 4 for two UTF-16 units) and a piece past the first buffer's 1 MB.
    const pieces = ['Søren ', '€'.repeat(400_000), ' 😀 ', 'x'.repeat(3_000_000), 'ø', ''];
    await writeFileAtomically(join(d, 'p.json'), pieces);
    expect(readFileSync(join(d, 'p.json')).equals(Buffer.from(pieces.join('')))).toBe(true);
  });

  it('a failure while writing leaves the old file untouched and removes the temporary file', async () => {
    const d = folder();
    writeFileSync(join(d, 'out.json'), 'den gode fil\n');
    function* failing() {
      yield '{"debtors": [';
      throw new Error('stopped half way');
    }
    await expect(writeFileAtomically(join(d, 'out.json'), failing())).rejects.toThrow('stopped half way');
    expect(readFileSync(join(d, 'out.json'), 'utf8')).toBe('den gode fil\n');
    expect(temps(d)).toEqual([]);
  });

  it('keeps the mode of the file it replaces', async () => {
    const d = folder();
    writeFileSync(join(d, 'privat.json'), 'gammel');
    chmodSync(join(d, 'privat.json'), 0o640);
    await writeFileAtomically(join(d, 'privat.json'), 'ny');
    expect(statSync(join(d, 'privat.json')).mode & 0o777).toBe(0o640);
  });

  it('a read-only target is not replaced (a rename would bypass the protection); a folder is an error', async () => {
    const d = folder();
    writeFileSync(join(d, 'låst.json'), 'beskyttet');
    chmodSync(join(d, 'låst.json'), 0o444);
    await expect(writeFileAtomically(join(d, 'låst.json'), 'ny')).rejects.toMatchObject({ code: 'EACCES' });
    expect(readFileSync(join(d, 'låst.json'), 'utf8')).toBe('beskyttet');
    mkdirSync(join(d, 'mappe.json'));
    await expect(writeFileAtomically(join(d, 'mappe.json'), 'ny')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(temps(d)).toEqual([]);
  });

  it('the temporary file has a hidden name that says what it is', () => {
    expect(tempFileName('/x/saldo 2026.json', 4711, 'abc123')).toMatch(/^\/x\/\.saldo 2026\.json\.saldo-[0-9a-f]{6}-4711-abc123\.tmp$/);
  });

  it("the host tag is FNV-1a of the host name, its top 24 bits (the published FNV test vectors: 'a' → e40c292c, 'foobar' → bf9cf968)", () => {
    expect(hostTag('a')).toBe('e40c29');
    expect(hostTag('foobar')).toBe('bf9cf9');
    expect(hostTag('')).toBe('811c9d'); // the offset basis itself
    expect(hostTag()).toMatch(/^[0-9a-f]{6}$/);
  });

  it('a temporary file left by a run that has ended is removed; one of a running process, or another machine, is kept', () => {
    const d = folder();
    const dead = tempFileName(join(d, 'out.json'), deadPid(), 'aaaaaa');
    const alive = tempFileName(join(d, 'out.json'), process.pid, 'bbbbbb');
    const elsewhere = join(d, `.out.json.saldo-${hostTag() === '000000' ? '111111' : '000000'}-${deadPid()}-cccccc.tmp`);
    const mine = join(d, '.mine.tmp');
    for (const f of [dead, alive, elsewhere, mine]) writeFileSync(f, 'x');
    removeStaleTempFiles(d);
    expect(existsSync(dead)).toBe(false);
    expect([alive, elsewhere, mine].filter((f) => existsSync(f))).toEqual([alive, elsewhere, mine]);
  });
});

describe('every file the CLI writes goes through writeFileAtomically', () => {
  it('no other module in cli/ opens a file for writing (a new writer would bring half-written files back)', () => {
    const sources = (readdirSync(join(ROOT, 'cli'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && f !== 'atomicWrite.ts');
    const writers: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(ROOT, 'cli', file), 'utf8');
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?:node:)?fs(?:\/promises)?'/g)) {
        for (const name of m[1]!.split(',').map((x) => x.trim().split(/\s+as\s+/)[0]!)) {
          if (/^(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|truncate|truncateSync|copyFile|copyFileSync|rename|renameSync)$/.test(name)) writers.push(`${file}: ${name}`);
        }
      }
      // the readers open files too: only a write flag counts
      for (const m of text.matchAll(/\bopen(?:Sync)?\([^;]*?'([wa][^']*|r\+)'/g)) writers.push(`${file}: open '${m[1]}'`);
    }
    expect(writers).toEqual([]);
  });
});

describe('the real CLI, killed or run twice at once, never leaves a broken output', () => {
  const d = mkdtempSync(join(tmpdir(), 'saldo-kill-'));
  const ledger = join(d, 'big.csv');
  const target = join(d, 'target.json');
  const GOOD = `${JSON.stringify({ year: 2025, note: 'den gode opgørelse fra i går' })}\n`;
  let postings = 0;
  beforeAll(async () => {
    // Large enough that reading takes about a second and writing (~10 MB of JSON) a moment.
    postings = await makeLedger(ledger, 120_000, 10_000);
  }, 60_000);

  /** Starts `saldo statements` on the big ledger into `out`. */
  const start = (out: string, year = '2026') => spawn(process.execPath, ['cli/saldo.cjs', 'statements', '--in', ledger, '--year', year, '--out', out], { cwd: ROOT });
  const ended = (child: ReturnType<typeof start>) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  /** Resolves when the CLI has begun to write `out`: a temporary file appears, or the target itself changes. */
  const writing = (out: string, before: number) =>
    new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const poll = setInterval(() => {
        const size = existsSync(out) ? statSync(out).size : -1;
        if (temps(d).length > 0 || size !== before) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - t0 > 30_000) {
          clearInterval(poll);
          reject(new Error('the CLI never began to write'));
        }
      }, 1);
    });

  it('kill -9 while the output is written: the old target is byte-identical, and the next run removes the leftover', async () => {
    writeFileSync(target, GOOD);
    const child = start(target);
    const end = ended(child);
    await writing(target, Buffer.byteLength(GOOD));
    child.kill('SIGKILL');
    expect((await end).signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe(GOOD);
    expect(temps(d)).toHaveLength(1); // killed in the write, as meant; kill -9 cannot be caught
    const next = spawnSync(process.execPath, ['cli/saldo.cjs', 'statements', '--in', ledger, '--year', '2026', '--out', join(d, 'other.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(next.status).toBe(0);
    expect(temps(d)).toEqual([]);
  }, 60_000);

  it('kill -9 while the ledger is read: the old target is byte-identical', async () => {
    writeFileSync(target, GOOD);
    const child = start(target);
    const end = ended(child);
    await new Promise((r) => setTimeout(r, 400));
    expect(temps(d)).toEqual([]);
    child.kill('SIGKILL');
    await end;
    expect(readFileSync(target, 'utf8')).toBe(GOOD);
  }, 60_000);

  it('Ctrl-C or SIGTERM while writing: exit 130/143, the old target untouched, no temporary file', async () => {
    for (const [signal, exit] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      writeFileSync(target, GOOD);
      const child = start(target);
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const end = ended(child);
      await writing(target, Buffer.byteLength(GOOD));
      child.kill(signal);
      expect(await end).toEqual({ code: exit, signal: null });
      expect(readFileSync(target, 'utf8')).toBe(GOOD);
      expect(temps(d)).toEqual([]);
      expect(stderr).toMatch(/^Afbrudt/m);
    }
  }, 60_000);

  it('two runs on the same --out at once: both succeed and the file is one of the two complete results', async () => {
    const [a, b] = [start(target, '2026'), start(target, '2025')];
    const results = await Promise.all([ended(a), ended(b)]);
    expect(results).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const out = JSON.parse(readFileSync(target, 'utf8')) as { year: number; debtors: unknown[]; errors: unknown[]; totals: { debtors: number; rows: number; rowsAfterYear: number } };
    expect([2025, 2026]).toContain(out.year);
    // complete: every posting of the ledger is accounted for, and every debtor is there
    expect(out.totals.rows + out.totals.rowsAfterYear + out.errors.length).toBe(postings);
    expect(out.debtors).toHaveLength(out.totals.debtors);
    expect(temps(d)).toEqual([]);
  }, 60_000);
});
