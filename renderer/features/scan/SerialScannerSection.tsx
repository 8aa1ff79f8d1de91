import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_SERIAL_BAUD_RATE,
  SERIAL_BAUD_RATES,
  type SerialScannerStatus,
} from '../../../shared/contracts/serial-scanner.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { parseCccdQr } from '../../../shared/identity/index.ts';
import { useBridge } from '../shell/index.ts';

type BaudRate = (typeof SERIAL_BAUD_RATES)[number];
type TestOutcome =
  | { kind: 'card'; name: string }
  | { kind: 'other'; chars: number; why: string }
  | { kind: 'timeout' }
  | { kind: 'off' };

/** How long the test waits for the officer to scan a card. */
const TEST_WAIT_MS = 15_000;

/**
 * Settings (behind the officer PIN): an ID-card scanner set to serial (COM) mode. The
 * officer chooses or types the port and the baud rate; main opens it and keeps it open.
 * "Quét thử" waits for one scan and says what was read, without filling any form.
 */
export function SerialScannerSection() {
  const { t, i18n } = useTranslation('scan');
  const lang = i18n.language as Language;
  const client = useBridge();
  const id = useId();
  const [status, setStatus] = useState<SerialScannerStatus | null>(null);
  const [ports, setPorts] = useState<{ path: string; label: string }[]>([]);
  const [path, setPath] = useState<string | null>(null);
  const [baud, setBaud] = useState<BaudRate | null>(null);
  const [working, setWorking] = useState<'save' | 'test' | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [test, setTest] = useState<TestOutcome | null>(null);
  const [pathMissing, setPathMissing] = useState(false);

  useEffect(() => {
    let live = true;
    void client
      .invoke('serialScannerStatus', {})
      .then((s) => live && setStatus(s))
      .catch(() => live && setUnavailable(true));
    void client
      .invoke('serialScannerPorts', {})
      .then((p) => live && setPorts(p.ports))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);

  if (unavailable) return <p>{t('serial.unavailable')}</p>;
  if (!status) return <p role="status">{t('serial.loading')}</p>;

  const pathValue = path ?? status.settings?.path ?? '';
  const baudValue = baud ?? status.settings?.baudRate ?? DEFAULT_SERIAL_BAUD_RATE;

  const save = async (off: boolean) => {
    if (!off && pathValue.trim() === '') {
      setPathMissing(true);
      return;
    }
    setPathMissing(false);
    setWorking('save');
    setTest(null);
    try {
      setStatus(
        await client.invoke('serialScannerConfigure', {
          settings: off ? null : { path: pathValue.trim(), baudRate: baudValue },
        }),
      );
      if (off) setPath('');
    } catch {
      setUnavailable(true);
    } finally {
      setWorking(null);
    }
  };

  const runTest = async () => {
    setWorking('test');
    setTest(null);
    try {
      const r = await client.invoke('serialScannerTest', { waitMs: TEST_WAIT_MS });
      if (!r.ok) setTest({ kind: r.reason });
      else {
        const card = parseCccdQr(r.text);
        setTest(
          card.ok
            ? { kind: 'card', name: card.person.fullName }
            : { kind: 'other', chars: r.text.length, why: card.message[lang] },
        );
      }
    } catch {
      setUnavailable(true);
    } finally {
      setWorking(null);
    }
  };

  const stateText =
    status.state === 'off'
      ? t('serial.state.off')
      : status.state === 'listening'
        ? t('serial.state.listening', { path: status.settings?.path, baud: status.settings?.baudRate })
        : t(`serial.problem.${status.problem ?? 'failed'}`, { path: status.settings?.path });

  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!working) void save(false);
      }}
    >
      <p>{t('serial.explain')}</p>
      <p role="status" className={status.state === 'failed' ? 'field-error' : undefined}>
        {stateText}
      </p>
      <label htmlFor={`${id}-path`}>{t('serial.port')}</label>
      <input
        id={`${id}-path`}
        className="text-input"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('serial.portHint')}
        value={pathValue}
        aria-invalid={pathMissing}
        aria-describedby={pathMissing ? `${id}-path-error` : undefined}
        onChange={(e) => setPath(e.target.value)}
      />
      {pathMissing && (
        <p id={`${id}-path-error`} role="alert" className="field-error">
          {t('serial.portMissing')}
        </p>
      )}
      {ports.length > 0 && (
        <div className="button-row" role="group" aria-label={t('serial.found')}>
          {ports.map((p) => (
            <button key={p.path} type="button" onClick={() => setPath(p.path)}>
              {p.label}
            </button>
          ))}
        </div>
      )}
      <div className="choice-group" role="radiogroup" aria-label={t('serial.baud')}>
        <span>{t('serial.baud')}</span>
        {SERIAL_BAUD_RATES.map((rate) => (
          <button
            key={rate}
            type="button"
            role="radio"
            aria-checked={rate === baudValue}
            className={rate === baudValue ? 'selected' : undefined}
            onClick={() => setBaud(rate)}
          >
            {rate}
          </button>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={working !== null}>
          {working === 'save' ? t('serial.saving') : t('serial.save')}
        </button>
        <button
          type="button"
          disabled={working !== null || status.state !== 'listening'}
          onClick={() => void runTest()}
        >
          {working === 'test' ? t('serial.testing') : t('serial.test')}
        </button>
        {status.settings && (
          <button type="button" disabled={working !== null} onClick={() => void save(true)}>
            {t('serial.turnOff')}
          </button>
        )}
      </div>
      {test && (
        <p role="status" className={test.kind === 'card' ? 'ok-message' : 'field-error'}>
          {test.kind === 'card'
            ? t('serial.result.card', { name: test.name })
            : test.kind === 'other'
              ? t('serial.result.other', { chars: test.chars, why: test.why })
              : t(`serial.result.${test.kind}`)}
        </p>
      )}
    </form>
  );
}
