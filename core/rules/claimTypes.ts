/**
 * Claim types (fordringstyper) and what the rules say about each. The attributes drive fee
 * caps (udpantningsret), henstand warnings, the rykker procedure (medhæftere) and limitation.
 */
import type { Sourced } from './sourced.js';

export const CLAIM_TYPES = ['daginstitution', 'ejendomsskat', 'underholdsbidrag', 'boligstøtte', 'kontanthjælp', 'renovation', 'andet'] as const;
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
  /**
   * How many rykkere per claim may carry a fee: null = what the fee rule allows; 0 = none
   * (boligstøtte); 1 = one (Udbetaling Danmark, lov om Udbetaling Danmark § 30).
   */
  feeLetters: number | null;
}

const POLICY =
  'Opkrævningspolitik (seeds/004): henstand gives som udgangspunkt ikke for løbende betalinger af ejendomsskat, daginstitution og underholdsbidrag; medhæftere f.eks. daginstitution og boligstøtte';

export const defaultClaimTypes: Sourced<Record<ClaimType, ClaimTypeRule>> = {
  value: {
    daginstitution: {
      label: 'Daginstitution (forældrebetaling)',
      udpantningsret: true,
      henstandNormallyAllowed: false,
      medhaeftere: true,
      tilbagebetalingskrav: false,
      limitationYears: 3,
      priority: 0,
      feeLetters: null,
    },
    ejendomsskat: { label: 'Ejendomsskat', udpantningsret: true, henstandNormallyAllowed: false, medhaeftere: false, tilbagebetalingskrav: false, limitationYears: 3, priority: 0, feeLetters: null },
    underholdsbidrag: {
      label: 'Underholdsbidrag',
      udpantningsret: true,
      henstandNormallyAllowed: false,
      medhaeftere: false,
      tilbagebetalingskrav: false,
      limitationYears: 3,
      priority: 0,
      feeLetters: 1,
    },
    boligstøtte: {
      label: 'Boligstøtte (tilbagebetaling)',
      udpantningsret: true,
      henstandNormallyAllowed: true,
      medhaeftere: true,
      tilbagebetalingskrav: true,
      limitationYears: 3,
      priority: 0,
      feeLetters: 0,
    },
    kontanthjælp: {
      label: 'Kontanthjælp (tilbagebetalingskrav)',
      udpantningsret: false,
      henstandNormallyAllowed: true,
      medhaeftere: false,
      tilbagebetalingskrav: true,
      limitationYears: 3,
      priority: 0,
      feeLetters: null,
    },
    renovation: {
      label: 'Renovation (affaldsgebyr)',
      udpantningsret: true,
      henstandNormallyAllowed: true,
      medhaeftere: false,
      tilbagebetalingskrav: false,
      limitationYears: 3,
      priority: 0,
      feeLetters: null,
    },
    andet: {
      label: 'Andet (civilretligt krav)',
      udpantningsret: false,
      henstandNormallyAllowed: true,
      medhaeftere: false,
      tilbagebetalingskrav: false,
      limitationYears: 3,
      priority: 0,
      feeLetters: null,
    },
  },
  source: `${POLICY}; udpantningsret: gebyrloven § 2 stk. 2 (kun krav, der i lovgivningen er tillagt udpantningsret), gældsinddrivelsesloven § 1 a stk. 2 (fortrinsberettigede kommunale fordringer: ejendomsskat for skatteår t.o.m. 2023, renovation for husholdninger efter miljøbeskyttelsesloven § 48 stk. 6); lov om Udbetaling Danmark § 30 (ét gebyr pr. krav); borger.dk (ingen gebyr på rykkere for boligstøtte); BEK 585/2023 og Ankestyrelsen 2/2018 (tilbagebetalingskrav); forældelsesloven §§ 3, 5`,
  checked: '2026-11-23',
  status: 'derived',
  note: 'Verificeret: henstand og medhæftere (opkrævningspolitikken); ejendomsskat t.o.m. 2023 (GIL § 1 a stk. 2); boligstøtte uden rykkergebyr (borger.dk). Afledt: renovation for husholdninger (MBL § 48 stk. 6 + GIL § 1 a); underholdsbidrag ét gebyr (UDK-loven § 30). Ikke fundet: lovhjemlen til udpantningsret for daginstitution (kommuner opkræver 250 kr. i praksis) og for kontanthjælp – her bruges den lave grænse (100 kr., renteloven § 9 b), indtil kommunen bekræfter andet i en regelfil. Grundskyld fra 2024 opkræves af Skatteforvaltningen, ikke kommunen.',
};
