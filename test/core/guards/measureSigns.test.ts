import { describe, expect, it } from 'vitest';
import { compileMeasure } from '../../../core/followup/measure.js';

const known = new Set(['pristjek', 'selvanmeldte', 'a', 'b']);
const compile = (text: string) => compileMeasure(text, '2.1', 'goals[0].measure', known);

describe('a measure says only what a controller meant (issue 14)', () => {
  it('"#" is refused: mathjs would read the rest as a comment ("a / b # x" gives a / b)', () => {
    expect(() => compile('pristjek / selvanmeldte # x')).toThrow('Mål 2.1: målingen "pristjek / selvanmeldte # x" må ikke indeholde "#" (tegn 25): kun navne, tal, + - * / ^, parenteser og komma.');
  });

  it.each([
    ['a / b\n+ 1', 'et linjeskift'], // two lines: mathjs evaluates both and keeps the last
    ['a / b; b', '";"'],
    ["a'", `"'"`], // transpose
    ['a!', '"!"'], // factorial
    ['a == b', '"="'],
    ['a > b ? a : b', '">"'],
    ['a & b', '"&"'],
    ['a | b', '"|"'],
    ['~a', '"~"'],
    ['a $ b', '"$"'],
    ['[a, b]', '"["'],
  ])('%j is refused, naming %s', (text, shown) => {
    expect(() => compile(text)).toThrow(`må ikke indeholde ${shown}`);
  });

  it.each(['0x10', '0b101', '0o17', 'a / 0x2'])('a hexadecimal, binary or octal number %s is refused', (text) => {
    expect(() => compile(text)).toThrow(/må ikke indeholde tal skrevet med 0x, 0b eller 0o/);
  });

  it('ordinary measures still work: names with æøå, decimals, exponent', () => {
    const m = compileMeasure('(fællesøre + 0.5) / 2e1', '', 'm', new Set(['fællesøre']));
    expect(m.evaluate(new Map([['fællesøre', 9.5]]))).toBe(0.5);
  });
});
