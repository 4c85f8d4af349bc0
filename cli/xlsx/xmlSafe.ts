/**
 * The one place every text the CLI writes into a workbook passes through. ExcelJS encodes every
 * string it writes into the file's XML (cell text, shared strings, sheet names, properties; by
 * the in-memory and the streaming writer alike) with `utils.xmlEncode`. That function escapes
 * < > & but drops control characters silently and lets U+FFFE, U+FFFF and lone surrogates
 * through (a corrupt file). It is wrapped once, here, to pass the text through core's
 * xmlSafeText first. Every workbook writer in cli/xlsx imports this module; the test
 * test/cli/xmlText.test.ts reads each workbook back, so an ExcelJS that moves the function fails it.
 */
import { createRequire } from 'node:module';
import { xmlSafeText } from '../../core/report/xmlText.js';

interface ExcelJsUtils {
  xmlEncode(text: string): string;
  saldoXmlSafe?: true;
}

const utils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as ExcelJsUtils;
if (!utils.saldoXmlSafe) {
  const encode = utils.xmlEncode.bind(utils);
  utils.xmlEncode = (text: string) => encode(xmlSafeText(text));
  utils.saldoXmlSafe = true;
}

export { xmlSafeText };
