import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PRIORITY_GROUPS } from '../../../shared/queue/ticket.ts';
import type { KioskTicket } from '../../../shared/contracts/tickets.ts';
import { toVietnamWallClock } from '../../../shared/domain/vietnam-time.ts';
import type { Language } from '../../../shared/domain/localised.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ListenButton } from '../speech/index.ts';
import { useBridge, useKioskConfig } from '../shell/index.ts';
import {
  chooseService,
  closeTicketDialog,
  loadQueueServices,
  printShownTicket,
  takeTicket,
  useQueueTicketStore,
} from './store.ts';
import type { TicketPrintState } from './print.ts';
import { ticketSpeech } from './speech.ts';
import './queue-ticket.css';

/** How often the kiosk asks the office for its desk services (a service set up later shows its button). */
const SERVICES_REFRESH_MS = 2 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** "07:42, 23/11/2026" in Vietnam time. */
function takenAt(iso: string): string {
  const c = toVietnamWallClock(new Date(iso));
  return `${pad(c.hour)}:${pad(c.minute)}, ${pad(c.day)}/${pad(c.month)}/${c.year}`;
}

/** The ticket dialog, over any screen (shell overlay); it also keeps the service list fresh. */
export function TicketDialog() {
  const { t, i18n } = useTranslation('queueTicket');
  const client = useBridge();
  const { profile } = useKioskConfig();
  const step = useQueueTicketStore((s) => s.step);
  const print = { officeName: profile.office.name, lang: i18n.language as Language };

  useEffect(() => {
    void loadQueueServices(client, true);
    const timer = window.setInterval(() => void loadQueueServices(client, true), SERVICES_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [client]);

  if (step.kind === 'closed') return null;
  const cancel = (
    <button type="button" className="big" onClick={closeTicketDialog}>
      {t('cancel')}
    </button>
  );

  return (
    <Dialog title={t('dialogTitle')} onClose={closeTicketDialog} className="ticket-dialog">
      {step.kind === 'service' && (
        <>
          <p className="ticket-question">{t('chooseService')}</p>
          <div className="ticket-choices">
            {step.choices.map((s) => (
              <button key={s.id} type="button" className="big" onClick={() => chooseService(s)}>
                {s.name}
              </button>
            ))}
          </div>
          {cancel}
        </>
      )}
      {step.kind === 'priority' && (
        <>
          <p className="ticket-question">{t('priorityQuestion')}</p>
          <p className="ticket-note">{t('priorityNote')}</p>
          <div className="ticket-choices">
            {PRIORITY_GROUPS.map((group) => (
              <button
                key={group}
                type="button"
                className="big"
                onClick={() => void takeTicket(client, step.service, group, print)}
              >
                {t(`priority.${group}`)}
              </button>
            ))}
            <button
              type="button"
              className="primary big"
              autoFocus
              onClick={() => void takeTicket(client, step.service, null, print)}
            >
              {t('noPriority')}
            </button>
          </div>
          {cancel}
        </>
      )}
      {step.kind === 'issuing' && (
        <p role="status" className="ticket-issuing">
          {t('issuing')}
        </p>
      )}
      {step.kind === 'failed' && (
        <>
          <p role="alert" className="ticket-failed">
            {t(`failed.${step.reason}`)}
          </p>
          {step.service && step.reason !== 'range-full' && step.reason !== 'unknown-service' && (
            <button type="button" className="primary big" onClick={() => chooseService(step.service!)}>
              {t('retry')}
            </button>
          )}
          {cancel}
        </>
      )}
      {step.kind === 'issued' && (
        <IssuedTicket
          t={t}
          ticket={step.ticket}
          printState={step.print}
          onReprint={() => void printShownTicket(client, print)}
          speech={() => ticketSpeech(i18n.getFixedT('vi', 'queueTicket'), step.ticket)}
        />
      )}
    </Dialog>
  );
}

function IssuedTicket({
  t,
  ticket,
  printState,
  onReprint,
  speech,
}: {
  t: TFunction;
  ticket: KioskTicket;
  printState: TicketPrintState;
  onReprint: () => void;
  speech: () => { text: string }[];
}) {
  return (
    <>
      <section
        className={`ticket-card${ticket.offline ? ' offline' : ''}`}
        aria-labelledby="ticket-number-label"
      >
        <p id="ticket-number-label" className="ticket-label">
          {t('yourNumber')}
        </p>
        <p className="ticket-number" aria-describedby="ticket-number-label">
          {ticket.number}
        </p>
        <p className="ticket-service">{t('service', { name: ticket.serviceName })}</p>
        <p className="ticket-counters">
          {ticket.counters.length
            ? t('counters', { counters: ticket.counters.join(', ') })
            : t('countersUnknown')}
        </p>
        {ticket.priority && <p className="ticket-priority">{t('priorityTaken')}</p>}
        <p>{ticket.peopleAhead === null ? t('aheadUnknown') : t('ahead', { count: ticket.peopleAhead })}</p>
        <p>
          {ticket.estimateMinutes === null
            ? t('waitUnknown')
            : ticket.estimateMinutes === 0
              ? t('waitNext')
              : t('wait', { count: ticket.estimateMinutes })}
        </p>
        {ticket.offline && <p className="ticket-offline">{t('offline')}</p>}
        <p className="ticket-time">{t('takenAt', { time: takenAt(ticket.issuedAt) })}</p>
      </section>
      <PrintLine t={t} state={printState} onReprint={onReprint} />
      <div className="ticket-actions">
        <ListenButton label={t('listen')} segments={speech} />
        <button type="button" className="primary big" onClick={closeTicketDialog}>
          {t('done')}
        </button>
      </div>
    </>
  );
}

function PrintLine({
  t,
  state,
  onReprint,
}: {
  t: TFunction;
  state: TicketPrintState;
  onReprint: () => void;
}) {
  if (state.status === 'failed')
    return (
      <>
        <p role="alert" className="ticket-print failed">
          {t('printFailed', { reason: t(`reason.${state.reason}`) })}
        </p>
        <button type="button" className="big" onClick={onReprint}>
          {t('retryPrint')}
        </button>
      </>
    );
  return (
    <p role="status" className="ticket-print">
      {state.status === 'printing' ? t('printing') : state.status === 'printed' ? t('printed') : t('sent')}
    </p>
  );
}
