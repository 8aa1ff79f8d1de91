import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import { useKioskConfig } from '../shell/index.ts';
import { PinForm } from '../../ui/index.ts';
import {
  OFFICER_PIN_MIN_LENGTH,
  officerPinState,
  setOfficerPin,
  verifyOfficerPin,
} from '../volunteer/index.ts';
import { useOfficerSession } from './officer-session.ts';
import { newPinProblem, PIN_MAX_LENGTH } from './pin-rules.ts';
import { ResetOfficerPin } from './ResetOfficerPin.tsx';

type Mode = 'loading' | 'enter' | 'setup' | 'reset';

/**
 * The officer PIN in front of settings. First run (no PIN stored): the PIN is set here,
 * and when the profile carries kiosk.setupCode the setup code must be typed first, so a
 * member of the public cannot claim a fresh kiosk. A profile without a setup code allows
 * the first setup only while no PIN exists, with a warning to set it at installation.
 */
export function OfficerGate() {
  const { t } = useTranslation('settings');
  // The code itself stays in main; the page only learns whether the profile has one.
  const { setupCodeRequired } = useKioskConfig();
  const [mode, setMode] = useState<Mode>('loading');

  useEffect(() => {
    let live = true;
    void officerPinState().then((state) => live && setMode(state === 'set' ? 'enter' : 'setup'));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="screen settings-screen">
      <h1>{t('heading')}</h1>
      {mode === 'loading' && <p role="status">{t('loading')}</p>}
      {mode === 'enter' && (
        // A forgotten PIN can be reset only with the profile's setup code.
        <EnterPin onForgot={setupCodeRequired ? () => setMode('reset') : undefined} />
      )}
      {mode === 'setup' && <SetPin setupCodeRequired={setupCodeRequired} onTaken={() => setMode('enter')} />}
      {mode === 'reset' && setupCodeRequired && (
        <ResetOfficerPin onCancel={() => setMode('enter')} onUnset={() => setMode('setup')} />
      )}
    </main>
  );
}

function EnterPin({ onForgot }: { onForgot?: () => void }) {
  const { t } = useTranslation('settings');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (pin.length === 0 || busy) return;
    setBusy(true);
    try {
      const outcome = await verifyOfficerPin(pin);
      setPin('');
      if (outcome.ok) useOfficerSession.getState().unlock(outcome.session);
      else if (outcome.reason === 'locked')
        setError(t('gate.locked', { time: formatVietnamTime(new Date(outcome.lockedUntil)) }));
      else if (outcome.reason === 'wrong-pin')
        setError(
          outcome.attemptsLeft > 0
            ? t('gate.wrongPin', { count: outcome.attemptsLeft })
            : t('gate.wrongPinLast'),
        );
      else setError(t('gate.error'));
    } catch {
      setError(t('gate.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PinForm
      intro={t('gate.intro')}
      entries={[{ label: t('gate.pinLabel'), value: pin, onChange: setPin }]}
      error={error}
      errorId="officer-pin-error"
      busy={busy}
      submitLabel={t('gate.open')}
      submitDisabled={pin.length === 0}
      secondary={onForgot && { label: t('gate.forgot'), onClick: onForgot }}
      onSubmit={() => void submit()}
    />
  );
}

function SetPin({ setupCodeRequired, onTaken }: { setupCodeRequired: boolean; onTaken(): void }) {
  const { t } = useTranslation('settings');
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    const problem = newPinProblem(pin, again, OFFICER_PIN_MIN_LENGTH);
    if (problem) {
      setError(t(`pinRules.${problem}`, { min: OFFICER_PIN_MIN_LENGTH, max: PIN_MAX_LENGTH }));
      return;
    }
    setBusy(true);
    try {
      // Without a current PIN this only succeeds while none is stored; main checks the setup code.
      const result = await setOfficerPin(pin, null, setupCodeRequired ? code : undefined);
      if (result.ok) useOfficerSession.getState().unlock(result.session);
      else if (result.reason === 'wrong-setup-code') {
        setError(t('gate.setupCodeWrong'));
        setCode('');
      } else if (result.reason === 'invalid-pin')
        setError(t(`pinRules.${result.problem}`, { min: OFFICER_PIN_MIN_LENGTH, max: PIN_MAX_LENGTH }));
      else onTaken();
    } catch {
      setError(t('gate.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const pins = [
    { label: t('gate.newPin'), value: pin, onChange: setPin, maxLength: PIN_MAX_LENGTH },
    { label: t('gate.newPinAgain'), value: again, onChange: setAgain, maxLength: PIN_MAX_LENGTH },
  ];
  return (
    <PinForm
      heading={t('gate.setupHeading')}
      intro={setupCodeRequired ? t('gate.setupCodeIntro') : undefined}
      entries={
        setupCodeRequired
          ? [{ label: t('gate.setupCodeLabel'), value: code, onChange: setCode, maxLength: 12 }, ...pins]
          : pins
      }
      error={error}
      busy={busy}
      submitLabel={t('gate.savePin')}
      onSubmit={() => void submit()}
    >
      {!setupCodeRequired && (
        <p className="warning" role="note">
          {t('gate.noSetupCodeWarning')}
        </p>
      )}
    </PinForm>
  );
}
