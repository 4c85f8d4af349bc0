/**
 * The Web Worker that computes statements, analyses, work lists, funnels, forældelse radars and
 * campaign follow-ups for the task pane (./ledgerJob.ts): no
 * Office.js here, only core. Served from the add-in's own origin, as the page's
 * Content-Security-Policy allows ('self').
 */
import { answerInPieces, ledgerWorkerSide, type FromWorker, type ToWorker } from './ledgerJob.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const side = ledgerWorkerSide();
scope.onmessage = (event) => {
  // Answered in order: only a start waits (for code loaded on first use), and nothing is sent before its answer.
  void side(event.data).then((answer) => {
    if (answer) for (const message of answerInPieces(answer)) scope.postMessage(message);
  });
};
