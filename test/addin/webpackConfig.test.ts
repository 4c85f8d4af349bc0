import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../../webpack.config.js';

interface CopyPattern {
  from: string;
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
}

async function production(): Promise<{ plugins: Plugin[] }> {
  return (config as (env: object, options: object) => Promise<{ plugins: Plugin[] }>)({}, { mode: 'production' });
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

  it('loads the ribbon commands first, then the custom functions, then the task pane, all deferred and in that order', async () => {
    const pages = (await production()).plugins.map((p) => p.userOptions).filter((o): o is HtmlOptions => o?.filename === 'taskpane.html');
    expect(pages).toHaveLength(1);
    // 'manual' keeps the order of `chunks`; deferred scripts run in document order once the page is parsed.
    expect(pages[0]).toMatchObject({ chunks: ['commands', 'functions', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'defer' });
    expect(pages[0]!.inject ?? true).toBe(true);
  });

  it('loads office.js before them as a plain script in the head, so Office.actions exists when the commands run', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual(['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js">']);
    expect(head).toContain(scripts[0]);
  });
});
