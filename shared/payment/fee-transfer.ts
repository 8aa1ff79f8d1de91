/**
 * The fee's bank-transfer QR: the office's account, the amount when it is known, and what
 * the transfer is for (the dossier code, so the office can match the payment to it).
 */
import type { BankAccount } from '../domain/office-profile.ts';
import { buildVietQr, PURPOSE_MAX_LENGTH } from './vietqr.ts';

/**
 * The dossier code as the transfer's purpose (EMV 62/08, at most 25 characters). A kiosk
 * code is `{agency}.K{nn}-YYMMDD-NNNN`; when the agency part makes it too long, the part
 * from the kiosk number on is used: it still names one dossier within the office, whose
 * own account receives the transfer. Cutting the code's end instead would lose the
 * sequence number, the one part that tells two dossiers of a day apart.
 */
export function dossierTransferPurpose(dossierCode: string): string {
  if (dossierCode.length <= PURPOSE_MAX_LENGTH) return dossierCode;
  const fromKiosk = /K\d{2}-\d{6}-\d{4,}$/.exec(dossierCode)?.[0];
  return fromKiosk ?? dossierCode.slice(-PURPOSE_MAX_LENGTH);
}

export interface FeeTransfer {
  payload: string;
  /** The amount in the QR, null when none could be computed (the payer enters it). */
  amountVnd: number | null;
  purpose: string;
}

export function feeTransfer(account: BankAccount, amountVnd: number | null, purpose: string): FeeTransfer {
  const amount = amountVnd !== null && amountVnd > 0 ? amountVnd : null;
  const payload = buildVietQr({
    bankBin: account.bin,
    accountNumber: account.accountNumber,
    amountVnd: amount,
    purpose,
  });
  return { payload, amountVnd: amount, purpose };
}
