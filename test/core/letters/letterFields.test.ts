/**
 * The template fields (issue 18): every field a letter fills is listed (so a template's unknown
 * field can be refused by name), every listed field is filled, and the guide documents them all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../core/calendar/date.js';
import { commands } from '../../../core/commands/index.js';
import { agreementLetter } from '../../../core/letters/decisionLetters.js';
import { lettersFor } from '../../../core/letters/letterContent.js';
import { CASE_LETTER_FIELDS, caseLetterFields, letterDate, STATEMENT_LETTER_FIELDS, statementLetterFields } from '../../../core/letters/letterFields.js';
import { ore } from '../../../core/money/ore.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const settings = { kommune: 'Ishøj Kommune', contact: 'tlf. 43 57 70 00', date: '2026-12-04' as CalendarDate, account: '1234-5678901234' };

const ledger = [
  // 1.000 − 400 = 600 open; one payment of 400.
  { debtorId: 'D1', debtorName: 'Hansen, Jens', claimId: 'F1', claimType: 'daginstitution', postingDate: '2026-02-01', dueDate: '2026-02-01', kind: 'krav', amount: 1000 },
  { debtorId: 'D1', debtorName: 'Hansen, Jens', claimId: 'F1', claimType: 'daginstitution', postingDate: '2026-03-01', kind: 'betaling', amount: -400 },
  // 250 sent to Gældsstyrelsen.
  { debtorId: 'D1', debtorName: 'Hansen, Jens', claimId: 'F2', claimType: 'renovation', postingDate: '2026-01-05', dueDate: '2026-01-05', kind: 'krav', amount: 250 },
  { debtorId: 'D1', debtorName: 'Hansen, Jens', claimId: 'F2', claimType: 'renovation', postingDate: '2026-06-01', kind: 'oversendt', amount: -250 },
];
const statement = commands.statements({ year: 2026, ledger }, defaultRules);

describe('letter fields', () => {
  it('dates a letter the Danish way', () => {
    expect(letterDate('2026-12-04')).toBe('4. december 2026');
    expect(letterDate('2027-01-31')).toBe('31. januar 2027');
  });

  it('a saldoopgørelse: names, amounts by hand, states in words, flags', () => {
    const [l] = lettersFor(statement, settings, defaultRules, { addresses: new Map([['D1', ['Strandvejen 12', '2635 Ishøj']]]) }).letters;
    const f = statementLetterFields(l!, 2026, { ...settings, sender: 'Opkrævningen' });
    expect(f).toMatchObject({
      kommune: 'Ishøj Kommune',
      afsender: 'Opkrævningen',
      dato: '4. december 2026',
      modtager: 'Jens Hansen',
      adresselinjer: ['Strandvejen 12', '2635 Ishøj'],
      hilsen: 'Kære Jens Hansen',
      overskrift: 'Saldoopgørelse pr. 31. december 2026',
      konto: '1234-5678901234',
      harKonto: true,
      // 600 + 0 owed at the year end; 1.000 + 250 new claims, 400 paid, 250 sent on.
      ultimoIAlt: '600,00 kr.',
      primoIAlt: '0,00 kr.',
      skyldig: '600,00 kr.',
      betal: true,
      følgAftalen: false,
      harOversendt: true,
      harAfskrevet: false,
      harBevægelser: true,
    });
    expect(f.sager).toEqual([
      expect.objectContaining({ sag: 'F1', ultimo: '600,00 kr.', status: 'Skal betales' }),
      expect.objectContaining({ sag: 'F2', ultimo: '0,00 kr.', status: 'Sendt til Gældsstyrelsen' }),
    ]);
    expect(f.bevægelser).toEqual([
      { tekst: 'Nye regninger', beløb: '1.250,00 kr.' },
      { tekst: 'Du har betalt', beløb: '400,00 kr.' },
      { tekst: 'Sendt til Gældsstyrelsen', beløb: '250,00 kr.' },
    ]);
  });

  it('a letter under a running agreement carries its next rate', () => {
    const plan = lettersFor(statement, settings, defaultRules, { agreements: new Map([['D1', { nextDueDate: '2027-01-04' as CalendarDate, installment: ore(20_000), claimIds: ['F1'] }]]) });
    const f = statementLetterFields(plan.letters[0]!, 2026, settings);
    expect(f).toMatchObject({ følgAftalen: true, betal: false, næsteRate: '200,00 kr.', næsteRateDato: '4. januar 2027', afsender: 'Ishøj Kommune', harKonto: true });
  });

  it('every field filled is listed, and every listed field is filled (saldoopgørelse and case letters)', () => {
    const [l] = lettersFor(statement, settings, defaultRules).letters;
    expect(Object.keys(statementLetterFields(l!, 2026, settings)).sort()).toEqual(STATEMENT_LETTER_FIELDS.map((f) => f.name).sort());
    const schedule = commands.plan({ startDate: '2026-01-15', firstDueDate: '2026-02-02', installment: 400, claims: [{ type: 'renovation', principal: 1200 }] }, defaultRules);
    const c = caseLetterFields(agreementLetter(schedule, 'monthly', ['renovation'], { name: 'Hansen, Jens', reference: 'S-1' }, settings, defaultRules), settings);
    expect(Object.keys(c).sort()).toEqual(CASE_LETTER_FIELDS.map((f) => f.name).sort());
    expect(c.rater).toHaveLength(3);
    // Closing words ("Venlig hilsen", the kommune) belong to the template; the contact sentence comes after the rates.
    expect(c.afslutning).toBe('Har du spørgsmål, så kontakt os: tlf. 43 57 70 00.');
    expect(c.afsnit as string[]).not.toContain(c.afslutning);
  });

  it('the user guide documents every field', () => {
    const guide = readFileSync(new URL('../../../docs/brugervejledning.md', import.meta.url), 'utf8');
    const names = [...STATEMENT_LETTER_FIELDS, ...CASE_LETTER_FIELDS].flatMap((f) => [f.name, ...(f.items ?? []).map((i) => i.name)]);
    const missing = [...new Set(names)].filter((n) => !guide.includes(`{${n}}`) && !guide.includes(`{#${n}}`));
    expect(missing).toEqual([]);
  });
});

describe('the statementLetters command', () => {
  const cprLedger = ledger.map((r) => ({ ...r, cpr: '0101901234' }));
  it('masks CPR numbers in letters whether or not the statement was shown masked already', () => {
    const plain = commands.statements({ year: 2026, ledger: cprLedger }, defaultRules);
    const masked = commands.statements({ year: 2026, ledger: cprLedger, maskCpr: true }, defaultRules);
    for (const s of [plain, masked]) {
      const { plan } = commands.statementLetters({ statement: s, settings: { kommune: 'K', contact: 'c' }, date: '2026-12-04' }, defaultRules);
      expect(plan.letters[0]!.identity).toBe('CPR-nr.: 010190-xxxx');
    }
  });
  it('makes letters only for the debitors asked for, and names those it does not have', () => {
    const r = commands.statementLetters({ statement: statement, settings: { kommune: 'K', contact: 'c' }, date: '2026-12-04', only: ['D1', 'D99'] }, defaultRules);
    expect(r.plan.letters.map((l) => l.debtorId)).toEqual(['D1']);
    expect(r.unknown).toEqual(['D99']);
  });
});
