/**
 * The fields a kommune's .docx template may use (issue 18): a letter's content (letterContent.ts,
 * decisionLetters.ts) as named, formatted texts. The names are Danish because the people who
 * edit the templates are; every field is listed with what it holds, so an unknown field in a
 * template is refused by name and the user guide can print the list. Values are texts, lists
 * and yes/no flags only: a template shows them, it never computes.
 */
import type { CalendarDate } from '../calendar/date.js';
import { formatKroner, ore } from '../money/ore.js';
import type { CaseLetter } from './decisionLetters.js';
import { CLAIM_STATE_LABELS, type Letter, type LetterSettings } from './letterContent.js';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** The date as a Danish letter heads it. @example letterDate('2026-12-04') // "4. december 2026" */
export const letterDate = (d: CalendarDate | string): string => `${Number(d.slice(8, 10))}. ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** An amount in the "Skyldig" columns: money the citizen has to the good says so, never with a minus. */
const owed = (amount: number): string => (amount < 0 ? `${formatKroner(ore(-amount))} til gode` : formatKroner(ore(amount)));
/** A column's total: what is owed, credits not netted against it (they are told apart, in words). */
const owedTotal = (amounts: readonly number[]): string => formatKroner(ore(amounts.filter((a) => a > 0).reduce((s, a) => s + a, 0)));

/** A field of a template: its name, what it holds, and for a list the fields of each item. */
export interface FieldSpec {
  name: string;
  help: string;
  kind: 'tekst' | 'ja/nej' | 'liste';
  items?: readonly FieldSpec[];
}

export type FieldValue = string | boolean | readonly string[] | ReadonlyArray<Readonly<Record<string, string>>>;
export type LetterFields = Readonly<Record<string, FieldValue>>;

/** The fields every letter has: who sends, to whom, when. */
const COMMON_FIELDS: readonly FieldSpec[] = [
  { name: 'kommune', kind: 'tekst', help: 'Kommunens navn, fx "Ishøj Kommune".' },
  { name: 'afsender', kind: 'tekst', help: 'Den afdeling, der skriver under, fx "Opkrævningen" (ellers kommunens navn).' },
  { name: 'kontakt', kind: 'tekst', help: 'Sådan kontakter borgeren jer, fx "tlf. 43 57 70 00".' },
  { name: 'konto', kind: 'tekst', help: 'Reg.nr. og kontonr. til betaling; tom, hvis den ikke er oplyst.' },
  { name: 'harKonto', kind: 'ja/nej', help: 'Ja, når en konto er oplyst.' },
  { name: 'dato', kind: 'tekst', help: 'Brevets dato, fx "4. december 2026".' },
  { name: 'modtager', kind: 'tekst', help: 'Modtagerens navn, "Fornavn Efternavn" eller firmanavnet.' },
  { name: 'adresselinjer', kind: 'liste', help: 'Adressens linjer; brug {#adresselinjer}{.}{/adresselinjer} i et afsnit for sig.' },
  { name: 'hilsen', kind: 'tekst', help: '"Kære Jens Hansen" (eller "Til Firma ApS").' },
  { name: 'afsnit', kind: 'liste', help: 'Saldos tekst til netop denne modtager, afsnit for afsnit; brug {#afsnit}{.}{/afsnit}.' },
];

/** The fields of a saldoopgørelse letter. */
export const STATEMENT_LETTER_FIELDS: readonly FieldSpec[] = [
  ...COMMON_FIELDS,
  { name: 'år', kind: 'tekst', help: 'Opgørelsens år, fx "2025".' },
  { name: 'overskrift', kind: 'tekst', help: '"Saldoopgørelse pr. 31. december 2025".' },
  { name: 'identitet', kind: 'tekst', help: '"CPR-nr.: 010190-xxxx" (skjult som standard) eller "CVR-nr.: 12345678"; tom, når posteringslisten ikke har nummeret.' },
  { name: 'harIdentitet', kind: 'ja/nej', help: 'Ja, når der er et CPR- eller CVR-nummer at vise.' },
  { name: 'debitor', kind: 'tekst', help: 'Debitornummeret (reference ved betaling).' },
  {
    name: 'sager',
    kind: 'liste',
    help: 'Én række pr. sag; brug {#sager}…{/sager} i en tabelrække.',
    items: [
      { name: 'sag', kind: 'tekst', help: 'Sagens (fordringens) nummer.' },
      { name: 'type', kind: 'tekst', help: 'Fordringstypen i ord, fx "Daginstitution".' },
      { name: 'primo', kind: 'tekst', help: 'Skyldigt 1. januar, fx "1.234,56 kr." (penge til gode: "50,00 kr. til gode").' },
      { name: 'ultimo', kind: 'tekst', help: 'Skyldigt 31. december (penge til gode: "50,00 kr. til gode").' },
      { name: 'status', kind: 'tekst', help: 'Sagens stand i ord, fx "Sendt til Gældsstyrelsen".' },
      { name: 'tekst', kind: 'tekst', help: 'Én sætning om sagen.' },
    ],
  },
  { name: 'primoIAlt', kind: 'tekst', help: 'Skyldigt i alt 1. januar (penge til gode trækkes ikke fra; de står for sig).' },
  { name: 'ultimoIAlt', kind: 'tekst', help: 'Skyldigt i alt 31. december (penge til gode trækkes ikke fra; de står for sig).' },
  {
    name: 'bevægelser',
    kind: 'liste',
    help: 'Det, der er sket i året, efter art; brug {#bevægelser}…{/bevægelser}.',
    items: [
      { name: 'tekst', kind: 'tekst', help: 'Hvad der skete, fx "Du har betalt".' },
      { name: 'beløb', kind: 'tekst', help: 'Beløbet, altid uden minus.' },
    ],
  },
  { name: 'harBevægelser', kind: 'ja/nej', help: 'Ja, når der er sket noget i året.' },
  { name: 'skyldig', kind: 'tekst', help: 'Det, der kræves betalt i alt.' },
  { name: 'tilgode', kind: 'tekst', help: 'Det, borgeren har til gode (0,00 kr. når intet).' },
  { name: 'betal', kind: 'ja/nej', help: 'Ja, når borgeren skal betale nu.' },
  { name: 'følgAftalen', kind: 'ja/nej', help: 'Ja, når borgeren har en betalingsaftale og skal betale efter den.' },
  { name: 'næsteRate', kind: 'tekst', help: 'Næste rate efter betalingsaftalen (tom uden aftale).' },
  { name: 'næsteRateDato', kind: 'tekst', help: 'Datoen for næste rate (tom uden aftale).' },
  { name: 'harTilgode', kind: 'ja/nej', help: 'Ja, når borgeren har penge til gode.' },
  { name: 'intetAtBetale', kind: 'ja/nej', help: 'Ja, når borgeren ikke skal betale noget.' },
  { name: 'harOversendt', kind: 'ja/nej', help: 'Ja, når en sag er sendt til Gældsstyrelsen.' },
  { name: 'harAfskrevet', kind: 'ja/nej', help: 'Ja, når en sag er afskrevet.' },
];

/** The fields of a letter about one case (aftalebrev, henstand). */
export const CASE_LETTER_FIELDS: readonly FieldSpec[] = [
  ...COMMON_FIELDS,
  { name: 'overskrift', kind: 'tekst', help: 'Brevets emne, fx "Bekræftelse af betalingsaftale".' },
  { name: 'reference', kind: 'tekst', help: 'Sagsnummeret.' },
  {
    name: 'rater',
    kind: 'liste',
    help: 'Betalingsplanen, én række pr. rate; brug {#rater}…{/rater} i en tabelrække.',
    items: [
      { name: 'rate', kind: 'tekst', help: 'Ratens nummer.' },
      { name: 'forfaldsdato', kind: 'tekst', help: 'Ratens forfaldsdato.' },
      { name: 'beløb', kind: 'tekst', help: 'Beløbet.' },
    ],
  },
  { name: 'harRater', kind: 'ja/nej', help: 'Ja, når brevet har en betalingsplan.' },
  { name: 'afslutning', kind: 'tekst', help: '"Har du spørgsmål, så kontakt os: …" – efter tabellen, før hilsenen.' },
];

function commonFields(settings: LetterSettings & { sender?: string }, recipient: string, address: readonly string[], salutation: string, paragraphs: readonly string[]) {
  return {
    kommune: settings.kommune,
    afsender: settings.sender ?? settings.kommune,
    kontakt: settings.contact,
    konto: settings.account ?? '',
    harKonto: settings.account !== undefined && settings.account !== '',
    dato: letterDate(settings.date),
    modtager: recipient,
    adresselinjer: [...address],
    hilsen: salutation,
    afsnit: [...paragraphs],
  };
}

/** A saldoopgørelse letter as template fields. */
export function statementLetterFields(l: Letter, year: number, settings: LetterSettings & { sender?: string }): LetterFields {
  const credit = ore(-l.claims.filter((c) => c.state === 'tilgode').reduce((s, c) => s + c.closing, 0));
  const states = new Set(l.claims.map((c) => c.state));
  return {
    ...commonFields({ ...settings, date: l.date }, l.recipient, l.address, l.salutation, l.paragraphs),
    år: String(year),
    overskrift: `Saldoopgørelse pr. 31. december ${year}`,
    identitet: l.identity,
    harIdentitet: l.identity !== '',
    debitor: l.debtorId,
    sager: l.claims.map((c) => ({ sag: c.claimId, type: c.typeLabel, primo: owed(c.opening), ultimo: owed(c.closing), status: CLAIM_STATE_LABELS[c.state], tekst: c.text })),
    primoIAlt: owedTotal(l.claims.map((c) => c.opening)),
    ultimoIAlt: owedTotal(l.claims.map((c) => c.closing)),
    bevægelser: l.movements.map((m) => ({ tekst: m.label, beløb: formatKroner(m.amount) })),
    harBevægelser: l.movements.length > 0,
    skyldig: formatKroner(l.demanded),
    tilgode: formatKroner(credit),
    betal: l.kind === 'betal',
    følgAftalen: l.kind === 'følg aftalen',
    næsteRate: l.agreement ? formatKroner(l.agreement.installment) : '',
    næsteRateDato: l.agreement ? letterDate(l.agreement.nextDueDate) : '',
    harTilgode: credit > 0,
    intetAtBetale: l.kind === 'intet at betale',
    harOversendt: states.has('oversendt'),
    harAfskrevet: states.has('afskrevet'),
  };
}

/** An agreement or henstand letter as template fields. */
export function caseLetterFields(l: CaseLetter, settings: LetterSettings & { sender?: string }): LetterFields {
  return {
    ...commonFields({ ...settings, date: l.date }, l.recipient, l.address, l.salutation, l.paragraphs),
    overskrift: l.subject,
    reference: l.reference,
    // The closing's last two lines ("Venlig hilsen", the kommune) are the template's own words.
    afslutning: l.closing.slice(0, -2).join(' '),
    rater: (l.table?.rows ?? []).map(([rate, forfaldsdato, beløb]) => ({ rate, forfaldsdato, beløb })),
    harRater: (l.table?.rows.length ?? 0) > 0,
  };
}
