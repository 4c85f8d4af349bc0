/**
 * Core's errors as Excel cell errors. Only #VALUE! and #N/A show a message in Excel, so every
 * input problem is #VALUE! with core's Danish message; a schedule past the row cap is #NUM!.
 * Nothing escapes uncaught.
 */
import { isSaldoError } from '../../core/errors.js';

export function toCellError(e: unknown): CustomFunctions.Error {
  // Already a cell error ("ingen data" as #N/A): as it is.
  if (e instanceof CustomFunctions.Error) return e;
  if (isSaldoError(e)) {
    const code = e.code === 'FOR_MANGE_RÆKKER' ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Intern fejl i Saldo: ${message}`);
}

/** Runs a function body; any failure becomes a cell error. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(e);
  }
}
