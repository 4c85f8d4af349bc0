/**
 * Parses a `plan` input (SPEC "plan") from JSON into checked terms: øre, calendar dates,
 * rates in ppm. Every problem is a Danish `SaldoError` naming the field and the value.
 */
import { BANKING_DAY_POLICIES, type BankingDayPolicy } from '../calendar/bankingDays.js';
import { addMonths, parseDate, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue, type Namer, type Place } from '../errors.js';
import { flag, isJsonObject, oneOf, present, rejectUnknownKeys, wholeNumber, within, type Json } from '../input/fields.js';
import { compileRateTable, INTEREST_BASES, INTEREST_METHODS, type InterestBase, type InterestMethod, type RateSource } from '../interest/accrue.js';
import { parseAnnualRate, type RatePpm } from '../interest/rate.js';
import { ore, parseKroner, type Ore } from '../money/ore.js';
import { findClaimType, type ClaimType } from '../rules/claimTypes.js';
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
  { kind: 'installment'; installment: Ore } | { kind: 'count'; count: number; rounding: Ore } | { kind: 'paymentCapacity'; netIncome: Ore; supportsChildren: boolean; year: number };

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
  'startDate',
  'firstDueDate',
  'frequency',
  'installment',
  'count',
  'rounding',
  'paymentCapacity',
  'claims',
  'interestMethod',
  'interestBase',
  'bankingDays',
  'reference',
  'accrueFromDueDate',
] as const;
const CLAIM_KEYS = ['id', 'type', 'principal', 'fees', 'interest', 'dueDate', 'annualInterestRate', 'interestRateTable'];

export { isJsonObject, rejectUnknownKeys } from '../input/fields.js';

function parseRate(raw: Json, field: Place, rules: RuleSet): RateSource {
  const table = raw.interestRateTable;
  const fixed = raw.annualInterestRate === undefined ? (0 as RatePpm) : parseAnnualRate(raw.annualInterestRate, within(field, 'annualInterestRate'));
  if (table === undefined) return { kind: 'fixed', ppm: fixed };
  const names = Object.keys(rules.rateTables);
  // Own names only: "constructor" is no rate table.
  const found = typeof table === 'string' ? ownValue(rules.rateTables, table) : undefined;
  if (typeof table !== 'string' || found === undefined) {
    throw SaldoError.at('UGYLDIGT_INPUT', within(field, 'interestRateTable'), table, `ukendt rentetabel ${showValue(table)}. Kendte tabeller: ${names.join(', ')}.`);
  }
  if (fixed !== 0) {
    throw new SaldoError(
      'KONFLIKT',
      within(field, 'annualInterestRate'),
      raw.annualInterestRate,
      (name) => `${name(field)}: angiv enten ${name(['annualInterestRate'])} eller ${name(['interestRateTable'])}, ikke begge.`,
    );
  }
  return { kind: 'table', name: table, table: compileRateTable(table, found) };
}

/** A claim's type: a name the rules know (any case, and the ASCII spellings `boligstoette`, `kontanthjaelp`); default `andet`. */
export function parseClaimType(raw: unknown, place: Place, rules: RuleSet): ClaimType {
  if (raw === undefined) return 'andet';
  const id = typeof raw === 'string' ? findClaimType(rules.claimTypes.value, raw) : null;
  if (id !== null) return id;
  throw SaldoError.at('UGYLDIGT_INPUT', place, raw, `${showValue(raw)} er ikke en kendt fordringstype. Brug en af: ${Object.keys(rules.claimTypes.value).join(', ')}.`);
}

/**
 * One claim of an input (`claims[i]` of a plan, or henstand's single `claim`): every field checked,
 * also those the caller does not use, so a wrong value is never passed over in silence.
 */
export function parseClaim(raw: unknown, field: Place, defaultId: string, defaultDueDate: CalendarDate, rules: RuleSet): Claim {
  if (!isJsonObject(raw)) throw SaldoError.at('UGYLDIGT_INPUT', field, raw, (name) => `en fordring skal være et objekt med mindst "${name(['principal'])}" (fik ${showValue(raw)}).`);
  rejectUnknownKeys(raw, CLAIM_KEYS, field);
  const id = raw.id === undefined ? defaultId : raw.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '' || String(id).length > 100) {
    throw SaldoError.at('UGYLDIGT_INPUT', within(field, 'id'), raw.id, `skal være en kort tekst, f.eks. "F1" (fik ${showValue(raw.id)}).`);
  }
  present(raw.principal, within(field, 'principal'), 'angiv fordringens hovedstol i kroner.');
  return {
    id: String(id),
    type: parseClaimType(raw.type, within(field, 'type'), rules),
    principal: parseKroner(raw.principal, within(field, 'principal')),
    fees: raw.fees === undefined ? ore(0) : parseKroner(raw.fees, within(field, 'fees')),
    interest: raw.interest === undefined ? ore(0) : parseKroner(raw.interest, within(field, 'interest')),
    // A claim without a due date is treated as due when the agreement is made.
    dueDate: raw.dueDate === undefined ? defaultDueDate : parseDate(raw.dueDate, within(field, 'dueDate')),
    rate: parseRate(raw, field, rules),
  };
}

function parseMode(input: Json): PlanMode {
  const given = (['installment', 'count', 'paymentCapacity'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) {
    const message = (name: Namer) =>
      given.length === 0
        ? `Angiv præcis én af ${name(['installment'])} (fast ydelse i kroner), ${name(['count'])} (antal ydelser) eller ${name(['paymentCapacity'])} (betalingsevne).`
        : `Angiv kun én af ${name(['installment'])}, ${name(['count'])} og ${name(['paymentCapacity'])} – der er angivet både ${given.map((k) => name([k])).join(' og ')}.`;
    throw new SaldoError(given.length === 0 ? 'MANGLER' : 'KONFLIKT', given.join(',') || 'installment', given, message);
  }
  if (input.rounding !== undefined && given[0] !== 'count') {
    throw new SaldoError('KONFLIKT', ['rounding'], input.rounding, (name) => `${name(['rounding'])} gælder kun sammen med ${name(['count'])} (antal ydelser).`);
  }
  switch (given[0]) {
    case 'installment':
      return { kind: 'installment', installment: parseKroner(input.installment, ['installment'], { allowZero: false }) };
    case 'count':
      return {
        kind: 'count',
        count: wholeNumber(input.count, ['count'], 1, MAX_INSTALLMENTS),
        rounding: input.rounding === undefined ? ore(100) : parseKroner(input.rounding, ['rounding'], { allowZero: false }),
      };
    default: {
      const cap = input.paymentCapacity;
      if (!isJsonObject(cap))
        throw new SaldoError('UGYLDIGT_INPUT', ['paymentCapacity'], cap, (name) => `${name(['paymentCapacity'])} skal være et objekt: {"netIncome": 250000, "supportsChildren": false, "year": 2024}.`);
      rejectUnknownKeys(cap, ['netIncome', 'supportsChildren', 'year'], ['paymentCapacity']);
      present(cap.netIncome, ['paymentCapacity', 'netIncome'], 'angiv den årlige nettoindkomst i kroner.');
      present(cap.year, ['paymentCapacity', 'year'], 'angiv hvilket års betalingsevnetabel der skal bruges.');
      return {
        kind: 'paymentCapacity',
        netIncome: parseKroner(cap.netIncome, ['paymentCapacity', 'netIncome']),
        supportsChildren: flag(cap.supportsChildren, ['paymentCapacity', 'supportsChildren'], false, ' (forsørgerpligt over for børn)'),
        year: wholeNumber(cap.year, ['paymentCapacity', 'year'], 1900, 9999),
      };
    }
  }
}

/**
 * Reads a `plan` input. `extraKeys` are fields another command adds to it (henstand, status).
 */
export function parsePlanInput(input: unknown, rules: RuleSet, extraKeys: readonly string[] = []): PlanTerms {
  if (!isJsonObject(input)) {
    throw new SaldoError('UGYLDIGT_INPUT', [], input, `Inputtet skal være et JSON-objekt med en betalingsaftale (fik ${Array.isArray(input) ? 'en liste' : showValue(input)}).`);
  }
  rejectUnknownKeys(input, [...PLAN_KEYS, ...extraKeys], []);
  // `reference` (a case number or a name for the agreement) is carried by the front ends only.
  if (input.reference !== undefined && (typeof input.reference !== 'string' || input.reference.length > 200)) {
    throw new SaldoError('UGYLDIGT_INPUT', ['reference'], input.reference, (name) => `${name(['reference'])} skal være en kort tekst, f.eks. et sagsnummer.`);
  }
  present(input.firstDueDate, ['firstDueDate'], 'angiv den første ydelses forfaldsdato (ÅÅÅÅ-MM-DD).');
  const firstDueDate = parseDate(input.firstDueDate, ['firstDueDate']);
  const frequency = oneOf(input.frequency, FREQUENCIES, ['frequency'], 'monthly');
  const startDate = input.startDate === undefined ? addMonths(firstDueDate, -monthsPerPeriod(frequency)) : parseDate(input.startDate, ['startDate']);
  if (startDate > firstDueDate) {
    throw new SaldoError(
      'KONFLIKT',
      ['startDate'],
      input.startDate,
      (name) => `${name(['startDate'])} (${startDate}) ligger efter ${name(['firstDueDate'])} (${firstDueDate}); aftalen skal indgås før første ydelse forfalder.`,
    );
  }
  const mode = parseMode(input);
  if (!Array.isArray(input.claims) || input.claims.length === 0) {
    throw SaldoError.at(input.claims === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT', ['claims'], input.claims, 'angiv mindst én fordring, f.eks. [{"id": "F1", "principal": 4200}].');
  }
  if (input.claims.length > 1000) throw SaldoError.at('UGYLDIGT_INPUT', ['claims'], input.claims.length, `højst 1.000 fordringer i én aftale (fik ${input.claims.length}).`);
  const claims = input.claims.map((c: unknown, i: number) => parseClaim(c, ['claims', i], `F${i + 1}`, startDate, rules));
  const ids = new Set<string>();
  for (const [i, c] of claims.entries()) {
    if (ids.has(c.id)) throw SaldoError.at('UGYLDIGT_INPUT', ['claims', i, 'id'], c.id, `fordringen ${showValue(c.id)} står der to gange; hver fordring skal have sit eget id.`);
    ids.add(c.id);
  }
  const accrueFromDueDate = flag(input.accrueFromDueDate, ['accrueFromDueDate'], false, () => ` (fik ${showValue(input.accrueFromDueDate)})`);
  const typed = accrueFromDueDate ? claims.findIndex((c) => c.interest > 0) : -1;
  if (typed >= 0) {
    // Both would count the months from forfald to the agreement twice.
    throw SaldoError.at(
      'KONFLIKT',
      ['claims', typed, 'interest'],
      (input.claims[typed] as Json).interest,
      (name) => `angiv enten de påløbne renter selv (${name(['interest'])}) eller ${name(['accrueFromDueDate'])}, så Saldo beregner dem – ikke begge, ellers tælles renterne to gange.`,
    );
  }
  if (claims.every((c) => c.principal + c.fees + c.interest === 0)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['claims'], input.claims, 'der er ingen gæld at afdrage – alle beløb er 0 kr.');
  }
  return {
    startDate,
    firstDueDate,
    frequency,
    mode,
    claims,
    interestMethod: oneOf(input.interestMethod, INTEREST_METHODS, ['interestMethod'], 'daily'),
    interestBase: oneOf(input.interestBase, INTEREST_BASES, ['interestBase'], 'principal'),
    bankingDays: oneOf(input.bankingDays, BANKING_DAY_POLICIES, ['bankingDays'], 'following'),
    accrueFromDueDate,
  };
}
