/**
 * What each citizen screen says when "Nghe" is tapped, as a list of pieces read one after
 * the other (the first plays while the next is being made). A piece with a `key` can be
 * replaced by the office's recorded clip in the chosen language (shared/speech/keys.ts);
 * pieces with dates, codes or amounts have none and are always spoken in Vietnamese.
 * The texts are Vietnamese whatever the screen language: the voice is Vietnamese.
 */
import type { TFunction } from 'i18next';
import type { OfficeProfile } from '../../../shared/domain/office-profile.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import type { TodayView } from '../../../shared/domain/today.ts';
import { REFORM_MODELS } from '../../../shared/domain/reform-models.ts';
import { formatVnd } from '../../../shared/domain/format.ts';
import { formatVietnamDate, weekdayOf } from '../../../shared/domain/vietnam-time.ts';
import { modelSpeechKey, procedureSpeechKey } from '../../../shared/speech/keys.ts';

export interface SpeechSegment {
  text: string;
  key?: string;
}

const piece = (text: string | null | undefined, key?: string): SpeechSegment[] =>
  text && text.trim() ? [key ? { text: text.trim(), key } : { text: text.trim() }] : [];

/** Today: the office, the date, open or closed, and each model running today with its procedures. */
export function todaySpeech(
  t: TFunction,
  today: TodayView,
  profile: OfficeProfile,
  procedureName: (code: string) => string | undefined,
  /**
   * What the screen says and the voice repeats: the desk's state ("Đang nghỉ trưa · Mở cửa
   * lại lúc 13:30"), and per model the promise line, replacing the explanation when the
   * same day no longer holds.
   */
  shown: {
    desk: { headline: string; key: string | null; detail: string | null };
    promise(model: string): { sameDay: boolean; text: string | null } | null;
  },
): SpeechSegment[] {
  const weekday = t(`weekday.${weekdayOf(today.date)}`);
  const segments = [
    ...piece(
      `${t('today.heading', { office: profile.office.name })}. ${t('today.date', { weekday, date: formatVietnamDate(today.date) })}.`,
    ),
    ...piece(shown.desk.headline, shown.desk.key ?? undefined),
    ...piece(shown.desk.detail),
  ];
  if (today.isHoliday) segments.push(...piece(t('today.holiday'), 'today.holiday'));
  if (today.models.length === 0) segments.push(...piece(t('today.noModels'), 'today.noModels'));
  for (const m of today.models) {
    const info = REFORM_MODELS[m.model];
    segments.push(...piece(info.name.vi, modelSpeechKey(m.model, 'name')));
    const promise = shown.promise(m.model);
    if (promise?.sameDay !== false)
      segments.push(...piece(info.explanation.vi, modelSpeechKey(m.model, 'explanation')));
    segments.push(...piece(promise?.text));
    if (m.returnWithinWorkingHours !== null)
      segments.push(...piece(t('today.returnWithin', { count: m.returnWithinWorkingHours })));
    for (const code of m.procedures) segments.push(...piece(procedureName(code), procedureSpeechKey(code)));
  }
  return segments;
}

/** A procedure page: what it is, whether it is same-day today, what to bring, the fee, the time. */
export function procedureSpeech(
  t: TFunction,
  procedure: Procedure,
  /** As shown: the fee (its description, and the amount due whatever is declared) and the promise sentences. */
  facts: { fee: Procedure['fee']; amountVnd: number | null; promise: readonly string[] },
): SpeechSegment[] {
  const documents =
    procedure.documents.length === 0
      ? [t('procedure.noDocuments')]
      : procedure.documents.map(
          (d) =>
            `${d.name.vi}: ${t(`procedure.docForm.${d.form}`)}, ${t('procedure.docCount', { count: d.count })}.`,
        );
  const amount = facts.amountVnd;
  return [
    ...piece(procedure.name.vi, procedureSpeechKey(procedure.code)),
    ...piece(
      `${t('procedure.code', { code: procedure.code })}. ${t('procedure.field', { field: procedure.field.vi })}.`,
    ),
    ...facts.promise.flatMap((sentence) => piece(sentence)),
    ...piece(t('procedure.documents'), 'procedure.documents'),
    ...documents.flatMap((d) => piece(d)),
    ...piece(t('procedure.fee'), 'procedure.fee'),
    ...(amount === null
      ? piece(t('procedure.feeVaries'), 'procedure.feeVaries')
      : amount === 0
        ? piece(t('procedure.feeFree'), 'procedure.feeFree')
        : piece(formatVnd(amount))),
    ...piece(facts.fee.description.vi),
    ...piece(t('procedure.time'), 'procedure.time'),
    ...piece(procedure.processingTime.description.vi),
  ];
}

/** The receipt: saved, the dossier code, when to come back, the fee. */
export function receiptSpeech(
  t: TFunction,
  /** `amountVnd`: the fee computed from the declaration, as the receipt shows it (null: not computable). */
  facts: { code: string; procedureName: string; returnText: string; amountVnd: number | null },
): SpeechSegment[] {
  const amount = facts.amountVnd;
  return [
    ...piece(t('receipt:saved'), 'receipt.saved'),
    ...piece(t('receipt:code'), 'receipt.code'),
    ...piece(facts.code),
    ...piece(`${t('receipt:procedure')}: ${facts.procedureName}.`),
    ...piece(t('receipt:returnAt'), 'receipt.returnAt'),
    ...piece(facts.returnText),
    ...piece(
      `${t('procedure.fee')}: ${amount === null ? t('procedure.feeVaries') : amount === 0 ? t('procedure.feeFree') : formatVnd(amount)}.`,
    ),
    ...piece(t('speech:keepSlip'), 'receipt.keepSlip'),
  ];
}

/** A wizard step: its question, the field being filled (label, help, what is in it), and errors. */
export function declarationStepSpeech(
  t: TFunction,
  step: {
    title: string;
    description?: string;
    alert?: string | null;
    field?: { label: string; help?: string; value: string; error?: string };
  },
): SpeechSegment[] {
  return [
    ...piece(step.title),
    ...piece(step.description),
    ...(step.alert ? [...piece(t('speech:error'), 'declaration.error'), ...piece(step.alert)] : []),
    ...(step.field
      ? [
          ...piece(step.field.label),
          ...piece(step.field.help),
          ...piece(
            step.field.value ? t('speech:fieldValue', { value: step.field.value }) : t('speech:fieldEmpty'),
          ),
          ...(step.field.error ? piece(step.field.error) : []),
        ]
      : []),
  ];
}
