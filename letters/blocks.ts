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

export type Block =
  /** A paragraph; an empty `runs` is an empty line. */
  | { kind: 'paragraph'; runs: Run[]; align?: Align; heading?: boolean }
  /**
   * A table: each row a list of cells, each cell a list of runs. `align` per column
   * (amounts right). `header` rows are repeated on a new page.
   */
  | { kind: 'table'; rows: Run[][][]; align?: Align[]; headerRows?: number }
  /** The next block starts on a new page. */
  | { kind: 'pageBreak' };

/** One recipient's letter. */
export interface LetterDocument {
  /** The debitor (or case reference) the letter is for: names the per-recipient file. */
  id: string;
  /** The PDF's title (document info), e.g. "Saldoopgørelse 2025 – D-17". */
  title: string;
  blocks: Block[];
}
