import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKioskIdentity, setKioskNumber } from '../dossier/index.ts';

/** This kiosk's number in the office (1–99), folded into dossier codes. */
export function KioskNumberSection() {
  const { t } = useTranslation('settings');
  const id = useId();
  const [current, setCurrent] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void getKioskIdentity().then((identity) => {
      if (!live) return;
      setCurrent(identity.kioskNumber);
      setValue(String(identity.kioskNumber));
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    const n = Number(value);
    if (!/^\d{1,2}$/.test(value) || n < 1 || n > 99) {
      setMessage({ kind: 'error', text: t('kioskNumber.invalid') });
      return;
    }
    try {
      const identity = await setKioskNumber(n);
      setCurrent(identity.kioskNumber);
      setMessage({ kind: 'ok', text: t('kioskNumber.saved', { number: identity.kioskNumber }) });
    } catch {
      setMessage({ kind: 'error', text: t('kioskNumber.saveFailed') });
    }
  };

  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{t('kioskNumber.explain')}</p>
      {current !== null && <p>{t('kioskNumber.current', { number: current })}</p>}
      <label htmlFor={id}>{t('kioskNumber.label')}</label>
      <input
        id={id}
        className="text-input short"
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        value={value}
        aria-invalid={message?.kind === 'error'}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => setValue(e.target.value.replace(/\D/g, ''))}
      />
      <button type="submit" className="primary">
        {t('kioskNumber.save')}
      </button>
      {message && (
        <p
          id={`${id}-msg`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'field-error' : 'ok-message'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
