import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const root = createRoot(document.getElementById('container')!);

// Outside Office (a plain browser) Office.onReady still resolves, with host null.
void Office.onReady(() => {
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
});
