/** The help page Office's help links open: docs/brugervejledning.md read by addin/help/userGuide.js. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchor, helpPage, markdownToHtml } from '../../addin/help/userGuide.js';

const guide = readFileSync(new URL('../../docs/brugervejledning.md', import.meta.url), 'utf8');
/** The HTML without the line breaks between and inside elements that a browser does not show. */
const html = (markdown: string) => markdownToHtml(markdown).replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();

describe('the user guide as a help page', () => {
  it('every link inside the guide leads to one of its headings (GitHub’s anchors)', () => {
    const html = markdownToHtml(guide);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
    expect(anchor('Status på en aftale (rykker)')).toBe('status-på-en-aftale-rykker');
  });

  it('prints text as text: markup in the guide is escaped, code stays code', () => {
    expect(html('Står der `=Sag <1>` & **fed**')).toBe('<p>Står der <code>=Sag &lt;1&gt;</code> &amp; <strong>fed</strong></p>');
    expect(html('<script>alert(1)</script>')).not.toContain('<script');
  });

  it('keeps nested lists, tables and images', () => {
    expect(html('1. Et\n   - a\n     fortsat\n2. To\n')).toBe('<ol><li>Et<ul><li>a fortsat</li></ul></li><li>To</li></ol>');
    expect(html('| A | B |\n|---|---|\n| `x` | y |\n')).toBe('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td><code>x</code></td><td>y</td></tr></tbody></table>');
    expect(html('![Et ark](screenshots/a.png)')).toBe('<p><img src="screenshots/a.png" alt="Et ark"></p>');
  });

  it('links to other repository files keep their text only (they are not served)', () => {
    expect(html('Se [reglerne](rules.md).')).toBe('<p>Se reglerne.</p>');
  });

  it('is a Danish page that loads nothing from outside', () => {
    const page = helpPage(guide, '1.0.0');
    expect(page).toMatch(/<html lang="da">/);
    expect(page).toMatch(/default-src 'none'; img-src 'self'/);
    expect(page).not.toMatch(/<script/);
  });
});
