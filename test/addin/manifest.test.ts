/**
 * Offline checks of manifest.xml: what Excel needs from a shared-runtime add-in with SALDO custom
 * functions, a "Saldo" ribbon tab and Danish (da-dk) texts. `npm run validate` (Microsoft's service)
 * needs the network, so this test is the CI gate; run the service check before a release.
 */
import { existsSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconFile, iconPng, RIBBON_ICONS, type RibbonIcon } from '../../addin/commands/ribbonIcons.js';

const root = new URL('../../', import.meta.url);
const xml = readFileSync(new URL('manifest.xml', root), 'utf8');

const ORIGIN = 'https://localhost:3000/';
const DANISH = 'da-dk';
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;

/** One XML element, children in document order. */
interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type OrderedNode = Record<string, unknown>;

function toElements(nodes: OrderedNode[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name.startsWith('#') || name.startsWith('?')) continue;
    const inner = node[name] as OrderedNode[];
    out.push({
      name,
      attrs: (node[':@'] ?? {}) as Record<string, string>,
      children: toElements(inner),
      text: inner.map((n) => (typeof n['#text'] === 'string' ? n['#text'] : '')).join(''),
    });
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
});
let parsed: El | undefined;
/** The <OfficeApp> element. Parsed on first use, so a broken manifest fails the tests, not the test file. */
function app(): El {
  parsed ??= toElements(parser.parse(xml) as OrderedNode[])[0];
  if (!parsed) throw new Error('manifest.xml has no root element');
  return parsed;
}

function all(el: El): El[] {
  return [el, ...el.children.flatMap(all)];
}
function kids(el: El, name: string): El[] {
  return el.children.filter((c) => c.name === name);
}
function one(el: El, name: string): El {
  const found = kids(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}>, expected 1`);
  return found[0]!;
}
function path(el: El, ...names: string[]): El {
  return names.reduce(one, el);
}
function names(el: El): string[] {
  return el.children.map((c) => c.name);
}
/** The elements under `el` whose xsi:type is `type`. */
function ofType(el: El, name: string, type: string): El[] {
  return all(el).filter((e) => e.name === name && e.attrs['xsi:type'] === type);
}

const overrides = (): El => path(app(), 'VersionOverrides');
const host = (): El => path(overrides(), 'Hosts', 'Host');
const resources = (): El => path(overrides(), 'Resources');
const RESOURCE_KINDS = ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
const resourcesOf = (kind: ResourceKind): El[] => kids(resources(), kind).flatMap((k) => k.children);
const resource = (id: string): El => {
  const found = RESOURCE_KINDS.flatMap(resourcesOf).filter((r) => r.attrs.id === id);
  if (found.length !== 1) throw new Error(`resource ${id} is defined ${found.length} times`);
  return found[0]!;
};
const strings = (): Array<[El, number]> => [...resourcesOf('bt:ShortStrings').map((s): [El, number] => [s, SHORT_MAX]), ...resourcesOf('bt:LongStrings').map((s): [El, number] => [s, LONG_MAX])];

/** Which kind of resource each element that carries a resid must point at. */
const RESID_KIND: Record<string, ResourceKind> = {
  Runtime: 'bt:Urls',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  'bt:Image': 'bt:Images',
  Namespace: 'bt:ShortStrings',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

/** Every URL the manifest gives Office, with where it came from. */
function urls(): Array<[where: string, url: string]> {
  const out: Array<[string, string]> = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const e of kids(app(), name)) out.push([name, e.attrs.DefaultValue ?? '']);
  }
  for (const e of all(path(app(), 'DefaultSettings'))) {
    if (e.name === 'SourceLocation') out.push(['DefaultSettings SourceLocation', e.attrs.DefaultValue ?? '']);
  }
  for (const e of kids(app(), 'AppDomains').flatMap((d) => d.children)) out.push(['AppDomain', e.text]);
  for (const r of [...resourcesOf('bt:Images'), ...resourcesOf('bt:Urls')]) {
    out.push([r.attrs.id!, r.attrs.DefaultValue ?? '']);
    for (const o of r.children) out.push([`${r.attrs.id} ${o.attrs.Locale}`, o.attrs.Value ?? '']);
  }
  return out;
}

/** The width and height in a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('manifest.xml is a well-formed add-in-only manifest for Excel', () => {
  it('is well-formed XML with one <OfficeApp> root of type TaskPaneApp', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(app().name).toBe('OfficeApp');
    expect(app().attrs['xsi:type']).toBe('TaskPaneApp');
  });

  it('declares the Office namespaces, and VersionOverrides is VersionOverridesV1_0 in the task pane overrides namespace', () => {
    expect(app().attrs).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
      'xmlns:ov': 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
    });
    expect(overrides().attrs).toMatchObject({
      xmlns: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
      'xsi:type': 'VersionOverridesV1_0',
    });
  });

  it('lists the <OfficeApp> children in schema order, with every required one present', () => {
    const schemaOrder = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const present = names(app());
    expect(present.every((n) => schemaOrder.includes(n))).toBe(true);
    expect(present).toEqual(schemaOrder.filter((n) => present.includes(n)));
    expect(new Set(present).size).toBe(present.length);
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]) {
      expect(present, required).toContain(required);
    }
  });

  it('keeps Saldo’s Id, a GUID that never changes', () => {
    const id = path(app(), 'Id').text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe('f5863eb4-738b-4ef3-a352-b32eee70187d');
  });

  it('has a four-part <Version> n.n.n.n, the release in package.json and a fourth part', () => {
    expect(path(app(), 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const release = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(path(app(), 'Version').text.split('.').slice(0, 3).join('.')).toBe(release);
  });

  it('is Saldo’s, in en-US by default, for workbooks, with read/write access to the document', () => {
    expect(path(app(), 'ProviderName').text).toBe('Saldo');
    expect(path(app(), 'DefaultLocale').text).toBe('en-US');
    expect(kids(path(app(), 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(path(app(), 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi 1.9 (test/addin/requirementSets.test.ts says why)', () => {
    const sets = path(app(), 'Requirements', 'Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(kids(sets, 'Set').map((s) => s.attrs)).toEqual([
      { Name: 'SharedRuntime', MinVersion: '1.1' },
      { Name: 'CustomFunctionsRuntime', MinVersion: '1.3' },
      { Name: 'ExcelApi', MinVersion: '1.9' },
    ]);
  });

  it('has a Danish (da-dk) DisplayName and Description within 125 and 250 characters', () => {
    for (const [name, max] of [
      ['DisplayName', SHORT_MAX],
      ['Description', LONG_MAX],
    ] as const) {
      const el = path(app(), name);
      expect(el.attrs.DefaultValue?.length, name).toBeGreaterThan(0);
      expect(el.attrs.DefaultValue!.length, name).toBeLessThanOrEqual(max);
      expect(
        el.children.map((o) => [o.name, o.attrs.Locale]),
        name,
      ).toEqual([['Override', DANISH]]);
      expect(el.children[0]!.attrs.Value?.length, name).toBeGreaterThan(0);
      expect(el.children[0]!.attrs.Value!.length, name).toBeLessThanOrEqual(max);
    }
    expect(path(app(), 'DisplayName').children[0]!.attrs.Value).toBe('Saldo');
  });
});

describe('one shared runtime runs the task pane, the custom functions and the ribbon commands', () => {
  it('has one <Host> of type Workbook in VersionOverrides, followed by <Resources>', () => {
    expect(names(overrides())).toEqual(['Hosts', 'Resources']);
    expect(host().attrs['xsi:type']).toBe('Workbook');
  });

  it('puts <Runtimes> first in the <Host>, then AllFormFactors, then DesktopFormFactor', () => {
    expect(names(host())).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
  });

  it('has one long-lived runtime', () => {
    const runtimes = kids(path(host(), 'Runtimes'), 'Runtime');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.attrs.lifetime).toBe('long');
  });

  it('uses the resid Taskpane.Url for the Runtime, the custom functions’ Page and the FunctionFile', () => {
    const customFunctions = ofType(host(), 'ExtensionPoint', 'CustomFunctions');
    expect(customFunctions).toHaveLength(1);
    expect(path(host(), 'Runtimes', 'Runtime').attrs.resid).toBe('Taskpane.Url');
    expect(path(customFunctions[0]!, 'Page', 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
    expect(path(host(), 'DesktopFormFactor', 'FunctionFile').attrs.resid).toBe('Taskpane.Url');
  });

  it('opens the same page as the runtime when the add-in starts (DefaultSettings SourceLocation)', () => {
    expect(resource('Taskpane.Url').attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
    expect(path(app(), 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(resource('Taskpane.Url').attrs.DefaultValue);
  });

  it('has one task pane: every ShowTaskpane action opens Taskpane.Url under the one <TaskpaneId> (one without counts as a pane of its own)', () => {
    const panes = ofType(host(), 'Action', 'ShowTaskpane');
    expect(panes.length).toBeGreaterThan(0);
    for (const action of panes) {
      expect(names(action)).toEqual(['TaskpaneId', 'SourceLocation']);
      expect(path(action, 'TaskpaneId').text).toBe('Saldo.Taskpane');
      expect(path(action, 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
    }
    expect(all(app()).filter((e) => e.name === 'TaskpaneId')).toHaveLength(panes.length);
  });

  it('orders the custom functions extension point Script, Page, Metadata, Namespace and the desktop one GetStarted, FunctionFile, ExtensionPoint', () => {
    expect(names(ofType(host(), 'ExtensionPoint', 'CustomFunctions')[0]!)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(names(path(host(), 'DesktopFormFactor'))).toEqual(['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(names(path(host(), 'DesktopFormFactor', 'GetStarted'))).toEqual(['Title', 'Description', 'LearnMoreUrl']);
  });
});

describe('the SALDO custom functions', () => {
  const customFunctions = (): El => ofType(host(), 'ExtensionPoint', 'CustomFunctions')[0]!;

  it('load functions.js and functions.json from the add-in’s origin', () => {
    expect(resource(path(customFunctions(), 'Script', 'SourceLocation').attrs.resid!).attrs.DefaultValue).toBe(`${ORIGIN}functions.js`);
    expect(resource(path(customFunctions(), 'Metadata', 'SourceLocation').attrs.resid!).attrs.DefaultValue).toBe(`${ORIGIN}functions.json`);
  });

  it('have the namespace SALDO in every language', () => {
    const namespace = resource(path(customFunctions(), 'Namespace').attrs.resid!);
    expect(namespace.attrs.DefaultValue).toBe('SALDO');
    expect(namespace.children.map((o) => o.attrs.Value)).toEqual(['SALDO']);
  });

  it('get Danish names from functions-da.json through a da-dk override on Functions.Metadata.Url', () => {
    const metadata = resource('Functions.Metadata.Url');
    expect(path(customFunctions(), 'Metadata', 'SourceLocation').attrs.resid).toBe('Functions.Metadata.Url');
    expect(metadata.children.map((o) => [o.name, o.attrs.Locale])).toEqual([['bt:Override', DANISH]]);
    expect(metadata.children[0]!.attrs.Value).toMatch(/^https:\/\/.*\/functions-da\.json$/);
  });
});

describe('the Saldo ribbon tab', () => {
  const surface = (): El[] => ofType(host(), 'ExtensionPoint', 'PrimaryCommandSurface');
  const tab = (): El => path(surface()[0]!, 'CustomTab');
  const buttons = (): El[] => ofType(host(), 'Control', 'Button');

  it('is one custom tab "Saldo" with the group Saldo.Group.Agreements, its label last', () => {
    expect(surface()).toHaveLength(1);
    expect(names(surface()[0]!)).toEqual(['CustomTab']);
    expect(tab().attrs.id).toBe('Saldo.Tab');
    expect(names(tab())).toEqual(['Group', 'Label']);
    expect(resource(path(tab(), 'Label').attrs.resid!).attrs.DefaultValue).toBe('Saldo');
    const group = path(tab(), 'Group');
    expect(group.attrs.id).toBe('Saldo.Group.Agreements');
    expect(names(group)).toEqual(['Label', 'Icon', ...Array(12).fill('Control')]);
    expect(resource(path(group, 'Label').attrs.resid!).attrs.DefaultValue).toBe('Payment agreements');
  });

  it('has the buttons Åbn Saldo, Betalingsaftale, Henstand, Status, Opfølgning, Saldoopgørelse, Analyse, Arbejdsliste, Opkrævningstragt, Forældelse, Kampagne and Regler, each with label, supertip, icons in every size a button uses and an action, in that order', () => {
    expect(buttons().map((b) => b.attrs.id)).toEqual([
      'Saldo.Button.Open',
      'Saldo.Button.Betalingsaftale',
      'Saldo.Button.Henstand',
      'Saldo.Button.Status',
      'Saldo.Button.Opfoelgning',
      'Saldo.Button.Saldoopgoerelse',
      'Saldo.Button.Analyse',
      'Saldo.Button.Arbejdsliste',
      'Saldo.Button.Tragt',
      'Saldo.Button.Foraeldelse',
      'Saldo.Button.Kampagne',
      'Saldo.Button.Regler',
    ]);
    for (const button of buttons()) {
      expect(names(button), button.attrs.id).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
      expect(names(path(button, 'Supertip')), button.attrs.id).toEqual(['Title', 'Description']);
    }
    for (const icon of all(host()).filter((e) => e.name === 'Icon')) {
      expect(icon.children.map((i) => [i.name, i.attrs.size])).toEqual(ICON_SIZES.map((size) => ['bt:Image', String(size)]));
    }
    const label = (b: El, locale?: string) => {
      const r = resource(path(b, 'Label').attrs.resid!);
      return locale ? r.children.find((o) => o.attrs.Locale === locale)?.attrs.Value : r.attrs.DefaultValue;
    };
    expect(buttons().map((b) => [label(b), label(b, DANISH)])).toEqual([
      ['Open Saldo', 'Åbn Saldo'],
      ['Payment agreement', 'Betalingsaftale'],
      ['Deferral', 'Henstand'],
      ['Agreement status', 'Status'],
      ['Follow-up', 'Opfølgning'],
      ['Balance statements', 'Saldoopgørelse'],
      ['Analysis', 'Analyse'],
      ['Work list', 'Arbejdsliste'],
      ['Collection funnel', 'Opkrævningstragt'],
      ['Limitation', 'Forældelse'],
      ['Campaign', 'Kampagne'],
      ['Rules', 'Regler'],
    ]);
  });

  it('opens the task pane from its first button with a ShowTaskpane action, which needs no script and works where showAsTaskpane is ignored', () => {
    const first = buttons()[0]!;
    expect(path(first, 'Action').attrs['xsi:type']).toBe('ShowTaskpane');
    expect(resource(path(first, 'Action', 'SourceLocation').attrs.resid!).attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
  });

  it('runs the commands openBetalingsaftale, openHenstand, openStatus, openOpfoelgning, openSaldoopgoerelse, openAnalyse, openArbejdsliste, openTragt, openForaeldelse, openKampagne and openRegler, and nothing else, as ExecuteFunction actions', () => {
    const actions = all(host()).filter((e) => e.name === 'Action' && e.attrs['xsi:type'] !== 'ShowTaskpane');
    expect(actions.map((a) => a.attrs['xsi:type'])).toEqual(Array(11).fill('ExecuteFunction'));
    expect(actions.map((a) => names(a))).toEqual(Array(11).fill(['FunctionName']));
    expect(actions.map((a) => path(a, 'FunctionName').text)).toEqual([
      'openBetalingsaftale',
      'openHenstand',
      'openStatus',
      'openOpfoelgning',
      'openSaldoopgoerelse',
      'openAnalyse',
      'openArbejdsliste',
      'openTragt',
      'openForaeldelse',
      'openKampagne',
      'openRegler',
    ]);
  });
});

describe('resources', () => {
  it('come as Images, Urls, ShortStrings, LongStrings, each id defined once and at most 32 characters', () => {
    expect(names(resources())).toEqual([...RESOURCE_KINDS]);
    const ids = RESOURCE_KINDS.flatMap(resourcesOf).map((r) => r.attrs.id ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length, id).toBeGreaterThan(0);
    for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(RESID_MAX);
    expect(resourcesOf('bt:Images').every((r) => r.name === 'bt:Image')).toBe(true);
    expect(resourcesOf('bt:Urls').every((r) => r.name === 'bt:Url')).toBe(true);
    expect(strings().every(([r]) => r.name === 'bt:String')).toBe(true);
  });

  it('resolve every resid used anywhere, to a resource of the kind its element needs', () => {
    const used = all(overrides()).filter((e) => e.attrs.resid !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const e of used) {
      const kind = RESID_KIND[e.name];
      expect(kind, `<${e.name} resid="${e.attrs.resid}"> is not a known resid element`).toBeDefined();
      expect(
        resourcesOf(kind!).map((r) => r.attrs.id),
        `<${e.name} resid="${e.attrs.resid}">`,
      ).toContain(e.attrs.resid);
    }
  });

  it('are all used: no resource is left over', () => {
    const used = new Set(
      all(overrides())
        .map((e) => e.attrs.resid)
        .filter((r) => r !== undefined),
    );
    for (const r of RESOURCE_KINDS.flatMap(resourcesOf)) expect(used, r.attrs.id).toContain(r.attrs.id);
  });

  it('give every short and long string a non-empty English text and exactly one Danish (da-dk) override, within 125/250 characters', () => {
    expect(strings().length).toBeGreaterThan(0);
    for (const [s, max] of strings()) {
      const id = s.attrs.id;
      expect(s.attrs.DefaultValue?.trim().length, id).toBeGreaterThan(0);
      expect(s.attrs.DefaultValue!.length, id).toBeLessThanOrEqual(max);
      expect(
        s.children.map((o) => [o.name, o.attrs.Locale]),
        id,
      ).toEqual([['bt:Override', DANISH]]);
      expect(s.children[0]!.attrs.Value?.trim().length, id).toBeGreaterThan(0);
      expect(s.children[0]!.attrs.Value!.length, id).toBeLessThanOrEqual(max);
    }
  });

  it('are language-neutral for images and URLs: only Functions.Metadata.Url has a Danish (da-dk) version, and it differs', () => {
    const withOverride = [...resourcesOf('bt:Images'), ...resourcesOf('bt:Urls')].filter((r) => r.children.length > 0);
    expect(withOverride.map((r) => r.attrs.id)).toEqual(['Functions.Metadata.Url']);
    for (const r of withOverride) {
      expect(
        r.children.map((o) => [o.name, o.attrs.Locale]),
        r.attrs.id,
      ).toEqual([['bt:Override', DANISH]]);
      expect(r.children[0]!.attrs.Value, r.attrs.id).not.toBe(r.attrs.DefaultValue);
    }
  });

  it('never override the default locale: every Override is da-dk', () => {
    const localized = all(app()).filter((e) => e.name === 'Override' || e.name === 'bt:Override');
    expect(localized.length).toBeGreaterThan(0);
    expect(new Set(localized.map((o) => o.attrs.Locale))).toEqual(new Set([DANISH]));
  });
});

describe('URLs and icons', () => {
  it(`point every URL at https and the development origin ${ORIGIN}, which the production build replaces`, () => {
    const found = urls();
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const [where, url] of found) {
      expect(url, where).toMatch(/^https:\/\//);
      expect(url.startsWith(ORIGIN), `${where}: ${url}`).toBe(true);
    }
  });

  it('have no other URL hidden in any attribute or text (namespaces aside)', () => {
    for (const e of all(app())) {
      for (const [name, value] of Object.entries(e.attrs)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        if (value.includes('://')) expect(value.startsWith(ORIGIN), `<${e.name} ${name}="${value}">`).toBe(true);
      }
      if (e.text.includes('://')) expect(e.text.startsWith(ORIGIN), `<${e.name}>${e.text}`).toBe(true);
    }
  });

  it('use icon-32.png as the icon and icon-64.png as the high-resolution icon', () => {
    expect(path(app(), 'IconUrl').attrs.DefaultValue).toBe(`${ORIGIN}assets/icon-32.png`);
    expect(path(app(), 'HighResolutionIconUrl').attrs.DefaultValue).toBe(`${ORIGIN}assets/icon-64.png`);
  });

  it('map every icon to a PNG under assets/ whose width and height match the size in its name', () => {
    const icons = urls().filter(([, url]) => url.endsWith('.png'));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const [where, url] of icons) {
      const file = url.slice(ORIGIN.length);
      const match = /^assets\/(?:ribbon\/[a-z]+-|icon-)(\d+)\.png$/.exec(file);
      expect(match, `${where}: ${url}`).not.toBeNull();
      const size = Number(match![1]);
      const onDisk = new URL(file, root);
      expect(existsSync(onDisk), `${file} exists`).toBe(true);
      expect(pngSize(readFileSync(onDisk)), file).toEqual({ width: size, height: size });
    }
  });

  it('give each ribbon icon slot an image of its size, which exists with that many pixels', () => {
    for (const slot of all(host()).filter((e) => e.name === 'bt:Image')) {
      const file = resource(slot.attrs.resid!).attrs.DefaultValue!.slice(ORIGIN.length);
      expect(file, `size ${slot.attrs.size}`).toMatch(new RegExp(`^assets/ribbon/[a-z]+-${slot.attrs.size}\\.png$`));
      const size = Number(slot.attrs.size);
      expect(pngSize(readFileSync(new URL(file, root))), file).toEqual({ width: size, height: size });
    }
  });

  it('give every button its own icon (the group shows the Åbn Saldo icon), in all sizes: 16, 32 and 80 required, 20, 24, 40, 48 and 64 for other scalings', () => {
    const iconsOf = (el: El) => path(el, 'Icon').children.map((i) => resource(i.attrs.resid!).attrs.DefaultValue!.slice(ORIGIN.length));
    const perButton = ofType(host(), 'Control', 'Button').map(iconsOf);
    expect(new Set(perButton.map((files) => readFileSync(new URL(files[3]!, root)).toString('base64'))).size).toBe(perButton.length);
    expect(perButton.map((files) => files.map((f) => /-(\d+)\.png$/.exec(f)![1]).map(Number))).toEqual(perButton.map(() => [...ICON_SIZES]));
    const group = path(host(), 'DesktopFormFactor', 'ExtensionPoint', 'CustomTab', 'Group');
    expect(iconsOf(group)).toEqual(perButton[0]);
  });

  it('are the icons addin/commands/ribbonIcons.ts draws (run it after changing a glyph)', () => {
    for (const icon of Object.keys(RIBBON_ICONS) as RibbonIcon[]) {
      for (const size of ICON_SIZES) expect(readFileSync(new URL(iconFile(icon, size), root)).equals(iconPng(icon, size)), iconFile(icon, size)).toBe(true);
    }
  });

  it('send Office’s help links (SupportUrl, GetStarted LearnMoreUrl) to the user guide the add-in serves', () => {
    expect(path(app(), 'SupportUrl').attrs.DefaultValue).toBe(`${ORIGIN}help/index.html`);
    expect(resource(path(host(), 'DesktopFormFactor', 'GetStarted', 'LearnMoreUrl').attrs.resid!).attrs.DefaultValue).toBe(`${ORIGIN}help/index.html`);
  });
});
