/**
 * The task pane shell: a header and one tab per job. A page without `render` in PAGES is shown
 * as a disabled tab ("kommer i en senere version").
 */
import { makeStyles, Spinner, Tab, TabList, Text, Title3, tokens, Tooltip } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { NAVIGATE_EVENT, type PageId } from '../shared/navigation.js';
import { BetalingsaftalePage } from './pages/BetalingsaftalePage.js';
import { AnalysePage } from './pages/AnalysePage.js';
import { HenstandPage } from './pages/HenstandPage.js';
import { SaldoopgoerelsePage } from './pages/SaldoopgoerelsePage.js';
import { StatusPage } from './pages/StatusPage.js';
import { ReglerPage } from './pages/ReglerPage.js';
import { RulesProvider } from './rulesContext.js';
import { strings } from './strings.js';

/** The release, put in by the build (webpack's DefinePlugin) from package.json. */
declare const SALDO_VERSION: string;

// Loaded when first opened: the follow-up brings mathjs (≈ 100 KB gzipped) that no other page needs.
const OpfoelgningPage = lazy(async () => ({ default: (await import('./pages/OpfoelgningPage.js')).OpfoelgningPage }));

interface Page {
  id: PageId;
  render?: () => ReactElement;
}

const PAGES: readonly Page[] = [
  { id: 'betalingsaftale', render: () => <BetalingsaftalePage /> },
  { id: 'henstand', render: () => <HenstandPage /> },
  { id: 'status', render: () => <StatusPage /> },
  {
    id: 'opfoelgning',
    render: () => (
      <Suspense fallback={<Spinner label={strings.loading} />}>
        <OpfoelgningPage />
      </Suspense>
    ),
  },
  { id: 'saldoopgoerelse', render: () => <SaldoopgoerelsePage /> },
  { id: 'analyse', render: () => <AnalysePage /> },
  { id: 'regler', render: () => <ReglerPage /> },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: { padding: '12px 16px 4px', backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { backgroundColor: tokens.colorNeutralBackground1, flexWrap: 'wrap', paddingLeft: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { padding: '12px 16px 24px' },
});

export function App(): ReactElement {
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
        <main className={styles.main}>{current?.render?.()}</main>
      </div>
    </RulesProvider>
  );
}
