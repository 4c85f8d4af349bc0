/**
 * Claim types (fordringstyper) and what the rules say about each. The attributes drive fee
 * caps (udpantningsret), henstand warnings, the rykker procedure (medhæftere) and limitation.
 */
import type { Sourced } from './sourced.js';

export const CLAIM_TYPES = [
  'daginstitution',
  'ejendomsskat',
  'underholdsbidrag',
  'boligstøtte',
  'kontanthjælp',
  'renovation',
  'andet',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface ClaimTypeRule {
  /** Danish label for people. */
  label: string;
  /** Public claim with udpantningsret: gebyrloven's fee cap (250 kr.) applies, else renteloven § 9 b (100 kr.). */
  udpantningsret: boolean;
  /** Henstand on running payments is normally granted (opkrævningspolitik: not for ejendomsskat, daginstitution, underholdsbidrag). */
  henstandNormallyAllowed: boolean;
  /** Others may be liable and get their own rykkere (opkrævningspolitik: e.g. daginstitution, boligstøtte). */
  medhaeftere: boolean;
  /** A tilbagebetalingskrav whose afdrag follows the betalingsevne table, with mandatory henstand for kontanthjælp-type recipients. */
  tilbagebetalingskrav: boolean;
  /** Limitation in years (forældelsesloven § 3; 10 with dom/forlig/skriftlig anerkendelse, § 5). */
  limitationYears: number;
  /** Order of coverage between claim types: lower first; equal priorities fall back to oldest due date. */
  priority: number;
}

const POLICY = 'Opkrævningspolitik (seeds/004): henstand gives som udgangspunkt ikke for løbende betalinger af ejendomsskat, daginstitution og underholdsbidrag; medhæftere f.eks. daginstitution og boligstøtte';

export const defaultClaimTypes: Sourced<Record<ClaimType, ClaimTypeRule>> = {
  value: {
    daginstitution: { label: 'Daginstitution (forældrebetaling)', udpantningsret: true, henstandNormallyAllowed: false, medhaeftere: true, tilbagebetalingskrav: false, limitationYears: 3, priority: 0 },
    ejendomsskat: { label: 'Ejendomsskat', udpantningsret: true, henstandNormallyAllowed: false, medhaeftere: false, tilbagebetalingskrav: false, limitationYears: 3, priority: 0 },
    underholdsbidrag: { label: 'Underholdsbidrag', udpantningsret: true, henstandNormallyAllowed: false, medhaeftere: false, tilbagebetalingskrav: false, limitationYears: 3, priority: 0 },
    boligstøtte: { label: 'Boligstøtte (tilbagebetaling)', udpantningsret: true, henstandNormallyAllowed: true, medhaeftere: true, tilbagebetalingskrav: true, limitationYears: 3, priority: 0 },
    kontanthjælp: { label: 'Kontanthjælp (tilbagebetalingskrav)', udpantningsret: true, henstandNormallyAllowed: true, medhaeftere: false, tilbagebetalingskrav: true, limitationYears: 3, priority: 0 },
    renovation: { label: 'Renovation (affaldsgebyr)', udpantningsret: true, henstandNormallyAllowed: true, medhaeftere: false, tilbagebetalingskrav: false, limitationYears: 3, priority: 0 },
    andet: { label: 'Andet (civilretligt krav)', udpantningsret: false, henstandNormallyAllowed: true, medhaeftere: false, tilbagebetalingskrav: false, limitationYears: 3, priority: 0 },
  },
  source: `${POLICY}; BEK 585/2023 og Ankestyrelsen 2/2018 (tilbagebetalingskrav, betalingsevnetabel, obligatorisk henstand); forældelsesloven §§ 3, 5`,
  checked: '2026-11-23',
  status: 'unverified',
  note: 'Henstand og medhæftere er verificeret i opkrævningspolitikken. Udpantningsret pr. fordringstype er IKKE verificeret ved kilden: kommunen skal bekræfte den (den afgør om gebyrloven eller renteloven § 9 b gælder).',
};
