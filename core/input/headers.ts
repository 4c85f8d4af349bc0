/**
 * Header rows, read one way everywhere (ledgers, claim ranges, schedules and payments in Excel,
 * the follow-up tables): a header cell is compared as a key without a byte-order mark, case,
 * surrounding or doubled spaces, or a trailing "." or ":" ("Debitornr." is "debitornr"). A
 * header is matched only by a word it is known by — Danish or English —, never guessed; two
 * columns for one field are reported, so the caller can refuse the choice.
 */

/** A header cell as a key: `" Debitor  Nr.:"` → `"debitor nr"`; not text → `""`. */
export function headerKey(v: unknown): string {
  return typeof v === 'string'
    ? v
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[.:]$/, '')
    : '';
}

/** The words each field is known by, as a lookup of header keys (own entries only). */
export function headerWords<F extends string>(words: Readonly<Record<F, readonly string[]>>): ReadonlyMap<string, F> {
  const map = new Map<string, F>();
  for (const field of Object.keys(words) as F[]) for (const word of words[field]) map.set(headerKey(word), field);
  return map;
}

export interface HeaderMatch<F extends string> {
  /** The first column of each field found. */
  columns: Partial<Record<F, number>>;
  /** A second column for a field already found: which one is meant cannot be guessed. */
  doubled: Array<{ field: F; first: number; second: number }>;
  /** Columns whose header is not a known word (blank ones included). */
  unknown: number[];
}

/** Finds the fields' columns by their headers, in any order. */
export function matchHeaders<F extends string>(header: readonly unknown[], words: ReadonlyMap<string, F>): HeaderMatch<F> {
  const columns: Partial<Record<F, number>> = {};
  const doubled: HeaderMatch<F>['doubled'] = [];
  const unknown: number[] = [];
  header.forEach((h, i) => {
    const field = words.get(headerKey(h));
    if (field === undefined) unknown.push(i);
    else if (columns[field] !== undefined) doubled.push({ field, first: columns[field], second: i });
    else columns[field] = i;
  });
  return { columns, doubled, unknown };
}
