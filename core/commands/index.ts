/**
 * The one typed command map (STYLE: Actual Budget's pattern). The CLI, the custom functions and
 * the task pane call core through it, so argument and result types have a single source: each
 * command takes its typed input (core/commands/inputs.ts, the JSON contract) and returns domain
 * values (øre, calendar dates). Kroner and JSON are made at the edge by `toJson`, applied only by
 * the CLI's writer and batch JSON.
 */
import type { RuleSet } from '../rules/ruleSet.js';
import type { FollowupOfTablesInput } from './followup.js';
import type { MeasureInput } from './measure.js';
import type { FollowupInput } from './inputs.js';
import type { CampaignInput } from './campaign.js';
import type { Campaign } from '../portfolio/campaign.js';
import { analysisToJson, statementToJson } from '../ledger/ledgerJson.js';
import type { Analysis } from '../ledger/analyse.js';
import type { Statement } from '../ledger/statement.js';
import { analyse, statements } from './ledger.js';
import { campaignModule, ledgerCommands, portfolioModule } from './ledgerJobs.js';
import type { Worklist } from '../portfolio/worklist.js';
import type { LimitationRadar } from '../portfolio/limitationRadar.js';
import type { Funnel } from '../portfolio/funnel.js';
import type { FunnelInput, LimitationInput } from './inputs.js';
import { agreementCommands, agreementToJson } from './agreements.js';
import { guarded } from './batch.js';
import * as cells from './cells.js';
import { agreementLetterOf, henstandLetterOf, statementLetters } from './letters.js';

export type * from './inputs.js';
export type { AgreementLetterInput, CaseLetter, CaseParty, HenstandLetterInput, KommuneSettings, LetterPlan, StatementLettersInput } from './letters.js';
export type { BankingDayInput, BetalingsevneInput, GoalStatusInput, Needed, NeededInput, SampleInput, SampleSizeInput, SampleStatusInput, YearToDateInput } from './cells.js';
export type { SampleInterval } from '../followup/sample.js';
export type { Need } from '../followup/needed.js';
export type { MeasureInput } from './measure.js';
export type { AgreementHenstand } from '../henstand/agreementHenstand.js';
export type { ClaimHenstand } from '../henstand/claimHenstand.js';
export type { Schedule } from '../schedule/schedule.js';
export type { StatusOnDate } from '../status/statusInput.js';
export type { Followup, Status as GoalStatus } from '../followup/followup.js';
export type { Statement } from '../ledger/statement.js';
export type { Worklist } from '../portfolio/worklist.js';
export type { Analysis } from '../ledger/analyse.js';
export type { LimitationRadar } from '../portfolio/limitationRadar.js';
export type { Funnel, FunnelFigures, FunnelRow, FunnelStage } from '../portfolio/funnel.js';
export type { FunnelOfRowsInput, FunnelPeriodPlaces, LimitationRowsInput } from './portfolio.js';
export type { RunningAgreementsRowsInput, WorklistOfRowsInput } from './worklist.js';
export type { RunningAgreements } from '../portfolio/runningAgreements.js';
import type { RunningAgreements } from '../portfolio/runningAgreements.js';
export type { AgreementNote } from '../letters/letterContent.js';
export type { CampaignInput, CampaignOfRowsInput } from './campaign.js';
export type { Campaign } from '../portfolio/campaign.js';
export { costOf } from '../portfolio/campaignCost.js';

// The goals' measures are parsed by mathjs (≈ 100 KB gzipped, ≈ 0,7 s to load in Node): the
// commands that read one load it on first use, so the cell functions, the task pane's other pages
// and the CLI's other commands start without it (issues 19 and 22).
const followupModule = () => import('./followup.js');
const measureModule = () => import('./measure.js');

export const commands = {
  // plan, henstand, status (./agreements.ts: the part the CLI's quick commands import alone).
  ...agreementCommands,
  followup: guarded(async (input: FollowupInput, rules: RuleSet) => (await followupModule()).followup(input, rules)),
  statements: guarded(statements),
  analyse: guarded(analyse),
  campaign: guarded(async (input: CampaignInput, rules: RuleSet) => (await campaignModule()).campaign(input, rules)),
  limitation: guarded(async (input: LimitationInput, rules: RuleSet) => (await portfolioModule()).limitation(input, rules)),
  funnel: guarded(async (input: FunnelInput, rules: RuleSet) => (await portfolioModule()).funnel(input, rules)),
  // The task pane's sheets and tables: rows as Excel gives them, not JSON (the ledger worker's, ./ledgerJobs.ts).
  ...ledgerCommands,
  followupOfTables: async (input: FollowupOfTablesInput, rules: RuleSet) => (await followupModule()).followupOfTables(input, rules),
  // The scalar cell functions' commands (core/commands/cells.ts).
  nextBankingDay: cells.nextBankingDay,
  bankingDay: cells.bankingDay,
  bankingDays: cells.bankingDays,
  betalingsevne: cells.betalingsevne,
  goalStatus: cells.goalStatus,
  yearToDate: cells.yearToDate,
  sampleInterval: cells.sampleInterval,
  sampleStatus: cells.sampleStatus,
  sampleSize: cells.sampleSize,
  needed: cells.needed,
  measure: async (input: MeasureInput, rules: RuleSet) => (await measureModule()).measure(input, rules),
  debtorBalance: cells.debtorBalance,
  debtorStatement: cells.debtorStatement,
  // Letters (core/commands/letters.ts): their content; PDF and Word are made by letters/.
  statementLetters,
  agreementLetter: agreementLetterOf,
  henstandLetter: henstandLetterOf,
};

export type CommandName = keyof typeof commands;
export type CommandInput<C extends CommandName> = Parameters<(typeof commands)[C]>[0];
export type CommandOutput<C extends CommandName> = ReturnType<(typeof commands)[C]>;

const same = <T>(value: T): T => value;

/**
 * Each command's result as the contract's JSON (kroner, ISO dates): for the CLI's writer and batch
 * JSON only. A command that loads on first use gives its JSON as a promise too (its converter is
 * in the same chunk); `toJson` takes the awaited result.
 */
export const toJson = {
  ...agreementToJson,
  followup: same,
  // The statement's and the analysis's texts were shown (masked or not) by the command: only amounts change here.
  statements: (s: Statement) => statementToJson(s),
  analyse: (a: Analysis) => analysisToJson(a),
  limitation: async (r: LimitationRadar) => (await portfolioModule()).limitationRadarToJson(r),
  statementsOfRows: (of: (rows: Iterable<readonly unknown[]>) => Statement) => (rows: Iterable<readonly unknown[]>) => statementToJson(of(rows)),
  analyseRows: (of: (rows: Iterable<readonly unknown[]>) => Analysis) => (rows: Iterable<readonly unknown[]>) => analysisToJson(of(rows)),
  campaign: async (c: Campaign) => (await campaignModule()).campaignToJson(c),
  worklistOfRows: (of: (rows: Iterable<readonly unknown[]>) => Worklist) => async (rows: Iterable<readonly unknown[]>) => (await portfolioModule()).worklistToJson(of(rows)),
  runningAgreementsOfRows: (of: (rows: Iterable<readonly unknown[]>) => RunningAgreements) => async (rows: Iterable<readonly unknown[]>) => (await portfolioModule()).runningAgreementsToJson(of(rows)),
  limitationOfRows: (of: (rows: Iterable<readonly unknown[]>) => LimitationRadar) => async (rows: Iterable<readonly unknown[]>) => (await portfolioModule()).limitationRadarToJson(of(rows)),
  funnel: async (f: Funnel) => (await portfolioModule()).funnelToJson(f),
  funnelOfRows: (of: (rows: Iterable<readonly unknown[]>) => Funnel) => async (rows: Iterable<readonly unknown[]>) => (await portfolioModule()).funnelToJson(of(rows)),
  campaignOfRows: (of: (rows: Iterable<readonly unknown[]>) => Campaign) => async (rows: Iterable<readonly unknown[]>) => (await campaignModule()).campaignToJson(of(rows)),
  followupOfTables: same,
  nextBankingDay: same,
  bankingDay: same,
  bankingDays: same,
  betalingsevne: same,
  goalStatus: same,
  yearToDate: same,
  sampleInterval: same,
  sampleStatus: same,
  sampleSize: same,
  needed: same,
  measure: same,
  debtorBalance: same,
  debtorStatement: same,
  statementLetters: same,
  agreementLetter: same,
  henstandLetter: same,
} satisfies { [C in CommandName]: (out: Awaited<CommandOutput<C>>) => unknown };

/**
 * Runs a command on parsed JSON. The commands check every value at run time, so JSON that only
 * claims to be a `CommandInput` is refused there, in Danish, naming the field: this (and, for the
 * agreement commands alone, `runAgreementOnJson` in ./agreements.ts) is where an unknown value is
 * handed to a typed command.
 */
export function runOnJson<C extends CommandName>(name: C, input: unknown, rules: RuleSet): CommandOutput<C> {
  const run = commands[name] as (input: unknown, rules: RuleSet) => CommandOutput<C>;
  return run(input, rules);
}

export { isBatchError, runBatch, type BatchError, type BatchItem } from './batch.js';
