import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import { useShellStore } from '../shell/index.ts';
import { PinForm } from '../../ui/index.ts';
import { useVolunteerSession } from './store.ts';
import {
  listVolunteers,
  verifyVolunteerPin,
  type VolunteerPinCheck,
  type VolunteerSummary,
} from '../volunteer/index.ts';

type VolunteerChoice = Pick<VolunteerSummary, 'id' | 'name'>;
type Message = Exclude<VolunteerPinCheck, { ok: true }> | { ok: false; reason: 'error' };

/** Volunteer sign-in: pick your name, then type your personal PIN on the keypad. */
export function VolunteerScreen() {
  const { t } = useTranslation('volunteerSession');
  const [volunteers, setVolunteers] = useState<VolunteerChoice[] | null>(null);
  const [chosen, setChosen] = useState<VolunteerChoice | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void listVolunteers().then((list) => live && setVolunteers(list));
    return () => {
      live = false;
    };
  }, []);

  const choose = (v: VolunteerChoice | null) => {
    setChosen(v);
    setPin('');
    setMessage(null);
  };

  const submit = async () => {
    if (!chosen || pin.length === 0 || busy) return;
    setBusy(true);
    try {
      const outcome = await verifyVolunteerPin(chosen.id, pin);
      setPin('');
      if (outcome.ok) {
        useVolunteerSession.getState().signIn(chosen.id, chosen.name);
        useShellStore.getState().navigate({ name: 'today' }, { clearHistory: true });
      } else {
        setMessage(outcome);
      }
    } catch {
      setMessage({ ok: false, reason: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="screen volunteer-screen">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {volunteers === null && <p role="status">{t('loading')}</p>}
      {volunteers !== null && volunteers.length === 0 && <p>{t('none')}</p>}
      {volunteers !== null && volunteers.length > 0 && chosen === null && (
        <>
          <h2 id="volunteer-pick">{t('pick')}</h2>
          <ul className="tile-grid" aria-labelledby="volunteer-pick">
            {volunteers.map((v) => (
              <li key={v.id}>
                <button type="button" className="tile" onClick={() => choose(v)}>
                  <span className="tile-name">{v.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {chosen !== null && (
        <PinForm
          heading={t('pinFor', { name: chosen.name })}
          entries={[{ label: t('pinLabel'), value: pin, onChange: setPin }]}
          error={message ? messageText(t, message) : null}
          errorId="volunteer-pin-message"
          busy={busy}
          submitLabel={t('signIn')}
          submitDisabled={pin.length === 0}
          secondary={{ label: t('someoneElse'), onClick: () => choose(null) }}
          onSubmit={() => void submit()}
        />
      )}
    </main>
  );
}

function messageText(t: TFunction<'volunteerSession'>, m: Message): string {
  switch (m.reason) {
    case 'wrong-pin':
      return m.attemptsLeft > 0 ? t('wrongPin', { count: m.attemptsLeft }) : t('wrongPinLast');
    case 'locked':
      return t('locked', { time: formatVietnamTime(new Date(m.lockedUntil)) });
    case 'unknown-volunteer':
    case 'inactive':
      return t('notFound');
    case 'error':
      return t('error');
  }
}
