/**
 * Names of Excel's built-in worksheet functions, in English and in Danish, as test data: Microsoft
 * advises custom functions not to take a built-in name in any language ("Custom functions naming
 * and localization", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming), and
 * SALDO.YDELSE did (YDELSE is PMT in Danish Excel).
 *
 * English: every financial, date and time, and statistical function (with the compatibility
 * functions) and the common math, logical, lookup and text functions, from Microsoft Support's
 * "Excel functions (by category)" (support.microsoft.com/office/excel-functions-by-category-
 * 5f91f4e9-7b42-46d2-9bd1-63f26a86c0eb), checked 2026-12.
 * Danish: the da-DK names of the financial and date functions and of the common ones that could
 * collide with a Danish word Saldo uses (YDELSE = PMT, ARBEJDSDAG = WORKDAY, ANTAL.ARBEJDSDAGE =
 * NETWORKDAYS, RENTE = RATE, DAGE = DAYS …), from Microsoft Support's Danish function pages
 * (support.microsoft.com/da-dk, e.g. "ANTAL.ARBEJDSDAGE.INTL(startdato;slutdato;…)") and
 * Microsoft's Functions Translator add-in. Not every statistical function's Danish name is here.
 */

export const FINANCIAL_EN = [
  'ACCRINT', 'ACCRINTM', 'AMORDEGRC', 'AMORLINC', 'COUPDAYBS', 'COUPDAYS', 'COUPDAYSNC', 'COUPNCD', 'COUPNUM', 'COUPPCD', 'CUMIPMT', 'CUMPRINC', 'DB', 'DDB',
  'DISC', 'DOLLARDE', 'DOLLARFR', 'DURATION', 'EFFECT', 'FV', 'FVSCHEDULE', 'INTRATE', 'IPMT', 'IRR', 'ISPMT', 'MDURATION', 'MIRR', 'NOMINAL', 'NPER', 'NPV',
  'ODDFPRICE', 'ODDFYIELD', 'ODDLPRICE', 'ODDLYIELD', 'PDURATION', 'PMT', 'PPMT', 'PRICE', 'PRICEDISC', 'PRICEMAT', 'PV', 'RATE', 'RECEIVED', 'RRI', 'SLN',
  'STOCKHISTORY', 'SYD', 'TBILLEQ', 'TBILLPRICE', 'TBILLYIELD', 'VDB', 'XIRR', 'XNPV', 'YIELD', 'YIELDDISC', 'YIELDMAT',
]; // prettier-ignore

export const DATE_EN = [
  'DATE', 'DATEDIF', 'DATEVALUE', 'DAY', 'DAYS', 'DAYS360', 'EDATE', 'EOMONTH', 'HOUR', 'ISOWEEKNUM', 'MINUTE', 'MONTH', 'NETWORKDAYS', 'NETWORKDAYS.INTL',
  'NOW', 'SECOND', 'TIME', 'TIMEVALUE', 'TODAY', 'WEEKDAY', 'WEEKNUM', 'WORKDAY', 'WORKDAY.INTL', 'YEAR', 'YEARFRAC',
]; // prettier-ignore

export const STATISTICAL_EN = [
  'AVEDEV', 'AVERAGE', 'AVERAGEA', 'AVERAGEIF', 'AVERAGEIFS', 'BETA.DIST', 'BETA.INV', 'BINOM.DIST', 'BINOM.DIST.RANGE', 'BINOM.INV', 'CHISQ.DIST',
  'CHISQ.DIST.RT', 'CHISQ.INV', 'CHISQ.INV.RT', 'CHISQ.TEST', 'CONFIDENCE.NORM', 'CONFIDENCE.T', 'CORREL', 'COUNT', 'COUNTA', 'COUNTBLANK', 'COUNTIF',
  'COUNTIFS', 'COVARIANCE.P', 'COVARIANCE.S', 'DEVSQ', 'EXPON.DIST', 'F.DIST', 'F.DIST.RT', 'F.INV', 'F.INV.RT', 'F.TEST', 'FISHER', 'FISHERINV', 'FORECAST',
  'FORECAST.ETS', 'FORECAST.ETS.CONFINT', 'FORECAST.ETS.SEASONALITY', 'FORECAST.ETS.STAT', 'FORECAST.LINEAR', 'FREQUENCY', 'GAMMA', 'GAMMA.DIST', 'GAMMA.INV',
  'GAMMALN', 'GAMMALN.PRECISE', 'GAUSS', 'GEOMEAN', 'GROWTH', 'HARMEAN', 'HYPGEOM.DIST', 'INTERCEPT', 'KURT', 'LARGE', 'LINEST', 'LOGEST', 'LOGNORM.DIST',
  'LOGNORM.INV', 'MAX', 'MAXA', 'MAXIFS', 'MEDIAN', 'MIN', 'MINA', 'MINIFS', 'MODE.MULT', 'MODE.SNGL', 'NEGBINOM.DIST', 'NORM.DIST', 'NORM.INV', 'NORM.S.DIST',
  'NORM.S.INV', 'PEARSON', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'PERCENTRANK.EXC', 'PERCENTRANK.INC', 'PERMUT', 'PERMUTATIONA', 'PHI', 'POISSON.DIST', 'PROB',
  'QUARTILE.EXC', 'QUARTILE.INC', 'RANK.AVG', 'RANK.EQ', 'RSQ', 'SKEW', 'SKEW.P', 'SLOPE', 'SMALL', 'STANDARDIZE', 'STDEV.P', 'STDEV.S', 'STDEVA', 'STDEVPA',
  'STEYX', 'T.DIST', 'T.DIST.2T', 'T.DIST.RT', 'T.INV', 'T.INV.2T', 'T.TEST', 'TREND', 'TRIMMEAN', 'VAR.P', 'VAR.S', 'VARA', 'VARPA', 'WEIBULL.DIST', 'Z.TEST',
  // compatibility functions
  'BETADIST', 'BETAINV', 'BINOMDIST', 'CHIDIST', 'CHIINV', 'CHITEST', 'CONFIDENCE', 'COVAR', 'CRITBINOM', 'EXPONDIST', 'FDIST', 'FINV', 'FTEST', 'GAMMADIST',
  'GAMMAINV', 'HYPGEOMDIST', 'LOGINV', 'LOGNORMDIST', 'MODE', 'NEGBINOMDIST', 'NORMDIST', 'NORMINV', 'NORMSDIST', 'NORMSINV', 'PERCENTILE', 'PERCENTRANK',
  'POISSON', 'QUARTILE', 'RANK', 'STDEV', 'STDEVP', 'TDIST', 'TINV', 'TTEST', 'VAR', 'VARP', 'WEIBULL', 'ZTEST',
]; // prettier-ignore

/** Common functions of other categories whose names are plausible for Saldo (SUM, COUNT, ROUND, FILTER …). */
export const OTHER_EN = [
  'ABS', 'AND', 'CEILING', 'CHOOSE', 'CONCAT', 'FILTER', 'FLOOR', 'HYPERLINK', 'IF', 'IFERROR', 'IFS', 'INDEX', 'INT', 'LET', 'LOOKUP', 'MATCH', 'MOD', 'NOT',
  'OR', 'ROUND', 'ROUNDDOWN', 'ROUNDUP', 'SEQUENCE', 'SORT', 'SUBTOTAL', 'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT', 'SWITCH', 'TEXT', 'TRUNC', 'UNIQUE', 'VALUE',
  'VLOOKUP', 'XLOOKUP',
]; // prettier-ignore

export const FINANCIAL_DA = [
  'PÅLØBRENTE', 'PÅLØBRENTE.UDLØB', 'AMORDEGRC', 'AMORLINC', 'KUPONDAGE.SA', 'KUPONDAGE.A', 'KUPONDAGE.ANK', 'KUPONDAG.NÆSTE', 'KUPONBETALINGER',
  'KUPONDAG.FORRIGE', 'AKKUM.RENTE', 'AKKUM.HOVEDSTOL', 'DB', 'DSA', 'DISKONTO', 'KR.DECIMAL', 'KR.BRØK', 'VARIGHED', 'EFFEKTIV.RENTE', 'FV', 'FVTABEL',
  'RENTEFOD', 'R.YDELSE', 'IA', 'ISPMT', 'MVARIGHED', 'MIA', 'NOMINEL', 'NPER', 'NUTIDSVÆRDI', 'ULIGE.KURS.PÅLYDENDE', 'ULIGE.FØRSTE.AFKAST',
  'ULIGE.SIDSTE.KURS', 'ULIGE.SIDSTE.AFKAST', 'PVARIGHED', 'YDELSE', 'H.YDELSE', 'KURS', 'KURS.DISKONTO', 'KURS.UDLØB', 'NV', 'RENTE', 'MODTAGET.VED.UDLØB',
  'ÆKV.RENTE', 'LA', 'ÅRSAFSKRIVNING', 'STATSOBLIGATION', 'STATSOBLIGATION.KURS', 'STATSOBLIGATION.AFKAST', 'VSA', 'INTERN.RENTE', 'NETTO.NUTIDSVÆRDI',
  'AFKAST', 'AFKAST.DISKONTO', 'AFKAST.UDLØBSDATO',
]; // prettier-ignore

export const DATE_DA = [
  'DATO', 'DATO.FORSKEL', 'DATOVÆRDI', 'DAG', 'DAGE', 'DAGE360', 'EDATO', 'SLUT.PÅ.MÅNED', 'TIME', 'ISOUGE.NR', 'MINUT', 'MÅNED', 'ANTAL.ARBEJDSDAGE',
  'ANTAL.ARBEJDSDAGE.INTL', 'NU', 'SEKUND', 'TID', 'TIDSVÆRDI', 'IDAG', 'UGEDAG', 'UGE.NR', 'ARBEJDSDAG', 'ARBEJDSDAG.INTL', 'ÅR', 'ÅR.BRØK',
]; // prettier-ignore

/** Danish statistical and other common names (the statistical list is not complete in Danish). */
export const OTHER_DA = [
  'MIDDEL', 'MIDDELV', 'MIDDEL.HVIS', 'MIDDEL.HVISER', 'TÆL', 'TÆLV', 'ANTAL.BLANKE', 'TÆL.HVIS', 'TÆL.HVISER', 'MAKS', 'MIN', 'MEDIAN', 'HYPPIGST',
  'STDAFV', 'VARIANS', 'KVARTIL', 'FRAKTIL', 'PROCENTPLADS', 'PLADS', 'STØRSTE', 'MINDSTE', 'FREKVENS', 'TENDENS', 'VÆKST', 'PROGNOSE', 'HÆLDNING', 'SKÆRING',
  'KORRELATION', 'KOVARIANS', 'FORKLARINGSGRAD', 'STANDARDISER', 'GEOMIDDELVÆRDI', 'HARMIDDELVÆRDI', 'TRIMMIDDELVÆRDI', 'SKÆVHED', 'TOPSTEJLHED',
  'SANDSYNLIGHED', 'SUM', 'SUM.HVIS', 'SUM.HVISER', 'SUMPRODUKT', 'SUBTOTAL', 'AFRUND', 'RUND.OP', 'RUND.NED', 'AFKORT', 'HELTAL', 'REST', 'HVIS', 'HVIS.FEJL',
  'OG', 'ELLER', 'IKKE', 'LOPSLAG', 'XOPSLAG', 'SAMMENLIGN', 'INDEKS', 'FILTER', 'SORTER', 'ENTYDIGE', 'SEKVENS', 'TEKST', 'VÆRDI', 'HYPERLINK', 'NUMERISK',
]; // prettier-ignore

/** Every built-in name above, English and Danish, upper case. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([...FINANCIAL_EN, ...DATE_EN, ...STATISTICAL_EN, ...OTHER_EN, ...FINANCIAL_DA, ...DATE_DA, ...OTHER_DA].map((n) => n.toUpperCase()));
