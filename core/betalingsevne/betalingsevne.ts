/**
 * Betalingsevne (gældsinddrivelsesbekendtgørelsen § 11): yearly afdrag = afdragsprocent ×
 * yearly net income; the monthly afdrag is that / 12 rounded DOWN to a multiple of 50 kr.
 */
import { SaldoError } from '../errors.js';
import { formatKroner, ore, type Ore } from '../money/ore.js';
import { divideRounded } from '../money/rounding.js';
import { BETALINGSEVNE_STEP_ORE, type BetalingsevneRow } from '../rules/betalingsevne.js';
import { ownValue } from '../rules/ownNames.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface Betalingsevne {
  /** Afdragsprocent from the table. */
  percent: number;
  /** The bracket used. */
  row: BetalingsevneRow;
  yearly: Ore;
  monthly: Ore;
}

/**
 * @example monthlyBetalingsevne(ore(20_000_000), false, 2024, rules) // 13 %: 26.000 kr./12 = 2.166,67 → 2.150 kr.
 */
export function monthlyBetalingsevne(netIncome: Ore, supportsChildren: boolean, year: number, rules: RuleSet): Betalingsevne {
  const table = ownValue(rules.betalingsevne, String(year));
  const years = Object.keys(rules.betalingsevne).sort();
  if (!table) {
    throw new SaldoError(
      'UDEN_FOR_TABEL',
      ['paymentCapacity', 'year'],
      year,
      `Der er ingen betalingsevnetabel for ${year}; standardtabellen dækker kun ${years.join(', ')}. Indlæs den fulde tabel for ${year} (SKM-meddelelsen fra Gældsstyrelsen) som regelfil.`,
    );
  }
  const kroner = Math.floor(netIncome / 100);
  const row = table.rows.find((r) => kroner >= r.from && (r.to === null || kroner <= r.to));
  if (!row) {
    const last = table.rows[table.rows.length - 1];
    throw new SaldoError(
      'UDEN_FOR_TABEL',
      ['paymentCapacity', 'netIncome'],
      netIncome / 100,
      `Betalingsevnetabellen for ${year} dækker kun nettoindkomster op til ${formatKroner(ore((last?.to ?? 0) * 100)).replace(',00 kr.', ' kr.')}; nettoindkomsten er ${formatKroner(netIncome)}. Standardtabellen er ufuldstændig – indlæs den fulde tabel (${table.source.split(' ')[0]}) som regelfil.`,
    );
  }
  const percent = supportsChildren ? row.withChildren : row.withoutChildren;
  const yearly = ore(divideRounded(netIncome * percent, 100, 'floor'));
  // yearly / 12 rounded down to 50 kr. = floor(netIncome × percent / (100 × 12 × 5000)) × 5000.
  const monthly = ore(divideRounded(netIncome * percent, 100 * 12 * BETALINGSEVNE_STEP_ORE, 'floor') * BETALINGSEVNE_STEP_ORE);
  return { percent, row, yearly, monthly };
}
