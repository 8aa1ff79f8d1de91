/**
 * Which fee a declaration owes and the quantities it counts, read from the declared
 * values. The certification request serves two procedures and its "kind" decides which:
 * a certified copy (2.000815, counted per page of each copy) or a signature, fingerprint
 * or person unable to sign (2.000884, counted per paper).
 */
import type { FeeQuantities } from '../domain/fee-rule.ts';

export interface DeclaredFeeBasis {
  /** The procedure whose fee applies (may differ from the one the form was opened for). */
  procedureCode: string;
  quantities: FeeQuantities;
}

const NONE: FeeQuantities = { papers: null, pagesPerCopy: null };

export function declaredFeeBasis(
  formId: string,
  procedureCode: string,
  values: Readonly<Record<string, string>>,
): DeclaredFeeBasis {
  if (formId !== 'certification-request') return { procedureCode, quantities: NONE };
  const copy = values['request.kind'] === 'copy';
  return {
    procedureCode: copy ? '2.000815' : '2.000884',
    quantities: {
      papers: wholeNumber(values['request.copies']),
      pagesPerCopy: copy ? wholeNumber(values['request.pagesPerCopy']) : null,
    },
  };
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}
