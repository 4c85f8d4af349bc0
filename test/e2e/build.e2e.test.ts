/** What `npm run build` leaves in dist/, and the size budgets (issue 3): checked on the real build. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const gz = (file: string) => gzipSync(readFileSync(`${DIST}${file}`)).length;

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

  it('stays within the budgets: ≤ 320 KB gzipped at start (every script the page loads), ≤ 400 KB with every page, the letters ≤ 400 KB more', () => {
    // At start: every script taskpane.html loads from the add-in's host (Excel loads the page as the one
    // runtime of the pane, the functions and the ribbon), shared code counted once.
    const html = readFileSync(`${DIST}taskpane.html`, 'utf8');
    const atStart = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
    // In this order: the runtime, the ribbon commands (first, for the first click), the shared code, the functions, the pane.
    expect(atStart.filter((f) => !f.startsWith('chunk-'))).toEqual(['runtime.js', 'commands.js', 'functions.js', 'taskpane.js']);
    const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    const letters = scripts.filter((f) => f.startsWith('chunk-letters-'));
    expect(letters).toHaveLength(1);
    const later = scripts.filter((f) => !atStart.includes(f) && !letters.includes(f));
    const startSize = atStart.reduce((sum, f) => sum + gz(f), 0);
    const allPages = startSize + later.reduce((sum, f) => sum + gz(f), 0);
    const lettersSize = gz(letters[0]!);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `bundle sizes (gzipped): ${kb(startSize)} at start (${atStart.join(', ')}), ${kb(allPages)} with every page (${later.length} chunks loaded on first use), letters ${kb(lettersSize)} more when first made`,
    );
    expect(startSize).toBeLessThanOrEqual(320 * 1024);
    expect(allPages).toBeLessThanOrEqual(400 * 1024);
    expect(lettersSize).toBeLessThanOrEqual(400 * 1024);
  });

  it('loads mathjs once, and only when a measure is evaluated (Opfølgning, SALDO.MÅLING): in one chunk, not at start', () => {
    // mathjs's own parse error text marks its code (core/followup/measure.ts only passes the place on).
    const MATHJS = 'Unexpected end of expression';
    const html = readFileSync(`${DIST}taskpane.html`, 'utf8');
    const atStart = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
    const holding = readdirSync(DIST).filter((f) => f.endsWith('.js') && readFileSync(`${DIST}${f}`, 'utf8').includes(MATHJS));
    expect(holding).toHaveLength(1);
    expect(holding[0]).toMatch(/^chunk-/);
    expect(atStart).not.toContain(holding[0]);
  });
});
