/**
 * The active rule set: the shipped defaults (each with source and date checked) and a JSON
 * override (a rule file, or later the workbook's `Saldo-regler` sheet). An override must name
 * its own source: Saldo never runs on a figure nobody can trace.
 */
import { danishBankHolidays, type HolidayRule } from '../calendar/bankHolidays.js';
import { parseDate } from '../calendar/date.js';
import { jsonPath, nestingMessage, placeOf, SaldoError, showValue, tooDeepAt, type At, type Place, type Wording } from '../errors.js';
import { parseAnnualRate } from '../interest/rate.js';
import { formatKroner, ore, parseKroner } from '../money/ore.js';
import { defaultBetalingsevneTables, type BetalingsevneRow, type BetalingsevneTable } from './betalingsevne.js';
import { defaultClaimTypes, findClaimType, NEW_CLAIM_TYPE, SITUATIONS, type ClaimType, type ClaimTypeRule } from './claimTypes.js';
import { defaultFees, type FeeRules, type RykkerFeeRule } from './fees.js';
import { defaultRateTables, type RateRow, type RateTable } from './interestRates.js';
import { ownValue, setOwn } from './ownNames.js';
import { defaultProcedures, STEP_KINDS, type Procedure, type ProcedureStep } from './politik.js';
import type { Sourced } from './sourced.js';

export type AllocationPart = 'fees' | 'interest' | 'principal';
export const ALLOCATION_PARTS: readonly AllocationPart[] = ['fees', 'interest', 'principal'];

export interface RuleSet {
  claimTypes: Sourced<Readonly<Record<ClaimType, ClaimTypeRule>>>;
  fees: FeeRules;
  rateTables: Readonly<Record<string, RateTable>>;
  betalingsevne: Readonly<Record<string, BetalingsevneTable>>;
  /** Dækningsrækkefølge within a claim. */
  allocationOrder: Sourced<readonly AllocationPart[]>;
  bankHolidays: Sourced<readonly HolidayRule[]>;
  /** The kommune's opkrævningspolitik: procedures by id, the most cautious first. */
  procedures: Sourced<Readonly<Record<string, Procedure>>>;
}

export const defaultRules: RuleSet = {
  claimTypes: defaultClaimTypes,
  fees: defaultFees,
  rateTables: defaultRateTables,
  betalingsevne: defaultBetalingsevneTables,
  allocationOrder: {
    value: ALLOCATION_PARTS,
    source: 'Kommunal praksis: omkostninger (gebyrer) før renter før hovedstol, ældste fordring først; gældsinddrivelsesloven § 4 (renter før hovedstol)',
    checked: '2026-11-01',
    status: 'verified',
    note: 'Gebyrer først er praksis, ikke lov; rækkefølgen kan ændres i en regelfil.',
  },
  bankHolidays: danishBankHolidays,
  procedures: defaultProcedures,
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * "Regelfilen, `place`: message"; the file's root is "(rod)". The reason alone (`reasonFor`) is
 * what the `Saldo-regler` sheet shows after its own row and column: a reason that names another
 * field does so through the namer, so the sheet says its column where a rule file says its key.
 */
function ruleError(field: Place, value: unknown, message: Wording): SaldoError {
  const at: At = field.length === 0 ? '(rod)' : field;
  return new SaldoError('UGYLDIG_REGEL', at, value, (name) => `Regelfilen, ${name(placeOf(at))}: ${typeof message === 'string' ? message : message(name)}`, message);
}

function provenance(obj: Json, field: Place): { source: string; checked: string } {
  const { source, checked } = obj;
  if (typeof source !== 'string' || source.trim() === '') {
    throw ruleError([...field, 'source'], source, 'angiv kilden (lov, paragraf, SKM-nummer) for værdien – Saldo bruger ingen tal uden kilde.');
  }
  try {
    return { source, checked: parseDate(checked, [...field, 'checked']) };
  } catch {
    throw ruleError([...field, 'checked'], checked, `angiv datoen, hvor værdien blev kontrolleret, som ÅÅÅÅ-MM-DD (fik ${showValue(checked)}).`);
  }
}

function onlyKeys(obj: Json, allowed: readonly string[], field: Place): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw ruleError([...field, key], obj[key], `ukendt felt "${key}" (tilladt: ${allowed.join(', ')}).`);
  }
}

function wholeKroner(value: unknown, field: Place): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw ruleError(field, value, `skal være et helt antal kroner ≥ 0 (fik ${showValue(value)}).`);
  }
  return value;
}

function percent(value: unknown, field: Place): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw ruleError(field, value, `skal være en hel procentsats mellem 0 og 100 (fik ${showValue(value)}).`);
  }
  return value;
}

function parseBetalingsevneTable(raw: unknown, field: Place): BetalingsevneTable {
  if (!isObject(raw)) throw ruleError(field, raw, 'skal være et objekt med source, checked og rows.');
  onlyKeys(raw, ['source', 'checked', 'rows', 'note'], field);
  const { source, checked } = provenance(raw, field);
  if (!Array.isArray(raw.rows) || raw.rows.length === 0) throw ruleError([...field, 'rows'], raw.rows, 'skal være en liste af rækker.');
  const rows: BetalingsevneRow[] = raw.rows.map((r: unknown, i: number) => {
    const f = [...field, 'rows', i];
    if (!isObject(r)) throw ruleError(f, r, 'skal være et objekt med from, to, withoutChildren, withChildren.');
    onlyKeys(r, ['from', 'to', 'withoutChildren', 'withChildren'], f);
    return {
      from: wholeKroner(r.from, [...f, 'from']),
      to: r.to === null ? null : wholeKroner(r.to, [...f, 'to']),
      withoutChildren: percent(r.withoutChildren, [...f, 'withoutChildren']),
      withChildren: percent(r.withChildren, [...f, 'withChildren']),
    };
  });
  rows.forEach((row, i) => {
    const f = [...field, 'rows', i];
    const prev = rows[i - 1];
    if (i === 0 && row.from !== 0) throw ruleError([...f, 'from'], row.from, 'første række skal starte ved 0 kr.');
    if (prev && (prev.to === null || row.from !== prev.to + 1)) throw ruleError([...f, 'from'], row.from, `rækkerne skal slutte op til hinanden (forrige slutter ved ${String(prev.to)}).`);
    if (row.to !== null && row.to < row.from) throw ruleError([...f, 'to'], row.to, (name) => `er mindre end rækkens ${name([...f, 'from'])} (${row.from}).`);
    if (row.to === null && i !== rows.length - 1) throw ruleError([...f, 'to'], row.to, 'kun den sidste række må være uden øvre grænse.');
  });
  return { rows, source, checked, status: 'verified', ...(typeof raw.note === 'string' ? { note: raw.note } : {}) };
}

function parseRateTable(raw: unknown, field: Place, base: RateTable | undefined): RateTable {
  if (!isObject(raw)) throw ruleError(field, raw, 'skal være et objekt med source, checked, validThrough og rows.');
  onlyKeys(raw, ['source', 'checked', 'validThrough', 'rows', 'label'], field);
  const { source, checked } = provenance(raw, field);
  const validThrough = parseDate(raw.validThrough, [...field, 'validThrough']);
  if (!Array.isArray(raw.rows)) throw ruleError([...field, 'rows'], raw.rows, 'skal være en liste af {from, annualRate}.');
  const added: RateRow[] = raw.rows.map((r: unknown, i: number) => {
    const f = [...field, 'rows', i];
    if (!isObject(r)) throw ruleError(f, r, 'skal være et objekt med from og annualRate.');
    onlyKeys(r, ['from', 'annualRate'], f);
    return { from: parseDate(r.from, [...f, 'from']), annualRatePpm: parseAnnualRate(r.annualRate, [...f, 'annualRate']), status: 'verified', source };
  });
  // New rows are added to (or replace rows of the same date in) the shipped table: a January
  // update only brings the new half-year.
  const rows = [...(base?.rows ?? []).filter((r) => !added.some((a) => a.from === r.from)), ...added].sort((a, b) => (a.from < b.from ? -1 : 1));
  if (rows.length === 0) throw ruleError([...field, 'rows'], raw.rows, 'tabellen har ingen satser.');
  if (validThrough < (rows[rows.length - 1]?.from ?? '')) throw ruleError([...field, 'validThrough'], validThrough, 'ligger før tabellens sidste sats.');
  return { label: typeof raw.label === 'string' ? raw.label : (base?.label ?? jsonPath(field)), rows, validThrough, source, checked };
}

function parseRykkerFee(raw: unknown, field: Place, base: Sourced<RykkerFeeRule>): Sourced<RykkerFeeRule> {
  if (!isObject(raw)) throw ruleError(field, raw, 'skal være et objekt.');
  onlyKeys(raw, ['maxPerRykker', 'maxFeeCount', 'minDaysBetween', 'takst', 'source', 'checked'], field);
  const { source, checked } = provenance(raw, field);
  const count = (v: unknown, f: Place): number | null => {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw ruleError(f, v, 'skal være et helt tal ≥ 0 eller null.');
    return v;
  };
  const maxPerRykker = raw.maxPerRykker === undefined ? base.value.maxPerRykker : parseKroner(raw.maxPerRykker, [...field, 'maxPerRykker']);
  const takst = raw.takst === undefined ? base.value.takst : raw.takst === null ? null : parseKroner(raw.takst, [...field, 'takst']);
  // The kommune sets its takst; the law only caps it.
  if (takst !== null && takst > maxPerRykker) {
    throw ruleError([...field, 'takst'], raw.takst, `taksten ${formatKroner(ore(takst))} er over lovens maksimum ${formatKroner(ore(maxPerRykker))} (${base.source}).`);
  }
  return {
    value: {
      maxPerRykker,
      maxFeeCount: raw.maxFeeCount === undefined ? base.value.maxFeeCount : count(raw.maxFeeCount, [...field, 'maxFeeCount']),
      minDaysBetween: raw.minDaysBetween === undefined ? base.value.minDaysBetween : count(raw.minDaysBetween, [...field, 'minDaysBetween']),
      takst,
    },
    source,
    checked,
    status: 'verified',
  };
}

const CLAIM_TYPE_FLAGS = ['udpantningsret', 'civilretlig', 'henstandNormallyAllowed', 'medhaeftere', 'tilbagebetalingskrav'] as const;
const CLAIM_TYPE_SETTINGS = ['label', ...CLAIM_TYPE_FLAGS, 'limitationYears', 'priority', 'feeLetters', 'procedures'];

/** One claim type of an override: an existing one changed, or (with a label) a new one. */
function parseClaimType(raw: unknown, f: Place, base: ClaimTypeRule | undefined): ClaimTypeRule {
  if (!isObject(raw)) throw ruleError(f, raw, 'skal være et objekt.');
  onlyKeys(raw, [...CLAIM_TYPE_SETTINGS, 'source', 'checked'], f);
  // A source for nothing is a mistake (a misspelt flag is refused above; a missing one lands here).
  if (!CLAIM_TYPE_SETTINGS.some((k) => raw[k] !== undefined)) throw ruleError(f, raw, `angiver ingen regel: skriv mindst én af ${CLAIM_TYPE_SETTINGS.join(', ')}.`);
  if (base === undefined && raw.label === undefined) throw ruleError([...f, 'label'], undefined, 'en ny fordringstype skal have en betegnelse, f.eks. "Dagpleje".');
  const next: ClaimTypeRule = base === undefined ? { label: '', ...NEW_CLAIM_TYPE } : { ...base };
  if (raw.label !== undefined) {
    if (typeof raw.label !== 'string' || raw.label.trim() === '' || raw.label.length > 100) throw ruleError([...f, 'label'], raw.label, 'skal være en kort tekst.');
    next.label = raw.label.trim();
  }
  for (const flag of CLAIM_TYPE_FLAGS) {
    const v = raw[flag];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') throw ruleError([...f, flag], v, 'skal være true eller false.');
    next[flag] = v;
  }
  if (next.udpantningsret && next.civilretlig) throw ruleError([...f, 'civilretlig'], raw.civilretlig, 'et krav med udpantningsret er offentligretligt, ikke civilretligt.');
  if (raw.feeLetters !== undefined) {
    const v = raw.feeLetters;
    if (v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) throw ruleError([...f, 'feeLetters'], v, 'skal være et helt tal ≥ 0 eller null.');
    next.feeLetters = v;
  }
  for (const key of ['limitationYears', 'priority'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw ruleError([...f, key], v, 'skal være et helt tal ≥ 0.');
    // A limitation of thousands of years is a typing error, not a rule.
    if (key === 'limitationYears' && v > 30) throw ruleError([...f, key], v, 'skal være et helt antal år fra 0 til 30.');
    next[key] = v;
  }
  if (raw.procedures !== undefined) {
    const p = raw.procedures;
    if (!isObject(p)) throw ruleError([...f, 'procedures'], p, `skal være et objekt, f.eks. {"restance": "restance", "misligholdt": "misligholdt-aftale"}.`);
    onlyKeys(p, SITUATIONS, [...f, 'procedures']);
    const procedures = { ...next.procedures };
    for (const situation of SITUATIONS) {
      const v = p[situation];
      if (v === undefined) continue;
      if (typeof v !== 'string' || v.trim() === '') throw ruleError([...f, 'procedures', situation], v, 'skal være navnet på en procedure.');
      procedures[situation] = v.trim();
    }
    next.procedures = procedures;
  }
  return next;
}

function parseClaimTypes(raw: unknown, rules: RuleSet): RuleSet['claimTypes'] {
  if (!isObject(raw)) throw ruleError(['claimTypes'], raw, 'skal være et objekt med fordringstyper som nøgler.');
  const types: Record<ClaimType, ClaimTypeRule> = { ...rules.claimTypes.value };
  const sources: string[] = [];
  let checked = rules.claimTypes.checked;
  for (const [name, entry] of Object.entries(raw)) {
    const f = ['claimTypes', name];
    if (name.trim() === '' || name.length > 50) throw ruleError(f, name, 'navnet på en fordringstype skal være en kort tekst.');
    // `boligstoette` and `Boligstøtte` name the shipped type; any other name adds one.
    const id = findClaimType(types, name) ?? name.trim();
    const parsed = parseClaimType(entry, f, ownValue(types, id));
    const p = provenance(entry as Json, f);
    setOwn(types, id, { ...parsed, source: p.source, checked: p.checked });
    sources.push(`${id}: ${p.source}`);
    if (p.checked > checked) checked = p.checked;
  }
  return { ...rules.claimTypes, value: types, source: `${rules.claimTypes.source}; regelfil: ${sources.join('; ')}`, checked };
}

const STEP_KEYS = ['id', 'kind', 'action', 'afterDays', 'fee', 'notice', 'medhaeftere', 'optional', 'why'];

function parseStep(raw: unknown, f: Place, source: string): ProcedureStep {
  if (!isObject(raw)) throw ruleError(f, raw, `et trin skal være et objekt med ${STEP_KEYS.join(', ')}.`);
  onlyKeys(raw, STEP_KEYS, f);
  const text = (key: string, max: number): string => {
    const v = raw[key];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max) throw ruleError([...f, key], v, `skal være en tekst på højst ${max} tegn.`);
    return v.trim();
  };
  const flag = (key: string): boolean => {
    const v = raw[key];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw ruleError([...f, key], v, 'skal være true eller false.');
    return v;
  };
  const id = text('id', 40).toLowerCase();
  if (!/^[a-z0-9æøå-]+$/.test(id)) throw ruleError([...f, 'id'], raw.id, 'skal bestå af små bogstaver, tal og bindestreg, f.eks. "rykker1".');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(STEP_KINDS as readonly string[]).includes(kind)) throw ruleError([...f, 'kind'], kind, `skal være en af ${STEP_KINDS.join(', ')}.`);
  const days = raw.afterDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 365) throw ruleError([...f, 'afterDays'], days, 'skal være et helt antal dage fra 0 til 365.');
  return {
    id,
    kind: kind as ProcedureStep['kind'],
    action: text('action', 200),
    afterDays: days,
    fee: flag('fee'),
    notice: flag('notice'),
    medhaeftere: flag('medhaeftere'),
    optional: flag('optional'),
    why: raw.why === undefined ? source : text('why', 500),
  };
}

/**
 * A procedure of the kommune's own: its steps in order. What the law asks of any procedure is
 * checked here, so a politik Saldo runs on cannot skip it: every debtor (and every medhæfter) has
 * the written notice before oversendelse (gældsinddrivelsesloven § 2 stk. 4).
 */
function parseProcedure(raw: unknown, f: Place): Procedure {
  if (!isObject(raw)) throw ruleError(f, raw, 'skal være et objekt med label, steps, source og checked.');
  onlyKeys(raw, ['label', 'steps', 'perRate', 'source', 'checked'], f);
  const { source, checked } = provenance(raw, f);
  if (typeof raw.label !== 'string' || raw.label.trim() === '') throw ruleError([...f, 'label'], raw.label, 'skal være en kort tekst.');
  if (!Array.isArray(raw.steps) || raw.steps.length === 0 || raw.steps.length > 30) throw ruleError([...f, 'steps'], raw.steps, 'skal være en liste med 1–30 trin.');
  const steps = raw.steps.map((st: unknown, i: number) => parseStep(st, [...f, 'steps', i], source));
  steps.forEach((st, i) => {
    if (steps.findIndex((o) => o.id === st.id) !== i) throw ruleError([...f, 'steps', i, 'id'], st.id, `trinnet "${st.id}" står to gange.`);
  });
  const over = steps.findIndex((st) => st.kind === 'oversendelse');
  if (over >= 0) {
    const before = steps.slice(0, over);
    if (!before.some((st) => st.notice && !st.medhaeftere)) {
      throw ruleError(
        [...f, 'steps', over],
        'oversendelse',
        (name) => `skyldneren skal have skriftligt varsel før oversendelse (gældsinddrivelsesloven § 2 stk. 4): marker en rykker eller et varsel før som varsel (${name(['notice'])}).`,
      );
    }
    if (before.some((st) => st.medhaeftere) && !before.some((st) => st.notice && st.medhaeftere)) {
      throw ruleError([...f, 'steps', over], 'oversendelse', 'hver medhæfter skal også have skriftligt varsel før oversendelse (gældsinddrivelsesloven § 2 stk. 4).');
    }
  }
  const perRate = raw.perRate ?? false;
  if (typeof perRate !== 'boolean') throw ruleError([...f, 'perRate'], perRate, 'skal være true eller false.');
  return { label: raw.label.trim(), steps, perRate, source, checked };
}

function parseProcedures(raw: unknown, rules: RuleSet): RuleSet['procedures'] {
  if (!isObject(raw)) throw ruleError(['procedures'], raw, 'skal være et objekt med procedurernes navne som nøgler.');
  const procedures: Record<string, Procedure> = { ...rules.procedures.value };
  const sources: string[] = [];
  let checked = rules.procedures.checked;
  for (const [name, entry] of Object.entries(raw)) {
    const f = ['procedures', name];
    if (!/^[a-z0-9æøå-]{1,40}$/.test(name)) throw ruleError(f, name, 'navnet skal bestå af små bogstaver, tal og bindestreg, f.eks. "misligholdt-aftale".');
    setOwn(procedures, name, parseProcedure(entry, f));
    const p = provenance(entry as Json, f);
    sources.push(`${name}: ${p.source}`);
    if (p.checked > checked) checked = p.checked;
  }
  return { ...rules.procedures, value: procedures, source: `${rules.procedures.source}; regelfil: ${sources.join('; ')}`, checked, status: 'verified' };
}

/** Every claim type names procedures the politik has. */
function checkProcedureNames(rules: RuleSet): void {
  for (const [id, type] of Object.entries(rules.claimTypes.value)) {
    for (const situation of SITUATIONS) {
      const name = type.procedures[situation];
      if (ownValue(rules.procedures.value, name) === undefined) {
        throw ruleError(['claimTypes', id, 'procedures', situation], name, `ukendt procedure "${name}" (politikken har: ${Object.keys(rules.procedures.value).join(', ')}).`);
      }
    }
  }
}

/**
 * Applies a rule override (parsed JSON) to a rule set. Unknown keys, values without a source
 * and malformed tables are Danish `UGYLDIG_REGEL` errors naming the field.
 */
export function applyRuleOverride(base: RuleSet, override: unknown): RuleSet {
  if (!isObject(override)) throw ruleError([], override, 'skal være et JSON-objekt.');
  const deep = tooDeepAt(override);
  if (deep !== null) throw new SaldoError('UGYLDIG_REGEL', deep, undefined, `Regelfilen, ${nestingMessage(deep)}`);
  if (override.rykkerProcedure !== undefined) {
    throw ruleError(['rykkerProcedure'], override.rykkerProcedure, 'er afløst af "procedures": politikkens procedurer med trin og dage mellem trinene (se docs/rules.md).');
  }
  onlyKeys(override, ['betalingsevne', 'rateTables', 'fees', 'claimTypes', 'allocationOrder', 'procedures'], []);
  let rules: RuleSet = { ...base };

  if (override.betalingsevne !== undefined) {
    if (!isObject(override.betalingsevne)) throw ruleError(['betalingsevne'], override.betalingsevne, 'skal være et objekt med år som nøgler, f.eks. {"2025": {...}}.');
    const tables = { ...rules.betalingsevne };
    for (const [year, table] of Object.entries(override.betalingsevne)) {
      if (!/^\d{4}$/.test(year)) throw ruleError(['betalingsevne', year], year, 'nøglen skal være et årstal.');
      setOwn(tables, year, parseBetalingsevneTable(table, ['betalingsevne', year]));
    }
    rules = { ...rules, betalingsevne: tables };
  }

  if (override.rateTables !== undefined) {
    if (!isObject(override.rateTables)) throw ruleError(['rateTables'], override.rateTables, 'skal være et objekt med tabelnavne som nøgler.');
    const tables = { ...rules.rateTables };
    // A table may be called anything, "__proto__" too: own properties only, read and written.
    for (const [name, table] of Object.entries(override.rateTables)) setOwn(tables, name, parseRateTable(table, ['rateTables', name], ownValue(tables, name)));
    rules = { ...rules, rateTables: tables };
  }

  if (override.fees !== undefined) {
    if (!isObject(override.fees)) throw ruleError(['fees'], override.fees, 'skal være et objekt.');
    onlyKeys(override.fees, ['rykkerPublic', 'rykkerCivil'], ['fees']);
    rules = {
      ...rules,
      fees: {
        ...rules.fees,
        ...(override.fees.rykkerPublic !== undefined ? { rykkerPublic: parseRykkerFee(override.fees.rykkerPublic, ['fees', 'rykkerPublic'], rules.fees.rykkerPublic) } : {}),
        ...(override.fees.rykkerCivil !== undefined ? { rykkerCivil: parseRykkerFee(override.fees.rykkerCivil, ['fees', 'rykkerCivil'], rules.fees.rykkerCivil) } : {}),
      },
    };
  }

  // Procedures first: a claim type in the same file may name a new one.
  if (override.procedures !== undefined) rules = { ...rules, procedures: parseProcedures(override.procedures, rules) };
  if (override.claimTypes !== undefined) rules = { ...rules, claimTypes: parseClaimTypes(override.claimTypes, rules) };
  checkProcedureNames(rules);

  if (override.allocationOrder !== undefined) {
    const order = override.allocationOrder;
    const valid = Array.isArray(order) && order.length === 3 && ALLOCATION_PARTS.every((p) => order.includes(p));
    if (!valid) throw ruleError(['allocationOrder'], order, 'skal være de tre dele "fees", "interest", "principal" i den ønskede rækkefølge.');
    rules = { ...rules, allocationOrder: { value: order as AllocationPart[], source: 'regelfil', checked: rules.allocationOrder.checked, status: 'verified' } };
  }

  return rules;
}
