/**
 * The rykker procedure as data (opkrævningspolitikken, seeds/004): on a missed payment or a
 * breached agreement a rykker goes out; then rykker 2 with a phone call; then others liable
 * (medhæftere, e.g. daginstitution and boligstøtte) get 2 rykkere and a call; then the claim is
 * sent to inddrivelse (Gældsstyrelsen). Steps for medhæftere apply only to claim types that have them.
 */
import type { Sourced } from './sourced.js';

export type RykkerStepId = 'rykker1' | 'rykker2' | 'medhaeftere1' | 'medhaeftere2' | 'inddrivelse';

export interface RykkerStepRule {
  id: RykkerStepId;
  /** What happens, in Danish. */
  action: string;
  /** A letter that may carry a rykkergebyr. */
  letter: boolean;
  /** Only when a claim type has medhæftere. */
  medhaeftere: boolean;
}

export interface RykkerProcedure {
  steps: readonly RykkerStepRule[];
  /** Days from one step to the next (and from the breach to rykker 1: 0). */
  intervalDays: number;
}

export const defaultRykkerProcedure: Sourced<RykkerProcedure> = {
  value: {
    steps: [
      { id: 'rykker1', action: 'Rykker 1', letter: true, medhaeftere: false },
      { id: 'rykker2', action: 'Rykker 2 og telefonopkald', letter: true, medhaeftere: false },
      { id: 'medhaeftere1', action: 'Rykker 1 til medhæftere', letter: true, medhaeftere: true },
      { id: 'medhaeftere2', action: 'Rykker 2 og telefonopkald til medhæftere', letter: true, medhaeftere: true },
      { id: 'inddrivelse', action: 'Oversendelse til inddrivelse (Gældsstyrelsen)', letter: false, medhaeftere: false },
    ],
    intervalDays: 10,
  },
  source:
    'Opkrævningspolitik (seeds/004): 2 rykkerbreve + telefonopkald, derefter medhæftere 2 gange + telefonopkald, derefter oversendelse; ved misligholdelse af betalingsaftaler udsendes automatisk et rykkerbrev. Interval: renteloven § 9 b (mindst 10 dage mellem rykkere)',
  checked: '2026-11-23',
  status: 'verified',
  note: 'Intervallet på 10 dage er lovens mindste for civilretlige krav; kommunen fastsætter selv sit interval i en regelfil (rykkerProcedure.intervalDays).',
};
