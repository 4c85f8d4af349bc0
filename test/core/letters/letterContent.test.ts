/**
 * What each letter says, by state (issue 18): a hand-made 2026 ledger with one debtor in each
 * state. Every expected sentence follows from the postings by hand (amounts summed in the
 * comments) and from the rules: daginstitution has udpantningsret (gebyr and renter can follow),
 * kontanthjælp is a tilbagebetalingskrav with neither; a claim due 10-01-2022 without payments is
 * forældet 3 years later (forældelsesloven § 3), before 31-12-2026.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../core/commands/index.js';
import type { CalendarDate } from '../../../core/calendar/date.js';
import { letterName, lettersFor } from '../../../core/letters/letterContent.js';
import { ore } from '../../../core/money/ore.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const row = (debtorId: string, debtorName: string, claimId: string, claimType: string, postingDate: string, kind: string, amount: number, extra: object = {}) => ({
  debtorId,
  debtorName,
  claimId,
  claimType,
  postingDate,
  kind,
  amount,
  ...extra,
});

const ledger = [
  // D1: 1.800 − 800 = 1.000 open daginstitution.
  row('D1', 'Hansen, Jens', 'F1', 'daginstitution', '2026-02-01', 'krav', 1800, { cpr: '0101901234', dueDate: '2026-02-01' }),
  row('D1', 'Hansen, Jens', 'F1', 'daginstitution', '2026-03-01', 'betaling', -800, { cpr: '0101901234' }),
  // D2: a company's 3.912,50 sent to inddrivelse: 0 left with the kommune.
  row('D2', 'Byg & Co ApS', 'F2', 'renovation', '2026-03-01', 'krav', 3912.5, { cpr: '12345678', dueDate: '2026-03-01' }),
  row('D2', 'Byg & Co ApS', 'F2', 'renovation', '2026-10-01', 'oversendt', -3912.5, { cpr: '12345678' }),
  // D3: a forældet civil claim (due 10-01-2022) and an open kontanthjælp claim of 2.000.
  row('D3', 'Olsen, Mette', 'F3', 'andet', '2022-01-10', 'krav', 500, { dueDate: '2022-01-10' }),
  row('D3', 'Olsen, Mette', 'F4', 'kontanthjælp', '2026-05-01', 'krav', 2000, { dueDate: '2026-05-01' }),
  // D4: written off in full.
  row('D4', 'Nielsen, Per', 'F5', 'renovation', '2026-01-05', 'krav', 1000, { dueDate: '2026-01-05' }),
  row('D4', 'Nielsen, Per', 'F5', 'renovation', '2026-09-01', 'afskrivning', -1000),
  // D5: paid 700 on 500: 200 to the good.
  row('D5', 'Berg, Anna', 'F6', 'renovation', '2026-01-05', 'krav', 500, { dueDate: '2026-01-05' }),
  row('D5', 'Berg, Anna', 'F6', 'renovation', '2026-02-01', 'betaling', -700),
  // D6: paid in 2025, nothing in 2026.
  row('D6', 'Holm, Ib', 'F7', 'renovation', '2025-03-01', 'krav', 400, { dueDate: '2025-03-01' }),
  row('D6', 'Holm, Ib', 'F7', 'renovation', '2025-04-01', 'betaling', -400),
  // D7: 1.500 open daginstitution in a running agreement.
  row('D7', 'Lund, Eva', 'F8', 'daginstitution', '2026-06-01', 'krav', 1500, { dueDate: '2026-06-01' }),
  // D8: only a forældet claim (due 01-06-2021).
  row('D8', 'Kofoed, Bo', 'F9', 'andet', '2021-06-01', 'krav', 300, { dueDate: '2021-06-01' }),
];

const statement = commands.statements({ year: 2026, ledger }, defaultRules);
const settings = { kommune: 'Ishøj Kommune', contact: 'Opkrævningen, tlf. 43 57 70 00', date: '2027-01-08' as CalendarDate, account: '1234-5678901234' };
const plan = lettersFor(statement, settings, defaultRules, { agreements: new Map([['D7', { nextDueDate: '2027-01-04' as CalendarDate, installment: ore(50_000), claimIds: ['F8'] }]]) });
const letter = (id: string) => plan.letters.find((l) => l.debtorId === id)!;

describe('letters by state', () => {
  it('open and payable: the amount, how to pay, what can follow for this claim type', () => {
    const l = letter('D1');
    expect(l).toMatchObject({ recipient: 'Jens Hansen', salutation: 'Kære Jens Hansen', identity: 'CPR-nr.: 010190-xxxx', kind: 'betal', demanded: 100_000 });
    expect(l.claims.map((c) => [c.claimId, c.state, c.text])).toEqual([['F1', 'åben', 'Du skylder 1.000,00 kr.']]);
    // Payments are told in words, without a minus sign.
    expect(l.movements.map((m) => [m.label, m.amount])).toEqual([
      ['Nye regninger', 180_000],
      ['Du har betalt', 80_000],
    ]);
    expect(l.paragraphs).toEqual([
      'Du skylder i alt 1.000,00 kr. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.',
      'Betal til konto 1234-5678901234. Skriv dit debitornummer eller sagsnummer ved betalingen.',
      'Kan du ikke betale det hele på én gang, kan du få en betalingsaftale. Kontakt os.',
      'Har du spørgsmål, så kontakt os: Opkrævningen, tlf. 43 57 70 00.',
    ]);
  });

  it('sent to inddrivelse: Gældsstyrelsen collects it now — never "thank you for paying"', () => {
    const l = letter('D2');
    expect(l).toMatchObject({ recipient: 'Byg & Co ApS', salutation: 'Til Byg & Co ApS', identity: 'CVR-nr.: 12345678', kind: 'intet at betale', demanded: 0 });
    expect(l.claims[0]).toMatchObject({ state: 'oversendt', text: 'Sendt til Gældsstyrelsen, som nu opkræver beløbet. Kontakt Gældsstyrelsen om denne sag.' });
    expect(l.movements.map((m) => m.label)).toEqual(['Nye regninger', 'Sendt til Gældsstyrelsen']);
    expect(l.paragraphs.join(' ')).toMatch(/betaler du til Gældsstyrelsen – ikke til os/);
    expect(l.paragraphs.join(' ')).not.toMatch(/Tak/);
  });

  it('forældet: not demanded from the citizen, listed for the caseworker; a tilbagebetalingskrav warns of neither fees nor interest', () => {
    const l = letter('D3');
    expect(l.claims.map((c) => c.claimId)).toEqual(['F4']);
    expect(l.demanded).toBe(200_000);
    expect(l.paragraphs[0]).toBe('Du skylder i alt 2.000,00 kr. Betal gerne hurtigst muligt.');
    expect(plan.forCaseworker.filter((n) => n.debtorId === 'D3')).toEqual([expect.objectContaining({ claimId: 'F3', amount: 50_000 })]);
  });

  it('written off: not to be paid', () => {
    const l = letter('D4');
    expect(l).toMatchObject({ kind: 'intet at betale', demanded: 0 });
    expect(l.claims[0]).toMatchObject({ state: 'afskrevet', text: 'Afskrevet – du skal ikke betale beløbet.' });
    expect(l.paragraphs).toContain('Beløb, vi har afskrevet, skal du ikke betale.');
  });

  it('a credit: refunded after any modregning, with no promise the money comes as it is', () => {
    const l = letter('D5');
    expect(l).toMatchObject({ kind: 'tilgode', demanded: 0 });
    expect(l.claims[0]).toMatchObject({ state: 'tilgode', text: 'Du har 200,00 kr. til gode.' });
    expect(l.paragraphs[0]).toBe(
      'Du har 200,00 kr. til gode. Skylder du andet til kommunen eller det offentlige, bruger vi først beløbet til at betale det (modregning). Resten udbetaler vi til din NemKonto. Du får besked, når det sker.',
    );
  });

  it('in a betalingsaftale: follow the agreement, next rate and date — not "pay now"', () => {
    const l = letter('D7');
    expect(l.kind).toBe('følg aftalen');
    expect(l.claims[0]!.state).toBe('i aftale');
    expect(l.paragraphs[0]).toBe('Du skylder i alt 1.500,00 kr., og du har en betalingsaftale med os. Betal som aftalt – næste rate er 500,00 kr. den 04-01-2027. Du skal ikke betale mere nu.');
    expect(l.paragraphs.join(' ')).not.toMatch(/hurtigst muligt|betalingsaftale\. Kontakt os/);
  });

  it('an agreement covering some claims: those follow it, the rest is asked for — never "you need not pay more"', () => {
    // D9 owes F10 (600, in the agreement) and F11 (400, not): 1.000 owed, 600 by the agreement's
    // rates, 400 to pay now.
    const mixed = commands.statements(
      {
        year: 2026,
        ledger: [
          row('D9', 'Friis, Ole', 'F10', 'daginstitution', '2026-03-01', 'krav', 600, { dueDate: '2026-03-01' }),
          row('D9', 'Friis, Ole', 'F11', 'daginstitution', '2026-04-01', 'krav', 400, { dueDate: '2026-04-01' }),
        ],
      },
      defaultRules,
    );
    const [l] = lettersFor(mixed, settings, defaultRules, { agreements: new Map([['D9', { nextDueDate: '2027-01-04' as CalendarDate, installment: ore(10_000), claimIds: ['F10'] }]]) }).letters;
    expect(l!.kind).toBe('betal');
    expect(l!.claims.map((c) => [c.claimId, c.state, c.text])).toEqual([
      ['F10', 'i aftale', '600,00 kr. betales efter din betalingsaftale.'],
      ['F11', 'åben', 'Du skylder 400,00 kr.'],
    ]);
    expect(l!.paragraphs.slice(0, 3)).toEqual([
      'Du skylder i alt 1.000,00 kr. Heraf betaler du 600,00 kr. efter din betalingsaftale – næste rate er 100,00 kr. den 04-01-2027.',
      'De 400,00 kr., der ikke er med i aftalen, skal du betale nu. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.',
      'Betal til konto 1234-5678901234. Skriv dit debitornummer eller sagsnummer ved betalingen.',
    ]);
    expect(l!.paragraphs.join(' ')).not.toContain('Du skal ikke betale mere nu');
  });

  it('no letter to a debtor who owes nothing and had no movement, nor to one with only forældede claims; each skip says why', () => {
    expect(plan.letters.map((l) => l.debtorId)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D7']);
    expect(plan.skipped).toEqual([
      { debtorId: 'D6', why: 'intet skyldigt', reason: 'Intet skyldigt og ingen bevægelser i året.' },
      { debtorId: 'D8', why: 'kun forældede krav', reason: 'Kun forældede krav: de kræves ikke ind; sagsbehandleren afgør sagen.' },
    ]);
    expect(plan.forCaseworker.map((n) => [n.debtorId, n.claimId])).toEqual([
      ['D3', 'F3'],
      ['D8', 'F9'],
    ]);
  });
});

describe('names on letters', () => {
  it.each([
    ['Hansen, Jens', 'Jens Hansen'],
    ['Hansen,  Jens Peter ', 'Jens Peter Hansen'],
    ['Jens Hansen', 'Jens Hansen'],
    ['Jensen, Karen; ApS', 'Jensen, Karen; ApS'],
    ['Hansen, Jens, c/o Olsen', 'Hansen, Jens, c/o Olsen'],
    ['Æbelø-Sørensen, Søren Ø.', 'Søren Ø. Æbelø-Sørensen'],
    ['=HYPERLINK("http://x","klik")', '=HYPERLINK("http://x","klik")'],
  ])('%s → %s', (name, expected) => {
    expect(letterName(name)).toBe(expected);
  });
});

describe('addresses on letters', () => {
  it('a letter carries the debitor address; letters without one are listed for print', () => {
    const withBook = lettersFor(statement, settings, defaultRules, { addresses: new Map([['D1', ['Strandvejen 12, 2. th.', '2635 Ishøj']]]) });
    expect(withBook.letters.find((l) => l.debtorId === 'D1')!.address).toEqual(['Strandvejen 12, 2. th.', '2635 Ishøj']);
    // The six letters of the ledger above; D1 has an address.
    expect(withBook.withoutAddress).toEqual(['D2', 'D3', 'D4', 'D5', 'D7']);
    // Without an address book nothing is listed: Digital Post needs none.
    expect(plan.withoutAddress).toEqual([]);
  });
});
