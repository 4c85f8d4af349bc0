/**
 * A kommune's own Word letter, filled by Saldo (issue 18). The kommune writes its letter in Word
 * with fields in curly brackets — {modtager}, {#afsnit}{.}{/afsnit}, a table row with
 * {#sager}…{/sager} — and Saldo fills one copy per citizen with docxtemplater. The template is
 * checked first (docxPackage.ts: nothing that runs or reaches outside; here: only fields Saldo
 * has, correctly opened and closed), and every refusal names the file and the tag in Danish.
 * Field values are the citizen's data: they are always written as text, never as Word markup.
 *
 * Bytes in, bytes out, no Node: the same code runs in the task pane.
 */
import Docxtemplater from 'docxtemplater';
import { XMLValidator } from 'fast-xml-parser';
import createScope from 'docxtemplater/js/scope-manager.js';
import PizZip from 'pizzip';
import { SaldoError } from '../../core/errors.js';
import type { FieldSpec, LetterFields } from '../../core/letters/letterFields.js';
import { openDocx, partLabel, partText, refuseUnsafe, type DocxPackage } from './docxPackage.js';
import { templateError, templateFile } from './docxZip.js';

/** A parsed piece of a template: docxtemplater's Part, with the loop module's own fields. */
type Part = Docxtemplater.DXT.Part & { location?: 'start' | 'end'; expandTo?: string; subparsed?: Part[] };

/** A tag's name: spaces inside the brackets are forgiven ({ modtager } is {modtager}). */
const tagName = (value: string): string => value.trim();

/**
 * docxtemplater's lookup of a tag in a scope: `.` is the item itself (a text in a list of texts),
 * any other name an own property only, so {constructor} or {__proto__} find nothing.
 */
function parser(tag: string) {
  const name = tagName(tag);
  return {
    get: (scope: unknown): unknown => {
      if (name === '.') return scope;
      return typeof scope === 'object' && scope !== null && Object.hasOwn(scope, name) ? (scope as Record<string, unknown>)[name] : undefined;
    },
  };
}

const isTag = (p: Part, tag: string, position: string): boolean => p.type === 'tag' && p.tag === tag && p.position === position;

/**
 * A loop that is the whole text of one paragraph — {#afsnit}{.}{/afsnit} — repeats that
 * paragraph, one per item. docxtemplater's paragraphLoop only drops paragraphs that hold nothing
 * but a loop's opening or closing tag; within one paragraph it would run the items together.
 * Marking the loop as docxtemplater's own `{-w:p afsnit}` gives the paragraph per item.
 */
function paragraphLoops(): Docxtemplater.DXT.Module {
  return {
    name: 'SaldoParagraphLoop',
    // Before docxtemplater's pairing of loop tags, which reads `expandTo`.
    priority: 1,
    postparse(parsed: Docxtemplater.DXT.Part[]): Docxtemplater.DXT.Part[] {
      const starts: number[] = [];
      (parsed as Part[]).forEach((p, i, all) => {
        if (isTag(p, 'w:p', 'start')) starts.push(i);
        if (!isTag(p, 'w:p', 'end')) return;
        const start = starts.pop();
        if (start === undefined) return;
        const shown = all.slice(start, i).filter((q) => q.type === 'placeholder' || (q.type === 'content' && q.position === 'insidetag' && q.value.trim() !== ''));
        const first = shown[0];
        const last = shown[shown.length - 1];
        if (first?.module !== 'loop' || first.location !== 'start' || first.expandTo !== 'auto' || last?.module !== 'loop' || last.location !== 'end' || last.value !== first.value) return;
        // The first tag's loop must be the one that closes last: not {#a}…{/a}{#a}…{/a}.
        let depth = 0;
        const closesEarly = shown.slice(0, -1).some((q) => {
          if (q.module === 'loop' && q.value === first.value) depth += q.location === 'start' ? 1 : -1;
          return depth === 0;
        });
        if (!closesEarly) first.expandTo = 'w:p';
      });
      return parsed;
    },
  };
}

/**
 * docxtemplater's options for Saldo: paragraph loops, a line break in a value as a line break in
 * Word, characters XML cannot hold left out, nothing logged (the values are personal data), and
 * a missing value reported to `missing` instead of printed as "undefined".
 */
export function templaterOptions(missing: (name: string) => void): Docxtemplater.DXT.ConstructorOptions {
  return {
    paragraphLoop: true,
    linebreaks: true,
    stripInvalidXMLChars: true,
    errorLogging: false,
    parser,
    nullGetter: (part) => {
      missing(tagName(part.value));
      return '';
    },
    modules: [paragraphLoops()],
  };
}

interface DocxtemplaterError {
  properties?: {
    id?: string;
    xtag?: string;
    file?: string;
    errors?: unknown[];
    openingtag?: string;
    closingtag?: string;
    lastPair?: { left: string };
    pair?: { left: string };
    part?: { value?: string };
  };
}

const rawRefusal = (tag: string, where: string): string =>
  `bruger {@${tag}}${where}, som ville sætte værdien ind som Word-kode (XML). Det tillader Saldo ikke, for værdierne kommer fra posteringerne: skriv {${tag}}, så værdien står som almindelig tekst.`;

/** One docxtemplater error in Danish, as the continuation of "Skabelonen "x.docx" …". */
function describe(error: unknown, pkg: DocxPackage): string {
  const p = (error as DocxtemplaterError).properties ?? {};
  const where = p.file && p.file !== pkg.main ? ` i ${partLabel(pkg, p.file)}` : '';
  const tag = tagName(p.xtag ?? p.part?.value ?? '');
  switch (p.id) {
    case 'unclosed_tag':
      return `har et felt uden afsluttende "}": "{${tag}"${where}. Skriv "}" efter feltets navn.`;
    case 'unopened_tag':
      return `har et "}" uden "{" foran: "${tag}}"${where}. Skriv "{" foran feltets navn.`;
    case 'duplicate_open_tag':
      return `har to "{" efter hinanden ved "${tag}"${where}. Skriv kun ét.`;
    case 'duplicate_close_tag':
      return `har to "}" efter hinanden ved "${tag}"${where}. Skriv kun ét.`;
    case 'unclosed_loop':
      return `åbner {#${tag}}${where}, men lukker den aldrig. Skriv {/${tag}}, hvor gentagelsen skal slutte.`;
    case 'unopened_loop':
      return `lukker med {/${tag}}${where}, men har ikke åbnet med {#${tag}} før.`;
    case 'closing_tag_does_not_match_opening_tag':
      return `åbner {#${tagName(p.openingtag ?? '')}}, men lukker med {/${tagName(p.closingtag ?? '')}}${where}. Skriv {/${tagName(p.openingtag ?? '')}}.`;
    case 'unbalanced_loop_tags':
      return `har {#${tagName(p.lastPair?.left ?? '')}} og {#${tagName(p.pair?.left ?? '')}} flettet ind i hinanden${where}. Luk den inderste, før den yderste lukkes.`;
    case 'loop_position_invalid':
    case 'no_xml_tag_found_at_left':
    case 'no_xml_tag_found_at_right':
      return `har {#${tag}} og {/${tag}} forskellige steder${where} (fx den ene i en tabel og den anden uden for). Sæt dem i samme afsnit, i samme tabelrække eller hver i sit eget afsnit.`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
    case 'raw_tag_outerxml_invalid':
      return rawRefusal(tag.replace(/^@/, ''), where);
    case 'file_has_invalid_xml':
    case 'malformed_xml':
      return `kan ikke læses: ${where === '' ? 'brevet' : where.slice(3)} er ikke gyldig XML. Gem skabelonen igen i Word.`;
    case 'change_delimiters_invalid':
      return `skifter feltmærkerne med {=…=}${where} på en måde, Saldo ikke kan læse. Brug { og } om felterne.`;
    default:
      return `har en fejl ved feltet "{${tag}}"${where}, som Saldo ikke kan læse. Skriv felterne som {navn}, og lister som {#navn}…{/navn}.`;
  }
}

/** docxtemplater's errors (often several in one "multi error") as one Danish message. */
function translated(e: unknown, pkg: DocxPackage, name: string): SaldoError {
  if (e instanceof SaldoError) return e;
  const p = (e as DocxtemplaterError).properties;
  const list = p?.id === 'multi_error' && Array.isArray(p.errors) ? p.errors : [e];
  const texts = [...new Set(list.map((error) => describe(error, pkg)))];
  if (texts.length === 1) return templateError(name, texts[0]!);
  const shown = texts.slice(0, 5).map((t, i) => `${i + 1}) ${t}`);
  return templateError(name, `har ${texts.length} fejl: ${shown.join(' ')}${texts.length > 5 ? ` (og ${texts.length - 5} til)` : ''}`);
}

/** docxtemplater's compiled part; its fields are read only here (see docxtemplaterInternals.d.ts). */
interface XmlTemplater {
  postparsed: Part[];
  cachedParsers: unknown;
  scopeManager: unknown;
  content?: Uint8Array;
  allErrors: unknown[];
  render(to: string): void;
}

/** A template read, checked for safety and compiled: filled once per letter without reading it again. */
export interface CompiledTemplate {
  /** The file's name, as messages give it. */
  readonly name: string;
  readonly pkg: DocxPackage;
  /** The parts with fields (the main document, headers, footers, document properties) and their tags as compiled. */
  readonly templated: ReadonlyMap<string, readonly Part[]>;
  /** One part filled with one letter's fields: its XML as UTF-8. */
  fillPart(part: string, fields: LetterFields): Uint8Array;
}

const placeholders = function* (parsed: readonly Part[]): Generator<Part> {
  for (const p of parsed) {
    if (p.type !== 'placeholder') continue;
    yield p;
    if (p.subparsed) yield* placeholders(p.subparsed);
  }
};

/**
 * Reads, checks and compiles a template: refused (in Danish, naming `name`) when it is not a
 * .docx, holds what a letter may not (docxPackage.ts), has a field opened and not closed, or a
 * raw-XML field {@x}. Field names are checked by checkTemplate, which knows the letter's fields.
 */
export function compileTemplate(bytes: Uint8Array, name = ''): CompiledTemplate {
  const pkg = openDocx(bytes, templateFile(name));
  refuseUnsafe(pkg, name);
  const zip = new PizZip();
  for (const [part, data] of pkg.parts) zip.file(part, data);
  let missing: string[] = [];
  let doc: Docxtemplater<PizZip>;
  try {
    doc = new Docxtemplater(
      zip,
      templaterOptions((tag) => missing.push(tag)),
    );
  } catch (e) {
    throw translated(e, pkg, name);
  }
  const compiled = (doc as unknown as { compiled: Record<string, XmlTemplater> }).compiled;
  const templated = new Map<string, Part[]>();
  for (const [part, xt] of Object.entries(compiled)) {
    // docxtemplater reads XML leniently; a part Word cannot open would make a letter Word cannot open.
    if (XMLValidator.validate(partText(pkg.parts.get(part)!)) !== true) throw templateError(name, `kan ikke læses: ${partLabel(pkg, part)} er ikke gyldig XML. Gem skabelonen igen i Word.`);
    for (const p of placeholders(xt.postparsed)) {
      if (p.module === 'rawxml') throw templateError(name, rawRefusal(tagName(p.value), part === pkg.main ? '' : ` i ${partLabel(pkg, part)}`));
    }
    templated.set(part, xt.postparsed);
  }
  return {
    name,
    pkg,
    templated,
    fillPart(part, fields) {
      const xt = compiled[part];
      if (!xt) throw new Error(`${part} har ingen felter`);
      missing = [];
      // A fresh scope per letter on the compiled part: what docxtemplater's render does, minus re-reading the zip.
      xt.scopeManager = createScope({ tags: fields, parser, cachedParsers: xt.cachedParsers });
      xt.render(part);
      const content = xt.content;
      delete xt.content;
      if (!(content instanceof Uint8Array)) throw translated({ properties: { id: 'multi_error', errors: xt.allErrors } }, pkg, name);
      if (missing.length > 0) {
        const tags = [...new Set(missing)].map((t) => `{${t}}`);
        throw templateError(
          name,
          `bruger ${tags.length === 1 ? `feltet ${tags[0]}` : `felterne ${danishList(tags)}`}, som brevet ikke har en værdi til. Brug skabelonen til den slags brev, den er lavet til.`,
        );
      }
      return content;
    },
  };
}

/** "a, b og c". */
const danishList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`);

/** Edits needed to turn one name into the other (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Words a kommune may reach for, and Saldo's field for them. */
const SYNONYMS: Readonly<Record<string, string>> = {
  navn: 'modtager',
  name: 'modtager',
  borger: 'modtager',
  adresse: 'adresselinjer',
  cpr: 'identitet',
  cvr: 'identitet',
  debitornummer: 'debitor',
  sagsnummer: 'reference',
  underskrift: 'afsender',
  emne: 'overskrift',
  tekst: 'afsnit',
};

function closest(tag: string, names: readonly string[]): string | undefined {
  const lower = tag.toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym !== undefined && names.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const n of names) {
    const d = distance(lower, n.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [n, d];
  }
  // A typo, not another word: at most a third of the name wrong.
  return bestDistance <= Math.max(1, Math.floor(tag.length / 3)) ? best : undefined;
}

/** What a tag can see: the fields of each enclosing loop, innermost last. */
interface Scope {
  fields: readonly FieldSpec[];
  /** The loop opened here; `.` is an item only in a list of texts. */
  loop?: FieldSpec;
  inverted?: boolean;
}

function checkTags(parsed: readonly Part[], scopes: readonly Scope[], where: string, name: string): void {
  const inner = scopes[scopes.length - 1]!;
  const find = (tag: string): FieldSpec | undefined => {
    for (let i = scopes.length - 1; i >= 0; i -= 1) {
      const f = scopes[i]!.fields.find((s) => s.name === tag);
      if (f) return f;
    }
    return undefined;
  };
  for (const p of parsed) {
    if (p.type !== 'placeholder') continue;
    const tag = tagName(p.value);
    const shown = p.module === 'loop' ? `{${p.inverted ? '^' : '#'}${tag}}` : `{${tag}}`;
    if (tag === '.') {
      const list = inner.loop;
      if (list?.kind === 'liste' && list.items === undefined && !inner.inverted) continue;
      throw templateError(
        name,
        `bruger {.}${where} uden for en liste af tekster. {.} står for ét punkt i en liste, fx {#afsnit}{.}{/afsnit} eller {#adresselinjer}{.}{/adresselinjer}${list?.items ? `; i {#${list.name}} skrives ${danishList(list.items.map((i) => `{${i.name}}`))}` : ''}.`,
      );
    }
    const field = find(tag);
    if (!field) {
      const names = scopes.flatMap((s) => s.fields.map((f) => f.name));
      const guess = closest(tag, names);
      const loop = inner.loop?.items ? ` Inde i {#${inner.loop.name}} er felterne ${danishList(inner.loop.items.map((i) => `{${i.name}}`))}, og brevets øvrige felter kan også bruges.` : '';
      const all = scopes[0]!.fields.map((f) => `{${f.name}}`);
      throw templateError(name, `bruger feltet ${shown}${where}, som Saldo ikke kender.${guess ? ` Mente du {${guess}}?` : ''}${loop} Brevets felter er ${danishList(all)}.`);
    }
    if (p.module !== 'loop') {
      if (field.kind === 'liste')
        throw templateError(name, `bruger {${tag}}${where} som ét felt, men det er en liste. Skriv {#${tag}}${field.items ? '…' : '{.}'}{/${tag}}, så hvert punkt kommer med.`);
      continue;
    }
    const inside: Scope = p.inverted ? { fields: [], inverted: true } : { fields: field.items ?? [], loop: field };
    checkTags(p.subparsed ?? [], [...scopes, inside], where, name);
  }
}

/**
 * Refuses a template that Saldo cannot fill safely and correctly (compileTemplate), or that uses a
 * field `fields` does not have — inside a loop, the loop's own fields or the letter's. The
 * message names the file (`name`), the tag, and the fields there are.
 */
export function checkTemplate(bytes: Uint8Array, fields: readonly FieldSpec[], name: string): void {
  const t = compileTemplate(bytes, name);
  for (const [part, parsed] of t.templated) checkTags(parsed, [{ fields }], part === t.pkg.main ? '' : ` i ${partLabel(t.pkg, part)}`, name);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** The parts as a .docx (a .dotx template's main part typed as a document, so Word opens the letter). */
function zipParts(pkg: DocxPackage, parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zip = new PizZip();
  for (const [part, data] of parts) {
    const asDocument = pkg.isDotx && part === '[Content_Types].xml';
    zip.file(part, asDocument ? encoder.encode(decoder.decode(data).replace('wordprocessingml.template.main+xml', MAIN.slice(MAIN.indexOf('wordprocessingml')))) : data);
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * One letter: the template filled with `fields` (statementLetterFields, caseLetterFields), as a
 * .docx. Values are text in the letter whatever they hold ("{x}", "<w:t>", "=HYPERLINK(…)").
 */
export function fillTemplate(bytes: Uint8Array, fields: LetterFields, name = ''): Uint8Array {
  const t = compileTemplate(bytes, name);
  const parts = new Map(t.pkg.parts);
  for (const part of t.templated.keys()) parts.set(part, t.fillPart(part, fields));
  return zipParts(t.pkg, parts);
}

/** A manual page break, as Word writes one (Ctrl+Enter): the next letter starts at the top of a page. */
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** The main document cut around its body's content; the body's own last section (page size, margins) apart. */
function cutBody(xml: string, name: string): { head: string; body: string; section: string; tail: string } {
  const open = /<w:body(?:\s[^>]*)?>/.exec(xml);
  const close = xml.lastIndexOf('</w:body>');
  if (!open || close < open.index) throw templateError(name, 'kan ikke læses: brevet har ingen brødtekst (w:body). Gem skabelonen igen i Word.');
  const start = open.index + open[0].length;
  let body = xml.slice(start, close);
  let section = '';
  const trimmed = body.trimEnd();
  if (trimmed.endsWith('</w:sectPr>') || /<w:sectPr(?:\s[^>]*)?\/>$/.test(trimmed)) {
    // The body's last section: found from the end, matching nested sectPr (a tracked change holds an old one).
    const tags = [...trimmed.matchAll(/<w:sectPr(?=[\s/>])[^>]*?(\/?)>|<\/w:sectPr>/g)];
    let depth = 0;
    for (let i = tags.length - 1; i >= 0; i -= 1) {
      const m = tags[i]!;
      if (m[0].startsWith('</')) depth += 1;
      else if (m[1] !== '/') depth -= 1;
      if (depth === 0) {
        section = trimmed.slice(m.index);
        body = trimmed.slice(0, m.index);
        break;
      }
    }
  }
  return { head: xml.slice(0, start), body, section, tail: xml.slice(close) };
}

/** A letter's body as the n-th in a bundle: drawings numbered on (Word wants each id once) and bookmarks only in the first. */
function bundled(body: string, n: number, nextId: () => number): string {
  const numbered = body.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_, a: string, _id: string, b: string) => `${a}${nextId()}${b}`);
  return n === 0 ? numbered : numbered.replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '');
}

/**
 * All letters in ONE .docx for printing from Word: the template's body filled once per letter,
 * each letter from a new page, the page setup once at the end. Headers, footers and document
 * properties are shared by all pages, so a field there must come out the same in every letter
 * (e.g. {kommune}); one that differs ({modtager}) is refused rather than shown on everyone's letter.
 */
export function fillTemplateAll(bytes: Uint8Array, list: readonly LetterFields[], name = ''): Uint8Array {
  if (list.length === 0) throw new SaldoError('MANGLER', ['breve'], list, 'Der er ingen breve at samle i ét dokument.');
  const t = compileTemplate(bytes, name);
  const parts = new Map(t.pkg.parts);
  for (const [part, parsed] of t.templated) {
    if (part === t.pkg.main) continue;
    const first = t.fillPart(part, list[0]!);
    parts.set(part, first);
    if (![...placeholders(parsed)].length) continue;
    const text = decoder.decode(first);
    for (const fields of list.slice(1)) {
      if (decoder.decode(t.fillPart(part, fields)) === text) continue;
      const tags = [...new Set([...placeholders(parsed)].map((p) => `{${tagName(p.value)}}`))];
      throw templateError(
        name,
        `kan ikke samle brevene i ét dokument: ${partLabel(t.pkg, part)} er fælles for alle sider, men ${danishList(tags)} er forskellig fra brev til brev. Flyt ${tags.length === 1 ? 'feltet' : 'felterne'} ind i selve brevet, eller skriv brevene hver for sig.`,
      );
    }
  }
  let id = 0;
  const nextId = () => (id += 1);
  const pieces: string[] = [];
  let frame: ReturnType<typeof cutBody> | undefined;
  list.forEach((fields, n) => {
    const cut = cutBody(decoder.decode(t.fillPart(t.pkg.main, fields)), name);
    frame ??= cut;
    if (n > 0) pieces.push(PAGE_BREAK);
    pieces.push(bundled(cut.body, n, nextId));
  });
  parts.set(t.pkg.main, encoder.encode(`${frame!.head}${pieces.join('')}${frame!.section}${frame!.tail}`));
  return zipParts(t.pkg, parts);
}
