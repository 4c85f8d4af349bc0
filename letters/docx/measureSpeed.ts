/**
 * How long 5,000 saldoopgørelse letters take from the default .docx template to blocks (what the
 * PDF writer draws), and to one .docx with them all. Prints a small table; not a test, because
 * a time depends on the machine. Run:
 *
 *   npx tsx letters/docx/measureSpeed.ts [letters]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import PizZip from 'pizzip';
import type { CalendarDate } from '../../core/calendar/date.js';
import { commands } from '../../core/commands/index.js';
import type { LedgerRowInput } from '../../core/commands/inputs.js';
import { lettersFor } from '../../core/letters/letterContent.js';
import { statementLetterFields } from '../../core/letters/letterFields.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { docxBlocks, fillToBlocks } from './docxBlocks.js';
import { compileTemplate, fillTemplateAll } from './template.js';

const N = Number(process.argv[2] ?? 5000);

/** A ledger of N debtors with 1–3 claims each, some paid, some sent on, some from last year. */
function ledger(n: number): LedgerRowInput[] {
  const rows: LedgerRowInput[] = [];
  for (let d = 0; d < n; d += 1) {
    const debtor = { debtorId: `D${d}`, debtorName: `Hansen${d}, Jens`, cpr: `0101${String(d % 100).padStart(2, '0')}1234` };
    for (let c = 0; c <= d % 3; c += 1) {
      const claim = { ...debtor, claimId: `F${d}-${c}`, claimType: c === 0 ? 'daginstitution' : 'renovation' };
      const year = c === 2 ? 2025 : 2026;
      rows.push({ ...claim, postingDate: `${year}-0${c + 2}-01`, kind: 'krav', amount: 1000 + d, dueDate: `${year}-0${c + 2}-01` });
      if (d % 2 === 0) rows.push({ ...claim, postingDate: '2026-06-01', kind: 'betaling', amount: -400 });
      if (c === 2) rows.push({ ...claim, postingDate: '2026-10-01', kind: 'oversendt', amount: -(1000 + d) });
    }
  }
  return rows;
}

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const out = run();
  return [out, performance.now() - start];
};

const settings = { kommune: 'Ishøj Kommune', sender: 'Opkrævningen', contact: 'tlf. 43 57 70 00', date: '2027-01-08' as CalendarDate };
const addresses = new Map(Array.from({ length: N }, (_, d) => [`D${d}`, [`Strandvejen ${d}`, '2635 Ishøj']]));
const [fields, prepare] = time(() =>
  lettersFor(commands.statements({ year: 2026, ledger: ledger(N) }, defaultRules), settings, defaultRules, { addresses }).letters.map((l) => statementLetterFields(l, 2026, settings)),
);
const template = new Uint8Array(readFileSync(new URL('../../assets/letters/saldoopgoerelse.docx', import.meta.url)));
const [compiled, compile] = time(() => compileTemplate(template, 'saldoopgoerelse.docx'));
const [blocks, fill] = time(() => fields.map((f) => fillToBlocks(compiled, f)));
const [bundle, bundleTime] = time(() => fillTemplateAll(template, fields, 'saldoopgoerelse.docx'));
const [bundleBlocks, readBack] = time(() => docxBlocks(bundle));

const row = (what: string, ms: number, per?: number) => console.log(`${what.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(7)} s${per ? `  ${(ms / per).toFixed(2)} ms/brev` : ''}`);
console.log(`${fields.length} breve (saldoopgoerelse.docx), Node ${process.version}`);
row('breve beregnet (core, ikke skabelonen)', prepare, fields.length);
row('skabelon læst, tjekket og kompileret', compile);
row('skabelon → udfyldt → blokke', fill, fields.length);
row('alle i én .docx (fillTemplateAll)', bundleTime, fields.length);
const unpacked = new PizZip(bundle).file('word/document.xml')!.asUint8Array().length;
row(`den .docx læst som blokke`, readBack, fields.length);
console.log(`den samlede .docx: ${(bundle.length / 1024 / 1024).toFixed(1)} MB, brevteksten ${(unpacked / 1024 / 1024).toFixed(1)} MB udpakket (${Math.round(unpacked / bundle.length)} gange)`);
console.log(`blokke: ${blocks.reduce((s, b) => s + b.length, 0)} i alt, ${bundleBlocks.filter((b) => b.kind === 'pageBreak').length} sideskift i den samlede fil`);
