/**
 * Which national procedures (mã thủ tục, as listed on the Cổng Dịch vụ công quốc gia and in the
 * catalogue) each declaration form serves. Declared here, once, and read by each form's
 * definition: Today tells which tiles open a form from this alone, without loading (and
 * validating) the forms themselves before its first frame.
 */
import type { ProcedureCode } from '../domain/procedure.ts';

export const FORM_PROCEDURES = {
  'birth-registration': ['1.001193'],
  'marriage-registration': ['1.000894'],
  'marital-status': ['1.004873'],
  'death-registration': ['1.000656'],
  'certification-request': ['2.000815', '2.000884'],
  'household-business': ['1.001612'],
} as const satisfies Record<string, readonly ProcedureCode[]>;

export type FormId = keyof typeof FORM_PROCEDURES;

const BY_PROCEDURE: ReadonlyMap<string, FormId> = new Map(
  Object.entries(FORM_PROCEDURES).flatMap(([id, codes]) =>
    codes.map((code) => [code, id as FormId] as const),
  ),
);

/** The id of the declaration form for a procedure, if the kiosk has one. */
export function formIdForProcedure(code: ProcedureCode): FormId | undefined {
  return BY_PROCEDURE.get(code);
}
