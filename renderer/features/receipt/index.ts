/** Public API of printing: the print job in a hidden frame and its steps, for any printed document. */
export { printInHiddenFrame, recordPrintOutcome } from './print-jobs.ts';
export { afterBrowserPrint, stepOf, type PrintJobState } from './print-state.ts';
