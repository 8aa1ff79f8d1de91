import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/format.ts';

/** dd/mm/yyyy HH:mm in Vietnam time, whatever the machine's zone. */
export function formatSyncTime(iso: string): string {
  const at = new Date(iso);
  return `${formatVietnamDate(at)} ${formatVietnamTime(at)}`;
}
