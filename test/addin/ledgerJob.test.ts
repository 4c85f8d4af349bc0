/**
 * The statements and analyses computed off the UI thread (addin/taskpane/ledger/ledgerJob.ts):
 * the rows handed over in pieces give the very result the whole ledger gives in one call (the
 * invariant: where the computation runs and how the rows arrive changes nothing); Saldo's own
 * errors stay Saldo's errors; Stop ends it. The worker is modelled as the browser runs one:
 * messages are structured clones, delivered later, never shared objects.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSourceInPieces } from '../../addin/excel/workbook.js';
import { answerInPieces, LedgerJobCancelled, ledgerWorkerSide, startLedgerJob, type FromWorker, type ToWorker, type WorkerLike } from '../../addin/taskpane/ledger/ledgerJob.js';
import { commands } from '../../core/commands/index.js';
import { isSaldoError } from '../../core/errors.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';
import { exampleRows } from '../fakes/exampleRows.js';

const rows = readFileSync(new URL('../../examples/ledger/posteringer.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(';'));
const statementsJob = { kind: 'statements', input: { year: '2025', yearPlace: 'År', maskCpr: true } } as const;
const inPieces = (all: unknown[][], size: number) => Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));

/**
 * A Worker as the browser gives one: the worker side in its own "thread", messages cloned and
 * delivered later, each in a task of its own; answers sent as ledgerWorker.ts sends them (long
 * lists in parts, here of 3 items so the example ledger's debtors cross in several).
 */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  /** Messages the worker got (types), to see what crossed. */
  received: string[] = [];
  private side = ledgerWorkerSide();
  constructor(private readonly crash?: string) {}
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      this.received.push(copy.type);
      if (this.crash && copy.type === 'end') return this.onerror?.({ message: this.crash });
      void this.side(copy).then((answer) => {
        for (const message of answer ? answerInPieces(answer, 3) : []) setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone<FromWorker>(message) }));
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('a ledger job off the UI thread', () => {
  const whole = commands.statementsOfRows(statementsJob.input, defaultRules)(rows);

  it('rows handed over in pieces give the statement the whole ledger gives in one call, in a worker and in the thread', async () => {
    expect(whole.debtors.length).toBeGreaterThan(10); // the example ledger, not an empty one
    for (const worker of [new FakeWorker(), null]) {
      const job = await startLedgerJob(statementsJob, defaultRules, worker);
      for (const piece of inPieces(rows, 7)) job.add(piece);
      expect(await job.result()).toEqual(whole);
    }
  });

  it('an analysis the same way', async () => {
    const input = { asOf: '2025-12-31', asOfPlace: 'Opgørelsesdato' };
    const worker = new FakeWorker();
    const job = await startLedgerJob({ kind: 'analyse', input }, defaultRules, worker);
    for (const piece of inPieces(rows, 5)) job.add(piece);
    expect(await job.result()).toEqual(commands.analyseRows(input, defaultRules)(rows));
    expect(worker.terminated).toBe(true); // done: the worker is let go
  });

  it('the analysis’s period goes with the job, and a bad one fails before a row is read', async () => {
    const input = { asOf: '2025-12-31', asOfPlace: 'Opgjort pr.', from: '2024-07-01', fromPlace: 'Periode fra', to: '2025-06-30', toPlace: 'Periode til' };
    const job = await startLedgerJob({ kind: 'analyse', input }, defaultRules, new FakeWorker());
    for (const piece of inPieces(rows, 5)) job.add(piece);
    const a = await job.result();
    expect(a.period).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(a.developmentTotal.months).toHaveLength(12);
    await expect(startLedgerJob({ kind: 'analyse', input: { ...input, from: '2025-07-01' } }, defaultRules, new FakeWorker())).rejects.toThrow(
      'Periode fra: perioden begynder 01-07-2025, efter at den slutter 30-06-2025. Byt om på datoerne.',
    );
  });

  it('the work list the same way: the register goes with the start, the ledger in pieces', async () => {
    const register = [
      ['Aftale', 'Debitor', 'Fordringer', 'Ydelse', 'Første forfald'],
      ['A1', rows[1]![0], rows[1]![3], '100,00', '01-02-2025'],
    ];
    const input = { asOf: '2025-06-30', asOfPlace: 'Pr. dato', register };
    const job = await startLedgerJob({ kind: 'worklist', input }, defaultRules, new FakeWorker());
    for (const piece of inPieces(rows, 6)) job.add(piece);
    const list = await job.result();
    expect(list).toEqual((await commands.worklistOfRows(input, defaultRules))(rows));
    expect(list.totals.agreements + list.errors.length).toBe(1); // the one agreement, listed or an error
  });

  it('the forældelse radar the same way, its date and window checked at the start', async () => {
    const input = { asOf: '2026-06-16', asOfPlace: 'Pr. dato', days: '90', daysPlace: 'Vindue', maskCpr: false };
    const job = await startLedgerJob({ kind: 'limitation', input }, defaultRules, new FakeWorker());
    for (const piece of inPieces(rows, 4)) job.add(piece);
    const radar = await job.result();
    expect(radar).toEqual((await commands.limitationOfRows(input, defaultRules))(rows));
    expect(radar.openClaims).toBeGreaterThan(0); // the example ledger, not an empty one
    await expect(startLedgerJob({ kind: 'limitation', input: { ...input, days: '90 dage' } }, defaultRules, new FakeWorker())).rejects.toThrow(/^Vindue: angiv antal dage/);
  });

  it('the campaign the same way: the call log goes with the start, the ledger in pieces', async () => {
    const ledger = exampleRows('portefoelje/posteringer.csv');
    const input = { calls: exampleRows('portefoelje/opkald.csv'), asOf: '2026-09-30', asOfPlace: 'Pr. dato' };
    const worker = new FakeWorker();
    const job = await startLedgerJob({ kind: 'campaign', input }, defaultRules, worker);
    for (const piece of inPieces(ledger, 3)) job.add(piece);
    const c = await job.result();
    expect(c).toEqual((await commands.campaignOfRows(input, defaultRules))(ledger));
    // examples/portefoelje/README.md: 7 calls, 3.000 kr. paid within 3 months of the first call (in øre)
    expect([c.totals.calls, c.totals.paid3.amount]).toEqual([7, 300_000]);
    expect(worker.terminated).toBe(true);
  });

  it('a call log without Udfald fails at the start, naming the column, before a row of the ledger is sent', async () => {
    const worker = new FakeWorker();
    const calls = [
      ['Dato', 'Sagsbehandler', 'Debitor'],
      ['09-01-2026', 'Kim', 'D1'],
    ];
    const failed = await startLedgerJob({ kind: 'campaign', input: { calls, asOf: '2026-09-30', asOfPlace: 'Pr. dato' } }, defaultRules, worker).catch((e: unknown) => e);
    expect(isSaldoError(failed)).toBe(true);
    expect((failed as Error).message).toMatch(/^Opkaldsloggen mangler kolonnerne Udfald/);
    expect(worker.received).toEqual(['start']);
  });

  it('a year that is no year fails at the start, as Saldo’s own Danish error, before a row is sent', async () => {
    const worker = new FakeWorker();
    const failed = await startLedgerJob({ kind: 'statements', input: { year: 'i år', yearPlace: 'År', maskCpr: true } }, defaultRules, worker).catch((e: unknown) => e);
    expect(isSaldoError(failed)).toBe(true);
    expect((failed as Error).message).toMatch(/^År: /);
    expect(worker.received).toEqual(['start']);
    expect(worker.terminated).toBe(true);
  });

  it('a result’s long lists cross in parts ahead of it, each part one message, and are whole again', () => {
    const messages = answerInPieces({ type: 'done', result: whole }, 3);
    const parts = messages.filter((m) => m.type === 'part');
    expect(parts).toHaveLength(Math.ceil(whole.debtors.length / 3));
    expect(parts.every((m) => m.key === 'debtors' && m.items.length <= 3)).toBe(true);
    expect(messages.at(-1)).toEqual({ type: 'done', result: { ...whole, debtors: [] } });
    // Short lists and other answers go as they are.
    expect(answerInPieces({ type: 'done', result: whole }, whole.debtors.length)).toEqual([{ type: 'done', result: whole }]);
    expect(answerInPieces({ type: 'ready' })).toEqual([{ type: 'ready' }]);
  });

  it('Stop while computing ends the job as stopped and lets the worker go', async () => {
    const worker = new FakeWorker();
    const job = await startLedgerJob(statementsJob, defaultRules, worker);
    job.add(rows);
    const result = job.result();
    job.cancel();
    await expect(result).rejects.toBeInstanceOf(LedgerJobCancelled);
    expect(worker.terminated).toBe(true);
  });

  it('a worker that dies says so, as a failure (not as a result)', async () => {
    const job = await startLedgerJob(statementsJob, defaultRules, new FakeWorker('out of memory'));
    job.add(rows);
    await expect(job.result()).rejects.toThrow('out of memory');
  });
});

describe('reading a ledger piece by piece', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands every row over once, in order, and stops between pieces when asked to', async () => {
    const wb = new FakeWorkbook(['Posteringer']);
    const ledger = [['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'], ...Array.from({ length: 4100 }, (_, i) => [`D${i}`, 'F', 46023, 'krav', i])];
    wb.put('Posteringer', 'A1', ledger);
    vi.stubGlobal('Excel', fakeExcel(wb));
    const got: unknown[][] = [];
    // The first read takes 20,000 cells (4,000 rows of 5); then, on a budget of 400 bytes, a couple of rows a piece.
    await readSourceInPieces({ kind: 'sheet', name: 'Posteringer' }, (r) => got.push(...r), undefined, 2000);
    expect(got).toEqual(ledger);

    const stop = new AbortController();
    const seen: number[] = [];
    const stopped = readSourceInPieces(
      { kind: 'sheet', name: 'Posteringer' },
      (r) => {
        seen.push(r.length);
        if (seen.length === 2) stop.abort();
      },
      undefined,
      400,
      stop.signal,
    );
    await expect(stopped).rejects.toThrow();
    expect(seen).toEqual([4000, seen[1]]); // nothing read after Stop
    expect(seen[1]).toBeLessThan(100);
  });
});
