/**
 * Printed documents as pure functions: form definition / dossier in, standalone HTML out
 * (no Node, no DOM). The main-process print service turns the HTML into a PDF and a
 * printer job; see assets/fonts/README.md for the embedded font.
 */
export { buildDeclarationDocument, type DeclarationInput } from './declaration.ts';
export { buildReceiptDocument, documentLine, feeText, qrImageSrc, type ReceiptInput } from './receipt.ts';
export { buildTicketDocument, ticketLines, type TicketPrintInput } from './ticket.ts';
export { applicantContact, type ApplicantContact } from './applicant.ts';
export {
  placeDateLine,
  placeName,
  receivedTimeText,
  vietnameseDateWords,
  type PrintDocument,
} from './common.ts';
export { escapeHtml, escapeMultiline, assertSafeCss } from './html.ts';
export {
  buildFontFaceCss,
  withPrintFonts,
  woff2DataUrl,
  PRINT_FONT_FAMILY,
  PRINT_FONT_FILES,
  PRINT_FONT_STACK,
  type PrintFontFile,
} from './fonts.ts';
export {
  A4_PORTRAIT,
  clampRollHeight,
  cssPxToMm,
  pageSizeMicrons,
  paperSpec,
  ROLL_MAX_HEIGHT_MM,
  ROLL_MIN_HEIGHT_MM,
  ROLL_PRINTABLE_WIDTH_MM,
  ROLL_WIDTH_MM,
  type PaperSpec,
  type PrintPaper,
} from './paper.ts';
