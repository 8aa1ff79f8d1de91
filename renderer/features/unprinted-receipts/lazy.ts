/** The unprinted receipts screen, loaded on demand; the runner that finds them, mounted after Today's first frame. */
export { UnprintedReceiptsRunner } from './UnprintedReceiptsRunner.tsx';
export { UnprintedReceiptsScreen } from './UnprintedReceiptsScreen.tsx';
