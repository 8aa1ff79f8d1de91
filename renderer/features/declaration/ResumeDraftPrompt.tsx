import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRow } from '../../db/db.ts';
import { getForm } from '../../../shared/forms/registry.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { discardDraft, loadLatestDraft } from '../dossier/drafts.ts';
import { useShellStore } from '../shell/store.ts';
import { useWizardStore } from './wizard-store.ts';
import { Dialog } from '../../ui/index.ts';

/**
 * After a reload or a crash the kiosk starts on Today; if a declaration was being filled,
 * ask once whether to continue it ("Tiếp tục tờ khai đang làm?") or start afresh.
 */
export function ResumeDraftPrompt() {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const [draft, setDraft] = useState<DraftRow | null>(null);

  useEffect(() => {
    let live = true;
    void loadLatestDraft().then((d) => {
      // Only at start, and only if the wizard is not already open on it.
      if (live && d && getForm(d.formId) && useWizardStore.getState().session === null) setDraft(d);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!draft) return null;
  const form = getForm(draft.formId)!;
  const resume = () => {
    useWizardStore.getState().resume(draft);
    useShellStore
      .getState()
      .navigate({ name: 'declaration', procedureCode: draft.procedureCode, draftId: draft.id });
    setDraft(null);
  };
  const discard = () => {
    void discardDraft(draft.id);
    setDraft(null);
  };
  return (
    <Dialog alert title={t('resume.title')} describedBy="resume-form" className="idle-dialog">
      <p id="resume-form">{form.title[lang]}</p>
      <button type="button" className="primary big" autoFocus onClick={resume}>
        {t('resume.continue')}
      </button>
      <button type="button" className="big" onClick={discard}>
        {t('resume.discard')}
      </button>
    </Dialog>
  );
}
