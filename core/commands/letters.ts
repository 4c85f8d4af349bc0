/**
 * Letters as commands (issue 18), so the task pane reaches them through the command map like
 * everything else: the year's saldoopgørelse letters of a statement (CPR masked, as letters to
 * citizens always are unless the CLI is told otherwise), the confirmation of a betalingsaftale
 * and the decision on henstand. What each letter says is decided in core/letters.
 */
import { agreementHenstand } from '../henstand/agreementHenstand.js';
import { parseHenstand } from '../henstand/henstandTerms.js';
import { showStatement } from '../ledger/shownTexts.js';
import type { Statement } from '../ledger/statement.js';
import { agreementLetter, henstandLetter, type CaseLetter, type CaseParty } from '../letters/decisionLetters.js';
import { lettersFor, type AgreementNote, type LetterPlan, type LetterSettings } from '../letters/letterContent.js';
import { letterSettingsOf, type KommuneSettings } from '../letters/settings.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Schedule } from '../schedule/schedule.js';
import type { Frequency } from '../schedule/planInput.js';
import type { HenstandInput } from './inputs.js';

export type { CaseLetter, CaseParty } from '../letters/decisionLetters.js';
export type { LetterPlan } from '../letters/letterContent.js';
export type { KommuneSettings } from '../letters/settings.js';

export interface StatementLettersInput {
  statement: Statement;
  settings: KommuneSettings;
  /** The day the letters are written, YYYY-MM-DD. */
  date: string;
  /** Only these debitors (none given: all). */
  only?: readonly string[];
  /** Running, kept agreements by debtor (from the register): their claims follow the agreement. */
  agreements?: ReadonlyMap<string, AgreementNote>;
}

/** The letters of a statement, CPR masked; debitors asked for that the statement lacks are named. */
export function statementLetters(input: StatementLettersInput, rules: RuleSet): { plan: LetterPlan; unknown: string[]; year: number; settings: LetterSettings & { sender?: string } } {
  const only = input.only && input.only.length > 0 ? new Set(input.only) : undefined;
  const known = new Set(input.statement.debtors.map((d) => d.debtorId));
  const shown = showStatement(only ? { ...input.statement, debtors: input.statement.debtors.filter((d) => only.has(d.debtorId)) } : input.statement, { maskCpr: true });
  const settings = letterSettingsOf(input.settings, input.date);
  return {
    plan: lettersFor(shown, settings, rules, { showCpr: true, ...(input.agreements ? { agreements: input.agreements } : {}) }),
    unknown: only ? [...only].filter((id) => !known.has(id)) : [],
    year: input.statement.year,
    settings,
  };
}

export interface AgreementLetterInput {
  schedule: Schedule;
  frequency: Frequency;
  /** The claim types of the agreement (what a missed rate leads to depends on them). */
  types: readonly string[];
  party: CaseParty;
  settings: KommuneSettings;
  date: string;
}

export function agreementLetterOf(input: AgreementLetterInput, rules: RuleSet): CaseLetter {
  return agreementLetter(input.schedule, input.frequency, input.types, input.party, letterSettingsOf(input.settings, input.date), rules);
}

export interface HenstandLetterInput {
  /** The henstand as the `henstand` command takes it. */
  henstand: HenstandInput;
  /** The caseworker's grounds for the decision. */
  grounds: string;
  party: CaseParty;
  settings: KommuneSettings;
  date: string;
}

export function henstandLetterOf(input: HenstandLetterInput, rules: RuleSet): CaseLetter {
  const h = agreementHenstand(input.henstand, rules);
  const terms = parseHenstand(input.henstand.henstand, input.henstand.interestDuringHenstand);
  return henstandLetter(h, terms, input.grounds, input.party, letterSettingsOf(input.settings, input.date));
}
