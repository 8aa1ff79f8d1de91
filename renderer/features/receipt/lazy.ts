/** The receipt screen, loaded on demand. */
export { ReceiptScreen } from './ReceiptScreen.tsx';
