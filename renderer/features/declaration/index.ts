/**
 * Public API of the declaration: starting one. The wizard and the overlays the shell shows on
 * every screen (continue a saved draft; leave the form) are in ./lazy.ts.
 */
export { StartDeclarationButton } from './StartDeclarationButton.tsx';
export { startDeclaration } from './start.ts';
