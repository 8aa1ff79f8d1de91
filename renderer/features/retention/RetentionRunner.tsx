import { useEffect } from 'react';
import { bridge } from '../../bridge/client.ts';
import { sealClearRows } from '../dossier/index.ts';
import { useKioskConfig } from '../shell/index.ts';
import { purgeAcknowledgedPersonalData, retentionDaysOf } from './purge.ts';

/** Once a day is enough: the period is counted in days, and a run walks only new rows. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs the personal-data purge when the kiosk starts and then daily, in the background.
 * First, once, it seals what an older version stored in the clear (sealClearRows); until
 * that pass has finished it is tried again before each run.
 * Renders nothing. A failed run (storage error) is simply tried again next time: the purge
 * never leaves a batch half done, so there is nothing to repair; printed documents main
 * could not remove stay listed and are asked for again on the next run.
 */
export function RetentionRunner() {
  const { profile } = useKioskConfig();
  const retentionDays = retentionDaysOf(profile);
  useEffect(() => {
    const run = () =>
      sealClearRows()
        .catch((error: unknown) => {
          console.warn('at rest: sealing rows stored in the clear failed, will retry', error);
        })
        .then(() => purgeAcknowledgedPersonalData({ now: new Date(), retentionDays, bridge: bridge() }))
        .catch((error: unknown) => {
          console.warn('retention: purge failed, will retry', error);
        });
    void run();
    const timer = window.setInterval(() => void run(), RETENTION_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [retentionDays]);
  return null;
}
