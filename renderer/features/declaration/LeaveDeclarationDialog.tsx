import { useTranslation } from 'react-i18next';
import { useWizardStore } from './wizard-store.ts';
import { confirmLeave } from './session-end.ts';

/**
 * "Leave this form?", raised when someone leaves a declaration they have typed in. A
 * minimal dialog of this feature, drawn like the shell's idle warning.
 */
export function LeaveDeclarationDialog() {
  const { t } = useTranslation('declaration');
  const asking = useWizardStore((s) => s.leaving !== null);
  if (!asking) return null;
  const stay = () => useWizardStore.getState().stay();
  return (
    <div className="idle-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        className="idle-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') stay();
        }}
      >
        <h2 id="leave-title">{t('leave.title')}</h2>
        <p id="leave-body">{t('leave.body')}</p>
        <button type="button" className="primary big" autoFocus onClick={stay}>
          {t('leave.stay')}
        </button>
        <button type="button" className="big" onClick={confirmLeave}>
          {t('leave.confirm')}
        </button>
      </div>
    </div>
  );
}
