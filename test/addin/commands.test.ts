/**
 * The ribbon commands script (addin/commands/commands.ts) as Excel meets it: office.js is loaded,
 * Office.onReady has not resolved yet, and a click may already be waiting. Every ExecuteFunction
 * action in manifest.xml must be associated by then — at import, not in a callback.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NAVIGATE_EVENT, takeRequestedPage } from '../../addin/shared/navigation.js';

const manifest = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
/** The <FunctionName> of every ExecuteFunction action in the manifest. */
const manifestActions = [...manifest.matchAll(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]!);

type Handler = (event: { completed(): void }) => Promise<void>;

let associated: Map<string, Handler>;
let showAsTaskpane: ReturnType<typeof vi.fn<() => Promise<void>>>;
let page: EventTarget;

beforeEach(() => {
  associated = new Map();
  showAsTaskpane = vi.fn(async () => undefined);
  page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal('Office', {
    // Office is loaded but not ready: a script that waits for onReady registers nothing yet.
    onReady: () => new Promise(() => undefined),
    actions: { associate: (name: string, f: Handler) => void associated.set(name, f) },
    addin: { showAsTaskpane },
  });
  vi.resetModules();
  takeRequestedPage();
});

afterEach(() => vi.unstubAllGlobals());

async function loadCommands(): Promise<void> {
  await import('../../addin/commands/commands.js');
}

describe('the ribbon commands script', () => {
  it('associates every ExecuteFunction action of the manifest at import, without waiting for Office.onReady', async () => {
    expect(manifestActions).toHaveLength(11);
    await loadCommands();
    expect([...associated.keys()].sort()).toEqual([...manifestActions].sort());
  });

  it('a page button asks for its page, shows the task pane and completes the event', async () => {
    await loadCommands();
    const heard: unknown[] = [];
    page.addEventListener(NAVIGATE_EVENT, (e) => heard.push((e as CustomEvent).detail));
    const completed = vi.fn();
    await associated.get('openRegler')!({ completed });
    expect(heard).toEqual(['regler']);
    expect(showAsTaskpane).toHaveBeenCalledOnce();
    expect(completed).toHaveBeenCalledOnce();
  });

  it('a click before the task pane listens is kept for the pane to take when it mounts, once', async () => {
    await loadCommands();
    await associated.get('openHenstand')!({ completed: () => undefined });
    expect(takeRequestedPage()).toBe('henstand');
    expect(takeRequestedPage()).toBeNull();
  });

  it('completes the event even when Office refuses to show the pane (a Marketplace add-in), the page still asked for', async () => {
    showAsTaskpane.mockRejectedValueOnce(new Error('showAsTaskpane ignored'));
    await loadCommands();
    const completed = vi.fn();
    await expect(associated.get('openStatus')!({ completed })).rejects.toThrow('showAsTaskpane ignored');
    expect(completed).toHaveBeenCalledOnce();
    expect(takeRequestedPage()).toBe('status');
  });
});
