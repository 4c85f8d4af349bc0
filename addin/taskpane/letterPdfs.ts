/**
 * The Saldoopgørelse page's PDF letters, made in the task pane with the same code as the CLI
 * (letters/letterFiles.ts): one combined PDF for print and a .zip with one PDF per recipient
 * (for Digital Post), plus the overview and the caseworker's list of forældede claims. Loaded
 * on first use: the PDF and Word libraries are large and most sessions never make letters.
 */
import JSZip from 'jszip';
import { commands, type AgreementNote, type CaseLetter, type KommuneSettings, type LetterPlan, type Statement } from '../../core/commands/index.js';
import { CASE_LETTER_FIELDS, caseLetterFields, STATEMENT_LETTER_FIELDS } from '../../core/letters/letterFields.js';
import { letterSettingsOf } from '../../core/letters/settings.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import type { LetterDocument } from '../../letters/blocks.js';
import { fillToLetter } from '../../letters/docx/docxBlocks.js';
import { checkTemplate, compileTemplate } from '../../letters/docx/template.js';
import { caseworkerCsv, combinedPdf, overviewCsv, recipientPdfs, statementDocuments } from '../../letters/letterFiles.js';
import { browserLetterFonts, defaultTemplate } from './letterAssets.js';

export interface LetterPdfRequest {
  statement: Statement;
  settings: KommuneSettings;
  /** YYYY-MM-DD, the user's today. */
  date: string;
  rules: RuleSet;
  /** Only these debitors (none: all). */
  only?: readonly string[];
  /** The kommune's own .docx template. */
  template?: { bytes: Uint8Array; name: string };
  /** Running, kept agreements by debtor (the register): their claims follow the agreement. */
  agreements?: ReadonlyMap<string, AgreementNote>;
  onProgress?: (done: number, total: number) => void;
}

export interface LetterPdfResult {
  plan: LetterPlan;
  /** None when no one gets a letter: nothing to save, and the plan says why. */
  files: {
    /** All letters in one PDF, for print. */
    combined: Blob;
    /** One PDF per recipient, the overview and the forældede claims, zipped. */
    zip: Blob;
  } | null;
  /** Debitors asked for that the statement does not have. */
  unknown: string[];
  /** What the template holds that the PDF cannot show (Danish sentences). */
  notes: string[];
}

const pdfBlob = (bytes: Uint8Array) => new Blob([bytes as BlobPart], { type: 'application/pdf' });

export async function makeLetterPdfs(r: LetterPdfRequest): Promise<LetterPdfResult> {
  const { plan, unknown, year, settings } = commands.statementLetters(
    { statement: r.statement, settings: r.settings, date: r.date, ...(r.only ? { only: r.only } : {}), ...(r.agreements ? { agreements: r.agreements } : {}) },
    r.rules,
  );
  if (r.template) checkTemplate(r.template.bytes, STATEMENT_LETTER_FIELDS, r.template.name);
  if (plan.letters.length === 0) return { plan, files: null, unknown, notes: [] };
  const { docs, notes } = statementDocuments(plan, year, settings, r.template?.bytes ?? (await defaultTemplate('saldoopgoerelse')), r.template?.name ?? '');
  const run = { fonts: await browserLetterFonts(), author: r.settings.sender ?? r.settings.kommune };
  // Half the work each: the per-recipient files, then the combined one.
  const files = await recipientPdfs(docs, { ...run, onProgress: (done, total) => r.onProgress?.(done, 2 * total) });
  const combined = await combinedPdf(docs, { ...run, onProgress: (done, total) => r.onProgress?.(total + done, 2 * total) });
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes);
  zip.file('oversigt.csv', overviewCsv(plan, files));
  if (plan.forCaseworker.length > 0) zip.file('til-sagsbehandler.csv', caseworkerCsv(plan));
  return { plan, files: { combined: pdfBlob(combined), zip: await zip.generateAsync({ type: 'blob', compression: 'STORE' }) }, unknown, notes };
}

/** An aftalebrev or a henstand decision as one PDF, from Saldo's template or the kommune's own. */
export async function makeCaseLetterPdf(letter: CaseLetter, kind: 'aftalebrev' | 'henstand', settings: KommuneSettings, template?: { bytes: Uint8Array; name: string }): Promise<Blob> {
  if (template) checkTemplate(template.bytes, CASE_LETTER_FIELDS, template.name);
  const compiled = compileTemplate(template?.bytes ?? (await defaultTemplate(kind)), template?.name ?? '');
  const doc: LetterDocument = {
    id: letter.reference,
    title: `${letter.subject} – ${letter.recipient}`,
    ...fillToLetter(compiled, caseLetterFields(letter, letterSettingsOf(settings, letter.date))),
  };
  return pdfBlob(await combinedPdf([doc], { fonts: await browserLetterFonts(), author: settings.sender ?? settings.kommune }));
}
