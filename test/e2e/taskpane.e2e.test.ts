/**
 * Browser end-to-end: the production build in headless Chromium, with office.js replaced by a
 * stub whose Excel is the in-memory fake workbook. Fills the Betalingsaftale form, inserts, and
 * checks what the workbook now holds. Fails on any request that leaves localhost. Screenshots go
 * to out/screenshots/.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRows } from '../fakes/exampleRows.js';
import { putLedgerSheet } from './ledgerTable.js';
import { serve } from './server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist/`;
const SHOTS = `${ROOT}out/screenshots/`;
const CHROMIUM = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';
const RELEASE = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let stub: string;
const outside: string[] = [];

interface SheetDump {
  name: string;
  grid: unknown[][];
  formulas: number;
  tables: Array<{ address: string }>;
  charts: Array<{ type: string; source: string; xAxis?: string; title: string; series: string[] }>;
  formats: Record<string, string>;
  fills: Record<string, string>;
  conditional: Array<{ address: string; fill: string; rule: { formula1: string; operator: string } | null }>;
  frozenRows: number;
}

async function fillAgreement(page: Page, type?: string): Promise<void> {
  await page.getByLabel('Hovedstol (kr.)').fill('4.200');
  await page.getByLabel('Gebyrer (kr.)').fill('250');
  await page.getByLabel('Forfaldsdato', { exact: true }).fill('2025-10-01');
  if (type) await page.getByLabel('Type', { exact: true }).selectOption({ label: type });
  await page.getByLabel('Ydelse (kr.)').fill('500');
  await page.getByLabel('Første forfaldsdato').fill('2026-02-01');
  await page.getByLabel('Aftaledato (valgfri)').fill('2026-01-10');
}

beforeAll(async () => {
  if (!existsSync(`${DIST}taskpane.html`)) throw new Error('dist/ mangler: kør "npm run build" før browsertestene (npm run test:e2e gør det).');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium findes ikke på ${CHROMIUM}: installer Debian-pakken chromium (.ci/run gør det) eller sæt SALDO_CHROMIUM.`);
  mkdirSync(SHOTS, { recursive: true });
  const bundle = await build({ entryPoints: [`${ROOT}test/e2e/officeStub.ts`], bundle: true, write: false, format: 'iife', target: 'es2022' });
  stub = bundle.outputFiles[0]!.text;
  server = await serve(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTaskpane(options: { width?: number; locale?: string; query?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 420, height: 900 }, locale: options.locale ?? 'da-DK' });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && !r.url().startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')) outside.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
  await page.goto(`${server.url}taskpane.html${options.query ?? ''}`);
  await page.getByRole('heading', { name: 'Ny betalingsaftale' }).waitFor();
  expect(errors).toEqual([]);
  // the build's release, from package.json
  expect(await page.getByText(`Version ${RELEASE}.`).isVisible()).toBe(true);
  return page;
}

/**
 * Opens a page as a user does at this width: from the "Side" list in a narrow pane, by its tab
 * from 600 px.
 */
async function goTo(page: Page, name: string): Promise<void> {
  const menu = page.getByLabel('Side', { exact: true });
  if (await menu.isVisible()) await menu.selectOption({ label: name });
  else await page.getByRole('tab', { name }).click();
}

const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now (injected through the debugger, so the page's CSP stays strict). */
async function axeViolations(page: Page): Promise<Array<{ id: string; help: string; nodes: string[] }>> {
  // Colours are checked at rest: a button fading from disabled to enabled is mid-way for 100 ms.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[]; html: string }> }> }> } })
      .axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // Fluent's focus manager (Tabster) puts focusable, aria-hidden "dummy" elements at the edges of
    // a tab list on purpose: they pass focus on at once. A known false positive of exactly this rule
    // (microsoft/fluentui#25133, #27517; Accessibility Insights suppresses it the same way). Only
    // those nodes are dropped; any other aria-hidden-focus finding still fails.
    const real = (v: { id: string; nodes: Array<{ html: string }> }) => v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')));
    return result.violations
      .filter((v) => real(v).length > 0)
      .map((v) => ({
        id: v.id,
        help: v.help,
        nodes: real(v)
          .slice(0, 5)
          .map((n) => `${(n as unknown as { target: string[] }).target.join(' ')}: ${n.html.slice(0, 160)} — ${((n as unknown as { failureSummary?: string }).failureSummary ?? '').slice(0, 200)}`),
      }));
  });
}

const sheets = (page: Page) => page.evaluate(() => (window as unknown as { __saldo: { sheets(): SheetDump[] } }).__saldo.sheets());

/** New sheets in the page's workbook, each with its rows from A1 (as a person pastes a file into a sheet). */
const putSheets = (page: Page, added: Record<string, unknown[][]>) =>
  page.evaluate((added) => {
    const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
    for (const [name, rows] of Object.entries(added)) {
      saldo.workbook.worksheets.add(name);
      saldo.workbook.put(name, 'A1', rows);
    }
  }, added);

/** A table's body rows as their cells' texts. */
const bodyRows = async (table: Locator) => (await table.locator('tbody tr').allInnerTexts()).map((r) => r.split(/\s*\t\s*|\n/).filter((c) => c !== ''));

describe('task pane in a browser', () => {
  it('makes a payment agreement from typed claims and writes it to a new, formatted sheet', async () => {
    const page = await openTaskpane();
    await page.getByLabel('Hovedstol (kr.)').fill('4.200');
    await page.getByLabel('Gebyrer (kr.)').fill('250');
    await page.getByLabel('Forfaldsdato', { exact: true }).fill('2025-10-01');
    await page.getByLabel('Ydelse (kr.)').fill('500');
    await page.getByLabel('Første forfaldsdato').fill('2026-02-01');
    await page.getByLabel('Aftaledato (valgfri)').fill('2026-01-10');
    await page.getByLabel('Sagsnummer eller navn (valgfri)').fill('=Sag 2026-0412');

    // SPEC's example: 9 payments, the last on 1 October 2026, 4.450 kr. in all
    const summary = page.getByTestId('plan-summary');
    await expect.poll(() => summary.innerText()).toMatch(/Antal ydelser\s+9/);
    expect(await summary.innerText()).toMatch(/Sidste forfaldsdato\s+01-10-2026/);
    expect(await summary.innerText()).toMatch(/I alt\s+4\.450,00 kr\./);
    await page.screenshot({ path: `${SHOTS}betalingsaftale-preview.png`, fullPage: true });

    await page.getByRole('button', { name: 'Indsæt i nyt ark' }).click();
    await page.getByText(/er skrevet i det nye ark/).waitFor();
    await page.screenshot({ path: `${SHOTS}betalingsaftale-indsat.png`, fullPage: true });

    const all = await sheets(page);
    expect(all.map((s) => s.name)).toEqual(['Ark1', 'Posteringer', '=Sag 2026-0412']);
    const sheet = all[2]!;
    expect(sheet.grid[0]!.slice(0, 8)).toEqual(['Nr.', 'Nominel dato', 'Forfaldsdato', 'Ydelse', 'Gebyrer', 'Renter', 'Afdrag på hovedstol', 'Restgæld']);
    expect(sheet.grid[1]!.slice(0, 8)).toEqual([1, 46054, 46055, 500, 250, 0, 250, 3950]);
    expect(sheet.grid).toHaveLength(10);
    expect(sheet.formats['2,3']).toBe('dd-mm-yyyy');
    expect(sheet.formats['2,4']).toBe('#,##0.00 "kr."');
    expect(sheet.tables).toEqual([expect.objectContaining({ address: 'A1:H10' })]);
    expect(sheet.charts).toEqual([{ type: 'Line', source: 'H1:H10', xAxis: 'C2:C10', title: 'Restgæld efter hver ydelse', series: [''] }]);
    // the reference that looks like a formula stayed text
    expect(sheet.formulas).toBe(0);
    expect(sheet.grid[0]![10]).toBe('=Sag 2026-0412');
    // the user's sheet is untouched
    expect(all[0]!.grid[0]!.slice(0, 3)).toEqual(['Hovedstol', 'Gebyrer', 'Forfaldsdato']);
    await page.close();
  });

  it('reads claims from the selected range and shows a Danish error at the field', async () => {
    const page = await openTaskpane();
    await page.getByLabel('Fra markeret område i arket').check();
    await page.getByRole('button', { name: 'Hent fra markering' }).click();
    await page.getByText('Læst 3 rækker fra Ark1!A1:C3.').waitFor();
    await page.getByLabel('Antal ydelser', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Antal ydelser' }).fill('12');
    await page.getByLabel('Første forfaldsdato').fill('2026-12-01');
    // 2 × (3.450 + 250) = 7.400 kr. in at most 12: 617 kr. (7.400 / 12 = 616,67 → 617), 11 × 617 + 613
    const summary = page.getByTestId('plan-summary');
    await expect.poll(() => summary.innerText()).toMatch(/Ydelse\s+617,00 kr\./);
    expect(await summary.innerText()).toMatch(/Antal ydelser\s+12/);

    await page.getByLabel('Fast ydelse').check();
    await page.getByLabel('Ydelse (kr.)').fill('12,345');
    await page.getByText(/har mere end 2 decimaler/).waitFor();
    expect(await page.getByRole('button', { name: 'Indsæt i nyt ark' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}betalingsaftale-fejl.png`, fullPage: true });
    await page.close();
  });

  it("Betalingsaftale: interest from forfald to the agreement as its own line; another year's betalingsevne table is warned about", async () => {
    const page = await openTaskpane();
    await page.getByLabel('Hovedstol (kr.)').fill('10.000');
    await page.getByLabel('Forfaldsdato', { exact: true }).fill('2026-10-01');
    await page.getByLabel('Ydelse (kr.)').fill('1.000');
    await page.getByLabel('Første forfaldsdato').fill('2027-01-01');
    await page.getByLabel('Aftaledato (valgfri)').fill('2026-11-20');
    await page.getByLabel('Årlig rente (%)').fill('10');
    await page.getByLabel('Beregn renter fra forfaldsdato til aftaledato').check();
    // 10.000 × 10 % × 50/365 (1 Oct → 20 Nov) = 136,99 kr.
    await expect.poll(() => page.getByTestId('interest-before-start').innerText()).toBe('136,99 kr.');
    await page.getByLabel('Betalingsevne').check();
    await page.getByLabel('Årlig nettoindkomst (kr.)').fill('200.000');
    await expect.poll(() => page.getByTestId('plan-warnings').innerText()).toMatch(/Betalingsevnetabellen for 2024 bruges til en aftale fra 2026/);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: `${SHOTS}betalingsaftale-advarsel.png`, fullPage: true });
    await page.close();
  });

  it('opens the Regler page from the ribbon command and shows each rule with its source', async () => {
    const page = await openTaskpane();
    // the manifest's ExecuteFunction buttons are exactly the actions the runtime registers
    const actions = await page.evaluate(() => [...(window as unknown as { __saldo: { actions: Map<string, unknown> } }).__saldo.actions.keys()].sort());
    expect(actions).toEqual([
      'openAnalyse',
      'openArbejdsliste',
      'openBetalingsaftale',
      'openForaeldelse',
      'openHenstand',
      'openKampagne',
      'openOpfoelgning',
      'openRegler',
      'openSaldoopgoerelse',
      'openStatus',
      'openTragt',
    ]);
    const completed = await page.evaluate(() => (window as unknown as { __saldo: { runAction(n: string): Promise<boolean> } }).__saldo.runAction('openRegler'));
    expect(completed).toBe(true);
    await page.getByRole('heading', { name: 'Regler i brug' }).waitFor();
    expect(await page.getByText('Rykkergebyr, krav med udpantningsret').isVisible()).toBe(true);
    await page.getByRole('button', { name: /Betalingsevne 2024/ }).click();
    await page.getByText('Nettoindkomst 0–133.589 kr.').waitFor();
    await page.waitForTimeout(400); // let the accordion finish opening before the screenshot
    expect(
      await page
        .getByText(/gebyrloven \(LBK 56\/2018\) § 2 stk\. 3/)
        .first()
        .isVisible(),
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}regler.png`, fullPage: true });
    // the new buttons open their pages, each loaded on first use
    const opened: Array<[string, string]> = [
      ['openTragt', 'Opkrævningstragt'],
      ['openArbejdsliste', 'Arbejdsliste'],
      ['openForaeldelse', 'Forældelsesradar'],
      ['openKampagne', 'Kampagneopfølgning'],
    ];
    for (const [action, heading] of opened) {
      expect(await page.evaluate((a) => (window as unknown as { __saldo: { runAction(n: string): Promise<boolean> } }).__saldo.runAction(a), action)).toBe(true);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    await page.close();
  });

  it('registers every custom function of functions.json, and they compute in the page', async () => {
    const page = await openTaskpane();
    const metadata = JSON.parse(readFileSync(`${DIST}functions.json`, 'utf8')) as { functions: Array<{ id: string }> };
    const ids = await page.evaluate(() => [...(window as unknown as { __saldo: { functions: Map<string, unknown> } }).__saldo.functions.keys()]);
    expect(ids.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    const call = (id: string, args: unknown[]) =>
      page.evaluate(([i, a]) => (window as unknown as { __saldo: { callFunction(id: string, args: unknown[]): unknown } }).__saldo.callFunction(i, a), [id, args] as const);
    expect(await call('INSTALLMENT', [100000, 24, 0.08, null, null])).toEqual({ value: 4522.73 });
    expect(await call('NEXTBANKINGDAY', ['2026-06-05', null])).toEqual({ value: 46181 });
    expect(await call('SCHEDULE', [[[4200]], '2026-02-30', 500, null, null, null, null, null])).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/findes ikke/) });
    await page.close();
  });

  it('Henstand: before and after side by side, one chart with both curves, policy warnings, and a new sheet', async () => {
    const page = await openTaskpane();
    await goTo(page, 'Henstand');
    await page.getByRole('heading', { name: 'Henstand på en aftale' }).waitFor();
    await fillAgreement(page, 'Daginstitution (forældrebetaling)');
    await page.getByLabel('Henstand fra').fill('2026-05-01');
    await page.getByLabel('Antal måneder').fill('3');
    // 3 months without payments from 1 May: the end moves from 1 Oct 2026 to Monday 4 Jan 2027, no interest
    const effect = page.getByTestId('henstand-effect');
    await expect.poll(() => effect.innerText()).toMatch(/Sidste forfaldsdato\s+01-10-2026\s+04-01-2027/);
    expect(await effect.innerText()).toMatch(/Antal ydelser\s+9\s+9\s+0/);
    expect(await page.getByTestId('henstand-warnings').innerText()).toMatch(/opkrævningspolitikken gives der som udgangspunkt ikke henstand/);
    expect(await page.getByRole('img', { name: /Graf over restgælden/ }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}henstand.png`, fullPage: true });

    // a reduced henstand instead: 200 kr. a month for 3 months → 2 more payments
    await page.getByLabel('Nedsat ydelse', { exact: true }).check();
    await page.getByLabel('Nedsat ydelse (kr.)').fill('200');
    await expect.poll(() => effect.innerText()).toMatch(/Antal ydelser\s+9\s+11\s+\+2/);

    await page.getByRole('button', { name: 'Indsæt i nyt ark' }).click();
    await page.getByText(/Henstanden er skrevet i det nye ark/).waitFor();
    const sheet = (await sheets(page)).find((x) => x.name === 'Henstand')!;
    expect(sheet.grid[1]!.slice(0, 4)).toEqual(['Antal ydelser', 9, 11, 2]);
    expect(sheet.charts).toEqual([expect.objectContaining({ type: 'XYScatterLines', series: ['Før henstand', 'Efter henstand'] })]);
    await page.close();
  });

  it('Status: reads the schedule sheet and the selected payments, and writes a coloured status sheet', async () => {
    const page = await openTaskpane();
    await fillAgreement(page);
    await page.getByRole('button', { name: 'Indsæt i nyt ark' }).click();
    await page.getByText(/er skrevet i det nye ark/).waitFor();

    await goTo(page, 'Status');
    await page.getByRole('heading', { name: 'Er aftalen overholdt?' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).click();
    await expect.poll(() => page.getByLabel('Ark med afdragsplanen').inputValue()).toBe('Afdragsplan');
    await page.evaluate(() => (window as unknown as { __saldo: { select(a: string): void } }).__saldo.select('Ark1!E1:F3'));
    await page.getByRole('button', { name: 'Hent indbetalinger fra markering' }).click();
    await page.getByText('2 indbetalinger læst fra Ark1!E1:F3.').first().waitFor();
    await page.getByLabel('Opgjort pr.').fill('2026-03-20');
    await page.getByLabel('Fordringstype (for rykkergebyr og medhæftere)').selectOption({ label: 'Daginstitution (forældrebetaling)' });
    await page.getByRole('button', { name: 'Beregn status' }).click();
    // 500 paid on 2/2 covers no. 1; 300 on 2/3 leaves 200 of no. 2 (due 2/3): misligholdt from 3/3;
    // due by 20/3: 1.000, paid 800 → 200 in arrears.
    const result = page.getByTestId('status-result');
    await expect.poll(() => result.innerText()).toMatch(/misligholdt/);
    expect(await result.innerText()).toMatch(/Restance: 200,00 kr\./);
    expect(await result.innerText()).toMatch(/Misligholdt fra: 03-03-2026/);
    // The politik's one automatic rykker was due on 3/3 and is overdue: due now, on 20/3.
    expect(await result.innerText()).toMatch(/20-03-2026: Send rykker med varsel om oversendelse \(automatisk ved misligholdelse\) \(gebyr højst 250,00 kr\.\)/);
    expect(await page.getByTestId('status-today').innerText()).toBe('Overskredet – i dag: Send rykker med varsel om oversendelse (automatisk ved misligholdelse) (gebyr højst 250,00 kr.).');

    // The rykker is sent today: recorded, the next thing is the call ten days later (30/3, a Monday).
    await page.getByRole('button', { name: 'Tilføj trin' }).click();
    await page.getByLabel('Trin 1', { exact: true }).selectOption({ label: 'Send rykker med varsel om oversendelse (automatisk ved misligholdelse)' });
    await page.getByLabel('Dato for trin 1').fill('2026-03-20');
    await page.getByRole('button', { name: 'Beregn status' }).click();
    await expect.poll(() => page.getByTestId('status-today').innerText()).toBe('Intet at gøre før 30-03-2026: derefter ring til skyldner, hvis det vurderes at have gavnlig effekt.');
    expect(await result.innerText()).not.toMatch(/Send rykker/);
    await page.screenshot({ path: `${SHOTS}status.png`, fullPage: true });

    await page.getByRole('button', { name: 'Indsæt statusark' }).click();
    await page.getByText(/Status er skrevet i det nye ark/).waitFor();
    const sheet = (await sheets(page)).find((x) => x.name === 'Status Afdragsplan')!;
    expect(sheet.grid[0]!.slice(0, 2)).toEqual(['Aftalens status', 'misligholdt']);
    expect(sheet.fills['1,2']).toBe('#FFC7CE');
    // Two summary lines (procedure, what now) above the table: installment 2 is on row 12.
    expect(sheet.grid[11]!.slice(0, 6)).toEqual([2, 46083, 500, 300, 200, 'delvist']);
    expect(sheet.fills['12,6']).toBe('#FCD5B4');
    await page.close();
  });

  it('Saldoopgørelse: reads the ledger sheet with progress and writes statements, errors and letters to new sheets', async () => {
    const page = await openTaskpane();
    await goTo(page, 'Saldoopgørelse');
    await page.getByRole('heading', { name: 'Saldoopgørelser' }).waitFor();
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByLabel('Afsender').fill('Eksempel Kommune');
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor();
    // Both debtors owe (2.449,50 + 1.200,00 = 3.649,50 kr.), so both get a letter and none is skipped.
    expect(await page.getByRole('status').last().innerText()).toMatch(/ultimo 3\.649,50 kr\. Breve: 2 breve\. 1 række kunne ikke læses/);
    await page.screenshot({ path: `${SHOTS}saldoopgoerelse.png`, fullPage: true });
    const all = await sheets(page);
    expect(all.map((x) => x.name)).toEqual(['Ark1', 'Posteringer', 'Saldoopgørelse 2026', 'Fejl 2026', 'Breve 2026']);
    expect(all[1]!.tables).toHaveLength(1);
    const table = all[2]!;
    // D1: primo 3.450, betaling −1.000,50, ultimo 2.449,50; CPR masked by default
    expect(table.grid[1]!.slice(0, 6)).toEqual(['D1', 'Søren Æbelø', '010190-xxxx', 'F1', 'daginstitution', 3450]);
    // Ultimo after the 9 kinds (modregning is one); the forældelse grounds in the last column:
    // due 1 Sep 2025, paid 5 Jan 2026 → 3 years from the payment → 5 Jan 2029, a Friday.
    expect(table.grid[0]![15]).toBe('Ultimo');
    expect(table.grid[1]![15]).toBe(2449.5);
    expect(table.grid[1]!.at(-1)).toBe('3 år fra sidste betaling 05-01-2026 (forældelsesloven §§ 3, 15, 19 stk. 2): fristen udløber 05-01-2029.');
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    expect(all[3]!.grid[1]).toEqual([5, expect.stringMatching(/Bogføringsdatoen "31-02-2026"/)]);
    expect(all[1]!.grid).toHaveLength(5); // the ledger untouched
    await page.close();
  });

  it('Saldoopgørelse → Breve som PDF: one combined PDF and a zip of one PDF per recipient, made in the pane and offered to save', async () => {
    const page = await openTaskpane();
    await page.setViewportSize({ width: 320, height: 900 });
    await goTo(page, 'Saldoopgørelse');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByLabel('Afsender').fill('Eksempel Kommune');
    await page.getByLabel('Konto til betaling').fill('1234-5678901234');
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor();
    await page.getByRole('button', { name: 'Lav PDF-breve' }).click();
    const combined = page.getByRole('link', { name: 'Gem alle breve i én PDF (til print)' });
    await combined.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}breve-pdf.png`, fullPage: true });
    // Saved as a user saves it: the link's download (the page's CSP keeps fetch off blob: URLs).
    const bytesOf = async (link: Locator) => {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      return new Uint8Array(readFileSync(await download.path()));
    };
    const pdf = await bytesOf(combined);
    expect(await combined.getAttribute('download')).toBe('breve-2026.pdf');
    const { readPdf } = await import('../letters/pdfText.js');
    const read = await readPdf(pdf);
    // Two debtors owe (see the test above): two letters, one page each; CPR masked; the account given.
    expect(read.pages).toHaveLength(2);
    const text = read.pages.map((p) => p.lines.join('\n')).join('\n');
    expect(text).toContain('Kære Søren Æbelø');
    expect(text).toContain('CPR-nr.: 010190-xxxx');
    expect(text).not.toContain('010190-1234');
    expect(text).toContain('Betal til konto 1234-5678901234.');
    const zipLink = page.getByRole('link', { name: 'Gem én PDF pr. modtager (.zip)' });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await bytesOf(zipLink));
    expect(Object.keys(zip.files).sort()).toEqual(['0001-D1.pdf', '0002-D2.pdf', 'oversigt.csv']);
    // Only a debitor the statement does not have: no letters is said with the reason, and nothing is offered to save.
    await page.getByLabel('Kun disse debitorer').fill('D99');
    await page.getByRole('button', { name: 'Lav PDF-breve' }).click();
    await page.getByText('Ingen PDF-breve er lavet, for ingen af de valgte debitorer skal have et brev. 0 breve. Findes ikke i opgørelsen: D99.').waitFor();
    expect(await page.getByRole('link', { name: 'Gem alle breve i én PDF (til print)' }).count()).toBe(0);
    await page.close();
  });

  it('Saldoopgørelse with the agreement register: a running agreement’s debtor is told to pay as agreed, in the sheet and the PDF', async () => {
    const page = await openTaskpane();
    // D1 owes 2.449,50 kr. on F1 (see above). A1 covers F1 with 500 kr. a month from 1 January 2099
    // (a helligdag: the rate falls due Friday 2 January 2099), so it is running and kept whatever
    // day the test runs. D2's 1.200 kr. is in no agreement: the ordinary letter.
    await putSheets(page, {
      Aftaler: [
        ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Aftaledato', 'Første forfald'],
        ['A1', 'D1', 'F1', '500,00', '15-01-2026', '01-01-2099'],
      ],
    });
    await goTo(page, 'Saldoopgørelse');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Opdater listen' }).nth(1).click();
    await page.getByLabel('Aftaleregister (valgfri)').selectOption({ label: 'Ark: Aftaler' });
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor();
    expect(await page.getByRole('status').last().innerText()).toContain('Aftaleregistret: 1 aftale kører og er overholdt.');
    const letters = (await sheets(page)).find((x) => x.name === 'Breve 2026')!.grid.flat();
    expect(letters).toContain('Du skylder i alt 2.449,50 kr., og du har en betalingsaftale med os. Betal som aftalt – næste rate er 500,00 kr. den 02-01-2099. Du skal ikke betale mere nu.');
    expect(letters).toContain('Du skylder i alt 1.200,00 kr. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.');
    await page.getByRole('button', { name: 'Lav PDF-breve' }).click();
    const combined = page.getByRole('link', { name: 'Gem alle breve i én PDF (til print)' });
    await combined.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), combined.click()]);
    const { readPdf } = await import('../letters/pdfText.js');
    const text = (await readPdf(new Uint8Array(readFileSync(await download.path())))).pages.map((p) => p.lines.join(' ')).join(' ');
    expect(text).toContain('næste rate er 500,00 kr. den 02-01-2099');
    await page.close();
  });

  it('Betalingsaftale → aftalebrev: the confirmation with its rates as a PDF', async () => {
    const page = await openTaskpane();
    await page.getByLabel('Hovedstol (kr.)').fill('1.200');
    await page.getByLabel('Forfaldsdato', { exact: true }).fill('2025-12-01');
    await page.getByLabel('Ydelse (kr.)').fill('400');
    await page.getByLabel('Første forfaldsdato').fill('2026-02-02');
    await page.getByLabel('Aftaledato (valgfri)').fill('2026-01-15');
    await page.getByLabel(/^Modtagerens navn/).fill('Hansen, Jens');
    await page.getByLabel('Adresse', { exact: true }).fill('Strandvejen 12\n2635 Ishøj');
    await page.getByLabel(/^Sagsnummer\s*\*?$/).fill('S-2026-17');
    await page.getByRole('button', { name: 'Lav brevet som PDF' }).click();
    const link = page.getByRole('link', { name: 'Gem brevet (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('aftalebrev-S-2026-17.pdf');
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const { readPdf } = await import('../letters/pdfText.js');
    const lines = (await readPdf(bytes)).pages.flatMap((p) => p.lines);
    // 3 × 400 kr. from 2 February 2026; 2 April is skærtorsdag, so the last rate moves to Tuesday 7 April.
    expect(lines).toEqual(expect.arrayContaining(['Jens Hansen', 'Strandvejen 12', '2635 Ishøj', 'Sag: S-2026-17', 'Bekræftelse af betalingsaftale', 'Kære Jens Hansen', '3 07-04-2026 400,00 kr.']));
    await page.close();
  });

  it('Saldoopgørelse on a 40.000-row ledger: computed in a Web Worker, with progress; Stop ends it with nothing written', async () => {
    const page = await openTaskpane();
    // 20.000 debtors, each a claim of 1.000 kr. (1 March 2025) and a payment of 250 kr. (1 June).
    const debtors = 20_000;
    await page.evaluate(putLedgerSheet, { debtors, sheet: 'Stor' });
    await goTo(page, 'Saldoopgørelse');
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Ark: Stor' });
    await page.getByLabel('År', { exact: true }).fill('2025');
    await page.getByLabel('Lav breve (én side pr. debitor)').uncheck();
    const before = (await sheets(page)).map((x) => x.name);

    // Stopped while reading (an Excel that answers each request in half a second): said so, and the workbook is as it was.
    const slowExcel = (ms: number) => page.evaluate((t) => void ((window as unknown as { __saldo: { workbook: { roundTripMs: number } } }).__saldo.workbook.roundTripMs = t), ms);
    await slowExcel(500);
    const worker = page.waitForEvent('worker');
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    expect((await worker).url()).toMatch(/\/chunk-ledger-worker-[0-9a-f]{8}\.js$/);
    await page.getByText(/^Læser [\d.]+ af 40\.001 rækker …$/).waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stoppet. Intet er skrevet i projektmappen.').waitFor();
    expect((await sheets(page)).map((x) => x.name)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    await slowExcel(0);

    // Run to the end: every debtor owes 750 kr. at ultimo, 20.000 × 750 = 15.000.000,00 kr.
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => w.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('status').last().innerText()).toMatch(/^20\.000 debitorer er opgjort .*primo 0,00 kr\., ultimo 15\.000\.000,00 kr\./);
    const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(
      `statements of 40.000 rows in the pane: ${longTasks.length} tasks over 50 ms on the UI thread, the longest ${Math.round(Math.max(0, ...longTasks))} ms (the in-memory workbook's reads and writes included)`,
    );
    await page.close();
  }, 180_000);

  it('Arbejdsliste: the register against the ledger on a date, computed in the worker, written to new sheets', async () => {
    const page = await openTaskpane();
    // The stub's ledger: D1 owes 3.450 kr. from 1 Sep 2025 and paid 1.000,50 on 5 Jan 2026; D2 1.200 kr. from 1 Mar 2026.
    await page.evaluate(() => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Aftaler');
      saldo.workbook.put('Aftaler', 'A1', [
        ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Aftaledato', 'Første forfald', 'Sagsbehandler'],
        ['A1', 'D1', 'F1', '500,00', '01-12-2025', '01-01-2026', 'Kim'],
        ['A2', 'D2', 'E1', '400,00', '15-03-2026', '01-04-2026', 'Lis'],
        ['A3', 'D7', 'F7', '400,00', '15-03-2026', '01-04-2026', 'Lis'],
      ]);
    });
    await goTo(page, 'Arbejdsliste');
    await page.getByRole('heading', { name: 'Arbejdsliste' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Aftaleregister').selectOption({ label: 'Ark: Aftaler' });
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('Pr. dato').fill('15-03-2026');
    await page.getByRole('button', { name: 'Lav arbejdsliste' }).click();
    // A1: 500 kr. due 2 Jan (1 Jan a helligdag), 2 Feb and 2 Mar = 1.500; paid 1.000,50 → 499,50 kr. in arrears,
    // the third rate short from 3 March. A2's first rate falls due in April: kept. A3's claim is not in the
    // ledger, and the ledger's row with 31-02-2026 cannot be read: 2 that could not be checked.
    await page.getByText(/står i arket/).waitFor();
    expect(await page.getByRole('status').last().innerText()).toMatch(/^2 aftaler står i arket “Arbejdsliste 2026-03-15”; restance i alt 499,50 kr\. 2 aftaler eller rækker kunne ikke tjekkes/);
    const table = page.getByTestId('worklist-result');
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/A1\s+misligholdt \(499,50 kr\.\)\s+Send rykker/);
    const all = await sheets(page);
    const list = all.find((x) => x.name === 'Arbejdsliste 2026-03-15')!;
    const header = list.grid.findIndex((r) => r[0] === 'Haster');
    expect(list.grid[header + 1]!.slice(1, 8)).toEqual(['A1', 'D1', 'Søren Æbelø', '', 'Kim', 'misligholdt', 499.5]);
    expect(all.find((x) => x.name === 'Fejl 2026-03-15')!.grid[1]).toEqual(['Aftaleregistret', 4, 'Aftale A3: fordringen F7 findes ikke i posteringslisten for debitor D7.']);
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    // A rykker log: A1's rykker was sent on 5 March (no gebyr in the ledger). For a daginstitution
    // agreement the politik (misligholdt-aftale) then has an optional call and, as the next step that
    // must be taken, the medhæftere's first rykker.
    await page.evaluate(() => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Rykkerlog');
      saldo.workbook.put('Rykkerlog', 'A1', [
        ['Aftale', 'Trin', 'Dato'],
        ['A1', 'Rykker 1', '05-03-2026'],
      ]);
    });
    await page.getByRole('button', { name: 'Opdater listen' }).nth(2).click();
    await page.getByLabel('Rykkerlog (valgfri)').selectOption({ label: 'Ark: Rykkerlog' });
    await page.getByRole('button', { name: 'Lav arbejdsliste' }).click();
    await expect.poll(async () => table.locator('tbody tr').first().innerText()).toMatch(/A1\s+misligholdt \(499,50 kr\.\)\s+Send 1\. rykker til medhæftere/);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: `${SHOTS}arbejdsliste.png`, fullPage: true });
    // A payments file: the bank has A1's three rates of 500 kr. (2 Jan, 2 Feb, 2 Mar); for A1 they
    // count instead of the ledger's 1.000,50, so nothing is in arrears and A1 is kept.
    await page.evaluate(() => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Indbetalinger');
      saldo.workbook.put('Indbetalinger', 'A1', [
        ['Aftale', 'Dato', 'Beløb'],
        ['A1', '02-01-2026', '500,00'],
        ['A1', '02-02-2026', '500,00'],
        ['A1', '02-03-2026', '500,00'],
      ]);
    });
    await page.getByRole('button', { name: 'Opdater listen' }).nth(3).click();
    await page.getByLabel('Indbetalinger (valgfri)').selectOption({ label: 'Ark: Indbetalinger' });
    await page.getByRole('button', { name: 'Lav arbejdsliste' }).click();
    await expect.poll(async () => page.getByRole('status').last().innerText()).toMatch(/restance i alt 0,00 kr\./);
    expect(await table.locator('tbody tr', { hasText: 'A1' }).innerText()).toMatch(/A1\s+overholdt/);
    await page.close();
  });

  it('a fagsystem sheet: the page offers to map its own words, keeps them in Saldo-kortlægning, and then reads it', async () => {
    const page = await openTaskpane({ width: 320 });
    // "Deb.nr" is no header Saldo knows, "Udligning" no kind: 1.000 kr. new, 400 kr. paid.
    await page.evaluate(() => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Fagsystem');
      saldo.workbook.put('Fagsystem', 'A1', [
        ['Deb.nr', 'Fordring', 'Bogf.dato', 'Forf.dato', 'Art', 'Beløb'],
        ['D1', 'F1', '01-02-2026', '01-03-2026', 'Ny fordring', '1.000,00'],
        ['D1', 'F1', '05-03-2026', '', 'Udligning', '-400,00'],
      ]);
    });
    await goTo(page, 'Saldoopgørelse');
    await page.getByRole('heading', { name: 'Saldoopgørelser' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Ark: Fagsystem' });
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    // the column: refused, and the page asks which header is Debitor
    await page.getByRole('heading', { name: 'Kortlæg jeres egne ord' }).waitFor();
    expect(await page.getByRole('alert').first().innerText()).toMatch(/mangler kolonnerne Debitor/);
    await page.getByLabel('Hvilken kolonne er Debitor?').selectOption('Deb.nr');
    await page.getByRole('button', { name: 'Gem i arket Saldo-kortlægning' }).click();
    await page.getByText('Ét ord er gemt i arket Saldo-kortlægning. Kør igen for at bruge det.').waitFor();
    // the kind: the run reads the sheet, leaves "Udligning" as a row error and names it
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/Ukendte arter: "Udligning" i 1 række/).waitFor();
    await page.getByLabel('Hvad betyder arten "Udligning" (1 række)?').selectOption('betaling');
    expect(await axeViolations(page), 'the mapping panel').toEqual([]);
    await page.screenshot({ path: `${SHOTS}pane-320-kortlaegning.png`, fullPage: true });
    await page.getByRole('button', { name: 'Gem i arket Saldo-kortlægning' }).click();
    await page.getByText(/gemt i arket Saldo-kortlægning/).waitFor();
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/1 debitor er opgjort i arkene/).waitFor();
    const notice = await page.getByRole('status').last().innerText();
    // 1.000 − 400 = 600 kr., every row read
    expect(notice).toMatch(/ultimo 600,00 kr\./);
    expect(notice).not.toMatch(/Ukendte arter/);
    const all = await sheets(page);
    expect(all.find((x) => x.name === 'Saldo-kortlægning')!.grid).toEqual([
      ['Slags', 'I filen', 'Betyder'],
      ['kolonne', 'Deb.nr', 'Debitor'],
      ['art', 'Udligning', 'betaling'],
    ]);
    // the user's sheet untouched
    expect(all.find((x) => x.name === 'Fagsystem')!.grid[0]).toEqual(['Deb.nr', 'Fordring', 'Bogf.dato', 'Forf.dato', 'Art', 'Beløb']);
    await page.close();
  });

  it('Opkrævningstragt: the ledger’s claims by type and month of forfald, computed in the worker, written with a chart per type', async () => {
    const page = await openTaskpane({ width: 320 });
    // Per claim type: F1 paid before any rykker, F2 paid after its rykkergebyr, F4 still open; a claim type
    // named like a formula (sent to inddrivelse), and a row whose date does not exist.
    const evil = '=hyperlink("http://evil.example","klik")';
    await page.evaluate((evil) => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Tragtdata');
      saldo.workbook.put('Tragtdata', 'A1', [
        ['Debitor', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
        ['D1', 'F1', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '1.000,00'],
        ['D1', 'F1', 'daginstitution', '10-01-2026', '', 'betaling', '-1.000,00'],
        ['D2', 'F2', 'daginstitution', '01-01-2026', '01-01-2026', 'krav', '500,00'],
        ['D2', 'F2', 'daginstitution', '20-01-2026', '', 'gebyr', '100,00'],
        ['D2', 'F2', 'daginstitution', '01-02-2026', '', 'betaling', '-600,00'],
        ['D3', 'F3', evil, '01-02-2026', '01-02-2026', 'krav', '800,00'],
        ['D3', 'F3', evil, '01-05-2026', '', 'oversendt', '-800,00'],
        ['D4', 'F4', 'daginstitution', '01-02-2026', '01-02-2026', 'krav', '300,00'],
        ['D5', 'X', 'daginstitution', '31-02-2026', '', 'krav', '5'],
      ]);
    }, evil);
    await goTo(page, 'Opkrævningstragt');
    await page.getByRole('heading', { name: 'Opkrævningstragt' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Ark: Tragtdata' });
    // a month that is no month is named at its field, and nothing can start
    await page.getByLabel('Fra måned').fill('13-2026');
    await page.getByText('Skriv måneden som mm-åååå, f.eks. 01-2022.').waitFor();
    expect(await page.getByRole('button', { name: 'Lav opkrævningstragt' }).isDisabled()).toBe(true);
    await page.getByLabel('Fra måned').fill('01-2026');
    await page.getByLabel('Til måned').fill('2-2026');
    await page.getByLabel('Posteringer til og med (valgfri)').fill('30-06-2026');
    await page.getByRole('button', { name: 'Lav opkrævningstragt' }).click();
    await page.getByText(/står i arket/).waitFor();
    expect(await page.getByRole('status').last().innerText()).toBe(
      'Tragten for 4 nye fordringer (hovedstol 2.600,00 kr.) står i arket “Tragt 2026-01 til 2026-02” med et diagram pr. fordringstype. 1 række kunne ikke læses; den står i arket “Fejl tragt 2026-01 til 2026-02”.',
    );
    const result = page.getByTestId('funnel-result');
    const rows = await result.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s*\t\s*|\n/).filter((c) => c !== ''))).toEqual([
      ['Nye fordringer', '2.600,00 kr.', '4'],
      ['Betalt før rykker', '1.000,00 kr.', '1'],
      ['Betalt efter rykker', '500,00 kr.', '1'],
      ['I betalingsaftale', '0,00 kr.', '0'],
      ['Sendt til inddrivelse', '800,00 kr.', '1'],
      ['Afskrevet', '0,00 kr.', '0'],
      ['Åben', '300,00 kr.', '1'],
    ]);
    const all = await sheets(page);
    const funnel = all.find((x) => x.name === 'Tragt 2026-01 til 2026-02')!;
    expect(funnel.grid.slice(1, 5).map((r) => r.slice(0, 10))).toEqual([
      [evil, '2026-01', 0, 0, 0, 0, 0, 0, 0, 0],
      [evil, '2026-02', 1, 800, 0, 0, 0, 800, 0, 0],
      ['daginstitution', '2026-01', 2, 1500, 1000, 500, 0, 0, 0, 0],
      ['daginstitution', '2026-02', 1, 300, 0, 0, 0, 0, 0, 300],
    ]);
    expect(funnel.formats).toMatchObject({ '2,4': '#,##0.00 "kr."', '2,5': '#,##0.00 "kr."', '2,3': '0' });
    expect(funnel.frozenRows).toBe(1);
    expect(funnel.charts.map((c) => [c.type, c.title, c.source, c.xAxis])).toEqual([
      ['ColumnStacked', `Opkrævningstragt – ${evil} (kr.)`, 'E2:J3', 'B2:B3'],
      ['ColumnStacked', 'Opkrævningstragt – daginstitution (kr.)', 'E4:J5', 'B4:B5'],
    ]);
    expect(funnel.charts[1]!.series).toEqual(['Betalt før rykker', 'Betalt efter rykker', 'I betalingsaftale', 'Sendt til inddrivelse', 'Afskrevet', 'Åben']);
    expect(all.find((x) => x.name === 'Fejl tragt 2026-01 til 2026-02')!.grid[1]).toEqual([10, expect.stringMatching(/31-02-2026/)]);
    // the ledger is never written to, and nothing from it became a formula
    expect(all.find((x) => x.name === 'Tragtdata')!.grid[0]![0]).toBe('Debitor');
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    // With the agreement register: F4's 300 kr., open, is in a betalingsaftale (A4 names it).
    await page.evaluate(() => {
      const saldo = (window as unknown as { __saldo: { workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void } } }).__saldo;
      saldo.workbook.worksheets.add('Aftaler');
      saldo.workbook.put('Aftaler', 'A1', [
        ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Første forfald'],
        ['A4', 'D4', 'F4', '100,00', '01-03-2026'],
      ]);
    });
    await page.getByRole('button', { name: 'Opdater listen' }).nth(1).click();
    await page.getByLabel('Aftaleregister (valgfri)').selectOption({ label: 'Ark: Aftaler' });
    await page.getByRole('button', { name: 'Lav opkrævningstragt' }).click();
    await expect
      .poll(async () => (await result.locator('tbody tr').allInnerTexts()).map((r) => r.split(/\s*\t\s*|\n/).filter((c) => c !== '')).slice(3))
      .toEqual([
        ['I betalingsaftale', '300,00 kr.', '1'],
        ['Sendt til inddrivelse', '800,00 kr.', '1'],
        ['Afskrevet', '0,00 kr.', '0'],
        ['Åben', '0,00 kr.', '0'],
      ]);
    // at 320 px the months side by side and the figures fit the pane, nothing to scroll sideways
    // (once the second run's notice and table are laid out: polled, as the layout settles)
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}pane-320-tragt.png`, fullPage: true });
    await page.close();
  });

  it('Forældelse: the radar of examples/portefoelje on a typed date, 180 then 90 days, computed in the worker, written to new sheets', async () => {
    const page = await openTaskpane({ width: 320 });
    await putSheets(page, { Portefølje: exampleRows('portefoelje/posteringer.csv') });
    await goTo(page, 'Forældelse');
    await page.getByRole('heading', { name: 'Forældelsesradar' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Ark: Portefølje' });
    await page.getByLabel('Pr. dato').fill('1.10.2028');
    // 180 days, the default
    expect(await page.getByRole('radio', { name: '180 dage' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lav forældelsesradar' }).click();
    // By hand (examples/portefoelje/posteringer.csv): every claim fell due 01-12-2025; 3 years run from the due
    // date or the debtor's last payment. On 01-10-2028 the open ones are F9 (D8, nothing paid: 01-12-2028, a
    // Friday, 30 + 31 = 61 days left, 1.600 kr.), F2 (D2 paid 02-01-2026: 02-01-2029, a Tuesday, 93 days,
    // 2.000 − 500 = 1.500 kr.), F3 (D3 paid 02-01-2026, then a 250 kr. rykkergebyr: 02-01-2029, 1.750 kr.) and
    // F1 (D1 paid 02-02 and 02-03-2026: 02-03-2029, a Friday, 152 days, 1.000 kr.); F4–F8 are paid or sent to
    // inddrivelse. 180 days reach 30-03-2029: all four, 1.600 + 1.500 + 1.750 + 1.000 = 5.850 kr.
    await page.getByText(/Radaren står i arket/).waitFor();
    expect(await page.getByRole('status').last().innerText()).toBe('4 fordringer med 5.850,00 kr. i alt forældes inden for 180 dage (til og med 30-03-2029). Radaren står i arket “Radar 2028-10-01”.');
    expect(await bodyRows(page.getByTestId('limitation-result'))).toEqual([
      ['Inden for 180 dage', '4', '5.850,00 kr.'],
      ['Allerede forældet', '0', '0,00 kr.'],
    ]);
    expect(await bodyRows(page.getByTestId('limitation-claims'))).toEqual([
      ['01-12-2028', 'F9', 'Hanne Krog', '1.600,00 kr.'],
      ['02-01-2029', 'F2', 'Hansen; Bo', '1.500,00 kr.'],
      ['02-01-2029', 'F3', 'Cem Yilmaz', '1.750,00 kr.'],
      ['02-03-2029', 'F1', 'Anna Holm', '1.000,00 kr.'],
    ]);
    // at 320 px the figures fit the pane, nothing to scroll sideways
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}pane-320-foraeldelse.png`, fullPage: true });
    // 90 days reach 30-12-2028: F9 alone
    await page.getByRole('radio', { name: '90 dage' }).check();
    await page.getByRole('button', { name: 'Lav forældelsesradar' }).click();
    await page.getByText(/^1 fordring med 1\.600,00 kr\./).waitFor();
    expect(await page.getByRole('status').last().innerText()).toBe('1 fordring med 1.600,00 kr. i alt forældes inden for 90 dage (til og med 30-12-2028). Radaren står i arket “Radar 2028-10-01 2”.');
    expect(await bodyRows(page.getByTestId('limitation-claims'))).toEqual([['01-12-2028', 'F9', 'Hanne Krog', '1.600,00 kr.']]);
    const all = await sheets(page);
    // each run on new sheets, the second named apart; every row read, so no sheet of errors
    expect(all.map((x) => x.name)).toEqual([
      'Ark1',
      'Posteringer',
      'Portefølje',
      'Forældelse 2028-10-01',
      'Radar 2028-10-01',
      'Forældet 2028-10-01',
      'Forældelse 2028-10-01 2',
      'Radar 2028-10-01 2',
      'Forældet 2028-10-01 2',
    ]);
    const radar = all.find((x) => x.name === 'Radar 2028-10-01')!;
    expect(radar.grid.slice(1).map((r) => [r[0], r[2], r[4], r[6], r[7]])).toEqual([
      [61, 'D8', 'F9', '(ingen sagsbehandler)', 1600],
      [93, 'D2', 'F2', '(ingen sagsbehandler)', 1500],
      [93, 'D3', 'F3', '(ingen sagsbehandler)', 1750],
      [152, 'D1', 'F1', '(ingen sagsbehandler)', 1000],
    ]);
    expect(radar.formats).toMatchObject({ '2,8': '#,##0.00 "kr."' });
    expect(radar.frozenRows).toBe(1);
    const overview = new Map(all.find((x) => x.name === 'Forældelse 2028-10-01')!.grid.map((r) => [r[0], r[1]]));
    expect([overview.get('Fordringer, der forældes i vinduet'), overview.get('Åbent beløb på dem'), overview.get('Åbne fordringer gennemgået')]).toEqual([4, 5850, 4]);
    expect(
      all
        .find((x) => x.name === 'Radar 2028-10-01 2')!
        .grid.slice(1)
        .map((r) => r[4]),
    ).toEqual(['F9']);
    // the ledger is never written to, and nothing from it became a formula
    expect(all.find((x) => x.name === 'Portefølje')!.grid).toEqual(exampleRows('portefoelje/posteringer.csv'));
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    // a date that is no date is named at its field, and nothing is written
    await page.getByLabel('Pr. dato').fill('31-02-2028');
    await page.getByRole('button', { name: 'Lav forældelsesradar' }).click();
    await expect.poll(() => page.getByRole('alert').last().innerText()).toMatch(/^Pr\. dato: /);
    expect((await sheets(page)).length).toBe(all.length);
    await page.close();
  });

  it('Kampagne: the call log against a fagsystem ledger read through Saldo-kortlægning, with the figures of examples/portefoelje', async () => {
    const page = await openTaskpane({ width: 320 });
    // The fagsystem's own words (Deb.nr, Bevægelsestype, Udligning, Rykker 1) in the workbook's mapping sheet:
    // the same ledger as posteringer.csv, so the same campaign (examples/portefoelje/README.md).
    await putSheets(page, {
      Opkald: exampleRows('portefoelje/opkald.csv'),
      Fagsystem: exampleRows('portefoelje/fagsystem.csv'),
      'Saldo-kortlægning': exampleRows('portefoelje/kortlaegning.csv'),
    });
    await goTo(page, 'Kampagne');
    await page.getByRole('heading', { name: 'Kampagneopfølgning' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await expect.poll(() => page.getByLabel('Opkaldslog').inputValue()).toBe('sheet:Opkald');
    await page.getByRole('button', { name: 'Opdater listen' }).nth(1).click();
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Ark: Fagsystem' });
    await page.getByLabel('Pr. dato (valgfri)').fill('30-09-2026');
    await page.getByRole('button', { name: 'Lav kampagneopfølgning' }).click();
    await page.getByText(/står i arkene/).waitFor();
    expect(await page.getByRole('status').last().innerText()).toBe('Kampagnen 09-01-2026 – 21-01-2026 står i arkene “Kampagne uger”, “Kampagne sagsbehandlere” og “Kampagne effekt”.');
    // The README, by hand: Kim 4 calls, 2 contacts, 2 agreements (3.000 + 1.500 kr.); Lis 3 calls, 2 contacts.
    // Paid within 3 months of the first call: D1 2.000 kr., D5 1.000 kr.
    expect(await bodyRows(page.getByTestId('campaign-result'))).toEqual([
      ['Opkald', '7'],
      ['Kontakter', '4'],
      ['Aftaler', '2'],
      ['Aftalt beløb', '4.500,00 kr.'],
      ['Betalt inden for 3 mdr.', '3.000,00 kr.'],
    ]);
    // daginstitution, 1.000–4.999 kr., 0–90 dage: called 1 of 4 paid, uncalled 1 of 3; −8,3 % ± 68,2 %.
    // D5 (ejendomsskat) has no uncalled debtor to be compared with.
    expect(await page.getByTestId('campaign-effect').locator('p').allInnerTexts()).toEqual([
      // (the shares with a minus sign and a no-break space before %)
      'Betalende inden for 3 måneder: 25,0\u00a0% af de ringede mod 33,3\u00a0% af sammenlignelige borgere, I ikke ringede til – en forskel på \u22128,3\u00a0% (95 %-interval \u221276,5\u00a0% til 59,8\u00a0%).',
      'Intervallet går fra minus til plus: der er ingen sikker effekt.',
      '1 debitor er ringet op i grupper uden ikke-ringede og udeladt af forskellen.',
      'Det er ikke et forsøg: I har selv valgt, hvem I ringede til. Læs forskellen med forsigtighed.',
    ]);
    let all = await sheets(page);
    expect(
      all
        .find((x) => x.name === 'Kampagne sagsbehandlere')!
        .grid.slice(1)
        .map((r) => r.slice(0, 4).concat([r[7], r[11]])),
    ).toEqual([
      ['Kim', 4, 2, 2, 4500, 2000],
      ['Lis', 3, 2, 0, 0, 1000],
      ['I alt', 7, 4, 2, 4500, 3000],
    ]);
    expect(all.find((x) => x.name === 'Fejl kampagne')!.grid[1]).toEqual(['', '', 'Ingen fejl: alle opkald og posteringer blev læst.']);
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    // at 320 px the figures and the effect fit the pane, nothing to scroll sideways
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}pane-320-kampagne.png`, fullPage: true });
    // On 31-03-2026 no 3-month window is over (the first ends 09-04-2026): no effect, and the pane says why.
    // D1–D5 are in the ledger and called; D10 is not in it.
    await page.getByLabel('Pr. dato (valgfri)').fill('31-03-2026');
    await page.getByRole('button', { name: 'Lav kampagneopfølgning' }).click();
    await page.getByText(/“Kampagne uger 2”/).waitFor();
    expect(await page.getByText('5 ringede debitorer, hvis 3 måneder ikke er gået endnu, er ikke med i beløbet.').isVisible()).toBe(true);
    expect(await page.getByTestId('campaign-effect').locator('p').allInnerTexts()).toEqual([
      '3-måneders-vinduet fra kampagnens start er ikke afsluttet: ingen sammenligning endnu. 5 debitorer er ringet op, hvis 3-måneders-vindue ikke er afsluttet, er udeladt.',
    ]);
    all = await sheets(page);
    expect(all.filter((x) => x.name.startsWith('Kampagne')).map((x) => x.name)).toEqual([
      'Kampagne uger',
      'Kampagne sagsbehandlere',
      'Kampagne effekt',
      'Kampagne uger 2',
      'Kampagne sagsbehandlere 2',
      'Kampagne effekt 2',
    ]);
    // the user's sheets are never written to
    expect(all.find((x) => x.name === 'Opkald')!.grid).toEqual(exampleRows('portefoelje/opkald.csv'));
    expect(all.find((x) => x.name === 'Fagsystem')!.grid).toEqual(exampleRows('portefoelje/fagsystem.csv'));
    // The kommune's hourly cost: 35 minutes at 450 kr. an hour = 262,50 kr. A cost that is no amount is refused.
    await page.getByLabel('Timepris i kr. (valgfri)').fill('fire hundrede');
    await page.getByRole('button', { name: 'Lav kampagneopfølgning' }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toEqual(['Timepris i kr. (valgfri): skal være en timepris i kroner over 0, f.eks. 450 eller 450,00 (fik "fire hundrede").']);
    await page.getByLabel('Pr. dato (valgfri)').fill('30-09-2026');
    await page.getByLabel('Timepris i kr. (valgfri)').fill('450,00');
    await page.getByRole('button', { name: 'Lav kampagneopfølgning' }).click();
    await page.getByText(/“Kampagne uger 3”/).waitFor();
    expect((await bodyRows(page.getByTestId('campaign-result'))).at(-1)).toEqual(['Opkaldenes tid i kr.', '262,50 kr.']);
    await page.close();
  });

  it('Analyse: writes aging and development with charts to a new sheet', async () => {
    const page = await openTaskpane();
    await goTo(page, 'Analyse');
    await page.getByRole('heading', { name: 'Analyse af saldo' }).waitFor();
    // this time the ledger is picked as an Excel table
    await expect.poll(async () => (await page.getByLabel('Posteringsliste').locator('option').allInnerTexts()).join('|')).toContain('Tabel: Table1');
    await page.getByLabel('Posteringsliste').selectOption({ label: 'Tabel: Table1' });
    await page.getByLabel('Opgjort pr.').fill('2026-12-31');
    await page.getByRole('button', { name: 'Lav analyse' }).click();
    await page.getByText(/Analysen er skrevet i arket/).waitFor();
    const sheet = (await sheets(page)).find((x) => x.name === 'Analyse 2026-12-31')!;
    expect(sheet.grid[1]!.slice(0, 2)).toEqual(['Samlet saldo', 3649.5]);
    expect(sheet.charts.map((c) => c.type)).toEqual(['ColumnStacked', 'Line']);
    await page.screenshot({ path: `${SHOTS}analyse.png`, fullPage: true });
    await page.close();
  });

  it('Opfølgning: the 2025 plan as a template, Q2 at the pace so far, text typed into it, Q3 with last year and the text carried over, at 320 px', async () => {
    const page = await openTaskpane();
    const put = (sheet: string, at: string, values: unknown[][]) =>
      page.evaluate(([s, a, v]) => (window as unknown as { __saldo: { workbook: { put(s: string, a: string, v: unknown[][]): void } } }).__saldo.workbook.put(s, a, v), [sheet, at, values] as const);
    const grid = async (name: string) => (await sheets(page)).find((x) => x.name === name)!.grid;
    /** A1 address of a grid's cell (row and column from 0; the sheets here are narrower than 26 columns). */
    const cell = (row: number, column: number) => `${String.fromCharCode(65 + column)}${row + 1}`;
    await goTo(page, 'Opfølgning');
    await page.getByRole('heading', { name: 'Opfølgning på mål' }).waitFor();

    // a goals sheet that is not one: a Danish error that says what is missing
    await expect.poll(() => page.getByLabel('Måltabel').locator('option').count()).toBeGreaterThan(0);
    await page.getByLabel('Måltabel').selectOption({ label: 'Ark: Ark1' });
    await page.getByLabel('Taltabel').selectOption({ label: 'Ark: Ark1' });
    await page.getByRole('button', { name: 'Byg opfølgning' }).click();
    await page.getByText(/Måltabellen mangler overskrifterne "Nr\." og "Mål"/).waitFor();

    // the bundled template with its invented counts: goals, counts and last year's counts as tables on new sheets
    await page.getByLabel('Skabelon', { exact: true }).selectOption({ label: 'Motorstyrelsens mål (kvartaler)' });
    await page.getByLabel('Med opdigtede eksempeltal').check();
    await page.getByRole('button', { name: 'Opret skabelonark' }).click();
    await page.getByText(/Tabellerne “Mål” \(mål\), “Tal” \(tal\) og “Tal_sidste_år” \(sidste års tal\) er oprettet/).waitFor();
    await expect.poll(() => page.getByLabel('Måltabel').inputValue()).toBe('table:Mål');
    expect(await page.getByLabel('Taltabel').inputValue()).toBe('table:Tal');
    expect(await page.getByLabel('Sidste års tal (valgfri)').inputValue()).toBe('table:Tal_sidste_år');
    expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe('2025');
    expect(await page.getByLabel(/Forrige opfølgning/).inputValue()).toBe('');
    // the whole plan: 11 goals, a milestone goal's further milestones in rows of their own under it
    const goalIds = (await grid('Mål')).slice(1).map((r) => r[0]);
    expect(new Set(goalIds).size).toBe(11);
    expect(goalIds.filter((id) => id === '3.1')).toHaveLength(4);

    // Q2: the third quarter's counts (Tal's column "Q3") show 0 until they come in, so "til og med 2. kvartal";
    // and no last year: "Hvad skal der til" goes by the pace so far
    const counts = await grid('Tal');
    const q3Column = counts[0]!.indexOf('Q3');
    const q3 = counts.slice(1).map((r) => [r[q3Column]]);
    await put(
      'Tal',
      cell(1, q3Column),
      q3.map(() => [0]),
    );
    await page.getByLabel('Sidste års tal (valgfri)').selectOption({ label: 'Ingen' });
    await page.getByLabel('Til og med').selectOption({ label: '2. kvartal' });
    await page.getByRole('button', { name: 'Byg opfølgning' }).click();
    await page.getByText(/Opfølgningen er skrevet i det nye ark “Opfølgning 2025 Q2”/).waitFor();
    const notice = page.getByRole('status').last();
    // the årsrapport's table is a sheet of its own, named in the notice
    expect(await notice.innerText()).toMatch(/og årsrapportens tabel i “Årsrapport 2025 Q2”\./);
    expect((await sheets(page)).map((x) => x.name)).toContain('Årsrapport 2025 Q2');
    // R.1 has no target: it is followed, not "uden data"; 1.1's survey comes in Q3
    expect(await notice.innerText()).toMatch(/4 grønne, 5 gule, 0 røde, 1 uden data, 1 følges uden målværdi\./);
    // milestones marked done after 30 June are flagged, each on a line of its own
    expect(await notice.getByRole('listitem').allInnerTexts()).toContain(
      'Mål 3.2: milepælen "De fysiske ekspeditioner lukket 1. juli 2025" er markeret nået 01-07-2025, efter perioden der rapporteres for (til 30-06-2025). Den tæller ikke med i denne opfølgning.',
    );
    const result = page.getByTestId('followup-result');
    const note = (id: string) => page.getByTestId(`followup-note-${id}`).innerText();
    // 2.1 after Q2: (2,750 + 3,120) / (19,800 + 20,900) = 5,870 / 40,700 = 14.4 %, gul (within 2 points of 15 %)
    await expect.poll(() => result.innerText()).toMatch(/2\.1\s+Pristjek af brugte selvanmeldte importerede køretøjer\s+14,4 %\s+gul/);
    // 2.1a: 12,000 − 5,870 = 6,130 in two quarters; at Q1–Q2's pace they give 5,870
    expect(await note('2.1a')).toBe('De 2 resterende kvartaler skal give mindst 6.130 (3.065 pr. kvartal). Fortsætter det som hidtil, giver de ca. 5.870, så målet nås næppe.');
    expect(await note('3.1')).toMatch(/^2 af 4 milepæle nået pr\. 30-06-2025/);
    // 2.3: 1,295 of 1,310 samples without error = 98.9 %; its 95 % interval holds the target 99 %, so gul
    expect(await note('2.3')).toBe('95 %-interval 98,1–99,3 % ud fra 1.310 stikprøver');
    expect(await result.innerText()).toMatch(/R\.1\s+Ressourceanvendelse på kontrol \(årsværk\)\s+40,85\s+følges/);
    await expect(page.getByTestId('followup-note-R.1').count()).resolves.toBe(0);

    // the controller writes why and what next for 2.1 in the Q2 sheet (its row, columns Årsag/konsekvens and Handling)
    const q2Sheet = await grid('Opfølgning 2025 Q2');
    const header = q2Sheet.findIndex((r) => r[0] === 'Nr.');
    const causeColumn = q2Sheet[header]!.indexOf('Årsag/konsekvens');
    expect(q2Sheet[header]![causeColumn + 1]).toBe('Handling');
    const row21 = (g: unknown[][]) => g.findIndex((r, i) => i > header && r[0] === '2.1');
    await put('Opfølgning 2025 Q2', cell(row21(q2Sheet), causeColumn), [['Færre medarbejdere i Q2', 'Ekstra kontrolhold fra august']]);
    const q2Before = await grid('Opfølgning 2025 Q2');

    // Q3 in a 320 px pane: the counts come in; last year's table and quarters shown as quarters
    // are chosen; the previous follow-up is picked by itself (the newest)
    await page.setViewportSize({ width: 320, height: 900 });
    await put('Tal', cell(1, q3Column), q3);
    await page.getByLabel('Sidste års tal (valgfri)').selectOption({ label: 'Tabel: Tal_sidste_år' });
    await page.getByLabel('Vis månedstal som hele kvartaler').check();
    await page.getByLabel('Til og med').selectOption({ label: 'Seneste periode med tal' });
    await expect.poll(() => page.getByLabel(/Forrige opfølgning/).inputValue()).toBe('Opfølgning 2025 Q2');
    await page.getByRole('button', { name: 'Byg opfølgning' }).click();
    await page.getByText(/“Opfølgning 2025 Q3”/).waitFor();
    expect(await notice.innerText()).toMatch(/Årsag og handling for 1 mål er ført videre fra “Opfølgning 2025 Q2”/);
    expect(await notice.innerText()).toMatch(/4 grønne, 5 gule, 1 rød, 1 følges uden målværdi\./);
    // 3.1's third milestone was due 30 September and marked done 3 October: not counted, rød, and said
    expect(await notice.getByRole('listitem').allInnerTexts()).toEqual([
      'Mål 3.1: milepælen "Udvikling af stopklodser og adviser afsluttet" er markeret nået 03-10-2025, efter perioden der rapporteres for (til 30-09-2025). Den tæller ikke med i denne opfølgning.',
    ]);
    // 2.1 for the year so far: 8,810 / 59,400 = 14.8 %
    await expect.poll(() => result.innerText()).toMatch(/2\.1\s+Pristjek af brugte selvanmeldte importerede køretøjer\s+14,8 %\s+gul/);
    // 2.1a: 12,000 − 8,810 = 3,190 in Q4; last year's Q4 was 3,600 of 11,600 (31 %), so this year's
    // 8,810 after Q1–Q3 (69 % last year) points to about 8,810 × 3,600 / 8,000 = 3,965
    expect(await note('2.1a')).toBe('Det resterende kvartal skal give mindst 3.190. Følger året sidste års mønster, giver det ca. 3.965, så målet ser ud til at blive nået.');
    expect(await note('3.1')).toMatch(/^2 af 4 milepæle nået pr\. 30-09-2025; "Udvikling af stopklodser og adviser afsluttet" ikke nået; fristen var 30-09-2025/);
    expect(await note('2.3')).toBe('95 %-interval 98,6–99,4 % ud fra 1.961 stikprøver');
    expect(await result.innerText()).toMatch(/3\.1\s+Styrket datakvalitet i Motorregistret\s+rød/);
    expect(await result.innerText()).toMatch(/R\.1\s+Ressourceanvendelse på kontrol \(årsværk\)\s+40,2\s+følges/);
    await page.mouse.move(0, 0); // no row under the pointer in the picture
    await page.screenshot({ path: `${SHOTS}pane-320-opfoelgning.png`, fullPage: true });
    // at 320 px the table fits the pane, nothing to scroll sideways, and each name and figure inside its cell
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const cells = await result.locator('td').evaluateAll((tds) => tds.map((td) => ({ text: td.textContent, fits: td.scrollWidth <= td.clientWidth })));
    expect(cells.filter((c) => !c.fits)).toEqual([]);
    // the same in a wider pane (the user guide's picture)
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: `${SHOTS}opfoelgning.png`, fullPage: true });

    const all = await sheets(page);
    const names = all.map((x) => x.name);
    // the template's sheets, then the follow-ups (found by their names: the sheets beside them may change)
    expect(names.slice(0, 5)).toEqual(['Ark1', 'Posteringer', 'Mål', 'Tal', 'Tal sidste år']);
    expect(names.indexOf('Opfølgning 2025 Q2')).toBeLessThan(names.indexOf('Opfølgning 2025 Q3'));
    const q3Sheet = await grid('Opfølgning 2025 Q3');
    const q3Header = q3Sheet.findIndex((r) => r[0] === 'Nr.');
    const q3Cause = q3Sheet[q3Header]!.indexOf('Årsag/konsekvens');
    expect(q3Sheet[q3Header]).toEqual(expect.arrayContaining(['Nr.', 'Mål', 'År til dato', 'Årsag/konsekvens', 'Handling']));
    // marked with the period of the sheet it was typed in
    const q3Row21 = q3Sheet.findIndex((r, i) => i > q3Header && r[0] === '2.1');
    expect(q3Sheet[q3Row21]!.slice(q3Cause, q3Cause + 2)).toEqual(['Fra Q2: Færre medarbejdere i Q2', 'Fra Q2: Ekstra kontrolhold fra august']);
    // the status colours are conditional formats (a status typed by hand gets its colour too)
    expect(all.find((x) => x.name === 'Opfølgning 2025 Q3')!.conditional.map((c) => c.fill)).toEqual(expect.arrayContaining(['#C6EFCE', '#FFEB9C', '#FFC7CE']));
    // a chart per measured goal, e.g. 2.1's quarters against its target
    expect(all.flatMap((x) => x.charts).map((c) => c.title)).toContain('2.1 Pristjek af brugte selvanmeldte importerede køretøjer');
    // last quarter's sheet is exactly as the controller left it; nothing became a formula
    expect(await grid('Opfølgning 2025 Q2')).toEqual(q2Before);
    expect(all.every((x) => x.formulas === 0)).toBe(true);
    await page.close();
  });

  it('every page passes axe-core (WCAG 2.1 A and AA), before and after its work', async () => {
    const page = await openTaskpane();
    const pages: Array<[string, string]> = [
      ['Betalingsaftale', 'Ny betalingsaftale'],
      ['Henstand', 'Henstand på en aftale'],
      ['Status', 'Er aftalen overholdt?'],
      ['Opfølgning', 'Opfølgning på mål'],
      ['Saldoopgørelse', 'Saldoopgørelser'],
      ['Analyse', 'Analyse af saldo'],
      ['Arbejdsliste', 'Arbejdsliste'],
      ['Opkrævningstragt', 'Opkrævningstragt'],
      ['Forældelse', 'Forældelsesradar'],
      ['Kampagne', 'Kampagneopfølgning'],
      ['Regler', 'Regler i brug'],
    ];
    for (const [tab, heading] of pages) {
      await goTo(page, tab);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.waitForTimeout(200); // let the pickers fill
      expect(await axeViolations(page), tab).toEqual([]);
    }
    // with results on screen, every page: a plan's preview, a henstand's comparison, an
    // agreement's status, a follow-up's status list, statements, an analysis, an opened rule
    await goTo(page, 'Betalingsaftale');
    await fillAgreement(page);
    await page.getByTestId('plan-summary').waitFor();
    expect(await axeViolations(page), 'Betalingsaftale with a preview').toEqual([]);
    await page.getByRole('button', { name: 'Indsæt i nyt ark' }).click();
    await page.getByText(/er skrevet i det nye ark/).waitFor();
    expect(await axeViolations(page), 'Betalingsaftale after writing the sheet').toEqual([]);
    await goTo(page, 'Henstand');
    await fillAgreement(page);
    await page.getByLabel('Henstand fra').fill('2026-05-01');
    await page.getByLabel('Antal måneder').fill('3');
    await page.getByTestId('henstand-effect').waitFor();
    expect(await axeViolations(page), 'Henstand with the effect').toEqual([]);
    await goTo(page, 'Status');
    await page.getByRole('button', { name: 'Opdater listen' }).click();
    await expect.poll(() => page.getByLabel('Ark med afdragsplanen').inputValue()).toBe('Afdragsplan');
    await page.evaluate(() => (window as unknown as { __saldo: { select(a: string): void } }).__saldo.select('Ark1!E1:F3'));
    await page.getByRole('button', { name: 'Hent indbetalinger fra markering' }).click();
    await page.getByLabel('Opgjort pr.').fill('2026-03-20');
    await page.getByRole('button', { name: 'Beregn status' }).click();
    await expect.poll(() => page.getByTestId('status-result').innerText()).toMatch(/misligholdt/);
    expect(await axeViolations(page), 'Status with a result').toEqual([]);
    await goTo(page, 'Opfølgning');
    await page.getByLabel('Med opdigtede eksempeltal').check();
    await page.getByRole('button', { name: 'Opret skabelonark' }).click();
    await page.getByText(/er oprettet/).waitFor();
    await page.getByRole('button', { name: 'Byg opfølgning' }).click();
    await page.getByTestId('followup-result').waitFor();
    expect(await axeViolations(page), 'Opfølgning with a result').toEqual([]);
    await goTo(page, 'Saldoopgørelse');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Lav saldoopgørelser' }).click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor();
    expect(await axeViolations(page), 'Saldoopgørelse with a result (and a row error)').toEqual([]);
    await goTo(page, 'Analyse');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('Opgjort pr.').fill('2026-12-31');
    await page.getByRole('button', { name: 'Lav analyse' }).click();
    await page.getByText(/Analysen er skrevet i arket/).waitFor();
    expect(await axeViolations(page), 'Analyse with a result').toEqual([]);
    await goTo(page, 'Opkrævningstragt');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('Fra måned').fill('01-2025');
    await page.getByLabel('Til måned').fill('12-2026');
    await page.getByRole('button', { name: 'Lav opkrævningstragt' }).click();
    await page.getByTestId('funnel-result').waitFor();
    expect(await axeViolations(page), 'Opkrævningstragt with a result (and a row error)').toEqual([]);
    await page.getByLabel('Fra måned').fill('13-2025');
    await page.getByText('Skriv måneden som mm-åååå, f.eks. 01-2022.').waitFor();
    expect(await axeViolations(page), 'Opkrævningstragt with a month that is no month').toEqual([]);
    await goTo(page, 'Forældelse');
    await expect.poll(() => page.getByLabel('Posteringsliste').inputValue()).toBe('sheet:Posteringer');
    await page.getByLabel('Pr. dato').fill('01-09-2028');
    await page.getByRole('button', { name: 'Lav forældelsesradar' }).click();
    await page.getByTestId('limitation-claims').waitFor();
    expect(await axeViolations(page), 'Forældelse with a result (and a row error)').toEqual([]);
    await putSheets(page, {
      Opkald: [
        ['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter'],
        ['05-01-2026', 'Kim', 'D1', 'Aftale', '5'],
        ['06-01-2026', 'Kim', 'D2', 'Måske', '1'],
      ],
    });
    await goTo(page, 'Kampagne');
    await page.getByRole('button', { name: 'Opdater listen' }).first().click();
    await page.getByLabel('Opkaldslog').selectOption({ label: 'Ark: Opkald' });
    await page.getByRole('button', { name: 'Lav kampagneopfølgning' }).click();
    await page.getByTestId('campaign-effect').waitFor();
    expect(await axeViolations(page), 'Kampagne with a result (and a call log row error)').toEqual([]);
    await goTo(page, 'Regler');
    await page.getByRole('button', { name: /Betalingsevne 2024/ }).click();
    await page.getByText('Nettoindkomst 0–133.589 kr.').waitFor();
    expect(await axeViolations(page), 'Regler with a rule opened').toEqual([]);
    await page.close();
  });

  it("works by keyboard alone: Tab to the pages, arrow keys between all eleven, Tab to each page's controls and back, Enter starts a job", async () => {
    const page = await openTaskpane();
    // The tabs, as a wide pane shows them (a narrow one has the "Side" list, a plain select).
    await page.setViewportSize({ width: 800, height: 900 });
    const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
    /** Presses `key` until `target` has focus (at most 80 times); true when it got there. */
    const pressUntil = async (key: string, target: Locator): Promise<boolean> => {
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press(key);
        if (await focused(target)) return true;
      }
      return false;
    };
    // from the top of the page, Tab reaches the tab list
    expect(await pressUntil('Tab', page.getByRole('tab', { name: 'Betalingsaftale' })), 'Tab reaches the pages').toBe(true);
    // per page a control far down it (the main button where it is enabled before anything is typed)
    const targets: Array<[string, Locator]> = [
      ['Henstand', page.getByLabel('Antal måneder')],
      ['Status', page.getByRole('button', { name: 'Beregn status' })],
      ['Opfølgning', page.getByRole('button', { name: 'Byg opfølgning' })],
      ['Saldoopgørelse', page.getByRole('button', { name: 'Lav saldoopgørelser' })],
      ['Analyse', page.getByRole('button', { name: 'Lav analyse' })],
      ['Arbejdsliste', page.getByLabel('Pr. dato')],
      ['Opkrævningstragt', page.getByRole('button', { name: 'Lav opkrævningstragt' })],
      ['Forældelse', page.getByRole('button', { name: 'Lav forældelsesradar' })],
      ['Kampagne', page.getByRole('button', { name: 'Lav kampagneopfølgning' })],
      ['Regler', page.getByRole('button', { name: /Betalingsevne 2024/ })],
    ];
    for (const [tab, target] of targets) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      expect(await page.getByRole('tab', { name: tab }).getAttribute('aria-selected'), tab).toBe('true');
      await target.waitFor();
      await page.waitForTimeout(200); // the pickers fill, enabling the buttons
      expect(await pressUntil('Tab', target), `${tab}: Tab reaches the control`).toBe(true);
      expect(await pressUntil('Shift+Tab', page.getByRole('tab', { name: tab })), `${tab}: Shift+Tab leads back to the pages`).toBe(true);
    }
    // the Regler page's rule opens with Enter
    await pressUntil('Tab', page.getByRole('button', { name: /Betalingsevne 2024/ }));
    await page.keyboard.press('Enter');
    await page.getByText('Nettoindkomst 0–133.589 kr.').waitFor();
    // a whole job by keyboard: back to Analyse, Tab to its button, Enter (the date defaults to today)
    await pressUntil('Shift+Tab', page.getByRole('tab', { name: 'Regler' }));
    // Regler → Kampagne → Forældelse → Opkrævningstragt → Arbejdsliste → Analyse
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Analyse' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForTimeout(200);
    expect(await pressUntil('Tab', page.getByRole('button', { name: 'Lav analyse' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(/Analysen er skrevet i arket/).waitFor();
    await page.close();
  });

  // Task panes open 320–350 px wide, in a WebView that may speak English (issue 19).
  it.each([320, 350])('at %i px in an English WebView: every page fits the pane, and dates read day-month-year', async (width) => {
    const page = await openTaskpane({ width, locale: 'en-US' });
    /** Elements reaching past the pane's right edge (what would need a sideways scroll or be cut off). */
    const overflowing = () =>
      page.evaluate(() => {
        const edge = document.documentElement.clientWidth + 0.5;
        const out: string[] = [];
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > edge && getComputedStyle(el).visibility !== 'hidden')
            out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} "${(el.textContent ?? '').slice(0, 30)}" → ${Math.round(r.right)} px`);
        }
        return { wide: document.documentElement.scrollWidth > document.documentElement.clientWidth, out: out.slice(0, 5) };
      });
    // A plan preview on screen: its columns must not run together (02-02-20261.500,00 kr.0,00 kr.).
    await fillAgreement(page);
    await page.getByLabel('Første forfaldsdato').fill('1.2.2026');
    await page.getByLabel('Første forfaldsdato').blur();
    expect(await page.getByLabel('Første forfaldsdato').inputValue()).toBe('01-02-2026');
    await page.getByTestId('plan-summary').waitFor();
    expect(await overflowing(), 'Betalingsaftale with its preview').toEqual({ wide: false, out: [] });
    // Each figure inside its own cell (a cell narrower than its text lets it run into the next).
    const cells = await page
      .getByRole('table')
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => ({ text: td.textContent, fits: td.scrollWidth <= td.clientWidth })));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !c.fits)).toEqual([]);
    // No interest in this agreement: no column of zeros (4 columns: Nr., Forfald, Ydelse, Restgæld).
    expect(await page.getByRole('table').locator('th').count()).toBe(4);
    if (width === 320) await page.screenshot({ path: `${SHOTS}pane-320-betalingsaftale.png`, fullPage: true });
    const pages: Array<[string, string, string]> = [
      ['Henstand', 'Henstand på en aftale', 'henstand'],
      ['Status', 'Er aftalen overholdt?', 'status'],
      ['Opfølgning', 'Opfølgning på mål', 'opfoelgning-tom'],
      ['Saldoopgørelse', 'Saldoopgørelser', 'saldoopgoerelse'],
      ['Analyse', 'Analyse af saldo', 'analyse'],
      ['Arbejdsliste', 'Arbejdsliste', 'arbejdsliste'],
      ['Opkrævningstragt', 'Opkrævningstragt', 'tragt-tom'],
      ['Forældelse', 'Forældelsesradar', 'foraeldelse-tom'],
      ['Kampagne', 'Kampagneopfølgning', 'kampagne-tom'],
      ['Regler', 'Regler i brug', 'regler'],
    ];
    for (const [name, heading, id] of pages) {
      await goTo(page, name);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.waitForTimeout(200); // let the pickers fill
      expect(await overflowing(), name).toEqual({ wide: false, out: [] });
      if (width === 320) await page.screenshot({ path: `${SHOTS}pane-320-${id}.png`, fullPage: true });
    }
    // The page list itself is one control, not rows of tabs.
    expect(await page.getByRole('tab').count()).toBe(0);
    await page.close();
  });

  it("follows Office's dark theme: a dark pane, and every page still passes axe's contrast checks", async () => {
    const page = await openTaskpane({ width: 320, query: '?officeTheme=dark' });
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('main')!.parentElement!).backgroundColor);
    // rgb(r, g, b) with every channel dark
    expect(
      background
        .match(/\d+/g)!
        .slice(0, 3)
        .map(Number)
        .every((c) => c < 80),
      background,
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}pane-320-dark.png`, fullPage: true });
    for (const name of ['Betalingsaftale', 'Saldoopgørelse', 'Regler']) {
      await goTo(page, name);
      await page.waitForTimeout(200);
      expect(await axeViolations(page), name).toEqual([]);
    }
    await page.close();
  });

  it('sent no request outside localhost (office.js aside)', () => {
    expect(outside).toEqual([]);
  });
});
