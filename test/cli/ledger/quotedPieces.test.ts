import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePiece, readCsvLayout, withFile } from '../../../cli/ledger/csvPieces.js';
import { statementOfFile } from '../../../cli/ledger/ledgerCommands.js';
import { readCsvLedger } from '../../../cli/ledger/readLedger.js';
import { statementToJson } from '../../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { LEDGER_HEADER, makeLedger } from '../../../bench/makeLedger.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-quoted-'));

type Event = ['ok', number, number, string[]] | ['bad', number, number, string] | ['blank', number, number];

/** The file's lines as one stream reads them (the reader for pipes): each with its file line. */
async function streamEvents(path: string): Promise<{ events: Event[]; lines: number }> {
  const events: Event[] = [];
  const { lines } = await readCsvLedger(path, {
    header: () => undefined,
    row: (cells, line, span) => events.push(['ok', line, span, cells.map(String)]),
    bad: (line, span, message) => events.push(['bad', line, span, message]),
    blank: (line, span) => events.push(['blank', line, span]),
  });
  // As pieceEvents has them: the blank lines after the rest, without their line numbers.
  const blanks = events.filter((e) => e[0] === 'blank').flatMap((e) => Array.from({ length: e[2] }, (): Event => ['blank', 0, 1]));
  return { events: [...events.filter((e) => e[0] !== 'blank'), ...blanks], lines };
}

/**
 * The same file read in pieces of `pieceBytes`: the lines numbered in the file, as rowNumbering
 * does, and the blank lines after them (a piece counts its blanks, it does not hand them on).
 */
function pieceEvents(path: string, pieceBytes: number): { events: Event[]; lines: number; cutsAtRecords: boolean } {
  const layout = readCsvLayout(path, pieceBytes);
  const events: Event[] = [];
  let base = 1;
  let lines = 1;
  let cutsAtRecords = true;
  let blank = 0;
  withFile(path, (fd) => {
    for (let index = 0; index < layout.pieces; index += 1) {
      const at = base;
      const piece = parsePiece(fd, layout, index, {
        record: (cells, line, span) => events.push(['ok', at + line, span, [...cells]]),
        bad: (line, span, message) => events.push(['bad', at + line, span, message]),
        blank: (line, span) => events.push(['blank', at + line, span]),
      });
      expect(piece.tokenized).toBe(piece.lines);
      if (piece.openAtEnd && index < layout.pieces - 1) cutsAtRecords = false;
      blank += piece.blank;
      base += piece.lines;
      lines += piece.lines;
    }
  });
  for (let b = 0; b < blank; b += 1) events.push(['blank', 0, 1]);
  return { events, lines, cutsAtRecords };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('a ledger with quoted fields read in pieces = the same file read as one stream', () => {
  it('the generated quoted ledger (a quarter of the rows quoted, ; and "" inside): the same records, whatever the cuts', async () => {
    const path = join(dir, 'quoted.csv');
    await makeLedger(path, 3000, 200, 7, { limitation: true, quoted: true });
    const stream = await streamEvents(path);
    for (const bytes of [1 << 30, 997, 4096, 65_536]) {
      const pieces = pieceEvents(path, bytes);
      expect(pieces.cutsAtRecords).toBe(true);
      expect(pieces.lines).toBe(stream.lines);
      expect(pieces.events).toEqual(stream.events);
    }
    const names = new Set(stream.events.map((e) => (e[0] === 'ok' ? e[3][2] : '')));
    expect([...names].some((n) => /^\S+; \S+$/.test(n!))).toBe(true);
    expect([...names].some((n) => /^\S+ "[A-ZÆØÅ]{2}" \S+; ApS$/.test(n!))).toBe(true);
  });

  it('bad quoting, æøå, no-break-space blanks and CR LF in pieces: the same events and messages as the stream', async () => {
    const header = 'Debitor;Navn;Fordring;Bogføringsdato;Art;Beløb';
    const rows = Array.from({ length: 400 }, (_, i) => {
      switch (i % 13) {
        case 1:
          return `D${i};"Søren ""SØ"" Ås; ApS";F;01-01-2026;krav;1,00`;
        case 3:
          return `D${i};"Åse"x;F;01-01-2026;krav;1,00`; // text after a closing quote
        case 5:
          return `D${i};Bjø"rn;F;01-01-2026;krav;1,00`; // a quote in the middle of a field
        case 7:
          return '\u00a0;\u00a0;;\u3000;;'; // blank: no-break spaces only
        case 9:
          return `D${i};"Ærø;F;01-01-2026;krav;1,00`; // never closed on its line
        case 11:
          return `D${i};"Æ\u00a0Ø";"F";"01-01-2026";"krav";"1,00"\r`;
        default:
          return `D${i};Jørgen Læsø;F${i % 3};01-01-2026;krav;1,00`;
      }
    });
    const path = file('broken.csv', [header, ...rows].join('\n') + '\n');
    const stream = await streamEvents(path);
    expect(stream.events.filter((e) => e[0] === 'bad').length).toBeGreaterThan(80);
    expect(stream.events.filter((e) => e[0] === 'blank').length).toBeGreaterThan(25);
    for (const bytes of [1 << 30, 333, 1024]) {
      const pieces = pieceEvents(path, bytes);
      expect(pieces.lines).toBe(stream.lines);
      expect(pieces.events).toEqual(stream.events);
    }
  });

  it('a line of 2,5 million characters is refused unread in a piece as in the stream, and the lines after it are read', async () => {
    const header = 'Debitor;Navn;Fordring;Bogføringsdato;Art;Beløb';
    const row = (i: number) => `D${i};Søren;F;01-01-2026;krav;1,00`;
    const rows = Array.from({ length: 40 }, (_, i) => row(i));
    const path = file('long-line.csv', [header, ...rows.slice(0, 20), `D99;${'ø'.repeat(2_500_000)};F;01-01-2026;krav;1,00`, ...rows.slice(20)].join('\n') + '\n');
    const stream = await streamEvents(path);
    expect(stream.events.filter((e) => e[0] === 'bad')).toEqual([['bad', 22, 1, expect.stringMatching(/^Linjen er over 1\.048\.576 tegn lang/)]]);
    for (const bytes of [1 << 30, 4096]) {
      const pieces = pieceEvents(path, bytes);
      expect(pieces.lines).toBe(stream.lines);
      expect(pieces.events).toEqual(stream.events);
    }
  });

  it('the statement of the quoted ledger in pieces on two threads = through a pipe (one stream)', async () => {
    const path = join(dir, 'quoted-statement.csv');
    await makeLedger(path, 2500, 150, 11, { limitation: true, caseworker: true, quoted: true });
    const json = async (p: string, pieceBytes?: number, threads?: number) => {
      const { statement } = await statementOfFile(p, defaultRules, { year: '2026', pieceBytes, threads });
      return JSON.stringify(statementToJson({ ...statement, debtors: [...statement.debtors] }));
    };
    const fifo = join(dir, 'quoted.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `cat "${path}" > "${fifo}"`]);
    const streamed = await json(fifo);
    writer.kill();
    expect(await json(path, 1 << 30, 1)).toBe(streamed);
    expect(await json(path, 2048, 2)).toBe(streamed);
    expect(JSON.parse(streamed).debtors.some((d: { name: string }) => d.name.includes('""') === false && d.name.includes('"'))).toBe(true);
  });
});

describe('the bench ledger with quoted fields (makeLedger quoted)', () => {
  it('about a quarter of the rows quoted; each debtor one name on all its rows; every other column as without quotes', async () => {
    const plain = join(dir, 'plain.csv');
    const quoted = join(dir, 'quoted-mode.csv');
    await makeLedger(plain, 4000, 320, undefined, { limitation: true, caseworker: true });
    await makeLedger(quoted, 4000, 320, undefined, { limitation: true, caseworker: true, quoted: true });
    const plainLines = readFileSync(plain, 'utf8').trimEnd().split('\n');
    const events = (await streamEvents(quoted)).events;
    expect(events.every((e) => e[0] === 'ok')).toBe(true);
    const rows = events.map((e) => (e as ['ok', number, number, string[]])[3]);
    expect(rows).toHaveLength(plainLines.length - 1);
    const quotedLines = readFileSync(quoted, 'utf8').trimEnd().split('\n');
    expect(quotedLines[0]).toBe(plainLines[0]);
    expect(quotedLines[0]!.startsWith(LEDGER_HEADER)).toBe(true);
    const share = quotedLines.filter((l) => l.includes('"')).length / rows.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    const nameOf = new Map<string, string>();
    rows.forEach((cells, i) => {
      const before = plainLines[i + 1]!.split(';');
      // Every column but the name is the text it has without quotes.
      expect([...cells.slice(0, 2), ...cells.slice(3)]).toEqual([...before.slice(0, 2), ...before.slice(3)]);
      const name = nameOf.get(cells[0]!) ?? cells[2]!;
      expect(cells[2]).toBe(name);
      nameOf.set(cells[0]!, name);
    });
  });
});
