import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LocalisedText } from '../../../shared/domain/localised.ts';
import type { FormDef, SectionDef } from '../../../shared/forms/model.ts';
import {
  conditionHolds,
  displayValue,
  isRequired,
  validateForm,
  visibleFields,
  visibleSections,
} from '../../../shared/forms/engine.ts';
import { carryOverSamePerson } from '../../../shared/identity/apply-person.ts';
import { getForm } from '../../../shared/forms/registry.ts';
import { useKioskConfig, useShellStore, type ScreenOf, useBridge } from '../shell/index.ts';
import { useTypingPanelRoom } from './typing-panel-room.ts';
import { catalogueIndex } from '../catalogue/index.ts';
import { NumericKeypad, VietnameseKeyboard, type TextField, type TextFieldRef } from '../../ui/index.ts';
import { loadDraft, loadDraftPhotos, saveDraftPhotos, type PreparedAttachment } from '../dossier/index.ts';
import { installScannerCapture, installSerialScanner, applyIdCardScan } from '../scan/index.ts';
import { CameraScanDialog } from '../scan/lazy.ts';
import { DocumentPhotos } from '../attachments/lazy.ts';
import { FieldInput, fieldDomId } from './FieldInput.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { inputKindOf, normaliseTyped } from './field-input.ts';
import { typeIntoFocused } from './typing.ts';
import { useWizardStore, type WizardSession } from './wizard-store.ts';
import { submitDeclaration, type SubmitProblem } from './submit-flow.ts';
import { ListenButton, declarationStepSpeech } from '../speech/index.ts';
import './session-end.ts';
import './declaration.css';
import { Icon } from '../../ui/icons/index.tsx';
import { useVolunteerSession } from '../volunteer-session/index.ts';
import { useOfficerSession } from '../settings/index.ts';

type ScanNotice =
  | { kind: 'filled'; name: string; section: string; labels: string[] }
  | { kind: 'error'; message: LocalisedText };

/** The declaration wizard: one section per step, then the review step and the submit. */
export function DeclarationScreen({ screen }: { screen: ScreenOf<'declaration'> }) {
  const { t } = useTranslation('declaration');
  const session = useWizardStore((s) => s.session);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (session?.draftId === screen.draftId) return;
    let live = true;
    void loadDraft(screen.draftId).then((draft) => {
      if (!live) return;
      if (draft && getForm(draft.formId)) useWizardStore.getState().resume(draft);
      else setMissing(true);
    });
    return () => {
      live = false;
    };
  }, [screen.draftId, session?.draftId]);

  if (missing) {
    return (
      <main className="screen">
        <h1>{t('missing')}</h1>
      </main>
    );
  }
  const form = session ? getForm(session.formId) : undefined;
  if (!session || session.draftId !== screen.draftId || !form) {
    return (
      <main className="screen">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  // Keyed by draft: the photos held by one wizard never carry over to another declaration.
  return <Wizard key={session.draftId} session={session} form={form} />;
}

function Wizard({ session, form }: { session: WizardSession; form: FormDef }) {
  const { t, i18n } = useTranslation('declaration');
  const lang = i18n.language as Language;
  const { profile, catalogue } = useKioskConfig();
  const procedure = catalogueIndex(catalogue).byCode.get(session.procedureCode);
  const shownSections = useWizardStore((s) => s.shownSections);
  const activeField = useWizardStore((s) => s.activeField);
  const saveProblem = useWizardStore((s) => s.saveProblem);
  const { setStep, setValue, showErrorsOf } = useWizardStore.getState();
  // The step where "Next" found fields to fix; moving to another step hides the alert.
  const [alertStep, setAlertStep] = useState<number | null>(null);
  const [scanNotice, setScanNotice] = useState<ScanNotice | null>(null);
  const [cameraOpen, setCameraOpen] = useState(false);
  // Sections filled from the step where the same person was entered (the declaring mother).
  const [carried, setCarried] = useState<Record<string, string[]>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<SubmitProblem | null>(null);
  // Document photos are kept with the draft when the list changes (not on every
  // keystroke's autosave: a few MB of images), and move to the dossier on submit.
  const [attachments, setAttachments] = useState<PreparedAttachment[]>([]);
  const [photoSaveProblem, setPhotoSaveProblem] = useState<'storage-full' | 'write-failed' | null>(null);
  const photosTouched = useRef(false);
  useEffect(() => {
    let live = true;
    void loadDraftPhotos(session.draftId)
      .then((saved) => {
        // Photos taken before the stored ones came back win: they are newer.
        if (live && !photosTouched.current && saved.length > 0) setAttachments(saved);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session.draftId]);
  // A signed-in volunteer or an unlocked officer may also pick files (never a citizen alone).
  const volunteerSignedIn = useVolunteerSession((s) => s.name !== null);
  const officerUnlocked = useOfficerSession((s) => s.unlocked);
  const staffMode = volunteerSignedIn || officerUnlocked;
  const changePhotos = (next: PreparedAttachment[]) => {
    photosTouched.current = true;
    setAttachments(next);
    // On failure the photos stay on screen and still go with the dossier; only a
    // reload would lose them, which the message says.
    void saveDraftPhotos(session.draftId, next).then((r) => setPhotoSaveProblem(r.ok ? null : r.reason));
  };
  const headingRef = useRef<HTMLHeadingElement>(null);

  const values = session.values;
  const sections = visibleSections(form, values);
  const step = Math.min(session.step, sections.length);
  const section: SectionDef | undefined = sections[step];
  const onReview = section === undefined;
  // Errors are computed live but shown only for steps where Next (or submit) was pressed.
  const errors = useMemo(() => validateForm(form, values, { now: new Date() }), [form, values]);
  // Counted live, so fixing a field (or ticking "not determined") updates or clears it at once.
  const stepBad = section ? visibleFields(form, values, section.id).filter((f) => errors[f.id]).length : 0;
  const stepAlert = alertStep === step && stepBad > 0 ? t('stepHasErrors', { count: stepBad }) : null;
  const shownErrors = (sectionId: string) => (shownSections.includes(sectionId) ? errors : {});

  // Which person a scanned ID card fills: this step's, when it takes a card; else the applicant.
  const scanSection = section?.acceptsIdCard ? section : sections.find((s) => s.acceptsIdCard);

  // The scanner listener is installed once; it reads the step it lands on from this ref,
  // which is updated before the browser paints a new step (so a scan right after "Next"
  // fills the new step's person, not the previous one's).
  const scanTarget = useRef({ form, section: scanSection, lang });
  useLayoutEffect(() => {
    scanTarget.current = { form, section: scanSection, lang };
  });

  const onScanText = useCallback((raw: string) => {
    const { session: current } = useWizardStore.getState();
    const { form: f, section: target, lang: l } = scanTarget.current;
    if (!current || !target) return;
    const out = applyIdCardScan(f, target.id, raw, current.values);
    if (!out.ok) {
      setScanNotice({ kind: 'error', message: out.message });
      return;
    }
    useWizardStore.getState().setValues(out.values);
    const labels = out.filledFieldIds.map((id) => target.fields.find((fd) => fd.id === id)!.label[l]);
    setScanNotice({ kind: 'filled', name: out.fullName, section: target.title[l], labels });
  }, []);

  useEffect(
    () => installScannerCapture(window, { onScan: onScanText, onRelease: (text) => typeIntoFocused(text) }),
    [onScanText],
  );
  // A scanner in serial (COM) mode, read by main, feeds the same parser.
  const client = useBridge();
  useEffect(() => installSerialScanner(client, onScanText), [client, onScanText]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const goNext = () => {
    if (!section) return;
    const bad = visibleFields(form, values, section.id).filter((f) => errors[f.id]);
    if (bad.length > 0) {
      showErrorsOf([section.id]);
      setAlertStep(step);
      const first = document.getElementById(fieldDomId(bad[0]!.id));
      first?.focus();
      return;
    }
    setScanNotice(null);
    const carry = carryOverSamePerson(form, values, section.id);
    if (Object.keys(carry.filled).length > 0) {
      useWizardStore.getState().setValues(carry.values);
      setCarried((before) => ({ ...before, ...carry.filled }));
    }
    setStep(step + 1);
  };

  // This step's person was entered at an earlier step (and is still the same person).
  const carriedHere =
    section?.samePersonAs && carried[section.id] && conditionHolds(form, values, section.samePersonAs.when)
      ? {
          from: form.sections.find((s) => s.id === section.samePersonAs!.section)?.title[lang] ?? '',
        }
      : null;

  const submit = async () => {
    const withErrors = sections.filter((s) => visibleFields(form, values, s.id).some((f) => errors[f.id]));
    if (withErrors.length > 0) {
      showErrorsOf(withErrors.map((s) => s.id));
      setStep(sections.indexOf(withErrors[0]!));
      return;
    }
    if (!procedure) return;
    setSubmitting(true);
    setSubmitProblem(null);
    const result = await submitDeclaration({ session, form, profile, procedure, attachments });
    setSubmitting(false);
    if (result.ok) {
      useWizardStore.getState().close();
      useShellStore
        .getState()
        .navigate({ name: 'receipt', dossierId: result.dossierId }, { clearHistory: true });
    } else if (result.problem === 'invalid') {
      showErrorsOf(sections.map((s) => s.id));
    } else {
      setSubmitProblem(result.problem);
    }
  };

  const active = activeField
    ? form.sections.flatMap((s) => s.fields).find((f) => f.id === activeField)
    : undefined;
  const activeKind = active ? inputKindOf(active.type) : null;
  const activeValue = active ? (values[active.id] ?? '') : '';
  // The keyboard types at the caret of the active field's own input.
  const activeTarget: TextFieldRef = {
    get current() {
      return active ? (document.getElementById(fieldDomId(active.id)) as TextField | null) : null;
    },
  };

  return (
    <main className="screen declaration-screen">
      <h1>{form.title[lang]}</h1>
      {procedure && (
        <p className="subtitle" lang="vi">
          {procedure.name.vi}
        </p>
      )}
      <ol className="steps" aria-label={t('stepsLabel')}>
        {sections.map((s, i) => (
          <li key={s.id} aria-current={i === step ? 'step' : undefined}>
            {s.title[lang]}
          </li>
        ))}
        <li aria-current={onReview ? 'step' : undefined}>{t('review.title')}</li>
      </ol>
      <h2 ref={headingRef} tabIndex={-1} className="step-title">
        {t('stepOf', { n: step + 1, total: sections.length + 1 })}:{' '}
        {section ? section.title[lang] : t('review.title')}
      </h2>

      <ListenButton
        label={t('speech:listenStep')}
        segments={() => {
          const vi = i18n.getFixedT('vi');
          const error = active ? shownErrors(section?.id ?? '')[active.id] : undefined;
          return declarationStepSpeech(vi, {
            title: `${vi('declaration:stepOf', { n: step + 1, total: sections.length + 1 })}: ${section ? section.title.vi : vi('declaration:review.title')}`,
            ...(section?.description ? { description: section.description.vi } : {}),
            alert: stepAlert,
            ...(active && section?.fields.includes(active)
              ? {
                  field: {
                    label: active.label.vi,
                    ...(active.help ? { help: active.help.vi } : {}),
                    value: displayValue(active, activeValue, 'vi'),
                    ...(error ? { error: error.vi } : {}),
                  },
                }
              : {}),
          });
        }}
      />
      {saveProblem && (
        <p role="alert" className="banner warn">
          {t(`saveProblem.${saveProblem}`)}
        </p>
      )}
      {scanNotice?.kind === 'filled' && (
        <p role="status" className="banner ok">
          {t('scan.filled', {
            name: scanNotice.name,
            section: scanNotice.section,
            fields: scanNotice.labels.join(', '),
          })}
        </p>
      )}
      {scanNotice?.kind === 'error' && (
        <p role="alert" className="banner warn">
          {scanNotice.message[lang]}
        </p>
      )}

      {section && (
        <>
          {section.description && <p>{section.description[lang]}</p>}
          {carriedHere && (
            <p role="status" className="banner ok">
              {t('samePerson', { section: carriedHere.from })}
            </p>
          )}
          {section.acceptsIdCard &&
            !carriedHere &&
            visibleFields(form, values, section.id).some((fd) => fd.autofill) && (
              <div className="scan-hint">
                <p>{t('scan.hint')}</p>
                <button type="button" onClick={() => setCameraOpen(true)}>
                  <Icon name="camera" /> {t('scan.camera')}
                </button>
              </div>
            )}
          {stepAlert && (
            <p role="alert" className="banner warn">
              {stepAlert}
            </p>
          )}
          <div className="fields">
            {visibleFields(form, values, section.id).map((field) => (
              <FieldInput
                key={field.id}
                form={form}
                field={field}
                values={values}
                required={isRequired(form, values, field)}
                error={shownErrors(section.id)[field.id]}
              />
            ))}
          </div>
          {active && visibleFields(form, values, section.id).includes(active) && (
            <TypingPanel>
              {activeKind === 'text' ? (
                <VietnameseKeyboard
                  value={activeValue}
                  target={activeTarget}
                  onChange={(next) => setValue(active.id, normaliseTyped(active, next))}
                />
              ) : activeKind === 'digits' || activeKind === 'date' || activeKind === 'time' ? (
                <NumericKeypad
                  value={activeValue}
                  target={activeTarget}
                  onChange={(next) => setValue(active.id, normaliseTyped(active, next))}
                />
              ) : null}
            </TypingPanel>
          )}
          <div className="wizard-nav">
            {step > 0 && (
              <button type="button" className="big" onClick={() => setStep(step - 1)}>
                <Icon name="back" /> {t('back')}
              </button>
            )}
            <button type="button" className="primary big" onClick={goNext}>
              {t('next')} <Icon name="forward" />
            </button>
          </div>
        </>
      )}

      {onReview && (
        <>
          <ReviewStep
            form={form}
            values={values}
            sections={sections}
            errors={errors}
            onEdit={(i) => setStep(i)}
          />
          <DocumentPhotos attachments={attachments} onChange={changePhotos} allowFiles={staffMode} />
          {photoSaveProblem && (
            <p role="alert" className="banner warn">
              {t(`photoSaveProblem.${photoSaveProblem}`)}
            </p>
          )}
          {submitProblem && (
            <p role="alert" className="banner warn">
              {t(`submitProblem.${submitProblem}`)}
            </p>
          )}
          {submitting && <p role="status">{t('saving')}</p>}
          <div className="wizard-nav submit-bar">
            <button type="button" className="big" onClick={() => setStep(step - 1)} disabled={submitting}>
              <Icon name="back" /> {t('back')}
            </button>
            <button type="button" className="primary big" onClick={() => void submit()} disabled={submitting}>
              {t('submit')}
            </button>
          </div>
        </>
      )}

      {cameraOpen && (
        <CameraScanDialog
          onText={(text) => {
            setCameraOpen(false);
            onScanText(text);
          }}
          onClose={() => setCameraOpen(false)}
        />
      )}
    </main>
  );
}

/** The on-screen keyboard's panel, with room kept for it at the bottom of the page. */
function TypingPanel({ children }: { children: ReactNode }) {
  const panel = useTypingPanelRoom<HTMLDivElement>();
  return (
    <div className="typing-panel" ref={panel}>
      {children}
    </div>
  );
}
