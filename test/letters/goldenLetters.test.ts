/**
 * Golden letters (issue 18): the hand-made ledger test/golden/letters/alle-tilstande.csv has one
 * debtor in each state; its letters go the whole way — content, Saldo's default template, PDF —
 * and are read back by pdf.js. The expected text, with each amount worked out by hand, is in
 * test/golden/letters/alle-tilstande.txt (its header says how).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar/date.js';
import { addressesFromRows } from '../../core/letters/addresses.js';
import { lettersFor } from '../../core/letters/letterContent.js';
import { statementFromRows } from '../../core/ledger/ledgerJson.js';
import { showStatement } from '../../core/ledger/shownTexts.js';
import { ore } from '../../core/money/ore.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { letterFonts } from '../../cli/letterFonts.js';
import { combinedPdf, statementDocuments } from '../../letters/letterFiles.js';
import { defaultTemplate, editPart } from './docxHelpers.js';
import { readPdf } from './pdfText.js';

const here = (name: string) => new URL(`../golden/letters/${name}`, import.meta.url);
const rows = readFileSync(here('alle-tilstande.csv'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(';'));

export async function goldenLetterPages(): Promise<string[][]> {
  const statement = showStatement(statementFromRows(rows, 2025, defaultRules), { maskCpr: true });
  const settings = { kommune: 'Ishøj Kommune', contact: 'Opkrævningen, tlf. 43 57 70 00', date: '2026-01-08' as CalendarDate, account: '1234-5678901234' };
  const plan = lettersFor(statement, settings, defaultRules, {
    showCpr: true,
    addresses: addressesFromRows(rows, 'alle-tilstande.csv').addresses,
    agreements: new Map([['D9', { nextDueDate: '2026-02-02' as CalendarDate, installment: ore(50_000), claimIds: ['F9-1'] }]]),
  });
  const { docs, notes } = statementDocuments(plan, 2025, { ...settings, sender: 'Opkrævningen' }, defaultTemplate('saldoopgoerelse'));
  // Saldo's own template holds nothing a PDF cannot show.
  expect(notes).toEqual([]);
  const pdf = await readPdf(await combinedPdf(docs, { fonts: letterFonts(), author: 'Opkrævningen', creationDate: new Date(Date.UTC(2026, 0, 8)) }));
  return pdf.pages.map((p) => p.lines);
}

/** The golden file's letters: blocks after "=== D…" lines; "#" lines are the hand calculations. */
function goldenLetters(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readFileSync(here('alle-tilstande.txt'), 'utf8').split('\n')) {
    const head = /^=== (\S+)/.exec(line);
    if (head) out.set(head[1]!, (current = []));
    else if (current && !line.startsWith('#') && line.trim() !== '') current.push(line);
  }
  return out;
}

describe('golden letters: one debtor in each state, default template, read back from the PDF', () => {
  it('every letter reads as written by hand, and debtors with nothing to be told get none', async () => {
    const pages = await goldenLetterPages();
    const golden = goldenLetters();
    // One page per letter here; the debitor number line names whose it is.
    const byDebtor = new Map(pages.map((lines) => [/Debitornummer: (\S+)/.exec(lines.join('\n'))![1]!, lines]));
    expect([...byDebtor.keys()].sort()).toEqual([...golden.keys()].sort());
    for (const [id, lines] of golden) expect(byDebtor.get(id), id).toEqual(lines);
  });
});

describe('the template round trip: what the kommune edits in Word is what the PDF says', () => {
  const settings = { kommune: 'Ishøj Kommune', contact: 'Opkrævningen, tlf. 43 57 70 00', date: '2026-01-08' as CalendarDate };
  const pdfLines = async (template: Uint8Array, ledger: string[][]) => {
    const plan = lettersFor(showStatement(statementFromRows(ledger, 2025, defaultRules), { maskCpr: true }), settings, defaultRules, { showCpr: true });
    const { docs } = statementDocuments(plan, 2025, settings, template);
    return (await readPdf(await combinedPdf(docs, { fonts: letterFonts(), author: 'x' }))).pages.flatMap((p) => p.lines);
  };
  const one = [rows[0]!, rows[1]!];

  it('a changed wording and a field added in the .docx show in the PDF', async () => {
    const edited = editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (xml) => {
      expect(xml).toContain('>Venlig hilsen<');
      return xml.replace('>Venlig hilsen<', '>Med venlig hilsen fra {kommune}, ring på {kontakt}<');
    });
    const lines = await pdfLines(edited, one);
    expect(lines).toContain('Med venlig hilsen fra Ishøj Kommune, ring på Opkrævningen, tlf. 43 57 70 00');
    expect(lines).not.toContain('Venlig hilsen');
  });

  it('ledger text that looks like a field, markup or a formula is printed as it is, never run', async () => {
    const hostile = ['{kontakt}', '<w:t>x</w:t>', '=HYPERLINK("http://x")'];
    const ledger = hostile.map((name, i) => [...one[1]!.slice(0, 2), name, ...one[1]!.slice(3)].map((c, j) => (j === 0 ? `H${i}` : j === 10 ? 'krav' : j === 11 ? '100,00' : c)));
    const lines = await pdfLines(defaultTemplate('saldoopgoerelse'), [rows[0]!, ...ledger]);
    for (const name of hostile) expect(lines).toContain(name);
  });
});
