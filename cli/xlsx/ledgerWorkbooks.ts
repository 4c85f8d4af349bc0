/**
 * Workbooks for `statements` and `analyse` (--out x.xlsx) and the printable letters
 * (--letters x.xlsx). Written with ExcelJS's streaming writer, so 80,000 debtors do not have to
 * fit in memory as a workbook model. Every string from the ledger is written as a string value,
 * which ExcelJS never turns into a formula: a name like =HYPERLINK("…") stays text.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { dateToExcelSerial } from '../../core/calendar/excelSerial.js';
import type { CalendarDate } from '../../core/calendar/date.js';
import { AGING_BUCKETS } from '../../core/ledger/analyse.js';
import type { AnalyseOutput, StatementsOutput } from '../../core/ledger/ledgerJson.js';
import { POSTING_KINDS } from '../../core/ledger/posting.js';
import { formatKroner, ore } from '../../core/money/ore.js';
import { NUMBER_FORMATS } from '../../core/report/planTable.js';
import { CLAIM_TYPES, defaultClaimTypes, type ClaimType } from '../../core/rules/claimTypes.js';

const KR = NUMBER_FORMATS.kroner;
const DATE = NUMBER_FORMATS.date;
const serial = (d: string | null) => (d ? dateToExcelSerial(d as CalendarDate) : null);
const KIND_LABELS: Record<string, string> = { krav: 'Nye krav', gebyr: 'Gebyrer', rente: 'Renter', betaling: 'Indbetalinger', afskrivning: 'Afskrivninger', oversendt: 'Sendt til inddrivelse', tilbagebetaling: 'Tilbagebetalinger', korrektion: 'Korrektioner' };

/** Collects a streamed workbook into bytes. */
async function collect(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Saldo';
  await write(wb);
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  sheet.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
}

function errorsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, errors: ReadonlyArray<{ row: number; message: string }>): void {
  const sheet = wb.addWorksheet('Fejl');
  header(sheet, ['Række', 'Fejl'], [10, 90]);
  if (errors.length === 0) sheet.addRow([null, 'Ingen fejl: alle rækker blev læst.']).commit();
  for (const e of errors) sheet.addRow([e.row, e.message]).commit();
  sheet.commit();
}

export function statementsWorkbook(s: StatementsOutput): Promise<Uint8Array> {
  return collect(async (wb) => {
    const summary = wb.addWorksheet('Oversigt');
    header(summary, ['Saldoopgørelse', String(s.year)], [34, 20]);
    const lines: Array<[string, number | string, string?]> = [
      ['Debitorer', s.totals.debtors],
      ['Fordringer', s.totals.claims],
      ['Åbne fordringer 31. december', s.totals.openClaims],
      ['Primo (1. januar)', s.totals.opening, KR],
      ...POSTING_KINDS.filter((k) => s.totals.movements[k] !== undefined).map((k): [string, number, string] => [KIND_LABELS[k]!, s.totals.movements[k]!, KR]),
      ['Ultimo (31. december)', s.totals.closing, KR],
      ['Posteringer i opgørelsen', s.totals.rows],
      ['Posteringernes sum (afstemt mod ultimo)', s.totals.rowsSum, KR],
      ['Posteringer efter årets udgang (udeladt)', s.totals.rowsAfterYear],
      ['Fejlbehæftede rækker (se arket Fejl)', s.errors.length],
    ];
    for (const [label, value, fmt] of lines) {
      const row = summary.addRow([label, value]);
      if (fmt) row.getCell(2).numFmt = fmt;
      row.commit();
    }
    summary.commit();

    const claims = wb.addWorksheet('Fordringer', { views: [{ state: 'frozen', ySplit: 1 }] });
    header(claims, ['Debitor', 'Navn', 'CPR/CVR', 'Fordring', 'Fordringstype', 'Primo', ...POSTING_KINDS.map((k) => KIND_LABELS[k]!), 'Ultimo', 'Forfaldsdato', 'Alder (dage)', 'Forældelse', 'Forældet'], [12, 26, 13, 16, 16, 14, ...POSTING_KINDS.map(() => 14), 14, 13, 11, 13, 9]);
    for (const d of s.debtors) {
      for (const c of d.claims) {
        const row = claims.addRow([d.debtorId, d.name, d.cpr, c.claimId, c.claimType, c.opening, ...POSTING_KINDS.map((k) => c.movements[k] ?? 0), c.closing, serial(c.dueDate), c.ageDays, serial(c.limitationDate), c.timeBarred ? 'ja' : '']);
        for (let i = 6; i <= 6 + POSTING_KINDS.length + 1; i += 1) row.getCell(i).numFmt = KR;
        row.getCell(8 + POSTING_KINDS.length).numFmt = DATE;
        row.getCell(10 + POSTING_KINDS.length).numFmt = DATE;
        row.commit();
      }
    }
    claims.commit();
    errorsSheet(wb, s.errors);
  });
}

export function analyseWorkbook(a: AnalyseOutput): Promise<Uint8Array> {
  return collect(async (wb) => {
    const summary = wb.addWorksheet('Oversigt');
    header(summary, ['Saldoanalyse pr.', a.asOf], [40, 18]);
    const s = a.summary;
    const lines: Array<[string, number, string?]> = [
      ['Samlet saldo', s.balance, KR],
      ['Debitorer med saldo', s.debtorsWithBalance],
      ['Åbne fordringer', s.openClaims],
      ['Gennemsnit pr. debitor', s.averagePerDebtor, KR],
      ['Saldo ældre end 1 år', s.overOneYear, KR],
      ['Andel ældre end 1 år', s.overOneYearShare, '0.0%'],
      ['Nye krav i år', s.newClaimsYearToDate, KR],
      ['Indbetalt i år', s.paymentsYearToDate, KR],
      ['Afskrevet i år', s.writtenOffYearToDate, KR],
      ['Sendt til inddrivelse i år', s.transferredYearToDate, KR],
    ];
    for (const [label, value, fmt] of lines) {
      const row = summary.addRow([label, value]);
      if (fmt) row.getCell(2).numFmt = fmt;
      row.commit();
    }
    summary.commit();

    const aging = wb.addWorksheet('Aldersfordeling');
    header(aging, ['Fordringstype', ...AGING_BUCKETS.map((b) => b.label), 'I alt'], [18, ...AGING_BUCKETS.map(() => 15), 16]);
    for (const r of a.aging) {
      const row = aging.addRow([r.claimType, ...r.buckets, r.total]);
      for (let i = 2; i <= AGING_BUCKETS.length + 2; i += 1) row.getCell(i).numFmt = KR;
      row.commit();
    }
    aging.commit();

    const dev = wb.addWorksheet('Udvikling');
    header(dev, ['Fordringstype', 'Måned', 'Saldo ultimo', 'Tilgang', 'Afgang'], [18, 10, 16, 16, 16]);
    for (const d of a.development) {
      for (const m of d.months) {
        const row = dev.addRow([d.claimType, m.month, m.balance, m.additions, m.reductions]);
        for (const i of [3, 4, 5]) row.getCell(i).numFmt = KR;
        row.commit();
      }
    }
    dev.commit();

    const top = wb.addWorksheet('Største debitorer');
    header(top, ['Debitor', 'Navn', 'Saldo', 'Åbne fordringer', 'Ældste forfald'], [12, 28, 16, 15, 14]);
    for (const t of a.topDebtors) {
      const row = top.addRow([t.debtorId, t.name, t.balance, t.openClaims, serial(t.oldestDueDate)]);
      row.getCell(3).numFmt = KR;
      row.getCell(5).numFmt = DATE;
      row.commit();
    }
    top.commit();
    errorsSheet(wb, a.errors);
  });
}

/** The claim type's Danish label where Saldo knows it; the ledger's own code otherwise. */
const typeLabel = (type: string) => ((CLAIM_TYPES as readonly string[]).includes(type) ? defaultClaimTypes.value[type as ClaimType].label : type);

export interface LetterOptions {
  kommune: string;
  contact: string;
}

const kr = (v: number) => formatKroner(ore(Math.round(v * 100)));
/** "kr." ends a sentence by itself: no second full stop. */
const sentence = (t: string) => t.replace(/\.\.(?=\s|$)/g, '.');

/**
 * One printable page per debtor with a balance or a movement: who we are, what you owe per claim,
 * what happened this year, how to pay or make an agreement, whom to call. Page breaks after each
 * debtor; A4 portrait, fitted to the page width.
 */
export function lettersWorkbook(s: StatementsOutput, options: LetterOptions): Promise<Uint8Array> {
  return collect(async (wb) => {
    const sheet = wb.addWorksheet('Saldoopgørelser', {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } },
    });
    sheet.columns = [{ width: 22 }, { width: 30 }, { width: 19 }, { width: 19 }, { width: 21 }];
    let rowNo = 0;
    const add = (values: unknown[], style?: { bold?: boolean; size?: number; fmt?: number[] }) => {
      const row = sheet.addRow(values);
      rowNo += 1;
      if (style?.bold || style?.size) row.font = { bold: style.bold ?? false, size: style.size ?? 11 };
      for (const i of style?.fmt ?? []) row.getCell(i).numFmt = KR;
      return row;
    };
    const debtors = s.debtors.filter((d) => d.closing !== 0 || Object.keys(d.movements).length > 0);
    debtors.forEach((d, n) => {
      add([options.kommune], { bold: true, size: 14 }).commit();
      add([`Saldoopgørelse pr. 31. december ${s.year}`], { bold: true, size: 12 }).commit();
      add([]).commit();
      add([d.name || `Debitor ${d.debtorId}`]).commit();
      add([d.cpr ? `CPR/CVR: ${d.cpr}` : `Debitornummer: ${d.debtorId}`]).commit();
      add([]).commit();
      add([`Kære ${d.name || 'borger'}`]).commit();
      add([`Her er en oversigt over, hvad du skylder ${options.kommune} ved årets udgang, og hvad der er sket på dine sager i ${s.year}.`]).commit();
      add([]).commit();
      add(['Sag', 'Type', `Skyldig 1. januar`, `Bevægelser ${s.year}`, 'Skyldig 31. december'], { bold: true }).commit();
      for (const c of d.claims) {
        const moved = Object.values(c.movements).reduce((t, v) => t + (v ?? 0), 0);
        add([c.claimId, typeLabel(c.claimType), c.opening, Math.round(moved * 100) / 100, c.closing], { fmt: [3, 4, 5] }).commit();
      }
      add(['I alt', '', d.opening, Math.round((d.closing - d.opening) * 100) / 100, d.closing], { bold: true, fmt: [3, 4, 5] }).commit();
      add([]).commit();
      const happened = POSTING_KINDS.filter((k) => d.movements[k] !== undefined).map((k) => `${KIND_LABELS[k]}: ${kr(d.movements[k]!)}`);
      add([sentence(happened.length > 0 ? `I ${s.year}: ${happened.join('; ')}.` : `Der er ikke sket noget på dine sager i ${s.year}.`)]).commit();
      add([]).commit();
      if (d.closing > 0) {
        add([sentence(`Du skylder ${kr(d.closing)}. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.`)]).commit();
        add(['Kan du ikke betale det hele på én gang, kan vi lave en betalingsaftale med dig. Kontakt os.']).commit();
      } else if (d.closing < 0) {
        add([sentence(`Du har betalt ${kr(-d.closing)} for meget. Vi betaler beløbet tilbage til din NemKonto.`)]).commit();
      } else {
        add(['Du skylder ikke noget. Tak fordi du har betalt.']).commit();
      }
      add([sentence(`Har du spørgsmål, så kontakt os: ${options.contact}.`)]).commit();
      add([]).commit();
      add(['Venlig hilsen', '', '', '', '']).commit();
      const last = add([options.kommune]);
      if (n < debtors.length - 1) last.addPageBreak();
      last.commit();
    });
    void rowNo;
    sheet.commit();
  });
}
