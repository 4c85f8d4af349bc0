/**
 * The rules every page computes with: the shipped defaults, or the workbook's own `Saldo-regler`
 * sheet where it has one. Pages read them with `useRules()`, never `defaultRules` directly, so a
 * fee a controller changed in the sheet is the fee every page shows. `RulesProvider` reads the
 * sheet when the task pane starts, again when the sheet changes (where Excel reports changes)
 * and on the Regler page's "Genindlæs"; it hands the same rules to the custom functions
 * (addin/shared/workbookRules.ts) and has Excel recalculate them when the rules changed.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { readRulesSheet, type RulesSheetProblem } from '../../core/rules/rulesSheet.js';
import { defaultRules, type RuleSet } from '../../core/rules/ruleSet.js';
import { followRulesSheet, readRulesSheetCells, recalculateFunctions } from '../excel/rulesSheet.js';
import { setWorkbookRules } from '../shared/workbookRules.js';

export const RulesContext = createContext<RuleSet>(defaultRules);

export const useRules = (): RuleSet => useContext(RulesContext);

export interface WorkbookRules {
  /** `loading` until first read; `defaults` without a sheet; `sheet` when read from it; `failed` when Excel could not be read. */
  state: 'loading' | 'defaults' | 'sheet' | 'failed';
  rules: RuleSet;
  problems: RulesSheetProblem[];
  changed: string[];
  /** Why the sheet could not be read (state `failed`). */
  error?: string;
  /** Reads the sheet again. */
  reload(): Promise<void>;
}

const initial: WorkbookRules = { state: 'loading', rules: defaultRules, problems: [], changed: [], reload: async () => undefined };
export const WorkbookRulesContext = createContext<WorkbookRules>(initial);
export const useWorkbookRules = (): WorkbookRules => useContext(WorkbookRulesContext);

export function RulesProvider({ children }: { children: ReactNode }): ReactElement {
  const [current, setCurrent] = useState<Omit<WorkbookRules, 'reload'>>(initial);
  const rulesRef = useRef<RuleSet>(defaultRules);

  const reload = useCallback(async () => {
    let next: Omit<WorkbookRules, 'reload'>;
    try {
      const sheet = await readRulesSheetCells();
      if (sheet === null) next = { state: 'defaults', rules: defaultRules, problems: [], changed: [] };
      else next = { state: 'sheet', ...readRulesSheet(sheet.values, { base: defaultRules, firstRow: sheet.row, firstColumn: sheet.column }) };
    } catch (e) {
      // The shipped rules stay in force, and the page says why the sheet was not read.
      next = { state: 'failed', rules: defaultRules, problems: [], changed: [], error: (e as Error).message };
    }
    const before = rulesRef.current;
    rulesRef.current = next.rules;
    setWorkbookRules(next.rules);
    setCurrent(next);
    if (JSON.stringify(before) !== JSON.stringify(next.rules)) {
      try {
        await recalculateFunctions();
      } catch (e) {
        setCurrent({ ...next, error: (e as Error).message });
      }
    }
  }, []);

  useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void reload();
    // A burst of edits (a pasted table) is read once, half a second after the last.
    followRulesSheet(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 500);
    })
      .then((remove) => {
        if (live) stop = remove;
        else void remove?.();
      })
      .catch(() => undefined); // without change events the Regler page's "Genindlæs" reads the sheet
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.();
    };
  }, [reload]);

  return (
    <WorkbookRulesContext.Provider value={{ ...current, reload }}>
      <RulesContext.Provider value={current.rules}>{children}</RulesContext.Provider>
    </WorkbookRulesContext.Provider>
  );
}
