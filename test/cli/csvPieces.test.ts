import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementOfFile } from '../../cli/ledger/ledgerCommands.js';
import { readCsvLayout, rowNumbering } from '../../cli/ledger/csvPieces.js';
import { statementFromRows, statementJsonChunks, statementToJson } from '../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { makeLedger } from '../../bench/makeLedger.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-pieces-'));
let n = 0;
function file(content: string | Buffer): string {
  n += 1;
  const path = join(dir, `l${n}.csv`);
  writeFileSync(path, content);
  return path;
}

/**
 * The statement's contract JSON, read in pieces of `pieceBytes` on `threads` threads, and each
 * claim's caseworker (not in the JSON: the radar reads it) as `debtor/claim=caseworker` lines.
 */
async function read(path: string, pieceBytes?: number, threads?: number, workerTakesAll = false) {
  const { statement, format } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes, threads, workerTakesAll });
  const debtors = [...statement.debtors];
  const caseworkers = debtors.flatMap((d) => d.claims.map((c) => `${d.debtorId}/${c.claimId}=${c.caseworker}`)).join('\n');
  return { json: JSON.stringify(statementToJson({ ...statement, debtors })), caseworkers, format };
}

describe('a CSV ledger read in pieces on two threads', () => {
  it('gives the same statement as one piece on one thread, whatever the cuts (generated ledger, 2,000 rows)', async () => {
    const path = join(dir, 'generated.csv');
    await makeLedger(path, 2000, 150);
    const whole = await read(path, 1 << 30, 1);
    expect(readCsvLayout(path, 997).pieces).toBeGreaterThan(100);
    // The oracle is the one-piece reading: every cut lands somewhere else in a line.
    for (const [bytes, threads] of [
      [997, 1],
      [997, 2],
      [4096, 2],
      [65_536, 2],
    ] as const) {
      expect((await read(path, bytes, threads)).json).toBe(whole.json);
    }
    // The worker's part, merged: every piece done by the worker thread.
    expect((await read(path, 997, 2, true)).json).toBe(whole.json);
    // ... and the one-piece reading agrees with core's in-memory run on the same rows (no CSV reader involved).
    const { readFileSync } = await import('node:fs');
    const rows = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(';'));
    expect(whole.json).toBe(JSON.stringify(statementToJson(statementFromRows(rows, 2026, defaultRules))));
  });
  it('the forældelse facts (payments, set-offs, timely payment dates, doms) and the caseworkers merge to the same statement, whatever the cuts', async () => {
    const path = join(dir, 'generated-limitation.csv');
    await makeLedger(path, 3000, 150, 42, { limitation: true, caseworker: true });
    const whole = await read(path, 1 << 30, 1);
    for (const [bytes, threads] of [
      [997, 2],
      [4096, 2],
    ] as const) {
      const cut = await read(path, bytes, threads);
      expect(cut.json).toBe(whole.json);
      expect(cut.caseworkers).toBe(whole.caseworkers);
    }
    const workerOnly = await read(path, 997, 2, true);
    expect(workerOnly.json).toBe(whole.json);
    expect(workerOnly.caseworkers).toBe(whole.caseworkers);
    // The caseworker rule on the file itself, worked out here: per claim, its first line up to the
    // year end that names one (lines posted in 2027 are not in the 2026 statement).
    const { readFileSync } = await import('node:fs');
    const firstNamed = new Map<string, string>();
    for (const line of readFileSync(path, 'utf8').trimEnd().split('\n').slice(1)) {
      const f = line.split(';');
      if (f[5]!.endsWith('-2027')) continue;
      const key = `${f[0]}/${f[3]}`;
      if (!firstNamed.has(key)) firstNamed.set(key, '');
      if (firstNamed.get(key) === '' && f[11] !== '') firstNamed.set(key, f[11]!);
    }
    expect(whole.caseworkers).toBe([...firstNamed].map(([k, v]) => `${k}=${v}`).join('\n'));
    // Some claims name no caseworker at all.
    expect(whole.caseworkers).toMatch(/=$/m);
    // The ledger exercises every rule: set-offs, doms with renter after them, forældede and open claims.
    const out = JSON.parse(whole.json) as { totals: { movements: Record<string, number> }; debtors: Array<{ claims: Array<{ timeBarred: boolean; limitationReason: string | null }> }> };
    const reasons = out.debtors.flatMap((d) => d.claims.map((c) => c.limitationReason ?? ''));
    expect(out.totals.movements.modregning).toBeLessThan(0);
    expect(reasons.some((r) => r.includes('Renter og gebyrer, der er forfaldet efter dommen'))).toBe(true);
    expect(reasons.some((r) => r.includes('sidste rettidige betalingsdato'))).toBe(true);
    expect(reasons.some((r) => r.includes('(§ 27 stk. 2)'))).toBe(true);
    expect(out.debtors.some((d) => d.claims.some((c) => c.timeBarred))).toBe(true);
  });
  it('row numbers of bad rows count across pieces (the header is row 1)', async () => {
    const header = 'Debitor;Fordring;Bogføringsdato;Art;Beløb';
    const lines = [header, ...Array.from({ length: 300 }, (_, i) => (i === 123 || i === 250 ? `D${i};F;01-01-2026;krav;abc` : `D${i};F;01-01-2026;krav;1,00`))];
    const path = file(lines.join('\n'));
    for (const [threads, workerTakesAll] of [
      [1, false],
      [2, false],
      [2, true],
    ] as const) {
      const { statement } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes: 200, threads, workerTakesAll });
      // line i + 2 in the file holds data row i (0-based)
      expect(statement.errors.map((e) => e.row)).toEqual([125, 252]);
      expect(statement.totals.rows).toBe(298);
    }
  });
  it('a cut inside a quoted line break is noticed and the file is read as one stream instead', async () => {
    const header = 'Debitor;Navn;Fordring;Bogføringsdato;Art;Beløb';
    const lines = [header, ...Array.from({ length: 60 }, (_, i) => `D${i};"Navn ${i}\nanden linje";F;01-01-2026;krav;1,00`)];
    const path = file(lines.join('\n'));
    const whole = await read(path, 1 << 30, 1);
    const cut = await read(path, 100, 2);
    expect(cut.json).toBe(whole.json);
    expect(JSON.parse(cut.json).debtors).toHaveLength(60);
    expect(JSON.parse(cut.json).debtors[0].name).toBe('Navn 0\nanden linje');
  });
  it('a quote that never closes, deep in a file cut in pieces, is listed and the rows after it counted (found by review)', async () => {
    const header = 'Debitor;Fordring;Bogføringsdato;Art;Beløb';
    const lines = [header, ...Array.from({ length: 300 }, (_, i) => (i === 200 ? `D${i};"F;01-01-2026;krav;1,00` : `D${i};F;01-01-2026;krav;1,00`))];
    const path = file(lines.join('\n'));
    for (const [bytes, threads] of [
      [1 << 30, 1],
      [200, 1],
      [200, 2],
    ] as const) {
      const { statement } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes: bytes, threads });
      // data row 200 (0-based) is file row 202; the other 299 rows of 1,00 kr. are summed
      expect(statement.errors).toEqual([{ row: 202, message: expect.stringMatching(/lukkes ikke på samme linje/) }]);
      expect(statement.totals.closing).toBe(29_900);
    }
  });
  it('two quotes in the middle of fields in different pieces: each line listed on its own, whatever the cuts', async () => {
    const header = 'Debitor;Fordring;Bogføringsdato;Art;Beløb';
    const lines = [header, ...Array.from({ length: 300 }, (_, i) => (i === 50 || i === 250 ? `D${i};F"${i};01-01-2026;krav;1,00` : `D${i};F;01-01-2026;krav;1,00`))];
    const path = file(lines.join('\n'));
    for (const [bytes, threads] of [
      [1 << 30, 1],
      [200, 2],
    ] as const) {
      const { statement } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes: bytes, threads });
      expect(statement.errors.map((e) => e.row)).toEqual([52, 252]);
      expect(statement.totals.closing).toBe(29_800);
    }
  });
  it('Windows-1252 in a later piece makes the file Windows-1252; mixed with UTF-8 æøå it is refused', async () => {
    const header = 'Debitor;Navn;Fordring;Bogføringsdato;Art;Beløb';
    const ascii = Array.from({ length: 200 }, (_, i) => `D${i};Jens;F;01-01-2026;krav;1,00`);
    const latin = Buffer.from([header, ...ascii, 'D999;Søren;F;01-01-2026;krav;1,00'].join('\n'), 'latin1');
    const r = await read(file(latin), 256, 2);
    expect(r.format).toBe('windows-1252');
    expect(JSON.parse(r.json).debtors.find((d: { debtorId: string }) => d.debtorId === 'D999').name).toBe('Søren');
    const mixed = Buffer.concat([Buffer.from([header, 'D1;Søren;F;01-01-2026;krav;1,00', ...ascii].join('\n') + '\n', 'utf8'), Buffer.from('D2;Åse;F;01-01-2026;krav;1,00\n', 'latin1')]);
    await expect(read(file(mixed), 256, 2)).rejects.toThrow(/blander tegnsæt/);
  });
  it('rowNumbering turns piece keys into file rows', () => {
    const piece = (index: number, lines: number) => ({ index, bytes: 0, lines, tokenized: lines, blank: 0, continued: 0, openAtEnd: false, encoding: 'ascii' as const });
    const of = rowNumbering([piece(1, 5), piece(0, 3)]);
    expect(of(0 * 2 ** 32 + 1)).toBe(2); // first data row of piece 0
    expect(of(1 * 2 ** 32 + 1)).toBe(5); // header + 3 rows of piece 0, then this one
  });
});

describe('the statement JSON written piece by piece', () => {
  it('is exactly JSON.stringify of the contract object (hand ledger, masked and not, several chunk sizes)', () => {
    const rows = [
      ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
      ['D1', '010190-1234', 'Anne "Ø" \\ Ørsted', 'F1', 'daginstitution', '01-09-2025', '01-09-2025', 'krav', '3.450,00'],
      ['D1', '010190-1234', 'Anne "Ø" \\ Ørsted', 'F1', 'daginstitution', '05-01-2026', '', 'betaling', '-1.000,05'],
      ['D2', '', '', 'E1', 'ejendomsskat', '31-03-2022', '', 'krav', '0,10'],
      ['D3', '', 'X', 'E1', 'andet', 'i går', '', 'krav', '1'],
    ];
    const s = statementFromRows(rows, 2026, defaultRules);
    for (const maskCpr of [false, true]) {
      for (const per of [1, 2, 200]) {
        const text = [...statementJsonChunks(s, { maskCpr }, { source: { file: 'x.csv', format: 'utf-8' } }, per)].join('');
        expect(text).toBe(JSON.stringify({ ...statementToJson(s, { maskCpr }), source: { file: 'x.csv', format: 'utf-8' } }));
      }
    }
  });
});
