/**
 * Letters about one case, from the same machinery as the saldoopgørelse (issue 18): the
 * confirmation of a betalingsaftale with its schedule, and the decision on henstand. What happens
 * on a missed rate is read from the kommune's politik (the procedure for a breached agreement),
 * so the letter never promises a step the politik does not take. A henstand decision says that it
 * cannot be appealed to a higher authority (gældsinddrivelsesloven § 2 stk. 3, 3. pkt.).
 */
import { danishDate, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { letterText } from './settings.js';
import { isJsonObject, rejectUnknownKeys } from '../input/fields.js';
import type { AgreementHenstand } from '../henstand/agreementHenstand.js';
import type { HenstandTerms } from '../henstand/henstandTerms.js';
import { formatKroner, type Ore } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { chooseProcedure, stepsFor } from '../rykker/procedure.js';
import type { Frequency } from '../schedule/planInput.js';
import type { Schedule } from '../schedule/schedule.js';
import { letterName, type LetterSettings } from './letterContent.js';

export interface CaseParty {
  name: string;
  address?: readonly string[];
  /** The case reference (sagsnummer). */
  reference: string;
}

export interface CaseLetter {
  recipient: string;
  address: string[];
  reference: string;
  date: CalendarDate;
  subject: string;
  salutation: string;
  paragraphs: string[];
  /** The schedule, when the letter carries one: Rate, Forfaldsdato, Beløb. */
  table?: { columns: [string, string, string]; rows: Array<[string, string, string]> };
  closing: string[];
}

/** The recipient of a case letter from JSON: `{"name", "address": [lines], "reference"}`, each checked in Danish. */
export function parseCaseParty(raw: unknown): CaseParty {
  if (!isJsonObject(raw))
    throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Modtageren skal være et objekt: {"name": "Hansen, Jens", "address": ["Strandvejen 12", "2635 Ishøj"], "reference": "S-2026-17"}.');
  rejectUnknownKeys(raw, ['name', 'address', 'reference'], []);
  const address = raw.address ?? [];
  if (!Array.isArray(address) || address.length > 6 || address.some((l) => typeof l !== 'string' || l.length > 200)) {
    throw SaldoError.at('UGYLDIGT_INPUT', ['address'], address, `skal være en liste med højst 6 adresselinjer (fik ${showValue(address)}).`);
  }
  return { name: letterText(raw, 'name', true)!, reference: letterText(raw, 'reference', true)!, address: (address as string[]).map((l) => l.trim()).filter((l) => l !== '') };
}

const sentence = (t: string): string => t.replace(/kr\.\./g, 'kr.');
const PER: Record<Frequency, string> = { monthly: 'om måneden', quarterly: 'i kvartalet' };

function head(party: CaseParty, settings: LetterSettings, subject: string): Omit<CaseLetter, 'paragraphs' | 'closing'> {
  const recipient = letterName(party.name) || 'borger';
  return { recipient, address: [...(party.address ?? [])], reference: party.reference, date: settings.date, subject, salutation: `Kære ${recipient}` };
}

const closing = (settings: LetterSettings): string[] => [sentence(`Har du spørgsmål, så kontakt os: ${settings.contact.replace(/\.$/, '')}.`), 'Venlig hilsen', settings.kommune];

/**
 * What the politik does when a rate is missed, in a sentence: from the steps of the procedure for
 * a breached agreement with these claim types.
 */
export function breachConsequence(types: readonly string[], rules: RuleSet): string {
  const steps = stepsFor(chooseProcedure(types, 'misligholdt', rules).procedure, types, rules);
  const kinds = new Set(steps.map((s) => s.kind));
  const parts = [kinds.has('rykker') ? 'får du en rykker' : kinds.has('varsel') ? 'får du et skriftligt varsel' : 'kontakter vi dig'];
  if (kinds.has('fundament')) parts.push('kan vi gå til retten for at få en dom eller et forlig');
  if (kinds.has('oversendelse')) parts.push('kan kravet blive sendt til inddrivelse hos Gældsstyrelsen');
  return `Betaler du ikke en rate til tiden, er aftalen misligholdt: så ${parts.join(', og derefter ')}.`;
}

/** The confirmation of a betalingsaftale: the rates, what they include, what a missed rate leads to. */
export function agreementLetter(schedule: Schedule, frequency: Frequency, types: readonly string[], party: CaseParty, settings: LetterSettings, rules: RuleSet): CaseLetter {
  const { summary, rows } = schedule;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const lastDiffers = last.payment !== summary.installment;
  const paragraphs = [
    `Vi bekræfter den betalingsaftale, vi har lavet med dig (sag ${party.reference}).`,
    `Du betaler ${formatKroner(summary.installment)} ${PER[frequency]} fra den ${danishDate(first.dueDate)} til og med den ${danishDate(last.dueDate)}${lastDiffers ? ` – den sidste rate er ${formatKroner(last.payment)}` : ''}. I alt ${summary.count} rater og ${formatKroner(summary.total)}.`,
    ...(summary.fees > 0 || summary.interest > 0
      ? [
          `Beløbet omfatter ${[summary.fees > 0 ? `gebyrer på ${formatKroner(summary.fees)}` : '', summary.interest > 0 ? `renter på ${formatKroner(summary.interest)}` : ''].filter(Boolean).join(' og ')}.`,
        ]
      : []),
    'Falder en betalingsdag på en weekend eller helligdag, er datoen flyttet til den næste bankdag. Datoerne står i tabellen.',
    breachConsequence(types, rules),
    'Kan du ikke betale en rate, så kontakt os, før den forfalder.',
  ].map(sentence);
  return {
    ...head(party, settings, 'Bekræftelse af betalingsaftale'),
    paragraphs,
    table: { columns: ['Rate', 'Forfaldsdato', 'Beløb'], rows: rows.map((r) => [String(r.n), danishDate(r.dueDate), formatKroner(r.payment)]) },
    closing: closing(settings),
  };
}

/**
 * The decision on henstand. `grounds` is the caseworker's reason; a henstand against the
 * politik (a HENSTAND_MOD_POLITIK warning) is refused without one, as the warning asks.
 */
export function henstandLetter(h: AgreementHenstand, terms: Pick<HenstandTerms, 'from' | 'months' | 'kind' | 'installment'>, grounds: string, party: CaseParty, settings: LetterSettings): CaseLetter {
  const againstPolicy = h.warnings.some((w) => w.code === 'HENSTAND_MOD_POLITIK');
  if (againstPolicy && grounds.trim() === '') {
    throw SaldoError.at('MANGLER', ['grounds'], grounds, 'henstanden går imod opkrævningspolitikken: skriv begrundelsen, før brevet laves.');
  }
  const period = `fra den ${danishDate(terms.from)} i ${terms.months} ${terms.months === 1 ? 'måned' : 'måneder'}`;
  const paragraphs = [
    `Du har fået henstand med betalingen ${period} (sag ${party.reference}).`,
    terms.kind === 'full' ? 'Du skal ikke betale rater i den periode.' : `I den periode betaler du ${formatKroner(terms.installment as Ore)} om måneden.`,
    h.effect.lastDueDateAfter === h.effect.lastDueDateBefore
      ? `Din sidste rate er stadig den ${danishDate(h.effect.lastDueDateAfter)}.`
      : `Din sidste rate flyttes fra den ${danishDate(h.effect.lastDueDateBefore)} til den ${danishDate(h.effect.lastDueDateAfter)}.`,
    h.effect.extraInterest > 0 ? `Henstanden koster ${formatKroner(h.effect.extraInterest)} i renter.` : 'Henstanden koster dig ikke ekstra renter.',
    ...(grounds.trim() === '' ? [] : [`Begrundelse: ${grounds.trim()}`]),
    'Afgørelsen kan ikke klages over til en anden myndighed (gældsinddrivelsesloven § 2, stk. 3).',
  ].map(sentence);
  return { ...head(party, settings, 'Afgørelse om henstand'), paragraphs, closing: closing(settings) };
}
