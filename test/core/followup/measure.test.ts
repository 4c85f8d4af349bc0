import { describe, expect, it } from 'vitest';
import { compileMeasure } from '../../../core/followup/measure.js';
import { isSaldoError } from '../../../core/errors.js';

const known = new Set(['pristjek', 'selvanmeldte', 'fund', 'risiko', 'afgang', 'tilgang']);
const counts = new Map([
  ['pristjek', 3000],
  ['selvanmeldte', 20000],
  ['fund', 700],
  ['risiko', 1000],
  ['afgang', 110],
  ['tilgang', 100],
]);
const value = (text: string) => compileMeasure(text, '2.1', 'goals[0].measure', known).evaluate(counts);
const failure = (text: string): string => {
  try {
    compileMeasure(text, '2.1', 'goals[0].measure', known);
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw new Error(`not a SaldoError: ${String(e)}`, { cause: e });
  }
  throw new Error(`accepted: ${text}`);
};

describe('a measure over named counts', () => {
  it('computes ratios, percentages and the allowed functions (by hand)', () => {
    expect(value('pristjek / selvanmeldte')).toBe(0.15); // 3000 / 20000
    expect(value('fund / risiko')).toBe(0.7);
    expect(value('afgang / tilgang * 100')).toBeCloseTo(110, 12);
    expect(value('max(fund, risiko) - min(fund, risiko) + abs(-1) + round(2.4)')).toBe(303); // 1000 − 700 + 1 + 2
    expect(value('2 ^ 10')).toBe(1024);
  });

  it('gives "ingen data" (null) when it divides by zero or lacks a count in the period', () => {
    const m = compileMeasure('fund / risiko', '2.2', 'm', known);
    expect(
      m.evaluate(
        new Map([
          ['fund', 0],
          ['risiko', 0],
        ]),
      ),
    ).toBeNull();
    expect(
      m.evaluate(
        new Map([
          ['fund', 5],
          ['risiko', 0],
        ]),
      ),
    ).toBeNull();
    expect(m.evaluate(new Map([['fund', 5]]))).toBeNull();
    expect(compileMeasure('(0 - 1) ^ 0.5', '2.2', 'm', known).evaluate(new Map())).toBeNull(); // no complex numbers
  });

  it('names the goal and the unknown name, and lists the known ones', () => {
    expect(failure('pristjek / anmeldte')).toMatch(/^Mål 2\.1: målingen "pristjek \/ anmeldte" bruger det ukendte navn "anmeldte"\. Kendte navne i data: pristjek, selvanmeldte/);
  });

  it('reports syntax errors in Danish, pointing at the goal', () => {
    expect(failure('pristjek / ')).toMatch(/^Mål 2\.1: målingen .* kan ikke læses/);
    expect(failure('')).toMatch(/er tom/);
    expect(failure('(((pristjek')).toMatch(/kan ikke læses/);
  });

  // mathjs's security page and published escapes: each must be refused before anything runs.
  const attacks = [
    'import({}, {override: true})',
    'createUnit("foo")',
    'evaluate("1 + 1")',
    'parse("1 + 1")',
    'simplify("x + x")',
    'derivative("x^2", "x")',
    'compile("1").evaluate()',
    'cos.constructor("return process")()',
    'pristjek.constructor',
    'pristjek["constructor"]',
    '[].map.constructor("return this")()',
    'f(x) = x',
    'pristjek = 1',
    'a = 1; a',
    '{a: 1}',
    '[1, 2]',
    '1:3',
    'pristjek > 1 ? 1 : 0',
    'pristjek > 1',
    '5 cm',
    'unit("5 cm")',
    'pi',
    'e',
    'config({number: "BigNumber"})',
    'typed("x", {"": "process"})',
    'chain(1)',
    'help(1)',
    'reviver',
    '"text"',
    'true',
    'null',
    'pristjek!',
    'Object',
    '__proto__',
    'toString()',
    '('.repeat(200) + '1' + ')'.repeat(200),
    'pristjek + '.repeat(60) + '1',
  ];
  it.each(attacks)('refuses %s with a Danish error', (text) => {
    expect(failure(text)).toMatch(/^Mål 2\.1: målingen /);
  });
});

describe('functions with the wrong arguments (found by review): a Danish error, never an English crash', () => {
  const known = new Set(['a', 'b']);
  it.each(['round(a, 400)', 'round(a, b)', 'round(a, 1.5)', 'round()', 'min()', 'max()', 'abs(a, 2)', 'abs()'])('%s', (text) => {
    expect(() => compileMeasure(text, '1', 'm', known)).toThrow(/^Mål 1: målingen .* bruger (round forkert|min uden tal|max uden tal|abs med andet end ét tal)/);
  });
  it('round(a, 2) and min(a, b) still work', () => {
    expect(
      compileMeasure('round(a / b, 2)', '1', 'm', known).evaluate(
        new Map([
          ['a', 1],
          ['b', 3],
        ]),
      ),
    ).toBe(0.33);
    expect(
      compileMeasure('min(a, b)', '1', 'm', known).evaluate(
        new Map([
          ['a', 1],
          ['b', 3],
        ]),
      ),
    ).toBe(1);
  });
});

describe('forms that mathjs would read as something else (found by review)', () => {
  const known = new Set(['a', 'b', 'pristjek', 'selvanmeldte']);
  it('a missing sign ("pristjek selvanmeldte" would be multiplied: 3 × 4 = 12) is refused', () => {
    for (const text of ['pristjek selvanmeldte', '2a', '(a)(b)']) {
      expect(() => compileMeasure(text, '2.1', 'm', known)).toThrow(`Mål 2.1: målingen "${text}" mangler et regnetegn mellem to tal eller navne (skriv * for gange, / for delt med).`);
    }
  });
  it('a percent sign ("a / b %" would be a / (b / 100): 1 and 4 give 25) is refused', () => {
    expect(() => compileMeasure('a / b %', '2.1', 'm', known)).toThrow('Mål 2.1: målingen "a / b %" må ikke indeholde %: skriv andelen som en brøk (f.eks. "a / b") og vælg enheden procent.');
    // the same without %: 1 / 4
    expect(
      compileMeasure('a / b', '2.1', 'm', known).evaluate(
        new Map([
          ['a', 1],
          ['b', 4],
        ]),
      ),
    ).toBe(0.25);
  });
});
