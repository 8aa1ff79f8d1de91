/** The ticket dialog overlay (with its printing), mounted by the shell once Today's first frame is up. */
export { TicketDialog } from './TicketDialog.tsx';
