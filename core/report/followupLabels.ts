/**
 * The follow-up's tables and labels for a front end: a goals table and a counts table to write
 * as a template (the inverse of reading them), the months' Danish names and how a value is
 * shown. They describe tables, so a task pane page takes them from here, not from core/followup.
 */
// judge.ts, not followup.ts: no measures' parser (mathjs) comes with a label.
export { shown, statusWord } from '../followup/judge.js';
export { countsToTable } from '../followup/countsTable.js';
export { goalsToTable, goalTableFormats } from '../followup/goalsTable.js';
export { MONTHS } from '../followup/tableCells.js';
