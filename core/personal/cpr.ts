/**
 * CPR numbers (personnumre, CPR-loven § 3: ddmmyy-xxxx) in any text Saldo writes. A CPR number is
 * personal data: one recogniser here serves every message, the masked statement and the amount
 * check, so that no writing of a number slips past one place and not another.
 *
 * Recognised writings: ddmmyy-xxxx, ddmmyyxxxx, 'ddmmyy xxxx', hyphen/en dash/em dash/minus or '/'
 * before the last four, 'dd.mm.yy-xxxx', 'dd-mm-yy-xxxx', 'dd/mm/yy', and any Unicode decimal
 * digits (full-width ０-９ from East Asian keyboards, Arabic-Indic …). The first six must be a day
 * and month (day + 60 for an erstatningspersonnummer); the century is not in the number, so 29
 * February always counts. Ten digits that are no date (an account number) stay readable.
 *
 * @example maskCprsIn('Beløbet "０１０１９０-１２３４"') // 'Beløbet "010190-xxxx"'
 */

/** Any decimal digit; the separators a person or a system puts between the parts. */
const D = '\\p{Nd}';
const DATE_SEP = '[-./\\s\\u2010-\\u2015\\u2212]';
const TAIL_SEP = `(?:\\s*[-/.\\u2010-\\u2015\\u2212]\\s*|\\s+)`;
/** dd, the separator inside the date (the same twice, or none), mm, yy, the tail separator, xxxx. */
const CPR_SOURCE = `(?<!${D})(${D}{2})(${DATE_SEP})?(${D}{2})\\2(${D}{2})${TAIL_SEP}?(${D}{4})(?!${D})`;
const CPR_IN_TEXT = new RegExp(CPR_SOURCE, 'gu');
const CPR_WHOLE = new RegExp(`^\\s*${CPR_SOURCE}\\s*$`, 'u');
const IS_DIGIT = /\p{Nd}/u;

/**
 * The value 0–9 of a Unicode decimal digit. Unicode encodes each set of decimal digits as a
 * contiguous run starting at zero (a stability policy), so the value is the distance from the
 * run's start, modulo 10 (the mathematical digits are five runs back to back).
 */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 48 && cp <= 57) return cp - 48;
  let start = cp;
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (cp - start) % 10;
}

/** Any Unicode decimal digits as ASCII digits ('０１' → '01'). */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) out += IS_DIGIT.test(ch) ? String(digitValue(ch)) : ch;
  return out;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when dd and mm (ASCII) are a day of the month, or an erstatningspersonnummer's day + 60. */
function isBirthDate(dd: string, mm: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

interface Found {
  /** The birth date as six ASCII digits, and all ten. */
  birth: string;
  digits: string;
}

/** The match's CPR number, or undefined when its first six digits are no birth date. */
function cprOf(groups: readonly (string | undefined)[]): Found | undefined {
  const [dd, mm, yy, tail] = [groups[1]!, groups[3]!, groups[4]!, groups[5]!].map(asciiDigits) as [string, string, string, string];
  if (!isBirthDate(dd, mm)) return undefined;
  return { birth: `${dd}${mm}${yy}`, digits: `${dd}${mm}${yy}${tail}` };
}

/** Fewer than ten digit characters cannot hold a CPR number: most texts are passed over unread. */
function mayHoldCpr(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c > 127 && IS_DIGIT.test(text[i]!)) || (c >= 0xd800 && c <= 0xdbff)) digits += 1;
    if (digits >= 10) return true;
  }
  return false;
}

function replaceCprs(text: string, show: (cpr: Found) => string): string {
  if (!mayHoldCpr(text)) return text;
  return text.replace(CPR_IN_TEXT, (whole: string, ...groups: unknown[]) => {
    const found = cprOf([whole, ...(groups as Array<string | undefined>)]);
    return found === undefined ? whole : show(found);
  });
}

/** True when the text (trimmed) is one CPR number in any writing, e.g. a CPR typed into Beløb. */
export function isCprShaped(text: string): boolean {
  if (!mayHoldCpr(text)) return false;
  const m = CPR_WHOLE.exec(text);
  return m !== null && cprOf(m) !== undefined;
}

/**
 * A CPR number given as an amount (a ledger's Beløb, a custom function's amount), masked for the
 * message, or undefined. Ten digits (any writing) whose first six are a birth date are taken as a
 * CPR number in the wrong column, not as 2.212.901.118 kr.; a number counts from nine digits, as
 * Excel drops a CPR number's leading 0.
 */
export function cprInAmount(v: unknown): string | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1e8 || v >= 1e10) return undefined;
    const digits = String(v).padStart(10, '0');
    // Ten whole digits are a CPR number's shape whatever their date (no posting is a billion
    // kroner; the review's 2222221118); nine (Excel drops a leading 0) only when they start with one.
    if (v >= 1e9) return `${digits.slice(0, 6)}-xxxx`;
    return isCprShaped(digits) ? maskCprsIn(digits) : undefined;
  }
  // The length first: most amounts are shorter than any CPR writing, and a million rows pass here.
  if (typeof v !== 'string' || v.length < 10) return undefined;
  const plain = TEN_DIGITS.exec(v);
  if (plain) return `${plain[1]}-xxxx`;
  return isCprShaped(v) ? maskCprsIn(v.trim()) : undefined;
}

/** Ten digits, whole, as a CPR number is written (ddmmyyxxxx, ddmmyy-xxxx, ddmmyy xxxx). */
const TEN_DIGITS = /^\s*(\d{6})[-\s]?\d{4}\s*$/;

/**
 * Every CPR number in the text as ddmmyy-xxxx: the birth date stays (as on Danish letters), the
 * four digits that make the number a person's are hidden. For messages, where a row number says
 * which row is meant.
 */
export function maskCprsIn(text: string): string {
  return replaceCprs(text, (cpr) => `${cpr.birth}-xxxx`);
}

/**
 * A masker for one output (a statement's JSON, workbook and letters): like `maskCprsIn`, but two
 * different CPR numbers with the same birth date stay apart. The first person with a birth date
 * is ddmmyy-xxxx, the next ddmmyy-xxxx#2, and so on, in the order the output shows them; the same
 * person is the same everywhere in the output, however the number is written.
 *
 * Why a running number and not a short hash of the number: with the birth date shown, a CPR
 * number has only 10,000 possible last digits, so any hash that is the same from run to run can
 * be reversed by trying them all. A number in order of appearance says nothing about the digits
 * (only that #1 sorts before #2 where the debtor id is the CPR number) and still lets a
 * caseworker tell the people on the letters and in the workbook apart.
 */
export function createCprMasker(): (text: string) => string {
  const tags = new Map<string, string>();
  const perBirthDate = new Map<string, number>();
  return (text) =>
    replaceCprs(text, (cpr) => {
      let tag = tags.get(cpr.digits);
      if (tag === undefined) {
        const n = (perBirthDate.get(cpr.birth) ?? 0) + 1;
        perBirthDate.set(cpr.birth, n);
        tag = n === 1 ? `${cpr.birth}-xxxx` : `${cpr.birth}-xxxx#${n}`;
        tags.set(cpr.digits, tag);
      }
      return tag;
    });
}
