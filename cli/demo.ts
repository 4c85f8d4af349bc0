/**
 * `npm run demo`: computes the bundled example agreements and writes out/betalingsaftaler.xlsx
 * (and .json), the statements and analyses of the example ledger, and the follow-ups of the
 * example goals, and the letters as PDF; then prints where and a short summary. Runs through the same command map as the CLI.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isBatchError, runBatch, runOnJson, toJson } from '../core/commands/index.js';
import { kr } from '../core/report/format.js';
import { defaultRules } from '../core/rules/ruleSet.js';
import { planWorkbook } from './xlsx/planWorkbook.js';
import { analyseFromFile, statementsFromFile } from './ledger/ledgerCommands.js';
import { analyseWorkbook, lettersWorkbook, statementsWorkbook } from './xlsx/ledgerWorkbooks.js';
import { followupWorkbook } from './xlsx/followupWorkbook.js';
import { statusWord } from '../core/followup/followup.js';
import { writeFileAtomically as writeFile } from './atomicWrite.js';
import { lineAccountText } from './ledger/lineAccount.js';
import { localToday } from './today.js';
import { writeLetters } from './letters.js';

const EXAMPLES = 'examples/betalingsaftaler';
const OUT = 'out';

const names = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.json')).sort();
const inputs = await Promise.all(names.map(async (f) => JSON.parse(await readFile(join(EXAMPLES, f), 'utf8')) as { reference?: string }));
const results = runBatch(inputs, (input) => runOnJson('plan', input, defaultRules));

await mkdir(OUT, { recursive: true });
const plans = results.map((result, i) => ({ name: inputs[i]?.reference ?? names[i] ?? `Aftale ${i + 1}`, result }));
const xlsx = join(OUT, 'betalingsaftaler.xlsx');
await writeFile(xlsx, await planWorkbook(plans));
await writeFile(
  join(OUT, 'betalingsaftaler.json'),
  `${JSON.stringify(
    plans.map(({ name, result }) => ({ name, result: isBatchError(result) ? result : toJson.plan(result) })),
    null,
    2,
  )}\n`,
);

console.log(`Saldo – betalingsaftaler fra ${EXAMPLES}/ (${names.length} eksempler)\n`);
for (const { name, result } of plans) {
  if (isBatchError(result)) {
    console.log(`  ${name}: FEJL – ${result.error.message}`);
    continue;
  }
  const s = result.summary;
  console.log(`  ${name}`);
  console.log(`    ${s.count} ydelser à ${kr(s.installment)}, sidste forfald ${s.lastDueDate}; i alt ${kr(s.total)} (gebyrer ${kr(s.fees)}, renter ${kr(s.interest)}, hovedstol ${kr(s.principal)})`);
  for (const w of result.warnings) console.log(`    Advarsel: ${w.message}`);
}
console.log(`\nSkrevet: ${xlsx} og ${join(OUT, 'betalingsaftaler.json')}`);

// Saldoopgørelser and analyses from the example ledger.
const LEDGER = 'examples/ledger/posteringer.csv';
const statements = await statementsFromFile(LEDGER, defaultRules, { year: '2026', maskCpr: true });
await writeFile(join(OUT, 'saldoopgoerelser.xlsx'), await statementsWorkbook(statements));
await writeFile(
  join(OUT, 'breve.xlsx'),
  await lettersWorkbook(statements, { kommune: 'Eksempel Kommune', contact: 'Opkrævningen, tlf. 70 10 20 30, opkraevning@eksempel.dk', date: localToday(), rules: defaultRules }),
);
const analysis = await analyseFromFile(LEDGER, { asOf: '2026-12-31' });
await writeFile(join(OUT, 'analyse.xlsx'), await analyseWorkbook(analysis));
const t = statements.totals;
console.log(`\nSaldo – saldoopgørelser ${statements.year} fra ${LEDGER}`);
console.log(`  ${t.debtors} debitorer, ${t.claims} fordringer (${t.openClaims} åbne); primo ${kr(t.opening)}, ultimo ${kr(t.closing)} = posteringernes sum ${kr(t.rowsSum)}`);
console.log(`  ${lineAccountText(statements.source.lines)}`);
const claims = statements.debtors.flatMap((d) => d.claims);
const barred = claims.filter((c) => c.timeBarred).length;
const partly = claims.filter((c) => !c.timeBarred && c.limitationDate !== null && c.limitationDate <= `${statements.year}-12-31`).length;
console.log(
  `  Forældelse (forældelsesloven, betalinger afbryder): ${barred} fordringer forældet${partly > 0 ? `, ${partly} delvis` : ''} pr. 31-12-${statements.year}; grundlaget står i kolonnen "Forældelse, grundlag"`,
);
console.log(`  ${statements.errors.length} fejlbehæftede rækker udeladt: ${statements.errors.map((e) => `række ${e.row}`).join(', ')}`);
console.log(`  Analyse pr. ${analysis.asOf}: saldo ${kr(analysis.summary.balance)}, ${Math.round(analysis.summary.overOneYearShare * 100)} % ældre end 1 år`);
console.log(
  `Skrevet: ${join(OUT, 'saldoopgoerelser.xlsx')}, ${join(OUT, 'breve.xlsx')} og ${join(OUT, 'breve.pdf')} (ét brev pr. debitor med noget at få at vide, CPR maskeret) og ${join(OUT, 'analyse.xlsx')}:`,
);
// The same letters as PDF (Saldo's default template), as `statements --letters out/breve.pdf` writes them.
await writeLetters({ writeFile, stderr: (t) => void process.stdout.write(`  ${t}`), makeFolder: async () => undefined, folderEntries: async () => null }, join(OUT, 'breve.pdf'), {
  statement: statements,
  settings: { kommune: 'Eksempel Kommune', contact: 'Opkrævningen, tlf. 70 10 20 30, opkraevning@eksempel.dk' },
  date: localToday(),
  rules: defaultRules,
  quiet: true,
});

// Quarterly follow-up in the ministry's template: Motorstyrelsen-style goals and a collection campaign.
console.log('\nSaldo – opfølgning på mål');
for (const [file, out] of [
  ['motorstyrelsen-2025.json', 'opfoelgning-motorstyrelsen.xlsx'],
  ['ekstraordinaer-indsats.json', 'opfoelgning-indsats.xlsx'],
] as const) {
  const f = await runOnJson('followup', JSON.parse(await readFile(join('examples/opfoelgning', file), 'utf8')), defaultRules);
  await writeFile(join(OUT, out), await followupWorkbook(f));
  console.log(`  ${file}: ${f.rows.map((r) => `${r.id} ${statusWord(r)}`).join(', ')}  → ${join(OUT, out)}`);
}
if (results.some(isBatchError)) process.exitCode = 1;
