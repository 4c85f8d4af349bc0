/**
 * Numbers typed or exported the Danish way: decimal comma with `.` thousands (`1.234,56`), or a
 * decimal point (`1234.56`). Used where text comes in (task pane fields, CSV files).
 */
import { SaldoError, showValue, type At } from '../errors.js';

const COMMA_DECIMAL = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/;
const POINT_DECIMAL = /^-?\d+(\.\d+)?$/;
const THOUSANDS_ONLY = /^-?\d{1,3}(\.\d{3})+$/;
const SPACED_THOUSANDS = /^-?\d{1,3}(\s\d{3})+([,.]\d+)?$/;

/**
 * @example parseDanishNumber('1.234,56', 'beløb') // 1234.56
 * @example parseDanishNumber('1.234', 'beløb') // 1234 (a dot before 3 digits is a thousands separator)
 * @example parseDanishNumber('12.5', 'beløb') // 12.5
 */
export function parseDanishNumber(text: string, field: At): number {
  let t = text.trim().replace(/\s*kr\.?$/i, '').replace(/\u2212/g, '-').replace(/^-\s+/, '-');
  // A space (also a no-break or thin one) only as a thousands separator: "1 234,56", never "500 500".
  if (/\s/.test(t)) t = SPACED_THOUSANDS.test(t) ? t.replace(/\s/g, '') : '';
  let normal: string | undefined;
  if (t.includes(',')) {
    if (COMMA_DECIMAL.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  } else if (THOUSANDS_ONLY.test(t)) {
    normal = t.replace(/\./g, '');
  } else if (POINT_DECIMAL.test(t)) {
    normal = t;
  }
  if (normal === undefined) {
    throw SaldoError.at('UGYLDIGT_BELØB', field, text, `${showValue(text)} er ikke et tal. Skriv f.eks. 1.234,56 eller 1234,56.`);
  }
  return Number(normal);
}
