/**
 * Saldo's own templates (assets/letters/, made by letters/docx/makeDefaultTemplates.ts) and the
 * round trip a kommune makes: a letter's fields → the template filled → blocks for the PDF; then
 * the template edited in Word → the change in the letter. The statement is a hand-made 2026
 * ledger; every amount below is added up by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar/date.js';
import { commands } from '../../core/commands/index.js';
import { agreementLetter, type CaseLetter } from '../../core/letters/decisionLetters.js';
import { lettersFor } from '../../core/letters/letterContent.js';
import { CASE_LETTER_FIELDS, caseLetterFields, STATEMENT_LETTER_FIELDS, statementLetterFields, type FieldSpec } from '../../core/letters/letterFields.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import type { Block, Run } from '../../letters/blocks.js';
import { docxBlocks, fillToBlocks } from '../../letters/docx/docxBlocks.js';
import { defaultTemplates } from '../../letters/docx/makeDefaultTemplates.js';
import { checkTemplate, compileTemplate, fillTemplate } from '../../letters/docx/template.js';
import { defaultTemplate, editPart, messageOf, partOf } from './docxHelpers.js';

const runsText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const lines = (blocks: readonly Block[]): string[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [runsText(b.runs)] : []));
const tables = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
const cells = (t: Extract<Block, { kind: 'table' }>) => t.rows.map((row) => row.map(runsText));

const row = (claimId: string, claimType: string, postingDate: string, kind: string, amount: number, extra: object = {}) => ({
  debtorId: 'D1',
  debtorName: 'Hansen, Jens',
  cpr: '0101901234',
  claimId,
  claimType,
  postingDate,
  kind,
  amount,
  ...extra,
});

const ledger = [
  // F1: 1.800 − 800 paid = 1.000 owed at the year end.
  row('F1', 'daginstitution', '2026-02-01', 'krav', 1800, { dueDate: '2026-02-01' }),
  row('F1', 'daginstitution', '2026-03-01', 'betaling', -800),
  // F2: 500, nothing paid.
  row('F2', 'renovation', '2026-04-01', 'krav', 500, { dueDate: '2026-04-01' }),
  // F3: 400 owed from 2025 (so 400 on 1 January), sent to Gældsstyrelsen in October: 0 left here.
  row('F3', 'renovation', '2025-06-01', 'krav', 400, { dueDate: '2025-06-01' }),
  row('F3', 'renovation', '2026-10-01', 'oversendt', -400),
];
const settings = { kommune: 'Ishøj Kommune', sender: 'Opkrævningen', contact: 'tlf. 43 57 70 00', date: '2027-01-08' as CalendarDate };
const plan = lettersFor(commands.statements({ year: 2026, ledger }, defaultRules), settings, defaultRules, { addresses: new Map([['D1', ['Strandvejen 12', '2635 Ishøj']]]) });
const fields = statementLetterFields(plan.letters[0]!, 2026, settings);

/** Every field name a template uses, in its loops too ({.} included). */
const usedFields = (bytes: Uint8Array): Set<string> => {
  const out = new Set<string>();
  const walk = (parts: readonly { type: string; value: string; subparsed?: unknown }[]) => {
    for (const p of parts) {
      if (p.type !== 'placeholder') continue;
      out.add(p.value.trim());
      if (Array.isArray(p.subparsed)) walk(p.subparsed);
    }
  };
  for (const parts of compileTemplate(bytes).templated.values()) walk(parts);
  return out;
};
const allNames = (specs: readonly FieldSpec[]): string[] => specs.flatMap((s) => [s.name, ...allNames(s.items ?? [])]);

describe('the default templates', () => {
  it('each passes checkTemplate with its letter’s fields, and the statement’s is refused for a case letter', () => {
    expect(() => checkTemplate(defaultTemplate('saldoopgoerelse'), STATEMENT_LETTER_FIELDS, 'saldoopgoerelse.docx')).not.toThrow();
    expect(() => checkTemplate(defaultTemplate('aftalebrev'), CASE_LETTER_FIELDS, 'aftalebrev.docx')).not.toThrow();
    expect(() => checkTemplate(defaultTemplate('henstand'), CASE_LETTER_FIELDS, 'henstand.docx')).not.toThrow();
    expect(messageOf(() => checkTemplate(defaultTemplate('saldoopgoerelse'), CASE_LETTER_FIELDS, 'saldoopgoerelse.docx'))).toMatch(/bruger feltet \{#harIdentitet\}, som Saldo ikke kender/);
  });

  it('every field they use exists in letterFields.ts (these lists are the templates’ fields, for the user guide)', () => {
    const statement = [
      'kommune',
      'dato',
      'modtager',
      'adresselinjer',
      '.',
      'harIdentitet',
      'identitet',
      'debitor',
      'overskrift',
      'hilsen',
      'år',
      'sager',
      'sag',
      'type',
      'primo',
      'ultimo',
      'status',
      'primoIAlt',
      'ultimoIAlt',
      'harBevægelser',
      'bevægelser',
      'tekst',
      'beløb',
      'afsnit',
      'afsender',
    ];
    const agreement = [
      'kommune',
      'dato',
      'modtager',
      'adresselinjer',
      '.',
      'reference',
      'overskrift',
      'hilsen',
      'afsnit',
      'harRater',
      'rater',
      'rate',
      'forfaldsdato',
      'beløb',
      'afslutning',
      'afsender',
    ];
    expect([...usedFields(defaultTemplate('saldoopgoerelse'))].sort()).toEqual([...statement].sort());
    expect([...usedFields(defaultTemplate('aftalebrev'))].sort()).toEqual([...agreement].sort());
    expect([...usedFields(defaultTemplate('henstand'))].sort()).toEqual(agreement.filter((f) => !['harRater', 'rater', 'rate', 'forfaldsdato', 'beløb'].includes(f)).sort());
    for (const f of statement.filter((n) => n !== '.')) expect(allNames(STATEMENT_LETTER_FIELDS)).toContain(f);
    for (const f of agreement.filter((n) => n !== '.')) expect(allNames(CASE_LETTER_FIELDS)).toContain(f);
  });

  it('the files in assets/letters are what makeDefaultTemplates.ts makes (run it after changing the source)', () => {
    for (const [name, made] of Object.entries(defaultTemplates())) {
      const shipped = defaultTemplate(name.replace('.docx', '') as 'saldoopgoerelse');
      for (const part of ['word/document.xml', 'word/styles.xml', '[Content_Types].xml']) expect(partOf(shipped, part), `${name} ${part}`).toBe(partOf(made, part));
    }
  });
});

describe('round trip: a saldoopgørelse filled from a hand-made statement, read back as blocks', () => {
  const blocks = docxBlocks(fillTemplate(defaultTemplate('saldoopgoerelse'), fields, 'saldoopgoerelse.docx'));

  it('who, when and to whom: the letterhead, the recipient from "Hansen, Jens", the address, the masked CPR number', () => {
    expect(lines(blocks).slice(0, 9)).toEqual(['Ishøj Kommune', '8. januar 2027', '', 'Jens Hansen', 'Strandvejen 12', '2635 Ishøj', '', 'CPR-nr.: 010190-xxxx', 'Debitornummer: D1']);
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', align: 'right' });
    expect(blocks.find((b) => b.kind === 'paragraph' && b.heading)).toEqual({ kind: 'paragraph', runs: [{ text: 'Saldoopgørelse pr. 31. december 2026', bold: true }], heading: true });
  });

  it('the claims table: one row per sag, amounts right-aligned, the totals added by hand (0 + 0 + 400 and 1.000 + 500 + 0)', () => {
    const [claims] = tables(blocks);
    // The types' words are the labels of core/rules/claimTypes.ts.
    expect(cells(claims!)).toEqual([
      ['Sag', 'Type', 'Skyldig 1. januar', 'Skyldig 31. december', 'Status'],
      ['F1', 'Daginstitution (forældrebetaling)', '0,00 kr.', '1.000,00 kr.', 'Skal betales'],
      ['F2', 'Renovation (affaldsgebyr)', '0,00 kr.', '500,00 kr.', 'Skal betales'],
      ['F3', 'Renovation (affaldsgebyr)', '400,00 kr.', '0,00 kr.', 'Sendt til Gældsstyrelsen'],
      ['I alt', '', '400,00 kr.', '1.500,00 kr.', ''],
    ]);
    expect(claims).toMatchObject({ align: ['left', 'left', 'right', 'right', 'left'], headerRows: 1 });
  });

  it('what happened in 2026, in words: new bills 1.800 + 500, paid 800, 400 sent on', () => {
    expect(lines(blocks)).toContain('Det er sket i 2026');
    expect(cells(tables(blocks)[1]!)).toEqual([
      ['Nye regninger', '2.300,00 kr.'],
      ['Du har betalt', '800,00 kr.'],
      ['Sendt til Gældsstyrelsen', '400,00 kr.'],
    ]);
  });

  it('Saldo’s paragraphs one by one, then the closing', () => {
    const text = lines(blocks);
    const first = text.findIndex((t) => t.startsWith('Du skylder i alt 1.500,00 kr.'));
    expect(first).toBeGreaterThan(0);
    expect(text.slice(first)).toEqual([...(fields.afsnit as string[]), 'Venlig hilsen', 'Opkrævningen']);
    expect(text).toContain('Sager, der er sendt til Gældsstyrelsen, betaler du til Gældsstyrelsen – ikke til os. Kontakt Gældsstyrelsen på gaeldst.dk.');
  });

  it('without movements the "Det er sket" part is left out, heading and table', () => {
    const quiet = docxBlocks(fillTemplate(defaultTemplate('saldoopgoerelse'), { ...fields, harBevægelser: false, bevægelser: [] }));
    expect(lines(quiet).some((t) => t.startsWith('Det er sket'))).toBe(false);
    expect(tables(quiet)).toHaveLength(1);
  });

  it('the fast path (compiled once, filled straight to blocks) gives the same blocks', () => {
    expect(fillToBlocks(compileTemplate(defaultTemplate('saldoopgoerelse')), fields)).toEqual(blocks);
  });
});

describe('the kommune edits the template in Word', () => {
  it('"Venlig hilsen" → "Med venlig hilsen": the letter says so', () => {
    const edited = editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (xml) => xml.replace('>Venlig hilsen<', '>Med venlig hilsen<'));
    const text = lines(docxBlocks(fillTemplate(edited, fields)));
    expect(text).toContain('Med venlig hilsen');
    expect(text).not.toContain('Venlig hilsen');
  });

  it('a new paragraph with {kontakt}: checked, and filled with the kommune’s contact', () => {
    const edited = editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (xml) =>
      xml.replace('<w:sectPr>', '<w:p><w:r><w:t xml:space="preserve">Ring til os: {kontakt}</w:t></w:r></w:p><w:sectPr>'),
    );
    expect(() => checkTemplate(edited, STATEMENT_LETTER_FIELDS, 'saldoopgoerelse.docx')).not.toThrow();
    expect(lines(docxBlocks(fillTemplate(edited, fields))).at(-1)).toBe('Ring til os: tlf. 43 57 70 00');
  });

  it('a field Saldo does not have, {navn}, is refused naming it and the file', () => {
    const edited = editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (xml) => xml.replace('{modtager}', '{navn}'));
    expect(messageOf(() => checkTemplate(edited, STATEMENT_LETTER_FIELDS, 'vores-saldobrev.docx'))).toMatch(
      /^Skabelonen "vores-saldobrev.docx" bruger feltet \{navn\}, som Saldo ikke kender\. Mente du \{modtager\}\?/,
    );
  });
});

describe('the case letters', () => {
  const party = { name: 'Hansen, Jens', address: ['Strandvejen 12', '2635 Ishøj'], reference: 'S-2026-17' };
  const caseSettings = { kommune: 'Ishøj Kommune', contact: 'tlf. 43 57 70 00', date: '2026-01-15' as CalendarDate };

  it('the agreement confirmation: the rates table (3 × 400 kr.; 2/4 is skærtorsdag, so the last rate is Tuesday 7/4)', () => {
    const schedule = commands.plan({ startDate: '2026-01-15', firstDueDate: '2026-02-02', installment: 400, claims: [{ type: 'renovation', principal: 1200 }] }, defaultRules);
    const letter = agreementLetter(schedule, 'monthly', ['renovation'], party, caseSettings, defaultRules);
    const blocks = docxBlocks(fillTemplate(defaultTemplate('aftalebrev'), caseLetterFields(letter, caseSettings)));
    expect(lines(blocks)).toContain('Sag: S-2026-17');
    expect(lines(blocks)).toContain('Bekræftelse af betalingsaftale');
    expect(cells(tables(blocks)[0]!)).toEqual([
      ['Rate', 'Forfaldsdato', 'Beløb'],
      ['1', '02-02-2026', '400,00 kr.'],
      ['2', '02-03-2026', '400,00 kr.'],
      ['3', '07-04-2026', '400,00 kr.'],
    ]);
    expect(lines(blocks).slice(-2)).toEqual(['Venlig hilsen', 'Ishøj Kommune']);
  });

  it('the henstand decision: its paragraphs and the question line, no table', () => {
    const letter: CaseLetter = {
      recipient: 'Jens Hansen',
      address: ['Strandvejen 12', '2635 Ishøj'],
      reference: 'S-2026-17',
      date: '2026-04-20' as CalendarDate,
      subject: 'Afgørelse om henstand',
      salutation: 'Kære Jens Hansen',
      paragraphs: ['Du har fået henstand.', 'Afgørelsen kan ikke klages over til en anden myndighed (gældsinddrivelsesloven § 2, stk. 3).'],
      closing: ['Har du spørgsmål, så kontakt os: tlf. 43 57 70 00.', 'Venlig hilsen', 'Ishøj Kommune'],
    };
    const blocks = docxBlocks(fillTemplate(defaultTemplate('henstand'), caseLetterFields(letter, caseSettings)));
    expect(tables(blocks)).toEqual([]);
    expect(lines(blocks)).toEqual([
      'Ishøj Kommune',
      '20. april 2026',
      '',
      'Jens Hansen',
      'Strandvejen 12',
      '2635 Ishøj',
      '',
      'Sag: S-2026-17',
      '',
      'Afgørelse om henstand',
      'Kære Jens Hansen',
      'Du har fået henstand.',
      'Afgørelsen kan ikke klages over til en anden myndighed (gældsinddrivelsesloven § 2, stk. 3).',
      'Har du spørgsmål, så kontakt os: tlf. 43 57 70 00.',
      'Venlig hilsen',
      'Ishøj Kommune',
    ]);
  });
});
