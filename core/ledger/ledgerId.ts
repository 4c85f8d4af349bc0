/**
 * Ids in a ledger (debtor number, claim number, CPR/CVR) as keys. Two ids that look the same to a
 * caseworker must be the same key, or one person becomes two debtors (two letters, two balances).
 *
 * Per class of character, as decided for issue 14:
 * - invisible format characters (zero-width space, left-to-right/right-to-left marks, BOM, soft
 *   hyphen, word joiner …; Unicode category Cf) are removed: they come from copying out of web
 *   pages and mails, nobody types them on purpose, and without them the id is what was meant;
 * - compatibility forms are folded by NFKC (full-width ＡＳ１２３ from East Asian keyboards, ligatures),
 *   other decimal digits become 0–9, and odd spaces (no-break, figure, ideographic …) become one
 *   plain space: what is seen is the same, so the key is the same;
 * - a letter from another script than the Latin one (Cyrillic А, Greek ο) is refused, not folded:
 *   it is a different letter that only looks alike, and guessing which Latin letter was meant (or
 *   that none was) could put one person's posting on another's account. Names are free text and
 *   are not checked.
 */
import { asciiDigits } from '../personal/cpr.js';

export interface ForeignLetter {
  /** 1-based, counted in characters as the user sees them in the original text. */
  position: number;
  letter: string;
  /** e.g. "U+0410". */
  codePoint: string;
  /** The script's Danish adjective: "kyrillisk", "græsk" or "ikke-latinsk". */
  script: string;
}

/** Characters that leave no visible trace: category Cf, and the Hangul fillers (letters that print as nothing). */
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]/gu;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

/** Printable ASCII with single inner spaces: the usual id, returned as it is without further work. */
function isPlainId(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c < 0x20) return false;
    if (c === 0x20 && (i === 0 || i === text.length - 1 || text.charCodeAt(i - 1) === 0x20)) return false;
  }
  return true;
}

/** The first letter from another script than the Latin one, or undefined. */
function foreignLetterIn(text: string): ForeignLetter | undefined {
  let position = 0;
  for (const ch of text) {
    if (INVISIBLE.test(ch)) {
      INVISIBLE.lastIndex = 0;
      continue;
    }
    position += 1;
    for (const folded of ch.normalize('NFKC')) {
      if (LETTER.test(folded) && !LATIN.test(folded)) {
        const script = CYRILLIC.test(folded) ? 'kyrillisk' : GREEK.test(folded) ? 'græsk' : 'ikke-latinsk';
        return { position, letter: ch, codePoint: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, script };
      }
    }
  }
  return undefined;
}

/**
 * The id as a key (trimmed, normalised as described above), or the letter that makes it refused.
 *
 * @example normaliseId('\u200fＡＳ\u00a0123') // 'AS 123'
 * @example normaliseId('\u0410S123') // { position: 1, letter: 'А', codePoint: 'U+0410', script: 'kyrillisk' }
 */
export function normaliseId(text: string): string | ForeignLetter {
  if (isPlainId(text)) return text;
  const foreign = foreignLetterIn(text);
  if (foreign) return foreign;
  return asciiDigits(text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim());
}
