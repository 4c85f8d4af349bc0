import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from './helpers.js';

const agreement = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };
const json = (v: unknown) => JSON.stringify(v);
const load = async (bytes: string | Uint8Array | undefined) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((bytes as Uint8Array).buffer as ArrayBuffer);
  return wb;
};

describe('saldo henstand', () => {
  const input = { ...agreement, henstand: { from: '2026-05-01', months: 3, kind: 'full' } };
  it('answers before, after, effect and warnings; exit 0', async () => {
    const r = await cli(['henstand', '--in', 'h.json'], { 'h.json': json(input) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.effect).toEqual({ lastDueDateBefore: '2026-10-01', lastDueDateAfter: '2027-01-04', extraPayments: 0, extraInterest: 0, extraTotal: 0 });
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['HENSTAND_MOD_POLITIK']);
  });
  it('a henstand that moves a date past 31-12-9999 is exit 2 in Danish, for an agreement and a single claim (found by review)', async () => {
    const late = { ...agreement, startDate: '9999-01-10', firstDueDate: '9999-02-01', henstand: { from: '9999-05-01', months: 3, kind: 'full' } };
    const single = { claim: { id: 'F1', type: 'renovation', principal: 1200, dueDate: '9999-11-01' }, henstand: { months: 3 } };
    for (const v of [late, single]) {
      const r = await cli(['henstand', '--in', 'h.json'], { 'h.json': json(v) });
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/efter 31-12-9999/);
    }
  });
  it("a single claim is checked as a plan's claim is: negative fees or an object as id are refused, not passed over (found by the fuzz suite)", async () => {
    const single = { claim: { id: 'F1', type: 'renovation', principal: 1200, dueDate: '2026-03-01' }, henstand: { months: 3 } };
    expect((await cli(['henstand', '--in', 'h.json'], { 'h.json': json(single) })).code).toBe(0);
    for (const [claim, message] of [
      [{ fees: -5 }, /^claim\.fees/],
      [{ id: { a: 1 } }, /^claim\.id: skal være en kort tekst/],
      [{ type: 'parkering' }, /^claim\.type/],
    ] as const) {
      const r = await cli(['henstand', '--in', 'h.json'], { 'h.json': json({ ...single, claim: { ...single.claim, ...claim } }) });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
  it('runs a batch; a bad element gets an error', async () => {
    const r = await cli(['henstand', '--in', '-'], {}, json([input, { ...input, henstand: { from: '2026-05-01', months: 0 } }]));
    const out = JSON.parse(r.stdout);
    expect(out[0].after.summary.count).toBe(9);
    expect(out[1].error.field).toBe('henstand.months');
  });
  it.each([
    ['negative months', { ...input, henstand: { from: '2026-05-01', months: -1 } }, /henstand\.months/],
    ['reduced without amount', { ...input, henstand: { from: '2026-05-01', months: 2, kind: 'reduced' } }, /skal have den lavere ydelse/],
    ['unknown date', { ...input, henstand: { from: '2026-04-31', months: 2 } }, /henstand\.from: datoen 2026-04-31 findes ikke/],
  ])('bad input (%s) → exit 2 with the Danish message', async (_n, bad, message) => {
    const r = await cli(['henstand', '--in', 'x.json'], { 'x.json': json(bad) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('writes the comparison and both schedules to a workbook', async () => {
    const r = await cli(['henstand', '--in', 'h.json', '--out', 'h.xlsx'], { 'h.json': json(input) });
    expect(r.code).toBe(0);
    const wb = await load(r.files.get('h.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Henstand', 'Før', 'Efter']);
    const sheet = wb.getWorksheet('Henstand')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '', 'Før henstand', 'Efter henstand', 'Forskel']);
    expect(sheet.getCell('A2').value).toBe('Antal ydelser');
    expect(sheet.getCell('C3').value).toEqual(new Date(Date.UTC(2027, 0, 4)));
    expect(wb.getWorksheet('Efter')!.rowCount).toBe(10);
  });
});

describe('saldo status', () => {
  const input = { ...agreement, payments: [{ date: '2026-02-02', amount: 300 }], asOf: '2026-02-20' };
  it('answers the state, arrears, breach date and next steps', async () => {
    const r = await cli(['status', '--in', 's.json'], { 's.json': json(input) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ state: 'misligholdt', arrears: 200, breachDate: '2026-02-03' });
  });
  it('writes a status sheet with coloured states and the next steps', async () => {
    const r = await cli(['status', '--in', 's.json', '--out', 's.xlsx'], { 's.json': json(input) });
    const sheet = (await load(r.files.get('s.xlsx'))).getWorksheet('Status')!;
    expect(sheet.getCell('B1').value).toBe('misligholdt');
    expect((sheet.getCell('B1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(sheet.getRow(10).values).toEqual([undefined, 'Nr.', 'Forfaldsdato', 'Ydelse', 'Betalt', 'Mangler', 'Status', 'Dækket den']);
    expect(sheet.getCell('F11').value).toBe('delvist');
    expect((sheet.getCell('F11').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCD5B4');
    // The seed politik for a breached agreement on daginstitution: one rykker, a call, medhæftere, oversendelse.
    const steps = sheet.getColumn(1).values.filter((v) => typeof v === 'string' && /^(Send|Ring|Oversend)/.test(v));
    expect(steps).toEqual([
      'Send rykker med varsel om oversendelse (automatisk ved misligholdelse)',
      'Ring til skyldner, hvis det vurderes at have gavnlig effekt',
      'Send 1. rykker til medhæftere',
      'Send 2. rykker med varsel om oversendelse til medhæftere',
      'Ring til medhæftere, hvis det vurderes at have gavnlig effekt',
      'Oversend til inddrivelse (Gældsstyrelsen)',
    ]);
  });
  it('bad input → exit 2 from the real command line', () => {
    const r = spawnCli(['status', '--in', '-'], json({ ...input, graceDays: 'tre' }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/graceDays/);
  });
});

describe("the README's henstand and status examples (examples/henstand, examples/status)", () => {
  it('henstand: 3 months without payments from 1 May move the end from 1 Oct 2026 to Monday 4 Jan 2027, no extra cost, a policy warning', async () => {
    const r = await cli(['henstand', '--in', 'in.json'], { 'in.json': readFileSync(new URL('../../examples/henstand/aftale-med-henstand.json', import.meta.url), 'utf8') });
    const out = JSON.parse(r.stdout) as { effect: unknown; warnings: Array<{ code: string }> };
    // 4.450 kr. at 500 a month from 1 Feb: 9 payments, the last on 1 Oct; 3 months later is 1 Jan 2027 (a holiday) → Monday 4 Jan
    expect(out.effect).toEqual({ lastDueDateBefore: '2026-10-01', lastDueDateAfter: '2027-01-04', extraPayments: 0, extraInterest: 0, extraTotal: 0 });
    expect(out.warnings.map((w) => w.code)).toEqual(['HENSTAND_MOD_POLITIK']);
  });

  // No. 3 is due Wednesday 1 April 2026; + 3 days' grace = Saturday 4 April, and Easter closes
  // 5–6 April (påskedag, 2. påskedag): the deadline runs to Tuesday 7 April, the breach from 8 April.
  it("status: 1.200 paid of 2.000 due by 10 May is 800 in arrears; no. 3 (1 Apr) is 300 short past 3 days' grace, which end on Easter Saturday: misligholdt from 8 Apr", async () => {
    const r = await cli(['status', '--in', 'in.json'], { 'in.json': readFileSync(new URL('../../examples/status/aftale-med-indbetalinger.json', import.meta.url), 'utf8') });
    const out = JSON.parse(r.stdout) as { state: string; arrears: number; breachDate: string; paidTotal: number; installments: Array<{ paid: number; missing: number; state: string }> };
    expect(out).toMatchObject({ state: 'misligholdt', arrears: 800, breachDate: '2026-04-08', paidTotal: 1200 });
    expect(out.installments[2]).toMatchObject({ paid: 200, missing: 300, state: 'delvist' });
  });

  // Ejendomsskat goes to inddrivelse after each due rate once the procedure is done (seed politik):
  // rate 1 was sent 24/3; rate 2 (due 1/9) is unpaid, so its procedure starts 2/9 and is overdue on
  // 10/9: rykker 1 now, +10 = 20/9 (a Sunday) → 21/9 rykker 2 and the call, +10 = 1/10 oversendelse.
  it('status of ejendomsskat rates: the procedure starts over for the second rate, from today', async () => {
    const r = await cli(['status', '--in', 'in.json'], { 'in.json': readFileSync(new URL('../../examples/status/ejendomsskat-rater.json', import.meta.url), 'utf8') });
    const out = JSON.parse(r.stdout) as { procedure: { id: string }; nextSteps: Array<{ step: string; earliest: string; fee: number; overdue: boolean }> };
    expect(out.procedure.id).toBe('ejendomsskat');
    expect(out.nextSteps.map((s) => [s.step, s.earliest, s.fee, s.overdue])).toEqual([
      ['rykker1', '2026-09-10', 250, true],
      ['rykker2', '2026-09-21', 250, false],
      ['opkald', '2026-09-21', 0, false],
      ['oversendelse', '2026-10-01', 0, false],
    ]);
  });
});
