/** Public API: dossier codes, the canonical dossier builder and the receipt's return-time line. */
export * from './dossier-code.ts';
export * from './build-dossier.ts';
export * from './receipt-text.ts';
