/**
 * The user guide (docs/brugervejledning.md) as a page the add-in serves, help/index.html: the
 * manifest's SupportUrl and the GetStarted LearnMoreUrl point at it, so Office's "help" links
 * open the guide for the deployed version. Build time only (webpack.config.js).
 *
 * The Markdown is read by marked (a well-kept GitHub-flavoured Markdown library, build time only).
 */
import { Marked } from 'marked';

/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. @param {string} text */
export const anchor = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/**
 * The guide's Markdown as HTML (the body's content), by marked (GitHub-flavoured Markdown).
 * Three things differ from marked's defaults: headings get GitHub's anchors (the guide links to
 * them), raw HTML in the guide is shown as text, and a link to another repository file keeps only
 * its text (those files are not served).
 */
const guideMarked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth, text }) {
      return `<h${depth} id="${anchor(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    html({ text }) {
      return escape(text);
    },
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      return href.startsWith('#') || /^https:\/\//.test(href) ? `<a href="${escape(href)}">${label}</a>` : label;
    },
  },
});

/** The guide's Markdown as HTML (the body's content). @param {string} markdown */
export function markdownToHtml(markdown) {
  return /** @type {string} */ (guideMarked.parse(markdown, { async: false }));
}

/** The images the guide shows (paths relative to docs/). @param {string} markdown */
export const guideImages = (markdown) => [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

/** The help page: the guide, readable in a narrow window, with nothing loaded from outside. @param {string} markdown @param {string} version */
export function helpPage(markdown, version) {
  return `<!doctype html>
<html lang="da">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
    <title>Saldo – brugervejledning</title>
    <style>
      body { font-family: 'Segoe UI', system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 50rem; padding: 1rem; color: #242424; }
      img { max-width: 100%; height: auto; border: 1px solid #d1d1d1; }
      table { border-collapse: collapse; display: block; overflow-x: auto; }
      th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
      code { background: #f5f5f5; padding: 0 0.2rem; }
      @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #f0f0f0; } code { background: #333; } }
    </style>
  </head>
  <body>
    <main>
${markdownToHtml(markdown)}    </main>
    <footer><p>Saldo ${escape(version)}</p></footer>
  </body>
</html>
`;
}
