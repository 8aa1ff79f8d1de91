import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import { PinForm } from '../../ui/index.ts';
import { OFFICER_PIN_MIN_LENGTH, resetOfficerPin } from '../volunteer/index.ts';
import { useOfficerSession } from './officer-session.ts';
import { newPinProblem, PIN_MAX_LENGTH } from './pin-rules.ts';

/**
 * "Quên mã PIN cán bộ": the setup code from the office's profile file and a new officer
 * PIN typed twice. Shown only when the profile has a setup code; on success settings open.
 */
export function ResetOfficerPin({
  onCancel,
  onUnset,
}: {
  onCancel(): void;
  /** No PIN is stored (another tab cleared the kiosk): the first-run form applies. */
  onUnset(): void;
}) {
  const { t } = useTranslation('settings');
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = { min: OFFICER_PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };

  const submit = async () => {
    if (busy) return;
    const problem = newPinProblem(pin, again, OFFICER_PIN_MIN_LENGTH);
    if (problem) {
      setError(t(`pinRules.${problem}`, rules));
      return;
    }
    setBusy(true);
    try {
      // Main compares the setup code; a wrong one counts on the officer PIN's lockout.
      const result = await resetOfficerPin(pin, code);
      if (result.ok) {
        useOfficerSession.getState().unlock(result.session);
        return;
      }
      setCode('');
      if (result.reason === 'wrong-setup-code')
        setError(t('reset.wrongCode', { count: result.attemptsLeft }));
      else if (result.reason === 'locked')
        setError(t('gate.locked', { time: formatVietnamTime(new Date(result.lockedUntil)) }));
      else if (result.reason === 'invalid-pin') setError(t(`pinRules.${result.problem}`, rules));
      else if (result.reason === 'unset') onUnset();
      else setError(t('gate.saveFailed'));
    } catch {
      setError(t('gate.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PinForm
      heading={t('reset.heading')}
      intro={t('reset.intro')}
      entries={[
        { label: t('gate.setupCodeLabel'), value: code, onChange: setCode, maxLength: 12 },
        { label: t('gate.newPin'), value: pin, onChange: setPin, maxLength: PIN_MAX_LENGTH },
        { label: t('gate.newPinAgain'), value: again, onChange: setAgain, maxLength: PIN_MAX_LENGTH },
      ]}
      error={error}
      busy={busy}
      submitLabel={t('reset.save')}
      secondary={{ label: t('cancel'), onClick: onCancel }}
      onSubmit={() => void submit()}
    />
  );
}
