/** Public API: queue tickets at the kiosk ("Lấy số thứ tự"): the button and the dialog overlay. */
export { TakeTicketButton } from './TakeTicketButton.tsx';
export { TicketDialog } from './TicketDialog.tsx';
