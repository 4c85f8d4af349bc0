/**
 * The kommune's opkrævningspolitik as data: procedures, each a list of steps with the least
 * number of days after the step before, whether the step is a letter that may carry a
 * rykkergebyr, whether it carries the written notice of oversendelse, and why it is there. A
 * claim type names its procedure for each situation (restance, misligholdt betalingsaftale).
 * The default is the seed politik (seeds/004), with the statutes it rests on; a rule file or the
 * `Saldo-regler` sheet replaces procedures or adds the kommune's own.
 */
import type { Sourced } from './sourced.js';

export const STEP_KINDS = ['rykker', 'opkald', 'varsel', 'betalingsordning', 'fundament', 'oversendelse'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface ProcedureStep {
  /** The name `stepsTaken` uses (`rykker1`). */
  id: string;
  kind: StepKind;
  /** What to do, in Danish. */
  action: string;
  /** Least days after the previous step (the first step: after the procedure starts). */
  afterDays: number;
  /** A letter that may carry a rykkergebyr; the claims' fee rule says how much. */
  fee: boolean;
  /** Carries the written notice of oversendelse (gældsinddrivelsesloven § 2 stk. 4). */
  notice: boolean;
  /** To the others liable (medhæftere); only when a claim type has them. */
  medhaeftere: boolean;
  /** Done where the caseworker judges it useful ("hvis det vurderes at have gavnlig effekt"). */
  optional: boolean;
  /** The rule of the politik or the statute the step follows. */
  why: string;
}

export interface Procedure {
  label: string;
  steps: readonly ProcedureStep[];
  /**
   * After the last step the procedure starts over for the next rate that falls due unpaid
   * (ejendomsskat: "oversendes efter hver forfalden rate").
   */
  perRate: boolean;
  /** Where a rule file or the `Saldo-regler` sheet set this procedure: its own source and date (else the politik's). */
  source?: string;
  checked?: string;
}

const POLITIK = 'Opkrævningspolitikken';
const NOTICE = 'gældsinddrivelsesloven § 2 stk. 4: skriftlig underretning af hver skyldner før oversendelse; den kan gå med en rykker';
const OVERSEND = 'gældsinddrivelsesloven § 2 stk. 3: oversendes, når betalingsfristen er overskredet og sædvanlig rykkerprocedure forgæves er gennemført';

const step = (id: string, kind: StepKind, action: string, afterDays: number, why: string, flags: Partial<Pick<ProcedureStep, 'fee' | 'notice' | 'medhaeftere' | 'optional'>> = {}): ProcedureStep => ({
  id,
  kind,
  action,
  afterDays,
  fee: false,
  notice: false,
  medhaeftere: false,
  optional: false,
  why,
  ...flags,
});

const rykker1 = step('rykker1', 'rykker', 'Send 1. rykker', 0, `${POLITIK}: 2 rykkerbreve + telefonopkald`, { fee: true });
const rykker2 = step('rykker2', 'rykker', 'Send 2. rykker med varsel om oversendelse til inddrivelse', 10, `${POLITIK}: 2 rykkerbreve + telefonopkald; ${NOTICE}`, { fee: true, notice: true });
const opkald = step('opkald', 'opkald', 'Ring til skyldner, hvis det vurderes at have gavnlig effekt', 0, `${POLITIK}: telefonopkald, såfremt det vurderes at have en gavnlig effekt`, {
  optional: true,
});
const medhaeftere = [
  step('medhaeftere1', 'rykker', 'Send 1. rykker til medhæftere', 10, `${POLITIK}: undersøg, om andre hæfter for kravet (f.eks. daginstitution, boligstøtte); de rykkes 2 gange + telefonopkald`, {
    fee: true,
    medhaeftere: true,
  }),
  step('medhaeftere2', 'rykker', 'Send 2. rykker med varsel om oversendelse til medhæftere', 10, `${POLITIK}: medhæftere rykkes 2 gange; ${NOTICE} – også hver medhæfter`, {
    fee: true,
    notice: true,
    medhaeftere: true,
  }),
  step('medhaeftere-opkald', 'opkald', 'Ring til medhæftere, hvis det vurderes at have gavnlig effekt', 0, `${POLITIK}: medhæftere rykkes 2 gange + telefonopkald`, {
    medhaeftere: true,
    optional: true,
  }),
];
const oversendelse = (afterDays: number, why = `${POLITIK}: giver det fortsat ingen reaktion, oversendes sagen; ${OVERSEND}`) =>
  step('oversendelse', 'oversendelse', 'Oversend til inddrivelse (Gældsstyrelsen)', afterDays, why);
const fundament = step(
  'fundament',
  'fundament',
  'Skaf fundament (forlig eller dom), før kravet kan oversendes',
  10,
  `${POLITIK}: civilretlige krav oversendes, når fundament er skabt (forlig eller dom); udlæg kræver et tvangsfuldbyrdelsesgrundlag (retsplejeloven § 478)`,
);
const varsel = step('varsel', 'varsel', 'Send skriftligt varsel om oversendelse til inddrivelse', 0, NOTICE, { notice: true });

export const defaultProcedures: Sourced<Readonly<Record<string, Procedure>>> = {
  value: {
    // Listed from the most to the least cautious: an agreement whose claims follow different
    // procedures follows the first one listed (and says so).
    'civilretlig-misligholdt': {
      label: 'Misligholdt betalingsaftale, civilretligt krav',
      steps: [
        step('rykker1', 'rykker', 'Send rykker (automatisk ved misligholdelse)', 0, `${POLITIK}: ved misligholdelse af betalingsaftaler udsendes automatisk et rykkerbrev`, { fee: true }),
        step('opkald', 'opkald', 'Ring til skyldner, hvis det vurderes at have gavnlig effekt', 10, `${POLITIK}: reagerer borgeren ikke på rykkerbrevet, rykkes der telefonisk`, { optional: true }),
        fundament,
        varsel,
        oversendelse(10, `${POLITIK}: sager, hvor fundament er skabt, oversendes, hvis betingelserne ikke overholdes; ${OVERSEND}`),
      ],
      perRate: false,
    },
    civilretlig: {
      label: 'Restance, civilretligt krav',
      steps: [rykker1, step('rykker2', 'rykker', 'Send 2. rykker', 10, `${POLITIK}: 2 rykkerbreve + telefonopkald`, { fee: true }), opkald, fundament, varsel, oversendelse(10)],
      perRate: false,
    },
    'tilbagebetalingskrav-misligholdt': {
      label: 'Misligholdt betalingsordning, tilbagebetalingskrav',
      steps: [
        step(
          'varsel',
          'varsel',
          'Send skriftligt varsel om oversendelse til inddrivelse (uden gebyr)',
          0,
          `${POLITIK}: først ved misligholdelse af betalingsfastsættelsen oversendes kravet; ${NOTICE}`,
          {
            notice: true,
          },
        ),
        oversendelse(10, `${POLITIK}: tilbagebetalingskrav oversendes ved misligholdelse af betalingsordningen; ${OVERSEND}`),
      ],
      perRate: false,
    },
    tilbagebetalingskrav: {
      label: 'Tilbagebetalingskrav uden betalingsordning',
      steps: [
        step(
          'betalingsordning',
          'betalingsordning',
          'Fastsæt en betalingsordning ud fra betalingsevnen',
          0,
          `${POLITIK}: for tilbagebetalingskrav fastsættes en betalingsordning ud fra bekendtgørelserne; kravet oversendes først ved misligholdelse`,
        ),
      ],
      perRate: false,
    },
    'misligholdt-aftale': {
      label: 'Misligholdt betalingsaftale',
      steps: [
        step(
          'rykker1',
          'rykker',
          'Send rykker med varsel om oversendelse (automatisk ved misligholdelse)',
          0,
          `${POLITIK}: ved misligholdelse af betalingsaftaler udsendes automatisk ét rykkerbrev; ${NOTICE}`,
          {
            fee: true,
            notice: true,
          },
        ),
        step('opkald', 'opkald', 'Ring til skyldner, hvis det vurderes at have gavnlig effekt', 10, `${POLITIK}: reagerer borgeren ikke på rykkerbrevet, rykkes der telefonisk`, { optional: true }),
        ...medhaeftere.map((s, i) =>
          i === 0 ? { ...s, afterDays: 0, why: `${POLITIK}: har opkaldet ingen virkning, undersøges det, om andre hæfter for kravet; de rykkes 2 gange + telefonopkald` } : s,
        ),
        oversendelse(10),
      ],
      perRate: false,
    },
    ejendomsskat: {
      label: 'Restance, ejendomsskat (oversendes efter hver forfalden rate)',
      steps: [rykker1, rykker2, opkald, oversendelse(10, `${POLITIK}: sager vedrørende ejendomsskat oversendes efter hver forfalden rate, når sædvanlig rykkerprocedure er gennemført; ${OVERSEND}`)],
      perRate: true,
    },
    restance: {
      label: 'Restance',
      steps: [rykker1, rykker2, opkald, ...medhaeftere, oversendelse(10)],
      perRate: false,
    },
    'oversend-efter-1-rykker': {
      label: 'Oversend efter 1. rykker (yderligere rykkere skønnes formålsløse)',
      steps: [
        step('rykker1', 'rykker', 'Send 1. rykker med varsel om oversendelse til inddrivelse', 0, `${POLITIK}: vurderes yderligere rykker formålsløst, fremsendes kravet efter 1. rykker; ${NOTICE}`, {
          fee: true,
          notice: true,
        }),
        oversendelse(10),
      ],
      perRate: false,
    },
  },
  source: `${POLITIK} (seeds/004); ${OVERSEND}; ${NOTICE} (Gældsstyrelsen: "Hvornår må fordringer overdrages?"); renteloven § 9 b (mindst 10 dage mellem gebyrbelagte rykkere på civilretlige krav)`,
  checked: '2026-12-04',
  status: 'verified',
  note: 'Trinene og deres rækkefølge er politikkens; dagene mellem trinene (10) er Saldos standard – politikken nævner ingen frister, og kommunen fastsætter sine egne i Saldo-regler eller en regelfil.',
};
