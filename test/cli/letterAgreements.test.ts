/**
 * `statements --letters … --agreements`: a debtor whose betalingsaftale runs and is kept on the
 * letters' date is told to follow it for its claims (issue 20 with issue 18's letters), on the
 * example ledger examples/portefoelje/posteringer.csv. The letters are dated today, so the
 * running agreement's first rate lies far ahead (1 February 2099): it is kept whatever day this runs.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const ledger = join(ROOT, 'examples/portefoelje/posteringer.csv');
// A8: D8's F9 (1.600 kr. open since 01-12-2025, nothing paid), 800 kr. a month from 01-02-2099 (a
// Sunday: the rate falls due Monday 02-02-2099). A2: D2's F2, 500 a month from January 2026, paid
// only once (02-01-2026): breached long before today, so D2 gets the ordinary letter.
const register = [
  'Aftale;Debitor;Fordringer;Ydelse;Aftaledato;Første forfald',
  'A8;D8;F9;800,00;15-12-2025;01-02-2099',
  'A2;D2;F2;500,00;15-12-2025;01-01-2026',
  'A9;D9;F99;100,00;15-12-2025;01-01-2026',
].join('\n');

async function letterTexts(files: ReadonlyMap<string, unknown>): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(files.get('breve.xlsx') as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
}

describe('statements --letters --agreements', () => {
  it('tells a running agreement’s debtor to follow it, and the others what they owe', async () => {
    const run = await cli(['statements', '--in', ledger, '--year', '2026', '--letters', 'breve.xlsx', '--agreements', 'aftaler.csv', '--kommune', 'Ishøj Kommune', '--contact', 'tlf. 43 57 70 00'], {
      'aftaler.csv': register,
    });
    expect(run.code).toBe(0);
    const texts = await letterTexts(run.files);
    // D8 owes 1.600 kr., all of it in A8: follow the agreement, the first rate 800 kr. on 02-02-2099.
    expect(texts).toContain('Du skylder i alt 1.600,00 kr., og du har en betalingsaftale med os. Betal som aftalt – næste rate er 800,00 kr. den 02-02-2099. Du skal ikke betale mere nu.');
    // D2 (1.500 kr. open, A2 breached) and D7 (no agreement) are asked to pay
    expect(texts).toContain('Du skylder i alt 1.500,00 kr. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.');
    expect(texts.filter((t) => t.includes('næste rate'))).toHaveLength(1);
    expect(run.stderr).toContain('1 aftale kører og er overholdt; debitoren får brevet "betal som aftalt" for aftalens fordringer. Misligholdt (almindeligt brev): A2.');
    expect(run.stderr).toContain('1 række i aftaleregistret gav intet aftalebrev: række 4: Aftale A9: fordringen F99 findes ikke i posteringslisten for debitor D9.');
  });

  it('is refused without --letters: it changes only what the letters ask for', async () => {
    const run = await cli(['statements', '--in', ledger, '--year', '2026', '--agreements', 'aftaler.csv'], { 'aftaler.csv': register });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--agreements gælder brevene med statements: brug det sammen med --letters MÅL');
  });
});
