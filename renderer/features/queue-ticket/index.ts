/** Public API: queue tickets at the kiosk ("Lấy số thứ tự"): the button. The dialog overlay is in ./lazy.ts. */
export { TakeTicketButton } from './TakeTicketButton.tsx';
