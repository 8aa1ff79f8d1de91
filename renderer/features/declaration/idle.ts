/**
 * An abandoned declaration is discarded at the idle reset (after the shell's warning):
 * the next person must find neither the screen nor the stored draft of the previous one.
 */
import { onIdleReset } from '../shell/idle.ts';
import { discardAllDrafts } from '../dossier/drafts.ts';
import { useWizardStore } from './wizard-store.ts';

// Registered once, when the wizard's module is first imported.
onIdleReset(() => {
  useWizardStore.getState().close();
  void discardAllDrafts();
});
