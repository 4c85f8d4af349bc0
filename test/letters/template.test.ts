/**
 * Filling a kommune's Word template (letters/docx/template.ts): only fields Saldo has, tags that
 * open and close, values that stay text whatever they hold, one paragraph per item of a list,
 * and all letters in one document for printing. The templates are written by hand in each test;
 * the expected texts are the values put in.
 */
import Docxtemplater from 'docxtemplater';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { CASE_LETTER_FIELDS, STATEMENT_LETTER_FIELDS, type LetterFields } from '../../core/letters/letterFields.js';
import type { Block } from '../../letters/blocks.js';
import { docxBlocks } from '../../letters/docx/docxBlocks.js';
import { checkTemplate, compileTemplate, fillTemplate, fillTemplateAll, templaterOptions } from '../../letters/docx/template.js';
import { defaultTemplate, docx, messageOf, p, partOf, W } from './docxHelpers.js';

const check = (body: string, fields = STATEMENT_LETTER_FIELDS) => messageOf(() => checkTemplate(docx(body), fields, 'brev.docx'));
const text = (blocks: readonly Block[]): string[] => blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'pageBreak' ? '<side>' : '<tabel>'));

/** A case letter's fields, written out by hand. */
const caseFields = (over: Partial<Record<string, LetterFields[string]>> = {}): LetterFields => ({
  kommune: 'Ishøj Kommune',
  afsender: 'Opkrævningen',
  kontakt: 'tlf. 43 57 70 00',
  konto: '',
  harKonto: false,
  dato: '4. december 2026',
  modtager: 'Jens Hansen',
  adresselinjer: ['Strandvejen 12', '2635 Ishøj'],
  hilsen: 'Kære Jens Hansen',
  afsnit: ['Første afsnit.', 'Andet afsnit.', 'Tredje afsnit.'],
  overskrift: 'Bekræftelse af betalingsaftale',
  reference: 'S-2026-17',
  rater: [
    { rate: '1', forfaldsdato: '02-02-2026', beløb: '400,00 kr.' },
    { rate: '2', forfaldsdato: '02-03-2026', beløb: '400,00 kr.' },
  ],
  harRater: true,
  afslutning: 'Har du spørgsmål, så kontakt os: tlf. 43 57 70 00.',
  ...over,
});

describe('only the fields Saldo has', () => {
  it('{navn} is refused, naming the tag and the file, with the field meant and the fields there are', () => {
    const message = check(p('Kære {navn}'));
    expect(message).toMatch(/^Skabelonen "brev.docx" bruger feltet \{navn\}, som Saldo ikke kender\. Mente du \{modtager\}\? Brevets felter er \{kommune\}, \{afsender\}, /);
    expect(message).toMatch(/\{ultimoIAlt\}/);
    expect(message).toMatch(/ og \{harAfskrevet\}\.$/);
  });

  it('a typo gets the closest field; a word far from every field gets no guess', () => {
    expect(check(p('{modtagr}'))).toMatch(/Mente du \{modtager\}\?/);
    expect(check(p('{Overskrift}'))).toMatch(/Mente du \{overskrift\}\?/);
    expect(check(p('{telefonnummer}'))).not.toMatch(/Mente du/);
  });

  it('a field of the other kind of letter is unknown here ({reference} is a case letter’s)', () => {
    expect(check(p('Sag {reference}'))).toMatch(/bruger feltet \{reference\}, som Saldo ikke kender/);
    expect(() => checkTemplate(docx(p('Sag {reference}')), CASE_LETTER_FIELDS, 'brev.docx')).not.toThrow();
  });

  it('inside {#sager} the loop’s own fields and the letter’s fields; a field of another list is named with the loop’s fields', () => {
    expect(() => checkTemplate(docx(p('{#sager}{sag} hos {kommune}{/sager}')), STATEMENT_LETTER_FIELDS, 'brev.docx')).not.toThrow();
    expect(check(p('{#sager}{sag}: {beløb}{/sager}'))).toMatch(
      /bruger feltet \{beløb\}, som Saldo ikke kender\. Inde i \{#sager\} er felterne \{sag\}, \{type\}, \{primo\}, \{ultimo\}, \{status\} og \{tekst\}, og brevets øvrige felter kan også bruges\./,
    );
  });

  it('{.} is an item of a list of texts only', () => {
    expect(() => checkTemplate(docx(p('{#afsnit}{.}{/afsnit}')), STATEMENT_LETTER_FIELDS, 'brev.docx')).not.toThrow();
    expect(check(p('{.}'))).toMatch(/bruger \{\.\} uden for en liste af tekster/);
    expect(check(p('{#sager}{.}{/sager}'))).toMatch(/i \{#sager\} skrives \{sag\}, \{type\}/);
    expect(check(p('{#betal}{.}{/betal}'))).toMatch(/uden for en liste af tekster/);
  });

  it('a list written as one field is refused with how to write it', () => {
    expect(check(p('{afsnit}'))).toBe('Skabelonen "brev.docx" bruger {afsnit} som ét felt, men det er en liste. Skriv {#afsnit}{.}{/afsnit}, så hvert punkt kommer med.');
  });

  it('a field in a header is checked too, and named by where it is', () => {
    const header = `<w:hdr ${W}>${p('{afdeling}')}</w:hdr>`;
    const bytes = docx(p('{modtager}'), { parts: { 'word/header1.xml': header }, types: { 'word/header1.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml' } });
    expect(messageOf(() => checkTemplate(bytes, STATEMENT_LETTER_FIELDS, 'brev.docx'))).toMatch(/bruger feltet \{afdeling\} i sidehovedet \(word\/header1.xml\), som Saldo ikke kender/);
  });
});

describe('tags that open and close (docxtemplater’s errors, in Danish with the tag)', () => {
  it('an unclosed tag', () => {
    expect(check(p('Kære {modtager'))).toBe('Skabelonen "brev.docx" har et felt uden afsluttende "}": "{modtager". Skriv "}" efter feltets navn.');
  });

  it('a loop opened and never closed, and one closed that was never opened', () => {
    expect(check(p('{#afsnit}{.}'))).toBe('Skabelonen "brev.docx" åbner {#afsnit}, men lukker den aldrig. Skriv {/afsnit}, hvor gentagelsen skal slutte.');
    expect(check(p('{.}{/afsnit}'))).toMatch(/lukker med \{\/afsnit\}, men har ikke åbnet med \{#afsnit\} før\./);
  });

  it('a loop closed by another name', () => {
    expect(check(p('{#sager}{sag}{/afsnit}'))).toBe('Skabelonen "brev.docx" åbner {#sager}, men lukker med {/afsnit}. Skriv {/sager}.');
  });

  it('several mistakes are listed together', () => {
    expect(check(p('{modtager') + p('{#afsnit}'))).toMatch(/^Skabelonen "brev.docx" har 2 fejl: 1\) .+ 2\) /);
  });
});

describe('{@x}: raw Word markup from a value is never allowed', () => {
  it('alone in a paragraph (where docxtemplater would insert it) and beside other text', () => {
    const why = 'som ville sætte værdien ind som Word-kode (XML). Det tillader Saldo ikke, for værdierne kommer fra posteringerne: skriv {raw}, så værdien står som almindelig tekst.';
    expect(check(p('{@raw}'))).toBe(`Skabelonen "brev.docx" bruger {@raw}, ${why}`);
    expect(check(p('Tekst {@raw}'))).toBe(`Skabelonen "brev.docx" bruger {@raw}, ${why}`);
    // compileTemplate refuses it too: fillTemplate never reaches the raw-XML module.
    expect(() => fillTemplate(docx(p('{@modtager}')), caseFields())).toThrow(/bruger \{@modtager\}/);
  });
});

describe('values are the citizen’s data: always text, never markup or fields', () => {
  const hostile = [
    '{kommune}',
    '<w:t>x</w:t>',
    '=HYPERLINK("http://evil.example";"Klik")',
    '{ INCLUDETEXT "C:\\\\x.docx" }',
    '</w:t></w:r><w:r><w:instrText>INCLUDETEXT "x"</w:instrText></w:r><w:r><w:t>',
    '& &amp; &#x41; "\' <',
  ];
  const filled = fillTemplate(docx(p('{modtager}') + p('{#afsnit}{.}{/afsnit}')), caseFields({ modtager: hostile[0]!, afsnit: hostile.slice(1) }));
  const xml = partOf(filled, 'word/document.xml');

  it('in the filled XML they are escaped text: no field, no element from a value', () => {
    expect(xml).not.toMatch(/<w:instrText|<w:fldSimple|<w:fldChar/);
    expect(xml).toContain('&lt;w:t&gt;x&lt;/w:t&gt;');
    expect(xml).toContain('&amp; &amp;amp; &amp;#x41; &quot;&apos; &lt;');
    // {kommune} in a value is not filled: the value is written once, not read as a template again.
    expect(xml).toContain('>{kommune}<');
    expect(xml).not.toContain('Ishøj Kommune');
  });

  it('the letter read back gives each value verbatim', () => {
    expect(text(docxBlocks(filled))).toEqual(hostile);
  });

  it('characters XML cannot hold (a control character from a ledger) are left out, not a broken letter', () => {
    const out = fillTemplate(docx(p('{modtager}')), caseFields({ modtager: 'Jens\u0001 Hansen' }));
    expect(text(docxBlocks(out))).toEqual(['Jens Hansen']);
  });
});

describe('filling', () => {
  it('a tag Word split across runs ({mod|tager}) is filled', () => {
    const out = fillTemplate(docx(p('Kære {mod', 'tager}, ') + p('{#af', 'snit}{.}{/af', 'snit}')), caseFields());
    expect(text(docxBlocks(out))).toEqual(['Kære Jens Hansen, ', 'Første afsnit.', 'Andet afsnit.', 'Tredje afsnit.']);
  });

  it('{#afsnit}{.}{/afsnit} alone in a paragraph gives one paragraph per item; beside other text it stays in its paragraph', () => {
    const out = fillTemplate(docx(p('{#afsnit}{.}{/afsnit}') + p('Adresse: {#adresselinjer}{.}, {/adresselinjer}slut')), caseFields());
    expect(text(docxBlocks(out))).toEqual(['Første afsnit.', 'Andet afsnit.', 'Tredje afsnit.', 'Adresse: Strandvejen 12, 2635 Ishøj, slut']);
  });

  it('a condition alone in a paragraph shows or drops the whole paragraph; one around paragraphs drops them and its own', () => {
    const body = p('Før') + p('{#harKonto}Betal til konto {konto}.{/harKonto}') + p('{#harRater}') + p('Der er rater.') + p('{/harRater}') + p('Efter');
    expect(text(docxBlocks(fillTemplate(docx(body), caseFields({ harKonto: true, konto: '1234-5678901234' }))))).toEqual(['Før', 'Betal til konto 1234-5678901234.', 'Der er rater.', 'Efter']);
    expect(text(docxBlocks(fillTemplate(docx(body), caseFields({ harRater: false }))))).toEqual(['Før', 'Efter']);
  });

  it('a table row with {#rater}…{/rater} across its cells is repeated per rate', () => {
    const cell = (t: string) => `<w:tc>${p(t)}</w:tc>`;
    const table = `<w:tbl><w:tr>${cell('{#rater}{rate}')}${cell('{forfaldsdato}')}${cell('{beløb}{/rater}')}</w:tr></w:tbl>`;
    const [block] = docxBlocks(fillTemplate(docx(table), caseFields()));
    expect(block).toEqual({
      kind: 'table',
      rows: [
        [[{ text: '1' }], [{ text: '02-02-2026' }], [{ text: '400,00 kr.' }]],
        [[{ text: '2' }], [{ text: '02-03-2026' }], [{ text: '400,00 kr.' }]],
      ],
      align: ['left', 'left', 'left'],
    });
  });

  it('a field the letter has no value for is refused, not printed as "undefined"', () => {
    expect(messageOf(() => fillTemplate(docx(p('{identitet} {debitor}')), caseFields(), 'brev.docx'))).toBe(
      'Skabelonen "brev.docx" bruger felterne {identitet} og {debitor}, som brevet ikke har en værdi til. Brug skabelonen til den slags brev, den er lavet til.',
    );
  });

  it('a Word template (.dotx) is filled and written as a document, which Word opens', () => {
    const dotx = docx(p('{modtager}'), { mainType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml' });
    const types = partOf(fillTemplate(dotx, caseFields()), '[Content_Types].xml');
    expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
    expect(types).not.toContain('template.main');
  });
});

describe('the compiled template, filled many times, is docxtemplater’s own render', () => {
  const reference = (bytes: Uint8Array, fields: LetterFields): string => {
    const doc = new Docxtemplater(
      new PizZip(bytes),
      templaterOptions(() => undefined),
    );
    doc.render(fields);
    return doc.getZip().file('word/document.xml')!.asText();
  };
  const filledXml = (bytes: Uint8Array, fields: LetterFields) => partOf(fillTemplate(bytes, fields), 'word/document.xml');

  it('for any texts and lists in the fields, on the default letter and on a template with split tags', () => {
    const templates = [defaultTemplate('aftalebrev'), docx(p('Kære {mod', 'tager}') + p('{#af', 'snit}{.}{/afsnit}') + p('{#harRater}') + p('{#rater}{rate}: {beløb}{/rater}') + p('{/harRater}'))];
    const compiled = templates.map((t) => compileTemplate(t));
    const any = fc.string({ unit: 'binary' });
    const row = fc.record({ rate: any, forfaldsdato: fc.string(), beløb: any });
    fc.assert(
      fc.property(any, fc.array(any, { maxLength: 4 }), fc.array(row, { maxLength: 4 }), fc.boolean(), (modtager, afsnit, rater, harRater) => {
        const fields = caseFields({ modtager, afsnit, rater, harRater });
        templates.forEach((t, i) => {
          const ref = reference(t, fields);
          expect(new TextDecoder().decode(compiled[i]!.fillPart('word/document.xml', fields))).toBe(ref);
          expect(filledXml(t, fields)).toBe(ref);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('all letters in one document, for printing from Word', () => {
  const names = ['Jens Hansen', 'Mette Olsen', 'Byg & Co ApS'];
  const letters = names.map((modtager) => caseFields({ modtager, hilsen: `Kære ${modtager}` }));

  it('3 letters: the same body filled 3 times, page breaks between, the page setup once at the end', () => {
    const all = fillTemplateAll(docx(p('{hilsen}') + p('{#afsnit}{.}{/afsnit}') + p('Venlig hilsen')), letters, 'brev.docx');
    const letter = (name: string) => [`Kære ${name}`, 'Første afsnit.', 'Andet afsnit.', 'Tredje afsnit.', 'Venlig hilsen'];
    expect(text(docxBlocks(all))).toEqual([...letter(names[0]!), '<side>', ...letter(names[1]!), '<side>', ...letter(names[2]!)]);
    const xml = partOf(all, 'word/document.xml');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(1);
    expect(xml).toMatch(/<\/w:sectPr><\/w:body>/);
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(2);
  });

  it('a picture in the body gets its own id in each letter (Word wants each once), bookmarks stay in the first', () => {
    const logo =
      '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="7" name="Logo"/></wp:inline></w:drawing></w:r><w:bookmarkEnd w:id="0"/></w:p>';
    const xml = partOf(fillTemplateAll(docx(logo + p('{modtager}')), letters), 'word/document.xml');
    expect([...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    expect(xml.match(/<w:bookmarkStart/g)).toHaveLength(1);
  });

  it('a header is on every page: {kommune} there is fine, {modtager} would put one citizen’s name on all letters and is refused', () => {
    const withHeader = (tag: string) =>
      docx(p('{hilsen}'), {
        parts: { 'word/header1.xml': `<w:hdr ${W}>${p(tag)}</w:hdr>` },
        types: { 'word/header1.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml' },
      });
    expect(partOf(fillTemplateAll(withHeader('{kommune}'), letters), 'word/header1.xml')).toContain('>Ishøj Kommune<');
    expect(messageOf(() => fillTemplateAll(withHeader('Til {modtager}'), letters, 'brev.docx'))).toBe(
      'Skabelonen "brev.docx" kan ikke samle brevene i ét dokument: sidehovedet (word/header1.xml) er fælles for alle sider, men {modtager} er forskellig fra brev til brev. Flyt feltet ind i selve brevet, eller skriv brevene hver for sig.',
    );
  });

  it('no letters: nothing to bundle', () => {
    expect(messageOf(() => fillTemplateAll(docx(p('{modtager}')), []))).toBe('Der er ingen breve at samle i ét dokument.');
  });
});
