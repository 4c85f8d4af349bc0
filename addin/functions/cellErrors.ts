/**
 * Core's errors as Excel cell errors. Only #VALUE! and #N/A show a message in Excel, so every
 * input problem is #VALUE! with core's Danish message; a schedule past the row cap is #NUM!.
 * Nothing escapes uncaught.
 */
import { isSaldoError, jsonPath, type Namer } from '../../core/errors.js';

const CLAIM_FIELDS: Readonly<Record<string, string>> = {
  principal: 'hovedstol',
  fees: 'gebyrer',
  interest: 'renter',
  dueDate: 'forfaldsdato',
  annualInterestRate: 'rente',
  interestRateTable: 'rentetabel',
  type: 'type',
  id: 'fordring',
};
const ARGUMENTS: Readonly<Record<string, string>> = {
  firstDueDate: 'første_forfald',
  startDate: 'aftaledato',
  installment: 'ydelse',
  count: 'antal',
  rounding: 'afrunding',
  frequency: 'hyppighed',
  interestMethod: 'rentemetode',
  graceDays: 'frist',
  asOf: 'opgørelsesdato',
  interestDuringHenstand: 'rente_under_henstand',
  'henstand.months': 'måneder',
  'henstand.from': 'henstand_fra',
  'henstand.installment': 'nedsat_ydelse',
  reducedInstallment: 'nedsat_ydelse',
  paymentCapacity: 'betalingsevne',
  claims: 'fordringer',
  payments: 'indbetalinger',
  installments: 'afdragsplan',
};

/**
 * How a cell names a place in core's input: by the function's Danish arguments (`fordring 1,
 * hovedstol`, `frist`) instead of JSON paths. `names` maps whole paths for one function first
 * (YDELSE's amount is `claims[0].principal`, its argument `beløb`).
 */
export function cellNamer(names: Readonly<Record<string, string>> = {}): Namer {
  return (place) => {
    const path = jsonPath(place);
    if (Object.hasOwn(names, path)) return names[path]!;
    if (Object.hasOwn(ARGUMENTS, path)) return ARGUMENTS[path]!;
    const [list, index, field] = place;
    if (typeof index === 'number') {
      const n = index + 1;
      const rest = field === undefined ? '' : String(field);
      if (list === 'claims') return field === undefined ? `fordring ${n}` : `fordring ${n}, ${CLAIM_FIELDS[rest] ?? rest}`;
      if (list === 'installments') return `afdragsplanens ydelse ${n}${field === undefined ? '' : `, ${rest === 'amount' ? 'ydelse' : 'forfaldsdato'}`}`;
      if (list === 'payments') return `indbetaling ${n}${field === undefined ? '' : `, ${rest === 'amount' ? 'beløb' : 'dato'}`}`;
    }
    return path;
  };
}

export function toCellError(e: unknown, names?: Readonly<Record<string, string>>): CustomFunctions.Error {
  // Already a cell error ("ingen data" as #N/A): as it is.
  if (e instanceof CustomFunctions.Error) return e;
  if (isSaldoError(e)) {
    const code = e.code === 'FOR_MANGE_RÆKKER' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.messageFor(cellNamer(names)));
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Intern fejl i Saldo: ${message}`);
}

/** Runs a function body; any failure becomes a cell error (with `names` for this function's own paths). */
export function guarded<T>(body: () => T, names?: Readonly<Record<string, string>>): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(e, names);
  }
}
