/** Public API of settings: the officer's session and the PIN gate other officer screens open behind. */
export { useOfficerSession } from './officer-session.ts';
export { OfficerGate } from './OfficerGate.tsx';
