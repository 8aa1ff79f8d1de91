/**
 * Public API of sync with the office: the top bar's badge and the nudge after a submit. The
 * runner, the settings section and where the status pull stands are in ./lazy.ts.
 */
export { SyncBadge } from './SyncBadge.tsx';
export { nudgeSyncAfterSubmit } from './store.ts';
