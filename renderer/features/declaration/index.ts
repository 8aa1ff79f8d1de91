/**
 * Public API of the declaration: starting one, and the overlays the shell shows on every
 * screen (continue a saved draft; leave the form). The wizard itself is in ./lazy.ts.
 */
export { StartDeclarationButton } from './StartDeclarationButton.tsx';
export { startDeclaration } from './start.ts';
export { ResumeDraftPrompt } from './ResumeDraftPrompt.tsx';
export { LeaveDeclarationDialog } from './LeaveDeclarationDialog.tsx';
