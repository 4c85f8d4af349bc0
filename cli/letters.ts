/**
 * `statements --letters`: the letters written as their name says — a folder gets one PDF per
 * recipient and `alle.pdf`; `breve.pdf` the combined PDF; `breve.docx` Word documents from the
 * template; `breve.xlsx` the printable sheets. Anything else is refused, so a ".pdf" never holds
 * a workbook. Every run says what was written, who got no letter and why, and lists the
 * forældede claims for the caseworker in a file of their own.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LetterWorkerData } from './letterWorker.js';
import { SaldoError } from '../core/errors.js';
import type { AddressBook } from '../core/letters/addresses.js';
import { lettersFor, type AgreementNote } from '../core/letters/letterContent.js';
import { CASE_LETTER_FIELDS, caseLetterFields, STATEMENT_LETTER_FIELDS } from '../core/letters/letterFields.js';
import type { CaseLetter } from '../core/letters/decisionLetters.js';
import { letterSettingsOf, type KommuneSettings } from '../core/letters/settings.js';
import type { Statement } from '../core/ledger/statement.js';
import { letterPlanSummary, letterRows } from '../core/report/ledgerTables.js';
import type { RuleSet } from '../core/rules/ruleSet.js';
import { fillToLetter, pdfLayoutNotes } from '../letters/docx/docxBlocks.js';
import { checkTemplate, compileTemplate, fillTemplate, fillTemplateAll } from '../letters/docx/template.js';
import { renderPdf } from '../letters/pdf/renderPdf.js';
import { caseworkerCsv, combinedPdf, eachRecipientPdf, overviewCsv, statementDocuments, statementFields, type LetterFile, type LetterFileName } from '../letters/letterFiles.js';
import { letterFonts } from './letterFonts.js';

export type LettersKind = 'xlsx' | 'pdf' | 'docx' | 'folder';

/** What `--letters PATH` writes, by its name: a folder (ends in / or has no extension, or exists as one), .pdf, .docx or .xlsx. */
export function lettersKind(path: string, isFolder: boolean): LettersKind {
  if (isFolder || /[/\\]$/.test(path)) return 'folder';
  const ext = extname(path).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '') return 'folder';
  throw new SaldoError(
    'UGYLDIGT_INPUT',
    '--letters',
    path,
    `--letters "${path}": Saldo skriver breve som PDF (breve.pdf, eller en mappe med én PDF pr. modtager: --letters breve/), Word (breve.docx) eller Excel (breve.xlsx) – ikke ${ext}.`,
  );
}

/** Where letters are written, beyond plain files: a folder to make and to look into. */
export interface LettersIo {
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  stderr(text: string): void;
  /** Makes the folder (and its parents); fine when it exists. */
  makeFolder(path: string): Promise<void>;
  /** The names in a folder, or null when there is no such folder. */
  folderEntries(path: string): Promise<string[] | null>;
  stderrIsTTY?: boolean;
}

export interface LettersJob {
  /** The statement as letters show it (CPR masked unless asked otherwise). */
  statement: Statement;
  settings: KommuneSettings;
  /** The day the letters are written (today). */
  date: string;
  rules: RuleSet;
  template?: { bytes: Uint8Array; path: string };
  addresses?: AddressBook;
  /** Running, kept agreements by debtor (--agreements): their claims follow the agreement. */
  agreements?: ReadonlyMap<string, AgreementNote>;
  quiet?: boolean;
}

/**
 * Saldo's own template: in assets/letters of the project, found upwards from this file (which may
 * run from a bundle under node_modules/.cache).
 */
export function defaultTemplatePath(kind: 'saldoopgoerelse' | 'aftalebrev' | 'henstand'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const path = join(dir, 'assets', 'letters', `${kind}.docx`);
    if (existsSync(path)) return path;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Saldos brevskabelon ${kind}.docx mangler i assets/letters.`);
    dir = up;
  }
}

/** The kommune's template, checked; or Saldo's own. */
export async function statementTemplate(job: Pick<LettersJob, 'template'>): Promise<Uint8Array> {
  if (job.template === undefined) return new Uint8Array(await readFile(defaultTemplatePath('saldoopgoerelse')));
  checkTemplate(job.template.bytes, STATEMENT_LETTER_FIELDS, job.template.path);
  return job.template.bytes;
}

const n = (x: number) => x.toLocaleString('da-DK');

/**
 * The second thread's share of the recipients' PDFs (cli/letterWorker.ts, bundled beside the CLI
 * or its tsx shim), each handed to `take` in order as it arrives.
 */
function letterWorker(data: LetterWorkerData, take: (file: LetterFile) => Promise<void>): Promise<LetterFileName[]> {
  const worker = new Worker(new URL('./letterWorker.mjs', import.meta.url), { workerData: data });
  const names: LetterFileName[] = [];
  let taken = Promise.resolve();
  let done = false;
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => {
      done = true;
      void worker.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.on('message', (answer: { file?: LetterFile; done?: true; failure?: string }) => {
      if (answer.file) {
        const file = { ...answer.file, bytes: new Uint8Array(answer.file.bytes) };
        names.push({ name: file.name, debtorId: file.debtorId });
        taken = taken.then(() => take(file));
        taken.catch(fail);
      } else if (answer.done) {
        done = true;
        taken.then(() => resolve(names), fail);
      } else fail(new Error(answer.failure));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!done) fail(new Error(`Hjælpetråden til brevene stoppede uventet (kode ${code}).`));
    });
  });
}

/** A side file next to `path`: "breve.pdf" → "breve-til-sagsbehandler.csv". */
const sideFile = (path: string, suffix: string) => join(path, '..', `${basename(path, extname(path))}-${suffix}`);

/** Writes the letters to `path` and tells on stderr what was written and what was not. */
export async function writeLetters(io: LettersIo, path: string, job: LettersJob): Promise<void> {
  const existing = await io.folderEntries(path);
  const kind = lettersKind(path, existing !== null);
  // Before any work: a folder that holds files is someone's; Saldo does not write among them.
  if (kind === 'folder' && existing !== null && existing.length > 0) {
    throw new SaldoError('UGYLDIGT_INPUT', '--letters', path, `Mappen "${path}" findes og er ikke tom: Saldo overskriver ikke filer i den. Angiv en ny mappe, fx --letters breve-${job.date}/.`);
  }
  const settings = letterSettingsOf(job.settings, job.date);
  const addresses = job.addresses?.addresses;
  if (job.addresses) for (const p of job.addresses.problems.slice(0, 20)) io.stderr(`${p.message}\n`);
  if (job.addresses && job.addresses.problems.length > 20) io.stderr(`… og ${n(job.addresses.problems.length - 20)} adresserækker mere, der ikke kunne bruges.\n`);
  if (kind === 'xlsx') {
    if (job.template)
      throw new SaldoError(
        'UGYLDIGT_INPUT',
        '--template',
        job.template.path,
        '--template gælder breve som PDF eller Word: Excel-arket har sin egen opstilling. Skriv --letters breve.pdf eller --letters breve/.',
      );
    const { lettersWorkbook } = await import('./xlsx/ledgerWorkbooks.js');
    const options = { ...settings, date: job.date, rules: job.rules, ...(addresses ? { addresses } : {}), ...(job.agreements ? { agreements: job.agreements } : {}) };
    const lines = letterRows(job.statement, options);
    await io.writeFile(path, await lettersWorkbook(job.statement, options, lines));
    io.stderr(`Breve: ${letterPlanSummary(lines.plan)} Skrevet til ${path}${lines.plan.forCaseworker.length > 0 ? ' (arket "Til sagsbehandler" har de forældede krav)' : ''}.\n`);
    return;
  }
  const plan = lettersFor(job.statement, settings, job.rules, { showCpr: true, ...(addresses ? { addresses } : {}), ...(job.agreements ? { agreements: job.agreements } : {}) });
  const template = await statementTemplate(job);
  if (plan.letters.length === 0) {
    // Nothing to send is an answer, not an error: said with the reasons, and no empty file written.
    io.stderr(`Breve: ${letterPlanSummary(plan)} Intet er skrevet til ${path}.\n`);
    return;
  }
  const written: string[] = [];
  const progress = io.stderrIsTTY && !job.quiet ? (done: number, total: number) => io.stderr(`\rBreve: ${n(done)} af ${n(total)}`) : undefined;
  if (kind === 'docx') {
    await io.writeFile(path, fillTemplateAll(template, statementFields(plan, job.statement.year, settings)));
    written.push(`${path} (${n(plan.letters.length)} breve i ét Word-dokument)`);
  } else {
    const { docs, notes } = statementDocuments(plan, job.statement.year, settings, template, job.template?.path ?? '');
    // What the kommune's template holds that a PDF cannot show is said, not dropped in silence.
    for (const note of notes) io.stderr(`Skabelonen: ${note}\n`);
    const run = { fonts: letterFonts(), author: job.settings.sender ?? job.settings.kommune, ...(progress ? { onProgress: progress } : {}) };
    if (kind === 'pdf') {
      await io.writeFile(path, await combinedPdf(docs, run));
      written.push(`${path} (${n(plan.letters.length)} breve i én PDF)`);
    } else {
      await io.makeFolder(path);
      // Two threads: the second draws the later 65 % of the recipients' PDFs while this one draws
      // the first 35 %, then alle.pdf, and writes every file (a small run is not worth a thread's start).
      const split = docs.length >= 100 ? Math.floor((docs.length * 7) / 20) : docs.length;
      // Each PDF is written as soon as it is drawn, on either thread: 5,000 are not held at once.
      const write = (f: LetterFile) => io.writeFile(join(path, f.name), f.bytes);
      const second = split < docs.length ? letterWorker({ docs: docs.slice(split), first: split + 1, fonts: run.fonts, author: run.author }, write) : Promise.resolve([]);
      second.catch(() => undefined);
      const files = await eachRecipientPdf(docs.slice(0, split), run, 1, write);
      await io.writeFile(join(path, 'alle.pdf'), await combinedPdf(docs, { ...run, onProgress: undefined }));
      files.push(...(await second));
      await io.writeFile(join(path, 'oversigt.csv'), overviewCsv(plan, files));
      written.push(`${n(files.length)} PDF-filer (én pr. modtager), alle.pdf og oversigt.csv i ${path}`);
    }
  }
  if (progress) io.stderr('\n');
  if (plan.forCaseworker.length > 0) {
    const target = kind === 'folder' ? join(path, 'til-sagsbehandler.csv') : sideFile(path, 'til-sagsbehandler.csv');
    await io.writeFile(target, caseworkerCsv(plan));
    written.push(`de forældede krav til sagsbehandleren i ${target}`);
  }
  io.stderr(`Breve: ${letterPlanSummary(plan)} Skrevet: ${written.join('; ')}.\n`);
}

/**
 * `plan --letters` / `henstand --letters`: the aftalebrev or the henstand decision for one case, as
 * a PDF or a Word document, from Saldo's template or the kommune's own.
 */
export async function writeCaseLetter(
  io: Pick<LettersIo, 'writeFile' | 'stderr'>,
  path: string,
  letter: CaseLetter,
  kind: 'aftalebrev' | 'henstand',
  settings: KommuneSettings,
  template?: { bytes: Uint8Array; path: string },
): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.pdf' && ext !== '.docx') {
    throw new SaldoError('UGYLDIGT_INPUT', '--letters', path, `--letters "${path}": brevet om sagen skrives som PDF (brev.pdf) eller Word (brev.docx).`);
  }
  if (template) checkTemplate(template.bytes, CASE_LETTER_FIELDS, template.path);
  const bytes = template?.bytes ?? new Uint8Array(await readFile(defaultTemplatePath(kind)));
  // The letter carries its own date: the settings only sign and give the contact.
  const fields = caseLetterFields(letter, letterSettingsOf(settings, letter.date));
  if (ext === '.docx') await io.writeFile(path, fillTemplate(bytes, fields, template?.path ?? ''));
  else {
    const compiled = compileTemplate(bytes, template?.path ?? '');
    for (const note of pdfLayoutNotes(compiled)) io.stderr(`Skabelonen: ${note}\n`);
    await io.writeFile(
      path,
      await renderPdf([{ id: letter.reference, title: `${letter.subject} – ${letter.recipient}`, ...fillToLetter(compiled, fields) }], {
        fonts: letterFonts(),
        author: settings.sender ?? settings.kommune,
      }),
    );
  }
  io.stderr(`Brev: ${letter.subject} til ${letter.recipient} (sag ${letter.reference}) er skrevet til ${path}.\n`);
}
