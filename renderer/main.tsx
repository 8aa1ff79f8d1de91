// First, so the configuration is asked for before the libraries are evaluated (see the module).
import './bridge/start.ts';
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, afterFirstPaint, loadKioskConfig } from './features/shell/app.ts';
import { bridge } from './bridge/client.ts';
// The UI font, bundled: Noto Sans covers every Vietnamese letter and tone. Each subset
// (latin, vietnamese, …) is its own file behind a unicode-range, so the browser loads only
// the ones the text uses.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';

/**
 * How long the first frame may wait for the configuration. The host answers well within it,
 * so the first frame is the Today screen rather than a loading line replaced a few frames
 * later (a flash, and a render and layout the start pays for nothing); a host that is slow
 * or down gets the loading screen, then its error, as before.
 */
const FIRST_FRAME_WAIT_MS = 300;

const client = bridge();
const configSettled = loadKioskConfig(client);
const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS));

void Promise.race([configSettled, waited]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
  // Dossiers live in IndexedDB; ask the browser not to evict them under storage pressure. The
  // stored dossiers' API (and IndexedDB's library) load once the first frame is painted.
  void afterFirstPaint()
    .then(() => import('./features/dossier/index.ts'))
    .then(({ requestPersistence }) => requestPersistence());
});
