import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Fee, Procedure } from '../../../shared/domain/procedure.ts';
import { buildVietQr } from '../../../shared/payment/vietqr.ts';

/** The fee this office charges: its override where it set one, else the catalogue's. */
export function effectiveFee(profile: OfficeProfile, procedure: Procedure): Fee {
  return profile.feeOverrides[procedure.code] ?? procedure.fee;
}

/** The portal page for the QR: the office's own link first, then the catalogue's. */
export function portalUrlFor(profile: OfficeProfile, procedure: Procedure): string | null {
  return profile.portalUrls[procedure.code] ?? procedure.portalUrl;
}

/** A VietQR payload for the fee, only when the office has an account and the amount is known. */
export function feeTransferQr(
  profile: OfficeProfile,
  procedure: Procedure,
): { payload: string; amountVnd: number } | null {
  const account = profile.bankAccount;
  const amount = effectiveFee(profile, procedure).amountVnd;
  if (!account || amount === null || amount <= 0) return null;
  const payload = buildVietQr({
    bankBin: account.bin,
    accountNumber: account.accountNumber,
    amountVnd: amount,
    purpose: `Le phi ${procedure.code}`,
  });
  return { payload, amountVnd: amount };
}
