import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { NAVIGATE_EVENT, takeRequestedPage } from '../shared/navigation.js';
import { App } from './App.js';
import { themeOf } from './theme.js';

/**
 * The App, and then the page a ribbon button asked for before the App was there to hear it
 * (addin/shared/navigation.ts). A parent's effect runs after its children's, so App listens by now.
 */
function Shell(): ReactElement {
  useEffect(() => {
    const page = takeRequestedPage();
    if (page) window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: page }));
  }, []);
  return <App />;
}

const root = createRoot(document.getElementById('container')!);

// Outside Office (a plain browser) Office.onReady still resolves, with host null.
void Office.onReady(() => {
  const theme = themeOf(Office.context?.officeTheme) === 'dark' ? webDarkTheme : webLightTheme;
  root.render(
    <FluentProvider theme={theme}>
      <Shell />
    </FluentProvider>,
  );
});
