/**
 * The rules every page computes with: the shipped defaults, or the workbook's own `Saldo-regler`
 * sheet where it has one. Pages read them with `useRules()`, never `defaultRules` directly, so a
 * fee a controller changed in the sheet is the fee every page shows.
 */
import { createContext, useContext } from 'react';
import { defaultRules, type RuleSet } from '../../core/rules/ruleSet.js';

export const RulesContext = createContext<RuleSet>(defaultRules);

export const useRules = (): RuleSet => useContext(RulesContext);
