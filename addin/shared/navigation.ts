/** The event a ribbon button sends to the task pane to show a page (shared runtime). */
export const NAVIGATE_EVENT = 'saldo:navigate';

export type PageId = 'betalingsaftale' | 'henstand' | 'status' | 'opfoelgning' | 'saldoopgoerelse' | 'analyse' | 'regler';
