/**
 * A Word letter read as blocks (letters/docx/docxBlocks.ts): what Word shows, by the rule of each
 * feature — a run's own bold over its style's, headings by style, alignment, tables with header
 * rows, page and line breaks, and what Word does not print (hidden and deleted text, a field's
 * instruction). Each document is written by hand; the expected blocks are what Word displays.
 */
import { describe, expect, it } from 'vitest';
import { docxBlocks } from '../../letters/docx/docxBlocks.js';
import { docx, p } from './docxHelpers.js';

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
