import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/app.ts';
import { bridge } from './bridge/client.ts';
import { requestPersistence } from './features/dossier/index.ts';
// The UI font, bundled: Noto Sans covers every Vietnamese letter and tone. Each subset
// (latin, vietnamese, …) is its own file behind a unicode-range, so the browser loads only
// the ones the text uses.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';

// Dossiers live in IndexedDB; ask the browser not to evict them under storage pressure.
void requestPersistence();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={bridge()} />
  </StrictMode>,
);
