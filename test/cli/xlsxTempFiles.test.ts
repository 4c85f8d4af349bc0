/**
 * Issue 14: a killed run left a 49 MB copy of the ledger in the temp folder. ExcelJS's stream
 * reader writes every sheet that comes before the shared strings in the zip to a temporary file
 * (`tmp.file()` in exceljs/lib/stream/xlsx/workbook-reader.js), removed only at a normal exit;
 * ExcelJS's own stream writer stores the shared strings after the sheet, so its files always did.
 * Saldo now hands ExcelJS the shared strings first: nothing is written, so nothing is left.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLedger } from '../../bench/makeLedger.js';
import { ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-xlsxtemp-'));

/** A ledger written by ExcelJS's stream writer: the sheet is stored before the shared strings. */
async function bigLedger(rows: number): Promise<string> {
  const csv = join(dir, 'l.csv');
  await makeLedger(csv, rows, Math.round(rows / 10));
  const path = join(dir, 'posteringer.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Posteringer');
  for (const line of readFileSync(csv, 'utf8').trim().split('\n')) ws.addRow(line.split(';')).commit();
  await ws.commit();
  await wb.commit();
  return path;
}

/** Runs the CLI with its own temp folder; kills it with SIGKILL once it reads rows, if `killOnRead` (or after `killAfterMs`). */
function runKilled(args: string[], temp: string, killAfterMs: number, killOnRead = true, nodeOptions = ''): Promise<{ signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['cli/saldo.cjs', ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp, NODE_OPTIONS: nodeOptions } });
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    const timer = setTimeout(kill, killAfterMs);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Mid-read: the sheet was chosen 2 s ago and its rows are streaming (150,000 take longer).
      if (killOnRead && stderr.includes('Læser arket')) setTimeout(kill, 2000);
    });
    child.stdout.resume();
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stderr });
    });
  });
}

describe('an .xlsx ledger read leaves no temporary files', () => {
  it('killed with SIGKILL mid-read, then run again to the end in a small heap: the temp folder stays empty', async () => {
    const path = await bigLedger(150_000);
    const temp = mkdtempSync(join(tmpdir(), 'saldo-tmpdir-'));
    const killed = await runKilled(['statements', '--in', path, '--year', '2026'], temp, 20_000);
    expect(killed.signal).toBe('SIGKILL');
    expect(readdirSync(temp)).toEqual([]);
    // To the end, in a heap far smaller than the sheet (about 55 MB unpacked): rows are not kept.
    const again = await runKilled(['analyse', '--in', path, '--as-of', '2026-12-31'], temp, 200_000, false, '--max-old-space-size=128');
    expect(again.signal).toBeNull();
    // The sheet read, then its line account: every row a posting (the generated ledger has no bad rows).
    const [sheetLine, account, rest] = again.stderr.split('\n');
    expect(sheetLine).toBe(`Læser arket "Posteringer" i ${path}.`);
    const [, read, accepted] = /^Posteringsfilen: (\d+) rækker læst = 1 overskrift \+ (\d+) godkendt \+ 0 fejl\.$/.exec(account ?? '') ?? [];
    expect(account).toMatch(/rækker læst/);
    expect(Number(accepted)).toBeGreaterThan(100_000);
    expect(Number(accepted)).toBe(Number(read) - 1);
    expect(rest).toBe('');
    expect(readdirSync(temp)).toEqual([]);
  }, 240_000);
});
