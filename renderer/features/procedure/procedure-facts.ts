import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Fee, Procedure } from '../../../shared/domain/procedure.ts';
import { feeAmount, feeRuleFor, type FeeQuantities, type FeeRule } from '../../../shared/domain/fee-rule.ts';
import { feeTransfer, type FeeTransfer } from '../../../shared/payment/fee-transfer.ts';
import { declaredFeeBasis } from '../../../shared/forms/fee-basis.ts';

/** The fee this office charges: its override where it set one, else the catalogue's. */
export function effectiveFee(profile: OfficeProfile, procedure: Procedure): Fee {
  return profile.feeOverrides[procedure.code] ?? procedure.fee;
}

/** The portal page for the QR: the office's own link first, then the catalogue's. */
export function portalUrlFor(profile: OfficeProfile, procedure: Procedure): string | null {
  return profile.portalUrls[procedure.code] ?? procedure.portalUrl;
}

export interface FeeDue {
  rule: FeeRule;
  /** In đồng; 0 when free; null when it cannot be computed from what is known. */
  amountVnd: number | null;
  /** Whether there is something to pay at all (a transfer QR makes sense). */
  payable: boolean;
}

/** The fee for a procedure given what was declared (nothing, on the procedure page). */
export function feeDue(
  profile: OfficeProfile,
  procedure: Procedure,
  quantities: FeeQuantities = { papers: null, pagesPerCopy: null },
): FeeDue {
  const fee = effectiveFee(profile, procedure);
  const rule = feeRuleFor(procedure, profile.feeOverrides[procedure.code]);
  // "Unknown" with a figure in the catalogue is a fee whose amount varies; with none it
  // may be no fee at all, so no transfer is offered.
  const payable = rule.kind !== 'free' && (rule.kind !== 'unknown' || (fee.amountVnd ?? 0) > 0);
  return { rule, amountVnd: feeAmount(rule, quantities), payable };
}

/**
 * The fee transfer QR, only when the office has an account and there is a fee: with the
 * amount where it is known, and `purpose` (the dossier code; the procedure code before
 * there is a dossier).
 */
export function feeTransferQr(profile: OfficeProfile, due: FeeDue, purpose: string): FeeTransfer | null {
  if (!profile.bankAccount || !due.payable) return null;
  return feeTransfer(profile.bankAccount, due.amountVnd, purpose);
}

/**
 * The fee of a declaration as declared: the procedure whose fee applies (the declared kind
 * may change it) and the amount from its pages and copies; null when that procedure is unknown.
 */
export function declaredFeeDue(
  profile: OfficeProfile,
  declaration: { formId: string; procedureCode: string; formData: Readonly<Record<string, string>> },
  procedureOf: (code: string) => Procedure | undefined,
): { procedure: Procedure; due: FeeDue } | null {
  const basis = declaredFeeBasis(declaration.formId, declaration.procedureCode, declaration.formData);
  const procedure = procedureOf(basis.procedureCode);
  return procedure ? { procedure, due: feeDue(profile, procedure, basis.quantities) } : null;
}
