/**
 * Every way out of a declaration ends that person's session, so the next person finds
 * neither the screen nor the stored draft: leaving by Home, Find, Back or any other
 * navigation asks first ("leave this form?") and then discards; the idle reset (after the
 * shell's warning) discards every draft. A form nobody has typed in is left without asking.
 * Imported by the overlays the shell always renders, so it is registered from the start.
 */
import { guardLeaving, onIdleReset } from '../shell/index.ts';
import { discardAllDrafts } from '../dossier/index.ts';
import { isUntouched, useWizardStore } from './wizard-store.ts';

guardLeaving('declaration', (leave) => {
  const wizard = useWizardStore.getState();
  if (!wizard.session) return leave();
  if (isUntouched(wizard.session)) {
    void wizard.discard();
    return leave();
  }
  wizard.askToLeave(leave);
});

onIdleReset(() => {
  useWizardStore.getState().close();
  void discardAllDrafts();
});

/** The person confirmed: end the session (the draft and its photos go), then leave. */
export function confirmLeave(): void {
  const { leaving, discard } = useWizardStore.getState();
  void discard();
  leaving?.();
}
