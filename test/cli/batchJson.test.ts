import { describe, expect, it } from 'vitest';
import { batchJsonPieces, toJsonText } from '../../cli/cliShared.js';

describe('a batch written as JSON pieces (issue 22)', () => {
  it('is one compact element per line, between [ and ], whatever the pieces', () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ n: i + 1, text: 'æøå "x"' }));
    expect(toJsonText(items, true)).toBe('[\n{"n":1,"text":"æøå \\"x\\""},\n{"n":2,"text":"æøå \\"x\\""},\n{"n":3,"text":"æøå \\"x\\""}\n]\n');
    expect(toJsonText([], true)).toBe('[]\n');
  });

  it('cuts a large batch into pieces of about 1 MB that join to the whole', () => {
    // 3.000 elements of about 1 KB: about 3 MB, so three or four pieces.
    const items = Array.from({ length: 3000 }, (_, i) => ({ n: i, pad: 'x'.repeat(1000) }));
    const pieces = [...batchJsonPieces(items)];
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.slice(0, -1).every((p) => p.length > 1 << 20 && p.length < (1 << 20) + 2000)).toBe(true);
    const whole = pieces.join('');
    expect(JSON.parse(whole)).toEqual(items);
    expect(whole.split('\n')).toHaveLength(3000 + 3); // "[", the elements, "]", and the final newline's empty rest
  });
});
