/**
 * pngOnWhite: a PNG that PDFKit would unpack in a Web Worker comes back as the same picture on
 * white, an 8-bit RGB PNG; any other PNG comes back as it was. The pictures are made by the test's
 * own PNG writer (imageHelpers), so every source pixel is known, and each expected pixel is the
 * compositing rule applied to it here: round((c · a + 255 · (255 − a)) / 255).
 */
import { decode } from 'fast-png';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from '../../letters/blocks.js';
import { pngOnWhite } from '../../letters/pdf/pngOnWhite.js';
import { png, type PngOptions } from './imageHelpers.js';

/** The rule: a pixel of opacity a shows a/255 of its colour and the rest of the white paper. */
const onWhite = (c: number, a: number) => Math.round((c * a + 255 * (255 - a)) / 255);

/** The PNG's IHDR fields that say how PDFKit takes it: bit depth, colour type, interlacing. */
const header = (bytes: Uint8Array) => ({ depth: bytes[24], colour: bytes[25], interlaced: bytes[28] === 1 });

/** What pngOnWhite made, as RGB bytes, after checking it is what PDFKit embeds without unpacking. */
function pixelsOf(bytes: Uint8Array): Uint8Array {
  expect(header(bytes)).toEqual({ depth: 8, colour: 2, interlaced: false });
  return Uint8Array.from(decode(bytes).data);
}

/** The expected RGB bytes of a `width` × `height` picture whose pixel (x, y) is `rgba(x, y)` at 8 bits. */
const expectedOnWhite = (width: number, height: number, rgba: (x: number, y: number) => readonly number[]) =>
  Uint8Array.from(Array.from({ length: width * height }, (_, i) => rgba(i % width, Math.floor(i / width))).flatMap(([r, g, b, a]) => [onWhite(r!, a!), onWhite(g!, a!), onWhite(b!, a!)]));

/** A PNG built around raw image data (filter bytes and rows, as PNG packs them), for data no encoder writes. */
function pngWithRaw(width: number, height: number, colour: number, depth: number, raw: Uint8Array): Uint8Array {
  const chunk = (type: string, body: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colour, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

const W = 11;
const H = 9;
// 11 × 9: odd, so rows of 1, 2 and 4-bit samples end inside a byte and Adam7's passes are uneven.
const level = (x: number, y: number) => (x * 23 + y * 17) % 256;
const opacity = (x: number, y: number) => Math.round((255 * ((x + 2 * y) % 7)) / 6);
/** A 16-bit sample whose high byte is `v`; the low byte is noise the picture on white does not show. */
const wide = (v: number, x: number, y: number) => v * 256 + ((x * 41 + y * 7) % 256);

describe('pngOnWhite: what PDFKit embeds as it is comes back as it was', () => {
  it('an opaque, non-interlaced RGB PNG is returned as the very same bytes', () => {
    const bytes = png(W, H, (x, y) => [level(x, y), 0, 255 - level(x, y)], { colour: 2, filtered: true });
    expect(pngOnWhite(bytes)).toBe(bytes);
  });

  it('a grey or RGB PNG whose tRNS names one transparent value is returned as it was: PDFKit masks that value itself', () => {
    const grey = png(W, H, (x, y) => [(x + y) % 2], { colour: 0, depth: 1, transparency: [0, 1] });
    const rgb = png(W, H, (x, y) => [x * 1000, y * 1000, 7], { colour: 2, depth: 16, transparency: [0, 0, 0, 0, 0, 7] });
    expect(pngOnWhite(grey)).toBe(grey);
    expect(pngOnWhite(rgb)).toBe(rgb);
  });

  it('bytes that are not a PNG are returned as they were (PDFKit says what they are not)', () => {
    const bytes = new TextEncoder().encode('GIF89a, not a PNG');
    expect(pngOnWhite(bytes)).toBe(bytes);
  });
});

describe('pngOnWhite: a PNG with transparency, or interlaced, is laid on white pixel by pixel', () => {
  const cases: Array<{ name: string; pixel: (x: number, y: number) => readonly number[]; options: PngOptions; rgba: (x: number, y: number) => readonly number[] }> = [
    {
      name: 'RGBA, 8 bits',
      pixel: (x, y) => [level(x, y), 255 - level(x, y), 60, opacity(x, y)],
      options: { colour: 6, filtered: true },
      rgba: (x, y) => [level(x, y), 255 - level(x, y), 60, opacity(x, y)],
    },
    {
      name: 'RGBA, 16 bits, interlaced (the high byte counts)',
      pixel: (x, y) => [wide(level(x, y), x, y), wide(90, x, y), wide(200, y, x), wide(opacity(x, y), x, y)],
      options: { colour: 6, depth: 16, interlaced: true, filtered: true },
      rgba: (x, y) => [level(x, y), 90, 200, opacity(x, y)],
    },
    {
      name: 'grey with alpha, 8 bits',
      pixel: (x, y) => [level(x, y), opacity(x, y)],
      options: { colour: 4, filtered: true },
      rgba: (x, y) => [level(x, y), level(x, y), level(x, y), opacity(x, y)],
    },
    {
      name: 'grey with alpha, 16 bits',
      pixel: (x, y) => [wide(level(x, y), x, y), wide(opacity(x, y), y, x)],
      options: { colour: 4, depth: 16, filtered: true },
      rgba: (x, y) => [level(x, y), level(x, y), level(x, y), opacity(x, y)],
    },
    {
      name: 'grey, 8 bits, interlaced, with a tRNS key (value 46 is transparent)',
      pixel: (x, y) => [(x + y) % 3 === 0 ? 46 : level(x, y) | 1],
      options: { colour: 0, interlaced: true, transparency: [0, 46], filtered: true },
      rgba: (x, y) => ((x + y) % 3 === 0 ? [46, 46, 46, 0] : [level(x, y) | 1, level(x, y) | 1, level(x, y) | 1, 255]),
    },
    {
      name: 'grey, 16 bits, interlaced, with a tRNS key compared at full depth (0x4000 is transparent, 0x4001 is not)',
      pixel: (x, y) => [(x + y) % 3 === 0 ? 0x4000 : (x + y) % 3 === 1 ? 0x4001 : wide(level(x, y), x, y)],
      options: { colour: 0, depth: 16, interlaced: true, transparency: [0x40, 0x00] },
      rgba: (x, y) => ((x + y) % 3 === 0 ? [64, 64, 64, 0] : (x + y) % 3 === 1 ? [64, 64, 64, 255] : [level(x, y), level(x, y), level(x, y), 255]),
    },
    {
      name: 'RGB, 8 bits, interlaced, with a tRNS key (all three must match)',
      pixel: (x, y) => (x % 2 === 0 ? [10, 20, 30] : y % 2 === 0 ? [10, 20, 31] : [level(x, y), 5, 6]),
      options: { colour: 2, interlaced: true, transparency: [0, 10, 0, 20, 0, 30], filtered: true },
      rgba: (x, y) => (x % 2 === 0 ? [10, 20, 30, 0] : y % 2 === 0 ? [10, 20, 31, 255] : [level(x, y), 5, 6, 255]),
    },
    {
      name: 'RGB, 16 bits, interlaced, with a tRNS key compared at full depth',
      pixel: (x, y) => (x % 2 === 0 ? [0x1234, 0x5678, 0x9abc] : y % 2 === 0 ? [0x1234, 0x5678, 0x9abd] : [wide(level(x, y), x, y), wide(1, y, x), 0xffff]),
      options: { colour: 2, depth: 16, interlaced: true, transparency: [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc], filtered: true },
      rgba: (x, y) => (x % 2 === 0 ? [0x12, 0x56, 0x9a, 0] : y % 2 === 0 ? [0x12, 0x56, 0x9a, 255] : [level(x, y), 1, 255, 255]),
    },
  ];
  // A palette of 2, 4, 16 and 256 entries, the first three partly transparent (tRNS shorter than the palette: the rest are opaque).
  const palette = (entries: number) => Array.from({ length: entries }, (_, k) => [(k * 97) % 256, (k * 31) % 256, 255 - ((k * 13) % 256)] as const);
  const alphas = [0, 128, 255, 40];
  for (const [depth, interlaced, transparent] of [
    [1, false, true],
    [2, false, true],
    [4, false, true],
    [8, false, true],
    [8, true, true],
    [8, true, false],
  ] as const) {
    const entries = 2 ** depth;
    const index = (x: number, y: number) => (x * 3 + y * 5) % entries;
    const colours = palette(entries);
    const trns = transparent ? alphas.slice(0, Math.min(entries, 3)) : undefined;
    cases.push({
      name: `palette, ${depth} bit${depth === 1 ? '' : 's'}${interlaced ? ', interlaced' : ''}${transparent ? ', with transparent entries' : ''}`,
      pixel: (x, y) => [index(x, y)],
      options: { colour: 3, depth, palette: colours, interlaced, filtered: true, ...(trns ? { transparency: trns } : {}) },
      rgba: (x, y) => [...colours[index(x, y)]!, trns?.[index(x, y)] ?? 255],
    });
  }

  for (const { name, pixel, options, rgba } of cases) {
    it(name, () => {
      const made = pngOnWhite(png(W, H, pixel, options));
      expect(pixelsOf(made)).toEqual(expectedOnWhite(W, H, rgba));
    });
  }
});

describe('pngOnWhite: a PNG that cannot be drawn is refused in Danish', () => {
  const rgba = (width: number, height: number) => png(width, height, (x) => [0, 0, 0, x * 50]);

  it('a picture of more than MAX_IMAGE_PIXELS is refused by its IHDR, before anything is unpacked', () => {
    // One pixel of data under a header that claims 6,000 × 6,000: unpacking it would fail otherwise.
    const bytes = rgba(1, 1);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    view.setUint32(16, 6000);
    view.setUint32(20, 6000);
    expect(6000 * 6000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    expect(() => pngOnWhite(bytes)).toThrow(/^PNG-billedet er for stort \(6000 × 6000 punkter\)$/);
  });

  it('a PNG cut short, in its data or before its end chunk, is "afkortet"', () => {
    const bytes = rgba(8, 8);
    expect(() => pngOnWhite(bytes.subarray(0, bytes.length - 20))).toThrow(/^PNG-billedet er afkortet$/);
    expect(() => pngOnWhite(bytes.subarray(0, bytes.length - 12))).toThrow(/^PNG-billedet er afkortet$/);
  });

  it('image data that is not a zlib stream cannot be unpacked', () => {
    const bytes = rgba(8, 8);
    // The first byte of the IDAT data (after the signature, the 25-byte IHDR chunk and IDAT's length and type): zlib's method byte.
    bytes[8 + 25 + 8] = 0;
    expect(() => pngOnWhite(bytes)).toThrow(/^PNG-billedet kan ikke pakkes ud$/);
  });

  it('a zip bomb (one pixel whose data unpacks to 10 MB) is refused while unpacking, not after', () => {
    const bomb = pngWithRaw(1, 1, 6, 8, new Uint8Array(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20 * 1024);
    expect(() => pngOnWhite(bomb)).toThrow(/^PNG-billedet har flere data end sin størrelse$/);
  });

  it('image data shorter than the picture is refused rather than drawn with blank rows', () => {
    // 4 × 4 RGBA needs 4 rows of 1 + 16 bytes; only one is there.
    const short = pngWithRaw(4, 4, 6, 8, new Uint8Array(17));
    expect(() => pngOnWhite(short)).toThrow(/^PNG-billedet har for få data til sin størrelse$/);
  });

  it('what fast-png cannot read (a row filter PNG does not have) is "beskadiget", with no English from the library', () => {
    const raw = new Uint8Array(2 * (1 + 2 * 4));
    raw[0] = 9;
    let error: unknown;
    try {
      pngOnWhite(pngWithRaw(2, 2, 6, 8, raw));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('PNG-billedet er beskadiget');
    // The library's own words stay in the cause, for whoever debugs it.
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('a colour type PNG does not have is named, whether or not the picture needs unpacking', () => {
    expect(() => pngOnWhite(pngWithRaw(1, 1, 5, 8, new Uint8Array(4)))).toThrow(/^PNG-billedet har en farvetype, PNG ikke kender \(5\)$/);
  });
});

describe('pngOnWhite: interlaced PNGs of 1, 2 or 4 bits a pixel (fast-png 8 cannot unpack them)', () => {
  const grey1 = png(W, H, (x, y) => [(x + y) % 2], { colour: 0, depth: 1, interlaced: true, transparency: [0, 1] });
  const palette2 = png(W, H, (x, y) => [(x + y) % 4], {
    colour: 3,
    depth: 2,
    interlaced: true,
    palette: [
      [200, 0, 0],
      [0, 200, 0],
      [0, 0, 200],
      [9, 9, 9],
    ],
    transparency: [0, 128],
  });

  it('are refused in Danish, saying how to save them, rather than drawn garbled', () => {
    expect(() => pngOnWhite(grey1)).toThrow(/^PNG-billedet er gemt sammenflettet \(interlaced\) med 1 bit pr\. punkt, og det kan Saldo ikke pakke ud; gem det uden sammenfletning$/);
    expect(() => pngOnWhite(palette2)).toThrow(/med 2 bit pr\. punkt/);
  });

  it('fast-png still misreads them (when this fails, fast-png has learnt to, and pngOnWhite can stop refusing them)', () => {
    // The 1-bit grey picture's samples as fast-png gives a non-interlaced one: each row packed, 8 pixels a byte.
    const packed = Array.from({ length: H }, (_, y) => [0, 1].map((b) => Array.from({ length: 8 }, (_, i) => (b * 8 + i < W ? (b * 8 + i + y) % 2 : 0) << (7 - i)).reduce((s, v) => s | v, 0))).flat();
    let read: number[] | undefined;
    try {
      read = Array.from(decode(grey1).data);
    } catch {
      read = undefined;
    }
    expect(read).not.toEqual(packed);
    // The same picture saved without interlacing is read right: the packing above is fast-png's.
    expect(Array.from(decode(png(W, H, (x, y) => [(x + y) % 2], { colour: 0, depth: 1 })).data)).toEqual(packed);
  });
});
