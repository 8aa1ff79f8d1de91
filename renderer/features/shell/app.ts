/**
 * The kiosk's root component and its start, for renderer/main.tsx only. It composes every
 * feature's screens, so it is not in ./index.ts, which every feature imports (that would
 * close a cycle through all the features' public APIs).
 */
export { App } from './App.tsx';
export { loadKioskConfig } from './config-store.ts';
export { afterFirstPaint } from './first-paint.ts';
