/**
 * The Web Worker that computes statements and analyses for the task pane (./ledgerJob.ts): no
 * Office.js here, only core. Served from the add-in's own origin, as the page's
 * Content-Security-Policy allows ('self').
 */
import { ledgerWorkerSide, type FromWorker, type ToWorker } from './ledgerJob.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const side = ledgerWorkerSide();
scope.onmessage = (event) => {
  const answer = side(event.data);
  if (answer) scope.postMessage(answer);
};
