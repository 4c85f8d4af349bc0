/** Workbooks for the portfolio commands (issue 20), described by core/report: the work list and the campaign follow-up. */
import type { Campaign } from '../../core/portfolio/campaign.js';
import type { Worklist } from '../../core/portfolio/worklist.js';
import { campaignSheets } from '../../core/report/campaignSheets.js';
import { worklistSheets } from '../../core/report/worklistSheets.js';
import { addSheet, streamedBook } from './book.js';

/** "Arbejdsliste" with filters and the state coloured, and the agreements and rows that could not be read. */
export function worklistWorkbook(w: Worklist): Promise<Uint8Array> {
  return streamedBook((book) => {
    for (const sheet of worklistSheets(w)) addSheet(book, sheet);
  });
}

/** "Kampagne uger", "Kampagne sagsbehandlere" and "Kampagne effekt", with filters and kr. formats, then the rows that could not be read. */
export function campaignWorkbook(c: Campaign): Promise<Uint8Array> {
  return streamedBook((book) => {
    for (const sheet of campaignSheets(c)) addSheet(book, sheet);
  });
}
