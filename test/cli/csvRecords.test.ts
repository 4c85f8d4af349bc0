import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, createLineCounter } from '../../cli/ledger/csvRecords.js';

type Event = ['ok', number, number, string[]] | ['bad', number, number, string] | ['blank', number, number];

/** Tokenizes text cut into the given chunks (3 fields, `;`); returns the events and the lines tokenized. */
function tokenize(chunks: readonly string[], fieldCount = 3, limits?: { quote?: number; line?: number }) {
  const events: Event[] = [];
  const t = createCsvTokenizer(
    { delimiter: ';', fieldCount },
    { record: (c, l, s) => events.push(['ok', l, s, [...c]]), bad: (l, s, m) => events.push(['bad', l, s, m]), blank: (l, s) => events.push(['blank', l, s]) },
    1,
    limits?.quote,
    limits?.line,
  );
  for (const c of chunks) t.push(c);
  return { events, lines: t.finish() };
}

const count = (text: string) => {
  const c = createLineCounter();
  c.push(text);
  return c.finish();
};

describe('the CSV tokenizer: every line a record, a refused row or a blank', () => {
  it("the review's short line (8 fields under 9) is refused alone; the 10 lines after it are records", () => {
    const header = 'Debitor;Navn;CPR;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb';
    const good = Array.from({ length: 10 }, (_, i) => `D${i + 3};;"Hansen; Ib";F${i};andet;05-01-2026;05-01-2026;krav;100`);
    const text = [header, 'D1;;Ib;F1;andet;05-01-2026;05-01-2026;krav;100', 'D2;;Ib;F2;andet;05-01-2026;05-01-2026;krav', ...good].join('\n');
    const { events, lines } = tokenize([text], 9);
    // header + D1 + D2 + 10 good lines
    expect(lines).toBe(13);
    expect(events.filter((e) => e[0] === 'ok')).toHaveLength(12); // the header, D1 and the 10 good lines
    expect(events.filter((e) => e[0] === 'bad')).toEqual([['bad', 3, 1, expect.stringMatching(/^Rækken har 8 felter, men overskriften har 9 – der mangler felter/)]]);
    expect(events.at(-1)).toEqual(['ok', 13, 1, ['D12', '', 'Hansen; Ib', 'F9', 'andet', '05-01-2026', '05-01-2026', 'krav', '100']]);
  });

  it('two stray quotes 1,000 lines apart refuse two lines, and every row keeps its own line number', () => {
    const lines = ['a;b;c', ...Array.from({ length: 1_001 }, (_, i) => (i === 0 ? `x;"y${i};1` : i === 1_000 ? `x;y"${i};1` : `x;y${i};1`))];
    const { events } = tokenize([lines.join('\n')]);
    const bad = events.filter((e) => e[0] === 'bad');
    expect(bad.map((e) => e[1])).toEqual([2, 1_002]);
    const ok = events.filter((e): e is ['ok', number, number, string[]] => e[0] === 'ok');
    expect(ok).toHaveLength(1 + 999);
    for (const [, line, , cells] of ok.slice(1)) expect(cells[1]).toBe(`y${line - 2}`);
  });

  it('line ends LF, CR LF and a lone CR all end a line, also mixed in one file and cut between CR and LF', () => {
    const text = 'a;b;c\nD1;x;1\rD2;y;2\r\nD3;z;3\r';
    const whole = tokenize([text]);
    expect(whole.events.map((e) => e[0] === 'ok' && e[3][0])).toEqual(['a', 'D1', 'D2', 'D3']);
    expect(whole.lines).toBe(4);
    expect(count(text)).toBe(4);
    for (let cut = 0; cut <= text.length; cut += 1) expect(tokenize([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });

  it('a ; at the end of every line is an empty field beyond the header, not an error; a field with text there is', () => {
    const { events } = tokenize(['a;b;c;\nD1;x;1;\nD2;y;2;;\nD3;z;3;more\n']);
    expect(events.map((e) => e[0])).toEqual(['ok', 'ok', 'ok', 'bad']);
    expect(events[3]).toEqual(['bad', 4, 1, expect.stringMatching(/Rækken har 4 felter, men overskriften har 3 – der er felter i overskud/)]);
  });

  it('quoted fields: ; and "" inside, a line break inside (one posting over two lines)', () => {
    const { events, lines } = tokenize(['a;b;c\nD1;"Hansen; Ole";1\nD2;"Sagt ""ja""";2\nD3;"Ane\nc/o Bo";3\nD4;x;4']);
    expect(events).toEqual([
      ['ok', 1, 1, ['a', 'b', 'c']],
      ['ok', 2, 1, ['D1', 'Hansen; Ole', '1']],
      ['ok', 3, 1, ['D2', 'Sagt "ja"', '2']],
      ['ok', 4, 2, ['D3', 'Ane\nc/o Bo', '3']],
      ['ok', 6, 1, ['D4', 'x', '4']],
    ]);
    expect(lines).toBe(6);
  });

  it('blank lines and separator-only lines are blanks with their own line numbers', () => {
    expect(tokenize(['a;b;c\n\n;;\n  \nD1;x;1\n']).events).toEqual([
      ['ok', 1, 1, ['a', 'b', 'c']],
      ['blank', 2, 1],
      ['blank', 3, 1],
      ['blank', 4, 1],
      ['ok', 5, 1, ['D1', 'x', '1']],
    ]);
  });

  it('a line beyond the line limit is refused unread and the line after it is read (memory bounded)', () => {
    const long = 'x'.repeat(5_000);
    const { events, lines } = tokenize(['a;b;c\n', long.slice(0, 2_000), long.slice(2_000), '\nD1;x;1\n'], 3, { line: 1_000 });
    expect(events.map((e) => e.slice(0, 2))).toEqual([
      ['ok', 1],
      ['bad', 2],
      ['ok', 3],
    ]);
    expect(events[1]![3]).toMatch(/uden linjeskift/);
    expect(lines).toBe(3);
  });

  it('an open quote longer than the limit is refused with its first line, and the lines after it are read', () => {
    const { events } = tokenize(['a;b;c\nD0;"x\n', 'no delimiters here\n'.repeat(20), 'D1;y;1\n'], 3, { quote: 100 });
    expect(events[1]).toEqual(['bad', 2, 1, expect.stringMatching(/aldrig lukket/)]);
    expect(events.filter((e) => e[0] === 'bad' || e[0] === 'ok').length).toBe(events.length);
    expect(events.at(-1)).toEqual(['ok', 23, 1, ['D1', 'y', '1']]);
  });

  it('random texts of fields, quotes, delimiters and line ends: every line accounted for, whatever the chunks', () => {
    const piece = fc.constantFrom('a', 'bc', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'æ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, cuts) => {
        const text = parts.join('');
        const whole = tokenize([text]);
        // The tokenizer's lines are the counter's, and the events' spans cover them without gap or overlap.
        expect(whole.lines).toBe(count(text));
        let next = 1;
        for (const e of whole.events) {
          expect(e[1]).toBe(next);
          next += e[2];
        }
        expect(next - 1).toBe(whole.lines);
        // A refused row is one line; a record's cells hold no line break unless quoted over lines.
        for (const e of whole.events) if (e[0] === 'bad') expect(e[2]).toBe(1);
        // However the text is cut into chunks, the same events.
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i, all) => text.slice(from, all[i + 1] ?? text.length));
        expect(tokenize(chunks)).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the line counter', () => {
  it('counts LF, CR LF and lone CR, and a last line without an end; on bytes as on text, in any chunks', () => {
    const text = 'a\nb\r\nc\rd';
    expect(count(text)).toBe(4);
    expect(count('')).toBe(0);
    expect(count('\n')).toBe(1);
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const c = createLineCounter();
      c.push(bytes.subarray(0, cut));
      c.push(bytes.subarray(cut));
      expect(c.finish()).toBe(4);
    }
  });
});
