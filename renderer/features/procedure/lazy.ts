/**
 * A procedure's screen and the fee facts the receipt shares with it, with the QR image
 * (the qrcode package): only for screens loaded on demand.
 */
export { ProcedureScreen } from './ProcedureScreen.tsx';
export { QrImage } from './QrImage.tsx';
export { declaredFeeDue, effectiveFee, feeTransferQr } from './procedure-facts.ts';
