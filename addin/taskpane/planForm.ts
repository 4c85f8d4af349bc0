/**
 * The Betalingsaftale form as plain data, and its translation to a `plan` input. Text fields are
 * read the Danish way ("1.234,56"); the rate field is in percent. Errors from core are mapped to
 * the form field they concern so the page can show them beside it.
 */
import { isSaldoError, jsonPath, SaldoError, type At, type Namer } from '../../core/errors.js';
import { parseDanishNumber } from '../../core/input/number.js';
import type { ClaimInput, HenstandInput, PlanInput } from '../../core/commands/index.js';
import type { ClaimType } from '../../core/rules/claimTypes.js';
import { claimsFromRange, isBlank } from '../shared/excelArgs.js';
import { strings } from './strings.js';

export interface TypedClaim {
  id: string;
  type: ClaimType;
  principal: string;
  fees: string;
  dueDate: string;
}

export interface PlanForm {
  claimsSource: 'typed' | 'selection';
  typedClaims: TypedClaim[];
  selection: { address: string; values: unknown[][] } | null;
  mode: 'installment' | 'count' | 'paymentCapacity';
  installment: string;
  count: string;
  rounding: string;
  netIncome: string;
  supportsChildren: boolean;
  year: string;
  firstDueDate: string;
  startDate: string;
  frequency: 'monthly' | 'quarterly';
  annualRate: string;
  interestMethod: 'daily' | 'monthly' | 'perStartedMonth';
  /** Saldo computes the interest from each claim's forfald to the agreement date. */
  accrueFromDueDate: boolean;
  reference: string;
}

export type FormField =
  'claims' | 'installment' | 'count' | 'rounding' | 'netIncome' | 'year' | 'firstDueDate' | 'startDate' | 'annualRate' | 'henstandFrom' | 'henstandMonths' | 'reducedInstallment' | 'form';

export const emptyForm = (): PlanForm => ({
  claimsSource: 'typed',
  typedClaims: [{ id: 'F1', type: 'andet', principal: '', fees: '', dueDate: '' }],
  selection: null,
  mode: 'installment',
  installment: '',
  count: '',
  rounding: '1',
  netIncome: '',
  supportsChildren: false,
  year: '2024',
  firstDueDate: '',
  startDate: '',
  frequency: 'monthly',
  annualRate: '',
  interestMethod: 'daily',
  accrueFromDueDate: false,
  reference: '',
});

/** A form field's text as a number, or undefined when blank. */
function num(text: string, field: At): number | undefined {
  return isBlank(text) ? undefined : parseDanishNumber(text, field);
}

function required(text: string, field: At, label: string): number {
  const n = num(text, field);
  if (n === undefined) throw new SaldoError('MANGLER', field, text, `${label} mangler.`);
  return n;
}

/** The form as a `plan` input (JSON), or a SaldoError naming the field. */
export function formToPlanInput(form: PlanForm): PlanInput {
  const ratePercent = num(form.annualRate, 'annualRate');
  if (ratePercent !== undefined && (ratePercent < 0 || ratePercent >= 100)) {
    throw new SaldoError('UGYLDIG_SATS', 'annualRate', form.annualRate, 'Renten skal være mellem 0 og 100 %.');
  }
  // The field is in percent; core reads a value below 1 as a fraction, so pass the fraction.
  const annualInterestRate = ratePercent === undefined ? undefined : ratePercent / 100;

  let claims: ClaimInput[];
  if (form.claimsSource === 'selection') {
    if (!form.selection) throw new SaldoError('MANGLER', 'claims', null, 'Markér fordringerne i arket og klik “Hent fra markering”.');
    // The selection's cells are checked by the command at run time, as JSON's are.
    claims = claimsFromRange(form.selection.values, 'Markeringen') as unknown as ClaimInput[];
  } else {
    claims = form.typedClaims
      .filter((c) => !isBlank(c.principal) || !isBlank(c.fees))
      .map((c, i) => ({
        id: c.id.trim() || `F${i + 1}`,
        type: c.type,
        principal: required(c.principal, 'claims', `Hovedstol for fordring ${i + 1}`),
        ...(isBlank(c.fees) ? {} : { fees: parseDanishNumber(c.fees, 'claims') }),
        ...(isBlank(c.dueDate) ? {} : { dueDate: c.dueDate }),
      }));
  }
  if (annualInterestRate !== undefined) {
    claims = claims.map((c) => (c.annualInterestRate === undefined ? { ...c, annualInterestRate } : c));
  }

  const mode =
    form.mode === 'installment'
      ? { installment: required(form.installment, 'installment', 'Ydelsen') }
      : form.mode === 'count'
        ? { count: required(form.count, 'count', 'Antal ydelser'), rounding: num(form.rounding, 'rounding') ?? 1 }
        : { paymentCapacity: { netIncome: required(form.netIncome, 'netIncome', 'Nettoindkomsten'), supportsChildren: form.supportsChildren, year: required(form.year, 'year', 'Tabelåret') } };

  if (isBlank(form.firstDueDate)) throw new SaldoError('MANGLER', 'firstDueDate', '', 'Første forfaldsdato mangler.');
  return {
    firstDueDate: form.firstDueDate,
    ...(isBlank(form.startDate) ? {} : { startDate: form.startDate }),
    frequency: form.frequency,
    interestMethod: form.interestMethod,
    ...(form.accrueFromDueDate ? { accrueFromDueDate: true } : {}),
    ...mode,
    claims,
    ...(isBlank(form.reference) ? {} : { reference: form.reference.trim() }),
  };
}

/** Which form field a core error is about (core names places in its JSON input; the form has its own). */
export function formFieldOf(error: SaldoError): FormField {
  const [first, second] = error.place;
  if (first === 'henstand') return second === 'from' ? 'henstandFrom' : second === 'months' ? 'henstandMonths' : second === 'installment' ? 'reducedInstallment' : 'form';
  if (first === 'claims' || first === 'Markeringen') return 'claims';
  if (first === 'paymentCapacity') return second === 'netIncome' ? 'netIncome' : second === 'year' ? 'year' : 'form';
  if (error.place.at(-1) === 'annualInterestRate' || first === 'annualRate') return 'annualRate';
  const known: FormField[] = ['installment', 'count', 'rounding', 'netIncome', 'year', 'firstDueDate', 'startDate'];
  return error.place.length === 1 && (known as unknown[]).includes(first) ? (first as FormField) : 'form';
}

/** The form's words for the places of a `plan` or `henstand` input, as a message names them. */
const FORM_NAMES: Readonly<Record<string, string>> = {
  installment: 'ydelsen',
  count: 'antal ydelser',
  rounding: 'afrundingen',
  firstDueDate: 'første forfaldsdato',
  startDate: 'aftaledatoen',
  paymentCapacity: 'betalingsevnen',
  'paymentCapacity.netIncome': 'nettoindkomsten',
  'paymentCapacity.year': 'tabelåret',
  claims: 'fordringerne',
  'henstand.from': 'henstandens første dag',
  'henstand.months': 'antal måneder',
  'henstand.installment': 'den nedsatte ydelse',
  interestDuringHenstand: 'rente under henstand',
  accrueFromDueDate: 'renter fra forfaldsdato',
  interest: 'påløbne renter',
  annualInterestRate: 'renten',
  interestRateTable: 'rentetabellen',
};
const CLAIM_NAMES: Readonly<Record<string, string>> = {
  principal: 'hovedstol',
  fees: 'gebyrer',
  interest: 'renter',
  dueDate: 'forfaldsdato',
  annualInterestRate: 'rente',
  id: 'fordring',
  type: 'type',
};

/** How the pane names a place in core's input: by the form's own words. */
export const formNamer: Namer = (place) => {
  const path = jsonPath(place);
  if (Object.hasOwn(FORM_NAMES, path)) return FORM_NAMES[path]!;
  const [list, index, field] = place;
  if (list === 'claims' && typeof index === 'number') return `fordring ${index + 1}${field === undefined ? '' : `, ${CLAIM_NAMES[String(field)] ?? String(field)}`}`;
  return path;
};

/** Core's message for showing beside the form field: without the place the field itself shows. */
export function fieldMessage(error: SaldoError): string {
  const text = error.reasonFor(formNamer);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A computation's value, or its error placed at a form field. */
export type Outcome<T> = { value: T; error?: undefined } | { value?: undefined; error: { field: FormField; message: string } };

export function outcomeOf<T>(compute: () => T, fieldOf: (e: SaldoError) => FormField = formFieldOf): Outcome<T> {
  try {
    return { value: compute() };
  } catch (e) {
    if (isSaldoError(e)) return { error: { field: fieldOf(e), message: fieldMessage(e) } };
    return { error: { field: 'form', message: strings.internalError((e as Error).message) } };
  }
}

/** Whether the user has filled in enough that an error is worth showing. */
export const started = (f: PlanForm): boolean => f.firstDueDate !== '' || f.installment !== '' || f.count !== '' || f.netIncome !== '';

/** The henstand part of the Henstand page's form. */
export interface HenstandForm {
  from: string;
  months: string;
  kind: 'full' | 'reduced';
  reducedInstallment: string;
  interestDuringHenstand: boolean;
}

export const emptyHenstandForm = (): HenstandForm => ({ from: '', months: '3', kind: 'full', reducedInstallment: '', interestDuringHenstand: true });

/** The agreement and the henstand as a `henstand` input. */
export function formToHenstandInput(form: PlanForm, h: HenstandForm): HenstandInput {
  const plan = formToPlanInput(form);
  if (isBlank(h.from)) throw new SaldoError('MANGLER', ['henstand', 'from'], '', 'Angiv henstandens første dag.');
  const months = required(h.months, ['henstand', 'months'], 'Antal måneder');
  return {
    ...plan,
    henstand: {
      from: h.from,
      months,
      kind: h.kind,
      ...(h.kind === 'reduced' ? { installment: required(h.reducedInstallment, ['henstand', 'installment'], 'Den nedsatte ydelse') } : {}),
    },
    interestDuringHenstand: h.interestDuringHenstand,
  };
}
