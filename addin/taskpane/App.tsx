/**
 * The task pane shell: a header and the jobs to choose between. A task pane opens 320–350 px wide,
 * where eleven tabs take three rows: there the pages are a drop-down list ("Side"); from 600 px,
 * tabs, in as many rows as the width needs. A page without `render` in PAGES is shown disabled
 * ("kommer i en senere version").
 */
import { Field, makeStaticStyles, makeStyles, Select, Spinner, Tab, TabList, Text, Title3, tokens, Tooltip } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { NAVIGATE_EVENT, type PageId } from '../shared/navigation.js';
import { BetalingsaftalePage } from './pages/BetalingsaftalePage.js';
import { RulesProvider } from './rulesContext.js';
import { strings } from './strings.js';

/** The release, put in by the build (webpack's DefinePlugin) from package.json. */
declare const SALDO_VERSION: string;

/**
 * Every page but the first is a chunk loaded when first opened (test/e2e/build.e2e.test.ts keeps
 * the start within its budget): each brings its own code — the follow-up mathjs (≈ 100 KB
 * gzipped), the work list, the funnel, the forældelse radar and the campaign the portfolio's
 * commands — and the pane starts with the Betalingsaftale page alone. Until a page has come, the pane says so in Danish.
 */
const page = <K extends string>(load: () => Promise<Record<K, () => ReactElement>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const HenstandPage = page(() => import('./pages/HenstandPage.js'), 'HenstandPage');
const StatusPage = page(() => import('./pages/StatusPage.js'), 'StatusPage');
const OpfoelgningPage = page(() => import('./pages/OpfoelgningPage.js'), 'OpfoelgningPage');
const SaldoopgoerelsePage = page(() => import('./pages/SaldoopgoerelsePage.js'), 'SaldoopgoerelsePage');
const AnalysePage = page(() => import('./pages/AnalysePage.js'), 'AnalysePage');
const ArbejdslistePage = page(() => import('./pages/ArbejdslistePage.js'), 'ArbejdslistePage');
const TragtPage = page(() => import('./pages/TragtPage.js'), 'TragtPage');
const ForaeldelsePage = page(() => import('./pages/ForaeldelsePage.js'), 'ForaeldelsePage');
const KampagnePage = page(() => import('./pages/KampagnePage.js'), 'KampagnePage');
const ReglerPage = page(() => import('./pages/ReglerPage.js'), 'ReglerPage');

interface Page {
  id: PageId;
  render?: () => ReactElement;
}

const PAGES: readonly Page[] = [
  { id: 'betalingsaftale', render: () => <BetalingsaftalePage /> },
  { id: 'henstand', render: () => <HenstandPage /> },
  { id: 'status', render: () => <StatusPage /> },
  { id: 'opfoelgning', render: () => <OpfoelgningPage /> },
  { id: 'saldoopgoerelse', render: () => <SaldoopgoerelsePage /> },
  { id: 'analyse', render: () => <AnalysePage /> },
  { id: 'arbejdsliste', render: () => <ArbejdslistePage /> },
  { id: 'tragt', render: () => <TragtPage /> },
  { id: 'foraeldelse', render: () => <ForaeldelsePage /> },
  { id: 'kampagne', render: () => <KampagnePage /> },
  { id: 'regler', render: () => <ReglerPage /> },
];

/** From this width the pages are tabs in one row; below it, a drop-down list. */
const WIDE = 600;

/**
 * A drop-down list is as wide as its longest choice ("Motorstyrelsens mål (kvartaler) …"), and a
 * field as wide as what it holds: in a 320 px pane both may shrink, the choice then cut off.
 */
const useNarrowStyles = makeStaticStyles({
  '.fui-Field, .fui-Select, .fui-Select__select': { minWidth: 0, maxWidth: '100%' },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: { padding: '12px 16px 4px', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: {
    display: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    paddingLeft: '8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Eleven tabs may not fit one row: they wrap to the next rather than run out of the pane.
    [`@media (min-width: ${WIDE}px)`]: { display: 'flex', flexWrap: 'wrap' },
  },
  menu: {
    padding: '4px 16px 8px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    [`@media (min-width: ${WIDE}px)`]: { display: 'none' },
  },
  main: { padding: '12px 16px 24px' },
});

export function App(): ReactElement {
  useNarrowStyles();
  const styles = useStyles();
  const [page, setPage] = useState<PageId>('betalingsaftale');

  useEffect(() => {
    const onNavigate = (e: Event) => {
      const id = (e as CustomEvent<string>).detail;
      if (PAGES.some((p) => p.id === id && p.render)) setPage(id as PageId);
    };
    window.addEventListener(NAVIGATE_EVENT, onNavigate);
    return () => window.removeEventListener(NAVIGATE_EVENT, onNavigate);
  }, []);

  const current = PAGES.find((p) => p.id === page);
  return (
    <RulesProvider>
      <div className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <Text block size={200}>
            {strings.appSubtitle} {strings.version(SALDO_VERSION)}
          </Text>
        </header>
        <nav className={styles.menu} aria-label={strings.pagesLabel}>
          <Field label={strings.pageMenu}>
            <Select value={page} onChange={(_, d) => setPage(d.value as PageId)}>
              {PAGES.map((p) => (
                <option key={p.id} value={p.id} disabled={!p.render}>
                  {strings.pages[p.id]}
                </option>
              ))}
            </Select>
          </Field>
        </nav>
        <TabList className={styles.tabs} selectedValue={page} onTabSelect={(_, d) => setPage(d.value as PageId)} size="small" aria-label={strings.pagesLabel}>
          {PAGES.map((p) =>
            p.render ? (
              <Tab key={p.id} value={p.id}>
                {strings.pages[p.id]}
              </Tab>
            ) : (
              <Tooltip key={p.id} content={strings.comingLater} relationship="description">
                <Tab value={p.id} disabled>
                  {strings.pages[p.id]}
                </Tab>
              </Tooltip>
            ),
          )}
        </TabList>
        <main className={styles.main}>
          <Suspense fallback={<Spinner label={strings.loading} />}>{current?.render?.()}</Suspense>
        </main>
      </div>
    </RulesProvider>
  );
}
