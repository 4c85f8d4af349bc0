/**
 * The rules of the open workbook, shared by the task pane and the custom functions. Both run in
 * one shared runtime (manifest.xml: SharedRuntime 1.1, one page, taskpane.html), but webpack
 * builds them as separate entries, each with its own copy of this module: the rules are kept on
 * the runtime's global object under a registered symbol, which both copies find (the pattern of
 * Microsoft's "excel-shared-runtime-global-state" sample). Until the task pane has read the
 * workbook's `Saldo-regler` sheet, the shipped rules apply.
 */
import { defaultRules, type RuleSet } from '../../core/rules/ruleSet.js';

const KEY = Symbol.for('saldo.workbookRules');

interface Holder {
  [KEY]?: RuleSet;
}

/** The rules every custom function computes with. */
export function workbookRules(): RuleSet {
  return (globalThis as Holder)[KEY] ?? defaultRules;
}

/** Set by the task pane's rules loader each time it reads the sheet. */
export function setWorkbookRules(rules: RuleSet): void {
  (globalThis as Holder)[KEY] = rules;
}
