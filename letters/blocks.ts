/**
 * A letter laid out as blocks: what a filled .docx template says (letters/docx) and what the PDF
 * writer draws (letters/pdf). Plain data, so the same letter can be checked in a test, written to
 * Word or drawn to PDF in Node and in the task pane's browser alike.
 */

/** A piece of text with one look. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Align = 'left' | 'right' | 'center';

/**
 * A picture as the PDF draws it: the file's bytes (PNG or JPEG, told by their first bytes) and
 * the size it is shown at, in points. Letters from one template share the same `bytes` object
 * for the same picture, so a PDF of thousands of letters embeds its logo once.
 */
export interface LetterImage {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/**
 * The most pixels a picture may have to be drawn (a 5,000 × 5,000 picture; a logo has far
 * fewer): a PNG with transparency is unpacked in memory before it is drawn.
 */
export const MAX_IMAGE_PIXELS = 25_000_000;

export type Block =
  /** A paragraph; an empty `runs` is an empty line. */
  | { kind: 'paragraph'; runs: Run[]; align?: Align; heading?: boolean }
  /**
   * A table: each row a list of cells, each cell a list of runs. `align` per column
   * (amounts right). `header` rows are repeated on a new page. `images`, when a cell has
   * pictures (a letterhead's logo beside the address): the pictures of each cell of each row, as
   * `rows`, drawn above the cell's text.
   */
  | { kind: 'table'; rows: Run[][][]; align?: Align[]; headerRows?: number; images?: LetterImage[][][] }
  /** A picture on a line of its own. */
  | { kind: 'image'; image: LetterImage; align?: Align }
  /** The next block starts on a new page. */
  | { kind: 'pageBreak' };

/**
 * A header or a footer: Word's "different first page" gives the first page its own (`first`);
 * without it both are the same. Its blocks are paragraphs, pictures and tables.
 */
export interface PageBand {
  first: Block[];
  rest: Block[];
}

/** One recipient's letter. */
export interface LetterDocument {
  /** The debitor (or case reference) the letter is for: names the per-recipient file. */
  id: string;
  /** The PDF's title (document info), e.g. "Saldoopgørelse 2025 – D-17". */
  title: string;
  blocks: Block[];
  /** Drawn at the top of each page (the kommune's letterhead). */
  header?: PageBand;
  /** Drawn at the foot of each page, above the page number. */
  footer?: PageBand;
}
