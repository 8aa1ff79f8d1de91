/**
 * Submitting the declaration: one call to the data layer's submitDossier (space check,
 * dossier, code, outbox and the draft's removal in one transaction). It resolves only
 * after the commit, so the caller shows "Đã lưu hồ sơ" only on `ok`; on any failure
 * nothing was written and the draft is still there.
 */
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { FormDef } from '../../../shared/forms/model.ts';
import {
  type PreparedAttachment,
  getKioskIdentity,
  readCodeMark,
  recordCodeMark,
  submitDossier,
} from '../dossier/index.ts';
import { nudgeSyncAfterSubmit } from '../sync/index.ts';
import { useVolunteerSession } from '../volunteer-session/index.ts';
import type { WizardSession } from './wizard-store.ts';

export type SubmitProblem =
  'storage-low' | 'storage-full' | 'write-failed' | 'invalid' | 'attachments' | 'other';

export async function submitDeclaration(input: {
  session: WizardSession;
  form: FormDef;
  profile: OfficeProfile;
  procedure: Procedure;
  /** Document photos and files, already downscaled by DocumentPhotos. */
  attachments?: readonly PreparedAttachment[];
}): Promise<{ ok: true; dossierId: string } | { ok: false; problem: SubmitProblem }> {
  try {
    const identity = await getKioskIdentity();
    const codeMark = await readCodeMark();
    const result = await submitDossier({
      draft: { id: input.session.draftId, formData: input.session.values },
      profile: input.profile,
      procedure: input.procedure,
      form: input.form,
      volunteerId: useVolunteerSession.getState().volunteerId,
      kioskId: identity.kioskId,
      kioskNumber: identity.kioskNumber,
      attachments: input.attachments ?? [],
      now: new Date(),
      codeMark,
    });
    if (result.ok) {
      if (result.codeState) await recordCodeMark(result.codeState);
      nudgeSyncAfterSubmit();
      return { ok: true, dossierId: result.dossier.id };
    }
    // 'attachments': the photos no longer fit (another dossier took the kiosk's budget meanwhile).
    switch (result.reason) {
      case 'storage-low':
      case 'storage-full':
      case 'write-failed':
      case 'invalid':
      case 'attachments':
        return { ok: false, problem: result.reason };
      default:
        return { ok: false, problem: 'other' };
    }
  } catch {
    return { ok: false, problem: 'other' };
  }
}
