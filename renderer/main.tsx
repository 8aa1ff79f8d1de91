import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App.tsx';
import { bridge } from './bridge/client.ts';
import { requestPersistentStorage } from './db/db.ts';
import './styles.css';

// Dossiers live in IndexedDB; ask the browser not to evict them under storage pressure.
void requestPersistentStorage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={bridge()} />
  </StrictMode>,
);
