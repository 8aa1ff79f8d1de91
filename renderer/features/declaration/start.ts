import type { ProcedureCode } from '../../../shared/domain/procedure.ts';
import { formIdForProcedure } from '../../../shared/forms/form-procedures.ts';
import { useShellStore } from '../shell/index.ts';

/**
 * Opens the wizard on a new, empty declaration for a procedure. A form is never reopened
 * with earlier answers: leaving a form ends its session (./session-end.ts), so whatever is
 * still held here belongs to someone who has gone, and is dropped.
 *
 * The forms and the wizard's store (with the drafts' storage) are loaded here, not at start:
 * Today's first frame does not wait for them. They are normally fetched already (the shell
 * preloads the screens); if the citizen has gone elsewhere meanwhile, the tap is not acted on.
 */
export function startDeclaration(procedureCode: ProcedureCode): Promise<void> {
  const formId = formIdForProcedure(procedureCode);
  if (!formId) return Promise.resolve();
  const tappedOn = useShellStore.getState().screen;
  return Promise.all([import('../../../shared/forms/registry.ts'), import('./wizard-store.ts')]).then(
    ([{ getForm }, { useWizardStore }]) => {
      const form = getForm(formId);
      if (!form || useShellStore.getState().screen !== tappedOn) return;
      const store = useWizardStore.getState();
      if (store.session) void store.discard();
      const session = useWizardStore.getState().startNew(procedureCode, form);
      useShellStore.getState().navigate({ name: 'declaration', procedureCode, draftId: session.draftId });
    },
  );
}
