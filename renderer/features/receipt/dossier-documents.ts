/**
 * The two printed documents of a dossier, built from the stored (frozen) dossier with the
 * shared builders, and the receipt's return line as shown on screen.
 */
import QRCode from 'qrcode';
import { loadAdminUnits } from '../../../shared/admin-units/index.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { sameDayDeadline, type Deadline } from '../../../shared/domain/deadline.ts';
import { noAppointmentFor } from '../../../shared/domain/schedule.ts';
import { vietnamDate } from '../../../shared/domain/vietnam-time.ts';
import { receiptReturnText } from '../../../shared/dossier/receipt-text.ts';
import { getForm } from '../../../shared/forms/registry.ts';
import {
  buildDeclarationDocument,
  buildReceiptDocument,
  type PrintDocument,
} from '../../../shared/print/index.ts';
import type { DossierRow } from '../../db/db.ts';
import type { PrintKind } from '../../../shared/contracts/bridge.ts';
import { receiptLookupText } from '../../../shared/dossier/lookup-key.ts';

/** The deadline as computed at receipt (dueAt is stored; the rule follows from the same inputs). */
export function deadlineOf(profile: OfficeProfile, procedure: Procedure, dossier: DossierRow): Deadline {
  const computed = sameDayDeadline(profile, procedure, new Date(dossier.receivedAt));
  return { dueAt: new Date(dossier.dueAt), rule: computed.rule };
}

export function returnText(
  profile: OfficeProfile,
  procedure: Procedure,
  dossier: DossierRow,
  lang: Language,
): string {
  const deadline = deadlineOf(profile, procedure, dossier);
  const noAppointment = noAppointmentFor(profile, vietnamDate(new Date(dossier.receivedAt)), procedure.code);
  return receiptReturnText(deadline.dueAt, deadline.rule, lang, {
    workingHours: noAppointment?.returnWithinWorkingHours,
    workingDays: procedure.processingTime.statutoryWorkingDays,
    weekday: true,
  });
}

export async function buildDocument(
  kind: PrintKind,
  profile: OfficeProfile,
  procedure: Procedure,
  dossier: DossierRow,
  lang: Language,
): Promise<PrintDocument> {
  const form = getForm(dossier.formId);
  if (!form) throw new Error(`unknown form ${dossier.formId}`);
  // Both documents name places (the office's commune, the applicant's address).
  await loadAdminUnits();
  if (kind === 'declaration') {
    return buildDeclarationDocument({
      form,
      values: dossier.formData,
      procedure,
      profile,
      lang,
      printedAt: new Date(dossier.receivedAt),
      dossierCode: dossier.code,
    });
  }
  // The code and its random check part: only whoever holds the receipt can look the status up.
  const qrSvg = await QRCode.toString(receiptLookupText(dossier.code, dossier.lookupKey), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
  });
  return buildReceiptDocument({
    dossier,
    procedure,
    profile,
    deadline: deadlineOf(profile, procedure, dossier),
    paper: profile.kiosk.receiptPaper,
    qrSvg,
    form,
  });
}
