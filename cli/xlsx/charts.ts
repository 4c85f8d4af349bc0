/**
 * Adds native Excel charts to a finished .xlsx. ExcelJS writes no charts, so the chart, its
 * drawing and their relationships are put into the package as the Office Open XML standard
 * (ECMA-376, DrawingML charts) lays them out. The charts come from the sheet descriptions
 * (core/report/sheet.ts), through cli/xlsx/sheetRenderer.ts.
 */
import type JSZip from 'jszip';
import { xmlSafeText } from './xmlSafe.js';

export interface ChartSpec {
  /** The sheet the chart sits on and whose cells it plots. */
  sheet: string;
  kind: 'line' | 'stackedColumn' | 'scatterLines';
  title: string;
  /** Category labels, e.g. "$A$2:$A$13" (or a row: "$B$1:$H$1"), unless each series has its own. */
  categories?: string;
  /** Each series' values and, where it has them, its own categories (a scatter chart's x values). */
  series: Array<{ name: string; values: string; categories?: string }>;
  /** Where the chart goes: top-left and bottom-right cell (0-based column, row). */
  from: { col: number; row: number };
  to: { col: number; row: number };
  /** The value axis's number format (default whole numbers). */
  numFmt?: string;
  /** A line's points as markers (default none). */
  markers?: boolean;
  /** Show the legend (default true). */
  legend?: boolean;
}

const escape = (t: string) => xmlSafeText(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ref = (sheet: string, range: string) => escape(`'${sheet.replace(/'/g, "''")}'!${range}`);

function chartXml(c: ChartSpec): string {
  const scatter = c.kind === 'scatterLines';
  const series = c.series
    .map((s, i) => {
      const categories = s.categories ?? c.categories;
      const head = `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escape(s.name)}</c:v></c:tx>${c.kind === 'stackedColumn' ? '' : c.markers ? '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' : '<c:marker><c:symbol val="none"/></c:marker>'}`;
      if (scatter) {
        const x = categories ? `<c:xVal><c:numRef><c:f>${ref(c.sheet, categories)}</c:f></c:numRef></c:xVal>` : '';
        return `${head}${x}<c:yVal><c:numRef><c:f>${ref(c.sheet, s.values)}</c:f></c:numRef></c:yVal><c:smooth val="0"/></c:ser>`;
      }
      const cat = categories ? `<c:cat><c:strRef><c:f>${ref(c.sheet, categories)}</c:f></c:strRef></c:cat>` : '';
      return `${head}${cat}<c:val><c:numRef><c:f>${ref(c.sheet, s.values)}</c:f></c:numRef></c:val>${c.kind === 'line' ? '<c:smooth val="0"/>' : ''}</c:ser>`;
    })
    .join('');
  const plot =
    c.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
      : scatter
        ? `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}<c:axId val="1001"/><c:axId val="1002"/></c:scatterChart>`
        : `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:overlap val="100"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  // A scatter chart's x axis is a value axis too, formatted as its cells are (dates).
  const xAxis = scatter
    ? '<c:valAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/></c:valAx>'
    : '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/></c:catAx>';
  const legend = c.legend === false ? '' : '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escape(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${xAxis}<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escape(c.numFmt ?? '#,##0')}" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/></c:valAx></c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

function anchorXml(c: ChartSpec, id: number, rId: string): string {
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>${c.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${c.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Diagram ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]!)!.replace(/^\/?xl\//, '');
    out.set(
      m[1]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
      `xl/${target}`,
    );
  }
  return out;
}

/** Returns the workbook with the charts added (one drawing per sheet). */
export async function addCharts(xlsx: Uint8Array, charts: readonly ChartSpec[]): Promise<Uint8Array> {
  // Loaded on first use, with the workbook writers, not at the CLI's start (issue 22).
  const { default: Zip } = await import('jszip');
  const zip = await Zip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheet, specs] of bySheet) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`addCharts: no sheet named ${sheet}`);
    drawingNo += 1;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    for (const spec of specs) {
      chartNo += 1;
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(spec));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`);
      const rId = `rId${anchors.length + 1}`;
      drawingRels.push(`<Relationship Id="${rId}" Type="${REL}/chart" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(spec, chartNo, rId));
    }
    zip.file(
      `xl/drawings/drawing${drawingNo}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${anchors.join('')}</xdr:wsDr>`,
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join('')}</Relationships>`,
    );
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);

    const sheetRelsPath = part.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
    const existing = zip.file(sheetRelsPath)
      ? await zip.file(sheetRelsPath)!.async('string')
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    zip.file(sheetRelsPath, existing.replace('</Relationships>', `<Relationship Id="rIdSaldoDrawing" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`));
    let xml = await zip.file(part)!.async('string');
    if (!/xmlns:r=/.test(xml.slice(0, 600))) xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
    // <drawing> comes after the page setup and before tableParts/extLst (the schema's order).
    const at = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>']
      .map((tag) => xml.indexOf(tag))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0]!;
    xml = `${xml.slice(0, at)}<drawing r:id="rIdSaldoDrawing"/>${xml.slice(at)}`;
    zip.file(part, xml);
  }
  zip.file('[Content_Types].xml', types);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
