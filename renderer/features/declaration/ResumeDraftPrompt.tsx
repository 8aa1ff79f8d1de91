import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DraftRow, discardDraft, discardDraftsSavedBefore, loadLatestDraft } from '../dossier/index.ts';
import { getForm } from '../../../shared/forms/registry.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { useKioskConfig, onIdleReset, useShellStore } from '../shell/index.ts';
import { useWizardStore } from './wizard-store.ts';
import { Dialog } from '../../ui/index.ts';
import './session-end.ts';

interface Offer {
  draft: DraftRow;
  /** Date.now() after which the offer is withdrawn and the draft discarded unasked. */
  expiresAt: number;
}

/**
 * After a reload or a crash the kiosk starts on Today. A draft kept for crash safety is
 * offered back ("Tiếp tục tờ khai đang làm?") only to the person who was filling it, who is
 * still at the kiosk: drafts last saved longer than the idle timeout ago are discarded at
 * start, and the offer itself lasts one idle timeout, after which the draft goes unasked.
 */
export function ResumeDraftPrompt() {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const timeoutMs = useKioskConfig().profile.kiosk.idleTimeoutSeconds * 1000;
  const [offer, setOffer] = useState<Offer | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    const startedAt = Date.now();
    void (async () => {
      await discardDraftsSavedBefore(new Date(startedAt - timeoutMs));
      const draft = await loadLatestDraft();
      // Only at start, and only if nobody has opened the wizard since the page loaded (this
      // prompt is mounted after the first paint: a quick citizen may already have started one).
      if (!live || !draft || useWizardStore.getState().openedSinceLoad) return;
      if (!getForm(draft.formId)) {
        await discardDraft(draft.id);
        return;
      }
      setOffer({ draft, expiresAt: startedAt + timeoutMs });
    })();
    const stopListening = onIdleReset(() => setOffer(null));
    return () => {
      live = false;
      stopListening();
    };
    // Once, at start: a later change of the profile does not offer again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!offer) return;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (at >= offer.expiresAt) {
        setOffer(null);
        void discardDraft(offer.draft.id);
      }
    };
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [offer]);

  if (!offer || now >= offer.expiresAt) return null;
  const { draft } = offer;
  const form = getForm(draft.formId)!;
  const resume = () => {
    useWizardStore.getState().resume(draft);
    useShellStore
      .getState()
      .navigate({ name: 'declaration', procedureCode: draft.procedureCode, draftId: draft.id });
    setOffer(null);
  };
  const discard = () => {
    void discardDraft(draft.id);
    setOffer(null);
  };
  const secondsLeft = Math.max(1, Math.ceil((offer.expiresAt - now) / 1000));
  return (
    <Dialog alert title={t('resume.title')} describedBy="resume-form resume-expiry" className="idle-dialog">
      <p id="resume-form">{form.title[lang]}</p>
      <p id="resume-expiry">{t('resume.expires', { count: secondsLeft })}</p>
      <button type="button" className="primary big" autoFocus onClick={resume}>
        {t('resume.continue')}
      </button>
      <button type="button" className="big" onClick={discard}>
        {t('resume.discard')}
      </button>
    </Dialog>
  );
}
