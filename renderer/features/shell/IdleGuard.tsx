import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isPristine, useShellStore } from './store.ts';
import { Dialog } from '../../ui/index.ts';
import { idleHeld, runIdleResetListeners, subscribeIdleHolds } from './idle.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Returns a public kiosk to its start after `timeoutSeconds` without a touch, warning with
 * a visible countdown for the last `warningSeconds` (except on the untouched start screen,
 * where the reset still runs, unseen); any touch or key cancels. Time is read
 * from Date.now(), so a frozen or fast-forwarded clock in tests behaves like real time.
 */
export function IdleGuard({
  timeoutSeconds,
  warningSeconds,
}: {
  timeoutSeconds: number;
  warningSeconds: number;
}) {
  const { t } = useTranslation();
  const lastActivity = useRef(0);
  const [remaining, setRemaining] = useState<number | null>(null);
  const held = useSyncExternalStore(subscribeIdleHolds, idleHeld);
  const pristine = useShellStore(isPristine) && !held;
  const resetSession = useShellStore((s) => s.resetSession);

  useEffect(() => {
    // Only the time is noted here; the next tick hides the warning. Hiding it on pointerdown
    // would pull the dialog from under the finger before its own button gets the click.
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, []);

  useEffect(() => {
    // A change between the start screen and any other is itself a touch: the idle time starts now.
    lastActivity.current = Date.now();
    const tick = () => {
      const idleSeconds = (Date.now() - lastActivity.current) / 1000;
      const left = Math.ceil(timeoutSeconds - idleSeconds);
      if (left <= 0) {
        // The reset runs on the start screen too: what it clears (a draft kept from before a
        // restart, the offer to resume it) is not always visible. Only there, no warning.
        lastActivity.current = Date.now();
        setRemaining(null);
        runIdleResetListeners();
        resetSession();
        document.documentElement.scrollTop = 0;
      } else {
        setRemaining(!pristine && left <= warningSeconds ? left : null);
      }
    };
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [pristine, timeoutSeconds, warningSeconds, resetSession]);

  if (remaining === null || pristine) return null;
  return (
    <Dialog
      alert
      title={t('idle.title')}
      describedBy="idle-countdown"
      className="idle-dialog"
      onClose={() => setRemaining(null)}
    >
      <p id="idle-countdown" className="idle-countdown">
        {t('idle.countdown', { count: remaining })}
      </p>
      <button type="button" className="primary" autoFocus onClick={() => setRemaining(null)}>
        {t('idle.stay')}
      </button>
    </Dialog>
  );
}
