/**
 * The user guide (docs/brugervejledning.md) as a page the add-in serves, help/index.html: the
 * manifest's SupportUrl and the GetStarted LearnMoreUrl point at it, so Office's "help" links
 * open the guide for the deployed version. Build time only (webpack.config.js).
 *
 * A small Markdown reader for what the guide uses: headings (with GitHub's anchors, which the
 * guide links to), paragraphs, nested lists, tables, **bold**, `code`, links and images. Text is
 * escaped; links to other repository files keep only their text (they are not served).
 */

/** @param {string} s */
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. @param {string} text */
export const anchor = (text) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** @param {string} text */
function inline(text) {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escape(part.slice(1, -1))}</code>`;
      return escape(part)
        .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt, src) => `<img src="${src}" alt="${alt}">`)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, href) => (href.startsWith('#') || /^https:\/\//.test(href) ? `<a href="${href}">${label}</a>` : label))
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    })
    .join('');
}

const LIST_ITEM = /^( *)(-|\d+\.) (.*)$/;

/**
 * @param {string[]} lines
 * @param {number} start
 * @returns {{ html: string, next: number }}
 */
function list(lines, start) {
  const indent = LIST_ITEM.exec(lines[start])[1].length;
  const ordered = /\d/.test(LIST_ITEM.exec(lines[start])[2]);
  const items = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i]);
    if (!m || m[1].length !== indent) break;
    let text = m[3];
    let nested = '';
    i += 1;
    while (i < lines.length && lines[i].trim() !== '') {
      const sub = LIST_ITEM.exec(lines[i]);
      if (sub && sub[1].length > indent) {
        const inner = list(lines, i);
        nested += inner.html;
        i = inner.next;
      } else if (!sub && /^ +/.test(lines[i])) {
        text += ` ${lines[i].trim()}`;
        i += 1;
      } else break;
    }
    items.push(`<li>${inline(text)}${nested}</li>`);
    // A blank line between items of the same list keeps the list going.
    if (i < lines.length && lines[i].trim() === '' && LIST_ITEM.exec(lines[i + 1] ?? '')?.[1].length === indent) i += 1;
  }
  const tag = ordered ? 'ol' : 'ul';
  return { html: `<${tag}>${items.join('')}</${tag}>`, next: i };
}

/** @param {string} row */
const cells = (row) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** The guide's Markdown as HTML (the body's content). @param {string} markdown */
export function markdownToHtml(markdown) {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let html = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (line.trim() === '') i += 1;
    else if (heading) {
      const level = heading[1].length;
      html += `<h${level} id="${anchor(heading[2])}">${inline(heading[2])}</h${level}>\n`;
      i += 1;
    } else if (line.startsWith('```')) {
      const end = lines.indexOf('```', i + 1);
      html += `<pre><code>${escape(lines.slice(i + 1, end).join('\n'))}</code></pre>\n`;
      i = end + 1;
    } else if (line.startsWith('|')) {
      const rows = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++]);
      const [head, , ...body] = rows;
      html += `<table><thead><tr>${cells(head)
        .map((c) => `<th>${inline(c)}</th>`)
        .join('')}</tr></thead><tbody>${body
        .map(
          (r) =>
            `<tr>${cells(r)
              .map((c) => `<td>${inline(c)}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>\n`;
    } else if (LIST_ITEM.test(line)) {
      const { html: block, next } = list(lines, i);
      html += `${block}\n`;
      i = next;
    } else {
      const paragraph = [];
      while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6} |\||```)/.test(lines[i]) && !LIST_ITEM.test(lines[i])) paragraph.push(lines[i++].trim());
      html += `<p>${inline(paragraph.join(' '))}</p>\n`;
    }
  }
  return html;
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
