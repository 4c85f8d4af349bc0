/**
 * What the task pane needs of the ledger mapping (core/ledger/ledgerMapping.ts): the sheet's
 * layout, checking new rows against it, what a header lacks, and the unknown kinds of a run. The
 * pane calls core through core/commands only (issue 16), so it comes through here.
 */
export { headerGaps, MAPPING_HEADER, mappingFromRows, mappingOf, unknownKindCounts, unknownKindsText } from '../ledger/ledgerMapping.js';
export { FIELD_NAMES, POSTING_KINDS } from '../ledger/posting.js';
export type { LedgerField, RowError } from '../ledger/posting.js';
