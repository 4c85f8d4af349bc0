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

  it('stays within the budgets: task pane ≤ 400 KB gzipped, custom functions ≤ 250 KB gzipped, the letters ≤ 400 KB more', () => {
    // The task pane is every script but the functions: its entry, the commands and the chunks it loads later —
    // except the letters' PDF and Word code (issue 18), loaded only when a letter is made, with a budget of its own.
    const chunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && !['taskpane.js', 'commands.js', 'functions.js'].includes(f));
    const letters = chunks.filter((f) => f.startsWith('chunk-letters-'));
    expect(letters).toHaveLength(1);
    const initial = gz('taskpane.js') + gz('commands.js');
    const taskpane = initial + chunks.filter((f) => !letters.includes(f)).reduce((sum, f) => sum + gz(f), 0);
    const lettersSize = gz(letters[0]!);
    const functions = gz('functions.js');
    console.log(
      `bundle sizes (gzipped): task pane ${(taskpane / 1024).toFixed(1)} KB (${(initial / 1024).toFixed(1)} KB at start, ${chunks.length - 1} chunks loaded later), letters ${(lettersSize / 1024).toFixed(1)} KB when first made, functions ${(functions / 1024).toFixed(1)} KB`,
    );
    expect(taskpane).toBeLessThanOrEqual(400 * 1024);
    expect(lettersSize).toBeLessThanOrEqual(400 * 1024);
    expect(functions).toBeLessThanOrEqual(250 * 1024);
  });
});
