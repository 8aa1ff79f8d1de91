/**
 * Public API of sync with the office: the runner and the top bar's badge, the nudge after a
 * submit, and where the status pull stands. The settings section is in ./lazy.ts.
 */
export { SyncRunner } from './SyncRunner.tsx';
export { SyncBadge } from './SyncBadge.tsx';
export { nudgeSyncAfterSubmit } from './store.ts';
export { lastStatusPullAsOf, statusPullCursor } from './pull-state.ts';
