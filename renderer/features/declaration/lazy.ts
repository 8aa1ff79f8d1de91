/** The declaration wizard, loaded on demand with the administrative units it reads. */
export { DeclarationScreen } from './DeclarationScreen.tsx';
/** The overlays every screen shares (continue a saved draft; leave the form), mounted after Today's first frame. */
export { ResumeDraftPrompt } from './ResumeDraftPrompt.tsx';
export { LeaveDeclarationDialog } from './LeaveDeclarationDialog.tsx';
