/**
 * The ribbon's page buttons (manifest ExecuteFunction actions): each opens the task pane on its
 * page. The tab's first button, "Åbn Saldo", is a ShowTaskpane action that needs no code here.
 *
 * The actions are associated at the top level of this module, and webpack.config.js loads this
 * script first in taskpane.html: Excel may run an action as soon as the page starts (the click
 * that started the runtime), and an action associated later — inside Office.onReady, or in a
 * script behind the task pane's bundle — is not there yet, so the first click did nothing.
 * office.js is loaded before every bundle (a plain script in the page's head), so `Office.actions`
 * exists here.
 *
 * `Office.addin.showAsTaskpane` works for centrally deployed and sideloaded add-ins (Saldo is
 * deployed centrally, docs/deployment.md), but Microsoft ignores it for add-ins published in the
 * Marketplace; the ShowTaskpane button opens the pane there too, and shows the page asked for last.
 */
import { requestPage, type PageId } from '../shared/navigation.js';

/** The manifest's ExecuteFunction actions (<FunctionName>) and the page each opens. */
export const PAGE_ACTIONS = {
  openBetalingsaftale: 'betalingsaftale',
  openHenstand: 'henstand',
  openStatus: 'status',
  openOpfoelgning: 'opfoelgning',
  openSaldoopgoerelse: 'saldoopgoerelse',
  openAnalyse: 'analyse',
  openArbejdsliste: 'arbejdsliste',
  openTragt: 'tragt',
  openForaeldelse: 'foraeldelse',
  openKampagne: 'kampagne',
  openRegler: 'regler',
} as const satisfies Record<string, PageId>;

/** A ribbon action: asks for the page first (a pane still starting shows it when it mounts), then shows the pane. */
export function opener(page: PageId): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      requestPage(page);
      await Office.addin.showAsTaskpane();
    } finally {
      // Excel waits for completed() (up to 5 minutes) before the button works again.
      event.completed();
    }
  };
}

for (const [action, page] of Object.entries(PAGE_ACTIONS)) Office.actions.associate(action, opener(page));
