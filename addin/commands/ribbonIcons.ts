/**
 * The ribbon buttons' icons, drawn here and committed as PNGs in assets/ribbon/ (the manifest
 * points each button at its own). Each button has its colour and a glyph that says what it does,
 * in every size Office uses for a button: 16, 32 and 80 pixels are required, 20, 24, 40, 48 and
 * 64 are used on other screen scalings (manifest reference, the Icon element).
 *
 * Regenerate after a change: `npx tsx addin/commands/ribbonIcons.ts` (writes assets/ribbon/).
 * test/addin/manifest.test.ts checks that the committed files are what this module draws.
 * Build-time only: nothing in the add-in's bundles imports it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;

/** A glyph: is the point (x, y) of the unit square (y down) part of it? */
type Glyph = (x: number, y: number) => boolean;

const box =
  (x0: number, y0: number, x1: number, y1: number): Glyph =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const any =
  (...gs: Glyph[]): Glyph =>
  (x, y) =>
    gs.some((g) => g(x, y));
const minus =
  (g: Glyph, ...holes: Glyph[]): Glyph =>
  (x, y) =>
    g(x, y) && !holes.some((h) => h(x, y));
/** A stroke of width w along the polyline through `points`. */
const line =
  (w: number, ...points: Array<[number, number]>): Glyph =>
  (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i]!;
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2;
    });
const disc =
  (cx: number, cy: number, r: number): Glyph =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r;

/** Each button's icon: its colour (RGB) and glyph, keyed as in the manifest (Icon.<key>.<size>). */
export const RIBBON_ICONS = {
  // A window with the task pane on its right.
  Open: { rgb: [0x00, 0x5b, 0x70], glyph: any(minus(box(0.16, 0.2, 0.84, 0.8), box(0.25, 0.3, 0.75, 0.71)), box(0.55, 0.2, 0.84, 0.8)) },
  // Instalments: a balance that shrinks bar by bar.
  Betalingsaftale: { rgb: [0x0f, 0x6c, 0xbd], glyph: any(box(0.18, 0.2, 0.82, 0.33), box(0.18, 0.44, 0.66, 0.57), box(0.18, 0.68, 0.5, 0.81)) },
  // Pause: payments wait.
  Henstand: { rgb: [0xc2, 0x5e, 0x00], glyph: any(box(0.28, 0.2, 0.43, 0.8), box(0.57, 0.2, 0.72, 0.8)) },
  // A check mark: is the agreement kept?
  Status: { rgb: [0x10, 0x7c, 0x10], glyph: line(0.14, [0.2, 0.52], [0.42, 0.74], [0.8, 0.28]) },
  // Rising columns: goals followed up quarter by quarter.
  Opfoelgning: { rgb: [0x6b, 0x2f, 0xa0], glyph: any(box(0.18, 0.58, 0.34, 0.82), box(0.42, 0.4, 0.58, 0.82), box(0.66, 0.18, 0.82, 0.82)) },
  // A statement: a page with lines.
  Saldoopgoerelse: { rgb: [0xa4, 0x26, 0x2c], glyph: minus(box(0.24, 0.14, 0.76, 0.86), box(0.33, 0.3, 0.67, 0.38), box(0.33, 0.46, 0.67, 0.54), box(0.33, 0.62, 0.55, 0.7)) },
  // A pie with a slice out.
  Analyse: {
    rgb: [0x03, 0x83, 0x87],
    glyph: any(
      minus(disc(0.47, 0.53, 0.31), (x, y) => x > 0.47 && y < 0.53),
      minus(disc(0.55, 0.45, 0.27), (x, y) => x < 0.55 || y > 0.45),
    ),
  },
  // A checklist: the day's agreements, one line each, a box before it.
  Arbejdsliste: {
    rgb: [0x37, 0x47, 0xa6],
    glyph: any(
      minus(box(0.16, 0.18, 0.34, 0.36), box(0.21, 0.23, 0.29, 0.31)),
      box(0.42, 0.23, 0.84, 0.31),
      minus(box(0.16, 0.41, 0.34, 0.59), box(0.21, 0.46, 0.29, 0.54)),
      box(0.42, 0.46, 0.84, 0.54),
      minus(box(0.16, 0.64, 0.34, 0.82), box(0.21, 0.69, 0.29, 0.77)),
      box(0.42, 0.69, 0.84, 0.77),
    ),
  },
  // A funnel: the month's new claims narrowing to what is still open.
  Tragt: {
    rgb: [0x9b, 0x1b, 0x62],
    glyph: any((x, y) => y >= 0.18 && y <= 0.56 && Math.abs(x - 0.5) <= 0.34 - (0.25 * (y - 0.18)) / 0.38, box(0.42, 0.5, 0.58, 0.84)),
  },
  // An hourglass: the time left before a claim is forældet.
  Foraeldelse: {
    rgb: [0x80, 0x5a, 0x00],
    glyph: any(box(0.24, 0.14, 0.76, 0.22), box(0.24, 0.78, 0.76, 0.86), (x, y) => y >= 0.22 && y <= 0.78 && Math.abs(x - 0.5) <= 0.05 + (0.2 * Math.abs(y - 0.5)) / 0.28),
  },
  // A telephone handset: the calls of a campaign.
  Kampagne: {
    rgb: [0x00, 0x6e, 0x5a],
    glyph: any(line(0.13, [0.28, 0.26], [0.24, 0.44], [0.36, 0.63], [0.56, 0.76], [0.74, 0.76]), line(0.2, [0.18, 0.32], [0.36, 0.18]), line(0.2, [0.68, 0.84], [0.84, 0.68])),
  },
  // An open book: the rules and their sources.
  Regler: {
    rgb: [0x5c, 0x40, 0x33],
    glyph: minus(box(0.16, 0.22, 0.84, 0.78), box(0.47, 0.22, 0.53, 0.78), box(0.24, 0.32, 0.41, 0.37), box(0.59, 0.32, 0.76, 0.37), box(0.24, 0.45, 0.41, 0.5), box(0.59, 0.45, 0.76, 0.5)),
  },
} as const satisfies Record<string, { rgb: readonly [number, number, number]; glyph: Glyph }>;

export type RibbonIcon = keyof typeof RIBBON_ICONS;

/** The icon's file under assets/, as the manifest names it. */
export const iconFile = (icon: RibbonIcon, size: number) => `assets/ribbon/${icon.toLowerCase()}-${size}.png`;

const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges

/** RGBA pixels: the colour in a rounded square, the glyph in white, transparent outside. */
function draw(icon: RibbonIcon, size: number): Uint8Array {
  const { rgb, glyph } = RIBBON_ICONS[icon];
  const radius = 0.18;
  const inSquare = (x: number, y: number) => {
    const dx = Math.max(radius - x, 0, x - (1 - radius));
    const dy = Math.max(radius - y, 0, y - (1 - radius));
    return Math.hypot(dx, dy) <= radius;
  };
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inSquare(x, y)) continue;
          cover += 1;
          if (glyph(x, y)) white += 1;
        }
      }
      const at = (py * size + px) * 4;
      const w = cover === 0 ? 0 : white / cover;
      for (let c = 0; c < 3; c += 1) out[at + c] = Math.round(rgb[c]! * (1 - w) + 255 * w);
      out[at + 3] = Math.round((255 * cover) / SAMPLES ** 2);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no filter) of `size`×`size` pixels. */
export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** The PNG file for one button at one size. */
export const iconPng = (icon: RibbonIcon, size: number): Buffer => encodePng(draw(icon, size), size);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  mkdirSync(`${root}assets/ribbon`, { recursive: true });
  for (const icon of Object.keys(RIBBON_ICONS) as RibbonIcon[]) for (const size of ICON_SIZES) writeFileSync(`${root}${iconFile(icon, size)}`, iconPng(icon, size));
  console.log(`${Object.keys(RIBBON_ICONS).length * ICON_SIZES.length} icons written to assets/ribbon/`);
}
