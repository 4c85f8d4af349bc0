import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, createReferenceCsvTokenizer, type CsvShape } from '../../../cli/ledger/csvRecords.js';

type Event = ['ok', number, number, string[]] | ['bad', number, number, string] | ['blank', number, number];

/** Tokenizes text cut into chunks with the tokenizer given; returns the events, the lines and whether it ended in a quote. */
function tokenize(make: typeof createCsvTokenizer, chunks: readonly string[], shape: CsvShape = { delimiter: ';', fieldCount: 3 }, limits?: { quote?: number; line?: number }) {
  const events: Event[] = [];
  const t = make(
    shape,
    { record: (c, l, s) => events.push(['ok', l, s, [...c]]), bad: (l, s, m) => events.push(['bad', l, s, m]), blank: (l, s) => events.push(['blank', l, s]) },
    1,
    limits?.quote,
    limits?.line,
  );
  for (const c of chunks) t.push(c);
  const lines = t.finish();
  return { events, lines, open: t.endedInQuote() };
}

const fast = (chunks: readonly string[], fieldCount = 3) => tokenize(createCsvTokenizer, chunks, { delimiter: ';', fieldCount });

describe('the fast path for lines with quotes', () => {
  it('fields with ; and "" inside quotes give their exact text', () => {
    const text = [
      'Debitor;Navn;Beløb',
      'D1;"Jensen; Karen";100',
      'D2;"Karen ""KK"" Jensen; ApS";200',
      '"D3";"";"300"',
      'D4;"""";4',
      'D5;"a""""b";5',
      'D6;"Søren";"6";',
      'D7;"x;y";7\r\nD8;"";8\rD9;"z"',
    ].join('\n');
    expect(fast([text]).events).toEqual([
      ['ok', 1, 1, ['Debitor', 'Navn', 'Beløb']],
      ['ok', 2, 1, ['D1', 'Jensen; Karen', '100']],
      ['ok', 3, 1, ['D2', 'Karen "KK" Jensen; ApS', '200']],
      ['ok', 4, 1, ['D3', '', '300']],
      ['ok', 5, 1, ['D4', '"', '4']],
      ['ok', 6, 1, ['D5', 'a""b', '5']],
      ['ok', 7, 1, ['D6', 'Søren', '6']],
      ['ok', 8, 1, ['D7', 'x;y', '7']],
      ['ok', 9, 1, ['D8', '', '8']],
      ['bad', 10, 1, expect.stringMatching(/^Rækken har 2 felter, men overskriften har 3 – der mangler felter \("D9;\\"z\\""\)/)],
    ]);
  });

  it('bad quoting on a line with good quoted fields is refused line by line, as before', () => {
    const lines = [
      'a;b;c',
      'D1;"ok";x"y', // a quote in the middle of a later field
      'D2;"ok"x;1', // text after a closing quote
      'D3;"ok";"never closed',
      'D4;"ok";4',
      'D5;"a";"b";"c"', // too many fields
      'D6;"ok";"runs\ninto the next line;6"', // lines run together by a stray quote
      'D7;"ok";7',
    ];
    const { events, lines: read } = fast([lines.join('\n')]);
    expect(read).toBe(9);
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      ['ok', 1, 1],
      ['bad', 2, 1],
      ['bad', 3, 1],
      ['bad', 4, 1],
      ['ok', 5, 1],
      ['bad', 6, 1],
      ['bad', 7, 1],
      ['bad', 8, 1],
      ['ok', 9, 1],
    ]);
    const messages = events.filter((e) => e[0] === 'bad').map((e) => e[3]);
    expect(messages[0]).toMatch(/står midt i et felt/);
    expect(messages[1]).toMatch(/Efter et afsluttende anførselstegn/);
    expect(messages[2]).toMatch(/lukkes ikke på samme linje/);
    expect(messages[3]).toMatch(/felter i overskud/);
    expect(messages[4]).toMatch(/lukkes ikke på samme linje/);
    // The line after the one refused is read anew: `into the next line;6"`.
    expect(messages[5]).toMatch(/står midt i et felt \("into the next line;6/);
    expect(events.at(-1)).toEqual(['ok', 9, 1, ['D7', 'ok', '7']]);
  });

  it('gives the reference parser’s events on random texts of quoted fields, stray quotes and line ends, whatever the chunks', () => {
    // Whole quoted fields (with ; "" and line breaks inside) as well as stray quotes, so both the
    // fast path and every way out of it are drawn.
    const part = fc.oneof(
      fc.constantFrom('a', 'bc', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'æ', '\u00a0', ';;'),
      fc.constantFrom('"x;y"', '"K ""KK"" J; ApS"', '""', '"ø\nå"', '"a"b', '"', ';"q";', '"\r"'),
    );
    const shape = fc.record({ delimiter: fc.constantFrom(';', ','), fieldCount: fc.constantFrom(0, 1, 2, 3, 4) });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 60 }), shape, fc.array(fc.nat(), { maxLength: 5 }), fc.constantFrom(undefined, 7, 40), (parts, s, cuts, limit) => {
        const text = parts.join('').replaceAll(';', s.delimiter);
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i, all) => text.slice(from, all[i + 1] ?? text.length));
        const limits = { quote: limit, line: limit };
        expect(tokenize(createCsvTokenizer, chunks, s, limits)).toEqual(tokenize(createReferenceCsvTokenizer, chunks, s, limits));
        expect(tokenize(createCsvTokenizer, [text], s, limits)).toEqual(tokenize(createReferenceCsvTokenizer, [text], s, limits));
      }),
      { numRuns: 5000 },
    );
  });
});

/** UTF-8 bytes held one character a byte, as the piece reader hands them to the tokenizer. */
const asBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const utf8Text = (raw: string) => Buffer.from(raw, 'latin1').toString('utf8');

describe('UTF-8 tokenized as its bytes (textOf): the same records, blanks and messages as the text', () => {
  it('cells are the bytes of their text, and a line of no-break spaces is blank', () => {
    const text = 'a;b;c\nD1;"Søren; Åse";æ\n\u00a0;\u3000;\n;\u00a0\nD2;"x";\u2028ø\n';
    const shape = { delimiter: ';', fieldCount: 3 };
    const asText = tokenize(createCsvTokenizer, [text], shape);
    const bytes = tokenize(createCsvTokenizer, [asBytes(text)], { ...shape, textOf: utf8Text });
    const decoded = bytes.events.map((e) => (e[0] === 'ok' ? ['ok', e[1], e[2], e[3].map(utf8Text)] : e));
    expect(decoded).toEqual(asText.events);
    expect(asText.events.filter((e) => e[0] === 'blank')).toHaveLength(2);
  });

  it('the same events on random texts with æøå, no-break spaces and bad quoting (messages show the text)', () => {
    const part = fc.constantFrom('a', 'ø', 'Å', '€', '😀', ';', '"', '""', '"x;ø"', '\n', '\r\n', '\u00a0', '\u3000', ' ', 'ab');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 50 }), fc.constantFrom(1, 2, 3), fc.constantFrom(undefined, 5, 30), (parts, fieldCount, limit) => {
        const text = parts.join('');
        const shape = { delimiter: ';', fieldCount };
        const limits = { quote: limit, line: limit };
        const asText = tokenize(createCsvTokenizer, [text], shape, limits);
        const bytes = tokenize(createCsvTokenizer, [asBytes(text)], { ...shape, textOf: utf8Text }, limits);
        const decoded = bytes.events.map((e) => (e[0] === 'ok' ? ['ok', e[1], e[2], e[3].map(utf8Text)] : e));
        expect({ ...bytes, events: decoded }).toEqual(asText);
      }),
      { numRuns: 5000 },
    );
  });
});
