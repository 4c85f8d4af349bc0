/**
 * Henstand (deferral) terms, parsed from a `henstand` input (SPEC "henstand"):
 * `{"from": "2026-05-01", "months": 3, "kind": "full"}` or
 * `{"from": …, "months": …, "kind": "reduced", "installment": 200}`, and
 * `interestDuringHenstand` (default true).
 */
import { addMonthsToDay, parseDate, partsOf, toDayNumber, type CalendarDate, type DayNumber } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import type { InterestFreeWindow } from '../interest/accrue.js';
import { parseKroner, type Ore } from '../money/ore.js';

export type HenstandKind = 'full' | 'reduced';

export interface HenstandTerms {
  from: CalendarDate;
  months: number;
  kind: HenstandKind;
  /** The lower installment during a reduced henstand. */
  installment?: Ore;
  interestDuringHenstand: boolean;
}

/** The henstand as day numbers for the schedule engine. */
export interface HenstandWindow {
  kind: HenstandKind;
  months: number;
  start: DayNumber;
  /** First day after the henstand (from + months, month-end clamped). */
  end: DayNumber;
  installment?: Ore;
  /** Present when interest does not run during the henstand. */
  free?: InterestFreeWindow;
}

export const MAX_HENSTAND_MONTHS = 120;

export function parseHenstand(raw: unknown, interestDuringHenstand: unknown): HenstandTerms {
  if (!isJsonObject(raw)) {
    throw new SaldoError(
      raw === undefined ? 'MANGLER' : 'UGYLDIGT_INPUT',
      ['henstand'],
      raw,
      (name) => `${name(['henstand'])} skal være et objekt, f.eks. {"from": "2026-05-01", "months": 3, "kind": "full"}.`,
    );
  }
  rejectUnknownKeys(raw, ['from', 'months', 'kind', 'installment'], ['henstand']);
  present(raw.from, ['henstand', 'from'], 'angiv datoen, hvor henstanden begynder.');
  const from = parseDate(raw.from, ['henstand', 'from']);
  const months = raw.months;
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_HENSTAND_MONTHS) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['henstand', 'months'], months, `antal måneder skal være et helt tal fra 1 til ${MAX_HENSTAND_MONTHS} (fik ${showValue(months)}).`);
  }
  const kind = raw.kind ?? 'full';
  if (kind !== 'full' && kind !== 'reduced') {
    throw SaldoError.at('UGYLDIGT_INPUT', ['henstand', 'kind'], kind, `${showValue(kind)} er ikke en gyldig værdi. Brug "full" (ingen betaling) eller "reduced" (lavere ydelse).`);
  }
  if (kind === 'reduced' && raw.installment === undefined) {
    throw new SaldoError(
      'MANGLER',
      ['henstand', 'installment'],
      undefined,
      (name) => `${name(['henstand', 'installment'])} mangler: en nedsat henstand ("reduced") skal have den lavere ydelse i kroner.`,
    );
  }
  if (kind === 'full' && raw.installment !== undefined) {
    throw new SaldoError(
      'KONFLIKT',
      ['henstand', 'installment'],
      raw.installment,
      (name) => `${name(['henstand', 'installment'])} gælder kun en nedsat henstand ("reduced"); en fuld henstand har ingen betalinger.`,
    );
  }
  if (interestDuringHenstand !== undefined && typeof interestDuringHenstand !== 'boolean') {
    throw new SaldoError('UGYLDIGT_INPUT', ['interestDuringHenstand'], interestDuringHenstand, (name) => `${name(['interestDuringHenstand'])} skal være true (renten løber, standard) eller false.`);
  }
  return {
    from,
    months,
    kind,
    ...(kind === 'reduced' ? { installment: reducedInstallment(raw.installment) } : {}),
    interestDuringHenstand: interestDuringHenstand !== false,
  };
}

function reducedInstallment(raw: unknown): Ore {
  const amount = parseKroner(raw, ['henstand', 'installment']);
  if (amount === 0) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['henstand', 'installment'], raw, 'en nedsat ydelse på 0 kr. er en fuld henstand – brug "kind": "full".');
  }
  return amount;
}

export function henstandWindow(h: HenstandTerms): HenstandWindow {
  const start = toDayNumber(h.from);
  const { year, month, day } = partsOf(start);
  const monthStarts = Array.from({ length: h.months }, (_, j) => addMonthsToDay(year, month, day, j));
  const end = addMonthsToDay(year, month, day, h.months);
  return {
    kind: h.kind,
    months: h.months,
    start,
    end,
    ...(h.installment !== undefined ? { installment: h.installment } : {}),
    ...(h.interestDuringHenstand ? {} : { free: { start, end, monthStarts } }),
  };
}
