/**
 * Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, not starting or
 * ending with an apostrophe, and unique in the workbook without regard to case.
 * @example uniqueSheetName('Afdragsplan', ['afdragsplan']) // "Afdragsplan 2"
 */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31)
      .trim() || 'Ark';
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i += 1) {
    const suffix = ` ${i}`;
    const name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
