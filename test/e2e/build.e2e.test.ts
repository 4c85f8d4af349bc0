/** What `npm run build` leaves in dist/, and the size budgets (issue 3): checked on the real build. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const gz = (file: string) => gzipSync(readFileSync(`${DIST}${file}`)).length;

/** The scripts taskpane.html loads from the add-in's host, in order (office.js from Microsoft's CDN aside). */
function startScripts(): string[] {
  const html = readFileSync(`${DIST}taskpane.html`, 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
}

/** The built scripts whose code holds `marker`. */
const scriptsHolding = (marker: string): string[] => readdirSync(DIST).filter((f) => f.endsWith('.js') && readFileSync(`${DIST}${f}`, 'utf8').includes(marker));

describe('the production build', () => {
  it('has the manifest, the page, the scripts and both metadata files', () => {
    for (const f of [
      'manifest.xml',
      'taskpane.html',
      'runtime.js',
      'taskpane.js',
      'functions.js',
      'commands.js',
      'functions.json',
      'functions-da.json',
      'assets/icon-32.png',
      'letters/saldoopgoerelse.docx',
      'fonts/IBMPlexSans-Regular.ttf',
      'fonts/LICENSE_FONT.txt',
    ]) {
      expect(existsSync(`${DIST}${f}`), f).toBe(true);
    }
    const en = JSON.parse(readFileSync(`${DIST}functions.json`, 'utf8')) as { functions: Array<{ id: string; name: string }> };
    const da = JSON.parse(readFileSync(`${DIST}functions-da.json`, 'utf8')) as { functions: Array<{ id: string; name: string }> };
    expect(da.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(en.functions.find((f) => f.id === 'SCHEDULE')?.name).toBe('SCHEDULE');
    expect(da.functions.find((f) => f.id === 'SCHEDULE')?.name).toBe('AFDRAGSPLAN');
  });

  it('the page loads office.js as its only outside script, under a strict Content-Security-Policy', () => {
    const html = readFileSync(`${DIST}taskpane.html`, 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
    expect(scripts).toContain('taskpane.js');
    expect(scripts.filter((s) => /^https?:/.test(s))).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(html).toMatch(/connect-src 'self'/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline scripts
  });

  it('stays within the budgets: ≤ 320 KB gzipped at start (every script the page loads), ≤ 400 KB for any one page with everything it can load, the letters ≤ 400 KB more', () => {
    // At start: every script taskpane.html loads from the add-in's host (Excel loads the page as the one
    // runtime of the pane, the functions and the ribbon), shared code counted once.
    const atStart = startScripts();
    // In this order: the runtime, the ribbon commands (first, for the first click), the shared code, the functions, the pane.
    expect(atStart.filter((f) => !f.startsWith('chunk-'))).toEqual(['runtime.js', 'commands.js', 'functions.js', 'taskpane.js']);
    const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    const letters = scripts.filter((f) => f.startsWith('chunk-letters-'));
    expect(letters).toHaveLength(1);
    // A page: the start, the page's own chunks and every chunk group it can load on first use (from
    // webpack's chunk graph, dist/chunk-graph.json), and the ledger worker with every command it can
    // load (the ledger jobs' only: core/commands/ledgerJobs.ts) — more than most pages ever load, so
    // the bound is on the safe side.
    // Pages are split so that a user never loads them all; the sum of all is printed, not bounded.
    const graph = JSON.parse(readFileSync(`${DIST}chunk-graph.json`, 'utf8')) as Array<{ requests: string[]; name: string | null; files: string[]; children: number[] }>;
    const closure = (i: number, seen = new Set<number>()): Set<number> => {
      if (!seen.has(i)) {
        seen.add(i);
        for (const c of graph[i]!.children) closure(c, seen);
      }
      return seen;
    };
    const filesOf = (groups: Iterable<number>) => [...groups].flatMap((g) => graph[g]!.files);
    const worker = graph.findIndex((g) => g.name === 'ledger-worker');
    expect(worker).toBeGreaterThanOrEqual(0);
    const pages = graph.flatMap((g, i) => g.requests.filter((r) => /\/pages\/\w+\.js$/.test(r)).map((r) => ({ page: r.replace(/.*\/pages\/(\w+)\.js$/, '$1'), group: i })));
    // every page but the first (in taskpane.js) is loaded on first use
    expect(new Set(pages.map((p) => p.page))).toEqual(
      new Set(['HenstandPage', 'StatusPage', 'OpfoelgningPage', 'SaldoopgoerelsePage', 'AnalysePage', 'ArbejdslistePage', 'TragtPage', 'ForaeldelsePage', 'KampagnePage', 'ReglerPage']),
    );
    const size = (files: Iterable<string>) => [...new Set(files)].filter((f) => !letters.includes(f)).reduce((sum, f) => sum + gz(f), 0);
    const startSize = size(atStart);
    const perPage = pages.map(({ page, group }) => ({ page, size: size([...atStart, ...filesOf(closure(group)), ...filesOf(closure(worker))]) }));
    const largest = perPage.reduce((a, b) => (b.size > a.size ? b : a));
    const allPages = size(scripts);
    const lettersSize = gz(letters[0]!);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `bundle sizes (gzipped): ${kb(startSize)} at start (${atStart.join(', ')}); per page with all it can load, largest ${largest.page} ${kb(largest.size)} (${perPage.map((p) => `${p.page.replace('Page', '')} ${kb(p.size)}`).join(', ')}); every page together ${kb(allPages)}; letters ${kb(lettersSize)} more when first made`,
    );
    expect(startSize).toBeLessThanOrEqual(320 * 1024);
    for (const p of perPage) expect(p.size, p.page).toBeLessThanOrEqual(400 * 1024);
    expect(lettersSize).toBeLessThanOrEqual(400 * 1024);
  });

  it('loads mathjs once, and only when a measure is evaluated (Opfølgning, SALDO.MÅLING): in one chunk, not at start', () => {
    // mathjs's own parse error text marks its code (core/followup/measure.ts only passes the place on).
    const holding = scriptsHolding('Unexpected end of expression');
    expect(holding).toHaveLength(1);
    expect(holding[0]).toMatch(/^chunk-/);
    expect(startScripts()).not.toContain(holding[0]);
  });

  it('loads the portfolio’s code (work list, agreement register, forældelse radar, funnel) only on first use: once each, never at start', () => {
    // A Danish message from each module marks its code: core/portfolio/worklist.ts, agreementRegister.ts,
    // limitationRadar.ts and funnel.ts, and core/commands/portfolio.ts's check of the funnel's period.
    const markers = [
      'intet stod åbent på fordringerne dagen før aftaledatoen',
      'Aftaleregistret er tomt',
      'angiv antal dage som et positivt helt tal',
      'opkrævningstragten fordeler fordringerne efter deres forfaldsmåned',
      'tragten viser højst',
    ];
    const atStart = startScripts();
    for (const marker of markers) {
      const holding = scriptsHolding(marker);
      expect(holding, marker).toHaveLength(1);
      expect(holding[0], marker).toMatch(/^chunk-/);
      expect(atStart, marker).not.toContain(holding[0]);
    }
  });

  it('starts with the Betalingsaftale page alone: every other page is a chunk of its own, loaded when first opened', () => {
    // Each page's section is labelled by its heading's id (aria-labelledby), which marks its code.
    const atStart = startScripts();
    expect(scriptsHolding('"plan-heading"').every((f) => atStart.includes(f))).toBe(true);
    const later = ['henstand', 'status', 'followup', 'statements', 'analyse', 'worklist', 'funnel', 'limitation', 'campaign', 'regler-ark'].map((page) => {
      const holding = scriptsHolding(`"${page}-heading"`);
      expect(holding, page).toHaveLength(1);
      expect(atStart, page).not.toContain(holding[0]);
      return holding[0];
    });
    expect(new Set(later).size).toBe(later.length);
  });
});
