import { beforeAll, describe, expect, it } from 'vitest';
import { letterFonts } from '../../cli/letterFonts.js';
import type { Block, LetterDocument, LetterImage, Run } from '../../letters/blocks.js';
import { fillToLetter } from '../../letters/docx/docxBlocks.js';
import { compileTemplate } from '../../letters/docx/template.js';
import { renderPdf } from '../../letters/pdf/renderPdf.js';
import { letterhead, p } from './docxHelpers.js';
import { A4, MM, readPdf, type PdfPage, type ReadPdf } from './pdfText.js';
import { embeddedImages, jpeg, pdfImages, png, textSize, type PlacedImage } from './imageHelpers.js';

const CREATED = new Date('2026-12-31T12:00:00Z');
const runs = (text: string, style: Partial<Run> = {}): Run[] => [{ text, ...style }];
const paragraph = (text: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', runs: runs(text), ...extra });

/** Amounts of 1 to 7 digits, so a right-aligned column has texts of very different widths. */
const amount = (i: number) => `${((i * i * 7919) % 9_999_999).toLocaleString('da-DK')},${String(i % 100).padStart(2, '0')}`;
const ROWS = 120;

const names: LetterDocument = {
  id: 'D-1',
  title: 'Brev til Łukasz',
  blocks: [
    paragraph('Saldoopgørelse', { heading: true }),
    paragraph('Bogstaver: æøåÆØÅ'),
    paragraph('Navne: Łukasz Şahin Dvořák Őry'),
    {
      kind: 'paragraph',
      runs: [{ text: 'Almindelig ' }, { text: 'Fedskrift', bold: true }, { text: ' og ' }, { text: 'Kursiv', italic: true }, { text: ' og ' }, { text: 'Begge', bold: true, italic: true }],
    },
    paragraph('Højre', { align: 'right' }),
  ],
};
const longTable: LetterDocument = {
  id: 'D-2',
  title: 'Lang tabel',
  blocks: [
    paragraph('Alle posteringer', { heading: true }),
    {
      kind: 'table',
      headerRows: 1,
      align: ['left', 'left', 'right'],
      rows: [
        [runs('Nr.', { bold: true }), runs('Tekst', { bold: true }), runs('Beløb', { bold: true })],
        ...Array.from({ length: ROWS }, (_, i) => [runs(`R${i + 1}`), runs(`Postering nummer ${i + 1}`), runs(amount(i + 1))]),
      ],
    },
    paragraph('Efter tabellen'),
  ],
};
const breaks: LetterDocument = {
  id: 'D-3',
  title: 'Sideskift',
  blocks: [paragraph('Før skiftet'), { kind: 'pageBreak' }, { kind: 'pageBreak' }, paragraph('Efter skiftet'), { kind: 'pageBreak' }],
};
const DOCS = [names, longTable, breaks];

let bytes: Uint8Array;
let pdf: ReadPdf;
const progress: Array<[number, number]> = [];
beforeAll(async () => {
  bytes = await renderPdf(DOCS, {
    fonts: letterFonts(),
    author: 'Eksempel Kommune',
    subject: 'Saldoopgørelser 2026',
    creationDate: CREATED,
    onProgress: (done, total) => progress.push([done, total]),
  });
  pdf = await readPdf(bytes);
});

const footer = (page: PdfPage) => page.lines.filter((line) => /^Side \d+ af \d+$/.test(line));
/** The pages of each letter, found by where "Side 1 af" appears. */
const letters = () => {
  const out: PdfPage[][] = [];
  for (const page of pdf.pages) {
    if (footer(page)[0]?.startsWith('Side 1 af')) out.push([]);
    out.at(-1)!.push(page);
  }
  return out;
};
const textsOf = (pages: PdfPage[]) => pages.flatMap((p) => p.texts);

describe('renderPdf: letters to one PDF', () => {
  it('is a PDF file: %PDF- at the start and %%EOF at the end', () => {
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(new TextDecoder('latin1').decode(bytes.subarray(-6)).trim()).toBe('%%EOF');
  });

  it('pages are A4 portrait', () => {
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
    }
  });

  it('Danish letters and Latin Extended-A names survive the font (æøå, Łukasz Şahin Dvořák Ő)', () => {
    const text = pdf.pages[0]!.lines.join('\n');
    expect(text).toContain('Bogstaver: æøåÆØÅ');
    expect(text).toContain('Navne: Łukasz Şahin Dvořák Őry');
    expect(text).toContain('Saldoopgørelse');
  });

  it('each letter starts on a new page: "Side 1 af" once per letter, and its first text first', () => {
    expect(pdf.pages.flatMap(footer).filter((line) => line.startsWith('Side 1 af'))).toHaveLength(DOCS.length);
    expect(letters().map((pages) => pages[0]!.lines[0])).toEqual(['Saldoopgørelse', 'Alle posteringer', 'Før skiftet']);
  });

  it('each page says "Side N af M", counted within its own letter, and M is the letter\'s page count', () => {
    const perLetter = letters();
    expect(perLetter.reduce((sum, pages) => sum + pages.length, 0)).toBe(pdf.pages.length);
    for (const pages of perLetter) {
      expect(pages.map((page) => footer(page))).toEqual(pages.map((_, k) => [`Side ${k + 1} af ${pages.length}`]));
    }
    // The long table needs more than one page, the others one and two (a page break each).
    expect(perLetter.map((pages) => pages.length)).toEqual([1, expect.any(Number), 2]);
    expect(perLetter[1]!.length).toBeGreaterThan(1);
  });

  it('the footer sits in the bottom margin, right-aligned with the text', () => {
    const text = pdf.pages[0]!.texts;
    const side = text.find((t) => t.text.startsWith('Side'))!;
    const body = text.filter((t) => t !== side);
    expect(side.baseline).toBeLessThan(Math.min(...body.map((t) => t.baseline)));
    expect(side.baseline).toBeGreaterThan(8 * MM);
    expect(side.right).toBeCloseTo(text.find((t) => t.text === 'Højre')!.right, 0);
  });

  it('a 120-row table breaks over pages, its header row repeated on each, every row once and in order', () => {
    const pages = letters()[1]!;
    const rowNumbers = textsOf(pages)
      .filter((t) => /^R\d+$/.test(t.text))
      .map((t) => Number(t.text.slice(1)));
    expect(rowNumbers).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    for (const page of pages) {
      const header = page.lines.findIndex((line) => line === 'Nr. Tekst Beløb');
      const firstRow = page.lines.findIndex((line) => /^R\d+ /.test(line));
      if (firstRow === -1) continue; // the page after the table holds only the closing paragraph
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
    expect(pages.filter((page) => page.lines.includes('Nr. Tekst Beløb')).length).toBeGreaterThan(1);
    expect(pages.at(-1)!.lines).toContain('Efter tabellen');
  });

  it('rows never run into the footer: the table stops above the bottom margin', () => {
    for (const page of letters()[1]!) {
      const rows = page.texts.filter((t) => /^R\d+$/.test(t.text));
      if (rows.length > 0) expect(Math.min(...rows.map((t) => t.baseline))).toBeGreaterThan(25 * MM);
    }
  });

  it('the amount column is right-aligned: its texts end at one x and start at many; the text column starts at one x', () => {
    const texts = textsOf(letters()[1]!);
    const amounts = texts.filter((t) => /^[\d.]+,\d\d$/.test(t.text));
    expect(amounts).toHaveLength(ROWS);
    const rights = amounts.map((t) => t.right);
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(0.5);
    const lefts = amounts.map((t) => t.left);
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeGreaterThan(20);
    // The header "Beløb" ends where the amounts end.
    expect(texts.find((t) => t.text === 'Beløb')!.right).toBeCloseTo(rights[0]!, 0);
    const descriptions = texts.filter((t) => t.text.startsWith('Postering nummer')).map((t) => t.left);
    expect(Math.max(...descriptions) - Math.min(...descriptions)).toBeLessThan(0.5);
  });

  it('a bold run is drawn in the bold font, italic in the italic, the rest in the regular', () => {
    const font = (text: string) => pdf.pages[0]!.texts.find((t) => t.text.trim() === text)?.font;
    expect(font('Fedskrift')).toMatch(/IBMPlexSans-Bold$/);
    expect(font('Kursiv')).toMatch(/IBMPlexSans-Italic$/);
    expect(font('Begge')).toMatch(/IBMPlexSans-BoldItalic$/);
    expect(font('Almindelig')).toMatch(/IBMPlexSans-Regular$/);
    expect(font('Saldoopgørelse')).toMatch(/IBMPlexSans-Bold$/); // headings are bold
  });

  it('margins fit a window envelope: text starts 20–25 mm from the left edge and stays 15 mm from the right', () => {
    const body = pdf.pages.flatMap((page) => page.texts.filter((t) => !t.text.startsWith('Side')));
    const left = Math.min(...body.map((t) => t.left));
    expect(left).toBeGreaterThanOrEqual(20 * MM);
    expect(left).toBeLessThanOrEqual(25.5 * MM);
    expect(Math.max(...body.map((t) => t.right))).toBeLessThanOrEqual(A4.width - 15 * MM);
  });

  it('a page break starts a new page; a second one in a row, or one at the end, adds no blank page', () => {
    const pages = letters()[2]!;
    expect(pages.map((page) => page.lines[0])).toEqual(['Før skiftet', 'Efter skiftet']);
  });

  it('document info: the title of the whole batch, author, subject and the given creation date', () => {
    expect(pdf.info).toMatchObject({ Title: 'Breve (3)', Author: 'Eksempel Kommune', Subject: 'Saldoopgørelser 2026', CreationDate: 'D:20261231120000Z' });
  });

  it('reports progress after each letter', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('renderPdf: one letter, one file', () => {
  it("a single letter's PDF has the letter's title and numbers its pages as in the batch", async () => {
    const one = await readPdf(await renderPdf([longTable], { fonts: letterFonts(), creationDate: CREATED }));
    expect(one.info.Title).toBe('Lang tabel');
    expect(one.pages.map((page) => page.lines)).toEqual(letters()[1]!.map((page) => page.lines));
  });

  it('the same letters and creation date give the same bytes; another date gives other bytes', async () => {
    const again = await renderPdf(DOCS, { fonts: letterFonts(), author: 'Eksempel Kommune', subject: 'Saldoopgørelser 2026', creationDate: CREATED });
    expect(again).toEqual(bytes);
    const later = await renderPdf(DOCS, { fonts: letterFonts(), author: 'Eksempel Kommune', subject: 'Saldoopgørelser 2026', creationDate: new Date('2027-01-01T00:00:00Z') });
    expect(later).not.toEqual(bytes);
  });

  it('long paragraphs wrap within the text width', async () => {
    const words = Array.from({ length: 300 }, (_, i) => `ord${i}`).join(' ');
    const read = await readPdf(await renderPdf([{ id: 'x', title: 'x', blocks: [paragraph(words)] }], { fonts: letterFonts(), creationDate: CREATED }));
    const texts = read.pages[0]!.texts.filter((t) => t.text.startsWith('ord'));
    expect(texts.length).toBeGreaterThan(5);
    expect(Math.max(...texts.map((t) => t.right))).toBeLessThanOrEqual(A4.width - 15 * MM);
    expect(texts.map((t) => t.text).join(' ')).toBe(words);
  });

  it('no letters is an error in Danish, not an empty file', async () => {
    await expect(renderPdf([], { fonts: letterFonts() })).rejects.toThrow('Der er ingen breve');
  });
});

describe('renderPdf: fonts', () => {
  it('every PDF of a batch keeps its text readable: an A after a letter with Å is still an A (fontkit’s shared glyph cache)', async () => {
    const letter = (text: string): LetterDocument => ({ id: 'x', title: 'x', blocks: [paragraph(text)] });
    const fonts = { ...letterFonts(), regular: letterFonts().regular.slice() };
    for (const composed of ['Åse', 'Őry', 'Dvořák']) {
      await renderPdf([letter(composed)], { fonts, creationDate: CREATED });
      const next = await readPdf(await renderPdf([letter('Anna Olsen Rasmussen')], { fonts, creationDate: CREATED }));
      expect(next.pages[0]!.lines[0], `efter ${composed}`).toBe('Anna Olsen Rasmussen');
    }
  });

  it('without italic fonts, italic falls back to the regular font and bold italic to the bold', async () => {
    const { regular, bold } = letterFonts();
    const read = await readPdf(
      await renderPdf(
        [
          {
            id: 'x',
            title: 'x',
            blocks: [
              {
                kind: 'paragraph',
                runs: [
                  { text: 'Skrå ', italic: true },
                  { text: 'Fed og skrå', bold: true, italic: true },
                ],
              },
            ],
          },
        ],
        {
          fonts: { regular, bold },
          creationDate: CREATED,
        },
      ),
    );
    const font = (text: string) => read.pages[0]!.texts.find((t) => t.text.trim() === text)?.font;
    expect(font('Skrå')).toMatch(/IBMPlexSans-Regular$/);
    expect(font('Fed og skrå')).toMatch(/IBMPlexSans-Bold$/);
  });
});

describe('renderPdf: the letterhead — header, footer and pictures from the template', () => {
  // The template (docxHelpers.letterhead): first page header = logo 144 × 36 pt right-aligned and
  // "Opkrævningen, Ishøj Kommune"; other pages = logo 72 × 18 pt left and "Ishøj Kommune · {dato}";
  // footer on all = address and CVR. The body runs over pages by itself (no page breaks).
  const body = ['{hilsen}', ...Array.from({ length: 70 }, (_, i) => `Afsnit ${i + 1}: her står brevets tekst, så det fylder mere end én side.`)].map((t) => p(t)).join('');
  const compiled = compileTemplate(letterhead({ body }), 'brev.docx');
  const NAMES = ['Jens Hansen', 'Åse Løvgren', 'Łukasz Kowalski'];
  const docs: LetterDocument[] = NAMES.map((name, i) => ({
    id: `D-${i}`,
    title: name,
    ...fillToLetter(compiled, { dato: '8. januar 2027', hilsen: `Kære ${name}` }),
  }));
  const FIRST_HEADER = 'Opkrævningen, Ishøj Kommune';
  const HEADER = 'Ishøj Kommune · 8. januar 2027';
  const ADDRESS = 'Ishøj Store Torv 20 · 2635 Ishøj · Telefon 43 57 75 75';
  const CVR = 'CVR 11931316';
  const banded = new Set([FIRST_HEADER, HEADER, ADDRESS, CVR]);

  let made: Uint8Array;
  let read: ReadPdf;
  let images: PlacedImage[][];
  beforeAll(async () => {
    made = await renderPdf(docs, { fonts: letterFonts(), creationDate: CREATED });
    read = await readPdf(made);
    images = await pdfImages(made);
  });
  /** Each letter's pages, by where "Side 1 af" appears. */
  const lettersOf = (pages: PdfPage[]) => {
    const out: number[][] = [];
    pages.forEach((page, n) => {
      if (page.lines.some((l) => l.startsWith('Side 1 af'))) out.push([]);
      out.at(-1)!.push(n);
    });
    return out;
  };
  const baseline = (page: PdfPage, text: string) => page.texts.find((t) => t.text === text)?.baseline;

  it('each letter runs over several pages by itself, and each page shows its header and footer', () => {
    const letters = lettersOf(read.pages);
    expect(letters).toHaveLength(3);
    for (const pages of letters) {
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((n, k) => {
        const lines = read.pages[n]!.lines;
        // The first page's own header; the others the default one, with the letter's {dato} filled in.
        expect(lines.includes(FIRST_HEADER), `side ${n + 1}`).toBe(k === 0);
        expect(lines.includes(HEADER), `side ${n + 1}`).toBe(k > 0);
        expect(lines).toContain(ADDRESS);
        expect(lines).toContain(CVR);
        expect(lines.at(-1)).toBe(`Side ${k + 1} af ${pages.length}`);
      });
    }
  });

  it('the body starts below the header and ends above the footer on every page; the footer sits above "Side N af M"', () => {
    read.pages.forEach((page, n) => {
      const header = baseline(page, FIRST_HEADER) ?? baseline(page, HEADER)!;
      const logo = images[n]![0]!;
      const body = page.texts.filter((t) => !banded.has(t.text) && !t.text.startsWith('Side '));
      const side = page.texts.find((t) => t.text.startsWith('Side '))!;
      expect(body.length, `side ${n + 1}`).toBeGreaterThan(0);
      const top = Math.max(...body.map((t) => t.baseline));
      const bottom = Math.min(...body.map((t) => t.baseline));
      // The body's first line is below the header's text and its logo, by more than a line.
      expect(top).toBeLessThan(Math.min(header, logo.bottom) - 10);
      // Its last line is above the footer's first line, by more than a line.
      expect(bottom).toBeGreaterThan(baseline(page, ADDRESS)! + 10);
      expect(baseline(page, ADDRESS)).toBeGreaterThan(baseline(page, CVR)!);
      expect(baseline(page, CVR)).toBeGreaterThan(side.baseline);
    });
  });

  it('the header starts 10 mm from the top edge, within the text’s margins: the first page’s logo right, the others’ left', () => {
    const letters = lettersOf(read.pages);
    for (const pages of letters) {
      pages.forEach((n, k) => {
        expect(images[n]).toHaveLength(1);
        const logo = images[n]![0]!;
        expect(logo.bottom + logo.height).toBeCloseTo(A4.height - 10 * MM, 1);
        if (k === 0) {
          expect([logo.width, logo.height]).toEqual([144, 36]);
          expect(logo.left + logo.width).toBeCloseTo(A4.width - 20 * MM, 1);
        } else {
          expect([logo.width, logo.height]).toEqual([72, 18]);
          expect(logo.left).toBeCloseTo(25 * MM, 1);
        }
      });
    }
  });

  it('the header and footer text is 9 pt, a little smaller than the letter’s 10.5 pt', async () => {
    for (const text of [FIRST_HEADER, ADDRESS, CVR]) expect(await textSize(made, 1, text)).toBeCloseTo(9, 5);
    expect(await textSize(made, 2, HEADER)).toBeCloseTo(9, 5);
    expect(await textSize(made, 1, 'Kære Jens Hansen')).toBeCloseTo(10.5, 5);
  });

  it('the logo is embedded once in a PDF of three letters, though every page draws it', () => {
    expect(read.pages.length).toBeGreaterThan(5);
    expect(embeddedImages(made)).toBe(1);
    expect(images.every((page) => page.length === 1)).toBe(true);
  });

  it('a letter without a header after one with it starts at the usual top margin', async () => {
    const alone = await readPdf(await renderPdf([names], { fonts: letterFonts(), creationDate: CREATED }));
    const after = await readPdf(await renderPdf([docs[0]!, names], { fonts: letterFonts(), creationDate: CREATED }));
    // The same texts at the same places (the fonts' subset tags differ with what the PDF used before).
    const placed = (page: PdfPage) => page.texts.map(({ font: _font, ...at }) => at);
    expect(placed(after.pages.at(-1)!)).toEqual(placed(alone.pages[0]!));
  });
});

describe('renderPdf: pictures', () => {
  const image = (bytes: Uint8Array, width: number, height: number, format: 'png' | 'jpeg' = 'png'): LetterImage => ({ bytes, format, width, height });
  const letter = (blocks: Block[]): LetterDocument => ({ id: 'x', title: 'x', blocks });
  const draw = async (blocks: Block[]) => {
    const bytes = await renderPdf([letter(blocks)], { fonts: letterFonts(), creationDate: CREATED });
    return { bytes, images: await pdfImages(bytes), pdf: await readPdf(bytes) };
  };

  // 6 × 5 pixels: colour from the position, opacity from 0 (left) to 255 (right).
  const rgba = (x: number, y: number) => [40 * x, 50 * y, 255 - 40 * x, Math.round((255 * x) / 5)] as const;
  /** The rule: a pixel of opacity a shows a/255 of its colour and the rest of the white paper. */
  const onWhite = (c: number, a: number) => Math.round((c * a + 255 * (255 - a)) / 255);
  const expected = Uint8Array.from(Array.from({ length: 30 }, (_, i) => rgba(i % 6, Math.floor(i / 6))).flatMap(([r, g, b, a]) => [onWhite(r, a), onWhite(g, a), onWhite(b, a)]));

  it('a PNG with transparency is drawn on white, pixel by pixel, whether filtered, interlaced or 16-bit', async () => {
    const variants = [
      png(6, 5, (x, y) => rgba(x, y)),
      png(6, 5, (x, y) => rgba(x, y), { filtered: true }),
      png(6, 5, (x, y) => rgba(x, y), { interlaced: true, filtered: true }),
      png(6, 5, (x, y) => rgba(x, y).map((v) => v * 257), { depth: 16, filtered: true }),
    ];
    const { images } = await draw(variants.map((bytes) => ({ kind: 'image', image: image(bytes, 60, 50) })));
    expect(images[0]).toHaveLength(4);
    for (const drawn of images[0]!) {
      expect(drawn.pixels.width * drawn.pixels.height).toBe(30);
      expect(drawn.pixels.rgb).toEqual(expected);
    }
  });

  it('a palette PNG with transparent entries, and a grey one with alpha, are drawn on white too', async () => {
    const palette = [
      [200, 0, 0],
      [0, 0, 200],
      [10, 20, 30],
    ] as const;
    const alphas = [255, 0, 128];
    const indexed = png(5, 3, (x, y) => [(x + y) % 3], { colour: 3, depth: 2, palette, transparency: alphas, filtered: true });
    const grey = png(5, 3, (x, y) => [(x + y) % 3 === 2 ? 30 : 100, alphas[(x + y) % 3]!], { colour: 4 });
    const { images } = await draw([
      { kind: 'image', image: image(indexed, 50, 30) },
      { kind: 'image', image: image(grey, 50, 30) },
    ]);
    const cells = Array.from({ length: 15 }, (_, i) => ((i % 5) + Math.floor(i / 5)) % 3);
    expect(images[0]![0]!.pixels.rgb).toEqual(Uint8Array.from(cells.flatMap((k) => palette[k]!.map((c) => onWhite(c, alphas[k]!)))));
    expect(images[0]![1]!.pixels.rgb).toEqual(Uint8Array.from(cells.flatMap((k) => [0, 0, 0].map(() => onWhite(k === 2 ? 30 : 100, alphas[k]!)))));
  });

  it('an opaque PNG and a JPEG are embedded as they are (the JPEG as DCT data), at the size the letter gives them', async () => {
    // A 20 × 12 JPEG in three 8-pixel columns, red, green and blue (the right and bottom edges padded to whole blocks).
    const columns = [
      [200, 40, 40],
      [40, 160, 40],
      [40, 40, 200],
    ];
    const { bytes, images } = await draw([
      {
        kind: 'image',
        image: image(
          png(3, 2, (x) => [x * 100, 0, 0], { colour: 2 }),
          30,
          20,
        ),
      },
      {
        kind: 'image',
        image: image(
          jpeg(20, 12, (col) => columns[col]!),
          40,
          40,
          'jpeg',
        ),
        align: 'center',
      },
    ]);
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/Filter \/DCTDecode/);
    expect(images[0]!.map((i) => [i.width, i.height])).toEqual([
      [30, 20],
      [40, 40],
    ]);
    expect(images[0]![0]!.pixels.rgb).toEqual(Uint8Array.from([0, 0, 0, 100, 0, 0, 200, 0, 0, 0, 0, 0, 100, 0, 0, 200, 0, 0]));
    expect(images[0]![1]!.left + 20).toBeCloseTo(25 * MM + (A4.width - 45 * MM) / 2, 1);
    // The JPEG decoded at its own 20 × 12 pixels; its colours went through YCbCr, rounded, so within 2 of each value.
    const { pixels } = images[0]![1]!;
    expect([pixels.width, pixels.height]).toEqual([20, 12]);
    for (let i = 0; i < 20 * 12; i += 1) {
      const want = columns[Math.floor((i % 20) / 8)]!;
      expect(Math.max(...want.map((c, k) => Math.abs(pixels.rgb[i * 3 + k]! - c)))).toBeLessThanOrEqual(2);
    }
  });

  it('a letterhead table in the header: the logo drawn in its cell, the address beside it, the letter below both', async () => {
    const header: Block[] = [
      {
        kind: 'table',
        rows: [[[], runs('Ishøj Kommune')]],
        align: ['left', 'right'],
        images: [
          [
            [
              image(
                png(2, 1, () => [0, 0, 0, 255]),
                100,
                50,
              ),
            ],
            [],
          ],
        ],
      },
    ];
    const bytes = await renderPdf([{ ...letter([paragraph('Brevet')]), header: { first: header, rest: header } }], { fonts: letterFonts(), creationDate: CREATED });
    const [drawn] = await pdfImages(bytes);
    const page = (await readPdf(bytes)).pages[0]!;
    // The cell's padding: 4 points in from the column's left, 3 down from the row's top (10 mm from the page's).
    expect(drawn).toHaveLength(1);
    expect([drawn![0]!.left, drawn![0]!.bottom + drawn![0]!.height, drawn![0]!.width, drawn![0]!.height]).toEqual([
      expect.closeTo(25 * MM + 4, 1),
      expect.closeTo(A4.height - 10 * MM - 3, 1),
      100,
      50,
    ]);
    const address = page.texts.find((t) => t.text === 'Ishøj Kommune')!;
    expect(address.right).toBeCloseTo(A4.width - 20 * MM - 4, 0);
    expect(address.baseline).toBeGreaterThan(drawn![0]!.bottom);
    expect(baseline(page, 'Brevet')).toBeLessThan(drawn![0]!.bottom - 10);
  });

  it('a picture wider than the text is scaled down to the text width, keeping its proportions', async () => {
    const { images } = await draw([
      {
        kind: 'image',
        image: image(
          png(2, 1, () => [0, 0, 0, 255]),
          1000,
          500,
        ),
      },
    ]);
    const drawn = images[0]![0]!;
    expect(drawn.width).toBeCloseTo(A4.width - 45 * MM, 1);
    expect(drawn.height).toBeCloseTo(drawn.width / 2, 1);
  });

  it('a picture that does not fit below the text goes to the next page, the text before it stays', async () => {
    const lines: Block[] = Array.from({ length: 30 }, (_, i) => paragraph(`Linje ${i + 1}`));
    const { images, pdf } = await draw([
      ...lines,
      {
        kind: 'image',
        image: image(
          png(1, 1, () => [0, 0, 0, 255]),
          200,
          300,
        ),
      },
      paragraph('Efter billedet'),
    ]);
    expect(pdf.pages).toHaveLength(2);
    expect(images.map((page) => page.length)).toEqual([0, 1]);
    expect(pdf.pages[0]!.lines).toContain('Linje 30');
    const drawn = images[1]![0]!;
    expect(drawn.bottom + drawn.height).toBeCloseTo(A4.height - 20 * MM, 1);
    expect(baseline(pdf.pages[1]!, 'Efter billedet')).toBeLessThan(drawn.bottom);
  });
});

const baseline = (page: PdfPage, text: string) => page.texts.find((t) => t.text === text)?.baseline;
