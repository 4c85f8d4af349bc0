/**
 * Text for a workbook cell, sheet name or chart title as XML 1.0 allows it (W3C XML 1.0 § 2.2,
 * "Char"): control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF
 * and a lone half of a surrogate pair make the file corrupt. Each becomes a visible U+FFFD (�)
 * rather than vanishing, so a person sees that something was there.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * @example xmlSafeText('Jens\u000BHansen') // 'Jens\uFFFDHansen'
 */
export const xmlSafeText = (s: string): string => s.replace(FORBIDDEN, '\uFFFD');
