import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintKind } from '../../../shared/contracts/bridge.ts';
import { BridgeCallError } from '../../bridge/client.ts';
import { useBridge } from '../shell/index.ts';
import {
  printInHiddenFrame,
  recordPrintOutcome,
  afterBrowserPrint,
  stepOf,
  type PrintJobState,
} from '../receipt/index.ts';

type State =
  { status: 'idle' } | { status: 'printing' } | { status: 'done' } | { status: 'failed'; reason: string };

/** "In lại" one kept document of a dossier; a failure is explained with a retry. */
export function ReprintButton({
  dossierId,
  code,
  kind,
}: {
  dossierId: string;
  code: string;
  kind: PrintKind;
}) {
  const { t } = useTranslation('dossiers');
  const client = useBridge();
  const [state, setState] = useState<State>({ status: 'idle' });

  const reprint = async () => {
    setState({ status: 'printing' });
    try {
      const result = await client.invoke('reprintDocument', { kind, dossierId });
      const step = stepOf(result);
      let printed: PrintJobState;
      if (step.next === 'done') printed = step.state;
      else {
        const ok = await printInHiddenFrame(step.documentUrl).then(
          () => true,
          () => false,
        );
        printed = afterBrowserPrint(ok, step.pdfKept);
      }
      setState(
        printed.status === 'failed' ? { status: 'failed', reason: printed.reason } : { status: 'done' },
      );
      await recordPrintOutcome(dossierId, kind, printed);
    } catch (e) {
      setState({ status: 'failed', reason: e instanceof BridgeCallError ? e.code : 'print-failed' });
    }
  };

  const label = t(`reprint.${kind}`);
  return (
    <div className="reprint">
      <button
        type="button"
        aria-label={t('reprint.aria', { what: label, code })}
        disabled={state.status === 'printing'}
        onClick={() => void reprint()}
      >
        {state.status === 'printing' ? t('reprint.printing') : label}
      </button>
      {state.status === 'done' && <p role="status">{t('reprint.done', { what: label })}</p>}
      {state.status === 'failed' && (
        <div role="alert" className="field-error">
          <p>{t(`reprint.failure.${knownReason(state.reason)}`)}</p>
          <button type="button" onClick={() => void reprint()}>
            {t('reprint.retry')}
          </button>
        </div>
      )}
    </div>
  );
}

const REASONS = [
  'no-printer',
  'printer-offline',
  'paper-out',
  'print-failed',
  'render-failed',
  'not-found',
  'print-unavailable',
  'bridge-unreachable',
] as const;

function knownReason(reason: string): (typeof REASONS)[number] {
  return (REASONS as readonly string[]).includes(reason)
    ? (reason as (typeof REASONS)[number])
    : 'print-failed';
}
