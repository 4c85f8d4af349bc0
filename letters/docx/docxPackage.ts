/**
 * A Word document as a package of parts, and what a letter template may not hold. A filled
 * letter goes to a citizen, so nothing in it may reach outside the document or run: no macros,
 * no embedded or linked objects, no links to outside files or addresses, no Word fields that
 * fetch or compute (INCLUDETEXT, DDE, MERGEFIELD …), no mail merge; nor the kommune's own
 * comments and tracked changes, which Word would show the citizen. Each refusal says in
 * Danish what was found, where, and how to remove it in Word. Elements are matched by their
 * local name whatever their prefix, so a renamed namespace prefix cannot slip one past.
 */
import { showValue } from '../../core/errors.js';
import { fileError, templateFile, unpackDocx, type DocxFile } from './docxZip.js';

const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
/** A .dotx: filled like a .docx, written out as one (Word opens a .docx only with the document type). */
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';

export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  /** The main document part, e.g. `word/document.xml`. */
  main: string;
  /** Saved as a Word template (.dotx); the filled letter is written as a document. */
  isDotx: boolean;
}

const decoder = new TextDecoder('utf-8');
export const partText = (bytes: Uint8Array): string => decoder.decode(bytes);

/** The attributes of an XML start tag's text, by name (prefixes kept). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's entities decoded in one pass (a reference past Unicode's last character is left as written). */
export const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, e: string) => {
    if (NAMED[e] !== undefined) return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/** Start tags of elements with this local name, any prefix: `<w:fldSimple …>`, `<x:fldSimple …/>`. */
const elements = (xml: string, local: string): string[] => [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => m[0]);

interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

function contentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const tag of elements(xml, 'Default')) {
    const a = attributes(tag);
    if (a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  for (const tag of elements(xml, 'Override')) {
    const a = attributes(tag);
    if (a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\//, ''), a.ContentType);
  }
  return { defaults, overrides };
}

/** What the package is when it is not a Word document, in words that tell the user what to do. */
function notWord(parts: ReadonlyMap<string, Uint8Array>, types: ContentTypes | null): string {
  const mimetype = parts.get('mimetype');
  if (mimetype && partText(mimetype).startsWith('application/vnd.oasis.opendocument'))
    return 'er et OpenDocument-dokument (fx .odt). Åbn det i Word eller LibreOffice, og gem det som "Word-dokument (*.docx)".';
  const all = types ? [...types.overrides.values()].join(' ') : '';
  if (/spreadsheetml|ms-excel/.test(all)) return 'er en Excel-projektmappe, ikke et Word-dokument. Vælg brevskabelonen (.docx).';
  if (/presentationml|ms-powerpoint/.test(all)) return 'er en PowerPoint-præsentation, ikke et Word-dokument. Vælg brevskabelonen (.docx).';
  return 'er en zip-fil, men ikke et Word-dokument (.docx). Gem skabelonen i Word som "Word-dokument (*.docx)".';
}

/**
 * Opens a .docx: its parts within the size limits (docxZip.ts) and its main document. A .docm
 * (macros), a .doc, a PDF, an Excel file or any other zip is refused, saying what it is.
 */
export function openDocx(bytes: Uint8Array, file: DocxFile): DocxPackage {
  const parts = unpackDocx(bytes, file);
  const typesPart = parts.get('[Content_Types].xml');
  const types = typesPart ? contentTypes(partText(typesPart)) : null;
  if (!types) throw fileError(file, notWord(parts, null));
  const mains = [...types.overrides].filter(([part]) => parts.has(part));
  const macroMain = mains.find(([, type]) => /macroEnabled/i.test(type));
  if (macroMain) throw fileError(file, `er gemt med makroer (${/template/i.test(macroMain[1]) ? '.dotm' : '.docm'}). Gem den i Word som "Word-dokument (*.docx)", så makroerne fjernes.`);
  const main = mains.find(([, type]) => type === MAIN || type === TEMPLATE_MAIN);
  if (!main) throw fileError(file, notWord(parts, types));
  return { parts, main: main[0], isDotx: main[1] === TEMPLATE_MAIN };
}

/** The part's name as a user knows it: "brevet", "sidehovedet (word/header1.xml)". */
export function partLabel(pkg: DocxPackage, part: string): string {
  if (part === pkg.main) return 'brevet';
  if (/header\d*\.xml$/.test(part)) return `sidehovedet (${part})`;
  if (/footer\d*\.xml$/.test(part)) return `sidefoden (${part})`;
  if (/footnotes\.xml$/.test(part)) return 'fodnoterne';
  if (/endnotes\.xml$/.test(part)) return 'slutnoterne';
  if (/comments\w*\.xml$/.test(part)) return 'kommentarerne';
  if (part.startsWith('docProps/')) return `dokumentegenskaberne (${part})`;
  return part;
}

/** Word fields a letter may keep: page numbers, which only count pages. */
const SAFE_FIELDS = new Set(['PAGE', 'NUMPAGES', 'SECTIONPAGES', 'SECTION']);

function fieldWhy(field: string): string {
  if (/^(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|IMPORT|LINK|DDE|DDEAUTO|EMBED|RD)$/.test(field)) return 'som henter indhold uden for dokumentet';
  if (field === 'HYPERLINK') return 'som er et link';
  if (/^(MERGEFIELD|MERGEREC|MERGESEQ|NEXT|NEXTIF|SKIPIF|ADDRESSBLOCK|GREETINGLINE|DATABASE|FILLIN|ASK)$/.test(field))
    return 'fra Words brevfletning; Saldo fletter selv med felter i krøllede parenteser, fx {modtager}';
  if (/^(DATE|TIME|CREATEDATE|PRINTDATE|SAVEDATE)$/.test(field)) return 'som viser en dato fra computeren; brug {dato}, brevets dato';
  return 'som Saldo ikke udfylder';
}

/** The fields of a part: each complex field's instruction (fldChar begin … separate) and each simple one. */
function fieldInstructions(xml: string): string[] {
  const out: string[] = [];
  for (const tag of elements(xml, 'fldSimple')) out.push(Object.entries(attributes(tag)).find(([k]) => k === 'instr' || k.endsWith(':instr'))?.[1] ?? '');
  // Fields nest (an IF holding a MERGEFIELD): a stack of instructions being read.
  const open: Array<{ text: string; reading: boolean }> = [];
  const token = /<(?:[\w.-]+:)?fldChar\b[^>]*?fldCharType\s*=\s*["'](begin|separate|end)["'][^>]*>|<(?:[\w.-]+:)?instrText\b[^>]*?(?:\/>|>([^<]*)<)/g;
  for (const m of xml.matchAll(token)) {
    if (m[1] === 'begin') open.push({ text: '', reading: true });
    else if (m[1] === 'separate') {
      if (open.length > 0) open[open.length - 1]!.reading = false;
    } else if (m[1] === 'end') {
      const field = open.pop();
      if (field) out.push(field.text);
    } else {
      const text = unescapeXml(m[2] ?? '');
      const top = open[open.length - 1];
      if (top?.reading) top.text += text;
      else out.push(text);
    }
  }
  for (const field of open) out.push(field.text);
  return out;
}

/** Why an external relationship is refused, by its type, and how to fix it in Word. */
function externalWhy(type: string, target: string): string {
  const to = showValue(target);
  const kind = type.slice(type.lastIndexOf('/') + 1);
  if (kind === 'hyperlink') return `har et link til ${to}. Fjern linket (højreklik på det, og vælg "Fjern link"); adressen kan stå som almindelig tekst.`;
  if (kind === 'attachedTemplate') return `er knyttet til skabelonen ${to} uden for dokumentet. Fjern den tilknyttede skabelon i Word (Udvikler > Dokumentskabelon), og gem igen.`;
  if (kind === 'image') return `har et billede, der hentes fra ${to}. Indsæt billedet i dokumentet i stedet for at kæde det til filen.`;
  if (kind === 'subDocument') return `har et underdokument fra ${to}. Kopiér teksten ind i skabelonen i stedet.`;
  return `henviser til ${to} uden for dokumentet. Saldo udfylder kun skabeloner, der ikke henter noget udefra.`;
}

/**
 * Refuses what a letter may not hold (see the file's comment); the first thing found is named.
 * Called on every template before it is compiled or filled.
 */
export function refuseUnsafe(pkg: DocxPackage, name: string): void {
  const fail = (why: string) => fileError(templateFile(name), why);
  const macros = 'indeholder makroer (VBA). Gem den i Word som "Word-dokument (*.docx)", så makroerne fjernes.';
  const embedded = (where: string) => `indeholder et indlejret objekt i ${where} (fx et Excel-ark, et diagram, en fil eller en ActiveX-kontrol). Slet objektet, eller indsæt det som et billede.`;
  for (const part of pkg.parts.keys()) {
    if (/(^|\/)vba(Project\.bin|Data\.xml)$/i.test(part)) throw fail(macros);
    if (/^word\/(embeddings|activeX)\//i.test(part)) throw fail(embedded(part));
  }
  const types = contentTypes(partText(pkg.parts.get('[Content_Types].xml')!));
  for (const type of [...types.defaults.values(), ...types.overrides.values()]) {
    if (/vbaProject|vbaData|macroEnabled|keyMapCustomizations/i.test(type)) throw fail(macros);
    if (/oleObject|activeX/i.test(type)) throw fail(embedded('dokumentet'));
  }
  for (const [part, bytes] of pkg.parts) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const raw = partText(bytes);
    // Word writes none of these. A DOCTYPE can only be there to declare entities, and CDATA could
    // hide a field's instruction from the scan below.
    if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(raw)) throw fail(`kan ikke læses: delen "${part}" er ikke skrevet af Word. Gem skabelonen igen i Word.`);
    // Comments and processing instructions are nothing to Word: gone, they cannot split a field's name.
    const xml = raw.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
    if (part.endsWith('.rels')) {
      for (const tag of elements(xml, 'Relationship')) {
        const a = attributes(tag);
        const type = a.Type ?? '';
        if (/\/(vbaProject|wordVbaData|keyMapCustomizations)$/.test(type)) throw fail(macros);
        if (/\/(oleObject|package|control|activeXControl)$/.test(type)) throw fail(embedded('dokumentet'));
        if (/\/aFChunk$/.test(type)) throw fail('indeholder et indsat dokument (altChunk), som Word først pakker ud, når brevet åbnes. Kopiér teksten ind i skabelonen i stedet.');
        if (/^external$/i.test(a.TargetMode ?? '')) throw fail(externalWhy(type, a.Target ?? ''));
      }
      continue;
    }
    const where = partLabel(pkg, part);
    if (elements(xml, 'altChunk').length > 0) throw fail(`indeholder et indsat dokument (altChunk) i ${where}. Kopiér teksten ind i skabelonen i stedet.`);
    if (elements(xml, 'object').length > 0 || elements(xml, 'OLEObject').length > 0 || elements(xml, 'control').length > 0) throw fail(embedded(where));
    // What a kommune wrote for itself would go to the citizen with the letter.
    if (elements(xml, 'comment').length > 0 || elements(xml, 'commentReference').length > 0)
      throw fail('indeholder kommentarer, som ville følge med brevet til borgeren. Slet dem i Word (Gennemse > Slet > Slet alle kommentarer i dokumentet), og gem igen.');
    if (['ins', 'del', 'moveFrom', 'moveTo'].some((local) => elements(xml, local).length > 0))
      throw fail(`har registrerede ændringer i ${where}, som borgeren kan se i Word. Godkend eller afvis dem (Gennemse > Accepter > Accepter alle ændringer), og gem igen.`);
    if (elements(xml, 'mailMerge').length > 0)
      throw fail('er et hoveddokument til Words brevfletning. Saldo fletter selv: slå brevfletningen fra (Forsendelser > Start brevfletning > Normalt Word-dokument), og gem igen.');
    for (const instruction of fieldInstructions(xml)) {
      const field = (/^\s*(\S+)/.exec(instruction)?.[1] ?? '').toUpperCase();
      // An empty instruction does nothing (a field nested in it is checked on its own).
      if (field === '' || SAFE_FIELDS.has(field)) continue;
      throw fail(`indeholder Word-feltet ${field} i ${where}, ${fieldWhy(field)}. Fjern feltet: markér det, og tryk Ctrl+Shift+F9, så det bliver til almindelig tekst.`);
    }
  }
}
