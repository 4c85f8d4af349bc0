/**
 * Annual interest rates as integer parts per million (8,05 % = 80_500 ppm), so interest is
 * exact integer arithmetic.
 */
import { SaldoError, showValue, type At } from '../errors.js';

declare const rateBrand: unique symbol;
export type RatePpm = number & { readonly [rateBrand]: true };

/** The highest annual rate accepted (100 %): anything above is a typing error. */
const MAX_PPM = 1_000_000;

/**
 * Reads an annual rate. It may be given the way Excel holds a percentage (0.0805 for 8,05 %,
 * what a cell formatted 8,05 % contains) or as a percentage number (8.05). A value below 1 is
 * read as a fraction: no Danish claim rate is below 1 % a year, while every fraction is.
 * @example parseAnnualRate(0.0805, 'rate') // 80_500
 * @example parseAnnualRate(8.05, 'rate') // 80_500
 */
export function parseAnnualRate(value: unknown, field: At): RatePpm {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw SaldoError.at('UGYLDIG_SATS', field, value, `renten skal være et tal, f.eks. 8.05 (8,05 %) eller 0.0805 (fik ${showValue(value)}).`);
  }
  if (value < 0) {
    throw SaldoError.at('UGYLDIG_SATS', field, value, `renten må ikke være negativ (${String(value).replace('.', ',')}).`);
  }
  const ppm = value < 1 ? value * 1_000_000 : value * 10_000;
  const rounded = Math.round(ppm);
  if (Math.abs(ppm - rounded) > 1e-6) {
    throw SaldoError.at('UGYLDIG_SATS', field, value, `renten ${String(value).replace('.', ',')} har for mange decimaler (højst 4 decimaler i procent).`);
  }
  if (rounded > MAX_PPM) {
    throw SaldoError.at('UGYLDIG_SATS', field, value, `en årlig rente på ${String(value).replace('.', ',')} % er urealistisk (over 100 %).`);
  }
  return rounded as RatePpm;
}

/** Danish text for a rate: 80_500 → "8,05 %". */
export function formatRate(ppm: number): string {
  const percent = ppm / 10_000;
  return `${String(percent).replace('.', ',')} %`;
}
