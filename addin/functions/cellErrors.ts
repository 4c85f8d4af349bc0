/**
 * Core's errors as Excel cell errors. Only #VALUE! and #N/A show a message in Excel, so every
 * input problem is #VALUE! with core's Danish message; a schedule past the row cap is #NUM!.
 * Nothing escapes uncaught.
 */
import { isSaldoError } from '../../core/errors.js';

const CLAIM_FIELDS: Readonly<Record<string, string>> = { principal: 'hovedstol', fees: 'gebyrer', interest: 'renter', dueDate: 'forfaldsdato', annualInterestRate: 'rente', interestRateTable: 'rentetabel', type: 'type', id: 'fordring' };
const ARGUMENTS: Readonly<Record<string, string>> = {
  firstDueDate: 'første_forfald', startDate: 'aftaledato', installment: 'ydelse', count: 'antal', rounding: 'afrunding',
  frequency: 'hyppighed', interestMethod: 'rentemetode', graceDays: 'frist', asOf: 'opgørelsesdato',
  interestDuringHenstand: 'rente_under_henstand', 'henstand.months': 'måneder', 'henstand.from': 'henstand_fra',
  'henstand.installment': 'nedsat_ydelse', reducedInstallment: 'nedsat_ydelse', paymentCapacity: 'betalingsevne', claims: 'fordringer', payments: 'indbetalinger', installments: 'afdragsplan',
};

/**
 * Core names a field by its JSON path (`claims[0].principal`, `graceDays`); a cell shows the
 * function's Danish argument names instead (`fordring 1, hovedstol`, `frist`). `names` maps
 * whole paths for one function first (YDELSE's amount is `claims[0].principal`).
 */
export function danishFieldNames(message: string, names: Readonly<Record<string, string>> = {}): string {
  let text = message;
  for (const [path, name] of Object.entries(names)) text = text.split(path).join(name);
  return text
    .replace(/\bclaims\[(\d+)\]\.(\w+)/g, (_, i: string, f: string) => `fordring ${Number(i) + 1}, ${CLAIM_FIELDS[f] ?? f}`)
    .replace(/\bclaims\[(\d+)\]/g, (_, i: string) => `fordring ${Number(i) + 1}`)
    .replace(/\binstallments\[(\d+)\]\.(\w+)/g, (_, i: string, f: string) => `afdragsplanens ydelse ${Number(i) + 1}, ${f === 'amount' ? 'ydelse' : 'forfaldsdato'}`)
    .replace(/\bpayments\[(\d+)\]\.(\w+)/g, (_, i: string, f: string) => `indbetaling ${Number(i) + 1}, ${f === 'amount' ? 'beløb' : 'dato'}`)
    .replace(/\b(henstand\.\w+|[a-zA-Z]+)\b/g, (word) => (Object.hasOwn(ARGUMENTS, word) ? ARGUMENTS[word]! : word));
}

export function toCellError(e: unknown, names?: Readonly<Record<string, string>>): CustomFunctions.Error {
  // Already a cell error ("ingen data" as #N/A): as it is.
  if (e instanceof CustomFunctions.Error) return e;
  if (isSaldoError(e)) {
    const code = e.code === 'FOR_MANGE_RÆKKER' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, danishFieldNames(e.message, names));
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
