/**
 * The shell's public API for other features: navigation and session state, the kiosk's
 * configuration, the idle reset, the bridge and the desk's state in words. The App itself is
 * not here (it imports every feature's screen); only main.tsx mounts it.
 */
export { useShellStore, guardLeaving, type ScreenOf } from './store.ts';
export { useKioskConfig } from './config-store.ts';
export { onIdleReset, setIdleHold, runIdleResetListeners } from './idle.ts';
export { useBridge, BridgeContext } from './bridge-context.ts';
export { deskStateSentence } from './DeskStateText.tsx';
export { afterFirstPaint } from './first-paint.ts';
