import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons/index.tsx';
import { openTicketDialog, servicesFor, useQueueTicketStore } from './store.ts';

/**
 * "Lấy số thứ tự", on Today and on every procedure page: opens the ticket dialog (on the
 * procedure page, for the desk that serves it). Not shown while the kiosk knows no desk
 * service: it never reached an office that runs a queue.
 */
export function TakeTicketButton({
  procedureCode,
  className = 'big',
  explain = false,
}: {
  procedureCode?: string;
  className?: string;
  /** With the one-line explanation beside it (Today, where citizens first meet it). */
  explain?: boolean;
}) {
  const { t } = useTranslation('queueTicket');
  const available = useQueueTicketStore((s) => servicesFor(s.services, procedureCode).length > 0);
  if (!available) return null;
  const button = (
    <button
      type="button"
      className={`take-ticket ${className}`}
      onClick={() => openTicketDialog(procedureCode)}
    >
      <Icon name="ticket" /> {t('take')}
    </button>
  );
  if (!explain) return button;
  return (
    <div className="take-ticket-row">
      {button}
      <p>{t('takeExplain')}</p>
    </div>
  );
}
