import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import config, { UserGuidePlugin } from '../../webpack.config.js';

interface CopyPattern {
  from: string;
  to?: string;
  transform?: (content: Buffer) => string;
}

interface HtmlOptions {
  filename: string;
  template: string;
  chunks: string[];
  chunksSortMode: string;
  scriptLoading: string;
  inject?: boolean | string;
}

interface Plugin {
  patterns?: CopyPattern[];
  userOptions?: HtmlOptions;
  options?: { output?: string };
}

async function production(): Promise<{ entry: Record<string, string>; plugins: Plugin[]; optimization?: object }> {
  return (config as (env: object, options: object) => Promise<{ entry: Record<string, string>; plugins: Plugin[]; optimization?: object }>)({}, { mode: 'production' });
}

/**
 * The files a production build writes to dist/, read from the configuration: the entries, the
 * page, the custom functions' metadata (English and Danish), the copied files, the user guide.
 */
async function emitted(): Promise<Set<string>> {
  const c = await production();
  const out = new Set(Object.keys(c.entry).map((name) => `${name}.js`));
  for (const p of c.plugins) {
    if (p.userOptions?.filename) out.add(p.userOptions.filename);
    if (p.constructor.name === 'CustomFunctionsMetadataPlugin') out.add(p.options!.output!);
    if (p.constructor.name === 'DanishFunctionsMetadataPlugin') out.add('functions-da.json');
    if (p instanceof UserGuidePlugin) for (const file of UserGuidePlugin.files().keys()) out.add(file);
    for (const pattern of p.patterns ?? []) {
      const froms = pattern.from.includes('*')
        ? readdirSync(new URL(`../../${dirname(pattern.from)}/`, import.meta.url))
            .filter((f) => new RegExp(`^${basename(pattern.from).replace('.', '\\.').replace('*', '.*')}$`).test(f))
            .map((f) => `${dirname(pattern.from)}/${f}`)
        : [pattern.from];
      for (const from of froms) out.add((pattern.to ?? from).replace('[name]', basename(from, extname(from))).replace('[ext]', extname(from)));
    }
  }
  return out;
}

async function manifestTransform(): Promise<(content: Buffer) => string> {
  const pattern = (await production()).plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml');
  return pattern!.transform!;
}

afterEach(() => delete process.env.SALDO_BASE_URL);

describe('the production manifest', () => {
  it('gets its base URL from SALDO_BASE_URL: no localhost is left', async () => {
    process.env.SALDO_BASE_URL = 'https://saldo.kommune.example/addin/';
    const out = (await manifestTransform())(readFileSync(new URL('../../manifest.xml', import.meta.url)));
    expect(out).not.toMatch(/localhost/);
    expect(out).toMatch(/https:\/\/saldo\.kommune\.example\/addin\/taskpane\.html/);
    expect(out).toMatch(/https:\/\/saldo\.kommune\.example\/addin\/functions-da\.json/);
  });
  it('refuses a base URL that is not https or lacks the final slash', async () => {
    process.env.SALDO_BASE_URL = 'http://saldo.kommune.example/addin';
    await expect(manifestTransform()).rejects.toThrow(/SALDO_BASE_URL skal være en https-adresse/);
  });
});

describe('the shared runtime page (taskpane.html)', () => {
  const html = readFileSync(new URL('../../addin/taskpane/taskpane.html', import.meta.url), 'utf8');

  it("loads webpack's shared runtime, then the ribbon commands, the custom functions and the task pane, all deferred and in that order", async () => {
    const pages = (await production()).plugins.map((p) => p.userOptions).filter((o): o is HtmlOptions => o?.filename === 'taskpane.html');
    expect(pages).toHaveLength(1);
    // 'manual' keeps the order of `chunks`; deferred scripts run in document order once the page is parsed.
    // One runtime for the three, so a module they share (core, mathjs) is loaded and run once.
    expect(pages[0]).toMatchObject({ chunks: ['runtime', 'commands', 'functions', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'defer' });
    expect((await production()).optimization).toMatchObject({ runtimeChunk: 'single' });
    expect(pages[0]!.inject ?? true).toBe(true);
  });

  it('loads office.js before them as a plain script in the head, so Office.actions exists when the commands run', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">']);
    expect(head).toContain(scripts[0]);
  });
});

describe('every address in the manifest', () => {
  it('is a file the build writes: the page, the scripts, the metadata, each icon and the help page', async () => {
    const manifest = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
    const files = [...manifest.matchAll(/"https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toContain('help/index.html');
    const out = await emitted();
    expect(files.filter((f) => !out.has(f))).toEqual([]);
  });

  it('the help page is the user guide, with the screenshots it shows', () => {
    const files = UserGuidePlugin.files();
    const page = files.get('help/index.html')!.toString('utf8');
    expect(page).toMatch(/<h1 id="saldo--brugervejledning">Saldo – brugervejledning<\/h1>/);
    for (const [, src] of page.matchAll(/<img src="([^"]+)"/g)) expect(files.has(`help/${src}`), src).toBe(true);
  });
});
