import type { ProcedureCode } from '../../../shared/domain/procedure.ts';
import { formForProcedure } from '../../../shared/forms/registry.ts';
import { useShellStore } from '../shell/index.ts';
import { useWizardStore } from './wizard-store.ts';

/**
 * Opens the wizard on a new, empty declaration for a procedure. A form is never reopened
 * with earlier answers: leaving a form ends its session (./session-end.ts), so whatever is
 * still held here belongs to someone who has gone, and is dropped.
 */
export function startDeclaration(procedureCode: ProcedureCode): void {
  const form = formForProcedure(procedureCode);
  if (!form) return;
  const store = useWizardStore.getState();
  if (store.session) void store.discard();
  const session = useWizardStore.getState().startNew(procedureCode, form);
  useShellStore.getState().navigate({ name: 'declaration', procedureCode, draftId: session.draftId });
}
