/**
 * How a ribbon button asks the task pane to show a page (shared runtime: the commands script and
 * the task pane run in one page, each bundled on its own).
 *
 * A click can come before the task pane has mounted (the click is what started the runtime), and
 * an event nobody listens to is lost. So the request is also kept on the page's global object —
 * not in a module variable, which each bundle would have a copy of — and the task pane takes it
 * when it mounts.
 */

/** The event a ribbon button sends to the task pane to show a page. */
export const NAVIGATE_EVENT = 'saldo:navigate';

export type PageId = 'betalingsaftale' | 'henstand' | 'status' | 'opfoelgning' | 'saldoopgoerelse' | 'analyse' | 'arbejdsliste' | 'tragt' | 'foraeldelse' | 'kampagne' | 'regler';

/** Where the last request waits for a task pane that has not mounted yet. */
const PENDING = Symbol.for('saldo.requestedPage');

type WithPending = typeof globalThis & { [PENDING]?: PageId };

/** Asks the task pane to show `page`: now, if it listens, and when it mounts, if it does not yet. */
export function requestPage(page: PageId): void {
  (globalThis as WithPending)[PENDING] = page;
  window.dispatchEvent(new CustomEvent<PageId>(NAVIGATE_EVENT, { detail: page }));
}

/** The page last asked for, once: the next call returns null until a new request. */
export function takeRequestedPage(): PageId | null {
  const g = globalThis as WithPending;
  const page = g[PENDING] ?? null;
  delete g[PENDING];
  return page;
}
