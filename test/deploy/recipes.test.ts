/**
 * The web server recipes in deploy/ (docs/deployment.md, section 4), each read as its server
 * would and applied to a dist-like folder served on 127.0.0.1; the files are then fetched as
 * Excel on the web fetches them, from Office's own origin. What each must send:
 * - Access-Control-Allow-Origin on functions.json, functions-da.json and functions.js (without it
 *   every SALDO function is #NAME? in Excel on the web);
 * - the content types of the guide's table, and its cache headers;
 * - X-Content-Type-Options: nosniff, and no X-Frame-Options (Excel on the web frames the pane).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');
const guide = read('docs/deployment.md');

/** The origin Excel on the web loads add-ins from. */
const OFFICE_ORIGIN = 'https://excel.officeapps.live.com';

/** What `npm run build` writes to dist/ (the chunks named as webpack.config.js's chunkFilename names them). */
const DIST_FILES = [
  'taskpane.html',
  'runtime.js',
  'taskpane.js',
  'taskpane.js.LICENSE.txt',
  'functions.js',
  'commands.js',
  'functions.json',
  'functions-da.json',
  'manifest.xml',
  'chunk-letters-0a1b2c3d.js',
  'chunk-412-9f8e7d6c.js',
  'assets/icon-32.png',
  'fonts/IBMPlexSans-Regular.ttf',
  'fonts/LICENSE_FONT.txt',
  'letters/saldoopgoerelse.docx',
  '38b05b78f50224cfe229.icc',
  'help/index.html',
  'help/screenshots/status.png',
  'assets/ribbon/status-32.png',
];
const CROSS_ORIGIN = ['functions.json', 'functions-da.json', 'functions.js'];
const FIXED_NAMES = ['taskpane.html', 'runtime.js', 'taskpane.js', 'functions.js', 'commands.js', 'functions.json', 'functions-da.json', 'manifest.xml'];

/** What a recipe sends for a file of dist/ (a path relative to dist/). */
interface Response {
  contentType: string | undefined;
  headers: Record<string, string>;
}
type Recipe = (file: string) => Response;

/** The guide's content-type table: extension → the types it allows. */
function guideContentTypes(): Map<string, string[]> {
  const section = guide.slice(guide.indexOf('**Content types**'), guide.indexOf('**Cache headers**'));
  const rows = [...section.matchAll(/^\| `(\.[a-z]+)` \| (.+) \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, [...m[2]!.matchAll(/`([^`]+)`/g)].map((t) => t[1]!)]));
}

// ---- IIS: web.config --------------------------------------------------------------------------

type Attrs = Record<string, string>;
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function iisMaxAge(span: string): number {
  const m = /^(?:(\d+)\.)?(\d\d):(\d\d):(\d\d)$/.exec(span);
  if (!m) throw new Error(`cacheControlMaxAge "${span}"`);
  return ((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4]);
}

/** IIS: mime maps and the root's headers, then each <location> whose path is the file or a folder holding it. */
function iis(xml: string): Recipe {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { configuration: Record<string, unknown> };
  type WebServer = { staticContent?: { mimeMap?: Attrs | Attrs[]; clientCache?: Attrs }; httpProtocol?: { customHeaders?: { add?: Attrs | Attrs[]; remove?: Attrs | Attrs[] } } };
  const rootConfig = parsed.configuration['system.webServer'] as WebServer;
  const locations = asList(parsed.configuration.location as (Attrs & { 'system.webServer': WebServer }) | undefined);
  const mime = new Map(asList(rootConfig.staticContent?.mimeMap).map((m) => [m.fileExtension!, m.mimeType!]));
  return (file) => {
    const levels = [rootConfig, ...locations.filter((l) => file === l.path || file.startsWith(`${l.path}/`)).map((l) => l['system.webServer'])];
    const headers: Record<string, string> = {};
    let cache: Attrs | undefined;
    for (const level of levels) {
      for (const r of asList(level.httpProtocol?.customHeaders?.remove)) delete headers[r.name!.toLowerCase()];
      for (const a of asList(level.httpProtocol?.customHeaders?.add)) {
        // IIS refuses a configuration that adds a header twice (HTTP 500.19).
        if (headers[a.name!.toLowerCase()] !== undefined) throw new Error(`${file}: ${a.name} added twice`);
        headers[a.name!.toLowerCase()] = a.value!;
      }
      cache = level.staticContent?.clientCache ?? cache;
    }
    if (cache?.cacheControlMode === 'DisableCache') headers['cache-control'] = 'no-cache';
    if (cache?.cacheControlMode === 'UseMaxAge') headers['cache-control'] = `max-age=${iisMaxAge(cache.cacheControlMaxAge!)}`;
    return { contentType: mime.get(extname(file)), headers };
  };
}

// ---- nginx: saldo.conf ------------------------------------------------------------------------

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** nginx's configuration syntax: directives ending in ; or a { block }, # comments, quoted strings. */
function parseNginx(text: string): Directive[] {
  const tokens = [...text.replace(/#.*$/gm, '').matchAll(/"([^"]*)"|([{};])|([^\s{};"]+)/g)].map((m) => (m[1] !== undefined ? { word: m[1] } : m[2] ? { punct: m[2] } : { word: m[3]! }));
  let i = 0;
  const block = (): Directive[] => {
    const out: Directive[] = [];
    while (i < tokens.length) {
      const first = tokens[i++]!;
      if (first.punct === '}') return out;
      const d: Directive = { name: first.word!, args: [] };
      for (;;) {
        const t = tokens[i++]!;
        if (t.punct === ';') break;
        if (t.punct === '{') {
          d.block = block();
          break;
        }
        d.args.push(t.word!);
      }
      out.push(d);
    }
    return out;
  };
  return block();
}

/** The location nginx picks among `locations` for `uri`: exact, else the longest prefix (^~ stops there), else the first regex, else that prefix. */
function pickLocation(locations: Directive[], uri: string): Directive | undefined {
  const exact = locations.find((l) => l.args[0] === '=' && l.args[1] === uri);
  if (exact) return exact;
  const prefixes = locations
    .map((l) => ({ l, prefix: l.args.length === 1 ? l.args[0]! : l.args[0] === '^~' ? l.args[1]! : null }))
    .filter((p): p is { l: Directive; prefix: string } => p.prefix !== null && uri.startsWith(p.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const longest = prefixes[0];
  if (longest?.l.args[0] === '^~') return longest.l;
  const regex = locations.find((l) => (l.args[0] === '~' || l.args[0] === '~*') && new RegExp(l.args[1]!, l.args[0] === '~*' ? 'i' : '').test(uri));
  return regex ?? longest?.l;
}

/** nginx: the chain of locations for the URI; the innermost with add_header lines sends those alone. */
function nginx(conf: string, prefix: string): Recipe {
  const server = parseNginx(conf).find((d) => d.name === 'server')!.block!;
  return (file) => {
    const uri = `${prefix}${file}`;
    const chain: Directive[][] = [server];
    for (let here = server; ;) {
      const next = pickLocation(
        here.filter((d) => d.name === 'location'),
        uri,
      );
      if (!next) break;
      chain.push(next.block!);
      here = next.block!;
    }
    const innermost = <T>(f: (level: Directive[]) => T | undefined): T | undefined => chain.map(f).reduce<T | undefined>((found, v) => v ?? found, undefined);
    const adds = innermost((level) => {
      const found = level.filter((d) => d.name === 'add_header');
      return found.length > 0 ? found : undefined;
    });
    const headers = Object.fromEntries((adds ?? []).map((d) => [d.args[0]!.toLowerCase(), d.args[1]!]));
    const types = innermost((level) => level.find((d) => d.name === 'types')?.block);
    const ext = extname(file).slice(1);
    let contentType = types?.find((t) => t.args.includes(ext))?.name;
    const charset = innermost((level) => level.find((d) => d.name === 'charset')?.args[0]);
    const charsetTypes = innermost((level) => level.find((d) => d.name === 'charset_types')?.args) ?? ['text/html'];
    if (contentType && charset && charsetTypes.includes(contentType)) contentType = `${contentType}; charset=${charset}`;
    return { contentType, headers };
  };
}

// ---- Azure Static Web Apps: staticwebapp.config.json -----------------------------------------

/** Azure Static Web Apps: the first route that matches (a trailing * matches any rest) adds its headers to globalHeaders. */
function azure(json: string): Recipe {
  const config = JSON.parse(json) as { routes: Array<{ route: string; headers?: Record<string, string> }>; globalHeaders: Record<string, string>; mimeTypes: Record<string, string> };
  return (file) => {
    const path = `/${file}`;
    const route = config.routes.find((r) => (r.route.endsWith('*') ? path.startsWith(r.route.slice(0, -1)) : path === r.route));
    const headers = Object.fromEntries(Object.entries({ ...config.globalHeaders, ...route?.headers }).map(([k, v]) => [k.toLowerCase(), v]));
    return { contentType: config.mimeTypes[extname(file)], headers };
  };
}

// ---- the test server --------------------------------------------------------------------------

let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'saldo-dist-'));
  for (const f of DIST_FILES) {
    mkdirSync(dirname(join(dist, f)), { recursive: true });
    writeFileSync(join(dist, f), f.endsWith('.json') ? '{"functions":[]}' : `/* ${f} */`);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Serves dist/ under `prefix` with what the recipe declares for each file. */
async function serve(recipe: Recipe, prefix: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : null;
    if (!file || !DIST_FILES.includes(file)) return void res.writeHead(404).end();
    const { contentType, headers } = recipe(file);
    res.writeHead(200, { ...headers, ...(contentType ? { 'content-type': contentType } : {}) });
    res.end(readFileSync(join(dist, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${prefix}`, server };
}

const RECIPES: Array<{ file: string; prefix: string; recipe: () => Recipe }> = [
  { file: 'deploy/iis/web.config', prefix: '/', recipe: () => iis(read('deploy/iis/web.config')) },
  { file: 'deploy/nginx/saldo.conf', prefix: '/addin/', recipe: () => nginx(read('deploy/nginx/saldo.conf'), '/addin/') },
  { file: 'deploy/azure/staticwebapp.config.json', prefix: '/', recipe: () => azure(read('deploy/azure/staticwebapp.config.json')) },
];

describe.each(RECIPES)('$file', ({ file, prefix, recipe }) => {
  let url: string;
  let server: Server;
  beforeAll(async () => ({ url, server } = await serve(recipe(), prefix)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const get = (f: string) => fetch(`${url}${f}`, { headers: { Origin: OFFICE_ORIGIN } });

  it('is the recipe docs/deployment.md points to', () => {
    expect(guide).toContain(file);
  });

  it.each(CROSS_ORIGIN)('lets Excel on the web fetch %s from Office’s origin (Access-Control-Allow-Origin)', async (f) => {
    const res = await get(f);
    expect(res.status).toBe(200);
    expect([OFFICE_ORIGIN, '*']).toContain(res.headers.get('access-control-allow-origin'));
  });

  it('serves every file of dist/ with the content type the guide’s table gives its extension', async () => {
    const table = guideContentTypes();
    for (const f of DIST_FILES) {
      const allowed = table.get(extname(f));
      expect(allowed, `the guide names a content type for ${extname(f)}`).toBeDefined();
      expect(allowed, f).toContain((await get(f)).headers.get('content-type'));
    }
  });

  it('makes clients revalidate the fixed names, lets them keep the icons, and keeps the hashed chunks or revalidates them', async () => {
    for (const f of FIXED_NAMES) expect((await get(f)).headers.get('cache-control'), f).toBe('no-cache');
    const icon = (await get('assets/icon-32.png')).headers.get('cache-control') ?? '';
    expect(icon).toMatch(/max-age=[1-9]\d*/);
    expect(icon).not.toMatch(/no-cache|no-store/);
    for (const f of DIST_FILES.filter((x) => x.startsWith('chunk-'))) expect(['no-cache', 'public, max-age=31536000, immutable'], f).toContain((await get(f)).headers.get('cache-control'));
  });

  it('sends X-Content-Type-Options: nosniff on every file, and no X-Frame-Options (Excel on the web frames the task pane)', async () => {
    for (const f of DIST_FILES) {
      const res = await get(f);
      expect(res.headers.get('x-content-type-options'), f).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), f).toBeNull();
    }
  });
});

describe('the deployment guide', () => {
  it('has a content type for every kind of file the build writes, fonts, Word templates and the PDF colour profile included', () => {
    expect([...guideContentTypes().keys()].sort()).toEqual(['.docx', '.html', '.icc', '.js', '.json', '.png', '.ttf', '.txt', '.xml']);
  });
});
