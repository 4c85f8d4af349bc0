/**
 * A PNG that PDFKit can embed without unpacking it. PDFKit unpacks a PNG with transparency (an
 * alpha channel, or a palette with transparent entries) or one saved interlaced asynchronously —
 * in the browser in a Web Worker, which the task pane's Content-Security-Policy forbids. Such a PNG
 * is unpacked here with fast-png and laid on white (letters are printed on white paper, and nothing
 * is drawn under a picture), then written again as an 8-bit RGB PNG, which PDFKit embeds as it is.
 *
 * fast-png unpacks the whole image data, however far it goes, so the data is first inflated here
 * once, only counted, and a PNG whose data unpacks to more than its size needs is refused before
 * fast-png sees it: a few kB can unpack to gigabytes (the template's zip only bounds the PNG file).
 */
import { convertIndexedToRgb, decode, encode, hasPngSignature, type DecodedPng } from 'fast-png';
import { Inflate } from 'pako';
import { MAX_IMAGE_PIXELS } from '../blocks.js';

/** PNG colour types (PNG specification, 11.2.2) and the samples each pixel has. */
const GREY = 0;
const RGB = 2;
const PALETTE = 3;
const GREY_ALPHA = 4;
const RGB_ALPHA = 6;
const CHANNELS: Readonly<Record<number, number>> = { [GREY]: 1, [RGB]: 3, [PALETTE]: 1, [GREY_ALPHA]: 2, [RGB_ALPHA]: 4 };

const broken = (why: string, cause?: unknown): Error => new Error(`PNG-billedet ${why}`, cause === undefined ? {} : { cause });

/**
 * The PNG itself when PDFKit needs no unpacking (no transparency, or transparency by one colour
 * value, which PDFKit masks without unpacking; not interlaced), and bytes that are not a PNG at
 * all (PDFKit says what they are not). Otherwise the same picture on white as an 8-bit RGB PNG:
 * each pixel of opacity a shows a/255 of its colour and the rest of the paper,
 * round((c · a + 255 · (255 − a)) / 255); 16-bit samples count by their high byte.
 *
 * @example
 * pngOnWhite(logoWithAlpha); // an RGB PNG, the logo on white
 * pngOnWhite(opaqueLogo) === opaqueLogo; // true
 */
export function pngOnWhite(bytes: Uint8Array): Uint8Array {
  if (!hasPngSignature(bytes)) return bytes;
  const { width, height, depth, colour, interlaced } = header(bytes);
  const { transparency, data, ended } = chunks(bytes);
  const channels = CHANNELS[colour];
  if (channels === undefined) throw broken(`har en farvetype, PNG ikke kender (${colour})`);
  if (!(colour === GREY_ALPHA || colour === RGB_ALPHA || (colour === PALETTE && transparency) || interlaced)) return bytes;
  if (width * height > MAX_IMAGE_PIXELS) throw broken(`er for stort (${width} × ${height} punkter)`);
  // fast-png 8 reads an interlaced pass as if each pixel filled a whole byte, which garbles 1, 2 and 4 bits a pixel.
  if (interlaced && depth < 8) throw broken(`er gemt sammenflettet (interlaced) med ${depth} bit pr. punkt, og det kan Saldo ikke pakke ud; gem det uden sammenfletning`);
  if (!ended) throw broken('er afkortet');

  const size = rawSize(width, height, channels * depth, interlaced);
  const unpacked = unpackedSize(data, size.most);
  if (unpacked < size.least) throw broken('har for få data til sin størrelse');
  let png: DecodedPng;
  let samples: ArrayLike<number>;
  try {
    png = decode(bytes);
    samples = colour === PALETTE ? convertIndexedToRgb(png) : png.data;
  } catch (e) {
    throw broken('er beskadiget', e);
  }
  // zlib's usual level, not fast-png's quicker 3: the picture goes into every recipient's PDF as it is packed here.
  return encode({ width, height, data: onWhite(png, colour, samples), depth: 8, channels: 3 }, { zlib: { level: 6 } });
}

interface Header {
  width: number;
  height: number;
  depth: number;
  colour: number;
  interlaced: boolean;
}

/** The IHDR chunk, which comes first, right after the signature (PNG specification, 5.6 and 11.2.2). */
function header(bytes: Uint8Array): Header {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 29 || view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw broken('har intet hoved (IHDR)');
  return { width: view.getUint32(16), height: view.getUint32(20), depth: bytes[24]!, colour: bytes[25]!, interlaced: bytes[28] === 1 };
}

/** What the chunks say before anything is unpacked: whether a tRNS chunk is there, the IDAT chunks' data, and whether IEND ends them. */
function chunks(bytes: Uint8Array): { transparency: boolean; data: Uint8Array[]; ended: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: Uint8Array[] = [];
  let transparency = false;
  // Each chunk: its length, its type, its data, and a CRC (PNG specification, 5.3).
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 8 + length > bytes.length) throw broken('er afkortet');
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    else if (type === 'tRNS') transparency = true;
    else if (type === 'IEND') return { transparency, data, ended: true };
    at += 12 + length;
  }
  return { transparency, data, ended: false };
}

/**
 * How many bytes the image data unpacks to: one filter byte a row, then the row's pixels, packed
 * (PNG specification, 7.2). Adam7's seven passes (8.2) hold each pixel once, in at least `height`
 * and at most 15/8 · height + 7 rows; only 8- and 16-bit samples come here interlaced, so a pass's
 * rows end on whole bytes.
 */
function rawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): { least: number; most: number } {
  if (!interlaced) {
    const exact = height * (1 + Math.ceil((width * bitsPerPixel) / 8));
    return { least: exact, most: exact };
  }
  const pixels = (width * height * bitsPerPixel) / 8;
  return { least: pixels + height, most: pixels + Math.ceil((15 * height) / 8) + 7 };
}

/**
 * The size the image data unpacks to, counted 64 kB at a time and never kept: past `most` it
 * stops at once (a PNG can hide a zip bomb).
 */
function unpackedSize(data: readonly Uint8Array[], most: number): number {
  const tooMuch = broken('har flere data end sin størrelse');
  let size = 0;
  const inflate = new Inflate({ chunkSize: 64 * 1024 });
  inflate.onData = (chunk) => {
    size += (chunk as Uint8Array).length;
    if (size > most) throw tooMuch;
  };
  try {
    data.forEach((d, i) => inflate.push(d, i === data.length - 1));
  } catch (e) {
    throw e === tooMuch ? e : broken('kan ikke pakkes ud', e);
  }
  // pako reports a stream that stops before its end as an error too.
  if (data.length === 0 || inflate.err !== 0) throw broken('kan ikke pakkes ud');
  return size;
}

/**
 * The pixels over white, 3 bytes a pixel. `samples` are fast-png's (a palette's colours already
 * looked up, 3 or 4 a pixel); a grey or RGB picture's tRNS is the one sample value that is
 * transparent, compared at full depth.
 */
function onWhite(png: DecodedPng, colour: number, samples: ArrayLike<number>): Uint8Array {
  const { width, height } = png;
  const channels = colour === PALETTE ? samples.length / (width * height) : png.channels;
  const alpha = colour === GREY_ALPHA || colour === RGB_ALPHA || channels === 4;
  const grey = colour === GREY || colour === GREY_ALPHA;
  const key = !alpha && png.transparency?.length === channels ? png.transparency : undefined;
  const shift = png.depth === 16 ? 8 : 0;
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) {
    const at = i * channels;
    let a = 255;
    if (alpha) a = samples[at + channels - 1]! >> shift;
    else if (key?.every((k, c) => samples[at + c] === k)) a = 0;
    for (let c = 0; c < 3; c += 1) {
      const v = samples[at + (grey ? 0 : c)]! >> shift;
      out[i * 3 + c] = Math.round((v * a + 255 * (255 - a)) / 255);
    }
  }
  return out;
}
