import { isSaldoError } from '../../core/errors.js';

/** The Danish message of the SaldoError `f` throws; fails the test when it throws nothing (or something else). */
export function saldoMessage(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('no error');
}
