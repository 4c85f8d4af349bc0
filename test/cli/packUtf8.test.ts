import { describe, expect, it } from 'vitest';
import { packUtf8 } from '../../cli/packUtf8.js';

/** The views copied as they come (each is valid only until the next is asked for). */
const packed = (pieces: Iterable<string | Uint8Array>, size?: number): Buffer[] => {
  const copies: Buffer[] = [];
  for (const view of packUtf8(pieces, size)) copies.push(Buffer.from(view));
  return copies;
};

describe('text pieces packed as UTF-8 into one reused buffer (issue 22)', () => {
  it('gives the bytes of the joined text, whatever the sizes and characters', () => {
    // ø is 2 bytes, € 3, 😀 4 (two UTF-16 units); pieces smaller and larger than the buffer.
    const pieces = ['Søren ', '€'.repeat(40), ' 😀 ', '', 'x'.repeat(1_000), 'ø', ',\n', 'æøå'.repeat(7)];
    for (const size of [4, 16, 100, 1 << 20]) expect(Buffer.concat(packed(pieces, size)).equals(Buffer.from(pieces.join('')))).toBe(true);
  });

  it('fills the buffer before it yields: small pieces make few views', () => {
    const pieces = Array.from({ length: 1_000 }, (_, k) => `{"n":${k}}`);
    const views = packed(pieces, 1 << 12);
    // About 9 KB of text in 4 KB buffers: 3 views, each but the last filled to within a piece's worst case (3 bytes a unit).
    expect(views.length).toBe(Math.ceil(Buffer.byteLength(pieces.join('')) / ((1 << 12) - 3 * 10)));
    expect(views.slice(0, -1).every((v) => v.length > (1 << 12) - 3 * 10)).toBe(true);
  });

  it('copies pieces of bytes as they come: one scratch buffer written again for each piece', () => {
    // As the batch's schedules come: the same bytes overwritten before the next piece is asked for.
    const scratch = new Uint8Array(64);
    function* pieces() {
      for (let k = 0; k < 50; k += 1) {
        yield `{"k":${k},"rows":[`;
        const n = Buffer.from(`{"n":${k}}`).copy(scratch);
        yield scratch.subarray(0, n);
        yield ']}';
      }
    }
    const whole = Array.from({ length: 50 }, (_, k) => `{"k":${k},"rows":[{"n":${k}}]}`).join('');
    for (const size of [8, 32, 1 << 20]) expect(Buffer.concat(packed(pieces(), size)).toString()).toBe(whole);
  });

  it('yields nothing for no text', () => {
    expect(packed([])).toEqual([]);
    expect(packed(['', ''])).toEqual([]);
  });
});
