/**
 * The line account (issue 14): every physical line of a ledger is the header, a posting, a row
 * error with its own line number, or a blank — through every reader (the stream, the pieces on
 * one and two threads, JSON) and both commands. Random ledgers with random damage: short lines,
 * long lines, stray quotes, quotes never closed, text after a closing quote, quoted line breaks,
 * blank lines and mixed line ends. The test knows each line it wrote, so the oracle is the
 * generator's own list, not the reader.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseFromFile, statementOfFile } from '../../cli/ledger/ledgerCommands.js';
import { balances } from '../../cli/ledger/lineAccount.js';
import { analysisToJson, statementToJson } from '../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../core/rules/ruleSet.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-account-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'Debitor;Navn;Fordring;Bogføringsdato;Art;Beløb';
type Damage = 'kort' | 'lang' | 'citat-midt' | 'citat-åbent' | 'tekst-efter' | 'citat-åbent-beløb';
interface Line {
  kind: 'good' | 'bad' | 'blank';
  text: string;
  /** Physical lines this entry takes (a quoted name with a line break takes two). */
  lines: number;
  debtor?: string;
  ore?: number;
}

const name = fc.constantFrom('Jens', 'Åse Ørsted', '"Hansen; Ole"', '"Sagt ""ja"""', '"Ane\nc/o Bo"', '');
const damage = fc.constantFrom<Damage>('kort', 'lang', 'citat-midt', 'citat-åbent', 'tekst-efter', 'citat-åbent-beløb');
const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('good' as const), name, ore: fc.integer({ min: 1, max: 99_999 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bad' as const), damage, ore: fc.integer({ min: 1, max: 99_999 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ';;;;;', '  ') }) },
);
const ending = fc.constantFrom('\n', '\r\n', '\r');

const kroner = (ore: number) => `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;

type Entry = { kind: 'good'; name: string; ore: number } | { kind: 'bad'; damage: Damage; ore: number } | { kind: 'blank'; text: string };

function lineOf(e: Entry, i: number): Line {
  if (e.kind === 'blank') return { kind: 'blank', text: e.text, lines: 1 };
  if (e.kind === 'good') return { kind: 'good', text: `G${i};${e.name};F${i};01-02-2026;krav;${kroner(e.ore)}`, lines: e.name.includes('\n') ? 2 : 1, debtor: `G${i}`, ore: e.ore };
  const base = [`X${i}`, 'Navn', `F${i}`, '01-02-2026', 'krav', kroner(e.ore)];
  const text = {
    kort: () => base.slice(0, 3).join(';'),
    lang: () => [...base, 'mere'].join(';'),
    'citat-midt': () => [base[0], 'Han"sen', ...base.slice(2)].join(';'),
    'citat-åbent': () => [base[0], '"Hansen', ...base.slice(2)].join(';'),
    'tekst-efter': () => [base[0], '"Hansen"x', ...base.slice(2)].join(';'),
    'citat-åbent-beløb': () => [...base.slice(0, 5), `"${base[5]}`].join(';'),
  }[e.damage]();
  return { kind: 'bad', text, lines: 1, debtor: `X${i}` };
}

const ledger = fc.record({ entries: fc.array(entry, { minLength: 1, maxLength: 40 }), endings: fc.array(ending, { minLength: 41, maxLength: 41 }), last: fc.boolean() });

let n = 0;
let runs = 0;
function write(lines: Line[], endings: string[], finalBreak: boolean): { path: string; starts: number[]; total: number } {
  const starts: number[] = [];
  let at = 2;
  let text = `${HEADER}${endings[0] === '\r' && lines[0]!.text === '' ? '\r\n' : endings[0]}`;
  lines.forEach((l, i) => {
    starts.push(at);
    at += l.lines;
    // A quoted line break inside a name stays LF; the line's own end varies.
    // A lone CR before an empty line ending in LF would make one CR LF of the two: written as CR LF.
    const end = endings[i + 1] === '\r' && lines[i + 1]?.text === '' ? '\r\n' : endings[i + 1]!;
    text += l.text + (i < lines.length - 1 || finalBreak ? end : '');
  });
  n += 1;
  const path = join(dir, `l${n}.csv`);
  writeFileSync(path, text);
  // A last line without a break is still a line; a final blank '' without a break is no line at all.
  const lastEmpty = !finalBreak && lines.at(-1)!.text === '';
  return { path, starts, total: at - 1 - (lastEmpty ? 1 : 0) };
}

describe('every line of a damaged ledger is accounted for (random ledgers, every reader, both commands)', () => {
  it('good lines are postings with their amounts, damaged lines are errors on their own line numbers, and the account balances', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, fc.integer({ min: 40, max: 600 }), async ({ entries, endings, last }, pieceBytes) => {
        const lines = entries.map(lineOf);
        const { path, starts, total } = write(lines, endings, last);
        const expectedErrors = lines.flatMap((l, i) => (l.kind === 'bad' ? [starts[i]!] : []));
        const good = lines.filter((l) => l.kind === 'good');
        const results = [];
        // The pieces (small, on one thread, and every tenth ledger on two: a worker takes a
        // while to start) and the stream (analyse) read the same file.
        runs += 1;
        for (const threads of runs % 10 === 1 ? [1, 2] : [1]) {
          const { statement, lines: account } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes, threads });
          expect(balances(account)).toBe(true);
          expect(account.read).toBe(total);
          expect(account.accepted).toBe(good.length);
          expect(statement.errors.map((e) => e.row)).toEqual(expectedErrors);
          const json = statementToJson({ ...statement, debtors: [...statement.debtors] });
          // Every good line's posting, with its own amount, and no other debtor.
          expect(json.debtors.map((d) => [d.debtorId, Math.round(d.closing * 100)])).toEqual(good.map((l) => [l.debtor, l.ore]).sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'da')));
          results.push(JSON.stringify(json));
        }
        if (results.length > 1) expect(results[1]).toBe(results[0]);
        const analysed = await analyseFromFile(path, { asOf: '2026-12-31' });
        const a = { ...analysisToJson(analysed), source: analysed.source };
        expect(a.source.lines.read).toBe(total);
        expect(balances(a.source.lines)).toBe(true);
        expect(a.errors.map((e: { row: number }) => e.row)).toEqual(expectedErrors);
        expect(Math.round(a.summary.balance * 100)).toBe(good.reduce((s, l) => s + l.ore!, 0));
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('a JSON ledger: every element a posting or an error with its row, and the account balances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: 1, max: 9_999 }), fc.constantFrom('abc', null, -0.001)), { minLength: 1, maxLength: 30 }), async (amounts) => {
        n += 1;
        const path = join(dir, `l${n}.json`);
        writeFileSync(path, JSON.stringify(amounts.map((amount, i) => ({ debtorId: `D${i}`, claimId: 'F', postingDate: '2026-02-01', kind: 'krav', amount }))));
        const { statement, lines } = await statementOfFile(path, defaultRules, { year: '2026' });
        expect(balances(lines)).toBe(true);
        expect(lines.read).toBe(amounts.length + 1);
        // Row 1 is the keys; element i is row i + 2.
        expect(statement.errors.map((e) => e.row)).toEqual(amounts.flatMap((x, i) => (typeof x === 'number' && x > 0 ? [] : [i + 2])));
      }),
      { numRuns: 200 },
    );
  });
});
