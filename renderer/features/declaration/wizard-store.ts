/**
 * The declaration being filled: its values, step, which steps show their errors, and the
 * field the on-screen keyboard types into. Every change is autosaved as a draft (H1b's
 * saveDraft coalesces the writes), so a reload or crash loses nothing.
 */
import { create } from 'zustand';
import type { FormDef } from '../../../shared/forms/model.ts';
import { initialValues } from '../../../shared/forms/engine.ts';
import { getForm } from '../../../shared/forms/registry.ts';
import { discardDraft, newDraftId, saveDraft, type SaveDraftResult } from '../dossier/index.ts';
import type { DraftRow } from '../../db/db.ts';

export type SaveProblem = null | 'storage-full' | 'write-failed';

export interface WizardSession {
  draftId: string;
  procedureCode: string;
  formId: string;
  values: Record<string, string>;
  /** 0 … visible sections − 1; the review step is `visibleSections.length`. */
  step: number;
}

interface WizardState {
  session: WizardSession | null;
  /**
   * Whether a declaration was opened since the page loaded. A draft found after that is this
   * page's own, never one left by a reload or a crash to offer back.
   */
  openedSinceLoad: boolean;
  /** Section ids whose errors are on screen (after Next was pressed there, or a submit). */
  shownSections: readonly string[];
  activeField: string | null;
  saveProblem: SaveProblem;
  /** Set while "leave this form?" is asked: the move away to make if the person confirms. */
  leaving: (() => void) | null;
  askToLeave(leave: () => void): void;
  /** The person stays on the form. */
  stay(): void;
  startNew(procedureCode: string, form: FormDef): WizardSession;
  resume(draft: DraftRow): WizardSession;
  setValue(fieldId: string, value: string): void;
  setValues(values: Record<string, string>): void;
  setStep(step: number): void;
  showErrorsOf(sectionIds: readonly string[]): void;
  setActiveField(fieldId: string | null): void;
  /** Forget the session without touching the stored draft (after submit the draft is gone anyway). */
  close(): void;
  /** Forget the session and delete its draft. */
  discard(): Promise<void>;
}

function persist(session: WizardSession, onResult: (r: SaveDraftResult) => void): void {
  void saveDraft({
    id: session.draftId,
    procedureCode: session.procedureCode,
    formId: session.formId,
    formData: session.values,
    step: session.step,
  }).then(onResult, () => onResult({ ok: false, reason: 'write-failed', message: 'saveDraft threw' }));
}

const ENDED = { session: null, shownSections: [], activeField: null, saveProblem: null, leaving: null };

export const useWizardStore = create<WizardState>((set, get) => {
  const save = (session: WizardSession) =>
    persist(session, (r) => {
      if (get().session?.draftId !== session.draftId) return;
      if (r.ok) set({ saveProblem: null });
      else if (r.reason === 'storage-full') set({ saveProblem: 'storage-full' });
      else if (r.reason === 'write-failed') set({ saveProblem: 'write-failed' });
    });
  const update = (patch: Partial<WizardSession>) => {
    const current = get().session;
    if (!current) return;
    const session = { ...current, ...patch };
    set({ session });
    save(session);
  };
  return {
    session: null,
    openedSinceLoad: false,
    shownSections: [],
    activeField: null,
    saveProblem: null,
    leaving: null,
    askToLeave: (leaving) => set({ leaving }),
    stay: () => set({ leaving: null }),
    startNew: (procedureCode, form) => {
      const session: WizardSession = {
        draftId: newDraftId(),
        procedureCode,
        formId: form.id,
        values: initialValues(form, procedureCode),
        step: 0,
      };
      set({ ...ENDED, session, openedSinceLoad: true });
      save(session);
      return session;
    },
    resume: (draft) => {
      const session: WizardSession = {
        draftId: draft.id,
        procedureCode: draft.procedureCode,
        formId: draft.formId,
        values: { ...draft.formData },
        step: draft.step,
      };
      set({ ...ENDED, openedSinceLoad: true, session });
      return session;
    },
    setValue: (fieldId, value) => {
      const current = get().session;
      if (!current || current.values[fieldId] === value) return;
      update({ values: { ...current.values, [fieldId]: value } });
    },
    setValues: (values) => update({ values }),
    setStep: (step) => {
      set({ activeField: null });
      update({ step });
    },
    showErrorsOf: (sectionIds) =>
      set((s) => ({ shownSections: [...new Set([...s.shownSections, ...sectionIds])] })),
    setActiveField: (activeField) => set({ activeField }),
    close: () => set(ENDED),
    discard: async () => {
      const current = get().session;
      set(ENDED);
      if (current) await discardDraft(current.draftId);
    },
  };
});

/** The form of the current session (forms are static data, so this never changes for a session). */
export function formOf(session: WizardSession | null): FormDef | undefined {
  return session ? getForm(session.formId) : undefined;
}

/** Nothing entered yet: the values the form starts with, on its first step. */
export function isUntouched(session: WizardSession): boolean {
  const form = formOf(session);
  if (!form || session.step !== 0) return false;
  const start = initialValues(form, session.procedureCode);
  const keys = new Set([...Object.keys(start), ...Object.keys(session.values)]);
  return [...keys].every((k) => (start[k] ?? '') === (session.values[k] ?? ''));
}
