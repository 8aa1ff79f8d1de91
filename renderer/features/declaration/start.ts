import type { ProcedureCode } from '../../../shared/domain/procedure.ts';
import { formForProcedure } from '../../../shared/forms/registry.ts';
import { useShellStore } from '../shell/store.ts';
import { useWizardStore } from './wizard-store.ts';

/**
 * Opens the wizard for a procedure: the declaration already being filled for it carries
 * on; otherwise a new draft starts (a different procedure's unfinished draft is dropped:
 * the person has moved on, and an idle kiosk must not collect half-filled forms).
 */
export function startDeclaration(procedureCode: ProcedureCode): void {
  const form = formForProcedure(procedureCode);
  if (!form) return;
  const store = useWizardStore.getState();
  let session = store.session;
  if (!session || session.procedureCode !== procedureCode) {
    if (session) void store.discard();
    session = useWizardStore.getState().startNew(procedureCode, form);
  }
  useShellStore.getState().navigate({ name: 'declaration', procedureCode, draftId: session.draftId });
}
