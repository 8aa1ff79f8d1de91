/** Sync's settings section, shown only on the settings screen (loaded on demand); the runner, mounted after Today's first frame. */
export { SyncRunner } from './SyncRunner.tsx';
export { SyncSection } from './SyncSection.tsx';
/** Where the engine's status pull stands, for the status look-up (loaded on demand, as it is). */
export { lastStatusPullAsOf, statusPullCursor } from './pull-state.ts';
