/**
 * Saldo's own letter templates (assets/letters/*.docx), made from the readable WordprocessingML
 * below so a change of wording is a reviewable diff here, not a binary one. A kommune opens one
 * in Word, changes what it likes and gives Saldo its own copy. Run:
 *
 *   npx tsx letters/docx/makeDefaultTemplates.ts
 *
 * A build script (it writes files), kept apart from what the task pane loads. The fields used
 * are only those of core/letters/letterFields.ts; test/letters checks each template against them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PizZip from 'pizzip';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Look {
  bold?: boolean;
  /** Half-points, as Word counts them: 28 is 14 pt. */
  size?: number;
}

const run = (text: string, look: Look = {}): string => {
  const props = `${look.bold ? '<w:b/>' : ''}${look.size ? `<w:sz w:val="${look.size}"/>` : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
};

interface ParagraphLook extends Look {
  style?: string;
  align?: 'right' | 'center';
  /** Space after the paragraph in twips (the style gives 120, 6 pt); 0 keeps lines of an address together. */
  after?: number;
  keepNext?: boolean;
}

const paragraph = (text: string, look: ParagraphLook = {}): string => {
  const props = [
    look.style ? `<w:pStyle w:val="${look.style}"/>` : '',
    look.keepNext ? '<w:keepNext/>' : '',
    look.after !== undefined ? `<w:spacing w:after="${look.after}"/>` : '',
    look.align ? `<w:jc w:val="${look.align}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${text === '' ? '' : run(text, look)}</w:p>`;
};

const empty = paragraph('');

interface Column {
  width: number;
  align?: 'right';
}

/** A cell: its paragraph keeps the column's alignment and no space after (rows stay tight). */
const cell = (text: string, column: Column, look: Look = {}): string =>
  `<w:tc><w:tcPr><w:tcW w:w="${column.width}" w:type="dxa"/></w:tcPr>${paragraph(text, { ...look, after: 0, ...(column.align ? { align: column.align } : {}) })}</w:tc>`;

interface Row {
  cells: readonly string[];
  header?: boolean;
  bold?: boolean;
}

/** A table with lines between rows only: how Danish letters show amounts. */
function table(columns: readonly Column[], rows: readonly Row[]): string {
  const width = columns.reduce((s, c) => s + c.width, 0);
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const props = `<w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${line('top')}${line('bottom')}${line('insideH')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${columns.map((c) => `<w:gridCol w:w="${c.width}"/>`).join('')}</w:tblGrid>`;
  const body = rows
    .map((r) => {
      // A header row is repeated on each page, and is not split from the first data row.
      const rowProps = r.header ? '<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      return `<w:tr>${rowProps}${r.cells.map((text, i) => cell(text, columns[i]!, { bold: r.header === true || r.bold === true })).join('')}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${props}${grid}${body}</w:tbl>`;
}

/** A4 with 2 cm margins; the text is 9,638 twips wide. */
const TEXT_WIDTH = 9638;
const SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>';

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const document = (body: readonly string[]): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body.join('')}${SECTION}</w:body></w:document>`;

/** Who writes, when, and to whom: the top of every letter (the address fits a window envelope's left side). */
const head = (reference: readonly string[]): string[] => [
  paragraph('{kommune}', { bold: true, size: 28, after: 0 }),
  paragraph('{dato}', { align: 'right' }),
  empty,
  paragraph('{modtager}', { after: 0 }),
  // In a paragraph of its own: one paragraph per address line (docxtemplater's paragraphLoop).
  paragraph('{#adresselinjer}{.}{/adresselinjer}', { after: 0 }),
  empty,
  ...reference.map((text, i) => paragraph(text, i < reference.length - 1 ? { after: 0 } : {})),
  empty,
];

const closing = [paragraph('Venlig hilsen', { after: 0 }), paragraph('{afsender}')];

const statementBody = (): string[] => {
  const claims: Column[] = [{ width: 900 }, { width: 2000 }, { width: 2150, align: 'right' }, { width: 2150, align: 'right' }, { width: 2438 }];
  const movements: Column[] = [{ width: TEXT_WIDTH - 2200 }, { width: 2200, align: 'right' }];
  return [
    ...head(['{#harIdentitet}{identitet}{/harIdentitet}', 'Debitornummer: {debitor}']),
    paragraph('{overskrift}', { style: 'Heading1' }),
    paragraph('{hilsen}'),
    paragraph('Her kan du se dine sager hos {kommune}: hvad du skyldte 1. januar og 31. december {år}, og hvordan hver sag står nu.'),
    table(claims, [
      { cells: ['Sag', 'Type', 'Skyldig 1. januar', 'Skyldig 31. december', 'Status'], header: true },
      // Tags in different cells of one row: the whole row is repeated per sag.
      { cells: ['{#sager}{sag}', '{type}', '{primo}', '{ultimo}', '{status}{/sager}'] },
      { cells: ['I alt', '', '{primoIAlt}', '{ultimoIAlt}', ''], bold: true },
    ]),
    // Paragraphs holding only a section's tags are left out of the letter.
    paragraph('{#harBevægelser}'),
    paragraph('Det er sket i {år}', { style: 'Heading2' }),
    table(movements, [{ cells: ['{#bevægelser}{tekst}', '{beløb}{/bevægelser}'] }]),
    paragraph('{/harBevægelser}'),
    empty,
    paragraph('{#afsnit}{.}{/afsnit}'),
    ...closing,
  ];
};

const caseBody = (withRates: boolean): string[] => {
  const rates: Column[] = [{ width: 1200 }, { width: 2600 }, { width: 2400, align: 'right' }];
  return [
    ...head(['Sag: {reference}']),
    paragraph('{overskrift}', { style: 'Heading1' }),
    paragraph('{hilsen}'),
    paragraph('{#afsnit}{.}{/afsnit}'),
    ...(withRates
      ? [
          paragraph('{#harRater}'),
          paragraph('Dine rater', { style: 'Heading2' }),
          table(rates, [{ cells: ['Rate', 'Forfaldsdato', 'Beløb'], header: true }, { cells: ['{#rater}{rate}', '{forfaldsdato}', '{beløb}{/rater}'] }]),
          paragraph('{/harRater}'),
          empty,
        ]
      : []),
    paragraph('{afslutning}'),
    ...closing,
  ];
};

/** Calibri 11 pt, Danish, 6 pt after a paragraph; two headings; names as Word's own built-in styles. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="da-DK" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

// A Danish tab stop (2,3 cm) and Word 2013+ layout, so Word does not open it in compatibility mode.
const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/><w:defaultTabStop w:val="1304"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="da-DK"/></w:settings>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;

const core = (title: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>Saldo</dc:creator></cp:coreProperties>`;

/** A fixed time in the zip, so the same source always makes the same file. */
const STAMP = new Date(Date.UTC(2026, 0, 1));

function docx(title: string, body: readonly string[]): Uint8Array {
  const zip = new PizZip();
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['docProps/core.xml', core(title)],
    ['word/document.xml', document(body)],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ['word/styles.xml', STYLES],
    ['word/settings.xml', SETTINGS],
  ];
  for (const [name, text] of parts) zip.file(name, text, { date: STAMP });
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The default templates by file name, as the build writes them to assets/letters/. */
export function defaultTemplates(): Record<string, Uint8Array> {
  return {
    'saldoopgoerelse.docx': docx('Saldoopgørelse', statementBody()),
    'aftalebrev.docx': docx('Bekræftelse af betalingsaftale', caseBody(true)),
    'henstand.docx': docx('Afgørelse om henstand', caseBody(false)),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = fileURLToPath(new URL('../../assets/letters/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(defaultTemplates())) {
    writeFileSync(join(dir, name), bytes);
    console.log(`${join('assets/letters', name)}: ${bytes.length} bytes`);
  }
}
