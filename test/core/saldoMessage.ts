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

/** The same for a command that answers with a promise: the Danish message of the SaldoError it rejects with. */
export async function saldoMessageOf(answer: Promise<unknown>): Promise<string> {
  try {
    await answer;
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('no error');
}
