/**
 * Pictures for the letter tests, made here byte by byte as the PNG specification describes them
 * (chunks with CRC-32, scanlines with their filter, Adam7 interlacing) and as the JPEG one does
 * (baseline, flat 8 × 8 blocks), so a test knows every pixel it gives the letter writer; and the
 * pictures a PDF holds (and a text's size), read back with pdf.js.
 */
import { crc32, deflateSync } from 'node:zlib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PngOptions {
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha (default). */
  colour?: 0 | 2 | 3 | 4 | 6;
  depth?: 1 | 2 | 4 | 8 | 16;
  interlaced?: boolean;
  /** PLTE for colour type 3: r, g, b per entry. */
  palette?: ReadonlyArray<readonly [number, number, number]>;
  /** tRNS as written: alpha per palette entry, or the transparent grey/RGB value in 16-bit words. */
  transparency?: readonly number[];
  /** Filter each scanline with type (row mod 5): None, Sub, Up, Average, Paeth in turn. */
  filtered?: boolean;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** One filtered scanline (PNG specification, 9.2): each byte minus its predictor, mod 256. */
function filterRow(raw: Uint8Array, prior: Uint8Array, type: number, step: number): number[] {
  const out = [type];
  for (let i = 0; i < raw.length; i += 1) {
    const a = i >= step ? raw[i - step]! : 0;
    const b = prior[i] ?? 0;
    const c = i >= step ? (prior[i - step] ?? 0) : 0;
    const p = a + b - c;
    const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
    const predictor = [0, a, b, (a + b) >> 1, paeth][type]!;
    out.push((raw[i]! - predictor + 256) & 0xff);
  }
  return out;
}

/** A PNG of `width` × `height` whose pixel (x, y) has the channel values `pixel(x, y)` in the colour type's order. */
export function png(width: number, height: number, pixel: (x: number, y: number) => readonly number[], o: PngOptions = {}): Uint8Array {
  const colour = o.colour ?? 6;
  const depth = o.depth ?? 8;
  const channels = CHANNELS[colour];
  const bitsPerPixel = channels * depth;
  const step = Math.max(1, bitsPerPixel >> 3);
  const scan: number[] = [];
  for (const [x0, y0, dx, dy] of o.interlaced ? ADAM7 : [[0, 0, 1, 1] as const]) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w === 0 || h === 0) continue;
    let prior = new Uint8Array(Math.ceil((w * bitsPerPixel) / 8));
    for (let row = 0; row < h; row += 1) {
      const raw = new Uint8Array(prior.length);
      for (let col = 0; col < w; col += 1) {
        pixel(x0 + col * dx, y0 + row * dy).forEach((value, c) => {
          const bit = (col * channels + c) * depth;
          if (depth === 16) raw.set([value >> 8, value & 0xff], bit / 8);
          else if (depth === 8) raw[bit / 8] = value;
          else raw[bit >> 3]! |= value << (8 - depth - (bit & 7));
        });
      }
      scan.push(...filterRow(raw, prior, o.filtered ? row % 5 : 0, step));
      prior = raw;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colour, 0, 0, o.interlaced ? 1 : 0], 8);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (o.palette) parts.push(chunk('PLTE', Uint8Array.from(o.palette.flat())));
  if (o.transparency) parts.push(chunk('tRNS', Uint8Array.from(o.transparency)));
  parts.push(chunk('IDAT', deflateSync(Uint8Array.from(scan))), chunk('IEND', new Uint8Array()));
  return new Uint8Array(Buffer.concat(parts));
}

/** A segment: its marker, then its length (counting the length's own 2 bytes) and body. */
const segment = (marker: number, body: readonly number[]): number[] => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

/**
 * A baseline JPEG of `width` × `height` made of flat 8 × 8 blocks, as ITU T.81 describes it: block
 * (col, row) has the colour `block(col, row)`, one value for a grey picture (1 component) or r, g, b
 * (3 components, stored as JFIF YCbCr, no subsampling). Blocks past the right and bottom edges pad
 * the picture to whole blocks. All quantisation steps are 1, so a flat block is just its DC
 * coefficient (8 × (value − 128)), written as the difference from the component's previous block,
 * then EOB: the DC table gives categories 0–11 a 4-bit code each, the AC table has only EOB ('0').
 */
export function jpeg(width: number, height: number, block: (col: number, row: number) => readonly number[]): Uint8Array {
  const components = block(0, 0).length;
  const ycc = (c: readonly number[]): number[] => {
    if (components === 1) return [c[0]!];
    const [r, g, b] = c as [number, number, number];
    return [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b].map(Math.round);
  };
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >> i) & 1);
  };
  const previous = new Array<number>(components).fill(0);
  for (let row = 0; row < Math.ceil(height / 8); row += 1) {
    for (let col = 0; col < Math.ceil(width / 8); col += 1) {
      ycc(block(col, row)).forEach((value, c) => {
        const dc = 8 * (value - 128);
        const diff = dc - previous[c]!;
        previous[c] = dc;
        const category = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        put(category, 4);
        // Negative differences are written as diff − 1 in `category` bits (T.81, F.1.2.1).
        put(diff < 0 ? diff + (1 << category) - 1 : diff, category);
        put(0, 1); // EOB: the other 63 coefficients are 0.
      });
    }
  }
  // The last byte padded with 1 bits; a 0xFF byte in the data is followed by 0x00 so it is not read as a marker.
  while (bits.length % 8) bits.push(1);
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0);
    scan.push(...(byte === 0xff ? [0xff, 0x00] : [byte]));
  }
  const ids = Array.from({ length: components }, (_, c) => c + 1);
  const sixteen = (counts: Record<number, number>) => Array.from({ length: 16 }, (_, i) => counts[i + 1] ?? 0);
  return Uint8Array.from([
    ...[0xff, 0xd8], // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.01, no thumbnail
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]), // table 0, 8-bit steps, all 1
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, components, ...ids.flatMap((id) => [id, 0x11, 0])]), // SOF0, 8-bit, 1 × 1 sampling
    ...segment(0xc4, [0x00, ...sixteen({ 4: 12 }), ...Array.from({ length: 12 }, (_, k) => k)]), // DC table 0
    ...segment(0xc4, [0x10, ...sixteen({ 1: 1 }), 0x00]), // AC table 0: EOB only
    ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0x00]), 0, 63, 0]), // SOS: all components, coefficients 0–63
    ...scan,
    ...[0xff, 0xd9], // EOI
  ]);
}

/** A picture as a PDF page shows it: points from the page's left and bottom edges, and its drawn size. */
export interface PlacedImage {
  left: number;
  bottom: number;
  width: number;
  height: number;
  /** The picture's pixels as pdf.js decodes them (RGB, 3 bytes a pixel), and their count across and down. */
  pixels: { width: number; height: number; rgb: Uint8Array };
}

/** A picture as pdf.js decodes it: kind 2 is RGB, 3 is RGBA. */
interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array;
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The pictures drawn on each page, in drawing order, found in the pages' operator lists by pdf.js. */
export async function pdfImages(bytes: Uint8Array): Promise<PlacedImage[][]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, isOffscreenCanvasSupported: false }).promise;
  const pages: PlacedImage[][] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const found: PlacedImage[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: Matrix[] = [];
    for (let i = 0; i < ops.fnArray.length; i += 1) {
      const args = ops.argsArray[i] as unknown[];
      switch (ops.fnArray[i]) {
        case OPS.save:
          saved.push(ctm);
          break;
        case OPS.restore:
          ctm = saved.pop() ?? ctm;
          break;
        case OPS.transform:
          ctm = times(args as Matrix, ctm);
          break;
        case OPS.paintImageXObject: {
          // pdf.js keeps a picture that several pages draw with the document's objects ("g_…"), the others with the page's.
          const id = args[0] as string;
          const store = id.startsWith('g_') ? page.commonObjs : page.objs;
          const image = await new Promise<DecodedImage>((resolve) => store.get(id, resolve));
          // The unit square, mapped by the matrix the picture is drawn with.
          const [a, , , d, e, f] = ctm;
          const rgb = image.kind === 3 ? image.data.filter((_, k) => k % 4 !== 3) : image.data;
          found.push({
            left: Math.min(e, e + a),
            bottom: Math.min(f, f + d),
            width: Math.abs(a),
            height: Math.abs(d),
            pixels: { width: image.width, height: image.height, rgb: Uint8Array.from(rgb) },
          });
          break;
        }
        default:
          break;
      }
    }
    pages.push(found);
  }
  await doc.destroy();
  return pages;
}

/** How many pictures the PDF file holds (image XObjects; PDFKit writes object dictionaries uncompressed). */
export const embeddedImages = (bytes: Uint8Array): number => (new TextDecoder('latin1').decode(bytes).match(/\/Subtype \/Image\b/g) ?? []).length;

/** The size in points that the text `text` is drawn at on page `n` (1-based), as pdf.js reads its text matrix. */
export async function textSize(bytes: Uint8Array, n: number, text: string): Promise<number | undefined> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(n)).getTextContent();
  const item = content.items.find((i) => 'str' in i && i.str === text);
  await doc.destroy();
  // Upright text: the matrix's vertical scale is the font size.
  return item && 'transform' in item ? Math.abs((item.transform as number[])[3]!) : undefined;
}
