/**
 * Issue 14's findings on reading ledgers, each as it was reported: a short line, stray quotes far
 * apart, CR-only data after an LF header, mixed encodings, a line without end, a piped ledger.
 * Each failed before the strict tokenizer (rows vanished with exit 0, or the run hung).
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, tempFiles } from './helpers.js';

const { dir, file } = tempFiles('saldo-lines-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER9 = 'Debitor;Navn;CPR;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb';
const row9 = (i: number, name = 'Ib') => `D${i};${name};;F${i};andet;05-01-2026;05-01-2026;krav;100`;

describe('every line of a CSV ledger is read or listed (issue 14)', () => {
  it("the review's short line no longer swallows the 10 lines after it, in analyse and in statements, with and without quotes", async () => {
    for (const name of ['Ib', '"Hansen; Ib"']) {
      const lines = [HEADER9, row9(1, name), 'D2;;Ib;F2;andet;05-01-2026;05-01-2026;krav', ...Array.from({ length: 10 }, (_, i) => row9(i + 3, name))];
      const path = file(`${lines.join('\n')}\n`);
      const s = await cli(['statements', '--in', path, '--year', '2026']);
      const out = JSON.parse(s.stdout);
      // 11 good lines of 100 kr.
      expect(out.totals.closing).toBe(1100);
      expect(out.errors).toEqual([{ row: 3, message: expect.stringMatching(/Rækken har 8 felter, men overskriften har 9 – der mangler felter/) }]);
      expect(s.stderr).toContain('Posteringsfilen: 13 linjer læst = 1 overskrift + 11 godkendt + 1 fejl.\n');
      const a = await cli(['analyse', '--in', path, '--as-of', '2026-12-31']);
      expect(JSON.parse(a.stdout).summary.balance).toBe(1100);
      expect(a.stderr).toContain('13 linjer læst = 1 overskrift + 11 godkendt + 1 fejl');
    }
  });

  it('a short line in a 20,000-row ledger: analyse sums every other row (the review saw 900 kr. of 9.999.900 kr.)', async () => {
    const lines = [HEADER9, ...Array.from({ length: 20_000 }, (_, i) => (i === 5 ? 'D5;;Ib;F5;andet' : row9(i, i % 7 === 0 ? '"Jensen; Karen"' : 'Ib')))];
    const a = JSON.parse((await cli(['analyse', '--in', file(lines.join('\n')), '--as-of', '2026-12-31'])).stdout);
    // 19,999 rows of 100 kr.
    expect(a.summary.balance).toBe(1_999_900);
    expect(a.errors.map((e: { row: number }) => e.row)).toEqual([7]);
  });

  it('an LF header with CR-only data lines is read line by line', async () => {
    const path = file(`Debitor;Fordring;Bogføringsdato;Art;Beløb\nD1;F1;01-02-2026;krav;100\rD2;F2;01-02-2026;krav;200\rD3;F3;01-02-2026;krav;300\r`);
    for (const command of [
      ['statements', '--year', '2026'],
      ['analyse', '--as-of', '2026-12-31'],
    ]) {
      const r = await cli([command[0]!, '--in', path, ...command.slice(1)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('4 linjer læst = 1 overskrift + 3 godkendt + 0 fejl');
    }
    expect(JSON.parse((await cli(['statements', '--in', path, '--year', '2026'])).stdout).totals.closing).toBe(600);
  });

  it('UTF-8 and Windows-1252 mixed in one file are refused, whichever comes first, in both readers', async () => {
    // The header is plain ASCII here (its own æøå would count as one encoding or the other).
    const header = 'Debitor;Navn;Fordring;Dato;Art;Amount\n';
    const utf8 = Buffer.from('D1;Åse;F1;01-02-2026;krav;100\n', 'utf8');
    const latin = Buffer.from('D2;Søren;F2;01-02-2026;krav;100\n', 'latin1');
    const ascii = Buffer.from(Array.from({ length: 300 }, (_, i) => `D${i + 9};Jens;F;01-02-2026;krav;1\n`).join(''));
    for (const parts of [
      [latin, utf8],
      [utf8, latin],
      [latin, ascii, utf8],
      [utf8, ascii, latin],
    ]) {
      const path = file(Buffer.concat([Buffer.from(header), ...parts]));
      for (const command of [
        ['statements', '--year', '2026'],
        ['analyse', '--as-of', '2026-12-31'],
      ]) {
        const r = await cli([command[0]!, '--in', path, ...command.slice(1)]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/blander tegnsæt/);
      }
    }
    // Each alone is read, æøå intact.
    const alone = JSON.parse((await cli(['statements', '--in', file(Buffer.concat([Buffer.from(header), latin, ascii])), '--year', '2026'])).stdout);
    expect(alone.debtors.find((d: { debtorId: string }) => d.debtorId === 'D2').name).toBe('Søren');
  });

  it('a line of 3 MB without a line break is refused unread and the next line is read; a file that is one such line is exit 2', async () => {
    const long = 'x'.repeat(3 << 20);
    const path = file(`Debitor;Fordring;Bogføringsdato;Art;Beløb\n${long}\nD1;F1;01-02-2026;krav;100\n`);
    const a = await cli(['analyse', '--in', path, '--as-of', '2026-12-31']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).errors).toEqual([{ row: 2, message: expect.stringMatching(/uden linjeskift/) }]);
    expect(JSON.parse(a.stdout).summary.balance).toBe(100);
    const one = await cli(['analyse', '--in', file(long), '--as-of', '2026-12-31']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/ingen linjeskift i den første million tegn/);
  });

  it('a ledger through a pipe (| … --in /dev/stdin, --in <(cat …)) is read, not called empty', () => {
    const csv = file('Debitor;Fordring;Bogføringsdato;Art;Beløb\nD1;F1;01-02-2026;krav;100\nD2;F2;01-02-2026;krav;250\n');
    for (const args of ['statements --year 2026', 'analyse --as-of 2026-12-31']) {
      for (const shell of [`cat "${csv}" | node cli/saldo.cjs ${args} --in /dev/stdin`, `node cli/saldo.cjs ${args} --in <(cat "${csv}")`]) {
        const r = spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
        expect(r.stderr, shell).toContain('3 linjer læst = 1 overskrift + 2 godkendt + 0 fejl');
        expect(r.status).toBe(0);
      }
    }
  }, 120_000);

  it('a named pipe is read once to its end and does not hang', async () => {
    const fifo = join(dir, 'ledger.fifo');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    const csv = file('Debitor;Fordring;Bogføringsdato;Art;Beløb\nD1;F1;01-02-2026;krav;100\n');
    const writer = spawn('sh', ['-c', `cat "${csv}" > "${fifo}"`]);
    const r = spawnSync(process.execPath, ['cli/saldo.cjs', 'statements', '--in', fifo, '--year', '2026'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    writer.kill();
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.closing).toBe(100);
  }, 120_000);
});

describe('memory stays bounded (issue 14)', () => {
  it('a statements or letters workbook for more debtors than its limit is refused before it is built; JSON is written', async () => {
    const { WORKBOOK_DEBTOR_LIMIT } = await import('../../cli/ledgerRun.js');
    const rows = Array.from({ length: WORKBOOK_DEBTOR_LIMIT + 1 }, (_, i) => `D${i};F;01-02-2026;krav;1`);
    const path = file(`Debitor;Fordring;Bogføringsdato;Art;Beløb\n${rows.join('\n')}\n`);
    for (const output of [
      ['--out', join(dir, 'x.xlsx')],
      ['--letters', join(dir, 'breve.xlsx')],
    ]) {
      const r = await cli(['statements', '--in', path, '--year', '2026', ...output]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Posteringsfilen har 100.001 debitorer: en projektmappe (--out .xlsx eller --letters) kan rumme højst 100.000');
      expect(r.files.size).toBe(0);
    }
    const json = await cli(['statements', '--in', path, '--year', '2026']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).totals.debtors).toBe(100_001);
  }, 120_000);
});
