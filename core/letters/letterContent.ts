/**
 * What a saldoopgørelse letter says, decided by the state of each claim and of the debtor as a
 * whole (issue 18): a claim sent to inddrivelse is Gældsstyrelsen's to collect now, not "paid";
 * written-off debt is not to be paid; a forældet claim is not demanded (it goes on the
 * caseworker's list, the kommune decides); a credit is refunded only after any modregning; a
 * debtor who owes nothing and had no movement gets no letter. The words are plain Danish for a
 * citizen; the movements say in words which way they went, so no minus sign needs explaining.
 * Letters are data here; the sheet, PDF and .docx writers only lay them out.
 */
import { danishDate, type CalendarDate } from '../calendar/date.js';
import type { DebtorStatement, Statement } from '../ledger/statement.js';
import type { PostingKind } from '../ledger/posting.js';
import { formatKroner, ore, type Ore } from '../money/ore.js';
import { maskCprsIn } from '../personal/cpr.js';
import { claimTypeRule, findClaimType } from '../rules/claimTypes.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { feeBasis } from '../rykker/procedure.js';

/** A claim's state at the year end, as the letter treats it. */
export type ClaimLetterState = 'åben' | 'i aftale' | 'betalt' | 'oversendt' | 'afskrevet' | 'forældet' | 'tilgode';

/** A claim's state in a letter's table, in a citizen's words. */
export const CLAIM_STATE_LABELS: Readonly<Record<ClaimLetterState, string>> = {
  åben: 'Skal betales',
  'i aftale': 'I betalingsaftale',
  betalt: 'Betalt',
  oversendt: 'Sendt til Gældsstyrelsen',
  afskrevet: 'Afskrevet',
  forældet: 'Forældet',
  tilgode: 'Til gode',
};

/** The letter as a whole: what the citizen is asked to do. */
export type LetterKind = 'betal' | 'følg aftalen' | 'tilgode' | 'intet at betale';

export interface LetterSettings {
  kommune: string;
  contact: string;
  /** The day the letter is written (the caller's today; 31 December is the statement's date, not the letter's). */
  date: CalendarDate;
  /** Bank account for payments (reg.nr. and konto), when the kommune gives one. */
  account?: string;
}

/** A running betalingsaftale of a debtor (from the agreement register), for "follow your agreement". */
export interface AgreementNote {
  nextDueDate: CalendarDate;
  installment: Ore;
  /** The claims the agreement covers: only these are "i aftale"; the debtor's others are asked for as usual. */
  claimIds: readonly string[];
}

export interface LetterClaim {
  claimId: string;
  typeLabel: string;
  state: ClaimLetterState;
  opening: Ore;
  closing: Ore;
  /** One sentence about this claim. */
  text: string;
}

export interface LetterMovement {
  kind: PostingKind;
  /** The words for the movement, e.g. "Du har betalt". */
  label: string;
  /** Always ≥ 0: the label says which way it went. */
  amount: Ore;
}

export interface Letter {
  debtorId: string;
  /** "Jens Hansen" (an export's "Hansen, Jens" turned around), or the company name. */
  recipient: string;
  /** "CPR-nr.: 010190-xxxx" or "CVR-nr.: 12345678"; empty when the ledger has neither. */
  identity: string;
  /** The postal address, as a window envelope shows it; empty when none was given. */
  address: string[];
  salutation: string;
  kind: LetterKind;
  date: CalendarDate;
  /** Claims the citizen is told about (a forældet claim is not among them). */
  claims: LetterClaim[];
  movements: LetterMovement[];
  /** What is demanded: the open claims. */
  demanded: Ore;
  /** The running betalingsaftale the letter refers to, if any. */
  agreement?: AgreementNote;
  /** The body after the table, paragraph by paragraph. */
  paragraphs: string[];
}

export interface CaseworkerNote {
  debtorId: string;
  claimId: string;
  amount: Ore;
  reason: string;
}

export interface LetterPlan {
  letters: Letter[];
  /** Debtors who get no letter, and why. */
  skipped: Array<{ debtorId: string; why: SkipReason; reason: string }>;
  /** Forældede claims: not demanded from the citizen; the kommune decides what to do. */
  forCaseworker: CaseworkerNote[];
  /** Letters to debitors the address book has no address for (when one was given): for print they need one. */
  withoutAddress: string[];
}

/** Why a debtor gets no letter: only forældede claims, or nothing owed and nothing moved. */
export type SkipReason = 'kun forældede krav' | 'intet skyldigt';

export interface LetterOptions {
  /** Running agreements by debtor id. */
  agreements?: ReadonlyMap<string, AgreementNote>;
  /** Write a letter also to debtors who owe nothing and had no movement. */
  includeZero?: boolean;
  /** Show the CPR number in full (default: ddmmyy-xxxx, as Danish letters do). */
  showCpr?: boolean;
  /** Postal addresses by debitor (core/letters/addresses.ts). */
  addresses?: ReadonlyMap<string, readonly string[]>;
}

/** Movement words a citizen understands, in the order shown; a correction says which way it went. */
const MOVEMENT_WORDS: ReadonlyArray<[PostingKind, string, string?]> = [
  ['krav', 'Nye regninger'],
  ['gebyr', 'Gebyrer'],
  ['rente', 'Renter'],
  ['betaling', 'Du har betalt'],
  ['modregning', 'Modregnet i penge, du skulle have haft udbetalt'],
  ['afskrivning', 'Afskrevet – skal ikke betales'],
  ['oversendt', 'Sendt til Gældsstyrelsen'],
  ['tilbagebetaling', 'Udbetalt til dig'],
  ['korrektion', 'Rettelser, lagt til', 'Rettelser, trukket fra'],
];

/** "kr." ends a sentence by itself: no second full stop. */
const sentence = (t: string): string => t.replace(/kr\.\./g, 'kr.');

const NAME_PART = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const COMPANY = /\b(a\/s|aps|i\/s|k\/s|p\/s|ivs|amba|smba|fmba|forening|fond|kommune|region)\b/i;

/**
 * The name as a letter starts with it: "Hansen, Jens" (how fagsystemer export people) becomes
 * "Jens Hansen"; a company name is left as it is.
 * @example letterName('Hansen, Jens Peter') // "Jens Peter Hansen"
 */
export function letterName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (COMPANY.test(trimmed)) return trimmed;
  const parts = trimmed.split(',');
  if (parts.length !== 2) return trimmed;
  const [last, first] = parts.map((p) => p.trim()) as [string, string];
  // Only names are turned: anything else with a comma ("=HYPERLINK(…,…)", "c/o") stays as written.
  return NAME_PART.test(last) && NAME_PART.test(first) ? `${first} ${last}` : trimmed;
}

/** A company: its name says so, or its number is a CVR number (8 digits, a CPR number has 10). */
const isCompany = (name: string, cpr: string): boolean => COMPANY.test(name) || /^\d{8}$/.test(cpr.replace(/[\s-]/g, ''));

function identityLine(d: DebtorStatement, showCpr: boolean): string {
  const digits = d.cpr.replace(/[\s-]/g, '');
  if (/^\d{8}$/.test(digits)) return `CVR-nr.: ${digits}`;
  if (d.cpr.trim() !== '') return `CPR-nr.: ${showCpr ? d.cpr.trim() : maskCprsIn(d.cpr.trim())}`;
  // The debitor number has a line of its own in every letter: no second one here.
  return '';
}

function claimState(c: DebtorStatement['claims'][number], inAgreement: boolean): ClaimLetterState {
  if (c.closing > 0) return c.timeBarred ? 'forældet' : inAgreement ? 'i aftale' : 'åben';
  if (c.closing < 0) return 'tilgode';
  if (c.movements.oversendt !== undefined) return 'oversendt';
  if (c.movements.afskrivning !== undefined) return 'afskrevet';
  return 'betalt';
}

const CLAIM_TEXT: Readonly<Record<ClaimLetterState, (c: { closing: Ore }) => string>> = {
  åben: (c) => `Du skylder ${formatKroner(c.closing)}.`,
  'i aftale': (c) => `${formatKroner(c.closing)} betales efter din betalingsaftale.`,
  betalt: () => 'Betalt – du skylder ikke noget på denne sag.',
  oversendt: () => 'Sendt til Gældsstyrelsen, som nu opkræver beløbet. Kontakt Gældsstyrelsen om denne sag.',
  afskrevet: () => 'Afskrevet – du skal ikke betale beløbet.',
  forældet: () => '',
  tilgode: (c) => `Du har ${formatKroner(ore(-c.closing))} til gode.`,
};

/** The letters of a year's statement, one per debtor with something to say. */
export function lettersFor(statement: Pick<Statement, 'year' | 'debtors'>, settings: LetterSettings, rules: RuleSet, options: LetterOptions = {}): LetterPlan {
  const letters: Letter[] = [];
  const skipped: LetterPlan['skipped'] = [];
  const forCaseworker: CaseworkerNote[] = [];
  const withoutAddress: string[] = [];
  for (const d of statement.debtors) {
    const agreement = options.agreements?.get(d.debtorId);
    const claims = d.claims
      // A claim with nothing owed at either end and no movement this year has nothing to tell.
      .filter((c) => c.opening !== 0 || c.closing !== 0 || Object.keys(c.movements).length > 0)
      .map((c) => ({ c, state: claimState(c, agreement?.claimIds.includes(c.claimId) === true) }));
    for (const { c, state } of claims) {
      if (state === 'forældet') forCaseworker.push({ debtorId: d.debtorId, claimId: c.claimId, amount: c.closing, reason: c.limitationReason ?? 'Forældet ved årets udgang.' });
    }
    const shown = claims.filter((x) => x.state !== 'forældet');
    const demanded = ore(shown.filter((x) => x.state === 'åben' || x.state === 'i aftale').reduce((s, x) => s + x.c.closing, 0));
    // What the agreement covers is paid by its rates; only the rest is asked for now.
    const inAgreement = ore(shown.filter((x) => x.state === 'i aftale').reduce((s, x) => s + x.c.closing, 0));
    const credit = ore(-shown.filter((x) => x.state === 'tilgode').reduce((s, x) => s + x.c.closing, 0));
    const moved = Object.keys(d.movements).length > 0;
    if (shown.length === 0) {
      skipped.push(
        claims.length > 0
          ? { debtorId: d.debtorId, why: 'kun forældede krav', reason: 'Kun forældede krav: de kræves ikke ind; sagsbehandleren afgør sagen.' }
          : { debtorId: d.debtorId, why: 'intet skyldigt', reason: 'Intet skyldigt og ingen bevægelser i året.' },
      );
      continue;
    }
    if (demanded === 0 && credit === 0 && !moved && !options.includeZero) {
      skipped.push({ debtorId: d.debtorId, why: 'intet skyldigt', reason: 'Skylder 0 kr. og ingen bevægelser i året.' });
      continue;
    }
    const types = [...new Set(shown.filter((x) => x.state === 'åben').map((x) => findClaimType(rules.claimTypes.value, x.c.claimType)))];
    const kind: LetterKind = demanded > inAgreement ? 'betal' : demanded > 0 ? 'følg aftalen' : credit > 0 ? 'tilgode' : 'intet at betale';
    const recipient = letterName(d.name) || `Debitor ${d.debtorId}`;
    const address = options.addresses?.get(d.debtorId) ?? [];
    if (options.addresses !== undefined && address.length === 0) withoutAddress.push(d.debtorId);
    letters.push({
      debtorId: d.debtorId,
      recipient,
      identity: identityLine(d, options.showCpr === true),
      address: [...address],
      salutation: isCompany(d.name, d.cpr) ? `Til ${recipient}` : `Kære ${recipient}`,
      kind,
      date: settings.date,
      claims: shown.map(({ c, state }) => ({ claimId: c.claimId, typeLabel: typeLabel(c.claimType, rules), state, opening: c.opening, closing: c.closing, text: sentence(CLAIM_TEXT[state](c)) })),
      movements: movementsOf(shown.map((x) => x.c)),
      demanded,
      ...(inAgreement > 0 && agreement ? { agreement } : {}),
      paragraphs: paragraphsFor(kind, {
        demanded,
        inAgreement,
        credit,
        agreement: inAgreement > 0 ? agreement : undefined,
        year: statement.year,
        settings,
        shown: shown.map((x) => x.state),
        types: types.filter((t): t is string => t !== null),
        rules,
      }),
    });
  }
  return { letters, skipped, forCaseworker, withoutAddress };
}

function typeLabel(type: string, rules: RuleSet): string {
  const id = findClaimType(rules.claimTypes.value, type);
  return id === null ? type : claimTypeRule(rules.claimTypes.value, id).label;
}

/** The year's movements of the claims the letter shows (a forældet claim's are not the citizen's business here). */
function movementsOf(claims: ReadonlyArray<DebtorStatement['claims'][number]>): LetterMovement[] {
  const out: LetterMovement[] = [];
  for (const [kind, up, down] of MOVEMENT_WORDS) {
    const v = claims.reduce((sum, c) => sum + (c.movements[kind] ?? 0), 0);
    if (v === undefined || v === 0) continue;
    out.push({ kind, label: v < 0 && down !== undefined ? down : up, amount: ore(Math.abs(v)) });
  }
  return out;
}

interface ParagraphFacts {
  demanded: Ore;
  /** Of `demanded`, what the running agreement covers (paid by its rates). */
  inAgreement: Ore;
  credit: Ore;
  agreement: AgreementNote | undefined;
  year: number;
  settings: LetterSettings;
  shown: ClaimLetterState[];
  /** Claim types of the open claims. */
  types: string[];
  rules: RuleSet;
}

function paragraphsFor(kind: LetterKind, f: ParagraphFacts): string[] {
  return paragraphTexts(kind, f).map(sentence);
}

function paragraphTexts(kind: LetterKind, f: ParagraphFacts): string[] {
  const out: string[] = [];
  if (kind === 'betal' && f.agreement !== undefined) {
    // Some claims in a running agreement, others not: the rest is asked for, the agreement followed.
    const a = f.agreement;
    const rest = ore(f.demanded - f.inAgreement);
    out.push(
      `Du skylder i alt ${formatKroner(f.demanded)}. Heraf betaler du ${formatKroner(f.inAgreement)} efter din betalingsaftale – næste rate er ${formatKroner(a.installment)} den ${danishDate(a.nextDueDate)}.`,
    );
    out.push(`De ${formatKroner(rest)}, der ikke er med i aftalen, skal du betale nu. Betal gerne hurtigst muligt${consequence(f.types, f.rules)}.`);
    if (f.settings.account) out.push(`Betal til konto ${f.settings.account}. Skriv dit debitornummer eller sagsnummer ved betalingen.`);
    out.push('Kan du ikke betale det på én gang, så kontakt os om at få det med i en betalingsaftale.');
  } else if (kind === 'betal') {
    out.push(`Du skylder i alt ${formatKroner(f.demanded)}. Betal gerne hurtigst muligt${consequence(f.types, f.rules)}.`);
    if (f.settings.account) out.push(`Betal til konto ${f.settings.account}. Skriv dit debitornummer eller sagsnummer ved betalingen.`);
    out.push('Kan du ikke betale det hele på én gang, kan du få en betalingsaftale. Kontakt os.');
  } else if (kind === 'følg aftalen') {
    const a = f.agreement!;
    out.push(
      `Du skylder i alt ${formatKroner(f.demanded)}, og du har en betalingsaftale med os. Betal som aftalt – næste rate er ${formatKroner(a.installment)} den ${danishDate(a.nextDueDate)}. Du skal ikke betale mere nu.`,
    );
  } else if (kind === 'tilgode') {
    out.push(
      `Du har ${formatKroner(f.credit)} til gode. Skylder du andet til kommunen eller det offentlige, bruger vi først beløbet til at betale det (modregning). Resten udbetaler vi til din NemKonto. Du får besked, når det sker.`,
    );
  } else {
    out.push(`Du skal ikke betale noget til ${f.settings.kommune} på de sager, der står ovenfor.`);
  }
  if (f.credit > 0 && kind !== 'tilgode') {
    out.push(`Du har også ${formatKroner(f.credit)} til gode. Beløbet bruges først til at betale det, du skylder (modregning).`);
  }
  if (f.shown.includes('oversendt')) out.push('Sager, der er sendt til Gældsstyrelsen, betaler du til Gældsstyrelsen – ikke til os. Kontakt Gældsstyrelsen på gaeldst.dk.');
  if (f.shown.includes('afskrevet')) out.push('Beløb, vi har afskrevet, skal du ikke betale.');
  out.push(`Har du spørgsmål, så kontakt os: ${f.settings.contact.replace(/\.$/, '')}.`);
  return out;
}

/** ", så undgår du flere gebyrer og renter" — only what the open claims can actually get. */
function consequence(types: readonly string[], rules: RuleSet): string {
  if (types.length === 0) return '';
  const fees = feeBasis(types, rules).perLetter > 0;
  // Late interest: gebyrloven § 3 for claims with udpantningsret, renteloven § 5 for civil-law
  // claims; a tilbagebetalingskrav bears none.
  const interest = types.every((t) => {
    const r = claimTypeRule(rules.claimTypes.value, t);
    return !r.tilbagebetalingskrav && (r.udpantningsret || r.civilretlig);
  });
  if (fees && interest) return ', så undgår du flere gebyrer og renter';
  if (fees) return ', så undgår du flere gebyrer';
  if (interest) return ', så undgår du flere renter';
  return '';
}
