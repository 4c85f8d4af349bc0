/**
 * The kommune's settings for letters, from a small JSON file the kommune keeps
 * (`{"kommune": "Ishøj Kommune", "sender": "Opkrævningen", "contact": "tlf. 43 57 70 00",
 * "account": "1234-5678901234"}`): who sends, whom to contact, where to pay. Every field is
 * checked and refused in Danish, naming it; an unknown field is refused, not ignored.
 */
import { SaldoError, showValue } from '../errors.js';
import { isJsonObject, rejectUnknownKeys } from '../input/fields.js';

export interface KommuneSettings {
  kommune: string;
  /** The department that signs ("Opkrævningen"). */
  sender?: string;
  contact: string;
  /** Reg.nr. and kontonr. for payments, "1234-5678901234". */
  account?: string;
}

const KEYS = ['kommune', 'sender', 'contact', 'account'];

function text(raw: Record<string, unknown>, key: string, required: boolean): string | undefined {
  const v = raw[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || v.trim() === '' || v.length > 200) {
    throw SaldoError.at(v === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT', [key], v, `skal være en tekst på højst 200 tegn (fik ${showValue(v)}).`);
  }
  return v.trim();
}

export function parseKommuneSettings(raw: unknown): KommuneSettings {
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Indstillingerne skal være et objekt: {"kommune": "…", "contact": "…", "sender": "…", "account": "1234-5678901234"}.');
  rejectUnknownKeys(raw, KEYS, []);
  const account = text(raw, 'account', false);
  // A Danish account: a four-digit reg.nr. and a kontonr. of up to ten digits.
  if (account !== undefined && !/^\d{4}[ -]?\d{1,10}$/.test(account)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['account'], account, `skriv reg.nr. og kontonr. som "1234-5678901234" (fik ${showValue(account)}).`);
  }
  const sender = text(raw, 'sender', false);
  return { kommune: text(raw, 'kommune', true)!, contact: text(raw, 'contact', true)!, ...(sender ? { sender } : {}), ...(account ? { account } : {}) };
}
