/**
 * From a year's letter plan to the files that leave the kommune: each letter's fields filled into
 * the template (the kommune's own or Saldo's default), laid out as blocks, drawn as PDF — one
 * combined file for print and one per recipient for Digital Post. Shared by the CLI and the task
 * pane, so both send the same letters; no Node or Office here, bytes in and bytes out.
 */
import type { LetterPlan, LetterSettings } from '../core/letters/letterContent.js';
import { statementLetterFields, type LetterFields } from '../core/letters/letterFields.js';
import { formatKroner } from '../core/money/ore.js';
import { maskCprsIn } from '../core/personal/cpr.js';
import { csvText } from '../core/report/csvText.js';
import type { LetterDocument } from './blocks.js';
import { fillToLetter, pdfLayoutNotes } from './docx/docxBlocks.js';
import { compileTemplate } from './docx/template.js';
import { renderPdf, type LetterFonts } from './pdf/renderPdf.js';

export interface LetterFile {
  /** The file's name: "0001-D-17.pdf". */
  name: string;
  debtorId: string;
  bytes: Uint8Array;
}

/**
 * A file name for a recipient's letter: its number in the run (so names never collide and sort
 * as the print does) and the debitor — a CPR number masked, since file lists are seen by many —
 * with only characters every file system takes.
 * @example letterFileName(7, '010190-1234') // "0007-010190-xxxx.pdf"
 */
export function letterFileName(index: number, debtorId: string): string {
  const safe = maskCprsIn(debtorId)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${String(index).padStart(4, '0')}${safe === '' ? '' : `-${safe}`}.pdf`;
}

/** The fields of each letter of the plan, in order. */
export function statementFields(plan: LetterPlan, year: number, settings: LetterSettings & { sender?: string }): LetterFields[] {
  return plan.letters.map((l) => statementLetterFields(l, year, settings));
}

/**
 * Each letter of the plan laid out from the template, with its letterhead (header, footer,
 * pictures), and what of the template the PDF cannot show, in Danish, for the user to be told.
 */
export function statementDocuments(
  plan: LetterPlan,
  year: number,
  settings: LetterSettings & { sender?: string },
  template: Uint8Array,
  templateName = '',
): { docs: LetterDocument[]; notes: string[] } {
  const compiled = compileTemplate(template, templateName);
  const docs = plan.letters.map((l) => ({
    id: l.debtorId,
    title: `Saldoopgørelse ${year} – ${l.recipient}`,
    ...fillToLetter(compiled, statementLetterFields(l, year, settings)),
  }));
  return { docs, notes: pdfLayoutNotes(compiled) };
}

export interface PdfRun {
  fonts: LetterFonts;
  author: string;
  creationDate?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** The combined PDF for print. */
export function combinedPdf(docs: readonly LetterDocument[], run: PdfRun): Promise<Uint8Array> {
  return renderPdf(docs, pdfOptions(run));
}

/** Which file a recipient's letter is in. */
export type LetterFileName = Pick<LetterFile, 'name' | 'debtorId'>;

/**
 * One PDF per recipient, named by letterFileName (`first` is the first one's number in the run),
 * each handed to `take` as soon as it is drawn: a run of thousands need not hold them all.
 */
export async function eachRecipientPdf(docs: readonly LetterDocument[], run: PdfRun, first: number, take: (file: LetterFile) => Promise<void> | void): Promise<LetterFileName[]> {
  const names: LetterFileName[] = [];
  for (const [i, doc] of docs.entries()) {
    const file = { name: letterFileName(first + i, doc.id), debtorId: doc.id };
    await take({ ...file, bytes: await renderPdf([doc], pdfOptions({ ...run, onProgress: undefined })) });
    names.push(file);
    run.onProgress?.(i + 1, docs.length);
  }
  return names;
}

/** One PDF per recipient, all held (the task pane zips them). */
export async function recipientPdfs(docs: readonly LetterDocument[], run: PdfRun, first = 1): Promise<LetterFile[]> {
  const files: LetterFile[] = [];
  await eachRecipientPdf(docs, run, first, (file) => {
    files.push(file);
  });
  return files;
}

const pdfOptions = (run: PdfRun) => ({
  fonts: run.fonts,
  author: run.author,
  ...(run.creationDate ? { creationDate: run.creationDate } : {}),
  ...(run.onProgress ? { onProgress: run.onProgress } : {}),
});

/** One row per debtor: the file his letter is in, or why there is none (a .csv Excel opens). */
export function overviewCsv(plan: LetterPlan, files: readonly LetterFileName[]): string {
  const names = new Map(files.map((f) => [f.debtorId, f.name]));
  const noAddress = new Set(plan.withoutAddress);
  return csvText([
    ['Debitor', 'Brev', 'Bemærkning'],
    ...plan.letters.map((l) => [l.debtorId, names.get(l.debtorId) ?? 'ja', noAddress.has(l.debtorId) ? 'Brevet har ingen adresse: send det digitalt, eller find adressen før print.' : '']),
    ...plan.skipped.map((s) => [s.debtorId, 'intet brev', s.reason]),
  ]);
}

/** The forældede claims left out of the letters, for the caseworker (the kommune decides). */
export function caseworkerCsv(plan: LetterPlan): string {
  return csvText([['Debitor', 'Fordring', 'Beløb', 'Forældet – grundlag'], ...plan.forCaseworker.map((c) => [c.debtorId, c.claimId, formatKroner(c.amount), c.reason])]);
}
