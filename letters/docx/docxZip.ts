/**
 * A .docx file's parts, unpacked with the sizes known first: the zip's central directory is read
 * before anything is inflated, so a zip bomb is refused by its declared sizes, and each part is
 * inflated no further than its declared size, so a directory that lies cannot fill memory either
 * (the same rule as cli/xlsx/xlsxZip.ts, without Node: this runs in the task pane too).
 */
import { Inflate } from 'pako';
import { SaldoError } from '../../core/errors.js';

const MB = 1024 * 1024;

/**
 * What Saldo unpacks from one template. A kommune's letter with a logo is well under 1 MB;
 * Word packs XML 5–10 times, so beyond `ratio` the file is made to fill memory.
 */
export const DOCX_LIMITS = {
  /** All parts of a template together, unpacked. */
  total: 20 * MB,
  /** All parts of a filled .docx read back as blocks (a bundle of letters). */
  filled: 100 * MB,
  ratio: 100,
  /** Parts smaller than this are not held to `ratio` (a short XML part packs very well). */
  ratioFrom: 1 * MB,
  /** Parts in the zip: a letter has 10–30. */
  entries: 1000,
} as const;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A size for people: "21 MB", "12 kB". */
export function sizeText(bytes: number): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : [bytes / 1024, 'kB'];
  return `${(value >= 10 ? Math.round(value) : Math.round(value * 10) / 10).toString().replace('.', ',')} ${unit}`;
}

/** The file a message is about, how much of it Saldo unpacks, and what to do when it is more. */
export interface DocxFile {
  /** "Skabelonen" (a kommune's template) or "Dokumentet" (a filled letter read back). */
  noun: string;
  name: string;
  total: number;
  /** Packed tighter than this (for parts from DOCX_LIMITS.ratioFrom) is a zip bomb. */
  ratio: number;
  tooBig: string;
}

export const templateFile = (name: string): DocxFile => ({
  noun: 'Skabelonen',
  name,
  total: DOCX_LIMITS.total,
  ratio: DOCX_LIMITS.ratio,
  tooBig: 'en brevskabelon fylder meget mindre. Fjern store billeder, og gem den igen.',
});

/**
 * A filled .docx read back: fillTemplateAll's bundle of 5,000 letters unpacks to about 45 MB, and
 * the same letter body over and over packs tighter than a template (about 50 times).
 */
export const filledFile = (name: string): DocxFile => ({
  noun: 'Dokumentet',
  name,
  total: DOCX_LIMITS.filled,
  ratio: 4 * DOCX_LIMITS.ratio,
  tooBig: 'Saldo læser ikke mere ad gangen. Del brevene i flere filer.',
});

/** `Skabelonen "brev.docx"`: how every message names the file. */
export const fileLabel = (file: DocxFile): string => (file.name === '' ? file.noun : `${file.noun} "${file.name}"`);

/** The error of a file: its field is the template (or document), its message names the file. */
export const fileError = (file: DocxFile, why: string): SaldoError => new SaldoError('UGYLDIGT_INPUT', [file.noun === 'Skabelonen' ? 'skabelon' : 'dokument'], file.name, `${fileLabel(file)} ${why}`);

/** The error of a template named `name`. */
export const templateError = (name: string, why: string): SaldoError => fileError(templateFile(name), why);

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

/** What a file that is not a zip most likely is, said so the user knows what to do. */
function notAZip(bytes: Uint8Array): string {
  // An OLE2 compound file: Word 97–2003 (.doc), or a .docx protected with a password.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return 'er en gammel Word-fil (.doc) eller et dokument med adgangskode. Åbn den i Word, fjern en eventuel adgangskode, og gem den som "Word-dokument (*.docx)".';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'er en RTF-fil. Åbn den i Word, og gem den som "Word-dokument (*.docx)".';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'er en PDF-fil. Saldo kan kun udfylde en Word-skabelon (.docx).';
  return 'er ikke en Word-fil (.docx). Gem skabelonen i Word som "Word-dokument (*.docx)".';
}

function readDirectory(bytes: Uint8Array, file: DocxFile): Entry[] {
  const broken = () => fileError(file, 'kan ikke læses: filen er beskadiget. Gem den igen i Word som "Word-dokument (*.docx)".');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || !startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw fileError(file, notAZip(bytes));
  // The end record is within the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken();
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw fileError(file, `er for stor: Saldo læser højst ${sizeText(file.total)} udpakket.`);
  if (count > DOCX_LIMITS.entries) throw fileError(file, `har ${count} dele, og et Word-brev har højst ${DOCX_LIMITS.entries}. Gem den igen i Word.`);
  if (directoryOffset + directorySize > bytes.length) throw broken();
  const decoder = new TextDecoder('utf-8');
  const entries: Entry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directoryOffset + directorySize || view.getUint32(at, true) !== 0x02014b50) throw broken();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise it is code page 437, whose ASCII half is all Word writes.
    const entryName = flags & 0x800 ? decoder.decode(raw) : String.fromCharCode(...raw);
    entries.push({
      name: entryName.replace(/^\//, ''),
      method: view.getUint16(at + 10, true),
      flags,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The declared sizes against DOCX_LIMITS, before anything is inflated. */
function checkSizes(entries: readonly Entry[], file: DocxFile): void {
  let total = 0;
  const names = new Set<string>();
  for (const e of entries) {
    // Two parts of one name: readers disagree on which is meant, so the checks could see the other one.
    if (names.has(e.name)) throw fileError(file, `har delen "${e.name}" to gange: filen er beskadiget. Gem den igen i Word.`);
    names.add(e.name);
    if (e.flags & 0x1) throw fileError(file, 'er krypteret. Fjern adgangskoden i Word, og gem den igen.');
    total += e.size;
    if (total > file.total) throw fileError(file, `fylder over ${sizeText(file.total)} udpakket, og ${file.tooBig}`);
    if (e.size >= DOCX_LIMITS.ratioFrom && e.size > file.ratio * Math.max(1, e.compressedSize)) {
      const times = Math.round(e.size / Math.max(1, e.compressedSize));
      throw fileError(
        file,
        `kan ikke læses: delen "${e.name}" er pakket ${times} gange sammen (${sizeText(e.size)} af ${sizeText(e.compressedSize)}); Word pakker 5–10 gange, og over ${file.ratio} gange er filen lavet til at fylde hukommelsen op.`,
      );
    }
  }
}

/** The part's bytes, inflated no further than `entry.size`. */
function unpack(bytes: Uint8Array, entry: Entry, broken: () => SaldoError): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = entry.localOffset;
  if (head + 30 > bytes.length || view.getUint32(head, true) !== 0x04034b50) throw broken();
  const start = head + 30 + view.getUint16(head + 26, true) + view.getUint16(head + 28, true);
  if (start + entry.compressedSize > bytes.length) throw broken();
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw broken();
    return packed.slice();
  }
  if (entry.method !== 8) throw broken();
  const out = new Uint8Array(entry.size);
  let done = 0;
  const inflate = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  // Past the declared size the directory lied: stop at once instead of inflating the rest.
  inflate.onData = (chunk) => {
    const data = chunk as Uint8Array;
    if (done + data.length > out.length) throw broken();
    out.set(data, done);
    done += data.length;
  };
  try {
    inflate.push(packed, true);
  } catch (e) {
    throw e instanceof SaldoError ? e : broken();
  }
  if (inflate.err !== 0 || done !== entry.size) throw broken();
  return out;
}

/**
 * The parts of a .docx (or any zip) by name, each within DOCX_LIMITS; a file that is not a zip
 * is refused, saying what it looks like (.doc, RTF, PDF). `file` names it in messages.
 */
export function unpackDocx(bytes: Uint8Array, file: DocxFile): Map<string, Uint8Array> {
  const entries = readDirectory(bytes, file);
  checkSizes(entries, file);
  const broken = () => fileError(file, 'kan ikke læses: filen er beskadiget. Gem den igen i Word som "Word-dokument (*.docx)".');
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) if (!e.name.endsWith('/')) parts.set(e.name, unpack(bytes, e, broken));
  return parts;
}
