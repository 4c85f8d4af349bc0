/**
 * An .xlsx file as Saldo reads it: through the zip's central directory, so that sizes are
 * known (and refused beyond XLSX_LIMITS) before anything is unpacked, the tabs are known in
 * their workbook order, and only the parts a read needs are unpacked — each held to the size
 * its directory declares, so a directory that lies cannot unpack more than was checked.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { SaldoError } from '../../core/errors.js';

const MB = 1024 * 1024;

/**
 * What Saldo unpacks from one .xlsx. Shared strings are held in memory while a sheet is read,
 * so their limit bounds the memory (a million-row ledger saved by Excel has 30–60 MB of them);
 * a sheet streams, and its limit (about Excel's 1,048,576 rows of a ledger) bounds the time.
 * Excel's own files unpack 5–10 times their packed size; beyond `ratio` it is a zip bomb.
 */
export const XLSX_LIMITS = {
  sharedStrings: 128 * MB,
  sheet: 1024 * MB,
  /** Any other part read (workbook.xml, its relationships, styles). */
  part: 16 * MB,
  ratio: 100,
  /** Parts smaller than this are not held to `ratio` (an empty sheet packs very well). */
  ratioFrom: 1 * MB,
  /** Parts in the zip. */
  entries: 20_000,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Unpacked size as the directory declares it (Infinity for a zip64 size). */
  size: number;
  localOffset: number;
}

/** Random access to the zip's bytes: a file or a buffer. */
interface Bytes {
  size: number;
  read(position: number, length: number): Buffer;
  /** The packed bytes from `start` (inclusive) to `end` (exclusive) as a stream. */
  stream(start: number, end: number): Readable;
  close(): void;
}

function fileBytes(path: string): Bytes {
  const fd = openSync(path, 'r');
  return {
    size: fstatSync(fd).size,
    read(position, length) {
      const buffer = Buffer.alloc(length);
      const got = readSync(fd, buffer, 0, length, position);
      return buffer.subarray(0, got);
    },
    stream: (start, end) => (end > start ? createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }) : Readable.from([])),
    close: () => closeSync(fd),
  };
}

function bufferBytes(bytes: Uint8Array): Bytes {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buffer.length,
    read: (position, length) => buffer.subarray(position, position + length),
    stream: (start, end) => Readable.from([buffer.subarray(start, end)]),
    close: () => undefined,
  };
}

/** A size for people: "4,5 GB", "128 MB", "12 kB". */
export function sizeText(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'over 4 GB';
  const [value, unit] = bytes >= 1024 * MB ? [bytes / (1024 * MB), 'GB'] : bytes >= MB ? [bytes / MB, 'MB'] : [bytes / 1024, 'kB'];
  return `${(value >= 10 ? Math.round(value) : Math.round(value * 10) / 10).toString().replace('.', ',')} ${unit}`;
}

export interface XlsxZip {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** A small part, unpacked and checked against XLSX_LIMITS.part; undefined when absent. */
  part(name: string): Buffer | undefined;
  /** A part's unpacked bytes as a stream, held to its declared size. */
  stream(entry: ZipEntry, onBytes?: (done: number) => void): Readable;
  /** Refuses a part beyond `limit` or packed tighter than XLSX_LIMITS.ratio; `what` names it in Danish. */
  checkSize(entry: ZipEntry, limit: number, what: string): void;
  close(): void;
}

/**
 * Opens an .xlsx through its central directory. `label` names the file in messages
 * (`Posteringsfilen "x.xlsx"`), `field` is the error's field (`ledger`, `previous`).
 */
export function openXlsxFile(path: string, label: string, field: string): XlsxZip {
  return openXlsx(fileBytes(path), label, field);
}

export function openXlsxBytes(bytes: Uint8Array, label: string, field: string): XlsxZip {
  return openXlsx(bufferBytes(bytes), label, field);
}

function openXlsx(bytes: Bytes, label: string, field: string): XlsxZip {
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', field, null, `${label} ${why}`);
  const broken = () => fail('kan ikke læses som .xlsx: filen er beskadiget eller ikke en Excel-projektmappe.');
  let entries: Map<string, ZipEntry>;
  try {
    entries = readDirectory(bytes, broken, fail);
  } catch (e) {
    bytes.close();
    throw e;
  }
  const dataStart = (entry: ZipEntry): number => {
    const head = bytes.read(entry.localOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw broken();
    return entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  };
  const checkSize = (entry: ZipEntry, limit: number, what: string) => {
    if (entry.size > limit)
      throw fail(
        `kan ikke læses: ${what} fylder ${sizeText(entry.size)} udpakket, og Saldo læser højst ${sizeText(limit)} (filen selv er ${sizeText(bytes.size)}). Del posteringerne i flere filer, eller gem dem som CSV.`,
      );
    if (entry.size >= XLSX_LIMITS.ratioFrom && entry.size > XLSX_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
      throw fail(
        `kan ikke læses: ${what} er pakket ${Math.round(entry.size / Math.max(1, entry.compressedSize))} gange sammen (${sizeText(entry.size)} udpakket af ${sizeText(entry.compressedSize)}); Excel pakker 5–10 gange, og over ${XLSX_LIMITS.ratio} gange er filen lavet til at fylde hukommelsen op. Gem projektmappen igen i Excel, eller gem posteringerne som CSV.`,
      );
    }
  };
  return {
    entries,
    checkSize,
    part(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      checkSize(entry, XLSX_LIMITS.part, name);
      const raw = bytes.read(dataStart(entry), entry.compressedSize);
      if (raw.length !== entry.compressedSize) throw broken();
      let out: Buffer;
      try {
        // Never more than declared: a lying directory fails here instead of filling memory.
        out = entry.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch {
        throw broken();
      }
      if (entry.method !== 0 && entry.method !== 8) throw broken();
      if (out.length !== entry.size) throw broken();
      return out;
    },
    stream(entry, onBytes) {
      if (entry.method !== 0 && entry.method !== 8) throw broken();
      const start = dataStart(entry);
      const packed = bytes.stream(start, start + entry.compressedSize);
      return Readable.from(heldToSize(entry.method === 8 ? packed.pipe(createInflateRaw()) : packed, entry.size, broken, onBytes));
    },
    close: () => bytes.close(),
  };
}

/** The unpacked bytes, failing as soon as they run past `size` (or end short of it). */
async function* heldToSize(source: Readable, size: number, broken: () => Error, onBytes?: (done: number) => void): AsyncGenerator<Buffer> {
  let done = 0;
  try {
    for await (const chunk of source) {
      done += (chunk as Buffer).length;
      if (done > size) throw broken();
      onBytes?.(done);
      yield chunk as Buffer;
    }
  } catch (e) {
    source.destroy();
    throw e instanceof SaldoError ? e : broken();
  }
  if (done !== size) throw broken();
}

function readDirectory(bytes: Bytes, broken: () => Error, fail: (why: string) => Error): Map<string, ZipEntry> {
  // The end record is within the last 22 + 65,535 (comment) bytes.
  const tailStart = Math.max(0, bytes.size - 22 - 0xffff);
  const tail = bytes.read(tailStart, bytes.size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken();
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  // zip64 (more than 65,535 parts or 4 GB): far beyond any limit below.
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff)
    throw fail(`kan ikke læses: den er pakket som zip64 (over 4 GB eller over 65.535 dele), og Saldo læser højst ${sizeText(XLSX_LIMITS.sheet)} pr. ark.`);
  if (count > XLSX_LIMITS.entries) throw fail(`kan ikke læses: den har ${count} dele, og en projektmappe har højst ${XLSX_LIMITS.entries}.`);
  if (directoryOffset + directorySize > bytes.size) throw broken();
  const directory = bytes.read(directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw broken();
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    const compressedSize = directory.readUInt32LE(at + 20);
    const size = directory.readUInt32LE(at + 24);
    entries.set(name.replace(/^\//, ''), {
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize,
      size: size === 0xffffffff ? Infinity : size,
      localOffset: directory.readUInt32LE(at + 42),
    });
    if (compressedSize === 0xffffffff) throw fail(`kan ikke læses: en del er pakket som zip64 (over 4 GB), og Saldo læser højst ${sizeText(XLSX_LIMITS.sheet)} pr. ark.`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A tab of the workbook, in the workbook's tab order. */
export interface SheetTab {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the zip (`xl/worksheets/sheet1.xml`). */
  part: string;
}

/** The XML parser, loaded on the first .xlsx read (~80 ms that every other command would pay at start). */
let parser: { parse(xml: Buffer): unknown } | undefined;
async function xmlParser(): Promise<{ parse(xml: Buffer): unknown }> {
  const { XMLParser } = await import('fast-xml-parser');
  parser ??= new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'sheet' || name === 'Relationship' });
  return parser;
}

/** A part's path from a relationship's target (relative to xl/, or absolute). */
function partPath(target: string): string {
  const parts: string[] = [];
  for (const p of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The workbook's worksheets in tab order (chart sheets are left out: they hold no rows). */
export async function sheetTabs(zip: XlsxZip, broken: () => Error): Promise<SheetTab[]> {
  const xml = await xmlParser();
  const workbook = zip.part('xl/workbook.xml');
  const rels = zip.part('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw broken();
  let sheets: Array<Record<string, string>>;
  let links: Array<Record<string, string>>;
  try {
    type Parsed = { workbook?: { sheets?: { sheet?: Array<Record<string, string>> } }; Relationships?: { Relationship?: Array<Record<string, string>> } } | undefined;
    sheets = (xml.parse(workbook) as Parsed)?.workbook?.sheets?.sheet ?? [];
    links = (xml.parse(rels) as Parsed)?.Relationships?.Relationship ?? [];
  } catch {
    throw broken();
  }
  const tabs: SheetTab[] = [];
  for (const s of sheets) {
    const link = links.find((l) => l.Id === s.id);
    if (!link || !/\/worksheet$/.test(String(link.Type))) continue;
    const part = partPath(String(link.Target));
    if (!zip.entries.has(part)) throw broken();
    tabs.push({ name: String(s.name), state: s.state === 'hidden' || s.state === 'veryHidden' ? s.state : 'visible', part });
  }
  return tabs;
}

/** The tabs as a Danish list: `"Posteringer", "2025" og "Gammel" (skjult)`. */
export function tabList(tabs: readonly SheetTab[]): string {
  const shown = tabs.map((t) => `"${t.name}"${t.state === 'visible' ? '' : ' (skjult)'}`);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} og ${shown[shown.length - 1]}`;
}

/**
 * A local zip header for a part stored unpacked. Without `size` the size follows the data in a
 * descriptor (`dataDescriptor`): for a part changed on its way, whose size is known only at its end.
 */
export function storedHeader(name: string, size?: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(size === undefined ? 0x808 : 0x800, 6); // UTF-8 name (and a descriptor)
  head.writeUInt32LE(size ?? 0, 18);
  head.writeUInt32LE(size ?? 0, 22);
  head.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([head, nameBytes]);
}

/** The descriptor after a stored part's data (a zip reader finds its signature; XML never holds bytes 07 08). */
export function dataDescriptor(size: number): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(size, 8);
  d.writeUInt32LE(size, 12);
  return d;
}

/**
 * A workbook's parts, each unpacked no further than the zip's directory declares and within
 * XLSX_LIMITS, packed again unpacked: ExcelJS's own unzipping (JSZip) trusts the directory and
 * would fill memory with a zip bomb. More than `total` bytes unpacked is refused with `tooBig`.
 */
export async function repackedWorkbook(bytes: Uint8Array, label: string, field: string, total: number, tooBig: string): Promise<Uint8Array> {
  const zip = openXlsxBytes(bytes, label, field);
  // Loaded here, not at the CLI's start: JSZip costs about 70 ms to load, and only this repacking needs it (issue 22).
  const { default: JSZip } = await import('jszip');
  try {
    const out = new JSZip();
    let unpacked = 0;
    for (const [name, entry] of zip.entries) {
      if (name.endsWith('/')) continue;
      unpacked += entry.size;
      if (unpacked > total) throw new SaldoError('UGYLDIGT_INPUT', field, null, tooBig);
      out.file(name, zip.part(name)!);
    }
    return await out.generateAsync({ type: 'uint8array', compression: 'STORE' });
  } finally {
    zip.close();
  }
}
