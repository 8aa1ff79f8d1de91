/** Public API of unprinted receipts: the runner that finds them and the notice Today shows. */
export { UnprintedReceiptsRunner } from './UnprintedReceiptsRunner.tsx';
export { UnprintedReceiptsNotice } from './UnprintedReceiptsNotice.tsx';
