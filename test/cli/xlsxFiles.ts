/**
 * .xlsx files written cell by cell, as Excel writes them (`<f>` with its saved `<v>`, `t="e"`
 * error values): ExcelJS's writer drops a formula's falsy result (0, "") and so cannot make the
 * files these tests need. The zip's parts are stored in the order given.
 */
import JSZip from 'jszip';

/** One cell's XML inside `<c r="…">`: its type attribute and content. */
export interface CellXml {
  t?: 'inlineStr' | 'str' | 'e' | 'b' | 'n';
  inner: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const text = (s: string): CellXml => ({ t: 'inlineStr', inner: `<is><t xml:space="preserve">${esc(s)}</t></is>` });
export const num = (n: number): CellXml => ({ inner: `<v>${n}</v>` });
export const err = (e: string): CellXml => ({ t: 'e', inner: `<v>${e}</v>` });
/** A formula with its saved value (a string, a number, an error) or none (`undefined`). */
export function formula(f: string, saved?: string | number | { error: string }): CellXml {
  const head = `<f>${esc(f)}</f>`;
  if (saved === undefined) return { inner: head };
  if (typeof saved === 'number') return { inner: `${head}<v>${saved}</v>` };
  if (typeof saved === 'string') return { t: 'str', inner: `${head}<v>${esc(saved)}</v>` };
  return { t: 'e', inner: `${head}<v>${saved.error}</v>` };
}

export const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A sheet's XML from rows of cells by row number (null cells are left out, as Excel does). */
export function sheetXml(rows: ReadonlyArray<{ r: number; cells: ReadonlyArray<CellXml | null> }>): string {
  const body = rows.map(({ r, cells }) => `<row r="${r}">${cells.map((c, i) => (c === null ? '' : `<c r="${column(i)}${r}"${c.t ? ` t="${c.t}"` : ''}>${c.inner}</c>`)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData></worksheet>`;
}

export interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  xml: string;
}

/**
 * A workbook of the sheets in tab order; `files[i]` is the number of tab i's file
 * (`sheet{n}.xml`, default i + 1) and `stored` the order of the zip's parts (by default the
 * sheets last, in reverse: never the tab order); `extra` adds parts (xl/sharedStrings.xml).
 */
export async function xlsxFile(sheets: readonly SheetSpec[], options: { files?: number[]; stored?: (names: string[]) => string[]; extra?: Record<string, string> } = {}): Promise<Uint8Array> {
  const files = options.files ?? sheets.map((_, i) => i + 1);
  const parts = new Map<string, string>();
  parts.set(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${files.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  parts.set(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${files[i]}"/>`).join('')}</sheets></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${files.map((n) => `<Relationship Id="rIdS${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}</Relationships>`,
  );
  for (const [name, xml] of Object.entries(options.extra ?? {})) parts.set(name, xml);
  const sheetParts = sheets.map((s, i) => [`xl/worksheets/sheet${files[i]}.xml`, s.xml] as const);
  const names = [...parts.keys(), ...sheetParts.map(([n]) => n).reverse()];
  for (const [n, xml] of sheetParts) parts.set(n, xml);
  const zip = new JSZip();
  for (const name of options.stored ? options.stored(names) : names) zip.file(name, parts.get(name)!);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
