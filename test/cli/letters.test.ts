/**
 * `statements --letters` writes what its name says (issue 18): a folder gets one PDF per recipient,
 * alle.pdf, the overview and the caseworker's list; .pdf one combined PDF; .docx one Word
 * document; anything else is refused. Run on the hand-made ledger of every state
 * (test/golden/letters): 9 debtors, D4 (only forældet) and D6 (nothing owed) get no letter.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lettersKind } from '../../cli/letters.js';
import { runCli, type CliIo } from '../../cli/run.js';
import { docxBlocks } from '../../letters/docx/docxBlocks.js';
import { readPdf } from '../letters/pdfText.js';
import { defaultTemplate, editPart, letterhead } from '../letters/docxHelpers.js';
import { ROOT, tempFiles } from './helpers.js';

const LEDGER = join(ROOT, 'test/golden/letters/alle-tilstande.csv');
const WITH_LETTERS = ['D1', 'D2', 'D3', 'D5', 'D7', 'D8', 'D9'];

/** The CLI in-process on the real disk: files are written. */
async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const { mkdir, readdir, readFile, writeFile } = await import('node:fs/promises');
  const io: CliIo = {
    readFile: (p) => readFile(p, 'utf8'),
    readBytes: async (p) => new Uint8Array(await readFile(p)),
    readStdin: async () => '',
    writeFile: (p, d) => writeFile(p, d),
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    makeFolder: async (p) => void (await mkdir(p, { recursive: true })),
    folderEntries: async (p) => (existsSync(p) ? readdir(p) : null),
  };
  return { code: await runCli(argv, io), stderr };
}

const statements = (...more: string[]) => ['statements', '--in', LEDGER, '--year', '2025', '--out', join(tempFiles('saldo-out-').dir, 'x.json'), ...more];

describe('--letters by its name', () => {
  it('chooses the kind from the name; other endings are refused in Danish', () => {
    expect(lettersKind('breve.pdf', false)).toBe('pdf');
    expect(lettersKind('Breve.PDF', false)).toBe('pdf');
    expect(lettersKind('breve.docx', false)).toBe('docx');
    expect(lettersKind('breve.xlsx', false)).toBe('xlsx');
    expect(lettersKind('breve/', false)).toBe('folder');
    expect(lettersKind('breve', false)).toBe('folder');
    expect(lettersKind('breve.2025', true)).toBe('folder');
    expect(() => lettersKind('breve.txt', false)).toThrow(/ikke \.txt/);
  });

  it('a folder: one PDF per recipient (CPR never in a file name), alle.pdf, oversigt.csv, til-sagsbehandler.csv; the summary says who got none and why', async () => {
    const dir = join(tempFiles('saldo-letters-').dir, 'breve');
    const r = await run(statements('--letters', `${dir}/`, '--kommune', 'Ishøj Kommune'));
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([...WITH_LETTERS.map((id, i) => `${String(i + 1).padStart(4, '0')}-${id}.pdf`), 'alle.pdf', 'oversigt.csv', 'til-sagsbehandler.csv'].sort());
    const one = await readPdf(new Uint8Array(readFileSync(join(dir, '0006-D8.pdf'))));
    expect(one.pages).toHaveLength(1);
    expect(one.pages[0]!.lines).toContain('Kære Łukasz Şahin');
    const all = await readPdf(new Uint8Array(readFileSync(join(dir, 'alle.pdf'))));
    expect(all.pages).toHaveLength(WITH_LETTERS.length);
    const overview = readFileSync(join(dir, 'oversigt.csv'), 'utf8');
    expect(overview).toContain('D4;intet brev;"Kun forældede krav: de kræves ikke ind; sagsbehandleren afgør sagen."');
    expect(overview).toContain('D6;intet brev;Intet skyldigt og ingen bevægelser i året.');
    const caseworker = readFileSync(join(dir, 'til-sagsbehandler.csv'), 'utf8');
    // 800 kr. due 01-02-2020 and 650 kr. due 01-03-2019: both forældet 3 years on.
    expect(caseworker).toContain('D4;F4-1;800,00 kr.;');
    expect(caseworker).toContain('D8;F8-2;650,00 kr.;');
    expect(r.stderr).toContain('Breve: 7 breve. 2 debitorer fik intet brev (1 kun forældede krav, 1 intet skyldigt). 2 forældede fordringer kræves ikke ind');
    expect(r.stderr).toContain('7 PDF-filer (én pr. modtager), alle.pdf og oversigt.csv');
  });

  it('a folder that holds files is refused; nothing is written into it', async () => {
    const dir = join(tempFiles('saldo-letters-').dir, 'breve');
    mkdirSync(dir);
    writeFileSync(join(dir, 'mit.txt'), 'mit');
    const r = await run(statements('--letters', dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('findes og er ikke tom: Saldo overskriver ikke filer i den');
    expect(readdirSync(dir)).toEqual(['mit.txt']);
  });

  it('breve.pdf: one PDF, a page per letter, and the caseworker list beside it', async () => {
    const dir = tempFiles('saldo-letters-').dir;
    const r = await run(statements('--letters', join(dir, 'breve.pdf')));
    expect(r.code, r.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'breve.pdf')));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect((await readPdf(bytes)).pages).toHaveLength(7);
    expect(existsSync(join(dir, 'breve-til-sagsbehandler.csv'))).toBe(true);
  });

  it('breve.docx: one Word document with every letter, each from a new page', async () => {
    const dir = tempFiles('saldo-letters-').dir;
    const r = await run(statements('--letters', join(dir, 'breve.docx')));
    expect(r.code, r.stderr).toBe(0);
    const blocks = docxBlocks(new Uint8Array(readFileSync(join(dir, 'breve.docx'))));
    expect(blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(6);
    const text = JSON.stringify(blocks);
    for (const name of ['Jens Hansen', 'Tømrer Hansen ApS', 'Łukasz Şahin']) expect(text).toContain(name);
  });

  it('--settings, --addresses and --template: the kommune, a new address and its own wording reach the PDF', async () => {
    const t = tempFiles('saldo-letters-');
    const settings = t.file(JSON.stringify({ kommune: 'Ishøj Kommune', sender: 'Borgerservice', contact: 'tlf. 43 57 70 00', account: '1234-5678901234' }), 'json');
    const addresses = t.file('Debitornr.;Adresse;Postnr.;By\r\nD1;Ny Vej 1;2640;Hedehusene\r\n', 'csv');
    const template = t.file(
      editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (x) => x.replace('>Venlig hilsen<', '>Med venlige hilsner<')),
      'docx',
    );
    const out = join(t.dir, 'breve.pdf');
    const r = await run(statements('--letters', out, '--settings', settings, '--addresses', addresses, '--template', template));
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readPdf(new Uint8Array(readFileSync(out)))).pages[0]!.lines;
    expect(lines).toEqual(expect.arrayContaining(['Ishøj Kommune', 'Jens Hansen', 'Ny Vej 1', '2640 Hedehusene', 'Med venlige hilsner', 'Borgerservice']));
    expect(lines.join('\n')).toContain('Betal til konto 1234-5678901234.');
  });

  it("a template's letterhead reaches the PDF, and a logo the PDF cannot draw is said on stderr, not dropped in silence", async () => {
    const t = tempFiles('saldo-letters-');
    // An EMF file's first record: type 1 (EMR_HEADER), and the signature " EMF" at byte 40 — saved under a .png name.
    const emf = Uint8Array.from({ length: 108 }, (_, i) => [0x01, 0, 0, 0][i] ?? [0x20, 0x45, 0x4d, 0x46][i - 40] ?? 0);
    const template = t.file(letterhead({ logo: emf, body: `<w:p><w:r><w:t>{hilsen}</w:t></w:r></w:p>` }), 'docx');
    const out = join(t.dir, 'breve.pdf');
    const r = await run(statements('--letters', out, '--template', template));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Skabelonen: Billedet "image1\.png" .*\(EMF\)/);
    // The footer of letterhead() is drawn on the letter's page, under its greeting.
    const lines = (await readPdf(new Uint8Array(readFileSync(out)))).pages[0]!.lines;
    expect(lines).toEqual(expect.arrayContaining(['Kære Jens Hansen', 'CVR 11931316']));
  });

  it('a template with a field Saldo does not know stops the run, naming field and file; nothing is written', async () => {
    const t = tempFiles('saldo-letters-');
    const template = t.file(
      editPart(defaultTemplate('saldoopgoerelse'), 'word/document.xml', (x) => x.replace('>Venlig hilsen<', '>{navn}<')),
      'docx',
    );
    const out = join(t.dir, 'breve.pdf');
    const r = await run(statements('--letters', out, '--template', template));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bruger feltet \{navn\}, som Saldo ikke kender/);
    expect(r.stderr).toContain(template);
    expect(existsSync(out)).toBe(false);
  });

  it('--template with an .xlsx, and --template without --letters, are refused', async () => {
    const t = tempFiles('saldo-letters-');
    const template = t.file(defaultTemplate('saldoopgoerelse'), 'docx');
    expect((await run(statements('--letters', join(t.dir, 'b.xlsx'), '--template', template))).stderr).toContain('--template gælder breve som PDF eller Word');
    expect((await run(statements('--template', template))).stderr).toContain('--template gælder brevene');
    expect((await run(statements('--letters', join(t.dir, 'b.txt')))).stderr).toContain('ikke .txt');
  });
});

describe('plan --letters and henstand --letters: the letter about one case', () => {
  const t = tempFiles('saldo-case-');
  const recipient = t.file(JSON.stringify({ name: 'Hansen, Jens', address: ['Strandvejen 12', '2635 Ishøj'], reference: 'S-2026-17' }), 'json');
  // 1.200 kr. at 400 kr. a month from 2 February 2026: 2 April is skærtorsdag, 3 langfredag and 6
  // April 2. påskedag, so the third rate falls on Tuesday 7 April.
  const agreement = { startDate: '2026-01-15', firstDueDate: '2026-02-02', installment: 400, claims: [{ type: 'daginstitution', principal: 1200, dueDate: '2025-12-01' }] };
  const plan = t.file(JSON.stringify(agreement), 'json');
  const henstand = t.file(JSON.stringify({ ...agreement, henstand: { from: '2026-03-01', months: 2 } }), 'json');

  it('plan → aftalebrev.pdf: the recipient, the rates and what a missed rate leads to', async () => {
    const out = join(t.dir, 'aftale.pdf');
    const r = await run(['plan', '--in', plan, '--out', join(t.dir, 'p.json'), '--letters', out, '--recipient', recipient, '--kommune', 'Ishøj Kommune']);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readPdf(new Uint8Array(readFileSync(out)))).pages.flatMap((p) => p.lines);
    expect(lines).toEqual(
      expect.arrayContaining(['Ishøj Kommune', 'Jens Hansen', 'Strandvejen 12', 'Sag: S-2026-17', 'Bekræftelse af betalingsaftale', '1 02-02-2026 400,00 kr.', '3 07-04-2026 400,00 kr.']),
    );
    expect(lines.join(' ')).toContain('kan kravet blive sendt til inddrivelse hos Gældsstyrelsen');
    expect(r.stderr).toContain('Brev: Bekræftelse af betalingsaftale til Jens Hansen (sag S-2026-17)');
  });

  it('henstand against the politik (daginstitution) is refused without grounds, and written with them', async () => {
    const out = join(t.dir, 'henstand.docx');
    const refused = await run(['henstand', '--in', henstand, '--out', join(t.dir, 'h.json'), '--letters', out, '--recipient', recipient]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('skriv begrundelsen, før brevet laves');
    expect(existsSync(out)).toBe(false);
    const r = await run(['henstand', '--in', henstand, '--out', join(t.dir, 'h2.json'), '--letters', out, '--recipient', recipient, '--grounds', 'Borgeren er indlagt.']);
    expect(r.code, r.stderr).toBe(0);
    const text = JSON.stringify(docxBlocks(new Uint8Array(readFileSync(out))));
    expect(text).toContain('Afgørelse om henstand');
    expect(text).toContain('Begrundelse: Borgeren er indlagt.');
  });

  it('refuses what it cannot do, in Danish', async () => {
    const base = ['plan', '--in', plan, '--out', join(t.dir, 'x.json')];
    expect((await run([...base, '--letters', join(t.dir, 'a.pdf')])).stderr).toContain('kræver --recipient modtager.json');
    expect((await run([...base, '--letters', join(t.dir, 'a.xlsx'), '--recipient', recipient])).stderr).toContain('skrives som PDF (brev.pdf) eller Word (brev.docx)');
    expect((await run([...base, '--grounds', 'x'])).stderr).toContain('--grounds bruges ikke af plan');
    const batch = t.file(JSON.stringify([agreement, agreement]), 'json');
    expect((await run(['plan', '--in', batch, '--out', join(t.dir, 'y.json'), '--letters', join(t.dir, 'b.pdf'), '--recipient', recipient])).stderr).toContain('giv én aftale, ikke en liste');
    const bad = t.file(JSON.stringify({ name: 'Jens', reference: '' }), 'json');
    expect((await run([...base, '--letters', join(t.dir, 'c.pdf'), '--recipient', bad])).stderr).toMatch(/reference/);
  });
});

describe('a ledger with nothing to send', () => {
  it('writes no empty PDF and says why, exit 0', async () => {
    const t = tempFiles('saldo-none-');
    // One claim paid in full in 2024: nothing owed and nothing moved in 2025.
    const ledger = t.file(
      'Debitor;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb\r\nD1;Ib;F1;renovation;01-03-2024;01-03-2024;krav;100,00\r\nD1;Ib;F1;renovation;15-03-2024;;betaling;-100,00\r\n',
    );
    const out = join(t.dir, 'breve.pdf');
    const r = await run(['statements', '--in', ledger, '--year', '2025', '--out', join(t.dir, 'x.json'), '--letters', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Breve: 0 breve. 1 debitor fik intet brev (1 intet skyldigt). Intet er skrevet til');
    expect(existsSync(out)).toBe(false);
  });
});

describe('a folder of many letters, drawn on two threads', () => {
  it('120 debtors: 120 files numbered in order, each holding its own debtor; alle.pdf holds them all in the same order', async () => {
    const t = tempFiles('saldo-many-');
    const rows = Array.from({ length: 120 }, (_, i) => `D${String(i + 1).padStart(3, '0')};Borger ${i + 1};F${i + 1};renovation;01-03-2025;01-03-2025;krav;${i + 1},00`);
    const ledger = t.file(`Debitor;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb\r\n${rows.join('\r\n')}\r\n`);
    const dir = join(t.dir, 'breve');
    const r = await run(['statements', '--in', ledger, '--year', '2025', '--out', join(t.dir, 'x.json'), '--letters', `${dir}/`]);
    expect(r.code, r.stderr).toBe(0);
    const pdfs = readdirSync(dir)
      .filter((f) => /^\d{4}-/.test(f))
      .sort();
    expect(pdfs).toEqual(Array.from({ length: 120 }, (_, i) => `${String(i + 1).padStart(4, '0')}-D${String(i + 1).padStart(3, '0')}.pdf`));
    // Borger n owes n kroner: the first, a middle and the last file (main thread and second thread alike).
    for (const n of [1, 48, 49, 120]) {
      const lines = (await readPdf(new Uint8Array(readFileSync(join(dir, pdfs[n - 1]!))))).pages[0]!.lines;
      expect(lines).toContain(`Kære Borger ${n}`);
      expect(lines.join('\n')).toContain(`Du skylder i alt ${n},00 kr.`);
    }
    const all = await readPdf(new Uint8Array(readFileSync(join(dir, 'alle.pdf'))));
    expect(all.pages.map((p) => p.lines.find((l) => l.startsWith('Kære ')))).toEqual(Array.from({ length: 120 }, (_, i) => `Kære Borger ${i + 1}`));
  });
});
