/**
 * The task pane's targets (issue 22), measured in the browser harness: the built add-in (dist/)
 * in headless Chromium at 320 px, office.js replaced by the e2e tests' stub (an in-memory
 * workbook whose every sync answers in a later task, as Excel's does).
 *
 * (a) Betalingsaftale with 10 typed claims: per keystroke in the Ydelse field (30 keys, typed three
 *     times), the time from the field's input event to the preview updated and laid out, in the
 *     event's own task (the work of the keystroke on the UI thread); also from the key's event,
 *     and to the next animation frame (which waits for the display's tick as well).
 *     Also the UI thread's CPU time for each key (from a trace: the key's task and the update's),
 *     which a busy machine's other processes do not stretch as they stretch wall time.
 * (b) Saldoopgørelse on a 200.000-row ledger table (100.000 debtors × 2 rows): wall time, whether
 *     progress was shown, the UI thread's long tasks (PerformanceObserver 'longtask'), and whether
 *     Stop ends a run while it reads, with nothing written. The in-memory workbook reads and
 *     writes its cells in the page's thread (Excel does that in its own process), so each long
 *     task is also given without the workbook's own time in it (`…LessWorkbook`).
 *
 * `met`: keystrokes' recompute (from the field's input event to the preview laid out) p95 ≤ 16 ms; statements correct, progress shown, Stop works, no long task
 * over 200 ms (`metLessWorkbook`: none over 200 ms of the pane's own work).
 *
 * Usage: npx tsx bench/paneChild.ts [dist-dir]. Prints one JSON line; without Chromium or a build
 * it prints {"skipped": reason} and exits 0. SALDO_PANE_BENCH=keystroke or =statements runs one
 * part; SALDO_PANE_PROFILE=<dir> writes a CPU profile of each measured part there (with
 * SALDO_PANE_TRACE=1 a Chrome trace instead), to find where the time goes.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { putLedgerSheet } from '../test/e2e/ledgerTable.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = process.argv[2] ?? `${ROOT}dist/`;
const CHROMIUM = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';
const CLAIMS = 10;
const DEBTORS = 100_000;
/** The targets: a keystroke's preview within one frame; no UI-thread task over 200 ms. */
const FRAME_MS = 16;
/** Time between keystrokes: 10 keys a second, faster than most typists. */
const KEY_INTERVAL_MS = 100;
const LONG_TASK_MS = 200;

const skip = (reason: string) => {
  console.log(JSON.stringify({ skipped: reason }));
  process.exit(0);
};
if (!existsSync(CHROMIUM)) skip(`no Chromium at ${CHROMIUM} (set SALDO_CHROMIUM)`);
if (!existsSync(`${DIST}/taskpane.html`)) skip(`no build in ${DIST} (npm run build)`);

const { chromium } = await import('playwright-core');
const { serve } = await import('../test/e2e/server.js');

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;
const spread = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: round(quantile(s, 0.5)), p95: round(quantile(s, 0.95)), max: round(s[s.length - 1] ?? NaN) };
};

/**
 * With SALDO_PANE_PROFILE=<dir>: a CPU profile of the UI thread while `f` runs, written to
 * <dir>/<name>.cpuprofile (open in Chrome DevTools), and its functions by self time on stderr.
 */
async function profiled<T>(page: Page, name: string, f: () => Promise<T>): Promise<T> {
  const dir = process.env.SALDO_PANE_PROFILE;
  if (!dir) return f();
  if (process.env.SALDO_PANE_TRACE) {
    mkdirSync(dir, { recursive: true });
    await page
      .context()
      .browser()!
      .startTracing(page, { path: `${dir}/${name}.trace.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    const result = await f();
    await page.context().browser()!.stopTracing();
    return result;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await f();
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.error(`${name}: self time by function (ms)\n${top.map(([k, ms]) => `${ms.toFixed(1).padStart(9)}  ${k}`).join('\n')}`);
  return result;
}

async function openPane(browser: Browser, stub: string, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'da-DK' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
  // tsx keeps functions' names through a helper `__name`, which the page's copy of them calls.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${url}taskpane.html`);
  await page.getByRole('heading', { name: 'Ny betalingsaftale' }).waitFor();
  if (errors.length > 0) throw new Error(`the pane failed to start: ${errors.join('; ')}`);
  return page;
}

/** (a) 10 claims typed in, then keystrokes in Ydelse (kr.): key event → preview updated. */
async function keystrokes(page: Page) {
  for (let i = 1; i < CLAIMS; i += 1) await page.getByRole('button', { name: 'Tilføj fordring' }).click();
  for (let i = 0; i < CLAIMS; i += 1) {
    const claim = page.getByRole('group', { name: `Fordring ${i + 1}`, exact: true });
    await claim.getByLabel('Hovedstol (kr.)').fill(`${4_000 + 350 * i},50`);
    await claim.getByLabel('Gebyrer (kr.)').fill(i % 2 === 0 ? '250' : '100');
    await claim.getByLabel('Forfaldsdato', { exact: true }).fill(`2025-${String(1 + i).padStart(2, '0')}-15`);
  }
  await page.getByLabel('Årlig rente (%)').fill('8,05');
  await page.getByLabel('Første forfaldsdato').fill('2026-02-01');
  await page.getByLabel('Aftaledato (valgfri)').fill('2026-01-10');
  const ydelse = page.getByLabel('Ydelse (kr.)');
  await ydelse.fill('1.500');
  await page.getByTestId('plan-summary').waitFor();
  // In the page: the key's event time; when the field's text changed (the input event, as it
  // reaches the window in its capture phase); and the recompute done: the same input event back
  // at the window after React's handler (React renders a discrete event's update before its
  // dispatch returns), the layout forced and the time taken; then the next animation frame.
  // Measured in the event's own task: a task posted after it waited behind the browser's frame
  // (headless Chromium paints in software), which is not the keystroke's work (issue 22).
  await page.evaluate(() => {
    const w = window as unknown as { __keys: Array<{ key: number; handled: number; updated?: number; frame?: number }> };
    w.__keys = [];
    // The key event's time stamp is when the browser made it; the harness sends the key's
    // character as a message of its own, which reaches the page several milliseconds later.
    addEventListener('keydown', (e) => void w.__keys.push({ key: e.timeStamp, handled: Number.NaN }), { capture: true });
    addEventListener('input', () => void (w.__keys[w.__keys.length - 1]!.handled = performance.now()), { capture: true });
    addEventListener('input', () => {
      const last = w.__keys[w.__keys.length - 1]!;
      document.body.getBoundingClientRect();
      last.updated = performance.now();
      performance.mark('saldo-key-updated');
      requestAnimationFrame(() => void (last.frame = performance.now()));
    });
  });
  await ydelse.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => void ((window as unknown as { __keys: unknown[] }).__keys.length = 0));
  // The installment typed anew three times, each through its prefixes as a caseworker types it:
  // "" (missing), "2" (over 1.200 rates: computed to the limit, then refused), "2." (not a
  // number), "2.2" … "2.250" (a schedule); every keystroke a new preview or message.
  const keys = [...Array<string>(5).fill('Backspace'), ...'2.250', ...Array<string>(5).fill('Backspace'), ...'995,5', ...Array<string>(5).fill('Backspace'), ...'1.800'];
  const typeAll = async () => {
    await page.evaluate(() => void ((window as unknown as { __keys: unknown[] }).__keys.length = 0));
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.waitForFunction(() => {
        const k = (window as unknown as { __keys: Array<{ frame?: number }> }).__keys;
        return k[k.length - 1]?.frame !== undefined;
      });
      // At a fast typist's pace (10 keys a second), not the driver's: pressed the moment the last
      // frame began, a key met that frame's software raster still running on the two cores.
      await page.waitForTimeout(KEY_INTERVAL_MS);
    }
    if ((await ydelse.inputValue()) !== '1.800' || !(await page.getByTestId('plan-summary').isVisible())) throw new Error('the keystrokes did not end in a schedule for 1.800 kr.');
    const times = await page.evaluate(() => (window as unknown as { __keys: Array<{ key: number; handled: number; updated: number; frame: number }> }).__keys);
    if (times.length !== keys.length) throw new Error(`expected ${keys.length} keystrokes, saw ${times.length}`);
    return times;
  };
  // The 30 keys three times over: a p95 of 90 keystrokes, not the second-slowest of 30.
  const times = await profiled(page, 'keystrokes', async () => [...(await typeAll()), ...(await typeAll()), ...(await typeAll())]);
  // The same keys again, traced: the UI thread's CPU time from each key's task to the preview
  // updated, which the other processes on a busy machine do not stretch as they do wall time.
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await typeAll();
  const cpu = keystrokeCpu(JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] });
  return {
    count: times.length,
    updated: spread(times.map((k) => k.updated - k.key)),
    // The recompute itself: from the field's text changed to the preview updated and laid out
    // (the key's delivery from the test's driver to the page not counted).
    recomputed: spread(times.map((k) => k.updated - k.handled)),
    frame: spread(times.map((k) => k.frame - k.key)),
    each: times.map((k) => Math.round(k.updated - k.key)),
    cpu: spread(cpu),
    cpuEach: cpu.map((x) => Math.round(x * 10) / 10),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Per keystroke in a trace: CPU ms of the page's main thread in the task that handled the key
 * (its events, React's render and commit) and in the task after it that forced the layout and
 * set the mark; what the key costs the UI thread, however busy the machine's other cores are.
 */
function keystrokeCpu({ traceEvents: ev }: { traceEvents: TraceEvent[] }): number[] {
  const keydowns = ev.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const main = keydowns[0];
  if (!main) return [];
  const tasks = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  const taskAt = (ts: number) => tasks.find((t) => t.ts <= ts && ts <= t.ts + (t.dur ?? 0));
  const marks = ev.filter((e) => e.name === 'saldo-key-updated' && e.pid === main.pid).map((e) => e.ts);
  return keydowns.flatMap((k) => {
    const key = taskAt(k.ts);
    const mark = marks.find((m) => m >= k.ts);
    const update = mark === undefined ? undefined : taskAt(mark);
    if (!key || !update) return [];
    return [((key.tdur ?? 0) + (update === key ? 0 : (update.tdur ?? 0))) / 1000];
  });
}

/** The ledger, an Excel table on a sheet of its own: each debtor a claim of 1.000 kr. (1 March 2025) and a payment of 250 kr. (1 June). */
async function putLedger(page: Page, debtors: number) {
  await page.evaluate(putLedgerSheet, { debtors, sheet: 'Stor', table: 'Stor' });
}

const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as { __saldo: { workbook: { sheets: Array<{ name: string }> } } }).__saldo.workbook.sheets.map((s) => s.name));

/**
 * The in-memory workbook runs in the pane's thread: in Excel, reading and writing cells is
 * Excel's work, in its own process. So the time spent inside the fake's ranges is recorded
 * (`__inWorkbook`: [start, end] in ms), and each long task is also given without it.
 */
async function timeTheWorkbook(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __inWorkbook: Array<[number, number]>; __saldo: { workbook: { sheets: Array<{ getRange(a: string): object }> } } };
    w.__inWorkbook = [];
    let depth = 0;
    const timed = <A extends unknown[], R>(f: (...a: A) => R) =>
      function (this: unknown, ...a: A): R {
        if (depth > 0) return f.apply(this, a);
        depth += 1;
        const t0 = performance.now();
        try {
          return f.apply(this, a);
        } finally {
          depth -= 1;
          w.__inWorkbook.push([t0, performance.now()]);
        }
      };
    const sheet = w.__saldo.workbook.sheets[0]!;
    for (const proto of [Object.getPrototypeOf(sheet.getRange('A1')) as object, Object.getPrototypeOf(sheet) as object]) {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (name === 'constructor') continue;
        Object.defineProperty(proto, name, {
          ...d,
          ...(typeof d.value === 'function' ? { value: timed(d.value as (...a: unknown[]) => unknown) } : {}),
          ...(d.get ? { get: timed(d.get) } : {}),
          ...(d.set ? { set: timed(d.set) } : {}),
        });
      }
    }
  });
}

/** Each long task's time less the in-memory workbook's work in it (see timeTheWorkbook). */
const lessWorkbook = (long: ReadonlyArray<{ start: number; ms: number }>, inWorkbook: ReadonlyArray<[number, number]>) =>
  long.map(({ start, ms }) => ms - inWorkbook.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, start + ms) - Math.max(a, start)), 0));

/** (b) Statements of the 200.000-row table: stopped while reading, then run to the end. */
async function statements(page: Page) {
  await putLedger(page, DEBTORS);
  const menu = page.getByLabel('Side', { exact: true });
  await menu.selectOption({ label: 'Saldoopgørelse' });
  await page.getByRole('button', { name: 'Opdater listen' }).first().click();
  const source = page.getByLabel('Posteringsliste');
  await source.selectOption({ label: 'Tabel: Stor' });
  await page.getByLabel('År', { exact: true }).fill('2025');
  await page.getByLabel('Lav breve (én side pr. debitor)').uncheck();
  const before = await sheetNames(page);
  // The page's heap holds the in-memory workbook (its cells), which in Excel is Excel's memory.
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => Math.round(((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20);
  const heapWithLedgerMb = await heapMb();
  const run = page.getByRole('button', { name: 'Lav saldoopgørelser' });
  await timeTheWorkbook(page);
  await page.evaluate(() => {
    const w = window as unknown as { __long: Array<{ start: number; ms: number }>; __texts: Set<string> };
    w.__long = [];
    new PerformanceObserver((list) => w.__long.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask' });
    // Every progress text shown (the progress bar's message).
    w.__texts = new Set();
    new MutationObserver(() => {
      for (const m of document.body.innerText.match(/^(Læser .* rækker …|Beregner …|Skriver resultaterne …)$/gm) ?? []) w.__texts.add(m.replace(/[\d.]+ af/, 'N af'));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  // Stop while reading: the run says it stopped, and the workbook has no new sheet.
  const t0 = Date.now();
  await run.click();
  await page.getByText(/^Læser [\d.]+ af [\d.]+ rækker …$/).waitFor();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByText('Stoppet. Intet er skrevet i projektmappen.').waitFor({ timeout: 60_000 });
  const stopMs = Date.now() - t0;
  const stopWorks = JSON.stringify(await sheetNames(page)) === JSON.stringify(before) && (await page.getByRole('button', { name: 'Stop' }).count()) === 0;
  const stopLong = await page.evaluate(() => (window as unknown as { __long: Array<{ ms: number }> }).__long.splice(0).map((x) => x.ms));

  // To the end.
  const t1 = Date.now();
  const started = await page.evaluate(() => performance.now());
  await profiled(page, 'statements', async () => {
    await run.click();
    await page.getByText(/debitorer er opgjort i arkene/).waitFor({ timeout: 600_000 });
  });
  const wallMs = Date.now() - t1;
  const status = await page.getByRole('status').last().innerText();
  const correct = status.startsWith(`${DEBTORS.toLocaleString('da-DK')} debitorer er opgjort`) && status.includes(`ultimo ${(DEBTORS * 750).toLocaleString('da-DK')},00 kr.`);
  const { long, texts, inWorkbook } = await page.evaluate(() => {
    const w = window as unknown as { __long: Array<{ start: number; ms: number }>; __texts: Set<string>; __inWorkbook: Array<[number, number]> };
    return { long: w.__long, texts: [...w.__texts], inWorkbook: w.__inWorkbook };
  });
  const net = lessWorkbook(long, inWorkbook);
  return {
    rows: 2 * DEBTORS + 1,
    wallMs,
    correct,
    progress: texts,
    progressShown: texts.some((x) => x.startsWith('Læser')),
    longTasks: long.length,
    longestTaskMs: round(Math.max(0, ...long.map((x) => x.ms))),
    tasksOver200: long.filter((x) => x.ms > LONG_TASK_MS).length,
    // Without the in-memory workbook's own reading and writing (Excel's work, in Excel).
    longestLessWorkbookMs: round(Math.max(0, ...net)),
    overLessWorkbook: net.filter((ms) => ms > LONG_TASK_MS).length,
    heapWithLedgerMb,
    heapAfterMb: await heapMb(),
    workbookMs: Math.round(inWorkbook.reduce((sum, [a, b]) => sum + (a >= started ? b - a : 0), 0)),
    // The long tasks, in ms from the click: [start, duration, without the workbook's work].
    longTaskTimeline: long.map((x, i) => [Math.round(x.start - started), Math.round(x.ms), Math.round(net[i]!)]).filter((x) => x[1]! > 100),
    stop: { works: stopWorks, ms: stopMs, longestTaskMs: round(Math.max(0, ...stopLong)) },
  };
}

const stubCode = (await build({ entryPoints: [`${ROOT}test/e2e/officeStub.ts`], bundle: true, write: false, format: 'iife', target: 'es2022' })).outputFiles[0]!.text;
const server = await serve(DIST);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const which = process.env.SALDO_PANE_BENCH ?? 'keystroke,statements';
  const out: Record<string, unknown> = {};
  if (which.includes('keystroke')) {
    const page = await openPane(browser, stubCode, server.url);
    const k = await keystrokes(page);
    out.keystroke = {
      claims: CLAIMS,
      keystrokes: k.count,
      ms: k.updated,
      recomputedMs: k.recomputed,
      cpuMs: k.cpu,
      cpuEach: k.cpuEach,
      toFrameMs: k.frame,
      each: k.each,
      met: k.recomputed.p95 <= FRAME_MS,
    };
    await page.close();
  }
  if (which.includes('statements')) {
    const page = await openPane(browser, stubCode, server.url);
    const s = await statements(page);
    const behaves = s.correct && s.progressShown && s.stop.works;
    out.statements = { ...s, met: behaves && s.tasksOver200 === 0, metLessWorkbook: behaves && s.overLessWorkbook === 0 };
    await page.close();
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
