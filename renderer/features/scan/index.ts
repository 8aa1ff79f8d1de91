/**
 * Public API of scanning: the code scanners (keyboard-wedge and serial) and their settings
 * section, and reading a CCCD's QR into a form. The camera scan is in ./lazy.ts.
 */
export { installScannerCapture } from './scanner-capture.ts';
export { installSerialScanner } from './serial-scanner.ts';
export { SerialScannerSection } from './SerialScannerSection.tsx';
export { applyIdCardScan, type IdCardOutcome } from './id-card.ts';
