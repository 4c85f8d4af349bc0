/**
 * The commands a ledger job runs (the task pane's worker: statements, analyses, work lists,
 * funnels, forældelse radars, campaigns, running agreements), apart from the whole command map:
 * the worker imports these only, so the follow-up's expression engine (mathjs) and the other
 * commands are no part of what a page may load with the worker (the page budget, issue 3).
 */
import type { RuleSet } from '../rules/ruleSet.js';
import type { CampaignOfRowsInput } from './campaign.js';
import { analyseRows, statementsOfRows } from './ledger.js';
import type { FunnelOfRowsInput, LimitationRowsInput } from './portfolio.js';
import type { RunningAgreementsRowsInput, WorklistOfRowsInput } from './worklist.js';

// The campaign follow-up (the CLI's campaign, the task pane's Kampagne page): loaded on first use, not at the pane's start.
export const campaignModule = () => import('./campaign.js');
// The portfolio commands (work list, forældelse radar, opkrævningstragt) and their JSON: a chunk
// of their own too, loaded by the pages and CLI commands that use them, not at the pane's start.
export const portfolioModule = () => import('./portfolio.js');

export const ledgerCommands = {
  statementsOfRows,
  analyseRows,
  worklistOfRows: async (input: WorklistOfRowsInput, rules: RuleSet) => (await portfolioModule()).worklistOfRows(input, rules),
  runningAgreementsOfRows: async (input: RunningAgreementsRowsInput, rules: RuleSet) => (await portfolioModule()).runningAgreementsOfRows(input, rules),
  limitationOfRows: async (input: LimitationRowsInput, rules: RuleSet) => (await portfolioModule()).limitationOfRows(input, rules),
  funnelOfRows: async (input: FunnelOfRowsInput, rules: RuleSet) => (await portfolioModule()).funnelOfRows(input, rules),
  campaignOfRows: async (input: CampaignOfRowsInput, rules: RuleSet) => (await campaignModule()).campaignOfRows(input, rules),
};
