/**
 * A second thread for `--letters DIR` (issue 18): it draws its share of the per-recipient PDFs
 * while the main thread draws the rest and alle.pdf. A PDF each is independent work, about 14 ms,
 * so two cores make the folder in a little over half the time. Each PDF is posted as soon as it
 * is drawn (its bytes moved, not copied) and written by the main thread, so neither holds them all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LetterDocument } from '../letters/blocks.js';
import { eachRecipientPdf } from '../letters/letterFiles.js';
import type { LetterFonts } from '../letters/pdf/renderPdf.js';

export interface LetterWorkerData {
  docs: LetterDocument[];
  /** The number of the first letter here in the whole run (file names count on from it). */
  first: number;
  fonts: LetterFonts;
  author: string;
}

const data = workerData as LetterWorkerData;
try {
  await eachRecipientPdf(data.docs, { fonts: data.fonts, author: data.author }, data.first, (file) => {
    parentPort!.postMessage({ file }, [file.bytes.buffer as ArrayBuffer]);
  });
  parentPort!.postMessage({ done: true });
} catch (e) {
  parentPort!.postMessage({ failure: (e as Error).message });
}
