/** Public API of unprinted receipts: the notice Today shows. The runner and the screen are in ./lazy.ts. */
export { UnprintedReceiptsNotice } from './UnprintedReceiptsNotice.tsx';
