/**
 * What a kommune can do before a claim's forældelse runs out, by the way the claim is collected
 * (the limitation radar's `step`). Which way a claim takes follows the kommune's politik in the
 * rule set: a claim type whose restance procedure needs a fundament first (civil-law claims
 * without udpantningsret) goes to court; one whose procedure ends in oversendelse goes to
 * Gældsstyrelsen; one whose procedure is only a betalingsordning (tilbagebetalingskrav) needs the
 * debtor's own acknowledgement. Every way names the debtor's payment or written acknowledgement
 * too: it interrupts any claim (forældelsesloven §§ 15, 19 stk. 2).
 *
 * The texts are data with their sources; `{dato}` is the last day of the period (dd-mm-åååå).
 */
import type { Sourced } from './sourced.js';

export const INTERRUPT_ROUTES = ['oversendelse', 'retsskridt', 'erkendelse'] as const;
export type InterruptRoute = (typeof INTERRUPT_ROUTES)[number];

export interface InterruptStep {
  /** The step in one Danish sentence; `{dato}` is replaced by the last day of the period. */
  step: string;
  /** Why this step interrupts, with the statute. */
  why: string;
}

const ERKENDELSE = 'forældelsesloven § 15 (skyldnerens erkendelse, også ved betaling, afbryder) og § 19 stk. 2 (ny frist fra erkendelsen)';

export const defaultInterruptSteps: Sourced<Readonly<Record<InterruptRoute, InterruptStep>>> = {
  value: {
    oversendelse: {
      step: 'Send fordringen til inddrivelse hos Gældsstyrelsen i god tid før {dato} (efter rykkerprocedure og skriftlig underretning), så forældelsen kan afbrydes dér – eller få skyldneren til at betale eller skriftligt anerkende gælden senest {dato}.',
      why: `Under inddrivelse afbrydes forældelsen af Gældsstyrelsens underretning om lønindeholdelse eller modregning og af udlæg (forældelsesloven § 18 stk. 1, 2 og 4, § 19 stk. 6; gældsinddrivelsesloven § 18 a stk. 2); oversendelse forudsætter overskredet betalingsfrist, sædvanlig rykkerprocedure og skriftlig underretning (gældsinddrivelsesloven § 2 stk. 3–4); ${ERKENDELSE}`,
    },
    retsskridt: {
      step: 'Indgiv betalingspåkrav eller stævning til retten senest {dato} og forfølg sagen – dom eller forlig giver 10 års frist og fundament til oversendelse – eller få skyldneren til at betale eller skriftligt anerkende gælden senest {dato}.',
      why: `Retslige skridt afbryder ved indlevering af stævning eller betalingspåkrav, når de forfølges inden for rimelig tid (forældelsesloven § 16 stk. 1 og stk. 2 nr. 1); den nye frist løber fra dom eller forlig (§ 19 stk. 3) og er 10 år (§ 5 stk. 1 nr. 3); et civilretligt krav uden udpantningsret oversendes først, når fundament er skabt (opkrævningspolitikken; retsplejeloven § 478); ${ERKENDELSE}`,
    },
    erkendelse: {
      step: 'Få skyldneren til at betale eller skriftligt anerkende gælden senest {dato}, f.eks. ved en underskrevet betalingsordning; misligholdes den, så send fordringen til inddrivelse i god tid før {dato}.',
      why: `${ERKENDELSE}; en skriftlig anerkendelse af fordringens eksistens og størrelse giver 10 års frist (§ 5 stk. 1 nr. 3); tilbagebetalingskrav oversendes efter politikken først ved misligholdelse af betalingsordningen`,
    },
  },
  source:
    'forældelsesloven (LBK 1238/2015 som ændret) §§ 5, 15, 16, 18, 19 (elov.dk kapitel 5; danskelove.dk/forældelsesloven/5, /18, /19); gældsinddrivelsesloven §§ 2 stk. 3–4, 18 a (danskelove.dk/gældsinddrivelsesloven/18a); Den juridiske vejledning G.A.2.4.4.1 (Gældsstyrelsens forældelsesafbrydende skridt) og A.A.9.5.1; Gældsstyrelsen, "Hvornår må fordringer overdrages?"; opkrævningspolitikken (seeds/004)',
  checked: '2026-12-04',
  status: 'derived',
  note: 'Verificeret: erkendelse og betaling (§§ 15, 19 stk. 2), retslige skridt (§ 16), udlæg, lønindeholdelse og modregning (§ 18), fordringskomplekset under inddrivelse (GIL § 18 a stk. 2). Ikke verificeret: selve oversendelsens virkning – Den juridiske vejledning A.A.9.5.1 (en ældre udgave) nævner en foreløbig afbrydelse, når fordringen modtages til inddrivelse (GIL § 18 a), men stykket og tillægsfristens længde er ikke læst i lovteksten. Trinnet siger derfor "i god tid før", så Gældsstyrelsen kan nå at afbryde. Hvilken vej en fordringstype går, følger politikkens procedurer i reglerne.',
};

/** The step's sentence for a period whose last day is `date` (dd-mm-åååå). */
export const interruptStepText = (step: InterruptStep, date: string): string => step.step.replaceAll('{dato}', date);
