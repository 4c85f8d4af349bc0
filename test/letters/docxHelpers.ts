/**
 * Hand-written Word documents for the template tests: the smallest package Word opens (content
 * types, relationships, a main document), with the body, extra parts and relationships a test
 * needs. Every test states its document's XML itself, so what is checked is visible in the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { ROOT } from '../cli/helpers.js';
import { png } from './imageHelpers.js';

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A paragraph of one run per text: `p('{mod', 'tager}')` splits a tag across runs as Word does. */
export const p = (...texts: string[]): string => `<w:p>${texts.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`;

/** The namespaces of pictures and shapes, as Word declares them on a part that has any. */
export const DRAWING_NS =
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" mc:Ignorable="wps"';

/** A main document; `section` is the inside of the body's own w:sectPr (page size, header and footer references). */
export const documentXml = (body: string, section = '<w:pgSz w:w="11906" w:h="16838"/>'): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${DRAWING_NS}><w:body>${body}<w:sectPr>${section}</w:sectPr></w:body></w:document>`;

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
  /** The inside of the body's w:sectPr, instead of a bare page size. */
  section?: string;
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
  zip.file('word/document.xml', o.xml ?? documentXml(body, o.section));
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

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const HEADER_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
export const FOOTER_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';

/** A relationship to a picture, a header or a footer: `Target` relative to the part's folder (word/). */
export const rel = (id: string, kind: 'image' | 'header' | 'footer', target: string): string => `<Relationship Id="${id}" Type="${REL}/${kind}" Target="${target}"/>`;

/** A .rels part holding `rels`. */
export const relsXml = (...rels: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;

/** A header (`w:hdr`) or footer (`w:ftr`) part with this content. */
export const bandXml = (tag: 'w:hdr' | 'w:ftr', content: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${tag} ${W} ${DRAWING_NS}>${content}</${tag}>`;

const graphic = (id: string, cx: number, cy: number) =>
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>`;

/** A picture "in line with text" as Word writes it (`w:drawing/wp:inline`), its size in EMU (914,400 to the inch). */
export const inlineDrawing = (id: string, cx: number, cy: number): string =>
  `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="1" name="Billede 1"/>${graphic(id, cx, cy)}</wp:inline></w:drawing>`;

/** A floating picture (`wp:anchor`), aligned on its own by `wp:positionH/wp:align`, maybe behind the text. */
export const anchoredDrawing = (id: string, cx: number, cy: number, align: string, behind = false): string =>
  `<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="${behind ? 1 : 0}" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>${align}</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="${cx}" cy="${cy}"/><wp:wrapNone/><wp:docPr id="2" name="Billede 2"/>${graphic(id, cx, cy)}</wp:anchor></w:drawing>`;

/** An old-style VML picture (`w:pict`), its size in the shape's CSS style ("width:72pt;height:1in"). */
export const vmlPicture = (id: string, style: string): string => `<w:pict><v:shape id="_x0000_i1025" type="#_x0000_t75" style="${style}"><v:imagedata r:id="${id}" o:title=""/></v:shape></w:pict>`;

/**
 * A kommune's letterhead: a logo and "Ishøj Kommune · {dato}" in the header of every page after
 * the first; on the first page ("different first page", w:titlePg) a header of its own with the
 * logo and the sender; the address and CVR number in the footer of every page (the first page's
 * footer reference and the others' name the same part). Each header part
 * has its own relationships: rId1 in header1.xml.rels is the logo, whatever rId1 is in the body's.
 */
export function letterhead(o: { titlePg?: boolean; firstHeader?: boolean; body?: string; logo?: Uint8Array; footer?: string } = {}): Uint8Array {
  const logo = o.logo ?? png(4, 2, (x) => [0, 80, 160, 255 - 60 * x]);
  const titlePg = o.titlePg ?? true;
  const firstHeader = o.firstHeader ?? true;
  return docx(o.body ?? `${p('{hilsen}')}<w:p><w:r><w:br w:type="page"/></w:r></w:p>${p('Side to')}`, {
    section: `<w:headerReference w:type="default" r:id="rId11"/>${firstHeader ? '<w:headerReference w:type="first" r:id="rId12"/>' : ''}<w:footerReference w:type="default" r:id="rId13"/><w:footerReference w:type="first" r:id="rId13"/><w:pgSz w:w="11906" w:h="16838"/>${titlePg ? '<w:titlePg/>' : ''}`,
    rels: rel('rId1', 'footer', 'footer1.xml') + rel('rId11', 'header', 'header2.xml') + rel('rId12', 'header', 'header1.xml') + rel('rId13', 'footer', 'footer1.xml'),
    types: { 'word/header1.xml': HEADER_TYPE, 'word/header2.xml': HEADER_TYPE, 'word/footer1.xml': FOOTER_TYPE, 'word/media/image1.png': 'image/png' },
    parts: {
      'word/header1.xml': bandXml('w:hdr', `<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r>${inlineDrawing('rId1', 1_828_800, 457_200)}</w:r></w:p>${p('Opkrævningen, Ishøj Kommune')}<w:p/>`),
      'word/_rels/header1.xml.rels': relsXml(rel('rId1', 'image', 'media/image1.png')),
      'word/header2.xml': bandXml('w:hdr', `<w:p><w:r>${anchoredDrawing('rId7', 914_400, 228_600, 'left')}</w:r><w:r><w:t xml:space="preserve">Ishøj Kommune · {dato}</w:t></w:r></w:p>`),
      'word/_rels/header2.xml.rels': relsXml(rel('rId7', 'image', '/word/media/image1.png')),
      'word/footer1.xml': bandXml('w:ftr', o.footer ?? `${p('Ishøj Store Torv 20 · 2635 Ishøj · Telefon 43 57 75 75')}${p('CVR 11931316')}`),
      'word/media/image1.png': logo,
    },
  });
}
