import { beforeAll, describe, expect, it } from 'vitest';
import { letterFonts } from '../../cli/letterFonts.js';
import type { Block, LetterDocument, Run } from '../../letters/blocks.js';
import { renderPdf } from '../../letters/pdf/renderPdf.js';
import { A4, MM, readPdf, type PdfPage, type ReadPdf } from './pdfText.js';

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
