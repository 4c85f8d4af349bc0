/**
 * Numbers typed or exported the Danish way, one grammar for every reader (task pane fields,
 * Excel arguments, follow-up tables, CSV and xlsx ledgers): decimal comma with `.` thousands
 * (`1.234,56`), or a decimal point (`1234.56`); a space may group thousands (`1 234,56`), a sign
 * may lead (`-`, `−`, `+`) and `kr.` may follow. A dot before exactly three digits (and nothing
 * else) groups thousands: `1.234` is 1234. Anything else is refused, never guessed.
 */
import { SaldoError, showValue, type At } from '../errors.js';

const COMMA_DECIMAL = /^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/;
const POINT_DECIMAL = /^\d+(\.\d+)?$/;
const THOUSANDS_ONLY = /^\d{1,3}(\.\d{3})+$/;
const SPACED_THOUSANDS = /^\d{1,3}(\s\d{3})+([,.]\d+)?$/;

/**
 * The number in plain decimal-point form (`-1234.56`), or null when the text is not a number by
 * the grammar above. This is the grammar's definition; `parseAmountText` is its fast path.
 * @example danishNumberText('1.234,56 kr.') // "1234.56"
 */
export function danishNumberText(text: string): string | null {
  let t = text.trim().replace(/\s*kr\.?$/i, '');
  let sign = '';
  const first = t.charAt(0);
  if (first === '-' || first === '\u2212' || first === '+') {
    sign = first === '+' ? '' : '-';
    t = t.slice(1).trimStart();
  }
  // A space (also a no-break or thin one) only as a thousands separator: "1 234,56", never "12 34".
  if (/\s/.test(t)) {
    if (!SPACED_THOUSANDS.test(t)) return null;
    t = t.replace(/\s/g, '');
  }
  let plain: string | null = null;
  if (t.includes(',')) {
    if (COMMA_DECIMAL.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  } else if (THOUSANDS_ONLY.test(t)) {
    plain = t.replace(/\./g, '');
  } else if (POINT_DECIMAL.test(t)) {
    plain = t;
  }
  return plain === null ? null : sign + plain;
}

/**
 * @example parseDanishNumber('1.234,56', 'beløb') // 1234.56
 * @example parseDanishNumber('1.234', 'beløb') // 1234 (a dot before 3 digits is a thousands separator)
 * @example parseDanishNumber('12.5', 'beløb') // 12.5
 */
export function parseDanishNumber(text: string, field: At): number {
  const plain = danishNumberText(text);
  if (plain === null) throw SaldoError.at('UGYLDIGT_BELØB', field, text, `${showValue(text)} er ikke et tal. Skriv f.eks. 1.234,56 eller 1234,56.`);
  const n = Number(plain);
  return n === 0 ? 0 : n; // no −0
}

/** Most whole-krone digits an amount may have (100 mia. kr.): beyond it øre are not exact. */
const MAX_WHOLE_DIGITS = 11;

/** Øre from plain decimal-point text (`-1234.5`), or null with more than 2 decimals or 11 digits. */
function oreOfPlain(plain: string): number | null {
  const negative = plain.charCodeAt(0) === 45;
  const dot = plain.indexOf('.');
  const whole = plain.slice(negative ? 1 : 0, dot < 0 ? plain.length : dot).replace(/^0+(?=\d)/, '');
  const frac = dot < 0 ? '' : plain.slice(dot + 1);
  if (frac.length > 2 || whole.length > MAX_WHOLE_DIGITS) return null;
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return value === 0 ? 0 : negative ? -value : value;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Øre from amount text by the grammar above, or null if it is not an amount with at most 2
 * decimals. A character loop for the shapes exports have (a million-row ledger parses a
 * million of these); anything it does not know (spaces inside, `kr.`) goes to the grammar.
 * A property test holds the two equal.
 * @example parseAmountText('1.234,56') // 123456
 */
export function parseAmountText(text: string): number | null {
  let i = 0;
  let end = text.length;
  while (i < end && text.charCodeAt(i) === 32) i += 1;
  while (end > i && text.charCodeAt(end - 1) === 32) end -= 1;
  if (i === end) return null;
  // Spaces inside, "kr.", other blanks: the grammar decides (they change how a dot reads).
  for (let k = i; k < end; k += 1) {
    const c = text.charCodeAt(k);
    if (!isDigit(c) && c !== 44 && c !== 46 && c !== 45 && c !== 43 && c !== 0x2212) return slowAmount(text);
  }
  let sign = 1;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 0x2212) {
    sign = -1;
    i += 1;
  } else if (first === 43) i += 1;
  const hasComma = text.indexOf(',', i) >= 0;
  let whole = 0;
  let digits = 0;
  let groupDigits = -1; // digits since the last thousands dot, or -1 before any
  let frac = -1; // decimals seen, -1 before the decimal mark
  let fracValue = 0;
  for (; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (frac >= 0) {
        if (frac === 2) return null;
        fracValue = fracValue * 10 + (c - 48);
        frac += 1;
      } else {
        whole = whole * 10 + (c - 48);
        digits += 1;
        if (groupDigits >= 0) groupDigits += 1;
        if (digits > MAX_WHOLE_DIGITS) return slowAmount(text);
      }
    } else if (c === 44) {
      // decimal comma
      if (frac >= 0 || digits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return null;
      frac = 0;
    } else if (c === 46) {
      if (frac >= 0) return null;
      if (hasComma || isThousandsDot(text, i, end)) {
        // a thousands dot: 1–3 digits before the first, exactly 3 between them
        if (digits === 0 || (groupDigits < 0 ? digits > 3 : groupDigits !== 3)) return null;
        groupDigits = 0;
      } else {
        if (digits === 0 || groupDigits >= 0) return null;
        frac = 0;
      }
    } else return null;
  }
  if (digits === 0 || frac === 0 || (frac < 0 && groupDigits >= 0 && groupDigits !== 3)) return null;
  const value = whole * 100 + (frac === 1 ? fracValue * 10 : frac === 2 ? fracValue : 0);
  return value === 0 ? 0 : sign * value;
}

/** The grammar's answer for text the fast loop does not read itself. */
function slowAmount(text: string): number | null {
  const plain = danishNumberText(text);
  return plain === null ? null : oreOfPlain(plain);
}

/** Without a comma, a dot is a thousands separator only in `1.234` / `12.345.678` shapes. */
function isThousandsDot(text: string, dot: number, end: number): boolean {
  return /^(\.\d{3})+$/.test(text.slice(dot, end));
}
