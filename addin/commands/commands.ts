/**
 * Ribbon buttons (manifest ExecuteFunction actions). In the shared runtime they open the one
 * task pane and ask it to show a page; the task pane listens for the `saldo:navigate` event.
 */
import { NAVIGATE_EVENT } from '../shared/navigation.js';

function opener(page: string) {
  return async (event: Office.AddinCommands.Event) => {
    try {
      await Office.addin.showAsTaskpane();
      window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: page }));
    } finally {
      event.completed();
    }
  };
}

void Office.onReady(() => {
  Office.actions.associate('openBetalingsaftale', opener('betalingsaftale'));
  Office.actions.associate('openHenstand', opener('henstand'));
  Office.actions.associate('openStatus', opener('status'));
  Office.actions.associate('openOpfoelgning', opener('opfoelgning'));
  Office.actions.associate('openSaldoopgoerelse', opener('saldoopgoerelse'));
  Office.actions.associate('openAnalyse', opener('analyse'));
  Office.actions.associate('openRegler', opener('regler'));
});
