/** The status look-up screen, loaded on demand. */
export { StatusLookupScreen } from './StatusLookupScreen.tsx';
