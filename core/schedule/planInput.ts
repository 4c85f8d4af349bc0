/**
 * Parses a `plan` input (SPEC "plan") from JSON into checked terms: øre, calendar dates,
 * rates in ppm. Every problem is a Danish `SaldoError` naming the field and the value.
 */
import { BANKING_DAY_POLICIES, type BankingDayPolicy } from '../calendar/bankingDays.js';
import { addMonths, parseDate, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { compileRateTable, INTEREST_BASES, INTEREST_METHODS, type InterestBase, type InterestMethod, type RateSource } from '../interest/accrue.js';
import { parseAnnualRate, type RatePpm } from '../interest/rate.js';
import { parseKroner, type Ore } from '../money/ore.js';
import { CLAIM_TYPES, type ClaimType } from '../rules/claimTypes.js';
import { ownValue } from '../rules/ownNames.js';
import type { RuleSet } from '../rules/ruleSet.js';

export type Frequency = 'monthly' | 'quarterly';
export const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly'];
export const monthsPerPeriod = (f: Frequency): number => (f === 'monthly' ? 1 : 3);

export interface Claim {
  id: string;
  type: ClaimType;
  principal: Ore;
  fees: Ore;
  interest: Ore;
  dueDate: CalendarDate;
  rate: RateSource;
}

export type PlanMode =
  | { kind: 'installment'; installment: Ore }
  | { kind: 'count'; count: number; rounding: Ore }
  | { kind: 'paymentCapacity'; netIncome: Ore; supportsChildren: boolean; year: number };

export interface PlanTerms {
  startDate: CalendarDate;
  firstDueDate: CalendarDate;
  frequency: Frequency;
  mode: PlanMode;
  claims: Claim[];
  interestMethod: InterestMethod;
  interestBase: InterestBase;
  bankingDays: BankingDayPolicy;
  /** Compute each claim's interest from its forfald to `startDate` instead of taking `interest`. */
  accrueFromDueDate: boolean;
}

/** The most installments a schedule may have: 100 years of monthly payments. */
export const MAX_INSTALLMENTS = 1200;

export const PLAN_KEYS = [
  'startDate', 'firstDueDate', 'frequency', 'installment', 'count', 'rounding', 'paymentCapacity',
  'claims', 'interestMethod', 'interestBase', 'bankingDays', 'reference', 'accrueFromDueDate',
] as const;
const CLAIM_KEYS = ['id', 'type', 'principal', 'fees', 'interest', 'dueDate', 'annualInterestRate', 'interestRateTable'];

type Json = Record<string, unknown>;
export const isJsonObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(field: string, value: unknown, message: string): SaldoError {
  return new SaldoError('UGYLDIGT_INPUT', field, value, message);
}

/** Rejects keys we do not know: a misspelt "instalment" must not silently fall back to a default. */
export function rejectUnknownKeys(obj: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    // A key holding undefined is absent (it cannot come from JSON; JavaScript callers make it).
    if (obj[key] !== undefined && !allowed.includes(key)) {
      const field = where ? `${where}.${key}` : key;
      throw invalid(field, obj[key], `Ukendt felt "${field}". Tilladte felter: ${allowed.join(', ')}.`);
    }
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(field, value, `${field}: ${showValue(value)} er ikke en gyldig værdi. Brug en af: ${allowed.join(', ')}.`);
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(field, value, `${field}: skal være et helt tal (fik ${showValue(value)}).`);
  }
  if (value < min || value > max) throw invalid(field, value, `${field}: skal ligge mellem ${min} og ${max} (fik ${value}).`);
  return value;
}

function parseRate(raw: Json, field: string, rules: RuleSet): RateSource {
  const table = raw.interestRateTable;
  const fixed = raw.annualInterestRate === undefined ? (0 as RatePpm) : parseAnnualRate(raw.annualInterestRate, `${field}.annualInterestRate`);
  if (table === undefined) return { kind: 'fixed', ppm: fixed };
  const names = Object.keys(rules.rateTables);
  // Own names only: "constructor" is no rate table.
  const found = typeof table === 'string' ? ownValue(rules.rateTables, table) : undefined;
  if (typeof table !== 'string' || found === undefined) {
    throw invalid(`${field}.interestRateTable`, table, `${field}.interestRateTable: ukendt rentetabel ${showValue(table)}. Kendte tabeller: ${names.join(', ')}.`);
  }
  if (fixed !== 0) {
    throw new SaldoError('KONFLIKT', `${field}.annualInterestRate`, raw.annualInterestRate, `${field}: angiv enten annualInterestRate eller interestRateTable, ikke begge.`);
  }
  return { kind: 'table', name: table, table: compileRateTable(table, found) };
}

/**
 * One claim of an input (`claims[i]` of a plan, or henstand's single `claim`): every field checked,
 * also those the caller does not use, so a wrong value is never passed over in silence.
 */
export function parseClaim(raw: unknown, field: string, defaultId: string, defaultDueDate: CalendarDate, rules: RuleSet): Claim {
  if (!isJsonObject(raw)) throw invalid(field, raw, `${field}: en fordring skal være et objekt med mindst "principal" (fik ${showValue(raw)}).`);
  rejectUnknownKeys(raw, CLAIM_KEYS, field);
  const id = raw.id === undefined ? defaultId : raw.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '' || String(id).length > 100) {
    throw invalid(`${field}.id`, raw.id, `${field}.id: skal være en kort tekst, f.eks. "F1" (fik ${showValue(raw.id)}).`);
  }
  if (raw.principal === undefined) throw new SaldoError('MANGLER', `${field}.principal`, undefined, `${field}.principal mangler: angiv fordringens hovedstol i kroner.`);
  return {
    id: String(id),
    type: oneOf(raw.type, CLAIM_TYPES, `${field}.type`, 'andet'),
    principal: parseKroner(raw.principal, `${field}.principal`),
    fees: raw.fees === undefined ? (0 as Ore) : parseKroner(raw.fees, `${field}.fees`),
    interest: raw.interest === undefined ? (0 as Ore) : parseKroner(raw.interest, `${field}.interest`),
    // A claim without a due date is treated as due when the agreement is made.
    dueDate: raw.dueDate === undefined ? defaultDueDate : parseDate(raw.dueDate, `${field}.dueDate`),
    rate: parseRate(raw, field, rules),
  };
}

function parseMode(input: Json): PlanMode {
  const given = (['installment', 'count', 'paymentCapacity'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    const message = given.length === 0
      ? 'Angiv præcis én af installment (fast ydelse i kroner), count (antal ydelser) eller paymentCapacity (betalingsevne).'
      : `Angiv kun én af installment, count og paymentCapacity – der er angivet både ${given.join(' og ')}.`;
    throw new SaldoError(given.length === 0 ? 'MANGLER' : 'KONFLIKT', given.join(',') || 'installment', given, message);
  }
  if (input.rounding !== undefined && given[0] !== 'count') {
    throw new SaldoError('KONFLIKT', 'rounding', input.rounding, 'rounding gælder kun sammen med count (antal ydelser).');
  }
  switch (given[0]) {
    case 'installment':
      return { kind: 'installment', installment: parseKroner(input.installment, 'installment', { allowZero: false }) };
    case 'count':
      return {
        kind: 'count',
        count: wholeNumber(input.count, 'count', 1, MAX_INSTALLMENTS),
        rounding: input.rounding === undefined ? (100 as Ore) : parseKroner(input.rounding, 'rounding', { allowZero: false }),
      };
    default: {
      const cap = input.paymentCapacity;
      if (!isJsonObject(cap)) throw invalid('paymentCapacity', cap, 'paymentCapacity skal være et objekt: {"netIncome": 250000, "supportsChildren": false, "year": 2024}.');
      rejectUnknownKeys(cap, ['netIncome', 'supportsChildren', 'year'], 'paymentCapacity');
      if (cap.netIncome === undefined) throw new SaldoError('MANGLER', 'paymentCapacity.netIncome', undefined, 'paymentCapacity.netIncome mangler: angiv den årlige nettoindkomst i kroner.');
      if (cap.year === undefined) throw new SaldoError('MANGLER', 'paymentCapacity.year', undefined, 'paymentCapacity.year mangler: angiv hvilket års betalingsevnetabel der skal bruges.');
      if (cap.supportsChildren !== undefined && typeof cap.supportsChildren !== 'boolean') {
        throw invalid('paymentCapacity.supportsChildren', cap.supportsChildren, 'paymentCapacity.supportsChildren skal være true eller false (forsørgerpligt over for børn).');
      }
      return {
        kind: 'paymentCapacity',
        netIncome: parseKroner(cap.netIncome, 'paymentCapacity.netIncome'),
        supportsChildren: cap.supportsChildren === true,
        year: wholeNumber(cap.year, 'paymentCapacity.year', 1900, 9999),
      };
    }
  }
}

/**
 * Reads a `plan` input. `extraKeys` are fields another command adds to it (henstand, status).
 */
export function parsePlanInput(input: unknown, rules: RuleSet, extraKeys: readonly string[] = []): PlanTerms {
  if (!isJsonObject(input)) {
    throw invalid('(input)', input, `Inputtet skal være et JSON-objekt med en betalingsaftale (fik ${Array.isArray(input) ? 'en liste' : showValue(input)}).`);
  }
  rejectUnknownKeys(input, [...PLAN_KEYS, ...extraKeys], '');
  // `reference` (a case number or a name for the agreement) is carried by the front ends only.
  if (input.reference !== undefined && (typeof input.reference !== 'string' || input.reference.length > 200)) {
    throw invalid('reference', input.reference, 'reference skal være en kort tekst, f.eks. et sagsnummer.');
  }
  if (input.firstDueDate === undefined) throw new SaldoError('MANGLER', 'firstDueDate', undefined, 'firstDueDate mangler: angiv den første ydelses forfaldsdato (ÅÅÅÅ-MM-DD).');
  const firstDueDate = parseDate(input.firstDueDate, 'firstDueDate');
  const frequency = oneOf(input.frequency, FREQUENCIES, 'frequency', 'monthly');
  const startDate = input.startDate === undefined ? addMonths(firstDueDate, -monthsPerPeriod(frequency)) : parseDate(input.startDate, 'startDate');
  if (startDate > firstDueDate) {
    throw new SaldoError('KONFLIKT', 'startDate', input.startDate, `startDate (${startDate}) ligger efter firstDueDate (${firstDueDate}); aftalen skal indgås før første ydelse forfalder.`);
  }
  const mode = parseMode(input);
  if (!Array.isArray(input.claims) || input.claims.length === 0) {
    throw new SaldoError(input.claims === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT', 'claims', input.claims, 'claims: angiv mindst én fordring, f.eks. [{"id": "F1", "principal": 4200}].');
  }
  if (input.claims.length > 1000) throw invalid('claims', input.claims.length, `claims: højst 1.000 fordringer i én aftale (fik ${input.claims.length}).`);
  const claims = input.claims.map((c: unknown, i: number) => parseClaim(c, `claims[${i}]`, `F${i + 1}`, startDate, rules));
  const ids = new Set<string>();
  for (const [i, c] of claims.entries()) {
    if (ids.has(c.id)) throw invalid(`claims[${i}].id`, c.id, `claims[${i}].id: fordringen ${showValue(c.id)} står der to gange; hver fordring skal have sit eget id.`);
    ids.add(c.id);
  }
  const accrueFromDueDate = input.accrueFromDueDate ?? false;
  if (typeof accrueFromDueDate !== 'boolean') {
    throw invalid('accrueFromDueDate', accrueFromDueDate, `accrueFromDueDate skal være true eller false (fik ${showValue(accrueFromDueDate)}).`);
  }
  const typed = accrueFromDueDate ? claims.findIndex((c) => c.interest > 0) : -1;
  if (typed >= 0) {
    // Both would count the months from forfald to the agreement twice.
    throw new SaldoError('KONFLIKT', `claims[${typed}].interest`, (input.claims[typed] as Json).interest, `claims[${typed}].interest: angiv enten de påløbne renter selv (interest) eller accrueFromDueDate, så Saldo beregner dem – ikke begge, ellers tælles renterne to gange.`);
  }
  if (claims.every((c) => c.principal + c.fees + c.interest === 0)) {
    throw invalid('claims', input.claims, 'claims: der er ingen gæld at afdrage – alle beløb er 0 kr.');
  }
  return {
    startDate,
    firstDueDate,
    frequency,
    mode,
    claims,
    interestMethod: oneOf(input.interestMethod, INTEREST_METHODS, 'interestMethod', 'daily'),
    interestBase: oneOf(input.interestBase, INTEREST_BASES, 'interestBase', 'principal'),
    bankingDays: oneOf(input.bankingDays, BANKING_DAY_POLICIES, 'bankingDays', 'following'),
    accrueFromDueDate,
  };
}
