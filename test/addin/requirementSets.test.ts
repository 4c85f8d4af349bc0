/**
 * The requirement sets manifest.xml declares cover every Office.js API the add-in calls.
 *
 * The TypeScript checker finds each API member the code in addin/ uses (`context.workbook…`,
 * `sheet.pageLayout.zoom`, `Office.addin.showAsTaskpane`, `new CustomFunctions.Error`, …) and the
 * requirement set Microsoft's typings give it (`[Api set: ExcelApi 1.9]`). TABLE below names each
 * API with its set and the documentation page; the test fails when the code uses an API the table
 * does not name, when the table disagrees with the typings (unless TYPINGS_DIFFER says why), when
 * an API needs a higher set than the manifest declares, and when the manifest declares more than
 * the code needs (every declared set shuts out the Excel versions that lack it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = 'https://learn.microsoft.com/javascript/api/requirement-sets';

interface Row {
  /** "ExcelApi 1.9"; null where no requirement set is needed. */
  set: string | null;
  docs: string;
  apis: readonly string[];
}

const TABLE: readonly Row[] = [
  {
    set: null,
    docs: 'https://learn.microsoft.com/office/dev/add-ins/develop/create-addin-commands (ExecuteFunction and Office.actions.associate came with the first add-in commands, which have no set) and …/develop/initialize-add-in (Office.onReady)',
    apis: ['Office.onReady', 'Office.actions', 'Office.Actions.associate', 'Office.addin', 'Office.AddinCommands.Event.completed'],
  },
  {
    set: null,
    docs: 'https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-officetheme-member (officeTheme is in no set; where a host lacks it, it is undefined and the pane stays light)',
    apis: ['Office.context', 'Office.Context.officeTheme'],
  },
  { set: 'SharedRuntime 1.1', docs: `${DOCS}/common/shared-runtime-requirement-sets`, apis: ['Office.Addin.showAsTaskpane'] },
  {
    set: 'CustomFunctionsRuntime 1.2',
    docs: `${DOCS}/excel/custom-functions-requirement-sets ("1.2 adds the CustomFunctions.Error object")`,
    apis: ['CustomFunctions.Error', 'CustomFunctions.ErrorCode'],
  },
  {
    set: 'CustomFunctionsRuntime 1.3',
    docs: `${DOCS}/excel/custom-functions-requirement-sets ("1.3 adds … new ErrorCode options"; the typings mark every ErrorCode member 1.3)`,
    apis: ['CustomFunctions.ErrorCode.invalidNumber', 'CustomFunctions.ErrorCode.invalidValue', 'CustomFunctions.ErrorCode.notAvailable'],
  },
  {
    set: 'ExcelApi 1.1',
    docs: `${DOCS}/excel/excel-api-1-1-requirement-set (Excel.run, load, sync and collections' items are the API's base)`,
    apis: [
      'Excel.run',
      'Excel.RequestContext.workbook',
      'OfficeExtension.ClientRequestContext.sync',
      'OfficeExtension.ClientObject.isNullObject',
      'OfficeExtension.EventHandlers.add',
      'OfficeExtension.EventHandlerResult.context',
      'OfficeExtension.EventHandlerResult.remove',
      'Excel.Application.calculate',
      'Excel.CalculationType',
      'Excel.CalculationType.full',
      'Excel.Chart.legend',
      'Excel.Chart.series',
      'Excel.Chart.setPosition',
      'Excel.Chart.title',
      'Excel.ChartCollection.add',
      'Excel.ChartLegend.visible',
      'Excel.ChartSeries.name',
      'Excel.ChartSeriesBy',
      'Excel.ChartSeriesBy.columns',
      'Excel.ChartSeriesBy.rows',
      'Excel.ChartSeriesCollection.getItemAt',
      'Excel.ChartTitle.text',
      'Excel.ChartType',
      'Excel.ChartType.lineMarkers',
      'Excel.NamedItem.name',
      'Excel.NamedItemCollection.items',
      'Excel.NamedItemCollection.load',
      'Excel.Range.address',
      'Excel.Range.columnCount',
      'Excel.Range.columnIndex',
      'Excel.Range.format',
      'Excel.Range.load',
      'Excel.Range.numberFormat',
      'Excel.Range.rowCount',
      'Excel.Range.rowIndex',
      'Excel.Range.values',
      'Excel.Range.worksheet',
      'Excel.RangeFill.color',
      'Excel.RangeFont.bold',
      'Excel.RangeFont.size',
      'Excel.RangeFormat.fill',
      'Excel.RangeFormat.font',
      'Excel.RangeFormat.verticalAlignment',
      'Excel.RangeFormat.wrapText',
      'Excel.Table.getRange',
      'Excel.Table.name',
      'Excel.Table.style',
      'Excel.TableCollection.add',
      'Excel.TableCollection.getItem',
      'Excel.TableCollection.items',
      'Excel.TableCollection.load',
      'Excel.Workbook.application',
      'Excel.Workbook.getSelectedRange',
      'Excel.Workbook.names',
      'Excel.Workbook.tables',
      'Excel.Workbook.worksheets',
      'Excel.Worksheet.activate',
      'Excel.Worksheet.charts',
      'Excel.Worksheet.delete',
      'Excel.Worksheet.getRange',
      'Excel.Worksheet.getUsedRange',
      'Excel.Worksheet.load',
      'Excel.Worksheet.name',
      'Excel.Worksheet.tables',
      'Excel.WorksheetCollection.add',
      'Excel.WorksheetCollection.getItem',
      'Excel.WorksheetCollection.items',
      'Excel.WorksheetCollection.load',
    ],
  },
  { set: 'ExcelApi 1.2', docs: `${DOCS}/excel/excel-api-1-2-requirement-set`, apis: ['Excel.RangeFormat.autofitColumns', 'Excel.RangeFormat.autofitRows', 'Excel.RangeFormat.columnWidth'] },
  {
    set: 'ExcelApi 1.4',
    docs: `${DOCS}/excel/excel-api-1-4-requirement-set`,
    apis: ['Excel.Range.getUsedRangeOrNullObject', 'Excel.Worksheet.getUsedRangeOrNullObject', 'Excel.WorksheetCollection.getItemOrNullObject'],
  },
  {
    set: 'ExcelApi 1.6',
    docs: `${DOCS}/excel/excel-api-1-6-requirement-set (conditional formats, suspendApiCalculationUntilNextSync)`,
    apis: [
      'Excel.Application.suspendApiCalculationUntilNextSync',
      'Excel.CellValueConditionalFormat.format',
      'Excel.CellValueConditionalFormat.rule',
      'Excel.ConditionalFormat.cellValue',
      'Excel.ConditionalFormatCollection.add',
      'Excel.ConditionalFormatType',
      'Excel.ConditionalFormatType.cellValue',
      'Excel.ConditionalRangeFill.color',
      'Excel.ConditionalRangeFormat.fill',
      'Excel.Range.conditionalFormats',
    ],
  },
  {
    set: 'ExcelApi 1.7',
    docs: `${DOCS}/excel/excel-api-1-7-requirement-set (chart series, freeze panes, worksheet events)`,
    apis: [
      'Excel.ChartSeries.setValues',
      'Excel.ChartSeries.setXAxisValues',
      'Excel.ChartSeriesCollection.add',
      'Excel.PageOrientation',
      'Excel.PageOrientation.landscape',
      'Excel.PageOrientation.portrait',
      'Excel.Worksheet.freezePanes',
      'Excel.WorksheetChangedEventArgs.worksheetId',
      'Excel.WorksheetCollection.onAdded',
      'Excel.WorksheetCollection.onDeleted',
      'Excel.WorksheetFreezePanes.freezeRows',
    ],
  },
  {
    set: 'ExcelApi 1.9',
    docs: `${DOCS}/excel/excel-api-1-9-requirement-set (page layout and page breaks, WorksheetCollection.onChanged)`,
    apis: [
      'Excel.PageBreakCollection.add',
      'Excel.PageLayout.orientation',
      'Excel.PageLayout.zoom',
      'Excel.Worksheet.horizontalPageBreaks',
      'Excel.Worksheet.pageLayout',
      'Excel.WorksheetCollection.onChanged',
    ],
  },
];

/** Where the table deliberately differs from the typings' annotation, and why. */
const TYPINGS_DIFFER: Record<string, string> = {
  'Office.AddinCommands.Event.completed': 'The typings give Outlook’s set (Mailbox 1.3). In Excel, completed() belongs to ExecuteFunction add-in commands, which have no requirement set.',
};

/** SharedRuntime is declared for the runtime itself (manifest <Runtimes>), whatever the code calls. */
const ALWAYS = ['SharedRuntime 1.1'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every Office.js API member the add-in's code uses, with the set the typings give it (null: none given). */
function usedApis(): Map<string, { set: string | null; at: string }> {
  const tsconfig = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
  const files = sourceFiles(join(ROOT, 'addin'));
  const program = ts.createProgram(files, tsconfig.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, { set: string | null; at: string }>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        if (symbol && declaration && /[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(declaration.getSourceFile().fileName)) {
          const doc = declaration.getSourceFile().text.slice(declaration.pos, declaration.getStart());
          const set = /\[Api set: ([A-Za-z]+ \d+\.\d+)/.exec(doc)?.[1] ?? /\*\*Requirement sets?\*\*:[^|]*\| ([A-Za-z]+ \d+\.\d+)\}/.exec(doc)?.[1] ?? null;
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          used.set(checker.getFullyQualifiedName(symbol), { set, at: `${file.slice(ROOT.length)}:${line + 1}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

const version = (set: string) => set.split(' ')[1]!.split('.').map(Number) as [number, number];
const nameOf = (set: string) => set.split(' ')[0]!;
const higher = (a: string, b: string) => {
  const [x, y] = [version(a), version(b)];
  return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1];
};

/** The sets manifest.xml requires, "Name MinVersion". */
function declaredSets(): string[] {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const sets = xml.slice(xml.indexOf('<Requirements>'), xml.indexOf('</Requirements>'));
  return [...sets.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
}

const tableSet = new Map(TABLE.flatMap((row) => row.apis.map((api) => [api, row.set] as const)));

let used: Map<string, { set: string | null; at: string }>;
beforeAll(() => {
  used = usedApis();
}, 120_000);

describe('the requirement sets', () => {
  it('the scan finds the add-in’s Office.js calls (a scan that finds nothing proves nothing)', () => {
    for (const api of ['Excel.run', 'Excel.Application.suspendApiCalculationUntilNextSync', 'Office.Actions.associate', 'CustomFunctions.Error']) expect([...used.keys()]).toContain(api);
  });

  it('name every Office.js API the code uses in the table', () => {
    const missing = [...used].filter(([api]) => !tableSet.has(api)).map(([api, { set, at }]) => `${api} (${set ?? 'no set in the typings'}, ${at})`);
    expect(missing, 'add these to TABLE with their requirement set and its documentation page').toEqual([]);
  });

  it('give each API the set Microsoft’s typings give it, or say why not', () => {
    for (const [api, { set, at }] of used) {
      if (!tableSet.has(api) || set === null) continue;
      if (TYPINGS_DIFFER[api]) expect(tableSet.get(api), `${api}: ${TYPINGS_DIFFER[api]}`).not.toBe(set);
      else expect(tableSet.get(api), `${api} (${at})`).toBe(set);
    }
  });

  it('list no API the code does not use, and each API once', () => {
    const all = TABLE.flatMap((row) => row.apis);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((api) => !used.has(api))).toEqual([]);
  });

  it('are declared in manifest.xml: each set the code needs, at the highest version it needs, and nothing more', () => {
    const needed = new Map<string, string>();
    for (const set of [...ALWAYS, ...[...used.keys()].map((api) => tableSet.get(api)).filter((s): s is string => typeof s === 'string')]) {
      const have = needed.get(nameOf(set));
      if (!have || higher(set, have)) needed.set(nameOf(set), set);
    }
    expect(declaredSets().sort()).toEqual([...needed.values()].sort());
  });

  it('declare nothing the code cannot use: no platform-only set (ExcelApiDesktop, ExcelApiOnline)', () => {
    for (const set of declaredSets()) expect(set).not.toMatch(/^ExcelApi(Desktop|Online) /);
  });
});
