/**
 * The kommune's settings for letters, from a small JSON file the kommune keeps
 * (`{"kommune": "Ishøj Kommune", "sender": "Opkrævningen", "contact": "tlf. 43 57 70 00",
 * "account": "1234-5678901234"}`): who sends, whom to contact, where to pay. Every field is
 * checked and refused in Danish, naming it; an unknown field is refused, not ignored.
 */
import { SaldoError, showValue } from '../errors.js';
import { parseDate } from '../calendar/date.js';
import { isJsonObject, rejectUnknownKeys } from '../input/fields.js';
import type { LetterSettings } from './letterContent.js';

export interface KommuneSettings {
  kommune: string;
  /** The department that signs ("Opkrævningen"). */
  sender?: string;
  contact: string;
  /** Reg.nr. and kontonr. for payments, "1234-5678901234". */
  account?: string;
}

const KEYS = ['kommune', 'sender', 'contact', 'account'];

/** A short text field of a letters input (settings, a case letter's recipient), trimmed; refused in Danish, naming it. */
export function letterText(raw: Record<string, unknown>, key: string, required: boolean): string | undefined {
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
  const account = letterText(raw, 'account', false);
  // A Danish account: a four-digit reg.nr. and a kontonr. of up to ten digits.
  if (account !== undefined && !/^\d{4}[ -]?\d{1,10}$/.test(account)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['account'], account, `skriv reg.nr. og kontonr. som "1234-5678901234" (fik ${showValue(account)}).`);
  }
  const sender = letterText(raw, 'sender', false);
  return { kommune: letterText(raw, 'kommune', true)!, contact: letterText(raw, 'contact', true)!, ...(sender ? { sender } : {}), ...(account ? { account } : {}) };
}

/** The settings as the letters take them, dated `date` (YYYY-MM-DD, the caller's today). */
export const letterSettingsOf = (s: KommuneSettings, date: string): LetterSettings & { sender?: string } => ({
  kommune: s.kommune,
  contact: s.contact,
  date: parseDate(date, 'date'),
  ...(s.account ? { account: s.account } : {}),
  ...(s.sender ? { sender: s.sender } : {}),
});
