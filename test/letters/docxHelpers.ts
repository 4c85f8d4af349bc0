/**
 * Hand-written Word documents for the template tests: the smallest package Word opens (content
 * types, relationships, a main document), with the body, extra parts and relationships a test
 * needs. Every test states its document's XML itself, so what is checked is visible in the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { ROOT } from '../cli/helpers.js';

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A paragraph of one run per text: `p('{mod', 'tager}')` splits a tag across runs as Word does. */
export const p = (...texts: string[]): string => `<w:p>${texts.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

export const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

export interface DocxOptions {
  /** The main part's content type (a .docm's or a .dotx's instead of a document's). */
  mainType?: string;
  /** More parts, by name. */
  parts?: Record<string, string | Uint8Array>;
  /** More content-type overrides: part name (no slash) → type. */
  types?: Record<string, string>;
  /** More relationships of the main document (`<Relationship …/>` elements). */
  rels?: string;
  /** The whole document.xml, instead of `documentXml(body)`. */
  xml?: string;
}

/** A .docx whose body is `body`. */
export function docx(body: string, o: DocxOptions = {}): Uint8Array {
  const zip = new PizZip();
  const overrides = { 'word/document.xml': o.mainType ?? MAIN_TYPE, ...o.types };
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${Object.entries(
      overrides,
    )
      .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
      .join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', o.xml ?? documentXml(body));
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.rels ?? ''}</Relationships>`);
  for (const [name, data] of Object.entries(o.parts ?? {})) zip.file(name, data);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A part of a .docx as text. */
export const partOf = (bytes: Uint8Array, name: string): string => new PizZip(bytes).file(name)!.asText();

/** The .docx with one part's text changed by `edit`. */
export function editPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const zip = new PizZip(bytes);
  zip.file(name, edit(zip.file(name)!.asText()));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One of Saldo's default templates, as shipped. */
export const defaultTemplate = (name: 'saldoopgoerelse' | 'aftalebrev' | 'henstand'): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'assets', 'letters', `${name}.docx`)));

/** The SaldoError's message of `run`, or a failure when it does not throw. */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof Error && e.name === 'SaldoError') return e.message;
    throw e;
  }
  throw new Error('expected a SaldoError');
}
