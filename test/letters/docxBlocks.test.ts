/**
 * A Word letter read as blocks (letters/docx/docxBlocks.ts): what Word shows, by the rule of each
 * feature — a run's own bold over its style's, headings by style, alignment, tables with header
 * rows, page and line breaks, and what Word does not print (hidden and deleted text, a field's
 * instruction); pictures, headers and footers, and the notes on what the PDF cannot show. Each
 * document is written by hand; the expected blocks are what Word displays.
 */
import { describe, expect, it } from 'vitest';
import type { LetterFields } from '../../core/letters/letterFields.js';
import type { Block } from '../../letters/blocks.js';
import { docxBlocks, docxLetter, fillToBlocks, fillToLetter, pdfLayoutNotes } from '../../letters/docx/docxBlocks.js';
import { compileTemplate, fillTemplate } from '../../letters/docx/template.js';
import { anchoredDrawing, bandXml, defaultTemplate, docx, HEADER_TYPE, inlineDrawing, letterhead, p, rel, relsXml, vmlPicture } from './docxHelpers.js';
import { jpeg, png } from './imageHelpers.js';

const STYLES_REL = '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>';

/** Styles as Danish Word writes them: translated ids, English built-in names. */
const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Brevoverskrift"><w:name w:val="Brevoverskrift"/><w:basedOn w:val="Overskrift1"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Fremhaevet"><w:name w:val="Fremhævet afsnit"/><w:pPr><w:jc w:val="right"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strk"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

const blocks = (body: string) => docxBlocks(docx(body, { parts: { 'word/styles.xml': styles }, rels: STYLES_REL }));
const para = (pPr: string, runs: string) => `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
const run = (rPr: string, t: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;

describe('runs: bold and italic', () => {
  it('from the run itself; runs that look the same are one run', () => {
    expect(blocks(`<w:p>${run('<w:b/>', 'Skyldig ')}${run('<w:b/>', 'i alt')}${run('', ': ')}${run('<w:i/><w:b w:val="0"/>', '1.000,00 kr.')}</w:p>`)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Skyldig i alt', bold: true }, { text: ': ' }, { text: '1.000,00 kr.', italic: true }] },
    ]);
  });

  it('from the paragraph style and a character style; the run’s own "not bold" wins over its style', () => {
    expect(blocks(para('<w:pStyle w:val="Fremhaevet"/>', run('', 'Kursiv ') + run('<w:rStyle w:val="Strk"/>', 'og fed') + run('<w:i w:val="false"/>', ' og ret')))).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Kursiv ', italic: true }, { text: 'og fed', bold: true, italic: true }, { text: ' og ret' }], align: 'right' },
    ]);
  });
});

describe('paragraphs', () => {
  it('a heading by its style: Overskrift1 (heading 1), a style based on it, and Title', () => {
    expect(
      blocks(
        para('<w:pStyle w:val="Overskrift1"/>', run('', 'Saldoopgørelse')) + para('<w:pStyle w:val="Brevoverskrift"/>', run('', 'Afgørelse')) + para('<w:pStyle w:val="Titel"/>', run('', 'Brev')),
      ),
    ).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Saldoopgørelse', bold: true }], heading: true },
      { kind: 'paragraph', runs: [{ text: 'Afgørelse', bold: true }], align: 'center', heading: true },
      { kind: 'paragraph', runs: [{ text: 'Brev' }], heading: true },
    ]);
  });

  it('alignment: right, center, and justified (both) as left', () => {
    expect(
      blocks(para('<w:jc w:val="right"/>', run('', 'a')) + para('<w:jc w:val="center"/>', run('', 'b')) + para('<w:jc w:val="both"/>', run('', 'c')) + para('<w:jc w:val="end"/>', run('', 'd'))),
    ).toEqual([
      { kind: 'paragraph', runs: [{ text: 'a' }], align: 'right' },
      { kind: 'paragraph', runs: [{ text: 'b' }], align: 'center' },
      { kind: 'paragraph', runs: [{ text: 'c' }] },
      { kind: 'paragraph', runs: [{ text: 'd' }], align: 'right' },
    ]);
  });

  it('an empty paragraph is an empty line; a tab is a space', () => {
    expect(blocks(`${p('a')}<w:p/>${p('b')}<w:p><w:r><w:t>Sag:</w:t><w:tab/><w:t>F1</w:t></w:r></w:p>`)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'a' }] },
      { kind: 'paragraph', runs: [] },
      { kind: 'paragraph', runs: [{ text: 'b' }] },
      { kind: 'paragraph', runs: [{ text: 'Sag: F1' }] },
    ]);
  });

  it('a line break inside a paragraph starts a new line (a paragraph of its own, with the same look)', () => {
    expect(blocks(para('<w:jc w:val="right"/>', '<w:r><w:t>Strandvejen 12</w:t><w:br/><w:t>2635 Ishøj</w:t></w:r>'))).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Strandvejen 12' }], align: 'right' },
      { kind: 'paragraph', runs: [{ text: '2635 Ishøj' }], align: 'right' },
    ]);
  });

  it('entities are read once: &#x41; is A, a citizen’s literal "&amp;#x41;" stays as written', () => {
    expect(blocks(p('&#x41;&#66; &amp;#x41; &lt;w:t&gt; &#x110000;'))).toEqual([{ kind: 'paragraph', runs: [{ text: 'AB &#x41; <w:t> &#x110000;' }] }]);
  });
});

describe('page breaks', () => {
  it('a break inside a paragraph splits it; a break alone in its paragraph (Ctrl+Enter) is only a break', () => {
    expect(blocks(`<w:p><w:r><w:t>Side 1</w:t><w:br w:type="page"/><w:t>Side 2</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>${p('Side 3')}`)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Side 1' }] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', runs: [{ text: 'Side 2' }] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', runs: [{ text: 'Side 3' }] },
    ]);
  });

  it('"page break before" on a paragraph, and a section break that starts a new page; none before the first block', () => {
    expect(
      blocks(
        para('<w:pageBreakBefore/>', run('', 'Først')) +
          para('<w:pageBreakBefore/>', run('', 'Ny side')) +
          para('<w:sectPr><w:type w:val="continuous"/></w:sectPr>', run('', 'Fortsat')) +
          para('<w:sectPr/>', run('', 'Slut på sektion')) +
          p('Næste sektion'),
      ),
    ).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Først' }] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', runs: [{ text: 'Ny side' }] },
      { kind: 'paragraph', runs: [{ text: 'Fortsat' }] },
      { kind: 'paragraph', runs: [{ text: 'Slut på sektion' }] },
      { kind: 'pageBreak' },
      { kind: 'paragraph', runs: [{ text: 'Næste sektion' }] },
    ]);
  });
});

describe('what Word does not print', () => {
  it('hidden text, deleted text and a field’s instruction are left out; inserted text and a field’s result are shown', () => {
    const fieldRuns =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const body = `<w:p>${run('<w:vanish/>', 'skjult ')}<w:r><w:t xml:space="preserve">Side </w:t></w:r>${fieldRuns}<w:del w:id="1" w:author="x"><w:r><w:delText>slettet</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve"> af 2</w:t></w:r></w:ins></w:p>`;
    expect(blocks(body)).toEqual([{ kind: 'paragraph', runs: [{ text: 'Side 1 af 2' }] }]);
  });

  it('a text box (written twice by Word: DrawingML and a VML fallback) is read once, after its paragraph', () => {
    const box = (t: string) => `<w:txbxContent>${p(t)}</w:txbxContent>`;
    const drawing = `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x">${box('Jens Hansen')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">${box('Jens Hansen')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(blocks(`<w:p><w:r><w:t>Til:</w:t></w:r>${drawing}</w:p>`)).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Til:' }] },
      { kind: 'paragraph', runs: [{ text: 'Jens Hansen' }] },
    ]);
  });
  it('a floating text box, placed as Word places one (wp:posOffset in points from the page), is read after its paragraph', () => {
    const placed = (axis: string, emu: number) => `<wp:position${axis} relativeFrom="page"><wp:posOffset>${emu}</wp:posOffset></wp:position${axis}>`;
    const box = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0" simplePos="0">${placed('H', 720_090)}${placed('V', 1_800_225)}<wp:extent cx="3240000" cy="900000"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p('Jens Hansen')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>`;
    expect(blocks(`<w:p>${box}</w:p>`)).toEqual([
      { kind: 'paragraph', runs: [] },
      { kind: 'paragraph', runs: [{ text: 'Jens Hansen' }] },
    ]);
  });
});

describe('tables', () => {
  const cell = (t: string, jc = '', span = '') => `<w:tc>${span ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${jc ? para(`<w:jc w:val="${jc}"/>`, run('', t)) : p(t)}</w:tc>`;
  const header = '<w:trPr><w:tblHeader/></w:trPr>';

  it('header rows by tblHeader; a column’s alignment from its first data row; a spanning cell keeps the columns in place', () => {
    const table = `<w:tbl>
      <w:tr>${header}${cell('Sag')}${cell('Skyldig', 'center')}</w:tr>
      <w:tr>${cell('F1')}${cell('1.000,00 kr.', 'right')}</w:tr>
      <w:tr>${cell('F2', 'center')}${cell('500,00 kr.', 'right')}</w:tr>
      <w:tr>${cell('I alt', '', '1')}${cell('1.500,00 kr.', 'right')}</w:tr>
      <w:tr>${cell('Note over begge kolonner', '', '2')}</w:tr>
    </w:tbl>`;
    expect(blocks(table)).toEqual([
      {
        kind: 'table',
        rows: [
          [[{ text: 'Sag' }], [{ text: 'Skyldig' }]],
          [[{ text: 'F1' }], [{ text: '1.000,00 kr.' }]],
          [[{ text: 'F2' }], [{ text: '500,00 kr.' }]],
          [[{ text: 'I alt' }], [{ text: '1.500,00 kr.' }]],
          [[{ text: 'Note over begge kolonner' }], []],
        ],
        align: ['left', 'right'],
        headerRows: 1,
      },
    ]);
  });

  it('a cell of two paragraphs reads as one text; bold from the run is kept', () => {
    const table = `<w:tbl><w:tr><w:tc>${p('Skyldig')}${p('1. januar')}</w:tc><w:tc>${`<w:p>${run('<w:b/>', 'I alt')}</w:p>`}</w:tc></w:tr></w:tbl>`;
    expect(blocks(table)).toEqual([{ kind: 'table', rows: [[[{ text: 'Skyldig 1. januar' }], [{ text: 'I alt', bold: true }]]], align: ['left', 'left'] }]);
  });
});

describe('pictures', () => {
  const LOGO = png(4, 2, (x) => [0, 80, 160, 255 - 60 * x]);
  const media = { 'word/media/image1.png': LOGO };
  const read = (body: string, rels = rel('rId5', 'image', 'media/image1.png'), parts: Record<string, string | Uint8Array> = media) =>
    docxBlocks(docx(body, { parts: { 'word/styles.xml': styles, ...parts }, rels: STYLES_REL + rels }));
  // 1,828,800 × 457,200 EMU is 2 × 0.5 inches: 144 × 36 points.
  const logo = { bytes: LOGO, format: 'png', width: 144, height: 36 };

  it('a picture in line with text: its size from wp:extent (12,700 EMU to the point), its bytes from the body’s relationship', () => {
    expect(read(`<w:p><w:r>${inlineDrawing('rId5', 1_828_800, 457_200)}</w:r></w:p>${p('Kære Jens')}`)).toEqual([
      { kind: 'image', image: logo },
      { kind: 'paragraph', runs: [{ text: 'Kære Jens' }] },
    ]);
  });

  it('a picture comes before its paragraph’s text, aligned as the paragraph; a floating picture’s own alignment wins', () => {
    const body =
      para('<w:jc w:val="center"/>', `<w:r><w:t>Før</w:t>${inlineDrawing('rId5', 1_828_800, 457_200)}<w:t xml:space="preserve"> efter</w:t></w:r>`) +
      para('<w:jc w:val="center"/>', `<w:r>${anchoredDrawing('rId5', 1_828_800, 457_200, 'right')}</w:r>`);
    expect(read(body)).toEqual([
      { kind: 'image', image: logo, align: 'center' },
      { kind: 'paragraph', runs: [{ text: 'Før efter' }], align: 'center' },
      { kind: 'image', image: logo, align: 'right' },
    ]);
  });

  it('Word writes a picture twice in mc:AlternateContent (DrawingML, and VML for old readers): it is read once', () => {
    const both = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${anchoredDrawing('rId5', 1_828_800, 457_200, 'left')}</mc:Choice><mc:Fallback>${vmlPicture('rId5', 'width:144pt;height:36pt')}</mc:Fallback></mc:AlternateContent></w:r>`;
    expect(read(`<w:p>${both}</w:p>`)).toEqual([{ kind: 'image', image: logo }]);
  });

  it('a VML picture: its size from the shape’s style, in pt, in, cm, mm or px (96 to the inch)', () => {
    const sizes = ['width:144pt;height:36pt', 'width:2in;height:.5in', 'width:5.08cm;height:12.7mm', 'position:absolute;width:192px;height:48px'];
    const blocks = read(sizes.map((style) => `<w:p><w:r>${vmlPicture('rId5', style)}</w:r></w:p>`).join(''));
    expect(blocks.map((b) => (b.kind === 'image' ? [b.image.width, b.image.height] : b.kind))).toEqual(sizes.map(() => [expect.closeTo(144, 6), expect.closeTo(36, 6)]));
  });

  it('the format comes from the file’s first bytes, not its name: a JPEG saved as .png is a JPEG', () => {
    const photo = jpeg(16, 16, () => [128]);
    const [block] = read(`<w:p><w:r>${inlineDrawing('rId5', 127_000, 127_000)}</w:r></w:p>`, undefined, { 'word/media/image1.png': photo });
    expect(block).toEqual({ kind: 'image', image: { bytes: photo, format: 'jpeg', width: 10, height: 10 } });
  });

  it('a letterhead table: the logo in one cell, the address in the other; the pictures kept by cell, beside the text', () => {
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const table = `<w:tbl><w:tr>${cell(`<w:p><w:r>${inlineDrawing('rId5', 1_828_800, 457_200)}</w:r></w:p>`)}${cell(para('<w:jc w:val="right"/>', run('', 'Ishøj Kommune')) + para('<w:jc w:val="right"/>', run('', 'Ishøj Store Torv 20')))}</w:tr></w:tbl>`;
    expect(read(table)).toEqual([{ kind: 'table', rows: [[[], [{ text: 'Ishøj Kommune Ishøj Store Torv 20' }]]], align: ['left', 'right'], images: [[[logo], []]] }]);
  });

  it('a picture without a size in the document is its own size at 96 pixels to the inch', () => {
    const [block] = read(`<w:p><w:r>${vmlPicture('rId5', 'position:absolute')}</w:r></w:p>`);
    expect(block).toEqual({ kind: 'image', image: { ...logo, width: 3, height: 1.5 } });
  });
});

describe('headers and footers (fillToLetter, docxLetter)', () => {
  const fields: LetterFields = { dato: '8. januar 2027', hilsen: 'Kære Jens Hansen' };
  const text = (blocks: Block[]) =>
    blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'image' ? `[billede ${b.image.width}×${b.image.height}${b.align ? ` ${b.align}` : ''}]` : b.kind));

  it('a different first page: the first page’s own header, the default one on the others, the footer on all; {dato} filled in', () => {
    const letter = fillToLetter(compileTemplate(letterhead()), fields);
    expect(text(letter.blocks)).toEqual(['Kære Jens Hansen', 'pageBreak', 'Side to']);
    // header1.xml: the logo right-aligned as its paragraph, 144 × 36 pt; the empty line after the text is dropped.
    expect(text(letter.header!.first)).toEqual(['[billede 144×36 right]', 'Opkrævningen, Ishøj Kommune']);
    // header2.xml: the logo floating left (the default, so not said), 72 × 18 pt, before the paragraph's text.
    expect(text(letter.header!.rest)).toEqual(['[billede 72×18]', 'Ishøj Kommune · 8. januar 2027']);
    expect(text(letter.footer!.first)).toEqual(['Ishøj Store Torv 20 · 2635 Ishøj · Telefon 43 57 75 75', 'CVR 11931316']);
    expect(letter.footer!.rest).toBe(letter.footer!.first);
  });

  it('without "different first page" every page shows the default header, whatever first-page header the file holds', () => {
    const letter = fillToLetter(compileTemplate(letterhead({ titlePg: false })), fields);
    expect(letter.header!.first).toBe(letter.header!.rest);
    expect(text(letter.header!.first)).toEqual(['[billede 72×18]', 'Ishøj Kommune · 8. januar 2027']);
  });

  it('"different first page" without a first-page header leaves the first page without one, as Word does', () => {
    const letter = fillToLetter(compileTemplate(letterhead({ firstHeader: false })), fields);
    expect(letter.header!.first).toEqual([]);
    expect(text(letter.header!.rest)).toEqual(['[billede 72×18]', 'Ishøj Kommune · 8. januar 2027']);
    expect(text(letter.footer!.first)).toEqual(['Ishøj Store Torv 20 · 2635 Ishøj · Telefon 43 57 75 75', 'CVR 11931316']);
  });

  it('a template without header and footer gives a letter without them', () => {
    const letter = fillToLetter(compileTemplate(docx(p('{hilsen}'))), fields);
    expect(letter).toEqual({ blocks: [{ kind: 'paragraph', runs: [{ text: 'Kære Jens Hansen' }] }] });
  });

  it('one picture file gives the same bytes object in every letter and every header: a PDF embeds it once', () => {
    const compiled = compileTemplate(letterhead());
    const [a, b] = [fillToLetter(compiled, fields), fillToLetter(compiled, { ...fields, dato: '9. januar 2027' })];
    const bytes = (blocks: Block[]) => blocks.flatMap((x) => (x.kind === 'image' ? [x.image.bytes] : []));
    const all = [...bytes(a.header!.first), ...bytes(a.header!.rest), ...bytes(b.header!.first), ...bytes(b.header!.rest)];
    expect(all).toHaveLength(4);
    for (const x of all) expect(x).toBe(all[0]);
    // A header without fields is read once and shared; one with {dato} is filled per letter.
    expect(b.header!.first).toBe(a.header!.first);
    expect(text(b.header!.rest)).toEqual(['[billede 72×18]', 'Ishøj Kommune · 9. januar 2027']);
  });

  it('a filled .docx read back (docxLetter) gives what fillToLetter gives', () => {
    const template = letterhead();
    expect(docxLetter(fillTemplate(template, fields))).toEqual(fillToLetter(compileTemplate(template), fields));
  });

  it('Word’s page number in a footer is left out (the PDF writes "Side N af M" itself), and the note says so', () => {
    const page =
      '<w:r><w:t xml:space="preserve">Side </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const compiled = compileTemplate(letterhead({ footer: `${p('CVR 11931316')}<w:p>${page}</w:p>` }), 'brev.docx');
    expect(text(fillToLetter(compiled, fields).footer!.rest)).toEqual(['CVR 11931316']);
    expect(pdfLayoutNotes(compiled)).toEqual(['Sidetallet i sidefoden kommer ikke med i PDF-brevene: de skriver selv "Side 1 af 2" nederst til højre. Linjen med sidetallet udelades.']);
  });
});

describe('pdfLayoutNotes: what the PDF will not show is said, not dropped in silence', () => {
  // An EMF file's first record: type 1 (EMR_HEADER), and the signature " EMF" at byte 40.
  const EMF = Uint8Array.from({ length: 108 }, (_, i) => [0x01, 0, 0, 0][i] ?? [0x20, 0x45, 0x4d, 0x46][i - 40] ?? 0);

  it('nothing to say about Saldo’s default templates, nor about a letterhead of PNG pictures and text', () => {
    for (const name of ['saldoopgoerelse', 'aftalebrev', 'henstand'] as const) expect(pdfLayoutNotes(compileTemplate(defaultTemplate(name)))).toEqual([]);
    expect(pdfLayoutNotes(compileTemplate(letterhead()))).toEqual([]);
  });

  it('an EMF picture in the header: not drawn, and named with its format and what to do', () => {
    const bytes = docx(p('Brev'), {
      section: '<w:headerReference w:type="default" r:id="rId3"/>',
      rels: rel('rId3', 'header', 'header1.xml'),
      types: { 'word/header1.xml': HEADER_TYPE },
      parts: {
        'word/header1.xml': bandXml('w:hdr', `<w:p><w:r>${inlineDrawing('rId1', 914_400, 914_400)}</w:r><w:r><w:t>Ishøj Kommune</w:t></w:r></w:p>`),
        'word/_rels/header1.xml.rels': relsXml(rel('rId1', 'image', 'media/image3.emf')),
        'word/media/image3.emf': EMF,
      },
    });
    const compiled = compileTemplate(bytes, 'brev.docx');
    expect(pdfLayoutNotes(compiled)).toEqual(['Billedet "image3.emf" i sidehovedet er i et format, PDF-brevene ikke kan vise (EMF). Gem det som PNG eller JPEG i skabelonen.']);
    expect(fillToLetter(compiled, {}).header).toEqual({
      first: [{ kind: 'paragraph', runs: [{ text: 'Ishøj Kommune' }] }],
      rest: [{ kind: 'paragraph', runs: [{ text: 'Ishøj Kommune' }] }],
    });
  });

  it('GIF and SVG without a PNG copy are named too; a shape, and a picture behind the text as the page’s background', () => {
    const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
    const SVG = new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>');
    const shape =
      '<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="12700"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    const body = [
      `<w:p><w:r>${inlineDrawing('rId5', 914_400, 914_400)}</w:r></w:p>`,
      `<w:p><w:r>${inlineDrawing('rId6', 914_400, 914_400)}</w:r></w:p>`,
      `<w:p>${shape}</w:p>`,
      // 8 × 11 inches behind the text: a letter paper picture.
      `<w:p><w:r>${anchoredDrawing('rId7', 7_315_200, 10_058_400, 'center', true)}</w:r></w:p>`,
    ].join('');
    const bytes = docx(body, {
      rels: rel('rId5', 'image', 'media/image1.gif') + rel('rId6', 'image', 'media/image2.svg') + rel('rId7', 'image', 'media/image3.png'),
      parts: { 'word/media/image1.gif': GIF, 'word/media/image2.svg': SVG, 'word/media/image3.png': png(2, 2, () => [0, 0, 0, 255]) },
    });
    expect(pdfLayoutNotes(compileTemplate(bytes, 'brev.docx'))).toEqual([
      'Billedet "image1.gif" i brevet er i et format, PDF-brevene ikke kan vise (GIF). Gem det som PNG eller JPEG i skabelonen.',
      'Billedet "image2.svg" i brevet er i et format, PDF-brevene ikke kan vise (SVG). Gem det som PNG eller JPEG i skabelonen.',
      'En figur i brevet (fx et diagram, en form eller en streg) kommer ikke med i PDF-brevene. Indsæt den som et billede (PNG eller JPEG), hvis den skal med.',
      'Billedet "image3.png" i brevet ligger bag teksten som baggrund for siden og kommer ikke med i PDF-brevene.',
    ]);
    // Where a picture is not drawn, its paragraph is an empty line, as the line it stood on.
    const empty = { kind: 'paragraph', runs: [] };
    expect(docxBlocks(bytes)).toEqual([empty, empty, empty, empty]);
  });

  it('an SVG with its PNG copy (as Word 365 saves it) is drawn from the PNG, without a note', () => {
    const svgBlip = `<w:r>${inlineDrawing('rId5', 914_400, 914_400).replace('<a:blip r:embed="rId5"/>', '<a:blip r:embed="rId5"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rId6"/></a:ext></a:extLst></a:blip>')}</w:r>`;
    const logo = png(2, 2, () => [0, 0, 0, 255]);
    const bytes = docx(`<w:p>${svgBlip}</w:p>`, {
      rels: rel('rId5', 'image', 'media/image1.png') + rel('rId6', 'image', 'media/image2.svg'),
      parts: { 'word/media/image1.png': logo, 'word/media/image2.svg': new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    });
    const compiled = compileTemplate(bytes, 'brev.docx');
    expect(pdfLayoutNotes(compiled)).toEqual([]);
    expect(fillToBlocks(compiled, {})).toEqual([{ kind: 'image', image: { bytes: logo, format: 'png', width: 72, height: 72 } }]);
  });
});
