/**
 * What "Nghe" reads on the status look-up: how to look a dossier up, and the result as the
 * screen shows it (the code piece by piece, the status and what to do). Vietnamese, since
 * the voice is; `t` is this feature's Vietnamese translator.
 */
import type { TFunction } from 'i18next';
import { formatVietnamDate, formatVietnamTime } from '../../../shared/domain/vietnam-time.ts';
import type { SpeechSegment } from '../speech/index.ts';
import type { LookupView } from './lookup-view.ts';

const piece = (text: string | null | undefined): SpeechSegment[] =>
  text && text.trim() ? [{ text: text.trim() }] : [];

export function lookupSpeech(t: TFunction, view: LookupView | null): SpeechSegment[] {
  const intro = [...piece(t('heading')), ...piece(t('intro'))];
  if (!view) return intro;
  if (view.kind === 'empty') return [...intro, ...piece(t('empty'))];
  if (view.kind === 'unknown') return piece(t('unknown', { code: view.code }));
  if (view.kind === 'needs-qr') return piece(t('needsQr'));
  const [heading, detail] =
    view.state === 'waiting'
      ? [t('state.waiting'), t('state.waitingDetail')]
      : view.state === 'sent' || view.status === null
        ? [t('state.sent'), t('state.sentDetail')]
        : [t(`status.${view.status}`), t(`statusDetail.${view.status}`)];
  const updated = view.updatedAt ? new Date(view.updatedAt) : null;
  return [
    ...piece(`${t('field.code')}: ${view.code}.`),
    ...piece(`${heading}.`),
    ...piece(detail),
    ...piece(view.reason ? t('reason', { reason: view.reason }) : null),
    ...(view.procedure?.name ? piece(`${t('field.procedure')}: ${view.procedure.name.vi}.`) : []),
    ...piece(
      updated && view.age
        ? t('updated', {
            time: formatVietnamTime(updated),
            date: formatVietnamDate(updated),
            age:
              view.age.unit === 'justNow'
                ? t('age.justNow')
                : t(`age.${view.age.unit}`, { count: view.age.count }),
          })
        : null,
    ),
    ...(view.age?.unit === 'days' ? piece(t('stale')) : []),
  ];
}
