/**
 * Claim types (fordringstyper) and what the rules say about each. The attributes drive the fee
 * rule (udpantningsret, civilretlig), henstand warnings, the procedure of the kommune's politik,
 * medhæftere and limitation. Claim types are data: a rule file or the `Saldo-regler` sheet may
 * add a kommune's own (dagpleje, SFO, …), so an id is any name the rules know.
 */
import { ownValue } from './ownNames.js';
import type { Sourced } from './sourced.js';

/** The shipped claim types; a rule set may know more. */
export const CLAIM_TYPES = ['daginstitution', 'ejendomsskat', 'underholdsbidrag', 'boligstøtte', 'kontanthjælp', 'renovation', 'andet'] as const;
/** A claim type's id in the rule set (`daginstitution`, or one a kommune added). */
export type ClaimType = string;

/** The situations the politik has a procedure for. */
export const SITUATIONS = ['restance', 'misligholdt'] as const;
export type Situation = (typeof SITUATIONS)[number];

export interface ClaimTypeRule {
  /** Danish label for people. */
  label: string;
  /** Public claim with udpantningsret: gebyrloven's fee cap (250 kr.) applies. */
  udpantningsret: boolean;
  /**
   * A civil-law claim (formueretlig): renteloven § 9 b's fee (100 kr., 3 rykkere). A public claim
   * without udpantningsret is neither, and carries no rykkergebyr (renteloven § 1 stk. 2).
   */
  civilretlig: boolean;
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
  /** The politik's procedure (an id in `procedures`) for each situation. */
  procedures: Readonly<Record<Situation, string>>;
  /** Where a rule file or the `Saldo-regler` sheet set this type: its own source and date (else the claim types' shared ones). */
  source?: string;
  checked?: string;
}

const POLICY =
  'Opkrævningspolitik (seeds/004): henstand gives som udgangspunkt ikke for løbende betalinger af ejendomsskat, daginstitution og underholdsbidrag; medhæftere f.eks. daginstitution og boligstøtte';

const STANDARD = { restance: 'restance', misligholdt: 'misligholdt-aftale' } as const;

/**
 * A claim type a kommune adds starts from the cautious side: no udpantningsret and not civil-law,
 * so no rykkergebyr until the rules name its basis; the standard procedures.
 */
export const NEW_CLAIM_TYPE: Omit<ClaimTypeRule, 'label'> = {
  udpantningsret: false,
  civilretlig: false,
  henstandNormallyAllowed: true,
  medhaeftere: false,
  tilbagebetalingskrav: false,
  limitationYears: 3,
  priority: 0,
  feeLetters: null,
  procedures: STANDARD,
};

// The shipped types are municipal claims with udpantningsret unless said otherwise.
const type = (label: string, facts: Partial<ClaimTypeRule>): ClaimTypeRule => ({ label, ...NEW_CLAIM_TYPE, udpantningsret: true, ...facts });

export const defaultClaimTypes: Sourced<Readonly<Record<ClaimType, ClaimTypeRule>>> = {
  value: {
    daginstitution: type('Daginstitution (forældrebetaling)', { henstandNormallyAllowed: false, medhaeftere: true }),
    ejendomsskat: type('Ejendomsskat', { henstandNormallyAllowed: false, procedures: { restance: 'ejendomsskat', misligholdt: 'misligholdt-aftale' } }),
    underholdsbidrag: type('Underholdsbidrag', { henstandNormallyAllowed: false, feeLetters: 1 }),
    boligstøtte: type('Boligstøtte (tilbagebetaling)', { medhaeftere: true, tilbagebetalingskrav: true, feeLetters: 0 }),
    kontanthjælp: type('Kontanthjælp (tilbagebetalingskrav)', {
      udpantningsret: false,
      tilbagebetalingskrav: true,
      procedures: { restance: 'tilbagebetalingskrav', misligholdt: 'tilbagebetalingskrav-misligholdt' },
    }),
    renovation: type('Renovation (affaldsgebyr)', {}),
    andet: type('Andet (civilretligt krav)', { udpantningsret: false, civilretlig: true, procedures: { restance: 'civilretlig', misligholdt: 'civilretlig-misligholdt' } }),
  },
  source: `${POLICY}; udpantningsret: gebyrloven § 2 stk. 2 (kun krav, der i lovgivningen er tillagt udpantningsret), gældsinddrivelsesloven § 1 a stk. 2 (fortrinsberettigede kommunale fordringer: ejendomsskat for skatteår t.o.m. 2023, renovation for husholdninger efter miljøbeskyttelsesloven § 48 stk. 6); lov om Udbetaling Danmark § 30 (ét gebyr pr. krav); borger.dk (ingen gebyr på rykkere for boligstøtte); BEK 585/2023 og Ankestyrelsen 2/2018 (tilbagebetalingskrav); renteloven § 1 stk. 2 (§ 9 b kun for formueretlige krav); forældelsesloven §§ 3, 5`,
  checked: '2026-12-04',
  status: 'derived',
  note: 'Verificeret: henstand og medhæftere (opkrævningspolitikken); ejendomsskat t.o.m. 2023 (GIL § 1 a stk. 2); boligstøtte uden rykkergebyr (borger.dk); tilbagebetalingskrav efter aktivloven uden rykkergebyr (hverken udpantningsret efter gebyrloven § 2 eller formueretligt krav efter renteloven § 1 stk. 2). Afledt: renovation for husholdninger (MBL § 48 stk. 6 + GIL § 1 a); underholdsbidrag ét gebyr (UDK-loven § 30). Ikke fundet: lovhjemlen til udpantningsret for daginstitution (kommuner opkræver 250 kr. i praksis). Grundskyld fra 2024 opkræves af Skatteforvaltningen, ikke kommunen.',
};

/**
 * The form a claim type's name is compared in: lower case, and æ, ø, å spelt as Danish systems
 * export them in ASCII (ae, oe, aa), so `Boligstoette` and `boligstøtte` are one type.
 * @example claimTypeKey(' Kontanthjaelp ') === claimTypeKey('kontanthjælp') // true
 */
export function claimTypeKey(name: string): string {
  return name.trim().toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/** The id under which `types` knows `name` (any case, ASCII spellings), or null. */
export function findClaimType(types: Readonly<Record<ClaimType, ClaimTypeRule>>, name: string): ClaimType | null {
  if (ownValue(types, name) !== undefined) return name;
  const key = claimTypeKey(name);
  return Object.keys(types).find((id) => claimTypeKey(id) === key) ?? null;
}

/** The rule of a claim type the rule set knows (ids come from `findClaimType`). */
export function claimTypeRule(types: Readonly<Record<ClaimType, ClaimTypeRule>>, id: ClaimType): ClaimTypeRule {
  const rule = ownValue(types, id);
  if (rule === undefined) throw new Error(`Ukendt fordringstype "${id}" (skulle være fundet med findClaimType).`);
  return rule;
}
