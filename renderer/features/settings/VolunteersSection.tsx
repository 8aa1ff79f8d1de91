import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinForm, VietnameseKeyboard } from '../../ui/index.ts';
import {
  createVolunteer,
  deactivateVolunteer,
  listVolunteers,
  VOLUNTEER_PIN_MIN_LENGTH,
  type VolunteerSummary,
} from '../volunteer/index.ts';
import { newPinProblem, PIN_MAX_LENGTH } from './pin-rules.ts';
import { capitaliseWords } from '../../../shared/forms/text.ts';

/** The volunteers who may sign in: add one (name, PIN twice) or deactivate one. */
export function VolunteersSection() {
  const { t } = useTranslation('settings');
  const [list, setList] = useState<VolunteerSummary[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void listVolunteers().then(setList);
  }, []);
  useEffect(refresh, [refresh]);

  const active = list?.filter((v) => v.active) ?? [];
  return (
    <>
      {list === null && <p role="status">{t('loading')}</p>}
      {list !== null && active.length === 0 && <p>{t('volunteers.none')}</p>}
      {active.length > 0 && (
        <ul className="settings-list" aria-label={t('volunteers.listLabel')}>
          {active.map((v) => (
            <li key={v.id} className="settings-row">
              <span className="row-main">{v.name}</span>
              {confirming === v.id ? (
                <>
                  <span>{t('volunteers.confirmDeactivate', { name: v.name })}</span>
                  <button
                    type="button"
                    className="primary"
                    onClick={() =>
                      void deactivateVolunteer(v.id).then(() => {
                        setConfirming(null);
                        setStatus(t('volunteers.deactivated', { name: v.name }));
                        refresh();
                      })
                    }
                  >
                    {t('volunteers.yesDeactivate')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('cancel')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  aria-label={t('volunteers.deactivateName', { name: v.name })}
                  onClick={() => setConfirming(v.id)}
                >
                  {t('volunteers.deactivate')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status && <p role="status">{status}</p>}
      {adding ? (
        <AddVolunteerForm
          onDone={(name) => {
            setAdding(false);
            if (name) setStatus(t('volunteers.added', { name }));
            refresh();
          }}
        />
      ) : (
        <button type="button" className="big" onClick={() => setAdding(true)}>
          {t('volunteers.add')}
        </button>
      )}
    </>
  );
}

function AddVolunteerForm({ onDone }: { onDone(name: string | null): void }) {
  const { t } = useTranslation('settings');
  const { t: tUi } = useTranslation('ui');
  const nameId = useId();
  const nameBox = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    const nameBad = trimmed.length < 2 || trimmed.length > 80;
    const problem = newPinProblem(pin, again, VOLUNTEER_PIN_MIN_LENGTH);
    setNameError(nameBad ? t('volunteers.nameInvalid') : null);
    setPinError(
      problem ? t(`pinRules.${problem}`, { min: VOLUNTEER_PIN_MIN_LENGTH, max: PIN_MAX_LENGTH }) : null,
    );
    if (nameBad || problem) return;
    setBusy(true);
    try {
      const result = await createVolunteer({ name: trimmed, pin });
      if (result.ok) onDone(result.volunteer.name);
      else if (result.reason === 'invalid-name') setNameError(t('volunteers.nameInvalid'));
      else
        setPinError(t(`pinRules.${result.problem}`, { min: VOLUNTEER_PIN_MIN_LENGTH, max: PIN_MAX_LENGTH }));
    } catch {
      setPinError(t('volunteers.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PinForm
      label={t('volunteers.addHeading')}
      heading={t('volunteers.addHeading')}
      headingLevel={3}
      entries={[
        { label: t('volunteers.pin'), value: pin, onChange: setPin, maxLength: PIN_MAX_LENGTH },
        { label: t('volunteers.pinAgain'), value: again, onChange: setAgain, maxLength: PIN_MAX_LENGTH },
      ]}
      error={pinError}
      busy={busy}
      submitLabel={t('volunteers.save')}
      secondary={{ label: t('cancel'), onClick: () => onDone(null) }}
      onSubmit={() => void submit()}
    >
      <label htmlFor={nameId}>{t('volunteers.name')}</label>
      <div className="search-row">
        <input
          id={nameId}
          ref={nameBox}
          className="text-input"
          autoComplete="off"
          spellCheck={false}
          value={name}
          aria-invalid={nameError !== null}
          aria-describedby={nameError ? `${nameId}-err` : undefined}
          onChange={(e) => setName(capitaliseWords(e.target.value))}
        />
        <button type="button" aria-expanded={keyboard} onClick={() => setKeyboard(!keyboard)}>
          {keyboard ? tUi('keyboard.hide') : tUi('keyboard.show')}
        </button>
      </div>
      {nameError && (
        <p id={`${nameId}-err`} role="alert" className="field-error">
          {nameError}
        </p>
      )}
      {keyboard && (
        <VietnameseKeyboard
          value={name}
          onChange={(next) => setName(capitaliseWords(next))}
          target={nameBox}
        />
      )}
    </PinForm>
  );
}
