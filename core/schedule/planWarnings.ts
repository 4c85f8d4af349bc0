/**
 * Warnings on a plan: they do not block, but a front end must show them. A betalingsevne table
 * is never applied silently to another year than the agreement's (SPEC "plan").
 */
import { danishDate } from '../calendar/date.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { PlanTerms } from './planInput.js';

export interface PlanWarning {
  code: 'BETALINGSEVNE_ÅR';
  message: string;
}

export function planWarnings(terms: PlanTerms, rules: RuleSet): PlanWarning[] {
  const { mode } = terms;
  if (mode.kind !== 'paymentCapacity') return [];
  const agreementYear = Number(terms.startDate.slice(0, 4));
  if (mode.year === agreementYear) return [];
  const own = Object.hasOwn(rules.betalingsevne, String(agreementYear));
  const advice = own
    ? `Reglerne har tabellen for ${agreementYear}: vælg den.`
    : `Indlæs tabellen for ${agreementYear} som regelfil, når Gældsstyrelsen har offentliggjort den, eller skriv i sagen, hvorfor ${mode.year}-tabellen bruges.`;
  return [
    {
      code: 'BETALINGSEVNE_ÅR',
      message: `Betalingsevnetabellen for ${mode.year} bruges til en aftale fra ${agreementYear} (aftaledato ${danishDate(terms.startDate)}). ${advice}`,
    },
  ];
}
