/**
 * The requirement sets Saldo's custom functions use, for the manifest's <Requirements> (a test
 * checks the manifest declares every required one) and for this folder's own test (every
 * `CustomFunctions.*` API the code calls is listed here). Source: Microsoft's "Custom Functions
 * requirement sets" (learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-
 * requirement-sets), checked 2026-12:
 * - 1.2 adds `CustomFunctions.Error` with an error code and a message (Saldo's Danish messages);
 *   Excel shows the message on #VALUE! and #N/A. Office 2021/LTSC and Microsoft 365 have it.
 * - 1.4 adds data types for custom functions: a result may be an `Excel.CellValue`, e.g. a
 *   formatted number (`{ type: 'FormattedNumber', basicValue, numberFormat }`) that Excel shows as
 *   a date or in kroner. Microsoft 365 (2208+), the web and Mac (16.64+) have it; Office 2021/LTSC
 *   and retail perpetual do not. Saldo asks `Office.context.requirements` at each call and gives
 *   plain numbers without it, so 1.4 is *not* required of the manifest.
 * - SharedRuntime 1.1: the functions read the workbook's rules that the task pane loaded into the
 *   same runtime (addin/shared/workbookRules.ts).
 */
export interface RequirementSet {
  name: 'CustomFunctionsRuntime' | 'SharedRuntime';
  minVersion: string;
  /** true: the manifest must declare it; false: used only when `isSetSupported` says so. */
  required: boolean;
  /** What Saldo uses from it (`Error`, `ErrorCode.invalidValue`, …). */
  apis: readonly string[];
}

export const REQUIREMENT_SETS: readonly RequirementSet[] = [
  {
    name: 'CustomFunctionsRuntime',
    minVersion: '1.2',
    required: true,
    apis: ['Error', 'ErrorCode.invalidValue', 'ErrorCode.notAvailable', 'ErrorCode.invalidNumber'],
  },
  { name: 'CustomFunctionsRuntime', minVersion: '1.4', required: false, apis: ['FormattedNumber results'] },
  { name: 'SharedRuntime', minVersion: '1.1', required: true, apis: ['shared runtime with the task pane'] },
];
