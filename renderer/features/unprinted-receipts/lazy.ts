/** The unprinted receipts screen, loaded on demand. */
export { UnprintedReceiptsScreen } from './UnprintedReceiptsScreen.tsx';
