/**
 * Policy warnings for a henstand: they name a conflict, they do not block (SPEC "henstand").
 * - Henstand is as a rule not granted on running payments of ejendomsskat, daginstitution and
 *   underholdsbidrag (opkrævningspolitikken).
 * - For tilbagebetalingskrav, henstand is mandatory for recipients of kontanthjælp-type benefits
 *   (BEK 585/2023; Ankestyrelsen 2/2018; research/domain-law.md § 1c).
 */
import { claimTypeRule, type ClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';

export type WarningCode = 'HENSTAND_MOD_POLITIK' | 'HENSTAND_OBLIGATORISK' | 'HENSTAND_UDEN_VIRKNING' | 'NEDSAT_YDELSE_IKKE_LAVERE' | 'BETALINGSEVNE_ÅR';

export interface HenstandWarning {
  code: WarningCode;
  message: string;
  /** The claims the warning is about. */
  claims: string[];
}

export function henstandPolicyWarnings(claims: ReadonlyArray<{ id: string; type: ClaimType }>, rules: RuleSet): HenstandWarning[] {
  const type = (c: { type: ClaimType }) => claimTypeRule(rules.claimTypes.value, c.type);
  const warnings: HenstandWarning[] = [];
  const against = claims.filter((c) => !type(c).henstandNormallyAllowed);
  if (against.length > 0) {
    const labels = [...new Set(against.map((c) => type(c).label.toLowerCase()))].join(', ');
    warnings.push({
      code: 'HENSTAND_MOD_POLITIK',
      message: `Efter opkrævningspolitikken gives der som udgangspunkt ikke henstand med løbende betalinger af ${labels} – kun under særlige omstændigheder. Begrund afgørelsen.`,
      claims: against.map((c) => c.id),
    });
  }
  const mandatory = claims.filter((c) => type(c).tilbagebetalingskrav);
  if (mandatory.length > 0) {
    warnings.push({
      code: 'HENSTAND_OBLIGATORISK',
      message:
        'Tilbagebetalingskrav: modtager borgeren kontanthjælp, uddannelseshjælp, integrationsydelse, ressourceforløbsydelse eller kontantydelse, skal der gives henstand (BEK 585/2023; Ankestyrelsen 2/2018).',
      claims: mandatory.map((c) => c.id),
    });
  }
  return warnings;
}
