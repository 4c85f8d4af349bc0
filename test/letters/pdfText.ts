/**
 * A PDF read back with an independent reader (Mozilla's pdf.js): the text on each page with its
 * position and the name of the font it is drawn in, and the document info. The tests judge the
 * letter writer by what a viewer sees, not by what the writer meant to draw.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PlacedText {
  text: string;
  /** Points from the page's left edge to the text's start, and to its end. */
  left: number;
  right: number;
  /** Points from the page's bottom edge to the baseline. */
  baseline: number;
  /** The embedded font's PostScript name, e.g. "BZZZZZ+IBMPlexSans-Bold". */
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  /** Non-blank texts top to bottom, left to right. */
  texts: PlacedText[];
  /** The page's texts joined, one line per baseline. */
  lines: string[];
}

export interface ReadPdf {
  pages: PdfPage[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdf.js takes the buffer over: give it a copy so the caller's bytes stay usable.
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    // The operator list loads the fonts, whose real names the text items only refer to.
    await page.getOperatorList();
    const texts: PlacedText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      const font = (page.commonObjs.get(item.fontName) as { name: string }).name;
      texts.push({ text: item.str, left: x!, right: x! + item.width, baseline: y!, font });
    }
    texts.sort((a, b) => b.baseline - a.baseline || a.left - b.left);
    const lines: string[] = [];
    let last = Number.NaN;
    for (const t of texts) {
      if (Math.abs(t.baseline - last) < 0.5) lines[lines.length - 1] += ` ${t.text}`;
      else lines.push(t.text);
      last = t.baseline;
    }
    const [, , width, height] = page.view;
    pages.push({ width: width!, height: height!, texts, lines });
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: info as Record<string, unknown> };
}

/** A4 in points (ISO 216: 210 × 297 mm, 72 points to the inch). */
export const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 } as const;
export const MM = 72 / 25.4;
