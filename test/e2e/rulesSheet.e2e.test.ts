/**
 * Browser end-to-end, the `Saldo-regler` sheet (issue 17): the production build in headless
 * Chromium with the fake workbook (officeStub.ts). Regler writes the sheet; the public rykker
 * takst is typed into it as a controller would, with its source and date; after "Genindlæs" the
 * Status page's next step carries the kommune's fee. A takst over the legal maximum is shown by
 * its sheet row and the rule stays. Screenshots of the Regler page at a task pane's width.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist/`;
const SHOTS = `${ROOT}out/screenshots/`;
const CHROMIUM = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let stub: string;

beforeAll(async () => {
  if (!existsSync(`${DIST}taskpane.html`)) throw new Error('dist/ mangler: kør "npm run build" før browsertestene (npm run test:e2e gør det).');
  mkdirSync(SHOTS, { recursive: true });
  const bundle = await build({ entryPoints: [`${ROOT}test/e2e/officeStub.ts`], bundle: true, write: false, format: 'iife', target: 'es2022' });
  stub = bundle.outputFiles[0]!.text;
  server = await serve(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTaskpane(errors: string[]): Promise<Page> {
  // A task pane is 320–350 px wide in Excel.
  const page = await browser.newPage({ viewport: { width: 340, height: 900 }, locale: 'da-DK' });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && !r.url().startsWith('https://appsforoffice.microsoft.com/')) errors.push(`request outside: ${r.url()}`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole('heading', { name: 'Ny betalingsaftale' }).waitFor();
  return page;
}

type Saldo = { workbook: { put(sheet: string, at: string, values: unknown[][]): void; sheet(name: string): { grid(): unknown[][] } | undefined } };

/** Types into the public rykker row of Saldo-regler, as a controller would: takst, Kontrolleret, Kilde. */
async function typeTakst(page: Page, takst: unknown, checked: string, source: string): Promise<number> {
  return page.evaluate(
    ([takst, checked, source]) => {
      const wb = (window as unknown as { __saldo: Saldo }).__saldo.workbook;
      const row =
        wb
          .sheet('Saldo-regler')!
          .grid()
          .findIndex((r) => r[0] === 'rykker-udpantningsret') + 1;
      wb.put('Saldo-regler', `C${row}`, [[takst]]);
      wb.put('Saldo-regler', `G${row}`, [[checked, source]]);
      return row;
    },
    [takst, checked, source] as const,
  );
}

describe('the Saldo-regler sheet in the task pane', () => {
  it('write the sheet, edit the takst in it, reload: the Status page shows "gebyr 200,00 kr."', async () => {
    const errors: string[] = [];
    const page = await openTaskpane(errors);

    await page.getByLabel('Side', { exact: true }).selectOption({ label: 'Regler' });
    await page.getByRole('heading', { name: 'Regler i brug' }).waitFor();
    const state = page.getByTestId('rules-sheet-state');
    await expect.poll(() => state.innerText()).toMatch(/Standardreglerne gælder: projektmappen har intet ark Saldo-regler/);

    await page.getByRole('button', { name: 'Skriv reglerne til arket Saldo-regler' }).click();
    await page.getByText('Reglerne er skrevet til arket "Saldo-regler".').waitFor();
    await expect.poll(() => state.innerText()).toMatch(/Arket Saldo-regler er læst: det ændrer ingen regler/);

    // Writing again asks before replacing the sheet; "Annuller" leaves it as it is.
    await typeTakst(page, 200, '01-12-2026', 'Kommunens takstblad 2026 (byrådet 12.11.2026)');
    await page.getByRole('button', { name: 'Skriv reglerne til arket Saldo-regler' }).click();
    await page.getByRole('dialog', { name: 'Erstat arket Saldo-regler?' }).waitFor();
    await page.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Genindlæs reglerne fra arket' }).click();
    await expect.poll(() => state.innerText()).toMatch(/1 regel kommer fra arket/);
    expect(await page.getByTestId('rules-sheet-changed').innerText()).toMatch(/Gebyrer: Rykkergebyr, krav med udpantningsret \(række \d+\)/);
    // the rule list shows the kommune's takst with its source
    expect(await page.getByText(/kommunens takst 200,00 kr\.; loven: højst 250,00 kr\. pr\. rykker/).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}regler-ark.png`, fullPage: true });

    // A schedule to check against, and the payments (as the Status page's own test does).
    await page.getByLabel('Side', { exact: true }).selectOption({ label: 'Betalingsaftale' });
    await page.getByLabel('Hovedstol (kr.)').fill('4.200');
    await page.getByLabel('Gebyrer (kr.)').fill('250');
    await page.getByLabel('Forfaldsdato', { exact: true }).fill('2025-10-01');
    await page.getByLabel('Ydelse (kr.)').fill('500');
    await page.getByLabel('Første forfaldsdato').fill('2026-02-01');
    await page.getByLabel('Aftaledato (valgfri)').fill('2026-01-10');
    await page.getByRole('button', { name: 'Indsæt i nyt ark' }).click();
    await page.getByText(/er skrevet i det nye ark/).waitFor();

    await page.getByLabel('Side', { exact: true }).selectOption({ label: 'Status' });
    await page.getByRole('heading', { name: 'Er aftalen overholdt?' }).waitFor();
    await page.getByRole('button', { name: 'Opdater listen' }).click();
    await expect.poll(() => page.getByLabel('Ark med afdragsplanen').inputValue()).toBe('Afdragsplan');
    await page.evaluate(() => (window as unknown as { __saldo: { select(a: string): void } }).__saldo.select('Ark1!E1:F3'));
    await page.getByRole('button', { name: 'Hent indbetalinger fra markering' }).click();
    await page.getByText('2 indbetalinger læst fra Ark1!E1:F3.').first().waitFor();
    await page.getByLabel('Opgjort pr.').fill('2026-03-20');
    await page.getByLabel('Fordringstype (for rykkergebyr og medhæftere)').selectOption({ label: 'Daginstitution (forældrebetaling)' });
    await page.getByRole('button', { name: 'Beregn status' }).click();
    const result = page.getByTestId('status-result');
    await expect.poll(() => result.innerText()).toMatch(/misligholdt/);
    // The breached agreement's one automatic rykker carries the kommune's takst from the sheet.
    expect(await result.innerText()).toMatch(/20-03-2026: Send rykker med varsel om oversendelse \(automatisk ved misligholdelse\) \(gebyr 200,00 kr\.\)/);
    expect(await result.innerText()).not.toMatch(/højst 250,00 kr\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a takst over the legal maximum is shown by its sheet row in Danish, and the maximum stays', async () => {
    const errors: string[] = [];
    const page = await openTaskpane(errors);
    await page.getByLabel('Side', { exact: true }).selectOption({ label: 'Regler' });
    const state = page.getByTestId('rules-sheet-state');
    await expect.poll(() => state.innerText()).toMatch(/Arket Saldo-regler er læst|Standardreglerne gælder/);
    // The fake workbook lives as long as the page: a new page starts without the sheet.
    await page.getByRole('button', { name: 'Skriv reglerne til arket Saldo-regler' }).click();
    await page.getByText('Reglerne er skrevet til arket "Saldo-regler".').waitFor();
    const row = await typeTakst(page, '300,00', '01-12-2026', 'Kommunens takstblad 2026');
    await page.getByRole('button', { name: 'Genindlæs reglerne fra arket' }).click();
    const problems = page.getByTestId('rules-sheet-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(new RegExp(`Saldo-regler, række ${row}, kolonnen "Kommunens takst \\(kr\\.\\)": taksten 300,00 kr\\. er over lovens maksimum 250,00 kr\\.`));
    expect(await page.getByText(/kommunens takst/).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}regler-ark-fejl.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
