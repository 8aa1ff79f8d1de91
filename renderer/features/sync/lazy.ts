/** Sync's settings section, shown only on the settings screen (loaded on demand). */
export { SyncSection } from './SyncSection.tsx';
