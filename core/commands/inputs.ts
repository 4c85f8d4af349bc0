/**
 * The commands' inputs as TypeScript types: the JSON contract of SPEC.md ("Contracts of the
 * command line"), in kroner and ISO date strings as JSON carries them. TypeScript callers (the
 * task pane, the custom functions) build these; the commands still check every value at run
 * time, since the CLI hands them parsed JSON that only claims to have this shape.
 */
import type { BankingDayPolicy } from '../calendar/bankingDays.js';
import type { Aggregate, Direction, GoalKind, Status, Unit } from '../followup/followup.js';
import type { InterestBase, InterestMethod } from '../interest/accrue.js';
import type { ClaimType } from '../rules/claimTypes.js';
import type { Frequency } from '../schedule/planInput.js';

/** A date as JSON gives it: `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ClaimInput {
  id?: string;
  type?: ClaimType;
  principal: number;
  fees?: number;
  interest?: number;
  dueDate?: IsoDate;
  /** A fraction (0.1 = 10 %). */
  annualInterestRate?: number;
  /** The name of a rate table in the rules (e.g. "morarente"), instead of a fixed rate. */
  interestRateTable?: string;
}

export interface PaymentCapacityInput {
  netIncome: number;
  supportsChildren?: boolean;
  year?: number;
}

/** SPEC `plan`: give exactly one of `installment`, `count` or `paymentCapacity`. */
export interface PlanInput {
  startDate?: IsoDate;
  firstDueDate: IsoDate;
  frequency?: Frequency;
  installment?: number;
  count?: number;
  rounding?: number;
  paymentCapacity?: PaymentCapacityInput;
  claims: ClaimInput[];
  interestMethod?: InterestMethod;
  interestBase?: InterestBase;
  bankingDays?: BankingDayPolicy;
  reference?: string;
  accrueFromDueDate?: boolean;
}

export interface HenstandTermsInput {
  from: IsoDate;
  months: number;
  kind?: 'full' | 'reduced';
  /** The lower installment of a `reduced` henstand (kroner). */
  installment?: number;
}

/** SPEC `henstand` on an agreement: a plan input plus the henstand. */
export interface HenstandInput extends PlanInput {
  henstand: HenstandTermsInput;
  interestDuringHenstand?: boolean;
}

/** SPEC `henstand` on one claim without an agreement: the henstand starts at its due date unless `from` says otherwise. */
export interface ClaimHenstandInput {
  claim: ClaimInput & { dueDate: IsoDate };
  henstand: Omit<HenstandTermsInput, 'from'> & { from?: IsoDate };
  interestMethod?: InterestMethod;
}

export interface PaymentInput {
  date: IsoDate;
  amount: number;
}

/** SPEC `status` of an agreement: a plan input plus the payments and the date. */
export interface StatusInput extends PlanInput {
  payments: PaymentInput[];
  asOf: IsoDate;
  graceDays?: number;
  henstand?: HenstandTermsInput;
  interestDuringHenstand?: boolean;
  /** What the caseworker has done (`[{"step": "rykker1", "date": "2026-04-07"}]`). */
  stepsTaken?: StepTakenInput[];
  /** A procedure of the politik chosen in the case (e.g. "oversend-efter-1-rykker"). */
  procedure?: string;
}

export interface StepTakenInput {
  step: string;
  date: IsoDate;
}

/** Which procedure the politik gives claims in a situation (the task pane's list of steps to record). */
export interface ProcedureInput {
  claimTypes: ClaimType[];
  situation?: 'restance' | 'misligholdt';
  procedure?: string;
}

/** SPEC `status` of installments given directly (a schedule already in a workbook). */
export interface InstallmentStatusInput {
  installments: Array<{ dueDate: IsoDate; amount: number }>;
  payments: PaymentInput[];
  asOf: IsoDate;
  /** Days; text typed in a form field is passed as it is and refused in Danish, naming it. */
  graceDays?: number | string;
  claimTypes?: ClaimType[];
  stepsTaken?: StepTakenInput[];
  /** `misligholdt` (default): a betalingsaftale; `restance`: the installments are the claim's own rates. */
  situation?: 'restance' | 'misligholdt';
  procedure?: string;
}

export interface GoalInput {
  id: string | number;
  name?: string;
  requirement?: string;
  kind?: GoalKind;
  measure?: string;
  target?: number;
  direction?: Direction;
  amberMargin?: number;
  unit?: Unit;
  aggregate?: Aggregate;
  due?: number;
  done?: number | null;
  status?: Status;
  cause?: string;
  action?: string;
}

/** SPEC `followup`: periods `Q1`–`Q4` or `M01`–`M12`, each with its named counts. */
export interface FollowupInput {
  year: number;
  goals: GoalInput[];
  data: Record<string, Record<string, number | null>>;
  /** Last follow-up's rows (their cause and action carry over). */
  previous?: ReadonlyArray<{ id: string; cause?: string; action?: string }>;
  /** The period reported ("Q2", "M05"); default the last period with data. */
  period?: string;
  /** Monthly data shown as complete quarters in the template (default: months stay months). */
  quarters?: boolean;
  /** Last year's counts by the same periods ("Hvad skal der til" follows its seasonal profile). */
  lastYear?: Record<string, Record<string, number | null>>;
}

/** A ledger row as JSON (SPEC `statements`): English keys, kroner, ISO dates. */
export type LedgerRowInput = Record<string, string | number | null | undefined>;

export interface StatementsInput {
  year: number;
  ledger: LedgerRowInput[];
  maskCpr?: boolean;
}

export interface AnalyseInput {
  asOf: IsoDate;
  /** The development's first and last day (default: the 12 months up to asOf; `to` not after asOf). */
  from?: IsoDate;
  to?: IsoDate;
  ledger: LedgerRowInput[];
  maskCpr?: boolean;
}

/** SPEC "Portfolio commands", `limitation`: the forældelse radar of a ledger on a date. */
export interface LimitationInput {
  asOf: IsoDate;
  /** The window in days (default 180). */
  days?: number;
  ledger: LedgerRowInput[];
  maskCpr?: boolean;
}

/** SPEC `funnel` on a JSON ledger: the months of forfald from `from`'s to `to`'s; postings up to `asOf` (default the ledger's last posting date). */
export interface FunnelInput {
  from: IsoDate;
  to: IsoDate;
  asOf?: IsoDate;
  ledger: LedgerRowInput[];
}
