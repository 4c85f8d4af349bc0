import { describe, expect, it } from 'vitest';
import { batchJsonPieces, toJsonText } from '../../cli/cliShared.js';

describe('a batch written as JSON pieces (issue 22)', () => {
  it('is one compact element per line, between [ and ], whatever the pieces', () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ n: i + 1, text: 'æøå "x"' }));
    expect(toJsonText(items, true)).toBe('[\n{"n":1,"text":"æøå \\"x\\""},\n{"n":2,"text":"æøå \\"x\\""},\n{"n":3,"text":"æøå \\"x\\""}\n]\n');
    expect(toJsonText([], true)).toBe('[]\n');
  });

  it("comes as the elements' texts and what stands between them, which join to the whole", () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ n: i, pad: 'x'.repeat(1000) }));
    const pieces = [...batchJsonPieces(items)];
    // "[\n", then each element's own text after ",\n" (the first after "[\n"), then "\n]\n": no piece is a join.
    expect(pieces).toHaveLength(2 * 3000 + 1);
    expect(pieces.filter((_, k) => k % 2 === 1)).toEqual(items.map((item) => JSON.stringify(item)));
    const whole = pieces.join('');
    expect(JSON.parse(whole)).toEqual(items);
    expect(whole.split('\n')).toHaveLength(3000 + 3); // "[", the elements, "]", and the final newline's empty rest
  });
});
