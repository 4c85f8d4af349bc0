/**
 * The portfolio commands (issue 20; SPEC "Portfolio commands"): the work list of an agreement
 * register against a ledger (`worklistOfRows`), the forældelse radar (`limitation`,
 * `limitationOfRows`) and the opkrævningstragt (`funnel`, `funnelOfRows`), with the JSON each
 * result becomes. core/commands/index.ts loads this module on first use, so the cell functions
 * and the task pane start without the portfolio code; every command here is awaited there.
 *
 * The funnel on a JSON ledger `{"from": "2022-01-01", "to": "2025-12-31", "ledger": [...]}` and on
 * a sheet's rows (`funnelOfRows`, for the task pane); files stream through the CLI with the same
 * period, read by `funnelPeriod`.
 */
import { danishDate, parseDate, toDayNumber } from '../calendar/date.js';
import { placeOf, SaldoError, type At } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { objectsToRows } from '../ledger/ledgerJson.js';
import { mappedRows, mappingOf } from '../ledger/ledgerMapping.js';
import { readAgreementRegister } from '../portfolio/agreementRegister.js';
import { inAgreementOf, MAX_FUNNEL_MONTHS, monthIndexOf, type Funnel, type FunnelOptions } from '../portfolio/funnel.js';
import { funnelFromRows } from '../portfolio/funnelJson.js';
import { limitationRadarOfRows, parseWindowDays, showRadar, type LimitationRadar } from '../portfolio/limitationRadar.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { FunnelInput, LimitationInput } from './inputs.js';
import { checkMaskCpr, ledgerRows } from './ledger.js';

export { runningAgreementsOfRows, worklistOfRows } from './worklist.js';
export { worklistToJson } from '../portfolio/worklistJson.js';
export { limitationRadarToJson } from '../portfolio/limitationRadar.js';
export { funnelToJson } from '../portfolio/funnelJson.js';
export { runningAgreementsToJson } from '../portfolio/runningAgreements.js';

export interface FunnelPeriodPlaces {
  from: At;
  to: At;
  asOf: At;
}

/**
 * The funnel's period and date as given (ISO dates): the months from `from`'s to `to`'s, whole,
 * at most MAX_FUNNEL_MONTHS; `asOf` when given. Each problem is a Danish error at its place.
 */
export function funnelPeriod(raw: { from: unknown; to: unknown; asOf?: unknown }, places: FunnelPeriodPlaces): Omit<FunnelOptions, 'inAgreement'> {
  present(raw.from, placeOf(places.from), 'angiv den første dag i perioden som ÅÅÅÅ-MM-DD; tragten viser fordringerne efter forfaldsmåned fra dens måned.');
  present(raw.to, placeOf(places.to), 'angiv den sidste dag i perioden som ÅÅÅÅ-MM-DD; tragten viser fordringerne efter forfaldsmåned til og med dens måned.');
  const from = parseDate(raw.from, places.from);
  const to = parseDate(raw.to, places.to);
  if (from > to) throw SaldoError.at('KONFLIKT', places.from, raw.from, `perioden begynder ${danishDate(from)}, efter at den slutter ${danishDate(to)}. Byt om på datoerne.`);
  const fromMonth = monthIndexOf(toDayNumber(from));
  const toMonth = monthIndexOf(toDayNumber(to));
  if (toMonth - fromMonth + 1 > MAX_FUNNEL_MONTHS) {
    throw SaldoError.at(
      'UGYLDIGT_INPUT',
      places.to,
      raw.to,
      `perioden ${danishDate(from)} – ${danishDate(to)} er på ${toMonth - fromMonth + 1} måneder; tragten viser højst ${MAX_FUNNEL_MONTHS} (50 år).`,
    );
  }
  return raw.asOf === undefined ? { fromMonth, toMonth } : { fromMonth, toMonth, asOf: toDayNumber(parseDate(raw.asOf, places.asOf)) };
}

export function funnel(input: FunnelInput, _rules: RuleSet): Funnel {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"from": "2022-01-01", "to": "2025-12-31", "ledger": [...]}.');
  rejectUnknownKeys(raw, ['from', 'to', 'asOf', 'ledger'], []);
  const options = funnelPeriod({ from: raw.from, to: raw.to, asOf: raw.asOf }, { from: ['from'], to: ['to'], asOf: ['asOf'] });
  const ledger = raw.ledger;
  if (!Array.isArray(ledger)) throw SaldoError.at('MANGLER', ['ledger'], ledger, 'angiv posteringerne som en liste af objekter.');
  return funnelFromRows(objectsToRows(ledger), options);
}

/** The funnel of a ledger sheet (the task pane), with the dates as ISO text from its form and their fields' names. */
export interface FunnelOfRowsInput {
  from: string;
  to: string;
  asOf?: string;
  places: FunnelPeriodPlaces;
  /** Claims in a running betalingsaftale (`funnelClaimKey`), when the agreement register is known. */
  inAgreement?: ReadonlySet<string>;
  /** Or the agreement register's rows (header first) as a sheet gives them, and its sheet row. */
  register?: ReadonlyArray<readonly unknown[]>;
  registerFirstRow?: number;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/** Checks the period first (before a long read of the sheet), then gives the funnel of the rows read (a header row first). */
export function funnelOfRows(input: FunnelOfRowsInput, _rules: RuleSet): (rows: Iterable<readonly unknown[]>) => Funnel {
  const period = funnelPeriod(input, input.places);
  const register = input.register === undefined ? undefined : readAgreementRegister(input.register, input.registerFirstRow ?? 1);
  const inAgreement = input.inAgreement ?? (register ? inAgreementOf(register.agreements) : undefined);
  const options: FunnelOptions = inAgreement ? { ...period, inAgreement } : period;
  const mapping = mappingOf(input.mapping);
  // A register row that cannot be read leaves its claims open: listed with the funnel's errors, its message naming the register.
  const registerErrors = (register?.errors ?? []).map((e) => ({ row: e.row, message: `Aftaleregistret, række ${e.row}: ${e.message}` }));
  return (rows) => {
    const f = funnelFromRows(mappedRows(rows, mapping), options);
    return registerErrors.length === 0 ? f : { ...f, errors: [...f.errors, ...registerErrors] };
  };
}

/** The forældelse radar of a JSON ledger on `asOf` (SPEC `limitation`), its texts shown as `maskCpr` says. */
export function limitation(input: LimitationInput, rules: RuleSet): LimitationRadar {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"asOf": "2026-12-31", "days": 180, "ledger": [...]}.');
  rejectUnknownKeys(raw, ['asOf', 'days', 'ledger', 'maskCpr'], []);
  checkMaskCpr(raw.maskCpr);
  present(raw.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  const asOf = toDayNumber(parseDate(raw.asOf, ['asOf']));
  const days = parseWindowDays(raw.days, ['days']);
  return showRadar(limitationRadarOfRows(ledgerRows(raw), asOf, days, rules), { maskCpr: raw.maskCpr === true });
}

export interface LimitationRowsInput {
  asOf: string;
  asOfPlace: At;
  /** The window as typed in a form field (empty: 180). */
  days: string;
  daysPlace: At;
  maskCpr: boolean;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one. */
  mapping?: ReadonlyArray<readonly unknown[]>;
}

/** The radar of a ledger sheet (for the task pane): the date and the days checked first, then the rows read. */
export function limitationOfRows(input: LimitationRowsInput, rules: RuleSet): (rows: Iterable<readonly unknown[]>) => LimitationRadar {
  const asOf = toDayNumber(parseDate(input.asOf, input.asOfPlace));
  const days = parseWindowDays(input.days.trim() === '' ? undefined : input.days, input.daysPlace);
  const mapping = mappingOf(input.mapping);
  return (rows) => showRadar(limitationRadarOfRows(mappedRows(rows, mapping), asOf, days, rules), { maskCpr: input.maskCpr });
}
