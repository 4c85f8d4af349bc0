/**
 * A synthetic municipal debtor ledger in the Danish CSV form (`;`, decimal comma, dd-mm-yyyy,
 * Danish headers), deterministic for a seed. Used by `npm run bench` (a million rows) and to
 * make examples/ledger/posteringer.csv (`tsx bench/makeLedger.ts 400 40 examples/ledger/posteringer.csv`).
 * The names, CPR numbers and amounts are invented.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Anne', 'Søren', 'Mette', 'Jørgen', 'Lærke', 'Bjørn', 'Åse', 'Niels', 'Sofie', 'Mads', 'Ida', 'Frederik', 'Maja', 'Rasmus', 'Emma'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Sørensen', 'Kjærgaard', 'Østergaard', 'Møller', 'Læsø', 'Rasmussen', 'Bækgaard'];
const TYPES = ['daginstitution', 'ejendomsskat', 'underholdsbidrag', 'boligstøtte', 'kontanthjælp', 'renovation', 'andet'];

/** A deterministic pseudo-random sequence (mulberry32) so every run measures the same work. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Days since 2022-01-01 → dd-mm-yyyy (no time zones: UTC arithmetic in a generator is fine). */
const BASE = Date.UTC(2022, 0, 1);
const dmy = (day: number) => {
  const d = new Date(BASE + day * 86_400_000);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
};
const kroner = (ore: number) => {
  const sign = ore < 0 ? '-' : '';
  const a = Math.abs(ore);
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${pad(a % 100)}`;
};

export const LEDGER_HEADER = 'Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb';
/** The forældelse columns (issue 15), written with `{ limitation: true }`. */
export const LIMITATION_COLUMNS = ';Sidste rettidige betalingsdato;Dom/forlig dato';
/** The caseworker column (issue 20), written last with `{ caseworker: true }`. */
export const CASEWORKER_COLUMN = ';Sagsbehandler';
const CASEWORKERS = ['Kim Lund', 'Lis Berg', 'Ole Dam', 'Pia Holm', 'Bo Ravn', 'Eva Kjær'];

export interface LedgerOptions {
  /**
   * Forældelse data too: a last timely payment date on half the claims, a dom on one in ten
   * (on every row of the claim, renter falling due before and after it), set-offs (modregning)
   * and renter due on their own day. Drawn from a second sequence, so the rows without it stay
   * exactly as before (examples/ledger/posteringer.csv is made without it).
   */
  limitation?: boolean;
  /**
   * A Sagsbehandler column: per claim one of six caseworkers, except that one claim in ten names
   * none, one in seven names none on its first row (the next row names one), and one in seven is
   * handed over after its first row (the rows after it name another). Drawn from a third sequence,
   * so the other columns stay as they are without it.
   */
  caseworker?: boolean;
  /**
   * Quoted fields as fagsystem exports write them, on about a quarter of the rows: one debtor in
   * twenty is named `Jensen; Søren` and one in twenty `Søren ""SJ"" Jensen; ApS` (quoted on every
   * row, the same text on each), and one in six of the other rows quotes its name and claim type
   * though they need no quotes. Drawn from a fourth sequence, so the other columns stay as they are.
   */
  quoted?: boolean;
}

/** A field in RFC 4180 quotes: `"` inside doubled. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** Writes about `rows` postings for `debtors` debtors; returns the number of rows written. */
export async function makeLedger(path: string, rows: number, debtors: number, seed = 20261123, options: LedgerOptions = {}): Promise<number> {
  const rnd = random(seed);
  const extra = random(seed ^ 0x5eed);
  const limitation = options.limitation === true;
  const withCaseworker = options.caseworker === true;
  const cw = random(seed ^ 0xca5e);
  const quoted = options.quoted === true;
  const qr = random(seed ^ 0x9b07);
  const out = createWriteStream(path);
  let buffer = `${LEDGER_HEADER}${limitation ? LIMITATION_COLUMNS : ''}${withCaseworker ? CASEWORKER_COLUMN : ''}\n`;
  let written = 0;
  const perDebtor = rows / debtors;
  for (let d = 0; d < debtors && written < rows; d += 1) {
    const id = `D${String(100000 + d)}`;
    const born = Math.floor(rnd() * 20000);
    const bd = new Date(Date.UTC(1940, 0, 1) + born * 86_400_000);
    const cpr = `${pad(bd.getUTCDate())}${pad(bd.getUTCMonth() + 1)}${String(bd.getUTCFullYear()).slice(2)}-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
    const first = FIRST[Math.floor(rnd() * FIRST.length)]!;
    const last = LAST[Math.floor(rnd() * LAST.length)]!;
    // With quoting: a name with `;` or `"` in it is quoted on every row; a plain one now and then.
    const style = quoted ? qr() : 1;
    const name = style < 0.05 ? `${last}; ${first}` : style < 0.1 ? `${first} "${first.slice(0, 2).toUpperCase()}" ${last}; ApS` : `${first} ${last}`;
    const nameField = style < 0.1 ? quote(name) : name;
    const target = Math.max(1, Math.round(perDebtor * (0.5 + rnd())));
    let c = 0;
    for (let n = 0; n < target && written < rows; c += 1) {
      const claim = `${id}-${c + 1}`;
      const type = TYPES[Math.floor(rnd() * TYPES.length)]!;
      const start = Math.floor(rnd() * 1700); // 2022 … 2026
      const principal = Math.round(500_00 + rnd() * 20_000_00);
      const lines: string[] = [];
      // With forældelse data: the betalingsfrist runs 10 days past the due date on half the
      // claims, and one claim in ten got a dom 60–400 days after it fell due.
      const timely = limitation && extra() < 0.5 ? dmy(start + 24) : '';
      const judgmentDay = limitation && extra() < 0.1 ? start + 74 + Math.floor(extra() * 340) : null;
      const judgment = judgmentDay === null ? '' : dmy(judgmentDay);
      const owner = withCaseworker ? CASEWORKERS[Math.floor(cw() * CASEWORKERS.length)]! : '';
      const next = withCaseworker ? CASEWORKERS[Math.floor(cw() * CASEWORKERS.length)]! : '';
      const mode = withCaseworker ? cw() : 1;
      /** The caseworker on the claim's row number `i` (0 = its first row). */
      const caseworkerOn = (i: number): string => (mode < 0.1 ? '' : mode < 0.24 ? (i === 0 ? '' : owner) : mode < 0.38 && i > 0 ? next : owner);
      const line = (day: number, kind: string, amount: number) => {
        const due = limitation && (kind === 'rente' || kind === 'gebyr') ? day : start + 14;
        const tail = `${limitation ? `;${timely};${judgment}` : ''}${withCaseworker ? `;${caseworkerOn(lines.length)}` : ''}`;
        const plain = quoted && style >= 0.1 && qr() < 1 / 6;
        lines.push(`${id};${cpr};${plain ? quote(name) : nameField};${claim};${plain ? quote(type) : type};${dmy(day)};${dmy(due)};${kind};${kroner(amount)}${tail}`);
      };
      line(start, 'krav', principal);
      let balance = principal;
      if (rnd() < 0.5) {
        line(start + 30, 'gebyr', 250_00);
        balance += 250_00;
      }
      const events = Math.max(0, target - n - lines.length);
      for (let e = 0; e < Math.min(events, 8) && balance > 0; e += 1) {
        const day = start + 45 + e * 30;
        const r = rnd();
        if (r < 0.7) {
          const pay = Math.min(balance, Math.round(200_00 + rnd() * 2_000_00));
          line(day, 'betaling', -pay);
          balance -= pay;
        } else if (r < 0.8) {
          line(day, 'rente', Math.round(balance * 0.01));
          balance += Math.round(balance * 0.01);
        } else if (r < 0.87) {
          line(day, 'afskrivning', -balance);
          balance = 0;
        } else if (r < 0.94) {
          line(day, 'oversendt', -balance);
          balance = 0;
        } else if (limitation && r >= 0.97) {
          // a set-off by the kommune: lowers the debt, does not interrupt the forældelse
          line(day, 'modregning', -Math.min(balance, 150_00));
          balance -= Math.min(balance, 150_00);
        } else {
          line(day, 'korrektion', -Math.min(balance, 100_00));
          balance -= Math.min(balance, 100_00);
        }
      }
      // A claim with a dom still open draws renter after it (forældelsesloven § 5 stk. 2: 3 years).
      if (judgmentDay !== null && balance > 0) line(judgmentDay + 30, 'rente', Math.round(balance * 0.01));
      for (const l of lines) {
        buffer += `${l}\n`;
        written += 1;
        n += 1;
      }
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return written;
}

// As a script: tsx bench/makeLedger.ts ROWS DEBTORS PATH [--limitation] [--caseworker] [--quoted]
if (process.argv[1]?.endsWith('makeLedger.ts')) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const [rows = '1000000', debtors = '80000', path = 'ledger.csv'] = args.filter((a) => !a.startsWith('--'));
  const n = await makeLedger(path, Number(rows), Number(debtors), undefined, {
    limitation: flags.has('--limitation'),
    caseworker: flags.has('--caseworker'),
    quoted: flags.has('--quoted'),
  });
  console.log(`${n} posteringer skrevet til ${path}`);
}
