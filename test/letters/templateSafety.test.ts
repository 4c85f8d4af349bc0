/**
 * What a letter template may not hold (letters/docx/docxPackage.ts, docxZip.ts): a filled letter
 * goes to a citizen, so nothing in it may run (macros, embedded objects), reach outside the
 * document (links, linked templates and pictures, INCLUDETEXT, DDE), or unpack into more than a
 * letter needs (a zip bomb). Each refusal is in Danish and names the file. Each template here is
 * written by hand with exactly the feature it tests, beside a plain paragraph that is allowed.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { STATEMENT_LETTER_FIELDS } from '../../core/letters/letterFields.js';
import { DOCX_LIMITS } from '../../letters/docx/docxZip.js';
import { checkTemplate, compileTemplate } from '../../letters/docx/template.js';
import { docx, documentXml, messageOf, p } from './docxHelpers.js';

const check = (bytes: Uint8Array) => messageOf(() => checkTemplate(bytes, STATEMENT_LETTER_FIELDS, 'brev.docx'));
const plain = p('Kære {modtager}');

/** A complex Word field as Word writes it: begin, instruction (in pieces), separate, result, end. */
const field = (...instruction: string[]) =>
  `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>${instruction.map((i) => `<w:r><w:instrText xml:space="preserve">${i}</w:instrText></w:r>`).join('')}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;

describe('not a Word document', () => {
  it('a text file, a .doc, an RTF and a PDF are told apart, so the user knows what to save as', () => {
    expect(check(new TextEncoder().encode('Kære {modtager}, dette er ikke en zip.'))).toBe('Skabelonen "brev.docx" er ikke en Word-fil (.docx). Gem skabelonen i Word som "Word-dokument (*.docx)".');
    // The OLE2 signature of Word 97–2003 files.
    expect(check(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]))).toMatch(/^Skabelonen "brev.docx" er en gammel Word-fil \(\.doc\)/);
    expect(check(new TextEncoder().encode('{\\rtf1\\ansi Kære'))).toMatch(/er en RTF-fil/);
    expect(check(new TextEncoder().encode('%PDF-1.7\n'))).toMatch(/er en PDF-fil/);
    expect(check(new Uint8Array())).toMatch(/er ikke en Word-fil/);
  });

  it('a zip that is not a Word document, an Excel workbook, an OpenDocument text', () => {
    const zip = new PizZip();
    zip.file('notes.txt', 'hej');
    expect(check(zip.generate({ type: 'uint8array' }))).toBe('Skabelonen "brev.docx" er en zip-fil, men ikke et Word-dokument (.docx). Gem skabelonen i Word som "Word-dokument (*.docx)".');
    const xlsx = docx('', {
      types: { 'xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
      mainType: 'application/xml',
      parts: { 'xl/workbook.xml': '<workbook/>' },
    });
    expect(check(xlsx)).toMatch(/er en Excel-projektmappe, ikke et Word-dokument/);
    const odt = new PizZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    expect(check(odt.generate({ type: 'uint8array' }))).toMatch(/er et OpenDocument-dokument/);
  });
});

describe('macros and embedded objects', () => {
  it('a .docm (macro-enabled main part) is refused, and so is a vbaProject.bin in a .docx', () => {
    expect(check(docx(plain, { mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' }))).toBe(
      'Skabelonen "brev.docx" er gemt med makroer (.docm). Gem den i Word som "Word-dokument (*.docx)", så makroerne fjernes.',
    );
    expect(check(docx(plain, { parts: { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) } }))).toMatch(/indeholder makroer \(VBA\)/);
    expect(check(docx(plain, { types: { 'word/vbaData.xml': 'application/vnd.ms-word.vbaData+xml' }, parts: { 'word/vbaData.xml': '<x/>' } }))).toMatch(/makroer/);
  });

  it('an OLE object in the text, an embedded file and an ActiveX control are refused', () => {
    const ole = `<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:object></w:r></w:p>`;
    expect(check(docx(plain + ole))).toMatch(/^Skabelonen "brev.docx" indeholder et indlejret objekt i brevet/);
    expect(check(docx(plain, { parts: { 'word/embeddings/Microsoft_Excel_Worksheet.xlsx': new Uint8Array([1]) } }))).toMatch(/indlejret objekt i word\/embeddings/);
    expect(check(docx(plain, { parts: { 'word/activeX/activeX1.xml': '<x/>' } }))).toMatch(/ActiveX/);
  });

  it('an altChunk (a whole document pasted in, unpacked by Word when the letter opens) is refused', () => {
    const bytes = docx(`${plain}<w:altChunk r:id="rId9"/>`, {
      rels: '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/>',
      parts: { 'word/afchunk.htm': '<html>x</html>' },
    });
    expect(check(bytes)).toMatch(/altChunk/);
  });
});

describe('nothing that reaches outside the document', () => {
  it('a link to a web address (an external relationship) is refused, naming the address', () => {
    const bytes = docx(`<w:p><w:hyperlink r:id="rId5"><w:r><w:t>Klik her</w:t></w:r></w:hyperlink></w:p>`, {
      rels: '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://betal.example.com/" TargetMode="External"/>',
    });
    expect(check(bytes)).toBe('Skabelonen "brev.docx" har et link til "https://betal.example.com/". Fjern linket (højreklik på det, og vælg "Fjern link"); adressen kan stå som almindelig tekst.');
  });

  it('a template attached from outside (settings.xml.rels), a linked picture and any other external target are refused', () => {
    const attached = docx(plain, {
      parts: {
        'word/_rels/settings.xml.rels':
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>',
      },
    });
    expect(check(attached)).toMatch(/er knyttet til skabelonen "http:\/\/evil.example\/t.dotm" uden for dokumentet/);
    const picture = docx(plain, {
      rels: '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="\\\\server\\logo.png" TargetMode="External"/>',
    });
    expect(check(picture)).toMatch(/har et billede, der hentes fra/);
    const frame = docx(plain, { rels: '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/frame" Target="file:///c:/x" TargetMode="External"/>' });
    expect(check(frame)).toMatch(/henviser til "file:\/\/\/c:\/x" uden for dokumentet/);
  });

  it('INCLUDETEXT written in pieces across runs, as Word splits an instruction, is found and named', () => {
    expect(check(docx(plain + field(' INCLUDE', 'TEXT "C:\\\\x.docx" ')))).toBe(
      'Skabelonen "brev.docx" indeholder Word-feltet INCLUDETEXT i brevet, som henter indhold uden for dokumentet. Fjern feltet: markér det, og tryk Ctrl+Shift+F9, så det bliver til almindelig tekst.',
    );
  });

  it('DDEAUTO as a simple field, INCLUDEPICTURE under another namespace prefix, HYPERLINK and MERGEFIELD fields', () => {
    expect(check(docx(`${plain}<w:p><w:fldSimple w:instr=' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" '><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>`))).toMatch(
      /Word-feltet DDEAUTO i brevet, som henter indhold uden for dokumentet/,
    );
    const renamed = `<w:p><x:fldSimple xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" x:instr="INCLUDEPICTURE http://evil.example/x.png"/></w:p>`;
    expect(check(docx(plain + renamed))).toMatch(/Word-feltet INCLUDEPICTURE/);
    expect(check(docx(plain + field('HYPERLINK "https://evil.example"')))).toMatch(/Word-feltet HYPERLINK i brevet, som er et link/);
    expect(check(docx(plain + field('MERGEFIELD Navn')))).toMatch(/Word-feltet MERGEFIELD i brevet, fra Words brevfletning; Saldo fletter selv med felter i krøllede parenteser, fx \{modtager\}/);
    expect(check(docx(plain + field('DATE \\@ "d. MMMM yyyy"')))).toMatch(/brug \{dato\}, brevets dato/);
  });

  it('a field in a footer is named by where it is', () => {
    const footer = `<w:ftr ${'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'}>${field('INCLUDETEXT "x"')}</w:ftr>`;
    const bytes = docx(plain, { parts: { 'word/footer1.xml': footer }, types: { 'word/footer1.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml' } });
    expect(check(bytes)).toMatch(/Word-feltet INCLUDETEXT i sidefoden \(word\/footer1.xml\)/);
  });

  it('an XML comment or a CDATA section cannot hide an instruction from the check', () => {
    expect(check(docx(plain + field('<!-- -->INCLUDETEXT "x"')))).toMatch(/Word-feltet INCLUDETEXT/);
    expect(check(docx(plain + field('<![CDATA[INCLUDETEXT "x"]]>')))).toMatch(/er ikke skrevet af Word/);
  });

  it('page numbers (PAGE, NUMPAGES) only count pages, and are allowed', () => {
    expect(() => compileTemplate(docx(plain + field(' PAGE ') + field('NUMPAGES')), 'brev.docx')).not.toThrow();
  });

  it('a mail-merge main document (its data source could be a database) is refused', () => {
    const settings = `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:connectString w:val="DSN=x"/></w:mailMerge></w:settings>`;
    expect(check(docx(plain, { parts: { 'word/settings.xml': settings } }))).toMatch(/er et hoveddokument til Words brevfletning/);
  });

  it('a part that is not well-formed XML is refused: a letter filled from it would not open in Word', () => {
    const xml = `<w:document ${'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'}><w:body><w:p><w:r><w:t>{modtager}</w:t></w:r></w:body></w:document>`;
    expect(check(docx('', { xml }))).toBe('Skabelonen "brev.docx" kan ikke læses: brevet er ikke gyldig XML. Gem skabelonen igen i Word.');
  });

  it('a DOCTYPE (entities Word never writes) is refused before any XML is parsed', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${documentXml(plain).replace(/^<\?xml[^>]*\?>/, '')}`;
    expect(check(docx('', { xml }))).toBe('Skabelonen "brev.docx" kan ikke læses: delen "word/document.xml" er ikke skrevet af Word. Gem skabelonen igen i Word.');
  });
});

describe('what the kommune wrote for itself', () => {
  it('a comment would go to the citizen with the letter, and is refused', () => {
    const comments = `<w:comments ${'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'}><w:comment w:id="0" w:author="Sagsbehandler">${p('Husk at tjekke beløbet')}</w:comment></w:comments>`;
    const body = `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Kære {modtager}</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
    expect(check(docx(body, { parts: { 'word/comments.xml': comments } }))).toBe(
      'Skabelonen "brev.docx" indeholder kommentarer, som ville følge med brevet til borgeren. Slet dem i Word (Gennemse > Slet > Slet alle kommentarer i dokumentet), og gem igen.',
    );
  });

  it('a tracked deletion (shown to the citizen in Word) is refused until accepted or rejected', () => {
    const body = `<w:p><w:r><w:t xml:space="preserve">Du skylder </w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>ikke </w:delText></w:r></w:del><w:r><w:t>noget.</w:t></w:r></w:p>`;
    expect(check(docx(plain + body))).toMatch(/har registrerede ændringer i brevet, som borgeren kan se i Word\. Godkend eller afvis dem/);
  });
});

describe('a zip bomb is refused by its declared sizes, before anything is unpacked', () => {
  const MB = 1024 * 1024;

  it('a part of 21 MB of zeros (packed to a few kB) is over the 20 MB a template may unpack to', () => {
    expect(DOCX_LIMITS.total).toBe(20 * MB);
    const bytes = docx(plain, { parts: { 'word/media/image1.png': new Uint8Array(21 * MB) } });
    expect(bytes.length).toBeLessThan(100 * 1024);
    expect(check(bytes)).toBe('Skabelonen "brev.docx" fylder over 20 MB udpakket, og en brevskabelon fylder meget mindre. Fjern store billeder, og gem den igen.');
  });

  it('a 2 MB part packed over 100 times is refused by its ratio', () => {
    const message = check(docx(plain, { parts: { 'word/media/image1.png': new Uint8Array(2 * MB) } }));
    expect(message).toMatch(/^Skabelonen "brev.docx" kan ikke læses: delen "word\/media\/image1.png" er pakket \d+ gange sammen \(2 MB af/);
  });

  it('a directory that declares less than the part holds is caught while inflating, as a damaged file', () => {
    const bytes = docx(plain, { parts: { 'word/media/image1.png': new Uint8Array(512 * 1024).fill(7) } });
    // The central directory's record of the part: its declared size (offset 24) set to 1,000 bytes.
    const name = new TextEncoder().encode('word/media/image1.png');
    const view = new DataView(bytes.buffer);
    let patched = false;
    for (let i = 0; i + 46 < bytes.length; i += 1) {
      if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
      if (name.every((b, j) => bytes[i + 46 + j] === b)) {
        view.setUint32(i + 24, 1000, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    expect(check(bytes)).toBe('Skabelonen "brev.docx" kan ikke læses: filen er beskadiget. Gem den igen i Word som "Word-dokument (*.docx)".');
  });
});
